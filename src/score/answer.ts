// One respondent's answer to one question: which recorded answer counts (current id or an old id
// the question `replaces`), and what it is worth (SPEC 3, through model/valuation.ts), exactly.

import { NOT_APPLICABLE, type AnswerValue, type Question, type Respondent } from '../model/types.js';
import { valuation } from '../model/valuation.js';

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

/** Normalised value v ∈ [0, 1] of one answer; undefined for n/a, unanswered, or an answer the question cannot take. */
export function answerValue(question: Question, answer: AnswerValue | undefined): number | undefined {
  if (answer === undefined || answer === NOT_APPLICABLE) return undefined;
  const { range, points } = valuation(question);
  const p = points(answer);
  return p === undefined ? undefined : Number(p) / Number(range);
}
