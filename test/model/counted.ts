// How many of an answers file's answers still count when the built-in model scores it: an answer counts when the
// model resolves it to one of its questions (by id or `replaces`) and gives it a value, or when it is n/a. Uses the
// scorer's own resolution (resolveAnswer, answerValue), so that the share is the one the report is made of.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { loadModel } from '../../src/load/model.js';
import type { Finding } from '../../src/domain/finding.js';
import { NOT_APPLICABLE, type AnswerSet, type Model } from '../../src/domain/types.js';
import { answerValue, resolveAnswer } from '../../src/score/score.js';

let loaded: Promise<Model> | undefined;
/** The built-in model, loaded once per test file. */
export function builtin(): Promise<Model> {
  loaded ??= loadModel(builtinModelDir()).then(({ model, findings }) => {
    if (!model) throw new Error(`the built-in model does not load: ${findings.map((f) => f.message).join('; ')}`);
    return model;
  });
  return loaded;
}

/** An answers file loaded against the built-in model; throws on errors (warnings are returned). */
export async function answersFile(file: string): Promise<{ model: Model; answers: AnswerSet; warnings: Finding[]; recorded: number }> {
  const model = await builtin();
  const { answers, findings } = await loadAnswerSet([file], model);
  const errors = findings.filter((f) => f.severity === 'error');
  if (!answers || errors.length > 0) throw new Error(`${file} does not load: ${errors.map((f) => f.message).join('; ')}`);
  // the answers as written in the file, read apart from the loader (which sets aside those that no longer count)
  const raw = parse(readFileSync(file, 'utf8')) as { respondents: { answers?: Record<string, unknown> }[] };
  const recorded = raw.respondents.reduce((n, r) => n + Object.keys(r.answers ?? {}).length, 0);
  return { model, answers, warnings: findings.filter((f) => f.severity === 'warning'), recorded };
}

/** How many of the answers count for a question of the model. */
export function countedAnswers(model: Model, answers: AnswerSet): number {
  let counted = 0;
  const questions = model.elements.flatMap((e) => e.questions);
  for (const respondent of answers.respondents) {
    for (const question of questions) {
      const answer = resolveAnswer(question, respondent);
      if (answer === NOT_APPLICABLE || answerValue(question, answer) !== undefined) counted += 1;
    }
  }
  return counted;
}
