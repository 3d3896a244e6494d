// The rules of answers files against a model (SPEC 2.3) that their schema cannot say: answers for this model,
// periods that order by time, known groups, questions and options, answers that fit their question, notes on known
// questions, respondents with answers, each person once, and files of one set describing one assessment.

import type { Finding } from '../../domain/finding.js';
import { periodAdvice, parsePeriod } from '../../domain/period.js';
import { NOT_APPLICABLE, type AnswerValue, type Model, type Question } from '../../domain/types.js';
import { closest } from '../../text/did-you-mean.js';
import type { LoadedFile } from '../file.js';
import { findingAt, writtenNumber } from '../findings.js';
import { quote } from '../../text/quote.js';
import { own, type RawAnswers } from '../schema/raw.js';
import { EVIDENCE_FILE_RULES, EVIDENCE_SET_RULES } from './evidence-rules.js';
import { runRules, type Rule } from './rule.js';
import type { AnswerSetSubject, AnswersFile, QuestionIndex, RespondentSubject } from './answers-subjects.js';


export function questionIndex(model: Model): QuestionIndex {
  const index = new Map<string, { question: Question; old: boolean }>();
  for (const element of model.elements)
    for (const question of element.questions) {
      index.set(question.id, { question, old: false });
      for (const old of question.replaces) if (!index.has(old)) index.set(old, { question, old: true });
    }
  return index;
}


/** The model a file was recorded against, when its answers are scored as older answers (see AnswersFile). */
export function recordedAgainst(recorded: { readonly id: string; readonly version: string }, model: Model): { id: string; version: string } | undefined {
  if (recorded.id === model.id) return recorded.version !== model.version ? { id: recorded.id, version: recorded.version } : undefined;
  return model.accepts.includes(recorded.id) ? { id: recorded.id, version: recorded.version } : undefined;
}

/** "cx-maturity 1.0.0 that version 1.1.0" or, for an accepted model, "cx-maturity 1.0.0 that acme-cx 1.0.0". */
function recordedWords(recorded: { readonly id: string; readonly version: string }, model: Model): string {
  return `${recorded.id} ${recorded.version} that ${recorded.id === model.id ? `version ${model.version}` : `${model.id} ${model.version}`}`;
}



type Path = (string | number)[];
const respondentPath = (ri: number, ...rest: (string | number)[]): Path => ['respondents', ri, ...rest];

/**
 * Whether the file's answers are for the model given: its id (or one the model accepts) and a version not newer.
 * An error here stops the file's other rules: one finding at model, not one per question the model does not have.
 */
export const recordedModel: Rule<AnswersFile> = ({ raw, loaded, model }) => {
  const recorded = `${raw.model.id} ${raw.model.version}`;
  if (raw.model.id !== model.id) {
    if (model.accepts.includes(raw.model.id)) {
      return [
        findingAt(loaded, ['model', 'id'], 'model-accepted', `recorded against ${recorded}; scored with ${model.id} ${model.version}, which accepts its answers: questions count by id or by "replaces", removed ones do not`, { severity: 'warning' }),
      ];
    }
    return [
      findingAt(
        loaded,
        ['model', 'id'],
        'model-mismatch',
        `this file was recorded against ${recorded}, but the model given is ${model.id} ${model.version}, which neither is nor accepts it: pass --model DIR with the directory of model "${raw.model.id}" (or list "${raw.model.id}" in accepts of ${model.id}'s model.yaml)`,
      ),
    ];
  }
  const order = compareVersions(raw.model.version, model.version);
  if (order > 0) {
    return [
      findingAt(loaded, ['model', 'version'], 'model-mismatch', `this file was recorded against ${recorded}, newer than the model given (${model.id} ${model.version}): pass --model DIR with the directory of ${recorded}`),
    ];
  }
  if (order < 0 || raw.model.version !== model.version) {
    return [
      findingAt(loaded, ['model', 'version'], 'model-version-mismatch', `recorded against ${recorded}; scored with ${model.version}: questions renamed through "replaces" still count, removed ones do not`, { severity: 'warning' }),
    ];
  }
  return [];
};

