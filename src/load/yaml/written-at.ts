// What the person wrote at a position, to quote it back in a message exactly as typed (True stays True), and how
// to write it quoted where it stands.

import type { Position } from './line-index.js';

/** The text written at a position, up to where a plain scalar ends. */
export function writtenAt(text: string, { line, column }: Position): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return '';
    start = newline + 1;
  }
  const end = text.indexOf('\n', start);
  const rest = text.slice(start + column - 1, end < 0 ? undefined : end);
  return /^[^\s,\]}#]*/.exec(rest)![0];
}

/** How to write a value quoted where it stands: `id: "no"` for a key's value, `"no"` for a list item. */
export function quotedFix(pointerKey: string | undefined, written: string): string {
  return pointerKey === undefined || /^\d+$/.test(pointerKey) ? `"${written}"` : `${pointerKey}: "${written}"`;
}
