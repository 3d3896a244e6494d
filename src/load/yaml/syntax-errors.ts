// The yaml package's syntax errors in the words of what the person did and how to fix it ("line 6 is indented
// more than the key above it: align `text:` with `id:`), one finding per mistake rather than its cascade.
//
// How: from the first error the parser reports, find the mistake that explains it (a tab in the indentation, a
// line indented more or less than its neighbours allow, a missing comma in a { … } mapping, a key without its
// colon); fix it in a copy of the text and parse again. The errors that vanish were the mistake's cascade; the
// next remaining one is the next mistake. Every fix keeps the lines where they are, so positions carry over.
// Whatever cannot be explained is left to the caller (full-parse.ts) as before.

import { lineOf, lineStarts } from './line-index.js';

/** A syntax error as the yaml package reports it: its code and where it starts. */
export interface SyntaxProblem {
  readonly code: string;
  readonly pos: readonly [number, number];
}

/** One mistake, explained: where it is (an offset in the original text) and what to change. */
export interface SyntaxMistake {
  readonly offset: number;
  readonly message: string;
}

/** Parses text again (with the same options as the first parse) and gives its syntax errors. */
export type Reparse<P extends SyntaxProblem> = (text: string) => readonly P[];

/** Rounds of fix-and-parse: each costs a parse, so a large file gets fewer. */
const ROUNDS = 8;
const LARGE_TEXT = 256 * 1024;

interface Diagnosis {
  readonly line: number; // 0-based
  readonly column: number; // 0-based
  readonly message: string;
  /** The line as it should read. */
  readonly fixed: string;
}

/**
 * The mistakes behind the yaml package's syntax errors, and the errors left once they are fixed (`rest`, their
 * positions in the original text). Without any explained mistake, `rest` is `problems` as they were.
 */
export function explainSyntaxErrors<P extends SyntaxProblem>(
  text: string,
  problems: readonly P[],
  reparse: Reparse<P>,
): { mistakes: SyntaxMistake[]; rest: P[] } {
  if (problems.length === 0) return { mistakes: [], rest: [] };
  return explain(text, problems, reparse);
}

function explain<P extends SyntaxProblem>(text: string, problems: readonly P[], reparse: Reparse<P>): { mistakes: SyntaxMistake[]; rest: P[] } {
  const lines = text.split('\n');
  const starts = lineStarts(text);
  const mistakes: SyntaxMistake[] = [];
  let current = [...problems].sort((a, b) => a.pos[0] - b.pos[0]);
  const rounds = text.length > LARGE_TEXT ? 2 : ROUNDS;
  for (let round = 0; round < rounds && current.length > 0; round++) {
    const currentText = lines.join('\n');
    const first = current[0]!;
    const firstLine = lineOf(lineStarts(currentText), first.pos[0]);
    // of the explanations that clear the error (fewer errors, or the first one further down), the one that
    // leaves fewest: a whole block one column off is one misplaced line above it, not every line of the block
    let best: { diagnosis: Diagnosis; after: P[] } | undefined;
    for (const diagnosis of diagnose(lines, firstLine, first, currentText)) {
      const candidate = [...lines];
      candidate[diagnosis.line] = diagnosis.fixed;
      let after: P[];
      try {
        after = [...reparse(candidate.join('\n'))].sort((a, b) => a.pos[0] - b.pos[0]);
      } catch {
        continue; // the parser's own limits (hostile input): no explanation from this fix
      }
      const afterFirst = after[0] === undefined ? Infinity : lineOf(lineStarts(candidate.join('\n')), after[0].pos[0]);
      if (!(after.length < current.length || afterFirst > firstLine)) continue;
      if (best === undefined || after.length < best.after.length) best = { diagnosis, after };
      // none can leave fewer than none: the candidates after it are not even tried (each costs a parse)
      if (after.length === 0) break;
    }
    const accepted = best !== undefined;
    if (best) {
      const { diagnosis } = best;
      mistakes.push({ offset: starts[diagnosis.line]! + Math.min(diagnosis.column, (lines[diagnosis.line] ?? '').length), message: diagnosis.message });
      lines[diagnosis.line] = diagnosis.fixed;
      current = best.after;
    }
    if (!accepted) break;
  }
  if (mistakes.length === 0) return { mistakes, rest: [...problems] };
  // what remains, at the same line and column of the original text (fixes change no line breaks)
  const fixedStarts = lineStarts(lines.join('\n'));
  const rest = current.map((p) => {
    const line = lineOf(fixedStarts, p.pos[0]);
    const offset = starts[line]! + Math.min(p.pos[0] - fixedStarts[line]!, (text.split('\n')[line] ?? '').length);
    return { ...p, pos: [offset, offset] as const };
  });
  return { mistakes, rest };
}

