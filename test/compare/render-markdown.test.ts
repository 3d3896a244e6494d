import { describe, expect, it } from 'vitest';
import { renderComparisonMarkdown } from '../../src/render/compare-markdown.js';
import { compareChecked } from './checked.js';
import { hostile, HOSTILE, threeQuarters } from './fixtures.js';
import { makeReport, simpleReport } from './report-factory.js';

/** The lines of the first Mermaid block, without the fences. */
function mermaidBlock(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('```mermaid');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('```', start + 1);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end);
}

/** The statements of an xychart-beta block checked against the chart grammar (mermaid's xychart.jison). */
function expectValidXyChart(block: readonly string[]): void {
  const body = block.slice(block.lastIndexOf('---') + 1);
  expect(body[0]).toBe('xychart-beta');
  const text = '"[^"\\n]*"';
  const number = '[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
  const statement = new RegExp(
    [
      `title ${text}`,
      `x-axis \\[${text}(?:, ${text})*\\]`,
      `y-axis ${text} ${number} --> ${number}`,
      `line \\[${number}(?:, ${number})*\\]`,
    ]
      .map((s) => `^ {4}${s}$`)
      .join('|'),
  );
  for (const line of body.slice(1)) expect(line).toMatch(statement);
  // the lexer treats %% as a comment start outside strings, and a line break ends a statement
  expect(body.join('\n')).not.toMatch(/%%/);
}

/** Cells of a table row, split on the pipes that Markdown sees (not escaped ones). */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

describe('renderComparisonMarkdown', () => {
  const c = threeQuarters();
  const markdown = renderComparisonMarkdown(c);

  it('titles the comparison with the organization and the periods', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# CX maturity over time: Acme Ltd');
    expect(lines[2]).toContain('2026-Q1 → 2026-Q3: 3 periods');
    expect(lines[3]).toBe('Overall rose 6.67 points (40 → 46.67); level Ad hoc → Unconscious ↓.');
  });

  it('charts the scores over the periods with xychart-beta, one line per series scored in every period', () => {
    const block = mermaidBlock(markdown);
    expectValidXyChart(block);
    expect(block).toContain('    x-axis ["2026-Q1", "2026-Q2", "2026-Q3"]');
    expect(block).toContain('    y-axis "Score" 0 --> 100');
    // overall, strategy, design; understanding has no score in 2026-Q2
    expect(block.filter((l) => l.startsWith('    line '))).toEqual([
      '    line [40, 59.17, 46.67]',
      '    line [50, 58.33, 75]',
      '    line [40, 60, 20]',
    ]);
    expect(block.slice(0, 6)).toEqual([
      '---',
      'config:',
      '  themeVariables:',
      '    xyChart:',
      '      plotColorPalette: "#1f77b4, #ff7f0e, #2ca02c"',
      '---',
    ]);
  });

  it('names the chart\'s lines in a legend, and the series it could not chart', () => {
    expect(markdown).toContain('| 1 | blue | **Overall** | 40 | 59.17 | 46.67 |');
    expect(markdown).toContain('| 2 | orange | Strategy | 50 | 58.33 | 75 |');
    expect(markdown).toContain('| 3 | green | Design | 40 | 60 | 20 |');
    expect(markdown).toContain('Not charted, as not assessed in every period: Understanding.');
  });

  it('tables the scores and levels per period', () => {
    expect(markdown).toContain('| Element | 2026-Q1 | 2026-Q2 | 2026-Q3 |');
    expect(markdown).toContain('| **Overall** | 40 (Ad hoc) | 59.17 (Repeatable) | 46.67 (Unconscious) |');
    expect(markdown).toContain('| Understanding | 30 (Ad hoc) | not assessed | 45 (Ad hoc) |');
  });

  it('has a section per consecutive change, then first → last', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# CX maturity over time: Acme Ltd',
      '## Scores over time',
      '## Scores and levels',
      '## Changes',
      '### 2026-Q1 → 2026-Q2',
      '### 2026-Q2 → 2026-Q3',
      '### First → last: 2026-Q1 → 2026-Q3',
      '## Warnings',
    ]);
  });

  it('gives each change its deltas and level changes', () => {
    const q2q3 = markdown.slice(markdown.indexOf('### 2026-Q2 → 2026-Q3'), markdown.indexOf('### First'));
    // design 60 → 20: −40, repeatable → unconscious
    expect(q2q3).toContain('| Design | 60 | 20 | -40 | Repeatable → Unconscious ↓ |');
    expect(q2q3).toContain('| Understanding | — | 45 | — | not assessed → Ad hoc |');
    expect(q2q3).toContain('- Strategy: Repeatable → Systematic (up)');
    expect(q2q3).toContain('- Design: Repeatable → Unconscious (down)');
  });

  it('explains the drivers in words', () => {
    const last = markdown.slice(markdown.indexOf('### First'));
    expect(last).toContain(
      [
        '- Strategy rose 25 points (50 → 75):',
        '  - +16.67 Question strategy.experience-statement? (50 → 100)',
        '  - +8.33 Question strategy.b? (50 → 75)',
      ].join('\n'),
    );
    expect(last).toContain('- Design fell 20 points (40 → 20):\n  - -20 Question design.a? (40 → 20)');
  });

  it('says what pulled against the movement, and what cancelled out', () => {
    // Σw = 2: a 0 → 100 is +50, b 100 → 40 is −30; element 50 → 70
    const mixed = renderComparisonMarkdown(
      compareChecked([
        makeReport({ period: 'Q1', elements: { culture: { a: 0, b: 100 }, design: { x: 0, y: 100 } } }),
        makeReport({ period: 'Q2', elements: { culture: { a: 100, b: 40 }, design: { x: 100, y: 0 } } }),
      ]),
    );
    expect(mixed).toContain('- Culture rose 20 points (50 → 70):\n  - +50 Question a? (0 → 100)\n  - -30 Question b? (100 → 40)');
    expect(mixed).toContain('- Design did not move: these changes cancelled out:\n  - +50 Question x? (0 → 100)\n  - -50 Question y? (100 → 0)');
  });

  it('lists questions added and removed', () => {
    const changed = renderComparisonMarkdown(
      compareChecked([
        makeReport({ period: 'Q1', elements: { strategy: { a: 50, old: 50 } } }),
        makeReport({ period: 'Q2', elements: { strategy: { a: 50, new: 50, newer: 50 } } }),
      ]),
    );
    // (1.2) the periods answered different questions: listed with the like-for-like figures
    expect(changed).toContain('- Strategy: compared over 1 question; new in Q2: new and newer; dropped since Q1: old');
  });

  it('lists the warnings', () => {
    expect(markdown).toMatch(/## Warnings\n\n- element-not-assessed: Understanding was not assessed in 2026-Q2/);
  });

  it('says so when no series can be charted', () => {
    const none = renderComparisonMarkdown(
      compareChecked([simpleReport('Q1', { design: null }), simpleReport('Q2', { design: 50 })]),
    );
    expect(none).not.toContain('```mermaid');
    expect(none).toContain('nothing to chart');
  });

  it('is deterministic', () => {
    expect(renderComparisonMarkdown(threeQuarters())).toBe(markdown);
  });
});

