// One respondent's answer to one question: which recorded answer counts (current id or an old id
// the question `replaces`), and what it is worth (SPEC 3), exactly.

import { NOT_APPLICABLE, type AnswerValue, type Question, type Respondent } from '../model/types.js';
import { fromNumber, lcm } from './fraction.js';

/**
 * The answer a respondent gave to a question: under its current id, else under the first of the old
 * ids it `replaces` that the respondent answered (the current id wins). Undefined when unanswered.
 */
export function resolveAnswer(question: Question, respondent: Respondent): AnswerValue | undefined {
  const current = respondent.answers.get(question.id);
  if (current !== undefined || question.replaces.length === 0) return current;
  for (const old of question.replaces) {
    const value = respondent.answers.get(old);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The note a respondent left on a question, resolved like its answer. */
export function resolveNote(question: Question, respondent: Respondent): string | undefined {
  const current = respondent.notes.get(question.id);
  if (current !== undefined || question.replaces.length === 0) return current;
  for (const old of question.replaces) {
    const note = respondent.notes.get(old);
    if (note !== undefined) return note;
  }
  return undefined;
}

/**
 * How a question's answers are valued, in whole numbers: an answer is worth `points(answer)` out of
 * `range`, so v = points / range exactly. Decimal option scores are scaled to integers first.
 */
export interface QuestionValuation {
  /** > 0, except for a question no answer can give a value (all choice scores equal, multi all 0, scale min = max). */
  readonly range: bigint;
  /** Undefined for n/a, an answer of the wrong shape, an option id the question does not have, a scale value out of range. */
  readonly points: (answer: AnswerValue) => bigint | undefined;
}

/** Option scores as integers over one common denominator (the scores are exact decimals: 0.1 stays 1/10). */
function integerScores(question: Question & { type: 'choice' | 'multi' }): Map<string, bigint> {
  const fractions = question.options.map((o) => fromNumber(o.score));
  const denominator = fractions.reduce((d, f) => lcm(d, f.d), 1n);
  return new Map(question.options.map((o, i) => [o.id, (fractions[i]!.n * denominator) / fractions[i]!.d]));
}

export function valuation(question: Question): QuestionValuation {
  switch (question.type) {
    case 'choice': {
      const scores = integerScores(question);
      const values = [...scores.values()];
      const min = values.reduce((a, b) => (b < a ? b : a));
      const max = values.reduce((a, b) => (b > a ? b : a));
      const range = max - min;
      return {
        range,
        points: (answer) => {
          if (typeof answer !== 'string' || range === 0n) return undefined;
          const score = scores.get(answer);
          return score === undefined ? undefined : score - min;
        },
      };
    }
    case 'multi': {
      const scores = integerScores(question);
      const range = [...scores.values()].reduce((a, b) => a + b, 0n);
      return {
        range,
        points: (answer) => {
          if (!Array.isArray(answer) || range === 0n) return undefined;
          let sum = 0n;
          // an option listed twice counts once; one id the question does not have voids the answer
          for (const id of new Set(answer as readonly string[])) {
            const score = scores.get(id);
            if (score === undefined) return undefined;
            sum += score;
          }
          return sum;
        },
      };
    }
    case 'scale': {
      const { min, max } = question;
      const range = BigInt(max - min);
      return {
        range,
        points: (answer) =>
          typeof answer === 'number' && Number.isInteger(answer) && answer >= min && answer <= max && range > 0n
            ? BigInt(answer - min)
            : undefined,
      };
    }
  }
}

/** Normalised value v ∈ [0, 1] of one answer; undefined for n/a, unanswered, or an answer the question cannot take. */
export function answerValue(question: Question, answer: AnswerValue | undefined): number | undefined {
  if (answer === undefined || answer === NOT_APPLICABLE) return undefined;
  const { range, points } = valuation(question);
  const p = points(answer);
  return p === undefined ? undefined : Number(p) / Number(range);
}
