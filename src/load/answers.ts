// Answers files → one AnswerSet: read (file.ts), checked against a model by the answers rules
// (rules/answers-rules.ts), then built. Returns findings; never throws or prints for a user's mistake.

import type { Finding } from '../model/finding.js';
import type { AnswerSet, AnswerValue, Model, Respondent } from '../model/types.js';
import { loadYamlFile, type LoadedFile } from './file.js';
import { hasErrors } from './findings.js';
import { recordedAgainst, ANSWER_SET_RULES, ANSWERS_FILE_RULES, RECORDED_FILE_RULES, questionIndex, recordedModel, type AnswersFile } from './rules/answers-rules.js';
import { runRules } from './rules/rule.js';
import { own, type RawAnswers, type RawRespondent } from './schema/raw.js';
import { inputOf } from './source-file.js';

export interface AnswersResult {
  /** Undefined when the answers have errors. */
  readonly answers?: AnswerSet;
  readonly findings: Finding[];
}

/** A model id as the answers schema allows it: the name of a built-in model's directory, never a path. */
const MODEL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The model id and version an answers file says it was recorded against, whether or not it passed its schema. An
 * id that is not kebab-case is left out: it would name a directory (model: { id: ../../x } must not load a model from
 * elsewhere and echo its lines); the schema check reports it where it is written.
 */
export function answersHeader(loaded: LoadedFile): { id?: string; version?: string } {
  const data = loaded.parsed?.data as Partial<RawAnswers> | undefined;
  const model = data && typeof data === 'object' ? data.model : undefined;
  return {
    ...(typeof model?.id === 'string' && MODEL_ID.test(model.id) ? { id: model.id } : {}),
    ...(typeof model?.version === 'string' ? { version: model.version } : {}),
  };
}

/** Reads answers files and checks them as one set against the model. */
export async function loadAnswerSet(files: readonly string[], model: Model, options: { readonly maxBytes?: number } = {}): Promise<AnswersResult> {
  const loaded: LoadedFile[] = [];
  for (const file of files) loaded.push(await loadYamlFile(file, { expect: 'answers', ...options }));
  return checkAnswerSet(loaded, model);
}

/** Answers files already read (loadYamlFile, expecting answers) → one AnswerSet, checked against the model. */
export function checkAnswerSet(files: readonly LoadedFile[], model: Model): AnswersResult {
  const findings: Finding[] = [];
  const questions = questionIndex(model);
  const questionIds = [...questions.keys()];
  const checked: AnswersFile[] = [];
  for (const read of files) {
    findings.push(...read.findings);
    // after schema errors, the well-formed respondents are still checked (the set is not scored: it has errors)
    const loaded = read.data !== undefined ? read : read.partial;
    if (loaded === undefined) continue;
    const raw = loaded.data as RawAnswers;
    // answers of another version of this model, or of a model it accepts: a question it lacks was dropped, not misspelled
    checked.push({ loaded, raw, model, questions, questionIds, recordedAgainst: recordedAgainst(raw.model, model) });
  }
  const recorded: AnswersFile[] = [];
  for (const file of checked) {
    const modelFindings = recordedModel(file);
    findings.push(...modelFindings, ...runRules(ANSWERS_FILE_RULES, file));
    // answers of another model: one finding at model, not one per question that this model does not have
    if (hasErrors(modelFindings)) continue;
    recorded.push(file);
    findings.push(...runRules(RECORDED_FILE_RULES, file));
  }
  findings.push(...runRules(ANSWER_SET_RULES, { files: checked, recorded }));
  const first = checked[0];
  if (hasErrors(findings) || !first) return { findings };
  const pick = <K extends 'organization' | 'period' | 'date'>(key: K): string | undefined => checked.map((f) => f.raw[key]).find((v) => v !== undefined);
  const organization = pick('organization');
  const period = pick('period');
  const date = pick('date');
  const answers: AnswerSet = {
    model: { id: first.raw.model.id, version: first.raw.model.version },
    ...(organization !== undefined ? { organization } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(date !== undefined ? { date } : {}),
    anonymous: checked.some((f) => f.raw.anonymous === true),
    respondents: checked.flatMap((file) => file.raw.respondents.map((respondent) => respondentOf(file, respondent))),
    inputs: checked.map(({ loaded }) => inputOf(loaded.source!)),
  };
  return { answers, findings };
}

/** A respondent as scored: answers under the ids the model knows (current or old), every note. */
function respondentOf(file: AnswersFile, respondent: RawRespondent): Respondent {
  const answers = new Map<string, AnswerValue>();
  for (const [id, value] of own(respondent.answers)) if (file.questions.has(id)) answers.set(id, value);
  return {
    name: respondent.name,
    ...(respondent.role !== undefined ? { role: respondent.role } : {}),
    ...(respondent.group !== undefined ? { group: respondent.group } : {}),
    answers,
    notes: new Map(own(respondent.notes)),
    file: file.loaded.source!.file,
  };
}
