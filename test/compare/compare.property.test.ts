import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.js';
import { compareChecked, comparisonOf } from './checked.js';
import { makeReport, type ItemSpec } from './report-factory.js';
import { runs } from '../fuzz-runs.js';

const QUESTIONS = ['q.a', 'q.b', 'q.c', 'q.d', 'q.e'] as const;

/** Scores as reports carry them: 0-100 with 2 decimals; null = no value. */
const score = fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { freq: 4 });
const weight = fc.constantFrom(1, 2, 3, 0.5);

/** One element's questions in one period: a subset of QUESTIONS, each with a score and weight. */
const element = fc
  .tuple(...QUESTIONS.map(() => fc.option(fc.record({ score, weight }), { freq: 5 })))
  .map((items) => {
    const spec: Record<string, ItemSpec> = {};
    items.forEach((item, i) => {
      if (item !== null) spec[QUESTIONS[i]!] = item;
    });
    return spec;
  });

function reportOf(period: string, items: Record<string, ItemSpec>): Report {
  return makeReport({ period, elements: { strategy: items } });
}

describe('drivers, for any answers', () => {
  it('add up to the element delta when the element has a score in both periods', () => {
    fc.assert(
      fc.property(element, element, (before, after) => {
        const c = compareChecked([reportOf('P1', before), reportOf('P2', after)]);
        const change = c.changes[0]!.elements[0]!;
        if (change.delta === null) {
          expect(change.drivers).toEqual([]);
          return;
        }
        // at most 5 questions, so no driver is cut by the limit; each rounded driver is off by ≤ 0.005,
        // each left-out one moved < 0.005, and the delta of two rounded scores is off by ≤ 0.01
        // (1.2) to the like-for-like delta where the periods answered different questions; none where they share none
        if (change.likeForLike !== undefined && change.likeForLike.delta === null) {
          expect(change.drivers).toEqual([]);
          return;
        }
        const total = change.drivers.reduce((sum, d) => sum + d.delta, 0);
        const questions = new Set([...Object.keys(before), ...Object.keys(after)]).size;
        expect(Math.abs(total - (change.likeForLike?.delta ?? change.delta))).toBeLessThanOrEqual(0.005 * questions + 0.015 + 1e-9);
      }),
      { numRuns: runs(500) },
    );
  });

  it('add up exactly when the scores divide evenly', () => {
    // integer scores, weights 1 and 4 questions: every contribution is a multiple of 0.25
    const even = fc.tuple(...QUESTIONS.slice(0, 4).map(() => fc.integer({ min: 0, max: 100 })));
    fc.assert(
      fc.property(even, even, (a, b) => {
        const spec = (xs: readonly number[]) => Object.fromEntries(xs.map((s, i) => [QUESTIONS[i]!, s]));
        const change = compareChecked([reportOf('P1', spec(a)), reportOf('P2', spec(b))]).changes[0]!.elements[0]!;
        expect(change.drivers.reduce((sum, d) => sum + d.delta, 0)).toBeCloseTo(change.delta!, 10);
      }),
    );
  });

  it('are sorted by |delta| then id, at least 0.01 and at most 5', () => {
    fc.assert(
      fc.property(element, element, (before, after) => {
        const drivers = comparisonOf([reportOf('P1', before), reportOf('P2', after)]).changes[0]!.elements[0]!.drivers;
        expect(drivers.length).toBeLessThanOrEqual(5);
        for (const d of drivers) expect(Math.abs(d.delta)).toBeGreaterThanOrEqual(0.01);
        for (let i = 1; i < drivers.length; i++) {
          const [x, y] = [drivers[i - 1]!, drivers[i]!];
          expect(Math.abs(x.delta) > Math.abs(y.delta) || (Math.abs(x.delta) === Math.abs(y.delta) && x.question < y.question)).toBe(true);
        }
      }),
    );
  });
});

describe('comparisons, for any periods', () => {
  const periods = fc.uniqueArray(fc.constantFrom('2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', 'Sprint 9', 'Sprint 10'), {
    minLength: 2,
    maxLength: 5,
  });

  it('do not depend on the order the reports are given in, and every delta is later − earlier', () => {
    fc.assert(
      fc.property(
        periods.chain((ps) =>
          fc.tuple(
            fc.constant(ps),
            fc.array(element, { minLength: ps.length, maxLength: ps.length }),
            fc.shuffledSubarray([...ps.keys()], { minLength: ps.length, maxLength: ps.length }),
          ),
        ),
        ([ps, items, order]) => {
          const reports = ps.map((p, i) => reportOf(p, items[i]!));
          const shuffled = order.map((i) => reports[i]!);
          const c = compareChecked(reports);
          expect(JSON.stringify(comparisonOf(shuffled))).toBe(JSON.stringify(c));
          expect(c.changes).toHaveLength(ps.length > 2 ? ps.length : 1);
          for (const ch of c.changes) {
            const e = ch.elements[0]!;
            if (e.fromScore === null || e.toScore === null) expect(e.delta).toBeNull();
            else expect(e.delta).toBeCloseTo(e.toScore - e.fromScore, 9);
          }
        },
      ),
    );
  });
});
