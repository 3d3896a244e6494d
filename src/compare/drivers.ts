// The questions that moved an element most between two periods (SPEC 4.1 `drivers`), each with its
// contribution in points of the element score: exact, rounded once at the end.

import type { Driver } from '../domain/comparison.js';
import type { ReportElement } from '../domain/report.js';
import { ZERO, add, div, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { round2Ratio } from '../text/round.js';
import { compareCodeUnits } from './period-order.js';
import type { QuestionScores } from './question-scores.js';

/** At most this many drivers per element change. */
export const MAX_DRIVERS = 5;
/** Drivers whose contribution moved less than this (in points, after rounding) are left out. */
export const MIN_DRIVER_DELTA = 0.01;

/** An element as one period's report has it, with its questions' exact scores where the caller has them. */
export interface DriverEnd {
  readonly element: ReportElement;
  /** Default: the report's item scores, rounded as they are. */
  readonly exact?: QuestionScores;
}

/**
 * Each question's contribution to the element score, in points: w_q × score_q / Σw over the element's
 * questions with a value. The contributions of an element add up to its score.
 */
function contributions({ element, exact }: DriverEnd): Map<string, Fraction> {
  const valued = element.items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => add(sum, fromNumber(q.weight)), ZERO);
  return new Map(
    valued.map((q) => [q.id, total.n === 0n ? ZERO : div(mul(fromNumber(q.weight), exact?.get(q.id) ?? fromNumber(q.score!)), total)]),
  );
}

export function drivers(earlier: DriverEnd, later: DriverEnd): Driver[] {
  const before = contributions(earlier);
  const after = contributions(later);
  const scoreBefore = new Map(earlier.element.items.map((q) => [q.id, q.score]));
  const scoreAfter = new Map(later.element.items.map((q) => [q.id, q.score]));
  const texts = new Map([...earlier.element.items, ...later.element.items].map((q) => [q.id, q.text]));
  const ids = new Set([...later.element.items.map((q) => q.id), ...earlier.element.items.map((q) => q.id)]);
  return [...ids]
    .map((question) => {
      // a question without a value in a period contributes 0 there
      const moved = add(after.get(question) ?? ZERO, mul(fromNumber(-1), before.get(question) ?? ZERO));
      return {
        question,
        text: texts.get(question) ?? question,
        delta: round2Ratio(moved.n, moved.d),
        fromScore: scoreBefore.get(question) ?? null,
        toScore: scoreAfter.get(question) ?? null,
      };
    })
    .filter((d) => Math.abs(d.delta) >= MIN_DRIVER_DELTA)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || compareCodeUnits(x.question, y.question))
    .slice(0, MAX_DRIVERS);
}
