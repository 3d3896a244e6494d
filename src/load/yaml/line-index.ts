// The one place that turns offsets in a text into lines and columns, for both paths and for the explanations of
// syntax errors.

export type Position = { readonly line: number; readonly column: number };

/** Offset where each line starts; our own: yaml's LineCounter misses the newlines inside tokens it rejects. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset, by a binary search over the line starts. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** offset → line:column (1-based). */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset: number): Position => {
    let at = Math.max(0, Math.min(offset, text.length));
    // the end of a file that ends with a newline would be a line that does not exist: use the end of the last line
    if (at === text.length && text.endsWith('\n')) at -= text.endsWith('\r\n') ? 2 : 1;
    const line = lineOf(starts, at);
    return { line: line + 1, column: at - starts[line]! + 1 };
  };
}
