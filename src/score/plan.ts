// The action plan (SPEC 4, 1.1), pure: for every question below its top answer, the next step up, with the
// points it adds to its element and to the overall score, exactly as re-scoring with the step's answers would.
//
// Which respondents a step moves: the step starts from the typical answer (the lower median) of the
// respondents who are below the top, and moves everyone at that answer (for `scale`, everyone from it up
// to the step's target) one step up; respondents further down stay where they are, so a step is always
// "the next level up" for each person it moves. For `multi`, the step adds the one option (scoring above 0)
// that gains most points, to every respondent who has not chosen it. A `scale` step goes up by the span over the number of
// levels (at least 1).
//
// Order: under weakest-link, as if the steps were taken one by one, each next step is the best step of the
// element that would then be weakest; under mean, the most overall points first.

import type { PlanStep, RecordedAnswer } from '../model/report.js';
import {
  NOT_APPLICABLE,
  type AnswerValue,
  type Element,
  type Model,
  type Option,
  type Question,
  type Respondent,
} from '../model/types.js';
import { ZERO, add, compare, div, fraction, fromNumber, mul, type Fraction } from '../model/fraction.js';
import { levelFor } from '../model/level.js';
import { valuation } from '../model/valuation.js';
import { resolveAnswer } from './answer.js';
import { round2Ratio } from './round.js';

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

