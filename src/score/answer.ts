// One respondent's answer to one question: which recorded answer counts (current id or an old id
// the question `replaces`), and what it is worth (SPEC 3, through model/valuation.ts), exactly.

import { NOT_APPLICABLE, type AnswerValue, type Question, type Respondent } from '../domain/types.js';
import { valuation } from '../domain/valuation.js';

/**
 * The answer a respondent gave to a question: under its current id, else under the first of the old
 * ids it `replaces` that the respondent answered (the current id wins), in the question's current option ids: an
 * option id that an option `replaces` (1.2) becomes that option's. An option id the question no longer has stays as
 * recorded, and the answer has no value (SPEC 2.2: it is left out; validation warns once per question). Undefined
 * when unanswered.
 */
export function resolveAnswer(question: Question, respondent: Respondent): AnswerValue | undefined {
  const recorded = recordedAnswer(question, respondent);
  return recorded === undefined || question.type === 'scale' || recorded === NOT_APPLICABLE ? recorded : inCurrentOptions(question, recorded);
}

function recordedAnswer(question: Question, respondent: Respondent): AnswerValue | undefined {
  const current = respondent.answers.get(question.id);
  if (current !== undefined || question.replaces.length === 0) return current;
  for (const old of question.replaces) {
    const value = respondent.answers.get(old);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Option id → current option id, for the current ids and the ids options replace; built once per question. */
const currentIds = new WeakMap<Question, ReadonlyMap<string, string>>();
function currentIdsOf(question: Question & { type: 'choice' | 'multi' }): ReadonlyMap<string, string> {
  let ids = currentIds.get(question);
  if (ids === undefined) {
    const map = new Map<string, string>();
    for (const option of question.options) for (const old of option.replaces ?? []) if (!map.has(old)) map.set(old, option.id);
    for (const option of question.options) map.set(option.id, option.id);
    currentIds.set(question, (ids = map));
  }
  return ids;
}

/** The answer in current option ids; an answer of the wrong shape is returned as it is (it has no value). */
function inCurrentOptions(question: Question & { type: 'choice' | 'multi' }, answer: AnswerValue): AnswerValue {
  const ids = currentIdsOf(question);
  if (typeof answer === 'string') return ids.get(answer) ?? answer;
  if (!Array.isArray(answer)) return answer;
  return (answer as readonly string[]).map((id) => ids.get(id) ?? id);
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
