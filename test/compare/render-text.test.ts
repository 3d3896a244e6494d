import { describe, expect, it } from 'vitest';
import { renderComparisonText } from '../../src/render/compare-text.js';
import { compareChecked } from './checked.js';
import { hostile, HOSTILE, threeQuarters } from './fixtures.js';
import { simpleReport } from './report-factory.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plain = { color: false, unicode: true };

function row(text: string, name: string): string {
  const line = text.split('\n').find((l) => l.startsWith(name));
  if (line === undefined) throw new Error(`no row ${name} in\n${text}`);
  return line;
}

describe('renderComparisonText', () => {
  const c = threeQuarters();

  it('prints the whole comparison (golden)', () => {
    expect(renderComparisonText(c, plain).split('\n')).toEqual([
      'Acme Ltd: CX maturity, 2026-Q1 → 2026-Q3 (3 periods)',
      '',
      '               2026-Q1           2026-Q2           2026-Q3            2026-Q1 → 2026-Q3',
      'Overall           40 Ad hoc      59.17 Repeatable  46.67 Unconscious  ↑ +6.67',
      'Strategy          50 Repeatable  58.33 Repeatable     75 Systematic   ↑   +25',
      'Design            40 Ad hoc         60 Repeatable     20 Unconscious  ↓   −20',
      'Understanding     30 Ad hoc          –                45 Ad hoc       ↑   +15',
      '',
      'Level changes',
      '  2026-Q1 → 2026-Q2  Overall: Ad hoc → Repeatable ↑',
      '  2026-Q1 → 2026-Q2  Design: Ad hoc → Repeatable ↑',
      '  2026-Q2 → 2026-Q3  Overall: Repeatable → Unconscious ↓',
      '  2026-Q2 → 2026-Q3  Strategy: Repeatable → Systematic ↑',
      '  2026-Q2 → 2026-Q3  Design: Repeatable → Unconscious ↓',
      '',
      'What moved, 2026-Q1 → 2026-Q2',
      '  Strategy ↑ +8.33 (50 → 58.33)',
      '    +8.33  50 → 75  Question strategy.experience-statement?',
      '  Design ↑ +20 (40 → 60)',
      '      +20  40 → 60  Question design.a?',
      '',
      'What moved, 2026-Q2 → 2026-Q3',
      '  Strategy ↑ +16.67 (58.33 → 75)',
      '    +8.33  50 → 75   Question strategy.b?',
      '    +8.33  75 → 100  Question strategy.experience-statement?',
      '  Design ↓ −40 (60 → 20)',
      '      −40  60 → 20   Question design.a?',
      '',
      'What moved, first to last, 2026-Q1 → 2026-Q3',
      '  Strategy ↑ +25 (50 → 75)',
      '    +16.67  50 → 100  Question strategy.experience-statement?',
      '     +8.33  50 → 75   Question strategy.b?',
      '  Design ↓ −20 (40 → 20)',
      '       −20  40 → 20   Question design.a?',
      '  Understanding ↑ +15 (30 → 45)',
      '       +15  30 → 45   Question understanding.a?',
      '',
      'Warnings',
      '  element-not-assessed Understanding was not assessed in 2026-Q2: no delta to or from that period',
      '',
    ]);
  });

  it('has no ANSI at all without colour', () => {
    expect(renderComparisonText(c, { color: false, unicode: true })).not.toContain('\u001b');
    expect(renderComparisonText(c, { color: false, unicode: false })).not.toContain('\u001b');
  });

  it('colours a rise green and a fall red, and only adds colour', () => {
    const coloured = renderComparisonText(c, { color: true, unicode: true });
    expect(row(coloured, 'Strategy')).toContain('\u001b[32m↑   +25\u001b[39m');
    expect(row(coloured, 'Design')).toContain('\u001b[31m↓   −20\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(renderComparisonText(c, plain));
  });

  it('shows each period\'s score and level, then the change first → last with an arrow', () => {
    const text = renderComparisonText(c, plain);
    const header = text.split('\n')[2]!;
    expect(header.indexOf('2026-Q1')).toBeLessThan(header.indexOf('2026-Q2'));
    expect(header).toContain('2026-Q1 → 2026-Q3');
    expect(row(text, 'Overall')).toMatch(/^Overall +40 Ad hoc +59\.17 Repeatable +46\.67 Unconscious +↑ \+6\.67$/);
    expect(row(text, 'Strategy')).toMatch(/^Strategy +50 Repeatable +58\.33 Repeatable +75 Systematic +↑ +\+25$/);
    expect(row(text, 'Design')).toMatch(/↓ +−20$/);
    // not assessed in Q2: a dash in that column, and still a change first → last (30 → 45)
    expect(row(text, 'Understanding')).toMatch(/^Understanding +30 Ad hoc +– +45 Ad hoc +↑ +\+15$/);
  });

  it('lines the table up: columns start at the same place in every row', () => {
    const text = renderComparisonText(c, plain);
    const rows = ['Overall', 'Strategy', 'Design', 'Understanding'].map((name) => [...row(text, name)]);
    const column = (chars: string[], pattern: RegExp): number => chars.findIndex((ch) => pattern.test(ch));
    // the change column: arrows in one column, numbers right-aligned
    expect(new Set(rows.map((chars) => column(chars, /[↑↓→]/))).size).toBe(1);
    expect(new Set(rows.map((chars) => chars.length)).size).toBe(1);
    // the first period's scores end in one column ("40", "50", "40", "30" right-aligned)
    const header = [...text.split('\n')[2]!];
    const q2 = header.join('').indexOf('2026-Q2');
    for (const chars of rows) expect(chars[q2 - 1]).toBe(' ');
    expect(new Set(rows.map((chars) => chars.join('').search(/\d+ [A-Z]/))).size).toBe(1);
  });

  it('uses ASCII arrows and dashes, and nothing but ASCII, without unicode', () => {
    const text = renderComparisonText(c, { color: false, unicode: false });
    expect(row(text, 'Strategy')).toMatch(/\^ +\+25$/);
    expect(row(text, 'Design')).toMatch(/v +-20$/);
    expect(row(text, 'Understanding')).toMatch(/ - /);
    expect(text).toContain('Strategy: Repeatable -> Systematic ^');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('shows a same score with the same-arrow', () => {
    const same = compareChecked([simpleReport('A', { strategy: 50 }), simpleReport('B', { strategy: 50 })]);
    expect(row(renderComparisonText(same, plain), 'Strategy')).toMatch(/→ 0$/);
    expect(row(renderComparisonText(same, { color: false, unicode: false }), 'Strategy')).toMatch(/= 0$/);
  });

  it('lists the level changes of each consecutive pair', () => {
    const text = renderComparisonText(c, plain);
    const section = text.slice(text.indexOf('Level changes'), text.indexOf('What moved'));
    expect(section.split('\n').slice(1, -2)).toEqual([
      '  2026-Q1 → 2026-Q2  Overall: Ad hoc → Repeatable ↑',
      '  2026-Q1 → 2026-Q2  Design: Ad hoc → Repeatable ↑',
      '  2026-Q2 → 2026-Q3  Overall: Repeatable → Unconscious ↓',
      '  2026-Q2 → 2026-Q3  Strategy: Repeatable → Systematic ↑',
      '  2026-Q2 → 2026-Q3  Design: Repeatable → Unconscious ↓',
    ]);
  });

  it('names the top drivers of each element that moved, by question text, for every consecutive pair and first to last', () => {
    const text = renderComparisonText(c, plain);
    // mutation caught: printing only the last change (first → last), as before, or the question ids
    for (const change of c.changes) {
      const title = change.kind === 'first-to-last' ? 'What moved, first to last' : 'What moved';
      expect(text).toContain(`${title}, ${change.from} → ${change.to}\n`);
    }
    // strategy, first to last: 100/3 − 50/3 = +16.67 and 75/3 − 50/3 = +8.33
    expect(text).toContain('    +16.67  50 → 100  Question strategy.experience-statement?\n');
    expect(text).toContain('  Design ↓ −40 (60 → 20)\n');
    expect(text).not.toMatch(/^ +[+−]\S+ .*\bstrategy\.b\b(?!\?)/m);
  });

  it('prints the warnings', () => {
    const text = renderComparisonText(c, plain);
    expect(text).toMatch(/Warnings\n {2}element-not-assessed Understanding was not assessed in 2026-Q2/);
  });

  it('keeps hostile text on its line and without control characters', () => {
    const text = renderComparisonText(hostile(), { color: false, unicode: true });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text.split('\n')[0]).toContain('Evil <script>');
    expect(text).not.toMatch(/^# injected/m);
    expect(text).not.toMatch(/^## heading/m);
    expect(text).not.toMatch(/^%%/m);
    // benign text gives the same number of lines
    const benign = compareChecked([
      simpleReport('A', { design: 10 }, { organization: 'Evil' }),
      simpleReport('B', { design: 90 }, { organization: 'Evil' }),
    ]);
    expect(text.split('\n')).toHaveLength(renderComparisonText(benign, plain).split('\n').length);
    expect(HOSTILE.title).toContain('\n');
  });

  it('is deterministic', () => {
    expect(renderComparisonText(threeQuarters(), plain)).toBe(renderComparisonText(threeQuarters(), plain));
  });
});
