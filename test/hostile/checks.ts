// Invariants of output made from untrusted text: no control characters; Markdown without HTML or
// links, with intact tables and closed Mermaid labels.

import { expect } from 'vitest';

/** Controls that must never be printed: C0 but tab and newline, DEL, C1, bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function noControls(text: string): void {
  const at = CONTROL.exec(text);
  expect(at, at ? `U+${at[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${at.index}: ${JSON.stringify(text.slice(Math.max(0, at.index - 40), at.index + 20))}` : '').toBeNull();
}

/** Splits Markdown into the Mermaid blocks and the rest. */
function split(markdown: string): { mermaid: string[]; prose: string } {
  const mermaid: string[] = [];
  const prose = markdown.replace(/```mermaid\n([\s\S]*?)```\n/g, (_, block: string) => {
    mermaid.push(block);
    return '';
  });
  return { mermaid, prose };
}

/** The text with every backslash escape (\\x) removed: what is left is what Markdown interprets. */
function unescaped(text: string): string {
  return text.replace(/\\[\s\S]/g, '');
}

/** Cells of a Markdown table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
  return unescaped(row).replace(/^\||\|$/g, '').split('|');
}

export function checkMarkdown(markdown: string): void {
  noControls(markdown);
  const { mermaid, prose } = split(markdown);
  // no HTML: every < is escaped, but for the line breaks the report itself puts in table cells
  expect(unescaped(prose.replace(/ <br> /g, ' '))).not.toMatch(/</);
  expect(unescaped(prose)).not.toMatch(/\[[^\]]*\]\(/); // no link made from untrusted text
  // every row of a table has as many cells as its header
  const lines = prose.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!/^\|(-|:)/.test(line)) continue;
    const width = cells(lines[i - 1]!).length;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
      expect(cells(lines[j]!), lines[j]).toHaveLength(width);
    }
  }
  // in Mermaid, untrusted text sits only inside double-quoted labels, with nothing in them that ends
  // the label or starts a directive or a statement
  expect(mermaid.length).toBeGreaterThan(0);
  for (const block of mermaid) {
    for (const label of block.matchAll(/"([^"\n]*)"/g)) expect(label[1]!.replace(/#\d+;/g, '')).not.toMatch(/[%;<>`]/);
    const outside = block.replace(/"[^"\n]*"/g, '""');
    expect(outside.replace(/ --> /g, ' ')).not.toMatch(/%%|[;<>`]/);
    for (const line of outside.split('\n').filter((l) => l.trim() !== '')) {
      expect(line).toMatch(/^(\s*(xychart-beta|title ""|x-axis \[("",\s*)*""\]|y-axis "" [\d.]+ --> [\d.]+|(bar|line) \[[\d., ]*\])|---|config:|\s+themeVariables:|\s+xyChart:|\s+plotColorPalette: "")$/);
    }
  }
}

