// The subjects the answers rules run over (an answers file, one respondent, a set of files read together): their
// own home, so that the rule lists of answers and of evidence both read them without importing each other.

import type { Model, Question } from '../../domain/types.js';
import type { LoadedFile } from '../file.js';
import type { RawAnswers, RawRespondent } from '../schema/raw.js';

/** Question lookup by current id and by the old ids it `replaces`. */
export type QuestionIndex = ReadonlyMap<string, { readonly question: Question; readonly old: boolean }>;

/** An answers file that passed its schema (or its well-formed part), and the model it is checked against. */
export interface AnswersFile {
  readonly loaded: LoadedFile;
  readonly raw: RawAnswers;
  readonly model: Model;
  readonly questions: QuestionIndex;
  /** Every id a question of the model is known by, for a did-you-mean. */
  readonly questionIds: readonly string[];
  /**
   * The model the file was recorded against, when it is another version of this model or a model this one accepts:
   * a question or option it lacks was dropped (its answers are left out, SPEC 2.2), not misspelled.
   */
  readonly recordedAgainst: { readonly id: string; readonly version: string } | undefined;
  /** (1.2) The date evidence expiry is judged at, and where it came from; undefined: no date, expiry not checked. */
  readonly asOf?: string | undefined;
  readonly asOfFrom?: 'flag' | 'date';
}

/** One respondent of an answers file. */
export interface RespondentSubject {
  readonly file: AnswersFile;
  readonly respondent: RawRespondent;
  readonly index: number;
}

/** The files of one set, read together: all of them, and those whose answers are for the model. */
export interface AnswerSetSubject {
  readonly files: readonly AnswersFile[];
  readonly recorded: readonly AnswersFile[];
}