/** Candidate explanations of the first error, most likely first. */
function* diagnose(lines: readonly string[], errorLine: number, first: SyntaxProblem, text: string): Generator<Diagnosis> {
  // the mistake is on the error's line or the next (an over-indented line is reported at the line above it)
  const from = Math.max(0, errorLine - 1);
  const to = Math.min(lines.length - 1, errorLine + 1);
  for (const layout of scanLayout(lines, from, to)) yield layout;
  const comma = missingComma(lines, errorLine, first.pos[0] - (lineStarts(text)[errorLine] ?? 0));
  if (comma) yield comma;
  for (let line = errorLine; line <= Math.min(to, errorLine + 1); line++) {
    const colon = missingColon(lines, line);
    if (colon) yield colon;
  }
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?:[ \t]|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

interface Open {
  readonly column: number;
  readonly kind: 'map' | 'seq';
  /** For a mapping: the last key at this column, and its line, to name in a message. */
  key?: string;
  line: number;
}

/**
 * Lines whose indentation no reading of the lines above allows: a tab, more indentation than the key above it
 * takes, or less than the block it belongs to. Each with the column it was most likely meant to have.
 */
function scanLayout(lines: readonly string[], from: number, until: number): Diagnosis[] {
  const stack: Open[] = [];
  /** The line above opened a block (a key or "-" with nothing after it): deeper lines are its content. */
  let opened: { column: number; kind: 'map' | 'seq' } | undefined;
  let blockScalarAbove: number | undefined;
  let plainValueAbove = false;
  let flowDepth = 0;
  let lastContent = -1;
  for (let i = 0; i <= until && i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const leading = /^[ \t]*/.exec(raw)![0];
    const content = raw.slice(leading.length);
    const hasTab = leading.includes('\t');
    const indent = hasTab ? leading.indexOf('\t') : leading.length;
    if (blockScalarAbove !== undefined) {
      if (content === '' || (!hasTab && indent > blockScalarAbove)) continue;
      blockScalarAbove = undefined;
    }
    if (content === '' || content.startsWith('#')) continue;
    const previousContent = lastContent;
    lastContent = i;
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + bracketBalance(content));
      continue;
    }
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(content) || content.startsWith('%')) {
      stack.length = 0;
      opened = undefined;
      continue;
    }
    const isItem = /^-(?:[ \t]|$)/.test(content);
    const key = isItem ? undefined : KEY.exec(content)?.[1];
    // a plain value continued on a more indented line is fine YAML: no key, no item, deeper than the key above
    const innermost = stack[stack.length - 1];
    if (!hasTab && !isItem && key === undefined && plainValueAbove && innermost && indent > innermost.column) continue;

    let valid: boolean;
    if (hasTab) valid = false;
    else if (opened) valid = indent > opened.column || (indent === opened.column && isItem && opened.kind === 'map');
    else valid = stack.some((o) => o.column === indent && (o.kind === 'seq') === isItem);
    // a line before the error that looks misplaced to this scan was read fine by yaml: taken as it stands
    if (!valid && i >= from && (isItem || key !== undefined)) {
      const candidates = hasTab ? [tabColumn(stack, opened, isItem)].filter((c) => c !== undefined) : intendedColumns(stack, opened, indent, isItem);
      const found: Diagnosis[] = [];
      for (const [rank, intended] of candidates.entries()) {
        const own = isItem ? '-' : `${key!}:`;
        const anchor = anchorAt(stack, intended.column, isItem);
        const align = anchor ? `align \`${own}\` with ${isItem ? 'the ' : ''}\`${anchor.text}\` on line ${anchor.line + 1}` : `start \`${own}\` at column ${intended.column + 1}`;
        const message =
          stack.length === 0 && !opened
            ? `line ${i + 1} starts the file's content but is indented: start \`${own}\` at column ${intended.column + 1}, like the lines after it`
            : hasTab
              ? `line ${i + 1} is indented with a tab: indent with spaces, not tabs: put ${intended.column} spaces before \`${own}\`${anchor ? ` to align it with \`${anchor.text}\` on line ${anchor.line + 1}` : ''}`
              : indent > intended.column
                ? `line ${i + 1} is indented more than ${anchor && !isItem ? 'the key above it' : 'the line above allows'}: ${align}`
                : `line ${i + 1} is indented less than ${anchor && !isItem ? 'the key above it' : 'its block'}: ${align}`;
        found.push({ line: i, column: indent, message, fixed: ' '.repeat(intended.column) + content });
        // or the line above, which opened the block, is the one misplaced: it moves to where this line's key is
        const above = rank === 0 && anchor && !hasTab ? lines[anchor.line]!.replace(/\r$/, '') : undefined;
        if (anchor && above !== undefined && anchor.line === previousContent) {
          const shift = indent - intended.column;
          const aboveIndent = /^ */.exec(above)![0].length;
          if (aboveIndent + shift >= 0) {
            const aboveOwn = anchor.text !== '-' && /^-[ \t]/.test(above.slice(aboveIndent)) ? `- ${anchor.text}` : anchor.text;
            found.push({
              line: anchor.line,
              column: aboveIndent,
              message: `line ${anchor.line + 1} is indented ${shift < 0 ? 'more' : 'less'} than the lines of its block: move \`${aboveOwn}\` ${Math.abs(shift)} column${Math.abs(shift) === 1 ? '' : 's'} ${shift < 0 ? 'left' : 'right'}, in line with \`${own}\` on line ${i + 1}`,
              fixed: ' '.repeat(aboveIndent + shift) + above.slice(aboveIndent),
            });
          }
        }
      }
      if (found.length > 0) return found;
    }
    // the line as it stands opens or continues blocks
    const column = indent;
    while (stack.length > 0 && stack[stack.length - 1]!.column > column) stack.pop();
    let rest = content;
    let restColumn = column;
    if (isItem) {
      if (!stack.some((o) => o.column === column && o.kind === 'seq')) stack.push({ column, kind: 'seq', line: i });
      const after = content.slice(1).replace(/^[ \t]+/, '');
      restColumn = column + (content.length - after.length);
      rest = after;
      if (rest === '' || rest.startsWith('#')) {
        opened = { column, kind: 'seq' };
        plainValueAbove = false;
        continue;
      }
    }
    const restKey = KEY.exec(rest)?.[1];
    opened = undefined;
    plainValueAbove = false;
    if (restKey !== undefined) {
      const top = stack[stack.length - 1];
      if (top && top.column === restColumn && top.kind === 'map') {
        top.key = restKey;
        top.line = i;
      } else stack.push({ column: restColumn, kind: 'map', key: restKey, line: i });
      const value = rest.slice(rest.indexOf(':', restKey.length) + 1).trim();
      if (value === '' || value.startsWith('#')) opened = { column: restColumn, kind: 'map' };
      else if (BLOCK_SCALAR.test(value)) blockScalarAbove = isItem ? column : restColumn;
      else if (value.startsWith('[') || value.startsWith('{')) flowDepth = Math.max(0, bracketBalance(value));
      else plainValueAbove = !value.startsWith('"') && !value.startsWith("'");
    } else if (rest.startsWith('[') || rest.startsWith('{')) flowDepth = Math.max(0, bracketBalance(rest));
  }
  return [];
}

