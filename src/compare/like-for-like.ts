// (1.2) An element between two periods, by the periods' own figures (SPEC 4.1): its scores, levels and delta are
// those of each period's report. Where the two periods' answers cover different questions (another version of
// the questionnaire, a question nobody could answer once), the change also carries its like-for-like figures over
// the questions both periods answered, labelled as such, never as a level; the drivers then add up to them.

import type { ComparisonElementInfo, ElementChange, LikeForLike } from '../domain/comparison.js';
import type { ReportElement, ReportItem, ReportLevel } from '../domain/report.js';
import { ZERO, add, div, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { round2Ratio } from '../text/round.js';
import { drivers } from './drivers.js';
import { direction } from './movement.js';
import { elementOfQuestion, type Questionnaire } from './period-questions.js';
import type { QuestionScores } from './question-scores.js';

/** One end of the change: the element as the period's report has it, the period's questionnaire, its questions' exact scores. */
export interface ElementEnd {
  readonly element: ReportElement | undefined;
  readonly levels: readonly ReportLevel[];
  readonly asked?: Questionnaire;
  readonly exact?: QuestionScores;
}

/** Σ w·score / Σ w over the items with a score (exact where known); undefined when none has one. */
export function exactMean(items: readonly ReportItem[], exact: QuestionScores | undefined): Fraction | undefined {
  const valued = items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => add(sum, fromNumber(q.weight)), ZERO);
  if (total.n === 0n) return undefined;
  return div(
    valued.reduce((sum, q) => add(sum, mul(fromNumber(q.weight), exact?.get(q.id) ?? fromNumber(q.score!))), ZERO),
    total,
  );
}

/**
 * The element's own score: exact where every question with a value has its exact score (scored from answers) and
 * they give the score its report shows; else as the report shows it.
 */
export function ownExact(element: ReportElement | undefined, exact: QuestionScores | undefined): Fraction | undefined {
  if (element === undefined || element.score === null) return undefined;
  const known = element.items.every((q) => q.score === null || exact?.has(q.id) === true);
  const mean = known ? exactMean(element.items, exact) : undefined;
  return mean !== undefined && round2Ratio(mean.n, mean.d) === element.score ? mean : fromNumber(element.score);
}

/** later - earlier, rounded once; null where either is missing. */
export function exactDelta(from: Fraction | undefined, to: Fraction | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  const moved = add(to, mul(fromNumber(-1), from));
  return round2Ratio(moved.n, moved.d);
}

function rounded(x: Fraction | undefined): number | null {
  return x === undefined ? null : round2Ratio(x.n, x.d);
}

/** An element's change, with its like-for-like scores (exact, for the overall one) where there are any. */
export interface ElementMove {
  readonly change: ElementChange;
  readonly own: readonly [Fraction | undefined, Fraction | undefined];
  /** Like-for-like ends, exact; equal to `own` where the periods answered the same questions. */
  readonly like: readonly [Fraction | undefined, Fraction | undefined];
}

export function elementMove(id: string, earlier: ElementEnd, later: ElementEnd, elements: readonly ComparisonElementInfo[]): ElementMove {
  const [a, b] = [earlier.element, later.element];
  const askedIn = (e: ReportElement | undefined, asked: Questionnaire | undefined): string[] =>
    (e?.items ?? []).map((q) => q.id).filter((q) => asked === undefined || asked.asked.has(q));
  const valuedIn = (e: ReportElement | undefined, asked: Questionnaire | undefined): Set<string> =>
    new Set((e?.items ?? []).filter((q) => q.score !== null && (asked === undefined || asked.asked.has(q.id))).map((q) => q.id));
  const inA = askedIn(a, earlier.asked);
  const inB = askedIn(b, later.asked);
  const [setA, setB] = [new Set(inA), new Set(inB)];
  const droppedOf = (asked: Questionnaire | undefined): string[] => (asked?.dropped ?? []).filter((q) => elementOfQuestion(q, elements) === id);
  const [droppedA, droppedB] = [droppedOf(earlier.asked), droppedOf(later.asked)];

  const own = [ownExact(a, earlier.exact), ownExact(b, later.exact)] as const;
  const [valuedA, valuedB] = [valuedIn(a, earlier.asked), valuedIn(b, later.asked)];
  const over = (a?.items ?? []).map((q) => q.id).filter((q) => valuedA.has(q) && valuedB.has(q));
  const differ = own[0] !== undefined && own[1] !== undefined && (over.length !== valuedA.size || over.length !== valuedB.size);
  const restrict = (e: ReportElement): ReportElement => ({ ...e, items: e.items.filter((q) => over.includes(q.id)) });
  // an element with a score in one period only has no like-for-like score in either
  let like: readonly [Fraction | undefined, Fraction | undefined] = own[0] === undefined || own[1] === undefined ? [undefined, undefined] : own;
  let likeForLike: LikeForLike | undefined;
  if (differ) {
    like = [exactMean(restrict(a!).items, earlier.exact), exactMean(restrict(b!).items, later.exact)];
    likeForLike = { over, fromScore: rounded(like[0]), toScore: rounded(like[1]), delta: exactDelta(like[0], like[1]) };
  }
  const [fromLevel, toLevel] = [a?.level ?? null, b?.level ?? null];
  const change: ElementChange = {
    id,
    delta: exactDelta(own[0], own[1]),
    fromScore: a?.score ?? null,
    toScore: b?.score ?? null,
    from: fromLevel,
    to: toLevel,
    direction: direction(fromLevel, toLevel, earlier.levels, later.levels),
    drivers:
      own[0] === undefined || own[1] === undefined
        ? []
        : differ
          ? drivers({ element: restrict(a!), exact: earlier.exact }, { element: restrict(b!), exact: later.exact })
          : drivers({ element: a!, exact: earlier.exact }, { element: b!, exact: later.exact }),
    questionsAdded: [...inB.filter((q) => !setA.has(q)), ...droppedB.filter((q) => !droppedA.includes(q))],
    questionsRemoved: [...inA.filter((q) => !setB.has(q)), ...droppedA.filter((q) => !droppedB.includes(q))],
    ...(likeForLike !== undefined ? { likeForLike } : {}),
  };
  return { change, own, like };
}
