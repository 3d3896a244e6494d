// (1.2) Targets (SPEC 3), pure: the target of each element (its own entry, else the default, the command line's
// --target over the file's), and for an element with one whether it is reached, how many points are missing and
// which questions stand in the way.

import { targetOf, type Targets } from '../domain/evidence.js';
import { compare, fromNumber, type Fraction } from '../domain/fraction.js';
import type { ReportTarget } from '../domain/report.js';
import type { Model } from '../domain/types.js';
import { round2Ratio } from '../text/round.js';

/** Each element's target level index in the model's order (undefined: none), by element index. */
export function targetIndexes(model: Model, targets: Targets | undefined): (number | undefined)[] {
  return model.elements.map((element) => {
    const level = targets === undefined ? undefined : targetOf(targets, element.id);
    const index = level === undefined ? -1 : model.levels.findIndex((l) => l.id === level);
    return index < 0 ? undefined : index;
  });
}

/**
 * An assessed element's `target` (SPEC 3): reached when its level index is at least the target's; the gap in points
 * to the target's minScore, from the exact score, rounded once; the questions whose cap is below the target.
 */
export function elementTarget(model: Model, target: number, score: Fraction, level: number, blockers: readonly string[]): ReportTarget {
  const targetLevel = model.levels[target]!;
  const missing = fromNumber(targetLevel.minScore);
  const gap = compare(missing, score) > 0 ? { n: missing.n * score.d - score.n * missing.d, d: missing.d * score.d } : undefined;
  return {
    level: targetLevel.id,
    reached: level >= target,
    gap: gap === undefined ? 0 : round2Ratio(gap.n, gap.d),
    blockers: [...blockers],
  };
}
