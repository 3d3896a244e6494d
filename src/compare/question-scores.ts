// Each question's exact score, 0-100 (SPEC 3: 100 × the mean of the respondents' values), so that drivers are
// computed on what the scores are made of and rounded once, at the end. A report holds them rounded.

import type { Report } from '../domain/report.js';
import type { AnswerValue, Model, Question, Respondent } from '../domain/types.js';
import { resolveAnswer } from '../score/answer.js';
import { valuation } from '../domain/valuation.js';
import { fraction, type Fraction } from '../domain/fraction.js';
import { round2Ratio } from '../text/round.js';

/** Question id → exact score (0-100); questions without a value are absent. */
export type QuestionScores = ReadonlyMap<string, Fraction>;

/** 100 × the mean of the values of these answers; undefined when none has a value. */
function exactScore(question: Question, answers: Iterable<AnswerValue | undefined>): Fraction | undefined {
  const { range, points } = valuation(question);
  let sum = 0n;
  let count = 0n;
  for (const answer of answers) {
    const p = answer === undefined ? undefined : points(answer);
    if (p === undefined) continue;
    sum += p;
    count += 1n;
  }
  return count === 0n ? undefined : fraction(100n * sum, range * count);
}

function questionsOf(model: Model): Question[] {
  return model.elements.flatMap((e) => e.questions);
}

/** The exact scores of the questions of `model` that these respondents gave a value. */
export function questionScores(model: Model, respondents: readonly Respondent[]): QuestionScores {
  const scores = new Map<string, Fraction>();
  for (const question of questionsOf(model)) {
    const score = exactScore(question, respondents.map((r) => resolveAnswer(question, r)));
    if (score !== undefined) scores.set(question.id, score);
  }
  return scores;
}

/**
 * The exact scores of a report given as it stands, from the answers it records (`choices`), where it was scored
 * with `model` itself: each question whose recorded answers give the score the report shows. An anonymous report
 * records no answers: its rounded scores are all there is.
 */
export function recordedQuestionScores(model: Model, report: Report): QuestionScores {
  const scores = new Map<string, Fraction>();
  if (report.model.id !== model.id || report.model.version !== model.version) return scores;
  const items = new Map(report.elements.flatMap((e) => e.items).map((item) => [item.id, item]));
  for (const question of questionsOf(model)) {
    const item = items.get(question.id);
    if (item?.choices === undefined || item.score === null) continue;
    const score = exactScore(question, Object.values(item.choices));
    if (score !== undefined && round2Ratio(score.n, score.d) === item.score) scores.set(question.id, score);
  }
  return scores;
}
