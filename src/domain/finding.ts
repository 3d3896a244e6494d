// A validation finding: errors as data, with a stable code and a position (1-based).
// Built by src/load, printed by src/render/findings.ts in each format.

export type Severity = 'error' | 'warning';

export type FindingCode =
  // files and YAML
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-not-utf8'
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-multiple-documents'
  | 'yaml-unknown-tag'
  | 'yaml-alias-limit'
  | 'yaml-too-deep'
  | 'yaml-complex-key'
  | 'unknown-kind'
  | 'missing-kind'
  // schema
  | 'unknown-property'
  | 'missing-property'
  | 'wrong-type'
  | 'invalid-value'
  | 'invalid-id'
  | 'unknown-question-type'
  // model rules
  | 'duplicate-element'
  | 'duplicate-level'
  | 'duplicate-question-id'
  | 'duplicate-option-id'
  | 'element-file-missing'
  | 'element-file-kind'
  | 'element-mismatch'
  | 'levels-not-ascending'
  | 'first-level-not-zero'
  | 'unknown-recommendation-level'
  | 'choice-scores-equal'
  | 'multi-scores-zero'
  | 'scale-range-empty'
  | 'scale-label-out-of-range'
  | 'level-unreachable'
  | 'replaces-conflict'
  | 'questionnaire-outside-model'
  // (1.2) level rule, gates, scale anchors
  | 'unknown-level'
  | 'gate-first-level'
  | 'scale-anchor-first-level'
  | 'scale-anchor-out-of-range'
  | 'scale-anchors-not-increasing'
  // answers rules
  | 'unknown-question'
  | 'unknown-option'
  | 'answer-wrong-type'
  | 'answer-out-of-range'
  | 'duplicate-answer'
  | 'not-applicable-not-allowed'
  | 'duplicate-respondent'
  | 'model-mismatch'
  | 'answers-mismatch'
  | 'period-format'
  // (1.2) targets and evidence (an unknown level: 'unknown-level', above)
  | 'unknown-element'
  // survey responses (cxm import)
  | 'csv-syntax'
  | 'unknown-column'
  | 'duplicate-column'
  | 'missing-column'
  | 'ambiguous-label'
  | 'unknown-group'
  | 'no-respondents'
  | 'csv-delimiter'
  | 'xlsx-unreadable'
  | 'xlsx-no-sheet'
  | 'xlsx-formula'
  // warnings
  | 'model-version-mismatch'
  | 'question-without-help'
  | 'missing-recommendations'
  | 'empty-respondent'
  | 'no-files'
  | 'not-validated'
  | 'model-accepted'
  | 'yaml11-boolean-id'
  | 'ignored-under-mean'
  | 'gate-allows-not-applicable'
  | 'evidence-expired'
  | 'expiry-not-checked';

export interface Finding {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly severity: Severity;
  readonly code: FindingCode;
  /** Says what is wrong and what to change. */
  readonly message: string;
  /** JSON pointer (RFC 6901) of the offending value in the file's data; '' for the whole file. */
  readonly pointer: string;
}
