// Answers files → one AnswerSet: read (file.ts), checked against a model by the answers rules
// (rules/answers-rules.ts), then built. Returns findings; never throws or prints for a user's mistake.

import type { Finding } from '../domain/finding.js';
import type { EvidenceItem, EvidenceKind, Targets } from '../domain/evidence.js';
import type { AnswerSet, AnswerValue, Model, Respondent } from '../domain/types.js';
import { loadYamlFile, type LoadedFile } from './file.js';
import { hasErrors } from './findings.js';
import { recordedAgainst, ANSWER_SET_RULES, ANSWERS_FILE_RULES, RECORDED_FILE_RULES, questionIndex, recordedModel } from './rules/answers-rules.js';
import type { AnswersFile, QuestionIndex } from './rules/answers-subjects.js';
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

export interface AnswerSetOptions {
  /** (1.2) --as-of: the date evidence is judged current at, instead of the answers' `date`. */
  readonly asOf?: string | undefined;
}

/** Reads answers files and checks them as one set against the model. */
export async function loadAnswerSet(files: readonly string[], model: Model, options: { readonly maxBytes?: number } & AnswerSetOptions = {}): Promise<AnswersResult> {
  const loaded: LoadedFile[] = [];
  const { asOf, ...read } = options;
  for (const file of files) loaded.push(await loadYamlFile(file, { expect: 'answers', ...read }));
  return checkAnswerSet(loaded, model, { asOf });
}

/** Answers files already read (loadYamlFile, expecting answers) → one AnswerSet, checked against the model. */
export function checkAnswerSet(files: readonly LoadedFile[], model: Model, options: AnswerSetOptions = {}): AnswersResult {
  const findings: Finding[] = [];
  const questions = questionIndex(model);
  const questionIds = [...questions.keys()];
  const checked: AnswersFile[] = [];
  // (1.2) evidence expiry is judged at --as-of, else the assessment's date (the first file's that gives one)
  const setDate = files.map((f) => ((f.data ?? f.partial?.data) as Partial<RawAnswers> | undefined)?.date).find((d) => typeof d === 'string');
  const asOf = options.asOf ?? setDate;
  const asOfFrom = options.asOf !== undefined ? ('flag' as const) : ('date' as const);
  for (const read of files) {
    findings.push(...read.findings);
    // after schema errors, the well-formed respondents are still checked (the set is not scored: it has errors)
    const loaded = read.data !== undefined ? read : read.partial;
    if (loaded === undefined) continue;
    const raw = loaded.data as RawAnswers;
    // answers of another version of this model, or of a model it accepts: a question it lacks was dropped, not misspelled
    checked.push({ loaded, raw, model, questions, questionIds, recordedAgainst: recordedAgainst(raw.model, model), asOf, asOfFrom });
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
    ...targetsOf(checked),
    evidence: evidenceOf(checked, questions),
    ...(asOf !== undefined ? { asOf } : {}),
  };
  return { answers, findings };
}

/** (1.2) The set's targets: the files give the same ones or none (a rule says so), so the first file's that gives them. */
function targetsOf(files: readonly AnswersFile[]): { targets?: Targets } {
  const raw = files.find((f) => f.raw.targets !== undefined)?.raw.targets;
  if (raw === undefined) return {};
  const { default: fallback, ...byElement } = raw;
  return { targets: { ...(fallback !== undefined ? { default: fallback } : {}), elements: new Map(own(byElement)) } };
}

/** (1.2) Evidence by current question id: the files' lists joined, old ids counted for the question that replaces them. */
function evidenceOf(files: readonly AnswersFile[], questions: QuestionIndex): Map<string, EvidenceItem[]> {
  const evidence = new Map<string, EvidenceItem[]>();
  for (const file of files) {
    for (const [id, items] of own(file.raw.evidence)) {
      const question = questions.get(id)?.question;
      if (question === undefined) continue;
      const list = evidence.get(question.id) ?? [];
      for (const item of items) {
        list.push({
          kind: item.kind as EvidenceKind,
          ref: item.ref,
          ...(item.owner !== undefined ? { owner: item.owner } : {}),
          ...(item.date !== undefined ? { date: item.date } : {}),
          ...(item.expires !== undefined ? { expires: item.expires } : {}),
        });
      }
      evidence.set(question.id, list);
    }
  }
  return evidence;
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
