// Answers files → one AnswerSet, checked against a model (SPEC 2.3): known questions (or their
// `replaces`), known options, scale answers in range, n/a only where allowed, unique respondents.

import type { Finding } from '../model/finding.js';
import { periodAdvice, parsePeriod } from '../model/period.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Model, type Question, type Respondent } from '../model/types.js';
import { closest } from './did-you-mean.js';
import { findingAt, hasErrors } from './finding-at.js';
import { quote } from './quote.js';
import { own, type RawAnswers } from './schema/raw.js';
import { inputOf } from './source-file.js';
import { loadYamlFile, type LoadedFile } from './file.js';

export interface AnswersResult {
  /** Undefined when the answers have errors. */
  readonly answers?: AnswerSet;
  readonly findings: Finding[];
}

/** Question lookup by current id and by the old ids it `replaces`. */
export function questionIndex(model: Model): Map<string, { question: Question; old: boolean }> {
  const index = new Map<string, { question: Question; old: boolean }>();
  for (const element of model.elements)
    for (const question of element.questions) {
      index.set(question.id, { question, old: false });
      for (const old of question.replaces) if (!index.has(old)) index.set(old, { question, old: true });
    }
  return index;
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
  const loadedFiles: { loaded: LoadedFile; raw: RawAnswers }[] = [];
  for (const read of files) {
    findings.push(...read.findings);
    // after schema errors, the well-formed respondents are still checked (the set is not scored: it has errors)
    const loaded = read.data !== undefined ? read : read.partial;
    if (loaded !== undefined) loadedFiles.push({ loaded, raw: loaded.data as RawAnswers });
  }
  const index = questionIndex(model);
  const allIds = [...index.keys()];
  const respondents: Respondent[] = [];
  // where each name first appears; its line:column is looked up only for a duplicate (lookups need the full parse)
  const names = new Map<string, { loaded: LoadedFile; path: (string | number)[] }>();

  for (const { loaded, raw } of loadedFiles) {
    const fileFindings = checkAnswersFile(raw, loaded, model);
    findings.push(...fileFindings, ...checkPeriod(raw, loaded));
    // answers of another model: one finding at model, not one per question that this model does not have
    if (hasErrors(fileFindings)) continue;
    // answers of another version of this model: a question it no longer has was dropped, not misspelled
    const recordedVersion = raw.model.id === model.id && raw.model.version !== model.version ? raw.model.version : undefined;
    // one finding per dropped question and file, at its first answer, rather than one per respondent
    const dropped = new Map<string, { path: (string | number)[]; count: number }>();
    for (const [ri, respondent] of raw.respondents.entries()) {
      const where = (...rest: (string | number)[]): (string | number)[] => ['respondents', ri, ...rest];
      const previous = names.get(respondent.name);
      if (previous !== undefined) {
        const at = findingAt(previous.loaded, previous.path, 'duplicate-respondent', '');
        findings.push(
          findingAt(loaded, where('name'), 'duplicate-respondent', `respondent ${quote(respondent.name)} already appears in ${at.file}:${at.line}:${at.column}: each person answers once per assessment; rename or remove one`),
        );
      } else names.set(respondent.name, { loaded, path: where('name') });
      const groupFinding = checkGroup(respondent.group, model, loaded, where('group'));
      if (groupFinding !== undefined) findings.push(groupFinding);
      const answers = new Map<string, AnswerValue>();
      const answered = new Map<string, string>();
      for (const [id, value] of own(respondent.answers)) {
        const found = index.get(id);
        if (!found && recordedVersion !== undefined) {
          const seen = dropped.get(id);
          if (seen) seen.count += 1;
          else dropped.set(id, { path: where('answers', id), count: 1 });
          continue;
        }
        if (!found) {
          const guess = closest(id, allIds);
          findings.push(
            findingAt(loaded, where('answers', id), 'unknown-question', `${quote(id)} is not a question of model ${model.id} ${model.version}${guess ? `: did you mean "${guess}"?` : ': remove it or use --model with the model it was recorded against'}`, { target: 'key' }),
          );
          continue;
        }
        const { question, old } = found;
        const other = answered.get(question.id);
        if (other !== undefined) {
          findings.push(
            findingAt(loaded, where('answers', id), 'duplicate-answer', `"${id}" and "${other}" are the same question ("${question.id}"), answered twice: keep one (the answer under the current id counts)`, { severity: 'warning', target: 'key' }),
          );
        }
        answered.set(question.id, id);
        checkAnswer(question, value, loaded, () => where('answers', id), old, findings);
        answers.set(id, value);
      }
      const notes = new Map<string, string>();
      for (const [id, note] of own(respondent.notes)) {
        if (!index.has(id)) {
          const reason = recordedVersion !== undefined ? `a question of ${model.id} ${recordedVersion} that version ${model.version} no longer has, so the note is not shown` : 'which is not a question of the model: fix the question id';
          findings.push(findingAt(loaded, where('notes', id), 'unknown-question', `the note is for ${quote(id)}, ${reason}`, { severity: 'warning', target: 'key' }));
        }
        notes.set(id, note);
      }
      if (answers.size === 0) {
        findings.push(findingAt(loaded, where('name'), 'empty-respondent', `respondent ${quote(respondent.name)} has no answers yet, so they count for nothing`, { severity: 'warning' }));
      }
      respondents.push({
        name: respondent.name,
        ...(respondent.role !== undefined ? { role: respondent.role } : {}),
        ...(respondent.group !== undefined ? { group: respondent.group } : {}),
        answers,
        notes,
        file: loaded.source!.file,
      });
    }
    for (const [id, { path, count }] of dropped) findings.push(droppedQuestion(loaded, path, id, count, model, recordedVersion!));
  }

  // several files of one assessment must agree on what they describe
  const first = loadedFiles[0];
  for (const { loaded, raw } of loadedFiles.slice(1)) {
    for (const key of ['organization', 'period'] as const) {
      if (first && raw[key] !== undefined && first.raw[key] !== undefined && raw[key] !== first.raw[key]) {
        findings.push(
          findingAt(loaded, [key], 'answers-mismatch', `${key} ${quote(raw[key])} differs from ${quote(first.raw[key])} in ${first.loaded.source!.file}: files read together must describe one assessment (use cxm compare for several periods)`),
        );
      }
    }
  }
  if (hasErrors(findings) || !first) return { findings };
  const pick = <K extends 'organization' | 'period' | 'date'>(key: K): string | undefined => loadedFiles.map((f) => f.raw[key]).find((v) => v !== undefined);
  const organization = pick('organization');
  const period = pick('period');
  const date = pick('date');
  const answers: AnswerSet = {
    model: { id: first.raw.model.id, version: first.raw.model.version },
    ...(organization !== undefined ? { organization } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(date !== undefined ? { date } : {}),
    anonymous: loadedFiles.some((f) => f.raw.anonymous === true),
    respondents,
    inputs: loadedFiles.map(({ loaded }) => inputOf(loaded.source!)),
  };
  return { answers, findings };
}

/** An answer, recorded against another version of the model, to a question this version does not have: it does not count. */
function droppedQuestion(loaded: LoadedFile, path: (string | number)[], id: string, count: number, model: Model, recordedVersion: string): Finding {
  const answers = count === 1 ? 'this answer does not count' : `the ${count} answers to it in this file do not count`;
  return findingAt(
    loaded,
    path,
    'unknown-question',
    `${quote(id)} was a question of ${model.id} ${recordedVersion} that version ${model.version} dropped or changed in meaning (no question replaces it), so ${answers}`,
    { severity: 'warning', target: 'key' },
  );
}

function checkAnswersFile(raw: RawAnswers, loaded: LoadedFile, model: Model): Finding[] {
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
}

/** SPEC 2.3 (1.1): a period is a year, half, quarter, month or day, so that periods order by time. */
function checkPeriod(raw: RawAnswers, loaded: LoadedFile): Finding[] {
  if (typeof raw.period !== 'string' || parsePeriod(raw.period)) return [];
  return [
    findingAt(
      loaded,
      ['period'],
      'period-format',
      `period ${quote(raw.period)} is not one of the forms cxm orders by time: ${periodAdvice(raw.period)} (a year 2026, half 2026-H2, quarter 2026-Q4, month 2026-11 or day 2026-11-22)`,
    ),
  ];
}

/**
 * (1.1) A respondent's group must be one of the model's groups when the model declares any (SPEC 2.3);
 * without declared groups any text is a group. A group written as its title, or nearly its id, is suggested.
 */
export function checkGroup(group: string | undefined, model: Model, loaded: LoadedFile, path: (string | number)[]): Finding | undefined {
  if (group === undefined || model.groups.length === 0 || model.groups.some((g) => g.id === group)) return undefined;
  const ids = model.groups.map((g) => g.id);
  const byTitle = model.groups.find((g) => g.title.trim().toLowerCase() === group.trim().toLowerCase());
  const guess = byTitle?.id ?? closest(group, ids);
  return findingAt(
    loaded,
    path,
    'unknown-group',
    `${quote(group)} is not a group of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use one of ${ids.join(', ')}, or add it to the groups of the model`}`,
  );
}

/** Semantic versions compared by major, minor and patch (a pre-release comes before its release); > 0 when a is newer. */
export function compareVersions(a: string, b: string): number {
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

/** Option ids by question, listed once: a large answers file checks each question thousands of times. */
const optionIdsByQuestion = new WeakMap<Question, readonly string[]>();
function optionIdsOf(question: Question): readonly string[] {
  let ids = optionIdsByQuestion.get(question);
  if (!ids) optionIdsByQuestion.set(question, (ids = question.type === 'scale' ? [] : question.options.map((o) => o.id)));
  return ids;
}

/** Adds to `findings` what is wrong with one answer; `at` gives its path, asked for only when something is. */
function checkAnswer(question: Question, value: AnswerValue, loaded: LoadedFile, at: () => (string | number)[], old: boolean, findings: Finding[]): void {
  const optionIds = optionIdsOf(question);
  // an old id's option that no longer exists is not an error: that answer simply does not count
  const severity = old ? 'warning' : 'error';
  const unknownOption = (id: string, path: (string | number)[]): Finding => {
    const guess = closest(id, optionIds);
    return findingAt(
      loaded,
      path,
      'unknown-option',
      `${quote(id)} is not an option of "${question.id}"${old ? ` (answered under its old id, so it does not count)` : ''}${guess ? `: did you mean "${guess}"?` : `: use one of ${optionIds.join(', ')}`}`,
      { severity },
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
      } else if (!optionIds.includes(value)) findings.push(unknownOption(value, at()));
      break;
    case 'multi':
      if (!Array.isArray(value)) {
        findings.push(findingAt(loaded, at(), 'answer-wrong-type', `"${question.id}" is a multiple-choice question: answer with a list of option ids, e.g. [${optionIds.slice(0, 2).join(', ')}] ([] for none)`));
      } else {
        const seen = new Set<string>();
        for (const [i, id] of (value as readonly string[]).entries()) {
          if (!optionIds.includes(id)) findings.push(unknownOption(id, [...at(), i]));
          else if (seen.has(id)) findings.push(findingAt(loaded, [...at(), i], 'duplicate-answer', `${quote(id)} is listed twice: list each option once`));
          seen.add(id);
        }
      }
      break;
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        findings.push(findingAt(loaded, at(), 'answer-wrong-type', `"${question.id}" is a scale question: answer with a whole number from ${question.min} to ${question.max}`));
      } else if (value < question.min || value > question.max) {
        findings.push(findingAt(loaded, at(), 'answer-out-of-range', `${value} is outside the scale of "${question.id}": answer with a whole number from ${question.min} to ${question.max}`));
      }
      break;
  }
}
