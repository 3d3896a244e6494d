// The report data (SPEC section 4, schemaVersion 1): what `cxm report -f json` prints.
// Built once by src/score, printed by each renderer in src/render. Numbers rounded to 2 decimals.

import type { InputFile, OverallMethod, QuestionType } from './types.js';

/**
 * The answers were recorded against another model than the one they are scored with: another model id
 * (`model-mismatch`), or another version of the same model (`model-version-mismatch`). The same codes as the
 * validation findings and the comparison warnings for the same mismatch.
 */
export type ModelWarningCode = 'model-mismatch' | 'model-version-mismatch';

/** The stable code of a report warning; SPEC 4 names `element-not-assessed`. */
export type ReportWarningCode =
  | 'no-respondents'
  | ModelWarningCode
  | 'element-not-assessed'
  // (1.1)
  | 'partial-assessment'
  | 'too-few-respondents'
  // (1.2)
  | 'self-reported'
  | 'expiry-not-checked'
  | 'target-unreachable'
  // (1.2) anonymous reports (SPEC 4.2)
  | 'figures-withheld'
  | 'groups-not-shown';

/**
 * (1.2) Why an anonymous report withholds a figure (SPEC 4.2): it rests on fewer people than the minimum, or it
 * would let such a figure be worked out from the ones shown beside it. Decided in src/score/anonymity.ts.
 */
export type WithheldReason = 'too-few-respondents' | 'reveals-withheld';

export interface ReportWarning {
  readonly code: ReportWarningCode;
  readonly message: string;
}

export interface ReportLevel {
  readonly id: string;
  readonly title: string;
  readonly minScore: number;
  readonly description?: string;
}

export interface ReportNote {
  /** Absent in an anonymous report (SPEC 4.2): the note is kept, its author is not named. */
  readonly respondent?: string;
  readonly note: string;
}

export interface ReportItem {
  readonly id: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly weight: number;
  /** 0-100; null when no respondent gave the question a value. */
  readonly score: number | null;
  /** (1.2) L_q: the level (id) of the question's unrounded value; null when it has none. Reports of cxm 1.1 lack it. */
  readonly level?: string | null;
  /** (1.2) The question's gate (a level id), when the model gives it one: below it here, the element stays below it. */
  readonly gate?: string;
  /** max - min of the respondents' values, 0-100; null when unanswered. */
  readonly spread: number | null;
  /** Respondents who gave the question a value (`n/a` not counted). */
  readonly answers: number;
  /** Respondents who answered `n/a`. */
  readonly notApplicable: number;
  /** Each respondent's value (0-100) for this question, null for n/a or unanswered. */
  readonly byRespondent: Readonly<Record<string, number | null>>;
  readonly notes: readonly ReportNote[];
  /**
   * (1.1) Each respondent's recorded answer, as in the answers file: an option id, a list of option ids (multi),
   * a number (scale) or "n/a"; unanswered questions are absent. Absent in an anonymous report.
   */
  readonly choices?: Readonly<Record<string, RecordedAnswer>>;
  /** (1.1) The options of a choice or multi question, as the model lists them, so that choices read as labels. */
  readonly options?: readonly ReportOption[];
  /** (1.1) How many respondents chose each answer: every option (multi: each option on its own), scale values given, n/a. */
  readonly distribution?: readonly ReportAnswerCount[];
  /** (1.2) Anonymous reports: the score is withheld (null), and why. */
  readonly withheld?: WithheldReason;
}

/** (1.1) An option of a question, for reading `choices`. */
export interface ReportOption {
  readonly id: string;
  readonly label: string;
  readonly score: number;
}

/** (1.1) How many respondents gave one answer: an option id, a scale value, or "n/a". */
export interface ReportAnswerCount {
  readonly answer: string | number;
  /** The option's label; for a scale, the value and its label where the model has one. */
  readonly label: string;
  readonly count: number;
}

/** (1.1) An answer as recorded: option id, list of option ids, scale value, or "n/a". */
export type RecordedAnswer = string | readonly string[] | number;

/**
 * (1.1) One step of the action plan (SPEC 4): raise one question to the next level up, for the respondents
 * the step names. Carries its own texts (question, options) so that a renderer needs nothing else.
 */
export interface PlanStep {
  readonly element: string;
  readonly question: string;
  /** The question's text. */
  readonly text: string;
  readonly type: QuestionType;
  /**
   * The answer the step starts from: the typical (lower median) answer of the respondents below the top. For
   * `multi`, the list of a typical respondent the step moves.
   */
  readonly from: RecordedAnswer;
  /** The answer after the step (for `multi`, `from` with the added option). */
  readonly to: RecordedAnswer;
  /** `from` in words: the option's label; for `multi` the chosen options' labels; for `scale` the value and its label. */
  readonly fromLabel: string;
  /** `to` in words; for `multi` the label of the one option the step adds. */
  readonly toLabel: string;
  /** The model's `next:` text: of the `from` option (choice), of the added option (multi). */
  readonly next?: string;
  /** How many respondents the step moves (also in an anonymous report). */
  readonly moves: number;
  /** Respondents who gave the question a value: the step moves `moves` of them. */
  readonly of: number;
  /** Each respondent whose answer the step changes, with the answer after the step. Absent when anonymous. */
  readonly answers?: Readonly<Record<string, RecordedAnswer>>;
  /** Exactly what re-scoring with the step's answers changes, rounded once at the end. */
  readonly elementPoints: number;
  readonly overallPoints: number;
  /** The element's level after the step (a level id): differs from the element's level when the step alone lifts it. */
  readonly levelAfter: string;
  /** (1.2) The step serves its element's target (present when any element has a target; SPEC 4). */
  readonly toTarget?: boolean;
}

