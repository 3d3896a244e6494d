// The tally of an assessment's answers (SPEC 3): each respondent's answer to each question resolved (current id or an
// old one it replaces, current option ids) and valued once, for everything that reads answers: the scores
// (score.ts), the action plan (plan.ts) and the groups (groups.ts). With the formulas over it: a question's value
// over some respondents, an element's score and levels from its questions' values, a respondent's own score.

import { ZERO, add, div, fraction, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { elementLevels, type ElementLevels } from '../domain/level.js';
import type { AnswerValue, Element, Model, Question, Respondent } from '../domain/types.js';
import { elementScoreTerms, valuation } from '../domain/valuation.js';
import { resolveAnswer } from './answer.js';

const HUNDRED = fromNumber(100);

/** One question's answers: recorded answer and points (out of `range`) per respondent. */
export interface QuestionTally {
  readonly question: Question;
  /** An answer is worth points / range (model/valuation.ts). */
  readonly range: bigint;
  /** By respondent index, in current ids; undefined where unanswered. */
  readonly answers: readonly (AnswerValue | undefined)[];
  /** By respondent index; undefined where the answer has no value (n/a, unanswered). */
  readonly points: readonly (bigint | undefined)[];
}

export interface ElementTally {
  readonly element: Element;
  readonly questions: readonly QuestionTally[];
  /** A respondent's own score is 100·Σ a·p / Σ b over the questions they gave a value (model/valuation.ts). */
  readonly terms: { readonly a: readonly bigint[]; readonly b: readonly bigint[] };
}

export function tallyAnswers(model: Model, respondents: readonly Respondent[]): ElementTally[] {
  return model.elements.map((element) => {
    const questions = element.questions.map((question) => {
      const { range, points } = valuation(question);
      const answers = respondents.map((r) => resolveAnswer(question, r));
      return { question, range, answers, points: answers.map((a) => (a === undefined ? undefined : points(a))) };
    });
    return { element, questions, terms: elementScoreTerms(questions.map((q) => ({ weight: q.question.weight, range: q.range }))) };
  });
}

/** v_q over the respondents `members` (default all): the mean of their values; undefined when none gave one. */
export function questionValue(tally: QuestionTally, members?: readonly number[]): Fraction | undefined {
  let sum = 0n;
  let count = 0n;
  for (const i of members ?? tally.points.keys()) {
    const p = tally.points[i];
    if (p === undefined) continue;
    sum += p;
    count += 1n;
  }
  return count === 0n || tally.range === 0n ? undefined : fraction(sum, tally.range * count);
}

/** Σ w·v / Σ w over the parts with a value; undefined when none has one. */
export function weightedMean(parts: readonly { readonly weight: number; readonly value: Fraction | undefined }[]): Fraction | undefined {
  let sum = ZERO;
  let weights = ZERO;
  for (const { weight, value } of parts) {
    if (value === undefined) continue;
    const w = fromNumber(weight);
    sum = add(sum, mul(w, value));
    weights = add(weights, w);
  }
  return weights.n === 0n ? undefined : div(sum, weights);
}

/** An element scored from its questions' values (SPEC 3): S_e (0-100, exact; undefined: not assessed) and its levels. */
export interface ElementResult {
  readonly score: Fraction | undefined;
  readonly levels: ElementLevels;
}

/** S_e and the element's levels from the values of its questions, in the element's order. */
export function scoreElementValues(model: Model, element: Element, values: readonly (Fraction | undefined)[]): ElementResult {
  const mean = weightedMean(element.questions.map((q, i) => ({ weight: q.weight, value: values[i] })));
  const score = mean === undefined ? undefined : mul(HUNDRED, mean);
  return { score, levels: elementLevels(model, element.questions, values, score) };
}

/**
 * A respondent's own element score (SPEC 3, the same formula on that respondent alone), 0-100, as n/d not reduced
 * (each respondent costs integer additions); undefined where they gave no value in the element.
 */
export function ownScore(tally: ElementTally, respondent: number): { n: bigint; d: bigint } | undefined {
  const { a, b } = tally.terms;
  let n = 0n;
  let d = 0n;
  for (let qi = 0; qi < tally.questions.length; qi++) {
    const p = tally.questions[qi]!.points[respondent];
    if (p === undefined) continue;
    n += a[qi]! * p;
    d += b[qi]!;
  }
  return d === 0n ? undefined : { n: 100n * n, d };
}
