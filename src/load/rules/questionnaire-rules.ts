// The rules of a questionnaire (SPEC 2.2) that its schema cannot say. They run on every file cxm validate reads,
// cold: plain indexed loops, which cost a third less than entries() iterators before the code is optimized.

import type { Finding } from '../../model/finding.js';
import { closest } from '../did-you-mean.js';
import type { LoadedFile } from '../file.js';
import { findingAt } from '../findings.js';
import type { RawQuestionnaire } from '../schema/raw.js';
import { repeatedIds, runRules, type Rule } from './rule.js';
import { YAML11_BOOLEANS, yaml11BooleanIds, type Yaml11Id } from './yaml11-ids.js';

/** A questionnaire file that passed its schema (or its well-formed part), and the levels of its model. */
export interface QuestionnaireSubject {
  readonly raw: RawQuestionnaire;
  readonly loaded: LoadedFile;
  /** The ids of its model's levels; undefined for a questionnaire checked on its own, which skips the level rules. */
  readonly levelIds?: readonly string[] | undefined;
}

type Path = (string | number)[];
const questionPath = (qi: number, ...rest: (string | number)[]): Path => ['questions', qi, ...rest];

const questionIdsUnique: Rule<QuestionnaireSubject> = ({ raw, loaded }) =>
  repeatedIds(raw.questions, (question) => question.id).map(({ index }) =>
    findingAt(loaded, questionPath(index, 'id'), 'duplicate-question-id', `question id "${raw.questions[index]!.id}" is used twice in this file: question ids must be unique`),
  );

const questionsHaveHelp: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (question.help === undefined || question.help.trim() === '') {
      findings.push(
        findingAt(loaded, questionPath(qi, 'id'), 'question-without-help', `question "${question.id}" has no help: add a help text saying why it matters`, { severity: 'warning' }),
      );
    }
  }
  return findings;
};

const optionIdsUnique: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (question.type === 'scale') continue;
    const options = question.options ?? [];
    for (const { index } of repeatedIds(options, (option) => option.id)) {
      findings.push(findingAt(loaded, questionPath(qi, 'options', index, 'id'), 'duplicate-option-id', `option id "${options[index]!.id}" is used twice in question "${question.id}": make option ids unique within the question`));
    }
  }
  return findings;
};

/** A choice question whose options all score the same cannot tell teams apart. */
const choiceScoresDiffer: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (question.type !== 'choice') continue;
    const scores = (question.options ?? []).map((o) => o.score);
    if (scores.length > 1 && scores.every((s) => s === scores[0])) {
      findings.push(findingAt(loaded, questionPath(qi, 'options'), 'choice-scores-equal', `every option of "${question.id}" scores ${scores[0]}, so the question cannot tell teams apart: give the options different scores`));
    }
  }
  return findings;
};

/** A multiple-choice question whose options all score 0 can never score. */
const multiScoresSomething: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (question.type !== 'multi') continue;
    if ((question.options ?? []).every((o) => o.score === 0)) {
      findings.push(findingAt(loaded, questionPath(qi, 'options'), 'multi-scores-zero', `every option of "${question.id}" scores 0, so the question can never score: give some options a score above 0`));
    }
  }
  return findings;
};

/** The scale questions, each with its index and its ends as the schema lets them be read (absent: 0). */
function scaleQuestions(raw: RawQuestionnaire): { question: RawQuestionnaire['questions'][number]; qi: number; min: number; max: number }[] {
  const scales = [];
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (question.type === 'scale') scales.push({ question, qi, min: question.min ?? 0, max: question.max ?? 0 });
  }
  return scales;
}

const scaleRangesNotEmpty: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (const { qi, min, max } of scaleQuestions(raw)) {
    if (min >= max) findings.push(findingAt(loaded, questionPath(qi, 'max'), 'scale-range-empty', `max (${max}) must be greater than min (${min})`));
  }
  return findings;
};

const scaleLabelsInRange: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (const { question, qi, min, max } of scaleQuestions(raw)) {
    for (const key of Object.keys(question.labels ?? {})) {
      const n = Number(key);
      if (n < min || n > max) {
        findings.push(findingAt(loaded, questionPath(qi, 'labels', key), 'scale-label-out-of-range', `label ${key} is outside the scale ${min}..${max}: label a point of the scale`, { target: 'key' }));
      }
    }
  }
  return findings;
};

/** Ids that YAML 1.1 readers would read as booleans (yaml11-ids.ts); only those are listed: most files have none. */
const idsReadAlike: Rule<QuestionnaireSubject> = ({ raw, loaded }) => {
  const ids: Yaml11Id[] = [];
  if (YAML11_BOOLEANS.has(raw.element)) ids.push({ path: ['element'], value: raw.element });
  for (let qi = 0; qi < raw.questions.length; qi++) {
    const question = raw.questions[qi]!;
    if (YAML11_BOOLEANS.has(question.id)) ids.push({ path: questionPath(qi, 'id'), value: question.id });
    const options = question.options ?? [];
    for (let oi = 0; oi < options.length; oi++) {
      const option = options[oi]!;
      if (YAML11_BOOLEANS.has(option.id)) ids.push({ path: questionPath(qi, 'options', oi, 'id'), value: option.id });
    }
  }
  for (const key of Object.keys(raw.recommendations ?? {})) if (YAML11_BOOLEANS.has(key)) ids.push({ path: ['recommendations', key], value: key, target: 'key' });
  return ids.length === 0 ? [] : yaml11BooleanIds(loaded, ids);
};

const recommendationLevelsKnown: Rule<QuestionnaireSubject> = ({ raw, loaded, levelIds }) => {
  if (!levelIds) return [];
  const findings: Finding[] = [];
  for (const key of Object.keys(raw.recommendations ?? {})) {
    if (levelIds.includes(key)) continue;
    const guess = closest(key, levelIds);
    findings.push(
      findingAt(loaded, ['recommendations', key], 'unknown-recommendation-level', `"${key}" is not a level of the model${guess ? `: did you mean "${guess}"?` : `: use one of ${levelIds.join(', ')}`}`, { target: 'key' }),
    );
  }
  return findings;
};

const recommendationsForEveryLevel: Rule<QuestionnaireSubject> = ({ raw, loaded, levelIds }) => {
  if (!levelIds) return [];
  const keys = Object.keys(raw.recommendations ?? {});
  const missing = levelIds.filter((id) => !keys.includes(id) || (raw.recommendations?.[id]?.length ?? 0) === 0);
  if (missing.length === 0) return [];
  return [
    findingAt(loaded, raw.recommendations ? ['recommendations'] : [], 'missing-recommendations', `no recommendations for level${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add what a team at that level should do next`, {
      severity: 'warning',
      target: 'key',
    }),
  ];
};

/** The rules of one questionnaire file, in the order they run. */
export const QUESTIONNAIRE_RULES: readonly Rule<QuestionnaireSubject>[] = [
  questionIdsUnique,
  questionsHaveHelp,
  optionIdsUnique,
  choiceScoresDiffer,
  multiScoresSomething,
  scaleRangesNotEmpty,
  scaleLabelsInRange,
  idsReadAlike,
  recommendationLevelsKnown,
  recommendationsForEveryLevel,
];

/** The rules for one questionnaire file (standalone: levelIds undefined skips the level rules). */
export function checkQuestionnaire(raw: RawQuestionnaire, loaded: LoadedFile, levelIds?: readonly string[]): Finding[] {
  return runRules(QUESTIONNAIRE_RULES, { raw, loaded, levelIds });
}
