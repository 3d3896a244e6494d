// Small factories that build a Model and an AnswerSet in code, for scoring and renderer tests.
//
//   const m = model([
//     element('strategy', [choice('strategy.statement'), scale('strategy.days', { weight: 2 })]),
//   ]);
//   const a = answers([respondent('Alice', { 'strategy.statement': 'most', 'strategy.days': 7 })], { model: m });
//   const report = scoreAssessment(m, a);
//
// Defaults: levels unconscious/ad-hoc/repeatable/systematic at 0/25/50/75; weights 1; overall weak-link.

import type {
  AnswerSet,
  AnswerValue,
  ChoiceQuestion,
  Element,
  InputFile,
  Group,
  Level,
  LevelRule,
  Model,
  MultiQuestion,
  OverallMethod,
  Question,
  Respondent,
  ScaleAnchor,
  ScaleQuestion,
} from '../../src/domain/types.js';

/** The four levels of the built-in model, starting at 0, 25, 50 and 75. */
export const LEVELS: readonly Level[] = [
  { id: 'unconscious', title: 'Unconscious', minScore: 0, description: 'No consciousness of creating a customer experience.' },
  { id: 'ad-hoc', title: 'Ad hoc', minScore: 25, description: 'Some really good days, then a bunch of average days.' },
  { id: 'repeatable', title: 'Repeatable', minScore: 50, description: 'A great experience most days.' },
  { id: 'systematic', title: 'Systematic', minScore: 75, description: 'A great experience every day.' },
];

/** Options as [id, score] pairs. */
export type OptionSpec = readonly (readonly [id: string, score: number])[];

/** Default choice options: none 0, some 1, most 2, all 3 (so v = 0, 1/3, 2/3, 1). */
export const CHOICE_OPTIONS: OptionSpec = [
  ['none', 0],
  ['some', 1],
  ['most', 2],
  ['all', 3],
];

/** Default multi options: a 1, b 1, c 2 (Σ = 4, so [a] = 0.25, [c] = 0.5, [a, b, c] = 1). */
export const MULTI_OPTIONS: OptionSpec = [
  ['a', 1],
  ['b', 1],
  ['c', 2],
];

export interface QuestionSpec {
  readonly weight?: number;
  readonly notApplicable?: boolean;
  readonly replaces?: readonly string[];
  readonly text?: string;
  readonly help?: string;
  /** Overwritten by `element()` with the id of the element the question is put in. */
  readonly element?: string;
  /** (1.2) A level id: the question's gate under levelRule capped. */
  readonly gate?: string;
}

function base(id: string, spec: QuestionSpec) {
  return {
    id,
    element: spec.element ?? id.split('.')[0]!,
    text: spec.text ?? `Question ${id}?`,
    ...(spec.help !== undefined ? { help: spec.help } : {}),
    weight: spec.weight ?? 1,
    notApplicable: spec.notApplicable ?? false,
    replaces: spec.replaces ?? [],
    ...(spec.gate !== undefined ? { gate: spec.gate } : {}),
  };
}

function options(spec: OptionSpec) {
  return spec.map(([id, score]) => ({ id, label: `Option ${id}`, score }));
}

/** A choice question; default options none/some/most/all scoring 0-3. */
export function choice(id: string, spec: QuestionSpec & { readonly options?: OptionSpec } = {}): ChoiceQuestion {
  return { ...base(id, spec), type: 'choice', options: options(spec.options ?? CHOICE_OPTIONS) };
}

/** A multi question; default options a 1, b 1, c 2. */
export function multi(id: string, spec: QuestionSpec & { readonly options?: OptionSpec } = {}): MultiQuestion {
  return { ...base(id, spec), type: 'multi', options: options(spec.options ?? MULTI_OPTIONS) };
}

/** A scale question; default 0-10. */
export function scale(
  id: string,
  spec: QuestionSpec & { readonly min?: number; readonly max?: number; readonly anchors?: readonly ScaleAnchor[] } = {},
): ScaleQuestion {
  return { ...base(id, spec), type: 'scale', min: spec.min ?? 0, max: spec.max ?? 10, labels: new Map(), anchors: spec.anchors ?? [] };
}