/** Semantic versions compared by major, minor and patch (a pre-release comes before its release); > 0 when a is newer. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string): { parts: number[]; pre: string | undefined } => {
    const [core = '', pre] = v.split(/-(.*)/s, 2) as [string, string | undefined];
    return { parts: core.split('+')[0]!.split('.').map((n) => Number(n) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}


/** SPEC 2.3 (1.1): a period is a year, half, quarter, month or day, so that periods order by time. */
const periodForm: Rule<AnswersFile> = ({ raw, loaded }) => {
  if (typeof raw.period !== 'string' || parsePeriod(raw.period)) return [];
  return [
    findingAt(
      loaded,
      ['period'],
      'period-format',
      `period ${quote(raw.period)} is not one of the forms cxm orders by time: ${periodAdvice(raw.period)} (a year 2026, half 2026-H2, quarter 2026-Q4, month 2026-11 or day 2026-11-22)`,
    ),
  ];
};

/** The rules of every answers file, whatever model it was recorded against. */
export const ANSWERS_FILE_RULES: readonly Rule<AnswersFile>[] = [periodForm];

/**
 * (1.1) A respondent's group must be one of the model's groups when the model declares any (SPEC 2.3);
 * without declared groups any text is a group. A group written as its title, or nearly its id, is suggested.
 */
