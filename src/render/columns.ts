// Text in columns on a terminal: widths in columns, not code points (a CJK character takes two, a combining
// mark none), so that the rows of a table line up whatever the script.

import stringWidth from 'string-width';

/** The columns the text takes on a terminal. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The text, then spaces up to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Spaces up to `width` columns, then the text. */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}
