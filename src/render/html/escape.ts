// Untrusted text (from YAML files, answers and report JSON) for HTML, SVG and CSS: controls and bidi
// overrides removed (src/text/sanitize.ts), then every character that HTML or CSS could read as markup
// written as an entity or escape. No untrusted text ever becomes a tag, an attribute, a URL or a rule.

import { singleLine, stripControls } from '../../text/sanitize.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function entities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** One line of untrusted text for element content or a quoted attribute value (HTML or inline SVG). */
export function html(text: string): string {
  return entities(singleLine(text));
}

/** Untrusted text that may keep its line breaks (notes): shown with `white-space: pre-line`. */
export function htmlLines(text: string): string {
  return entities(stripControls(text).replace(/\t/g, ' '));
}

/**
 * Untrusted text as a CSS string literal ("…"), for generated content such as the printed page header:
 * every character but letters, digits and spaces as a hex escape, so nothing can close the string,
 * the rule or the <style> element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of singleLine(text)) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** Shortens untrusted text to at most `max` characters (code points), with an ellipsis; for chart labels. */
export function truncate(text: string, max: number): string {
  const chars = [...singleLine(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
