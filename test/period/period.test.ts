// Period forms (SPEC 2.3, 1.1): parsing, order by start then length, the next period, and the rewrites
// suggested for labels people write instead. Property tests with a fixed seed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods, formatPeriod, nextPeriod, parsePeriod, suggestPeriod, type Period } from '../../src/domain/period.js';
import { runs } from '../fuzz-runs.js';

const SEED = { seed: 20261122, numRuns: runs(500) };

/** Any period of the SPEC forms, built from its parts (not from the parser under test). */
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1900, max: 2200 }).map((year) => ({ kind: 'year' as const, year, part: 1, day: 1 })),
  fc.record({ year: fc.integer({ min: 1900, max: 2200 }), part: fc.integer({ min: 1, max: 2 }) }).map((p) => ({ kind: 'half' as const, ...p, day: 1 })),
  fc.record({ year: fc.integer({ min: 1900, max: 2200 }), part: fc.integer({ min: 1, max: 4 }) }).map((p) => ({ kind: 'quarter' as const, ...p, day: 1 })),
  fc.record({ year: fc.integer({ min: 1900, max: 2200 }), part: fc.integer({ min: 1, max: 12 }) }).map((p) => ({ kind: 'month' as const, ...p, day: 1 })),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => ({
    kind: 'day' as const,
    year: d.getUTCFullYear(),
    part: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  })),
);

/** The first and the last day of a period, as UTC milliseconds, computed with Date (independently of the module). */
function span(p: Period): [number, number] {
  const months = { year: 12, half: 6, quarter: 3, month: 1, day: 0 }[p.kind];
  const start = Date.UTC(p.year, (p.part - 1) * (p.kind === 'day' ? 1 : months), p.kind === 'day' ? p.day : 1);
  if (p.kind === 'day') return [start, start];
  const end = Date.UTC(p.year, (p.part - 1) * months + months, 1) - 86_400_000;
  return [start, end];
}

describe('parsePeriod and formatPeriod', () => {
  it('read every SPEC form back as written', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
      SEED,
    );
  });

  it.each(['2026', '2026-H2', '2026-Q4', '2026-11', '2026-11-22', '2024-02-29'])('accepts %s', (label) => {
    expect(parsePeriod(label) && formatPeriod(parsePeriod(label)!)).toBe(label);
  });

  it.each(['Q4 2026', '2026-Q5', '2026-H3', '2026-13', '2026-1', '2026-02-30', '2025-02-29', '26-Q4', '2026-q4', ' 2026-Q4', '2026-Q4 ', '', '0000', '2026-11-22T10:00'])(
    'refuses %j',
    (label) => {
      // mutation caught: a FORMS pattern without anchors, or without the day-of-month check, accepts these
      expect(parsePeriod(label)).toBeUndefined();
    },
  );

  it('never throws on any text, and what it accepts it writes back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}(-[HQ0-9]{1,2}(-\d{1,2})?)?$/)), (text) => {
        const p = parsePeriod(text);
        if (p) expect(formatPeriod(p)).toBe(text);
      }),
      SEED,
    );
  });
});

describe('comparePeriods', () => {
  it('orders by the first day, then the longer period first', () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const [sa, ea] = span(a);
        const [sb, eb] = span(b);
        const expected = Math.sign(sa - sb) || Math.sign(eb - ea);
        // mutation caught: comparing labels as text (2026-Q4 < 2026-H2), or the shorter period first
        expect(Math.sign(comparePeriods(a, b))).toBe(expected);
      }),
      SEED,
    );
  });

  it('puts a year before its first half, quarter, month and day, and those before the second quarter', () => {
    const labels = ['2026-04', '2026-Q2', '2026-01-01', '2026-01', '2026-Q1', '2026-H1', '2026', '2025-Q4', '2026-H2'];
    const sorted = [...labels].sort((a, b) => comparePeriods(parsePeriod(a)!, parsePeriod(b)!));
    expect(sorted).toEqual(['2025-Q4', '2026', '2026-H1', '2026-Q1', '2026-01', '2026-01-01', '2026-Q2', '2026-04', '2026-H2']);
  });
});

