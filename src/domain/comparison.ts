// The comparison data (SPEC section 4.1, schemaVersion 1): how scores moved between periods.
// Built once by src/compare/compare-reports.ts from one Report per period, printed by src/render/compare-*.ts.
// Numbers rounded to 2 decimals. Text fields hold the raw input text: renderers escape it.

import type { ModelWarningCode, ReportTarget } from './report.js';

/**
 * The stable code of a comparison warning. `model-mismatch` and `model-version-mismatch` say that the periods
 * were scored with different models (or versions), or, naming an answers file, that answers were recorded
 * against another model than the one the comparison scored them with (the report's own warning, carried over).
 */
export type ComparisonWarningCode =
  | ModelWarningCode
  | 'levels-mismatch'
  | 'period-missing'
  | 'organization-missing'
  | 'organization-spelling'
  | 'element-missing'
  | 'element-not-assessed'
  // (1.1)
  | 'questions-dropped'
  // (1.2) anonymous comparisons
  | 'questions-withheld'
  // (1.2) a period recorded with another model version, its levels recomputed under the capped rule
  | 'levels-recomputed';

export interface ComparisonWarning {
  readonly code: ComparisonWarningCode;
  readonly message: string;
}

/** A level of the model, so that renderers can show titles ("Ad hoc") for level ids. */
export interface ComparisonLevel {
  readonly id: string;
  readonly title: string;
  readonly minScore: number;
}

/** An element of the model, in presentation order, with its title. */
export interface ComparisonElementInfo {
  readonly id: string;
  readonly title: string;
}

export interface PeriodElement {
  readonly id: string;
  /** 0-100; null when not assessed in that period, or not in that period's model. */
  readonly score: number | null;
  readonly level: string | null;
  /** (1.2) The period's own target for the element, where it had one: how far the element was from it then. */
  readonly target?: ReportTarget;
}

export interface ComparisonPeriod {
  /** The period label of the assessment (`2026-Q1`), when it has one. */
  readonly period?: string;
  readonly date?: string;
  /**
   * Unique within the comparison, used by `changes[].from` / `to`: the period label; with the date
   * added where two assessments share a label; the date, or `unlabelled`, where there is no label.
   */
  readonly label: string;
  readonly organization?: string;
  /** The model the period's report was scored with. */
  readonly model: { readonly id: string; readonly version: string };
  readonly overall: { readonly score: number | null; readonly level: string | null };
  /** Every element of the comparison (`Comparison.elements`), in that order. */
  readonly elements: readonly PeriodElement[];
}

/** Level movement, by the model's level order; null when either level is null or they cannot be ordered. */
export type Direction = 'up' | 'down' | 'same';

export interface Driver {
  readonly question: string;
  /** The question's text, as the later period's model words it. */
  readonly text: string;
  /** Change of the question's contribution to the element score, in points (later - earlier): exact, rounded once. */
  readonly delta: number;
  /** The question's score (0-100) in the earlier period; null when it had no value there. */
  readonly fromScore: number | null;
  readonly toScore: number | null;
}

/**
 * (1.2) What an element's change and the overall change both say: the periods' own figures (`fromScore`/`toScore`/
 * `from`/`to` are those of `periods`; `delta` their difference computed unrounded and rounded once; null where
 * either is null), and the like-for-like figure where the periods answered different questions.
 */
interface ChangeFigures {
  readonly delta: number | null;
  readonly fromScore: number | null;
  readonly toScore: number | null;
  /** Level ids, earlier and later. */
  readonly from: string | null;
  readonly to: string | null;
  readonly direction: Direction | null;
  /**
   * Present where the two periods' answers cover different questions: the score over the questions both periods
   * answered (a question with a value in each). Never a level: a like-for-like score is not the period's own.
   */
  readonly likeForLike?: LikeForLike;
}

export interface ElementChange extends ChangeFigures {
  readonly id: string;
  /**
   * The questions that moved the element most: |delta| >= 0.01, largest first (then by id), at most 5.
   * Empty when the element has no score in either period. (1.2) With `likeForLike`, they add up to its delta.
   */
  readonly drivers: readonly Driver[];
  /** Question ids in the later period's report of this element but not in the earlier's. */
  readonly questionsAdded: readonly string[];
  /** Question ids in the earlier period's report of this element but not in the later's. */
  readonly questionsRemoved: readonly string[];
}

/** (1.2) A change over the questions both periods answered only (SPEC 4.1), labelled as such in every format. */
export interface LikeForLike {
  /** The question ids both periods answered (for the overall change: over all elements). */
  readonly over: readonly string[];
  readonly fromScore: number | null;
  readonly toScore: number | null;
  /** toScore - fromScore, computed unrounded and rounded once. */
  readonly delta: number | null;
}

/** The overall change; its `likeForLike` (1.2) is the overall score formula over the elements' like-for-like scores. */
export type OverallChange = ChangeFigures;

export type ChangeKind = 'consecutive' | 'first-to-last';

export interface PeriodChange {
  readonly kind: ChangeKind;
  /** `label` of the earlier period. */
  readonly from: string;
  /** `label` of the later period. */
  readonly to: string;
  readonly overall: OverallChange;
  /** Every element of the comparison, in `Comparison.elements` order. */
  readonly elements: readonly ElementChange[];
  /**
   * (1.1) Each group's movement, where both periods show the group and (anonymous) the change in its
   * membership cannot single anyone out; absent when neither period has groups.
   */
  readonly groups?: readonly GroupChange[];
  /**
   * (1.2) Anonymous comparisons: the per-question movements (drivers, like-for-like figures) are withheld, because
   * the team's head count changed by 1 to min − 1 people (they would give a newcomer's answers).
   */
  readonly questionsWithheld?: 'head-count-changed';
}

/** (1.1) How one group's scores moved between two periods. */
export interface GroupChange {
  readonly id: string;
  readonly title: string;
  readonly fromRespondents: number;
  readonly toRespondents: number;
  readonly overall: { readonly delta: number | null; readonly fromScore: number | null; readonly toScore: number | null };
  readonly elements: readonly { readonly id: string; readonly delta: number | null; readonly fromScore: number | null; readonly toScore: number | null }[];
}

export interface Comparison {
  readonly schemaVersion: 1;
  /** The organization as the newest period that names one spells it. */
  readonly organization?: string;
  /** Levels of the newest period's model, ascending, then any other level ids the periods use. */
  readonly levels: readonly ComparisonLevel[];
  /** The newest period's elements in its order, then elements only older periods have. */
  readonly elements: readonly ComparisonElementInfo[];
  /** Oldest first: ordered by `period`, then `date` (see src/compare/period-order.ts). */
  readonly periods: readonly ComparisonPeriod[];
  /** Each consecutive pair in order; then, with more than two periods, first → last. */
  readonly changes: readonly PeriodChange[];
  readonly warnings: readonly ComparisonWarning[];
}

/** Why a set of reports cannot be compared. Errors as data: the CLI prints them and exits 1. */
export type ComparisonProblemCode = 'too-few-periods' | 'same-period-twice' | 'different-organizations';

export interface ComparisonProblem {
  readonly code: ComparisonProblemCode;
  readonly message: string;
  /** Indices, in the array given to the comparison, of the reports concerned (so the CLI can name files). */
  readonly reports: readonly number[];
}
