// An element's level from its exact score (SPEC 3): one home, for scoring, the action plan and the rule that every
// level can be reached (src/load/rules).

import type { Level } from './types.js';
import { compare, fromNumber, type Fraction } from './fraction.js';

/** The last level in the model's order whose minScore ≤ score (0-100, unrounded). */
export function levelFor(levels: readonly Level[], score: Fraction): Level {
  let found = levels[0]!;
  for (const level of levels) if (compare(fromNumber(level.minScore), score) <= 0) found = level;
  return found;
}
