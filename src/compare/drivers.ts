// The questions that moved an element most between two periods (SPEC 4.1 `drivers`), each with its
// contribution in points of the element score.

import type { Driver } from '../model/comparison.js';
import type { ReportElement } from '../model/report.js';
import { round2 } from '../score/round.js';
import { compareCodeUnits } from './period-order.js';

/** At most this many drivers per element change. */
export const MAX_DRIVERS = 5;
/** Drivers whose contribution moved less than this (in points, after rounding) are left out. */
export const MIN_DRIVER_DELTA = 0.01;

/**
 * Each question's contribution to the element score, in points: 100 × w_q × v_q / Σw over the element's
 * questions with a value (v_q = score/100). The contributions of an element add up to its score.
 */
function contributions(element: ReportElement): Map<string, number> {
  const valued = element.items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => sum + q.weight, 0);
  return new Map(valued.map((q) => [q.id, total > 0 ? (q.weight * q.score!) / total : 0]));
}

export function drivers(earlier: ReportElement, later: ReportElement): Driver[] {
  const before = contributions(earlier);
  const after = contributions(later);
  const scoreBefore = new Map(earlier.items.map((q) => [q.id, q.score]));
  const scoreAfter = new Map(later.items.map((q) => [q.id, q.score]));
  const texts = new Map([...earlier.items, ...later.items].map((q) => [q.id, q.text]));
  const ids = new Set([...later.items.map((q) => q.id), ...earlier.items.map((q) => q.id)]);
  return [...ids]
    .map((question) => ({
      question,
      text: texts.get(question) ?? question,
      // a question without a value in a period contributes 0 there
      delta: round2((after.get(question) ?? 0) - (before.get(question) ?? 0)),
      fromScore: scoreBefore.get(question) ?? null,
      toScore: scoreAfter.get(question) ?? null,
    }))
    .filter((d) => Math.abs(d.delta) >= MIN_DRIVER_DELTA)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || compareCodeUnits(x.question, y.question))
    .slice(0, MAX_DRIVERS);
}
