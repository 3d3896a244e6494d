// How the scores moved between two periods: overall, and each element of the comparison, by the periods' own
// figures (SPEC 4.1, 1.2), with like-for-like figures beside them where the periods answered different questions.

import type { ComparisonElementInfo, ElementChange, OverallChange } from '../domain/comparison.js';
import type { Report } from '../domain/report.js';
import { ZERO, add, div, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { round2Ratio } from '../text/round.js';
import { findElement } from './catalogue.js';
import { elementMove, exactDelta } from './like-for-like.js';
import { direction } from './movement.js';
import type { Questionnaire } from './period-questions.js';
import type { QuestionScores } from './question-scores.js';

/** One end of a change: the period's report, its questionnaire where the comparison knows it, its questions' exact scores. */
export interface PeriodEnd {
  readonly report: Report;
  readonly asked?: Questionnaire;
  readonly exact?: QuestionScores;
}

/** The overall score formula (SPEC 3): the weighted mean of the element scores with one; undefined when none. */
function overallOf(parts: readonly { readonly weight: number; readonly score: Fraction | undefined }[]): Fraction | undefined {
  const valued = parts.filter((p) => p.score !== undefined);
  const total = valued.reduce((sum, p) => add(sum, fromNumber(p.weight)), ZERO);
  return total.n === 0n ? undefined : div(valued.reduce((sum, p) => add(sum, mul(fromNumber(p.weight), p.score!)), ZERO), total);
}

/** The period's own overall score, exact where its elements' exact scores give the score its report shows. */
function ownOverall(report: Report, exact: Fraction | undefined): Fraction | undefined {
  if (report.overall.score === null) return undefined;
  return exact !== undefined && round2Ratio(exact.n, exact.d) === report.overall.score ? exact : fromNumber(report.overall.score);
}

export function periodChange(
  earlier: PeriodEnd,
  later: PeriodEnd,
  elements: readonly ComparisonElementInfo[],
): { overall: OverallChange; elements: ElementChange[] } {
  const [from, to] = [earlier.report, later.report];
  const moves = elements.map(({ id }) => {
    const [a, b] = [findElement(from, id), findElement(to, id)];
    return {
      a,
      b,
      move: elementMove(
        id,
        { element: a, levels: from.levels, asked: earlier.asked, exact: earlier.exact },
        { element: b, levels: to.levels, asked: later.asked, exact: later.exact },
        elements,
      ),
    };
  });
  const ends = [0, 1] as const;
  const [ownFrom, ownTo] = ends.map((i) =>
    ownOverall(i === 0 ? from : to, overallOf(moves.map(({ a, b, move }) => ({ weight: (i === 0 ? a : b)?.weight ?? 0, score: move.own[i] })))),
  );
  // the overall like-for-like: where any element's answers cover different questions, or an element has a score in one period only
  const likeForLike = moves.some((m) => m.move.change.likeForLike !== undefined || (m.move.own[0] === undefined) !== (m.move.own[1] === undefined));
  const [likeFrom, likeTo] = ends.map((i) => overallOf(moves.map(({ a, b, move }) => ({ weight: (i === 0 ? a : b)?.weight ?? 0, score: move.like[i] }))));
  const over = moves.flatMap(({ move }) => move.change.likeForLike?.over ?? (move.change.delta === null ? [] : questionsOf(move.change.id, from, to)));
  const rounded = (x: Fraction | undefined): number | null => (x === undefined ? null : round2Ratio(x.n, x.d));
  const overall: OverallChange = {
    delta: exactDelta(ownFrom, ownTo),
    fromScore: from.overall.score,
    toScore: to.overall.score,
    from: from.overall.level,
    to: to.overall.level,
    direction: direction(from.overall.level, to.overall.level, from.levels, to.levels),
    ...(likeForLike ? { likeForLike: { over, fromScore: rounded(likeFrom), toScore: rounded(likeTo), delta: exactDelta(likeFrom, likeTo) } } : {}),
  };
  return { overall, elements: moves.map((m) => m.move.change) };
}

/** An element's questions with a value in both periods (an element that answered the same questions in each). */
function questionsOf(id: string, from: Report, to: Report): string[] {
  const valued = (r: Report): Set<string> => new Set((findElement(r, id)?.items ?? []).filter((q) => q.score !== null).map((q) => q.id));
  const [a, b] = [valued(from), valued(to)];
  return [...a].filter((q) => b.has(q));
}