function scaleMove(question: Question & { type: 'scale' }, given: readonly Given[], levels: number): Move | undefined {
  const values = given.map((g) => ({ ...g, value: g.answer as number }));
  const below = values.filter((g) => g.value < question.max).sort((a, b) => a.value - b.value || a.respondent - b.respondent);
  if (below.length === 0) return undefined;
  const from = lowerMedian(below).value;
  const to = Math.min(question.max, from + scaleStride(question, levels));
  return {
    from,
    to,
    fromLabel: scaleLabel(question, from),
    toLabel: scaleLabel(question, to),
    moved: below.filter((g) => g.value >= from && g.value < to).map((g) => ({ respondent: g.respondent, answer: to, points: BigInt(to - question.min) })),
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

/** The respondents' valued answers to a question (n/a, unanswered and unusable answers left out). */
function givenAnswers(question: Question, respondents: readonly Respondent[]): { given: Given[]; range: bigint } {
  const { range, points } = valuation(question);
  const given: Given[] = [];
  for (const [i, r] of respondents.entries()) {
    const answer = resolveAnswer(question, r);
    if (answer === undefined || answer === NOT_APPLICABLE) continue;
    const p = points(answer);
    if (p !== undefined) given.push({ respondent: i, answer, points: p });
  }
  return { given, range };
}

export interface ScoredStep {
  readonly step: PlanStep;
  readonly elementIndex: number;
  readonly questionIndex: number;
  readonly elementPoints: Fraction;
  readonly overallPoints: Fraction;
}

/** Own data properties keyed by name, `__proto__` included (assigning it would set the prototype). */
function byName(entries: readonly (readonly [string, RecordedAnswer])[]): Record<string, RecordedAnswer> {
  const record: Record<string, RecordedAnswer> = {};
  for (const [name, value] of entries) {
    if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    else record[name] = value;
  }
  return record;
}

/** The scored step of each question of one element that can go up, from these respondents' answers, in question order. */
export function elementSteps(
  model: Model,
  element: Element,
  score: Fraction,
  respondents: readonly Respondent[],
  totalElementWeight: Fraction,
  anonymous: boolean,
): Omit<ScoredStep, 'elementIndex'>[] {
  const questions = element.questions.map((question) => ({ question, ...givenAnswers(question, respondents) }));
  // Σ w over the questions with a value: the element score's denominator
  const weights = questions.filter((q) => q.given.length > 0 && q.range > 0n).reduce((s, q) => add(s, fromNumber(q.question.weight)), ZERO);
  const steps: Omit<ScoredStep, 'elementIndex'>[] = [];
  for (const [questionIndex, { question, given, range }] of questions.entries()) {
    if (given.length === 0 || range === 0n) continue;
    const move = moveFor(question, given, model.levels.length);
    if (move === undefined || move.moved.length === 0) continue;
    const before = new Map(given.map((g) => [g.respondent, g.points]));
    const gained = move.moved.reduce((s, m) => s + m.points - before.get(m.respondent)!, 0n);
    // S_e = 100 · Σ w·v / Σ w, v = Σ points / (range · count): only this question's Σ points changes
    const elementPoints = div(mul(fraction(100n * gained, range * BigInt(given.length)), fromNumber(question.weight)), weights);
    const overallPoints = div(mul(elementPoints, fromNumber(element.weight)), totalElementWeight);
    const after = levelFor(model.levels, add(score, elementPoints)).id;
    steps.push({
      questionIndex,
      elementPoints,
      overallPoints,
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
        ...(anonymous ? {} : { answers: byName(move.moved.map((m) => [respondents[m.respondent]!.name, m.answer])) }),
        elementPoints: round2Ratio(elementPoints.n, elementPoints.d),
        overallPoints: round2Ratio(overallPoints.n, overallPoints.d),
        levelAfter: after,
      },
    });
  }
  return steps;
}

/** Steps of one element, best first: most points, then the model's question order. */
function bestFirst(steps: readonly ScoredStep[]): ScoredStep[] {
  return [...steps].sort((a, b) => compare(b.elementPoints, a.elementPoints) || a.questionIndex - b.questionIndex);
}

/**
 * Weakest-link order: as if the steps were taken one after another, each next step is the best remaining step
 * of the element that would then be weakest (lowest level, then lowest score, then model order). Steps on
 * different questions add up exactly, so the projected scores are exact too.
 */
function weakestLinkOrder(model: Model, steps: readonly ScoredStep[], scores: readonly (Fraction | undefined)[]): ScoredStep[] {
  const queues = new Map<number, ScoredStep[]>();
  for (const step of steps) queues.set(step.elementIndex, [...(queues.get(step.elementIndex) ?? []), step]);
  for (const [i, queue] of queues) queues.set(i, bestFirst(queue));
  const projected = new Map([...queues.keys()].map((i) => [i, scores[i]!]));
  const rank = (score: Fraction): number => model.levels.indexOf(levelFor(model.levels, score));
  const ordered: ScoredStep[] = [];
  while (queues.size > 0) {
    let weakest: number | undefined;
    for (const i of queues.keys()) {
      if (weakest === undefined) weakest = i;
      else {
        const [a, b] = [projected.get(i)!, projected.get(weakest)!];
        const byLevel = rank(a) - rank(b);
        if (byLevel < 0 || (byLevel === 0 && (compare(a, b) < 0 || (compare(a, b) === 0 && i < weakest)))) weakest = i;
      }
    }
    const queue = queues.get(weakest!)!;
    const step = queue.shift()!;
    ordered.push(step);
    projected.set(weakest!, add(projected.get(weakest!)!, step.elementPoints));
    if (queue.length === 0) queues.delete(weakest!);
  }
  return ordered;
}

/**
 * The action plan, most useful first. `scores` are the exact element scores (0-100) in the model's element
 * order, undefined where not assessed. Under weakest-link, the step that lifts the weakest element comes
 * first (see weakestLinkOrder); under mean, the steps that add most to the overall score.
 */
export function planSteps(model: Model, respondents: readonly Respondent[], scores: readonly (Fraction | undefined)[], anonymous: boolean): PlanStep[] {
  const totalElementWeight = model.elements.reduce((s, e, i) => (scores[i] === undefined ? s : add(s, fromNumber(e.weight))), ZERO);
  const steps: ScoredStep[] = model.elements.flatMap((element, elementIndex) => {
    const score = scores[elementIndex];
    if (score === undefined) return [];
    return elementSteps(model, element, score, respondents, totalElementWeight, anonymous).map((s) => ({ ...s, elementIndex }));
  });
  if (model.overall === 'weakest-link') return weakestLinkOrder(model, steps, scores).map((s) => s.step);
  const ordered = [...steps].sort(
    (a, b) =>
      compare(b.overallPoints, a.overallPoints) ||
      compare(b.elementPoints, a.elementPoints) ||
      a.elementIndex - b.elementIndex ||
      a.questionIndex - b.questionIndex,
  );
  return ordered.map((s) => s.step);
}
