// How the scores moved between two periods: overall, and each element of the comparison.

import type { ComparisonElementInfo, ElementChange, OverallChange } from '../model/comparison.js';
import type { Report } from '../model/report.js';
import { findElement } from './catalogue.js';
import { likeForLike } from './like-for-like.js';
import { delta, direction, movement } from './movement.js';
import type { Questionnaire } from './period-questions.js';
import type { QuestionScores } from './question-scores.js';

/** One end of a change: the period's report, its questionnaire where the comparison knows it, its questions' exact scores. */
export interface PeriodEnd {
  readonly report: Report;
  readonly asked?: Questionnaire;
  readonly exact?: QuestionScores;
}

export function periodChange(
  earlier: PeriodEnd,
  later: PeriodEnd,
  elements: readonly ComparisonElementInfo[],
): { overall: OverallChange; elements: ElementChange[] } {
  const [from, to] = [earlier.report, later.report];
  const overall: OverallChange = {
    delta: delta(from.overall.score, to.overall.score),
    fromScore: from.overall.score,
    toScore: to.overall.score,
    from: from.overall.level,
    to: to.overall.level,
    direction: direction(from.overall.level, to.overall.level, from.levels, to.levels),
  };
  return {
    overall,
    elements: elements.map(({ id }): ElementChange => {
      const a = findElement(from, id);
      const b = findElement(to, id);
      if (earlier.asked !== undefined || later.asked !== undefined) {
        return likeForLike(id, { ...earlier, element: a }, { ...later, element: b }, elements, to.levels);
      }
      const idsA = new Set(a?.items.map((q) => q.id) ?? []);
      const idsB = new Set(b?.items.map((q) => q.id) ?? []);
      return {
        ...movement(
          id,
          { score: a?.score ?? null, level: a?.level ?? null, levels: from.levels, element: a, exact: earlier.exact },
          { score: b?.score ?? null, level: b?.level ?? null, levels: to.levels, element: b, exact: later.exact },
        ),
        questionsAdded: [...idsB].filter((q) => !idsA.has(q)),
        questionsRemoved: [...idsA].filter((q) => !idsB.has(q)),
      };
    }),
  };
}