/** Where a line indented with a tab belongs: inside the block the line above opened, else beside the line above. */
function tabColumn(stack: readonly Open[], opened: { column: number } | undefined, isItem: boolean): { column: number } | undefined {
  if (opened) return { column: opened.column + 2 };
  for (let k = stack.length - 1; k >= 0; k--) if ((stack[k]!.kind === 'seq') === isItem) return { column: stack[k]!.column };
  return undefined;
}

/** Brackets opened minus closed on a line, outside quotes. */
function bracketBalance(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/** The columns a misplaced line may have been meant to start at, that the lines above allow: nearest first. */
function intendedColumns(stack: readonly Open[], opened: { column: number } | undefined, indent: number, isItem: boolean): { column: number }[] {
  const columns = new Set<number>();
  if (stack.length === 0 && !opened) columns.add(0); // the file's first content line
  for (const open of stack) if ((open.kind === 'seq') === isItem) columns.add(open.column);
  if (opened) columns.add(opened.column + 2);
  columns.delete(indent);
  return [...columns].sort((a, b) => Math.abs(a - indent) - Math.abs(b - indent) || b - a).map((column) => ({ column }));
}

/** What a misplaced line should line up with: the key (or "-") above it at the intended column. */
function anchorAt(stack: readonly Open[], column: number, isItem: boolean): { text: string; line: number } | undefined {
  for (let k = stack.length - 1; k >= 0; k--) {
    const open = stack[k]!;
    if (open.column !== column) continue;
    if (isItem && open.kind === 'seq') return { text: '-', line: open.line };
    if (!isItem && open.kind === 'map' && open.key !== undefined) return { text: `${open.key}:`, line: open.line };
  }
  return undefined;
}

/**
 * `{ id: distinctive label: Distinctive }`: yaml reads "distinctive label" as the start of a nested mapping. The
 * comma goes before the word that is followed by a colon.
 */
function missingComma(lines: readonly string[], line: number, column: number): Diagnosis | undefined {
  const raw = lines[line];
  if (raw === undefined || !/[{[]/.test(raw.slice(0, Math.max(0, column)))) return undefined;
  const rest = raw.slice(column);
  const match = /^([^,:{}[\]#]*?[^\s,:{}[\]#])([ \t]+)([^\s,:{}[\]#"']+):(?=[ \t]|$)/.exec(rest);
  if (!match) return undefined;
  const before = match[1]!;
  const key = match[3]!;
  const at = column + before.length;
  const previousKey = /([^\s,{[]+):[ \t]*$/.exec(raw.slice(0, column))?.[1];
  return {
    line,
    column: at + match[2]!.length,
    message: `a comma is missing before \`${key}:\`: write \`${previousKey ? `${previousKey}: ` : ''}${before.trim()}, ${key}:\` (the items of a { … } mapping are separated by commas)`,
    fixed: raw.slice(0, at) + ',' + raw.slice(at),
  };
}

/** A line with a bare word where a key and its value should be: `element` for `element: strategy`. */
function missingColon(lines: readonly string[], line: number): Diagnosis | undefined {
  const raw = lines[line]?.replace(/\r$/, '');
  if (raw === undefined) return undefined;
  const match = /^( *)([A-Za-z_][\w.-]*)[ \t]*$/.exec(raw);
  if (!match) return undefined;
  return {
    line,
    column: match[1]!.length,
    message: `line ${line + 1} holds \`${match[2]!}\` without a colon: write \`${match[2]!}: \` followed by its value`,
    fixed: `${match[1]!}${match[2]!}:`,
  };
}
