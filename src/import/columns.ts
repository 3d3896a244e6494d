// Header cells → what each column holds: a question (by id, bracketed or alone, or by its text), the
// respondent's name, e-mail, role or group, or a survey tool's metadata (ignored).

import type { Question } from '../domain/types.js';
import { normalizeText } from './match-text.js';

export type PersonField = 'name' | 'first-name' | 'last-name' | 'email' | 'role' | 'group';

export type ColumnRole =
  | { readonly kind: 'question'; readonly question: Question }
  /** One column of a multiple-choice question per option (SurveyMonkey): the option is chosen when the cell is not empty. */
  | { readonly kind: 'option'; readonly question: Question; readonly option: string }
  | { readonly kind: 'person'; readonly field: PersonField }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'unknown' };

/** Header names (normalised) of the columns survey tools add around the answers: recognised and ignored. */
const METADATA = new Set(
  [
    // Google Forms
    'Timestamp',
    // Microsoft Forms
    'ID',
    'Start time',
    'Completion time',
    'Last modified time',
    // SurveyMonkey
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'IP Address',
    'Custom Data 1',
    // Typeform
    '#',
    'Start Date (UTC)',
    'Submit Date (UTC)',
    'Stage Date (UTC)',
    'Network ID',
    'Tags',
    'Response Type',
    // spreadsheets and other tools
    'Submitted at',
    'Submission time',
    'Date submitted',
    'Response ID',
  ].map(normalizeText),
);

const PERSON: ReadonlyMap<string, PersonField> = new Map(
  (
    [
      ['Name', 'name'],
      ['Full name', 'name'],
      ['Your name', 'name'],
      ['Respondent', 'name'],
      ['Respondent name', 'name'],
      ['First Name', 'first-name'],
      ['Last Name', 'last-name'],
      ['Email', 'email'],
      ['Email Address', 'email'],
      ['E-mail', 'email'],
      ['E-mail address', 'email'],
      ['Username', 'email'],
      ['Role', 'role'],
      ['Your role', 'role'],
      ['Job title', 'role'],
      ['Position', 'role'],
      ['Group', 'group'],
      ['Your group', 'group'],
      ['Department', 'group'],
      ['Your department', 'group'],
      ['Team', 'group'],
      ['Your team', 'group'],
      ['Division', 'group'],
      ['Business unit', 'group'],
    ] as const
  ).map(([header, field]) => [normalizeText(header), field]),
);

/** A header's "[id]" at the end, as cxm form writes it. */
const BRACKETED_ID = /\[\s*([a-z0-9.-]+)\s*\]\s*$/i;

export interface ColumnNames {
  /** Headers named with flags (--name-column …), normalised, by the field they hold. */
  readonly person: ReadonlyMap<string, PersonField>;
  /** Headers named with --ignore-column, normalised. */
  readonly ignored: ReadonlySet<string>;
}

export interface QuestionLookup {
  /** By question id and by old id (`replaces`). */
  readonly byId: ReadonlyMap<string, Question>;
  /** By normalised question text; a text that two questions share maps to both. */
  readonly byText: ReadonlyMap<string, readonly Question[]>;
}

export function questionLookup(questions: readonly { question: Question; ids: readonly string[] }[]): QuestionLookup {
  const byId = new Map<string, Question>();
  const byText = new Map<string, Question[]>();
  for (const { question, ids } of questions) {
    for (const id of ids) if (!byId.has(id)) byId.set(id, question);
    const key = normalizeText(question.text);
    byText.set(key, [...(byText.get(key) ?? []), question]);
  }
  return { byId, byText };
}

export type HeaderMatch =
  | { readonly kind: 'question'; readonly question: Question }
  | { readonly kind: 'ambiguous'; readonly questions: readonly Question[] }
  | { readonly kind: 'person'; readonly field: PersonField }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'unknown' };

/** What a header names. Flags first, then question ids and texts, then the common names of person and metadata columns. */
export function matchHeader(header: string, lookup: QuestionLookup, names: ColumnNames): HeaderMatch {
  const trimmed = header.trim();
  const normalized = normalizeText(trimmed);
  const named = names.person.get(normalized);
  if (named) return { kind: 'person', field: named };
  if (names.ignored.has(normalized)) return { kind: 'ignored' };
  const bracketed = BRACKETED_ID.exec(trimmed)?.[1]?.toLowerCase();
  const byBracket = bracketed !== undefined ? lookup.byId.get(bracketed) : undefined;
  if (byBracket) return { kind: 'question', question: byBracket };
  const byId = lookup.byId.get(trimmed.toLowerCase());
  if (byId) return { kind: 'question', question: byId };
  const byText = lookup.byText.get(normalized) ?? (bracketed === undefined ? undefined : lookup.byText.get(normalizeText(trimmed.replace(BRACKETED_ID, ''))));
  if (byText?.length === 1) return { kind: 'question', question: byText[0]! };
  if (byText && byText.length > 1) return { kind: 'ambiguous', questions: byText };
  const person = PERSON.get(normalized);
  if (person) return { kind: 'person', field: person };
  if (trimmed === '#' || METADATA.has(normalized)) return { kind: 'ignored' };
  return { kind: 'unknown' };
}
