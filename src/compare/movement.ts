// What every change between two periods holds: the delta of two scores, the direction between two levels,
// and, for an element, both ends and the questions that drove it.

import type { Direction, ElementChange } from '../model/comparison.js';
import type { ReportElement, ReportLevel } from '../model/report.js';
import { round2 } from '../score/round.js';
import { drivers } from './drivers.js';
import type { QuestionScores } from './question-scores.js';

/** Later minus earlier, rounded; null where either is missing. */
export function delta(from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined ? null : round2(to - from);
}

/** Up or down by the later model's level order (else the earlier's); null when not comparable. */
export function direction(
  from: string | null,
  to: string | null,
  earlier: readonly ReportLevel[],
  later: readonly ReportLevel[],
): Direction | null {
  if (from === null || to === null) return null;
  if (from === to) return 'same';
  for (const levels of [later, earlier]) {
    const i = levels.findIndex((l) => l.id === from);
    const j = levels.findIndex((l) => l.id === to);
    if (i >= 0 && j >= 0) return j > i ? 'up' : 'down';
  }
  return null;
}

/** One side of an element's change: its score and level, the levels they are read against, and its questions. */
export interface ChangeEnd {
  readonly score: number | null;
  readonly level: string | null;
  readonly levels: readonly ReportLevel[];
  readonly element: ReportElement | undefined;
  /** Its questions' exact scores, where the caller has them. */
  readonly exact?: QuestionScores;
}

/** What every element change holds: the delta, both ends, the direction between their levels and the drivers. */
export function movement(id: string, earlier: ChangeEnd, later: ChangeEnd): Omit<ElementChange, 'questionsAdded' | 'questionsRemoved' | 'comparedOver'> {
  return {
    id,
    delta: delta(earlier.score, later.score),
    fromScore: earlier.score,
    toScore: later.score,
    from: earlier.level,
    to: later.level,
    direction: direction(earlier.level, later.level, earlier.levels, later.levels),
    drivers:
      earlier.score === null || later.score === null
        ? []
        : drivers({ element: earlier.element!, exact: earlier.exact }, { element: later.element!, exact: later.exact }),
  };
}
