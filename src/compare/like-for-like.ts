// (1.1) An element between two periods whose questionnaires differ (answers recorded against another model
// version): scored over the questions both periods were asked, so that a question that is new, or changed in
// meaning, is named as such instead of showing as the organization's change.

import type { ComparisonElementInfo, ElementChange } from '../model/comparison.js';
import type { ReportElement, ReportLevel } from '../model/report.js';
import { round2 } from '../score/round.js';
import { movement } from './movement.js';
import { elementOfQuestion, type Questionnaire } from './period-questions.js';
import type { QuestionScores } from './question-scores.js';

/** The last level whose minScore ≤ score (a rounded score: good enough for a like-for-like row). */
function levelAt(score: number, levels: readonly ReportLevel[]): string | null {
  let found: string | null = levels[0]?.id ?? null;
  for (const level of levels) if (level.minScore <= score) found = level.id;
  return found;
}

/** Σ w·score / Σ w over the items with a score, rounded; null when none has one. */
function scoreOver(items: readonly ReportElement['items'][number][]): number | null {
  const valued = items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => sum + q.weight, 0);
  return total > 0 ? round2(valued.reduce((sum, q) => sum + q.weight * q.score!, 0) / total) : null;
}

/** One end of the change: the element as the period's report has it, the period's questionnaire, its questions' exact scores. */
interface ElementEnd {
  readonly element: ReportElement | undefined;
  readonly asked?: Questionnaire;
  readonly exact?: QuestionScores;
}

/** `levels`: the later period's, which both like-for-like scores are read against. */
export function likeForLike(
  id: string,
  earlier: ElementEnd,
  later: ElementEnd,
  elements: readonly ComparisonElementInfo[],
  levels: readonly ReportLevel[],
): ElementChange {
  const [a, b, askedEarlier, askedLater] = [earlier.element, later.element, earlier.asked, later.asked];
  const present = (e: ReportElement | undefined, asked: Questionnaire | undefined): string[] =>
    (e?.items ?? []).map((q) => q.id).filter((q) => asked === undefined || asked.asked.has(q));
  const inA = present(a, askedEarlier);
  const inB = present(b, askedLater);
  const setA = new Set(inA);
  const setB = new Set(inB);
  const droppedOf = (asked: Questionnaire | undefined): string[] => (asked?.dropped ?? []).filter((q) => elementOfQuestion(q, elements) === id);
  const droppedA = droppedOf(askedEarlier);
  const droppedB = droppedOf(askedLater);
  const common = new Set(inA.filter((q) => setB.has(q)));
  const restrict = (e: ReportElement | undefined): ReportElement | undefined =>
    e === undefined ? undefined : { ...e, items: e.items.filter((q) => common.has(q.id)) };
  const ra = restrict(a);
  const rb = restrict(b);
  const fromScore = a?.score === null || ra === undefined ? null : scoreOver(ra.items);
  const toScore = b?.score === null || rb === undefined ? null : scoreOver(rb.items);
  // the levels of the like-for-like scores, so that the row does not show the reshaping as a level change
  const from = fromScore === null ? null : levelAt(fromScore, levels);
  const to = toScore === null ? null : levelAt(toScore, levels);
  return {
    ...movement(
      id,
      { score: fromScore, level: from, levels, element: ra, exact: earlier.exact },
      { score: toScore, level: to, levels, element: rb, exact: later.exact },
    ),
    questionsAdded: [...inB.filter((q) => !setA.has(q)), ...droppedB.filter((q) => !droppedA.includes(q))],
    questionsRemoved: [...inA.filter((q) => !setB.has(q)), ...droppedA.filter((q) => !droppedB.includes(q))],
    comparedOver: [...common],
  };
}