/** (1.2) An element's target (SPEC 3): where it should be, and what stands in the way. */
export interface ReportTarget {
  /** A level id. */
  readonly level: string;
  /** The element's level is at or above the target. */
  readonly reached: boolean;
  /** Points of element score still missing to the target's minScore (0 when there). */
  readonly gap: number;
  /** Questions whose cap is below the target, in the model's order (none under levelRule mean). */
  readonly blockers: readonly string[];
}

/** (1.1) One group's scores (SPEC 4); a suppressed group (SPEC 4.2) has no scores. */
export interface ReportGroup {
  readonly id: string;
  readonly title: string;
  readonly respondents: number;
  readonly suppressed: boolean;
  readonly overall?: ReportGroupScore;
  readonly elements?: readonly (ReportGroupScore & { readonly id: string })[];
}

/**
 * (1.1) A group's score and level. In an anonymous report a figure that could single someone out is
 * `withheld` (score and level null): fewer than the minimum of the group answered one of its questions,
 * or showing it would let the others be worked out by subtraction (src/score/anonymity.ts).
 */
export interface ReportGroupScore {
  readonly score: number | null;
  readonly level: string | null;
  readonly withheld?: true;
}

/** (1.1) A perception gap: the highest- and lowest-scoring shown group of an element or question. */
export interface ReportGap {
  readonly element: string;
  /** null for the element as a whole. */
  readonly question: string | null;
  readonly high: string;
  readonly low: string;
  /** [high's score, low's score]. */
  readonly scores: readonly [number, number];
  readonly difference: number;
  /** (question gaps) What each of the two groups chose most often (ties all listed; n/a not counted). */
  readonly mostChosen?: { readonly high: readonly ReportAnswerCount[]; readonly low: readonly ReportAnswerCount[] };
}

/** (1.1) Lowest, median and highest of the respondents' own element scores. */
export interface ReportScoreSpread {
  /** Respondents with a score in the element. */
  readonly respondents: number;
  readonly lowest: number;
  readonly median: number;
  readonly highest: number;
}

export interface ReportElement {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  /** 0-100; null when not assessed. */
  readonly score: number | null;
  /** The element's level: under `levelRule: capped`, levelOfScore lowered to the caps of its questions (SPEC 3). */
  readonly level: string | null;
  /** (1.2) The level of the score alone; null when not assessed. Reports of cxm 1.1 lack it. */
  readonly levelOfScore?: string | null;
  /** (1.2) The questions whose cap is below levelOfScore, in the model's order; empty when the element is not capped. */
  readonly cappedBy?: readonly string[];
  /** Questions with a value. */
  readonly answered: number;
  /** All questions of the element. */
  readonly questions: number;
  /** Each respondent's own element score; null where they gave no value in this element. */
  readonly byRespondent: Readonly<Record<string, number | null>>;
  /** The model's recommendations for this element at its level (empty when not assessed). */
  readonly recommendations: readonly string[];
  readonly items: readonly ReportItem[];
  /** (1.1) The spread of the respondents' own scores, for teams too large to name each person. */
  readonly respondentScores?: ReportScoreSpread;
  /** (1.2) Absent for an element without a target or not assessed. */
  readonly target?: ReportTarget;
  /** (1.2) 0-100: the weight of its answered questions that current evidence backs; null when not assessed. */
  readonly confidence?: number | null;
  /** (1.2) Answered questions at the top level that no current evidence backs, in the model's order. */
  readonly unsupported?: readonly string[];
  /** (1.2) Anonymous reports: the score and level are withheld (null), and why. */
  readonly withheld?: WithheldReason;
}

export interface Report {
  readonly schemaVersion: 1;
  readonly model: { readonly id: string; readonly version: string; readonly title: string };
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  readonly respondents: readonly { readonly name: string; readonly role?: string; readonly group?: string }[];
  readonly overall: {
    /** Weighted mean of assessed element scores; null when no element is assessed. */
    readonly score: number | null;
    readonly level: string | null;
    readonly method: OverallMethod;
    /** Ids of the assessed element(s) with the lowest score. */
    readonly weakest: readonly string[];
    /** (1.2) Σ W_e·C_e / Σ W_e over assessed elements; null when none is. */
    readonly confidence?: number | null;
    /** (1.2) Anonymous reports: the score and level are withheld (null), and why. */
    readonly withheld?: WithheldReason;
  };
  /** The model's levels, ascending, so a report can be read without the model. */
  readonly levels: readonly ReportLevel[];
  readonly elements: readonly ReportElement[];
  readonly warnings: readonly ReportWarning[];
  readonly inputs: readonly InputFile[];
  /** (1.1) true: no respondent name anywhere, small groups suppressed (SPEC 4.2). */
  readonly anonymous?: boolean;
  /** (1.1) The next steps, most useful first (SPEC 4). */
  readonly plan?: readonly PlanStep[];
  /** (1.1) Scores by group; absent when no respondent names a group. */
  readonly groups?: readonly ReportGroup[];
  /** (1.1) Perception gaps between groups, largest first. */
  readonly gaps?: readonly ReportGap[];
  /** (1.1) The difference (points) from which two groups' scores are a gap; present with `gaps`. */
  readonly gapThreshold?: number;
  /** (1.1) Anonymous reports: how many responded (`respondents` is empty). */
  readonly respondentCount?: number;
  /** (1.1) Anonymous reports: groups with fewer respondents than this are not shown. */
  readonly minGroupSize?: number;
  /** (1.2) Anonymous reports: how many groups are not shown (not listed in `groups`). */
  readonly suppressedGroups?: number;
}