describe('renderComparisonMarkdown, with hostile text', () => {
  const markdown = renderComparisonMarkdown(hostile());
  const lines = markdown.split('\n');

  it('keeps every text on its line: no injected headings, no raw HTML', () => {
    expect(lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/ .*/, ''))).toEqual([
      '#', '##', '##', '##', '###',
    ]);
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    // outside the chart (code, not HTML): no tag and no link that Markdown would see
    const prose = markdown.slice(0, markdown.indexOf('```mermaid')) + markdown.slice(markdown.lastIndexOf('```') + 3);
    expect(prose).toContain('script');
    expect(prose).not.toMatch(/(?<!\\)<[a-z/!?]/i);
    expect(prose).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  });

  it('keeps the Mermaid block valid and closed where it should be', () => {
    const block = mermaidBlock(markdown);
    expectValidXyChart(block);
    // exactly one opening and one closing fence: a label cannot close the block early
    expect(lines.filter((l) => l.trim().startsWith('```'))).toHaveLength(2);
  });

  it('keeps table rows to their columns', () => {
    const header = lines.find((l) => l.startsWith('| Element |'))!;
    const columns = cells(header).length;
    expect(columns).toBe(3);
    const rows = lines.slice(lines.indexOf(header) + 2, lines.indexOf('', lines.indexOf(header)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(cells(row)).toHaveLength(columns);
  });

  it('still shows the text, escaped', () => {
    expect(HOSTILE.organization).toContain('Evil');
    expect(lines[0]).toMatch(/^# CX maturity over time: Evil /);
  });
});
