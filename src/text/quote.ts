// Values from files, quoted in finding messages so that the reader sees exactly what to change.

/** Characters a reader cannot see, or that move the cursor: control characters but tab and line breaks, bidi controls. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const QUOTED_LENGTH = 60;

/**
 * A value from a file, quoted for a message, with what cannot be seen written as a \u escape (the printers strip
 * control characters: without this, "Ann\u001b[2J" would read as "Ann"); a long value is cut. Line breaks stay:
 * each format prints them its own way (a space on a terminal, escaped in JSON and GitHub annotations).
 */
export function quote(value: string): string {
  const chars = [...value];
  const shown = chars.length > QUOTED_LENGTH ? chars.slice(0, QUOTED_LENGTH - 3).join('') + '...' : value;
  return `"${shown.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
