// One home for JSON output: two-space indent and a final newline, the same for every command.

// JSON.stringify escapes C0 controls; these it leaves raw: DEL and C1 controls (an 8-bit CSI moves
// the cursor on some terminals), bidi overrides, and line and paragraph separators. They can occur
// only inside strings, so escaping them keeps the data and the JSON the same.
const UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
