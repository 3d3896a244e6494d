// The action plan (SPEC 4, 1.1), pure: for every question below its top answer, the next step up, with the
// points it adds to its element and to the overall score, exactly as re-scoring with the step's answers would.
//
// Which respondents a step moves: the step starts from the typical answer (the lower median) of the
// respondents who are below the top, and moves everyone at that answer (for `scale`, everyone from it up
// to the step's target) one step up; respondents further down stay where they are, so a step is always
// "the next level up" for each person it moves. For `multi`, the step adds the one option (scoring above 0)
// that gains most points, to every respondent who has not chosen it. A `scale` step goes up by the span over the number of
// levels (at least 1); (1.2) on a scale with `levels`, to the next anchor above (or the top).
//
// Order (one comparator, stepBefore): as if the steps were taken one by one, each next step is the first of those
// left by: under weakest-link, the element that would then be weakest (lowest level, capped ones included, then
// lowest score); (1.2) under levelRule capped, a step that lifts a capping question's cap before one that only adds
// points; then most points (under mean, overall points first).

import type { PlanStep, RecordedAnswer } from '../domain/report.js';
import type { AnswerValue, Model, Option, Question, Respondent } from '../domain/types.js';
import { ZERO, add, compare, div, fraction, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { elementLevels, type ElementLevels } from '../domain/level.js';
import { dataRecord } from '../domain/record.js';
import { valuation } from '../domain/valuation.js';
import { round2Ratio } from '../text/round.js';
import type { ElementResult, ElementTally, QuestionTally } from './tally.js';

/** One respondent's valued answer to a question: worth `points` out of the question's range. */
interface Given {
  readonly respondent: number;
  readonly answer: AnswerValue;
  readonly points: bigint;
}

/** A step before it is scored: the respondents it moves, with their answers and points after it. */
interface Move {
  readonly from: RecordedAnswer;
  readonly to: RecordedAnswer;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly next?: string;
  readonly moved: readonly { readonly respondent: number; readonly answer: RecordedAnswer; readonly points: bigint }[];
}

/** The lower median of a list sorted ascending. */
function lowerMedian<T>(sorted: readonly T[]): T {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function optionLabel(options: readonly Option[], id: string): string {
  return options.find((o) => o.id === id)?.label ?? id;
}

function choiceMove(question: Question & { type: 'choice' }, given: readonly Given[]): Move | undefined {
  const { points } = valuation(question);
  const optionPoints = question.options.map((o) => ({ option: o, points: points(o.id)! }));
  const top = optionPoints.reduce((m, o) => (o.points > m ? o.points : m), 0n);
  const below = given.filter((g) => g.points < top).sort((a, b) => (a.points < b.points ? -1 : a.points > b.points ? 1 : a.respondent - b.respondent));
  if (below.length === 0) return undefined;
  const start = lowerMedian(below);
  // the option with the next strictly higher score, wherever it is listed (the first such when several tie)
  const target = optionPoints
    .filter((o) => o.points > start.points)
    .reduce((best, o) => (best === undefined || o.points < best.points ? o : best), undefined as (typeof optionPoints)[number] | undefined)!;
  const fromId = start.answer as string;
  const next = question.options.find((o) => o.id === fromId)?.next;
  return {
    from: fromId,
    to: target.option.id,
    fromLabel: optionLabel(question.options, fromId),
    toLabel: target.option.label,
    ...(next !== undefined ? { next } : {}),
    moved: below.filter((g) => g.points === start.points).map((g) => ({ respondent: g.respondent, answer: target.option.id, points: target.points })),
  };
}

/** How far a scale step goes: the scale's span over the model's number of levels (about a level), at least 1. */
function scaleStride(question: Question & { type: 'scale' }, levels: number): number {
  return Math.max(1, Math.floor((question.max - question.min) / levels));
}

function scaleLabel(question: Question & { type: 'scale' }, value: number): string {
  const label = question.labels.get(value);
  return label === undefined ? String(value) : `${value} (${label})`;
}

/** Where a scale step from `from` goes: (1.2) the next anchor above, or the top; else up by scaleStride. */
function scaleTarget(question: Question & { type: 'scale' }, from: number, levels: number): number {
  const anchors = question.anchors ?? [];
  if (anchors.length === 0) return Math.min(question.max, from + scaleStride(question, levels));
  return anchors.map((a) => a.value).find((v) => v > from) ?? question.max;
}

function scaleMove(question: Question & { type: 'scale' }, given: readonly Given[], levels: number): Move | undefined {
  const values = given.map((g) => ({ ...g, value: g.answer as number }));
  const below = values.filter((g) => g.value < question.max).sort((a, b) => a.value - b.value || a.respondent - b.respondent);
  if (below.length === 0) return undefined;
  const from = lowerMedian(below).value;
  const to = scaleTarget(question, from, levels);
  const points = valuation(question).points(to)!;
  return {
    from,
    to,
    fromLabel: scaleLabel(question, from),
    toLabel: scaleLabel(question, to),
    ...(question.next !== undefined ? { next: question.next } : {}),
    moved: below.filter((g) => g.value >= from && g.value < to).map((g) => ({ respondent: g.respondent, answer: to, points })),
  };
}

function multiMove(question: Question & { type: 'multi' }, given: readonly Given[]): Move | undefined {
  const { points } = valuation(question);
  let best: { option: Option; worth: bigint; lacking: Given[] } | undefined;
  for (const option of question.options) {
    const worth = points([option.id])!;
    if (worth === 0n) continue;
    const lacking = given.filter((g) => !(g.answer as readonly string[]).includes(option.id));
    // most points gained first; the first listed among equals
    if (lacking.length > 0 && (best === undefined || worth * BigInt(lacking.length) > best.worth * BigInt(best.lacking.length))) {
      best = { option, worth, lacking };
    }
  }
  if (best === undefined) return undefined;
  const { option, worth, lacking } = best;
  const added = (answer: AnswerValue): string[] => [...new Set(answer as readonly string[]), option.id];
  const start = lowerMedian([...lacking].sort((a, b) => (a.points < b.points ? -1 : a.points > b.points ? 1 : a.respondent - b.respondent)));
  const chosen = [...new Set(start.answer as readonly string[])];
  return {
    from: chosen,
    to: added(start.answer),
    fromLabel: chosen.length === 0 ? 'none' : chosen.map((id) => optionLabel(question.options, id)).join(', '),
    toLabel: option.label,
    ...(option.next !== undefined ? { next: option.next } : {}),
    moved: lacking.map((g) => ({ respondent: g.respondent, answer: added(g.answer), points: g.points + worth })),
  };
}

function moveFor(question: Question, given: readonly Given[], levels: number): Move | undefined {
  switch (question.type) {
    case 'choice':
      return choiceMove(question, given);
    case 'multi':
      return multiMove(question, given);
    case 'scale':
      return scaleMove(question, given, levels);
  }
}

/** The respondents' valued answers to a question, from the tally (n/a, unanswered and unusable answers left out). */
function givenAnswers(tally: QuestionTally): Given[] {
  const given: Given[] = [];
  for (let i = 0; i < tally.points.length; i++) {
    const points = tally.points[i];
    if (points !== undefined) given.push({ respondent: i, answer: tally.answers[i]!, points });
  }
  return given;
}

/** A step with what ordering it needs: its exact points, and its question's value after it. */
export interface ScoredStep {
  readonly step: PlanStep;
  readonly elementIndex: number;
  readonly questionIndex: number;
  readonly elementPoints: Fraction;
  readonly overallPoints: Fraction;
  /** v_q after the step (exact). */
  readonly valueAfter: Fraction;
}

/** An assessed element as the plan reads it: its tally, and its score, levels and questions' values today. */
export interface PlanElement extends ElementResult {
  readonly values: readonly (Fraction | undefined)[];
}

/** The scored step of each question of one element that can go up, from these answers, in question order (target-plan.ts too). */
export function elementSteps(
  model: Model,
  tally: ElementTally,
  scored: PlanElement & { readonly score: Fraction },
  respondents: readonly Respondent[],
  totalElementWeight: Fraction,
  anonymous: boolean,
): Omit<ScoredStep, 'elementIndex'>[] {
  const { element } = tally;
  // Σ w over the questions with a value: the element score's denominator
  const weights = element.questions.reduce((s, q, qi) => (scored.values[qi] === undefined ? s : add(s, fromNumber(q.weight))), ZERO);
  const steps: Omit<ScoredStep, 'elementIndex'>[] = [];
  for (const [questionIndex, q] of tally.questions.entries()) {
    const { question, range } = q;
    const given = givenAnswers(q);
    if (given.length === 0 || range === 0n) continue;
    const move = moveFor(question, given, model.levels.length);
    if (move === undefined || move.moved.length === 0) continue;
    const before = new Map(given.map((g) => [g.respondent, g.points]));
    const gained = move.moved.reduce((s, m) => s + m.points - before.get(m.respondent)!, 0n);
    // S_e = 100 · Σ w·v / Σ w, v = Σ points / (range · count): only this question's Σ points changes
    const valueGained = fraction(gained, range * BigInt(given.length));
    const valueAfter = add(scored.values[questionIndex]!, valueGained);
    const elementPoints = div(mul(mul(fromNumber(100), valueGained), fromNumber(question.weight)), weights);
    const overallPoints = div(mul(elementPoints, fromNumber(element.weight)), totalElementWeight);
    const after = levelsAfter(model, tally, scored, [[questionIndex, valueAfter]], add(scored.score, elementPoints));
    steps.push({
      questionIndex,
      elementPoints,
      overallPoints,
      valueAfter,
      step: {
        element: element.id,
        question: question.id,
        text: question.text,
        type: question.type,
        from: move.from,
        to: move.to,
        fromLabel: move.fromLabel,
        toLabel: move.toLabel,
        ...(move.next !== undefined ? { next: move.next } : {}),
        moves: move.moved.length,
        of: given.length,
        ...(anonymous ? {} : { answers: dataRecord(move.moved.map((m) => [respondents[m.respondent]!.name, m.answer])) }),
        elementPoints: round2Ratio(elementPoints.n, elementPoints.d),
        overallPoints: round2Ratio(overallPoints.n, overallPoints.d),
        levelAfter: model.levels[after.level!]!.id,
      },
    });
  }
  return steps;
}

/** The element's levels with some questions' values changed (question index → value) and its score `score`. */
function levelsAfter(model: Model, tally: ElementTally, scored: PlanElement, changed: Iterable<readonly [number, Fraction]>, score: Fraction): ElementLevels {
  const values = [...scored.values];
  for (const [qi, value] of changed) values[qi] = value;
  return elementLevels(model, tally.element.questions, values, score);
}

/** Where the plan stands once some steps are taken: each element's projected score and levels. */
interface Projection {
  readonly score: Fraction;
  readonly levels: ElementLevels;
}

/**
 * (1.2) How a step serves its element's caps, in the projection: 2 when its question caps the element (cap below the
 * level of the score) and the step raises that cap, 1 when its question caps the element, 0 otherwise (always 0
 * under levelRule mean, where nothing caps).
 */
function capLift(model: Model, step: ScoredStep, projection: Projection, tally: ElementTally): number {
  const { levels } = projection;
  if (!levels.cappedBy.includes(step.questionIndex)) return 0;
  const before = levels.questions[step.questionIndex]!.cap;
  const after = elementLevels(model, [tally.element.questions[step.questionIndex]!], [step.valueAfter], undefined).questions[0]!.cap;
  return after > before ? 2 : 1;
}

/**
 * The plan's order, one comparator: < 0 when step a comes before step b, given where the plan stands. Extend it
 * here (a key before or after the others), not with a second sort.
 */
function stepBefore(model: Model, a: ScoredStep, b: ScoredStep, projection: (i: number) => Projection, lift: (s: ScoredStep) => number): number {
  if (model.overall === 'weakest-link' && a.elementIndex !== b.elementIndex) {
    // the element that would then be weakest: lowest level (capped), then lowest score, then the model's order
    const [pa, pb] = [projection(a.elementIndex), projection(b.elementIndex)];
    return pa.levels.level! - pb.levels.level! || compare(pa.score, pb.score) || a.elementIndex - b.elementIndex;
  }
  return (
    lift(b) - lift(a) ||
    (model.overall === 'mean' ? compare(b.overallPoints, a.overallPoints) : 0) ||
    compare(b.elementPoints, a.elementPoints) ||
    a.elementIndex - b.elementIndex ||
    a.questionIndex - b.questionIndex
  );
}

/**
 * The steps in order: as if they were taken one after another, each next step is the first of those left by
 * stepBefore, with the elements projected after the steps taken. Steps on different questions add up exactly, so
 * the projected scores are exact too.
 */
function ordered(model: Model, steps: readonly ScoredStep[], tallies: readonly ElementTally[], elements: readonly PlanElement[]): ScoredStep[] {
  const projections = new Map<number, Projection>();
  const taken = new Map<number, [number, Fraction][]>();
  for (const s of steps) {
    const e = elements[s.elementIndex]!;
    projections.set(s.elementIndex, { score: e.score!, levels: e.levels });
  }
  const projection = (i: number): Projection => projections.get(i)!;
  const left = [...steps];
  const result: ScoredStep[] = [];
  while (left.length > 0) {
    const lifts = new Map(left.map((s) => [s, capLift(model, s, projection(s.elementIndex), tallies[s.elementIndex]!)]));
    let best = 0;
    for (let i = 1; i < left.length; i++) if (stepBefore(model, left[i]!, left[best]!, projection, (s) => lifts.get(s)!) < 0) best = i;
    const [step] = left.splice(best, 1);
    result.push(step!);
    const e = step!.elementIndex;
    const changes = [...(taken.get(e) ?? []), [step!.questionIndex, step!.valueAfter] as [number, Fraction]];
    taken.set(e, changes);
    const score = add(projection(e).score, step!.elementPoints);
    projections.set(e, { score, levels: levelsAfter(model, tallies[e]!, elements[e]!, changes, score) });
  }
  return result;
}

/**
 * The action plan, most useful first (see `ordered`). `tallies` are the answers tallied once (tally.ts), `elements`
 * each element's exact score, levels and questions' values, in the model's order (score undefined: not assessed).
 */
export function planSteps(
  model: Model,
  respondents: readonly Respondent[],
  tallies: readonly ElementTally[],
  elements: readonly PlanElement[],
  anonymous: boolean,
): PlanStep[] {
  const totalElementWeight = model.elements.reduce((s, e, i) => (elements[i]!.score === undefined ? s : add(s, fromNumber(e.weight))), ZERO);
  const steps: ScoredStep[] = tallies.flatMap((tally, elementIndex) => {
    const scored = elements[elementIndex]!;
    if (scored.score === undefined) return [];
    return elementSteps(model, tally, scored as PlanElement & { score: Fraction }, respondents, totalElementWeight, anonymous).map((s) => ({ ...s, elementIndex }));
  });
  return ordered(model, steps, tallies, elements).map((s) => s.step);
}