const groupKnown: Rule<RespondentSubject> = ({ file: { model, loaded }, respondent: { group }, index }) => {
  if (group === undefined || model.groups.length === 0 || model.groups.some((g) => g.id === group)) return [];
  const ids = model.groups.map((g) => g.id);
  const byTitle = model.groups.find((g) => g.title.trim().toLowerCase() === group.trim().toLowerCase());
  const guess = byTitle?.id ?? closest(group, ids);
  return [
    findingAt(
      loaded,
      respondentPath(index, 'group'),
      'unknown-group',
      `${quote(group)} is not a group of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use one of ${ids.join(', ')}, or add it to the groups of the model`}`,
    ),
  ];
};


/** Option ids by question, listed once: a large answers file checks each question thousands of times. */
const optionIdsByQuestion = new WeakMap<Question, readonly string[]>();
function optionIdsOf(question: Question): readonly string[] {
  let ids = optionIdsByQuestion.get(question);
  if (!ids) optionIdsByQuestion.set(question, (ids = question.type === 'scale' ? [] : question.options.map((o) => o.id)));
  return ids;
}

/** (1.2) The option ids an answer may name: the current ones and those an option `replaces`. */
const answerableIdsByQuestion = new WeakMap<Question, ReadonlySet<string>>();
function answerableIdsOf(question: Question): ReadonlySet<string> {
  let ids = answerableIdsByQuestion.get(question);
  if (!ids) {
    ids = new Set(question.type === 'scale' ? [] : question.options.flatMap((o) => [o.id, ...(o.replaces ?? [])]));
    answerableIdsByQuestion.set(question, ids);
  }
  return ids;
}

/** The option ids of an answer that its question can no longer take (a choice or multi answer of an older model). */
function droppedOptionIds(question: Question, value: AnswerValue): string[] {
  if (question.type === 'scale' || value === NOT_APPLICABLE) return [];
  const known = answerableIdsOf(question);
  const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as readonly unknown[]).filter((v): v is string => typeof v === 'string') : [];
  return ids.filter((id) => !known.has(id));
}

/**
 * Adds to `findings` what is wrong with one answer; `at` gives its path, asked for only when something is. `older`:
 * the answer is from an older model (an old question id, or a file recorded against another version or an accepted
 * model), where an option that no longer exists is not an error: droppedOptions counts them, once per question.
 */
function checkAnswer(question: Question, value: AnswerValue, loaded: LoadedFile, at: () => (string | number)[], older: boolean, findings: Finding[]): void {
  const optionIds = optionIdsOf(question);
  const known = answerableIdsOf(question);
  const unknownOption = (id: string, path: (string | number)[]): void => {
    if (older) return;
    const guess = closest(id, optionIds);
    findings.push(
      findingAt(loaded, path, 'unknown-option', `${quote(id)} is not an option of "${question.id}"${guess ? `: did you mean "${guess}"?` : `: use one of ${optionIds.join(', ')}`}`),
    );
  };
  if (value === NOT_APPLICABLE) {
    if (!question.notApplicable) {
      findings.push(findingAt(loaded, at(), 'not-applicable-not-allowed', `"${question.id}" does not allow n/a: choose an answer, or leave the question out if it was not answered`));
    }
    return;
  }
  switch (question.type) {
    case 'choice':
      if (typeof value !== 'string') {
        findings.push(findingAt(loaded, at(), 'answer-wrong-type', `"${question.id}" is a choice question: answer with one option id (${optionIds.join(', ')})`));
      } else if (!known.has(value)) unknownOption(value, at());
      break;
    case 'multi':
      if (!Array.isArray(value)) {
        findings.push(findingAt(loaded, at(), 'answer-wrong-type', `"${question.id}" is a multiple-choice question: answer with a list of option ids, e.g. [${optionIds.slice(0, 2).join(', ')}] ([] for none)`));
      } else {
        const seen = new Set<string>();
        for (const [i, id] of (value as readonly string[]).entries()) {
          if (!known.has(id)) unknownOption(id, [...at(), i]);
          else if (seen.has(id)) findings.push(findingAt(loaded, [...at(), i], 'duplicate-answer', `${quote(id)} is listed twice: list each option once`));
          seen.add(id);
        }
      }
      break;
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        findings.push(findingAt(loaded, at(), 'answer-wrong-type', `"${question.id}" is a scale question: answer with a whole number from ${question.min} to ${question.max}`));
      } else if (value < question.min || value > question.max) {
        findings.push(findingAt(loaded, at(), 'answer-out-of-range', `${writtenNumber(loaded, at(), value)} is outside the scale of "${question.id}": answer with a whole number from ${question.min} to ${question.max}`));
      }
      break;
  }
}

/**
 * Each answer under a question of the model (by its id or an old one it replaces), answered once, fitting its
 * question. An id the recorded version had but this one dropped is droppedQuestions' finding, once per file.
 */
const answersKnown: Rule<RespondentSubject> = ({ file: { loaded, model, questions, questionIds, recordedAgainst }, respondent, index }) => {
  const findings: Finding[] = [];
  const answered = new Map<string, string>();
  for (const [id, value] of own(respondent.answers)) {
    const found = questions.get(id);
    if (!found && recordedAgainst !== undefined) continue;
    if (!found) {
      const guess = closest(id, questionIds);
      findings.push(
        findingAt(loaded, respondentPath(index, 'answers', id), 'unknown-question', `${quote(id)} is not a question of model ${model.id} ${model.version}${guess ? `: did you mean "${guess}"?` : ': remove it or use --model with the model it was recorded against'}`, { target: 'key' }),
      );
      continue;
    }
    const { question, old } = found;
    const other = answered.get(question.id);
    if (other !== undefined) {
      findings.push(
        findingAt(loaded, respondentPath(index, 'answers', id), 'duplicate-answer', `"${id}" and "${other}" are the same question ("${question.id}"), answered twice: keep one (the answer under the current id counts)`, { severity: 'warning', target: 'key' }),
      );
    }
    answered.set(question.id, id);
    checkAnswer(question, value, loaded, () => respondentPath(index, 'answers', id), old || recordedAgainst !== undefined, findings);
  }
  return findings;
};

const notesKnown: Rule<RespondentSubject> = ({ file: { loaded, model, questions, recordedAgainst }, respondent, index }) => {
  const findings: Finding[] = [];
  for (const [id] of own(respondent.notes)) {
    if (questions.has(id)) continue;
    const reason = recordedAgainst !== undefined ? `a question of ${recordedWords(recordedAgainst, model)} no longer has, so the note is not shown` : 'which is not a question of the model: fix the question id';
    findings.push(findingAt(loaded, respondentPath(index, 'notes', id), 'unknown-question', `the note is for ${quote(id)}, ${reason}`, { severity: 'warning', target: 'key' }));
  }
  return findings;
};

/** A respondent without an answer to any question of the model counts for nothing. */
const hasAnswers: Rule<RespondentSubject> = ({ file: { loaded, questions }, respondent, index }) =>
  own(respondent.answers).some(([id]) => questions.has(id))
    ? []
    : [findingAt(loaded, respondentPath(index, 'name'), 'empty-respondent', `respondent ${quote(respondent.name)} has no answers yet, so they count for nothing`, { severity: 'warning' })];

/** The rules of each respondent of a file whose answers are for the model. */
export const RESPONDENT_RULES: readonly Rule<RespondentSubject>[] = [groupKnown, answersKnown, notesKnown, hasAnswers];

const eachRespondent: Rule<AnswersFile> = (file) => {
  const findings: Finding[] = [];
  for (const [index, respondent] of file.raw.respondents.entries()) findings.push(...runRules(RESPONDENT_RULES, { file, respondent, index }));
  return findings;
};

/** An answer, recorded against another version of the model, to a question this version does not have: it does not count. */
function droppedQuestion(loaded: LoadedFile, path: (string | number)[], id: string, count: number, model: Model, recorded: { id: string; version: string }): Finding {
  const answers = count === 1 ? 'this answer does not count' : `the ${count} answers to it in this file do not count`;
  const verb = recorded.id === model.id ? 'dropped or changed in meaning' : 'does not have';
  return findingAt(
    loaded,
    path,
    'unknown-question',
    `${quote(id)} was a question of ${recordedWords(recorded, model)} ${verb} (no question replaces it), so ${answers}`,
    { severity: 'warning', target: 'key' },
  );
}

/** Answers to questions the recorded version had and this one dropped: one finding per question and file, at its first answer. */
const droppedQuestions: Rule<AnswersFile> = ({ loaded, raw, model, questions, recordedAgainst }) => {
  if (recordedAgainst === undefined) return [];
  const dropped = new Map<string, { path: Path; count: number }>();
  for (const [ri, respondent] of raw.respondents.entries()) {
    for (const [id] of own(respondent.answers)) {
      if (questions.has(id)) continue;
      const seen = dropped.get(id);
      if (seen) seen.count += 1;
      else dropped.set(id, { path: respondentPath(ri, 'answers', id), count: 1 });
    }
  }
  return [...dropped].map(([id, { path, count }]) => droppedQuestion(loaded, path, id, count, model, recordedAgainst));
};

/**
 * (1.2) Answers of an older model (an old question id, or the file recorded against another version or an accepted
 * model) naming an option the question no longer has, which no option `replaces`: left out (SPEC 2.2), one warning per
 * question and file, at its first such answer, saying how many were left out.
 */
const droppedOptions: Rule<AnswersFile> = ({ loaded, raw, model, questions, recordedAgainst }) => {
  const dropped = new Map<Question, { path: Path; count: number; ids: Set<string> }>();
  for (const [ri, respondent] of raw.respondents.entries()) {
    const answered = new Set<Question>();
    for (const [id, value] of own(respondent.answers)) {
      const found = questions.get(id);
      if (found === undefined || (!found.old && recordedAgainst === undefined) || answered.has(found.question)) continue;
      const gone = droppedOptionIds(found.question, value);
      if (gone.length === 0) continue;
      answered.add(found.question);
      const seen = dropped.get(found.question);
      if (seen) {
        seen.count += 1;
        for (const g of gone) seen.ids.add(g);
      } else dropped.set(found.question, { path: respondentPath(ri, 'answers', id), count: 1, ids: new Set(gone) });
    }
  }
  return [...dropped].map(([question, { path, count, ids }]) => {
    const from = recordedAgainst !== undefined ? `${recordedAgainst.id} ${recordedAgainst.version}` : 'an earlier version';
    const names = [...ids].map((id) => quote(id)).join(', ');
    const left = count === 1 ? 'this answer is left out' : `the ${count} answers naming ${ids.size === 1 ? 'it' : 'them'} in this file are left out`;
    return findingAt(
      loaded,
      path,
      'unknown-option',
      `${names} ${ids.size === 1 ? 'was an option' : 'were options'} of "${question.id}" in ${from} that ${model.id} ${model.version} no longer has (no option replaces ${ids.size === 1 ? 'it' : 'them'}), so ${left}`,
      { severity: 'warning' },
    );
  });
};

/** The rules of each file whose answers are for the model (recordedModel found no error). */
export const RECORDED_FILE_RULES: readonly Rule<AnswersFile>[] = [eachRespondent, droppedQuestions, droppedOptions, ...EVIDENCE_FILE_RULES];

/** Where a respondent's name first appeared; its line:column is looked up only for a repeat. */
export interface FirstAppearance {
  readonly loaded: LoadedFile;
  readonly path: Path;
}

/**
 * SPEC 2.3: each person answers once per assessment. The respondents of a file whose name is in `seen` already
 * (which this fills with the others'). With `assessment`, the answers files of one period checked one by one
 * (cxm validate), a repeat within one file is left to that file's own check.
 */
export function repeatedRespondents(file: { readonly loaded: LoadedFile; readonly raw: RawAnswers }, seen: Map<string, FirstAppearance>, assessment?: { readonly period: string }): Finding[] {
  const findings: Finding[] = [];
  for (const [ri, respondent] of file.raw.respondents.entries()) {
    const path = respondentPath(ri, 'name');
    const first = seen.get(respondent.name);
    if (first === undefined) {
      seen.set(respondent.name, { loaded: file.loaded, path });
      continue;
    }
    if (assessment !== undefined && first.loaded.source?.file === file.loaded.source?.file) continue;
    const at = findingAt(first.loaded, first.path, 'duplicate-respondent', '');
    const where = `${at.file}:${at.line}:${at.column}${assessment !== undefined ? `, an answers file of the same assessment (period ${assessment.period})` : ''}`;
    findings.push(findingAt(file.loaded, path, 'duplicate-respondent', `respondent ${quote(respondent.name)} already appears in ${where}: each person answers once per assessment; rename or remove one`));
  }
  return findings;
}

const respondentsOnce: Rule<AnswerSetSubject> = ({ recorded }) => {
  const seen = new Map<string, FirstAppearance>();
  return recorded.flatMap((file) => repeatedRespondents(file, seen));
};

/** Several files read together must agree on what they describe. */
const oneAssessment: Rule<AnswerSetSubject> = ({ files }) => {
  const findings: Finding[] = [];
  const first = files[0];
  if (first === undefined) return findings;
  for (const { loaded, raw } of files.slice(1)) {
    for (const key of ['organization', 'period'] as const) {
      if (raw[key] !== undefined && first.raw[key] !== undefined && raw[key] !== first.raw[key]) {
        findings.push(
          findingAt(loaded, [key], 'answers-mismatch', `${key} ${quote(raw[key])} differs from ${quote(first.raw[key])} in ${first.loaded.source!.file}: files read together must describe one assessment (use cxm compare for several periods)`),
        );
      }
    }
  }
  return findings;
};

/** The rules across the files of one set. */
export const ANSWER_SET_RULES: readonly Rule<AnswerSetSubject>[] = [respondentsOnce, oneAssessment, ...EVIDENCE_SET_RULES];
