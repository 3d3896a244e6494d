// Untrusted text (from YAML files and answers) never reaches a screen or a report raw.

// ESC-introduced sequences: CSI, OSC (to BEL or ST), DCS/SOS/PM/APC strings, and two-byte escapes;
// 8-bit C1 equivalents; C0 controls but tab and newline; DEL; bidi overrides and isolates.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[PX^_][^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u0090\u0098\u009e\u009f][^\u001b\u009c]*(?:\u001b\\|\u009c)?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal control sequences and control characters (newline and tab stay). */
export function stripControls(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** For one-line contexts: controls removed, newlines and tabs turned into spaces. */
export function singleLine(text: string): string {
  return stripControls(text).replace(/[\n\t\u2028\u2029]+/g, ' ');
}

/**
 * What GitHub's Markdown turns into a link without any markup (GFM "autolinks (extension)"): `www.` followed by a
 * domain, a scheme followed by `://` (http, https, ftp), and an e-mail address (local part `@` a domain with a
 * dot). A backslash before the `.` of `www.`, the `:` of the scheme, or the `@` shows the same character and
 * breaks the pattern, which is matched on the text as written.
 */
const AUTOLINK_WWW = /(^|[^A-Za-z0-9])(www)\./gi;
const AUTOLINK_SCHEME = /([A-Za-z])(:)(?=\/\/)/g;
const AUTOLINK_EMAIL = /([A-Za-z0-9+._-])@(?=[A-Za-z0-9_-]+\.)/g;
const MAILTO = /(mailto|xmpp)(:)/gi;

/** Safe inline Markdown (prose and table cells): no HTML, links (autolinks included), emphasis, headings or table breaks. */
export function escapeMarkdownInline(text: string): string {
  return singleLine(text)
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(AUTOLINK_WWW, '$1$2\\.')
    .replace(AUTOLINK_SCHEME, '$1\\:')
    .replace(MAILTO, '$1\\:')
    .replace(AUTOLINK_EMAIL, '$1\\@');
}

/** Safe inside a double-quoted Mermaid label. */
export function escapeMermaidLabel(text: string): string {
  // % too: Mermaid reads %%{init}%% directives anywhere, even inside quoted labels
  return singleLine(text).replace(/["<>&#;`%]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** An inline code span for ids and paths: controls and backticks removed, pipes escaped for tables. */
export function codeSpan(text: string): string {
  return '`' + singleLine(text).replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}
