// Domain types of cx-maturity. Plain data: no behaviour, no IO.
// Everything here is produced by src/load from files and consumed by src/score, src/render, src/assess.

import type { EvidenceItem, Targets } from './evidence.js';

export type OverallMethod = 'weakest-link' | 'mean';
/** (1.2) How an element's level is decided: the level of its score (mean), or that capped by its questions' levels (capped). */
export type LevelRule = 'mean' | 'capped';
export type QuestionType = 'choice' | 'multi' | 'scale';

export interface Level {
  readonly id: string;
  readonly title: string;
  /** Element score (0-100) at which the level starts. */
  readonly minScore: number;
  readonly description?: string;
}

export interface Option {
  readonly id: string;
  readonly label: string;
  readonly score: number;
  /**
   * (1.1) choice: the concrete action that takes a team from this option to the next one up.
   * multi: the action that makes this option true (adopts it).
   */
  readonly next?: string;
  /** (1.2) Ids this option had in earlier model versions: answers recorded under them count for it. Absent: none. */
  readonly replaces?: readonly string[];
}

interface QuestionBase {
  readonly id: string;
  /** Id of the element (questionnaire) the question belongs to. */
  readonly element: string;
  readonly text: string;
  readonly help?: string;
  /** > 0, default 1. */
  readonly weight: number;
  /** Whether the answer `n/a` is allowed. */
  readonly notApplicable: boolean;
  /** Ids this question had in earlier model versions. */
  readonly replaces: readonly string[];
  /** (1.2) A level id (not the first): under `levelRule: capped`, below it on this question the element stays below it. */
  readonly gate?: string;
  /** (1.2) The evidence to look at before answering; forms and the interview show it. */
  readonly check?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'choice';
  readonly options: readonly Option[];
}

export interface MultiQuestion extends QuestionBase {
  readonly type: 'multi';
  readonly options: readonly Option[];
}

export interface ScaleQuestion extends QuestionBase {
  readonly type: 'scale';
  readonly min: number;
  readonly max: number;
  /** Labels of some scale points, keyed by the integer they label. */
  readonly labels: ReadonlyMap<number, string>;
  /**
   * (1.2) `levels`: the value at which a level starts, in the model's level order (never the first level), values
   * strictly increasing and strictly inside (min, max). Absent or empty: the scale is linear.
   */
  readonly anchors?: readonly ScaleAnchor[];
  /** (1.2) The action that raises the answer to the next anchor (or level) up; the action plan shows it. */
  readonly next?: string;
}

/** (1.2) A scale value at which a level of the model starts. */
export interface ScaleAnchor {
  readonly level: string;
  readonly value: number;
  /** The level's minScore (0-100): an answer of `value` is worth minScore / 100. */
  readonly minScore: number;
}

export type Question = ChoiceQuestion | MultiQuestion | ScaleQuestion;

export interface Element {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  /** > 0, default 1. */
  readonly weight: number;
  /** Path of the questionnaire file, as loaded. */
  readonly file: string;
  readonly questions: readonly Question[];
  /** Recommendations keyed by level id; a level may have none. */
  readonly recommendations: ReadonlyMap<string, readonly string[]>;
}

/** A file that a model, answers or report was made from, with its SHA-256 (hex). */
export interface InputFile {
  readonly file: string;
  readonly sha256: string;
}

export interface Model {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description?: string;
  readonly overall: OverallMethod;
  /** (1.2) Default `mean`. */
  readonly levelRule: LevelRule;
  /** (1.2) With `capped`: how many levels an element may stand above its lowest question (integer ≥ 0, default 1). */
  readonly tolerance: number;
  /** Ascending by minScore; the first starts at 0. */
  readonly levels: readonly Level[];
  /** In presentation order. */
  readonly elements: readonly Element[];
  /** model.yaml and every questionnaire file, in that order. */
  readonly inputs: readonly InputFile[];
  /** Directory the model was loaded from. */
  readonly dir: string;
  /** (1.1) The groups respondents may belong to; empty when the model declares none (answers then name any text). */
  readonly groups: readonly Group[];
  /** (1.1) Other model ids whose answers this model scores. */
  readonly accepts: readonly string[];
}

/** (1.1) A department or function that respondents belong to. */
export interface Group {
  readonly id: string;
  readonly title: string;
}

/**
 * One recorded answer, as written in the answers file:
 * choice → option id; multi → list of option ids; scale → integer; `n/a` → the string 'n/a'.
 */
export type AnswerValue = string | readonly string[] | number;

export const NOT_APPLICABLE = 'n/a';

export interface Respondent {
  readonly name: string;
  readonly role?: string;
  /** (1.1) A group id of the model, or any text when the model declares none. */
  readonly group?: string;
  /** Keyed by the question id as recorded (possibly an old id, see Question.replaces). */
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly notes: ReadonlyMap<string, string>;
  /** The answers file this respondent was read from. */
  readonly file: string;
}

/** One assessment: one or more answers files read together. */
export interface AnswerSet {
  readonly model: { readonly id: string; readonly version: string };
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  /** (1.1) true when any answers file says `anonymous: true`. */
  readonly anonymous: boolean;
  readonly respondents: readonly Respondent[];
  readonly inputs: readonly InputFile[];
  /** (1.2) The level each element should reach (SPEC 3), --target applied; absent: none. */
  readonly targets?: Targets;
  /** (1.2) Evidence by current question id (old ids mapped through `replaces`), the files' lists joined. */
  readonly evidence?: ReadonlyMap<string, readonly EvidenceItem[]>;
  /** (1.2) The date evidence is judged current at: --as-of, else the answers' `date`; absent: expiry not checked. */
  readonly asOf?: string;
}
