// How deep the text nests, found before any parser sees it: both parsers recurse, and a hostile file could
// exhaust the stack or memory. The fast path declines such text; the full path reports it (yaml-too-deep).

/** Deepest nesting of collections accepted; real files need fewer than 10. */
export const MAX_DEPTH = 64;

const FLOW_BRACKET = /[[\]{}]/g;

/**
 * Depth of flow brackets, found before the YAML parser sees a hostile file (it can exhaust memory on them).
 * The regular expression jumps from bracket to bracket: several times faster than a loop over every character.
 */
function flowDepthOverflow(text: string): number {
  let depth = 0;
  FLOW_BRACKET.lastIndex = 0;
  for (let match = FLOW_BRACKET.exec(text); match !== null; match = FLOW_BRACKET.exec(text)) {
    const c = text.charCodeAt(match.index);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return match.index;
    } else if (depth > 0) depth--;
  }
  return -1;
}

/**
 * Depth of block nesting, for the same reason: indentation that keeps growing, and "- " or "? " repeated at
 * the start of a line ("- - - x"). An estimate (within a factor of two), enough to keep the parser far from its
 * recursion limit; the exact depth is checked on the parsed document.
 */
function blockDepthOverflow(text: string): number {
  const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n';
  const indents: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    while (i < end && text[i] === ' ') i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      const indent = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      if (depth > MAX_DEPTH) return i;
      let indicators = 0;
      while (i < end) {
        const c = text[i];
        if ((c === '-' || c === '?' || c === ':') && isBlank(text[i + 1])) {
          // the first indicator belongs to the collection of this indentation; each further one opens another
          if (++indicators > 1 && ++depth > MAX_DEPTH) return i;
          i++;
        } else if (c === '&' || c === '!') {
          while (i < end && !isBlank(text[i])) i++; // an anchor or a tag between indicators
        } else break;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      }
    }
    lineStart = end + 1;
  }
  return -1;
}

/** Offset where the text nests too deep for the parsers to be safe on it, or -1: checked before any parser runs. */
export function depthOverflow(text: string): number {
  const flowOverflow = flowDepthOverflow(text);
  const blockOverflow = blockDepthOverflow(text);
  return flowOverflow < 0 || blockOverflow < 0 ? Math.max(flowOverflow, blockOverflow) : Math.min(flowOverflow, blockOverflow);
}
