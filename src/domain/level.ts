// Levels (SPEC 3): the level of a score, each question's level L_q, and (1.2) the capped rule that keeps an element
// below the level its weakest questions show. One home, for scoring, the groups, the action plan, targets and the
// rule that every level can be reached (src/load/rules). Levels are compared by their index in the model's order.

import type { Level, Model, Question } from './types.js';
import { compare, fromNumber, mul, type Fraction } from './fraction.js';

const HUNDRED = fromNumber(100);

/** The last level in the model's order whose minScore ≤ score (0-100, unrounded). */
export function levelFor(levels: readonly Level[], score: Fraction): Level {
  return levels[levelIndex(levels, score)]!;
}

/** The index of levelFor(levels, score). */
export function levelIndex(levels: readonly Level[], score: Fraction): number {
  let found = 0;
  for (let i = 0; i < levels.length; i++) if (compare(fromNumber(levels[i]!.minScore), score) <= 0) found = i;
  return found;
}

/** (1.2) L_q of a question with the value v_q ∈ [0, 1]: the last level whose minScore ≤ 100·v_q (unrounded). */
export function questionLevel(levels: readonly Level[], value: Fraction): number {
  return levelIndex(levels, mul(HUNDRED, value));
}

/** What the level rule reads of a model. */
export type LevelRuleOf = Pick<Model, 'levels' | 'levelRule' | 'tolerance'>;

/**
 * (1.2) The cap a question with level L_q puts on its element: under `levelRule: capped`, min(L_q + tolerance, top),
 * and with `gate: G` and L_q below G, at most G − 1. Under `mean` nothing caps: the top level.
 */
export function capOf(model: LevelRuleOf, question: Pick<Question, 'gate'>, level: number): number {
  const top = model.levels.length - 1;
  if (model.levelRule !== 'capped') return top;
  let cap = Math.min(level + model.tolerance, top);
  if (question.gate !== undefined) {
    const gate = model.levels.findIndex((l) => l.id === question.gate);
    if (gate > 0 && level < gate) cap = Math.min(cap, gate - 1);
  }
  return cap;
}

/** A question with a value: its level L_q and the cap it puts on its element (indices). */
export interface QuestionLevel {
  readonly level: number;
  readonly cap: number;
}

/** An element's levels (indices), SPEC 3. */
export interface ElementLevels {
  /** The level of S_e alone; undefined when the element is not assessed. */
  readonly levelOfScore: number | undefined;
  /** The element's level: levelOfScore, lowered to the lowest cap of its questions under `capped`. */
  readonly level: number | undefined;
  /** By question, in the element's order; undefined where the question has no value. */
  readonly questions: readonly (QuestionLevel | undefined)[];
  /** Indices of the questions whose cap is below levelOfScore, in the element's order (`cappedBy`). */
  readonly cappedBy: readonly number[];
}

/**
 * The levels of an element whose score is `score` (0-100, exact; undefined when not assessed) and whose questions
 * (in order) have the values `values` (undefined: no value; n/a and unanswered cap nothing).
 */
export function elementLevels(
  model: LevelRuleOf,
  questions: readonly Pick<Question, 'gate'>[],
  values: readonly (Fraction | undefined)[],
  score: Fraction | undefined,
): ElementLevels {
  const levels = questions.map((question, i) => {
    const value = values[i];
    if (value === undefined) return undefined;
    const level = questionLevel(model.levels, value);
    return { level, cap: capOf(model, question, level) };
  });
  if (score === undefined) return { levelOfScore: undefined, level: undefined, questions: levels, cappedBy: [] };
  const levelOfScore = levelIndex(model.levels, score);
  let level = levelOfScore;
  const cappedBy: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const q = levels[i];
    if (q === undefined || q.cap >= levelOfScore) continue;
    cappedBy.push(i);
    level = Math.min(level, q.cap);
  }
  return { levelOfScore, level, questions: levels, cappedBy };
}

/**
 * The overall level (SPEC 3), one home for the report and the groups: under `overall: weakest-link` the lowest level
 * among the assessed elements (capped ones included), under `mean` the level of the overall score. Undefined when no
 * element is assessed.
 */
export function overallLevel(model: Pick<Model, 'levels' | 'overall'>, elementLevelIndices: readonly (number | undefined)[], overallScore: Fraction | undefined): number | undefined {
  if (overallScore === undefined) return undefined;
  if (model.overall === 'mean') return levelIndex(model.levels, overallScore);
  let lowest: number | undefined;
  for (const level of elementLevelIndices) if (level !== undefined && (lowest === undefined || level < lowest)) lowest = level;
  return lowest;
}