export interface ElementSpec {
  readonly title?: string;
  readonly weight?: number;
  readonly intro?: string;
  /** Recommendations by level id. */
  readonly recommendations?: Readonly<Record<string, readonly string[]>>;
}

/** An element holding the questions (their `element` set to this id); title defaults to the id capitalised. */
export function element(id: string, questions: readonly Question[], spec: ElementSpec = {}): Element {
  return {
    id,
    title: spec.title ?? id.charAt(0).toUpperCase() + id.slice(1),
    ...(spec.intro !== undefined ? { intro: spec.intro } : {}),
    weight: spec.weight ?? 1,
    file: `${id}.yaml`,
    questions: questions.map((q) => ({ ...q, element: id })),
    recommendations: new Map(Object.entries(spec.recommendations ?? {})),
  };
}

export interface ModelSpec {
  readonly id?: string;
  readonly version?: string;
  readonly title?: string;
  readonly overall?: OverallMethod;
  /** (1.2) Default mean. */
  readonly levelRule?: LevelRule;
  /** (1.2) Default 1. */
  readonly tolerance?: number;
  readonly levels?: readonly Level[];
  readonly inputs?: readonly InputFile[];
  readonly groups?: readonly Group[];
  readonly accepts?: readonly string[];
}

/** A model of the elements; default id `test-model`, version 1.0.0, weakest-link, LEVELS. */
export function model(elements: readonly Element[], spec: ModelSpec = {}): Model {
  return {
    id: spec.id ?? 'test-model',
    version: spec.version ?? '1.0.0',
    title: spec.title ?? 'Test Model',
    overall: spec.overall ?? 'weakest-link',
    levelRule: spec.levelRule ?? 'mean',
    tolerance: spec.tolerance ?? 1,
    levels: spec.levels ?? LEVELS,
    groups: spec.groups ?? [],
    accepts: spec.accepts ?? [],
    elements,
    inputs: spec.inputs ?? [{ file: 'model/model.yaml', sha256: 'a'.repeat(64) }],
    dir: 'model',
  };
}

export interface RespondentSpec {
  readonly role?: string;
  readonly group?: string;
  readonly notes?: Readonly<Record<string, string>>;
  /** The answers file the respondent was read from; default `answers.yaml`. */
  readonly file?: string;
}

/** A respondent; answers keyed by question id as recorded (old ids allowed), 'n/a' for not applicable. */
export function respondent(name: string, answers: Readonly<Record<string, AnswerValue>> = {}, spec: RespondentSpec = {}): Respondent {
  return {
    name,
    ...(spec.role !== undefined ? { role: spec.role } : {}),
    ...(spec.group !== undefined ? { group: spec.group } : {}),
    answers: new Map(Object.entries(answers)),
    notes: new Map(Object.entries(spec.notes ?? {})),
    file: spec.file ?? 'answers.yaml',
  };
}

export interface AnswersSpec {
  /** The model the answers say they were recorded against: a Model, or its id and version. Default: test-model 1.0.0. */
  readonly model?: Model | { readonly id: string; readonly version: string };
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  readonly anonymous?: boolean;
  /** Default: one input per distinct respondent file. */
  readonly inputs?: readonly InputFile[];
}

/** One assessment; respondents may come from several files (see RespondentSpec.file). */
export function answers(respondents: readonly Respondent[], spec: AnswersSpec = {}): AnswerSet {
  const files = [...new Set(respondents.map((r) => r.file))];
  return {
    model: { id: spec.model?.id ?? 'test-model', version: spec.model?.version ?? '1.0.0' },
    ...(spec.organization !== undefined ? { organization: spec.organization } : {}),
    ...(spec.period !== undefined ? { period: spec.period } : {}),
    ...(spec.date !== undefined ? { date: spec.date } : {}),
    anonymous: spec.anonymous ?? false,
    respondents,
    inputs: spec.inputs ?? files.map((file, i) => ({ file, sha256: String(i).repeat(64) })),
  };
}
