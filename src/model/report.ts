// The report data (SPEC section 4, schemaVersion 1): what `cxm report -f json` prints.
// Built once by src/score, printed by each renderer in src/render. Numbers rounded to 2 decimals.

import type { InputFile, OverallMethod, QuestionType } from './types.js';

export interface ReportWarning {
  /** Stable code, e.g. `element-not-assessed`, `model-version-mismatch`. */
  readonly code: string;
  readonly message: string;
}

export interface ReportLevel {
  readonly id: string;
  readonly title: string;
  readonly minScore: number;
  readonly description?: string;
}

export interface ReportNote {
  readonly respondent: string;
  readonly note: string;
}

export interface ReportItem {
  readonly id: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly weight: number;
  /** 0-100; null when no respondent gave the question a value. */
  readonly score: number | null;
  /** max - min of the respondents' values, 0-100; null when unanswered. */
  readonly spread: number | null;
  /** Respondents who gave the question a value (`n/a` not counted). */
  readonly answers: number;
  /** Respondents who answered `n/a`. */
  readonly notApplicable: number;
  /** Each respondent's value (0-100) for this question, null for n/a or unanswered. */
  readonly byRespondent: Readonly<Record<string, number | null>>;
  readonly notes: readonly ReportNote[];
}

export interface ReportElement {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  /** 0-100; null when not assessed. */
  readonly score: number | null;
  readonly level: string | null;
  /** Questions with a value. */
  readonly answered: number;
  /** All questions of the element. */
  readonly questions: number;
  /** Each respondent's own element score; null where they gave no value in this element. */
  readonly byRespondent: Readonly<Record<string, number | null>>;
  /** The model's recommendations for this element at its level (empty when not assessed). */
  readonly recommendations: readonly string[];
  readonly items: readonly ReportItem[];
}

export interface Report {
  readonly schemaVersion: 1;
  readonly model: { readonly id: string; readonly version: string; readonly title: string };
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  readonly respondents: readonly { readonly name: string; readonly role?: string }[];
  readonly overall: {
    /** Weighted mean of assessed element scores; null when no element is assessed. */
    readonly score: number | null;
    readonly level: string | null;
    readonly method: OverallMethod;
    /** Ids of the assessed element(s) with the lowest score. */
    readonly weakest: readonly string[];
  };
  /** The model's levels, ascending, so a report can be read without the model. */
  readonly levels: readonly ReportLevel[];
  readonly elements: readonly ReportElement[];
  readonly warnings: readonly ReportWarning[];
  readonly inputs: readonly InputFile[];
}
