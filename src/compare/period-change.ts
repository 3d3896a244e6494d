// How the scores moved between two periods: overall, and each element of the comparison.

import type { ComparisonElementInfo, ElementChange, OverallChange } from '../model/comparison.js';
import type { Report } from '../model/report.js';
import { findElement } from './catalogue.js';
import { likeForLike } from './like-for-like.js';
import { delta, direction, movement } from './movement.js';
import type { Questionnaire } from './period-questions.js';

export function periodChange(
  earlier: Report,
  later: Report,
  elements: readonly ComparisonElementInfo[],
  askedEarlier?: Questionnaire,
  askedLater?: Questionnaire,
): { overall: OverallChange; elements: ElementChange[] } {
  const overall: OverallChange = {
    delta: delta(earlier.overall.score, later.overall.score),
    fromScore: earlier.overall.score,
    toScore: later.overall.score,
    from: earlier.overall.level,
    to: later.overall.level,
    direction: direction(earlier.overall.level, later.overall.level, earlier.levels, later.levels),
  };
  return {
    overall,
    elements: elements.map(({ id }): ElementChange => {
      const a = findElement(earlier, id);
      const b = findElement(later, id);
      if (askedEarlier !== undefined || askedLater !== undefined) {
        return likeForLike(id, a, b, elements, askedEarlier, askedLater, later.levels);
      }
      const idsA = new Set(a?.items.map((q) => q.id) ?? []);
      const idsB = new Set(b?.items.map((q) => q.id) ?? []);
      return {
        ...movement(id, { score: a?.score ?? null, level: a?.level ?? null, levels: earlier.levels, element: a }, { score: b?.score ?? null, level: b?.level ?? null, levels: later.levels, element: b }),
        questionsAdded: [...idsB].filter((q) => !idsA.has(q)),
        questionsRemoved: [...idsA].filter((q) => !idsB.has(q)),
      };
    }),
  };
}
