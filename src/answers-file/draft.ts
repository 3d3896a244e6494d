// The answers file as it is being written (by cxm assess, answer by answer, by cxm import, by cxm anonymize):
// plain, mutable data that the one writer (write.ts) turns into SPEC 2.3 YAML.

import type { AnswerValue } from '../domain/types.js';

export interface DraftRespondent {
  name: string;
  role?: string;
  /** (1.1) A group id of the model, or any text when it declares none. */
  group?: string;
  readonly answers: Map<string, AnswerValue>;
  readonly notes: Map<string, string>;
}

export interface AnswersDraft {
  readonly model: { readonly id: string; readonly version: string };
  organization?: string;
  period?: string;
  date?: string;
  /** (1.1) Reports never show names. */
  anonymous?: boolean;
  /** Where the answers came from when they were imported (cxm import): the file's name and SHA-256. */
  source?: { readonly file: string; readonly sha256: string };
  readonly respondents: DraftRespondent[];
  /**
   * The file's other top-level keys (`targets:`, `evidence:`, any later one), in the file's order: what the writer
   * does not manage, it writes back as it was read, after the respondents.
   */
  kept?: readonly (readonly [string, unknown])[];
}