describe('nextPeriod', () => {
  it('is the period of the same kind that starts the day after this one ends', () => {
    fc.assert(
      fc.property(period, (p) => {
        const next = nextPeriod(p);
        expect(next.kind).toBe(p.kind);
        expect(span(next)[0]).toBe(span(p)[1] + 86_400_000);
        expect(comparePeriods(p, next)).toBeLessThan(0);
      }),
      SEED,
    );
  });

  it.each([
    ['2026-Q4', '2027-Q1'],
    ['2026-H2', '2027-H1'],
    ['2026-12', '2027-01'],
    ['2026-12-31', '2027-01-01'],
    ['2024-02-28', '2024-02-29'],
    ['2026', '2027'],
  ])('%s → %s', (from, to) => {
    expect(formatPeriod(nextPeriod(parsePeriod(from)!))).toBe(to);
  });
});

describe('suggestPeriod', () => {
  it.each([
    ['Q4 2026', '2026-Q4'],
    ['2026 Q4', '2026-Q4'],
    ['Q1/2027', '2027-Q1'],
    ['q1-2027', '2027-Q1'],
    ['2026Q4', '2026-Q4'],
    ['2026-q4', '2026-Q4'],
    ["Q4 '26", '2026-Q4'],
    ['4Q 2026', '2026-Q4'],
    ['H2 2026', '2026-H2'],
    ['2026 H2', '2026-H2'],
    ['11/2026', '2026-11'],
    ['2026/11', '2026-11'],
    ['2026-1', '2026-01'],
    ['Nov 2026', '2026-11'],
    ['November 2026', '2026-11'],
    ['2026/11/22', '2026-11-22'],
    [' 2026-Q4 ', '2026-Q4'],
  ])('%j → %s', (label, expected) => {
    expect(suggestPeriod(label)).toBe(expected);
  });

  it.each(['FY2026', 'Sprint 9', 'Q5 2026', '13/2026', '2026-02-30', 'Mayo 2026', 'spring', '2026-Q4'])('suggests nothing for %j', (label) => {
    expect(suggestPeriod(label)).toBeUndefined();
  });

  it('suggests only periods, and for every period written in the common other ways, that period', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const s = suggestPeriod(text);
        if (s !== undefined) expect(parsePeriod(s)).toBeDefined();
      }),
      SEED,
    );
    const quarters = period.filter((p) => p.kind === 'quarter' && p.year >= 1000);
    fc.assert(
      fc.property(quarters, fc.constantFrom(' ', '/', '-', ''), fc.boolean(), (p, sep, yearFirst) => {
        const label = yearFirst ? `${p.year}${sep}Q${p.part}` : `Q${p.part}${sep}${p.year}`;
        // a label already in the SPEC form needs no rewrite
        expect(suggestPeriod(label)).toBe(label === formatPeriod(p) ? undefined : formatPeriod(p));
      }),
      SEED,
    );
  });
});

describe('cxm validate on a first-release period label', () => {
  it('is one error at the period value, saying the rewrite, exit 1', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { fileURLToPath } = await import('node:url');
    const fixtures = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
    let stdout = '';
    let stderr = '';
    const code = await main(['validate', `${fixtures}answers/period-format.yaml`, '--model', `${fixtures}valid/model`, '-f', 'json'], {
      cwd: fixtures,
      env: { NO_COLOR: '1' },
      stdout: { write: (s: string) => ((stdout += s), true), isTTY: false },
      stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    });
    expect(stderr + stdout).toBe(stdout);
    expect(code, stdout).toBe(1);
    const { findings } = JSON.parse(stdout) as { findings: { code: string; line: number; column: number; message: string; severity: string }[] };
    // mutation caught: without checkPeriod in loadAnswerSet there is no finding and the exit code is 0
    expect(findings.map((f) => [f.code, f.line, f.column, f.severity])).toEqual([['period-format', 4, 9, 'error']]);
    expect(findings[0]!.message).toContain('write 2027-Q1');
  });
});
