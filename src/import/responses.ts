// Survey responses (CSV records, one respondent a row) → respondents of an answers file, and a finding for
// every cell that cannot be read, at the row and column a spreadsheet shows. Pure: the CLI reads the file.

import type { DraftRespondent } from '../answers-file/draft.js';
import type { Finding, FindingCode, Severity } from '../domain/finding.js';
import type { AnswerValue, Model, Question } from '../domain/types.js';
import { closest } from '../text/did-you-mean.js';
import { quote } from '../text/quote.js';
import { cellReader, optionIndex, type CellResult } from './cells.js';
import { matchHeader, questionLookup, type ColumnNames, type ColumnRole, type PersonField } from './columns.js';
import { restoreCell } from '../text/csv-cell.js';
import { normalizeText } from './match-text.js';

export interface CsvRecord {
  readonly cells: readonly string[];
}

export interface ImportOptions {
  /** The file name findings carry. */
  readonly file: string;
  readonly names: ColumnNames;
  /** Use the e-mail address as the name of a respondent without one. */
  readonly namesFromEmail: boolean;
  /** A stable name for a nameless respondent on this (1-based) row. */
  readonly generatedName: (row: number) => string;
  /** Leave a cell that cannot be read unanswered (a warning) instead of making its row invalid. */
  readonly skipInvalidCells?: boolean;
  /** The name a spreadsheet gives a cell (row and column 1-based), put before each message: "Sheet1!D7". */
  readonly cellName?: (row: number, column: number) => string;
}

/** What a column of the file held, by its header: what --anonymous lists as left out. */
export interface ColumnSummary {
  readonly column: number;
  readonly label: string;
  readonly kind: ColumnRole['kind'];
  readonly field?: PersonField;
}

export interface ImportResult {
  /** The respondents of the rows without errors, in row order. */
  readonly respondents: DraftRespondent[];
  /** Findings about the header rows: any error here stops the import whatever --skip-invalid-rows says. */
  readonly headerFindings: Finding[];
  /** Findings about data rows. */
  readonly rowFindings: Finding[];
  /** Rows (1-based, as a spreadsheet numbers them) with an error: their respondents are not in `respondents`. */
  readonly invalidRows: number[];
  /** Data rows that held something (blank rows are not counted). */
  readonly rows: number;
  /** The columns of the header, each with what it holds. */
  readonly columns: readonly ColumnSummary[];
  /** Cells left unanswered because they could not be read (--skip-invalid-cells). */
  readonly skippedCells: number;
}

/** None of the options ticked: one list shared by every respondent (the writer remembers lists by identity). */
const NONE_TICKED: readonly string[] = Object.freeze([]);

const SUBHEADERS = new Set(['response', 'open ended response'].map(normalizeText));

/** SurveyMonkey writes two header rows: the question, then "Response" or, per option of a multiple choice, the option's label. */
function hasSecondHeader(records: readonly CsvRecord[]): boolean {
  const first = records[0]?.cells.map((c) => normalizeText(c)) ?? [];
  const second = records[1]?.cells.map((c) => normalizeText(restoreCell(c))) ?? [];
  return second.some((c) => SUBHEADERS.has(c)) || (first.includes('respondent id') && first.includes('collector id'));
}

function allQuestions(model: Model): { question: Question; ids: string[] }[] {
  return model.elements.flatMap((e) => e.questions.map((question) => ({ question, ids: [question.id, ...question.replaces] })));
}

export function importResponses(records: readonly CsvRecord[], model: Model, options: ImportOptions): ImportResult {
  const headerFindings: Finding[] = [];
  const rowFindings: Finding[] = [];
  const finding = (into: Finding[], row: number, column: number, code: FindingCode, message: string, severity: Severity = 'error'): void => {
    const where = options.cellName !== undefined ? `${options.cellName(row, column + 1)}: ` : '';
    into.push({ file: options.file, line: row, column: column + 1, severity, code, message: where + message, pointer: `/${row - 1}/${column}` });
  };
  const questions = allQuestions(model);
  const lookup = questionLookup(questions);
  // the header is the first row that holds something: a sheet may have blank rows above it (row numbers stay the sheet's)
  const top = Math.max(0, records.findIndex((r) => r.cells.some((c) => c.trim() !== '')));
  const headerRow = top + 1;
  const header = (records[top]?.cells ?? []).map(restoreCell);
  const two = hasSecondHeader(records.slice(top, top + 2));
  const subheader = two ? (records[top + 1]?.cells ?? []).map(restoreCell) : [];
  const firstDataRow = top + (two ? 2 : 1);

  // the columns
  const roles: ColumnRole[] = [];
  const columnOf = new Map<Question, number>();
  const personColumn = new Map<PersonField, number>();
  const optionColumns = new Map<string, number>();
  const firstOptionColumn = new Map<Question, number>();
  let current: Question | undefined;
  const columnHasData = (c: number): boolean => records.slice(firstDataRow).some((r) => (r.cells[c] ?? '').trim() !== '');
  const width = Math.max(header.length, subheader.length);
  for (let c = 0; c < width; c++) {
    const text = (header[c] ?? '').trim();
    const sub = (subheader[c] ?? '').trim();
    const label = text !== '' ? text : sub;
    let role: ColumnRole = { kind: 'unknown' };
    if (text === '' && two && current?.type === 'multi' && sub !== '' && !SUBHEADERS.has(normalizeText(sub))) {
      role = optionColumn(current, sub, c);
    } else if (text === '') {
      current = undefined;
      role = columnHasData(c) ? { kind: 'unknown' } : { kind: 'ignored' };
      if (role.kind === 'unknown') {
        finding(headerFindings, headerRow, c, 'unknown-column', `column ${c + 1} has answers but no header: give it a question's text or id, or remove it`);
        roles.push({ kind: 'ignored' });
        continue;
      }
    } else {
      const match = matchHeader(text, lookup, options.names);
      current = undefined;
      if (match.kind === 'question') {
        const question = match.question;
        current = question;
        if (two && question.type === 'multi' && sub !== '' && !SUBHEADERS.has(normalizeText(sub))) role = optionColumn(question, sub, c);
        else role = { kind: 'question', question };
      } else if (match.kind === 'ambiguous') {
        finding(headerFindings, headerRow, c, 'ambiguous-label', `column ${quote(text)} has the text of ${match.questions.length} questions (${match.questions.map((q) => q.id).join(', ')}): add the id in brackets, e.g. "${text} [${match.questions[0]!.id}]"`);
        roles.push({ kind: 'ignored' });
        continue;
      } else if (match.kind === 'person') role = { kind: 'person', field: match.field };
      else if (match.kind === 'ignored') role = { kind: 'ignored' };
      else {
        const guess = closest(text, questions.flatMap(({ question }) => [question.text, question.id]));
        const leaveOut = `--ignore-column ${JSON.stringify(text)}`;
        finding(
          headerFindings,
          1,
          c,
          'unknown-column',
          `column ${quote(text)} is not a question of model ${model.id} ${model.version}: ${guess !== undefined ? `did you mean ${quote(guess)}? (or pass ${leaveOut} to leave the column out)` : `name a question by its text or id, as "cxm form -f csv" writes them, or pass ${leaveOut} to leave the column out`}`,
        );
        roles.push({ kind: 'ignored' });
        continue;
      }
    }
    if (role.kind === 'question') {
      const before = columnOf.get(role.question) ?? firstOptionColumn.get(role.question);
      if (before !== undefined) {
        finding(headerFindings, headerRow, c, 'duplicate-column', `column ${quote(label)} answers "${role.question.id}", which column ${before + 1} answers already: keep one of them`);
        role = { kind: 'ignored' };
      } else columnOf.set(role.question, c);
    } else if (role.kind === 'option') {
      const key = `${role.question.id}\u0000${role.option}`;
      const before = optionColumns.get(key) ?? columnOf.get(role.question);
      if (before !== undefined) {
        finding(headerFindings, headerRow + 1, c, 'duplicate-column', `column ${quote(label)} answers option "${role.option}" of "${role.question.id}", which column ${before + 1} answers already: keep one of them`);
        role = { kind: 'ignored' };
      } else {
        optionColumns.set(key, c);
        if (!firstOptionColumn.has(role.question)) firstOptionColumn.set(role.question, c);
      }
    } else if (role.kind === 'person') {
      const before = personColumn.get(role.field);
      if (before !== undefined) {
        finding(headerFindings, headerRow, c, 'duplicate-column', `column ${quote(label)} and column ${before + 1} both hold the respondent's ${role.field.replace('-', ' ')}: keep one, or name the one to use with --${role.field === 'email' ? 'name' : role.field.replace(/-.*/, '')}-column`);
        role = { kind: 'ignored' };
      } else personColumn.set(role.field, c);
    }
    roles.push(role);
  }

  function optionColumn(question: Question, sub: string, c: number): ColumnRole {
    const index = optionIndex(question);
    const key = normalizeText(sub);
    const ids = index.byKey.get(sub.toLowerCase()) ?? index.byKey.get(key) ?? [];
    if (ids.length === 1) return { kind: 'option', question, option: ids[0]! };
    if (ids.length > 1) {
      finding(headerFindings, headerRow + 1, c, 'ambiguous-label', `${quote(sub)} matches ${ids.length} options of "${question.id}" (${ids.join(', ')}): rename the column to the option id`);
    } else {
      const guess = closest(sub, index.labels);
      finding(headerFindings, headerRow + 1, c, 'unknown-option', `${quote(sub)} is not an option of "${question.id}"${guess !== undefined ? `: did you mean ${quote(guess)}?` : `: use one of ${index.labels.map((l) => quote(l)).join(', ')}`}`);
    }
    return { kind: 'ignored' };
  }

  const withoutColumn = questions.filter(({ question }) => !columnOf.has(question) && !firstOptionColumn.has(question));
  if (withoutColumn.length > 0 && withoutColumn.length < questions.length) {
    finding(headerFindings, headerRow, 0, 'missing-column', `${withoutColumn.length} question${withoutColumn.length === 1 ? ' has' : 's have'} no column (${withoutColumn.slice(0, 5).map(({ question }) => question.id).join(', ')}${withoutColumn.length > 5 ? ', …' : ''}): they count as unanswered`, 'warning');
  } else if (withoutColumn.length === questions.length && headerFindings.length === 0) {
    finding(headerFindings, headerRow, 0, 'missing-column', `no column is a question of model ${model.id} ${model.version}: the first row must hold the questions (as "cxm form -f csv" writes them)`);
  }

  const groupIds = new Map<string, string>();
  for (const group of model.groups) {
    groupIds.set(group.id.toLowerCase(), group.id);
    groupIds.set(normalizeText(group.title), group.id);
  }
  const order = new Map(questions.map(({ question }, i) => [question.id, i]));
  // an empty cell of a multiple-choice question is "none ticked" ([]), as in the interview, unless the
  // respondent left every question of its element empty: the questions of each element that have a column
  const answerable = model.elements
    .map((e) => e.questions.filter((q) => columnOf.has(q) || firstOptionColumn.has(q)))
    .filter((qs) => qs.some((q) => q.type === 'multi'));
  const readers = roles.map((role) => (role.kind === 'question' ? cellReader(role.question) : undefined));

  const columnLabel = (c: number): string => {
    const text = (header[c] ?? '').trim() || (subheader[c] ?? '').trim();
    return text !== '' ? quote(text) : String(c + 1);
  };

  // the rows
  const respondents: DraftRespondent[] = [];
  const invalidRows: number[] = [];
  const names = new Map<string, number>();
  const emails = new Map<string, number>();
  let rows = 0;
  let skippedCells = 0;
  for (let r = firstDataRow; r < records.length; r++) {
    const cells = records[r]!.cells;
    if (cells.every((cell) => cell.trim() === '')) continue;
    rows++;
    const row = r + 1;
    let errors = 0;
    // every message about a cell names its column by its header
    const problem = (c: number, code: FindingCode, message: string): void => {
      errors++;
      finding(rowFindings, row, c, code, `column ${columnLabel(c)}: ${message}`);
    };
    // a cell that cannot be read: with --skip-invalid-cells, left unanswered and listed as a warning
    const cellProblem = (c: number, code: FindingCode, message: string): void => {
      if (options.skipInvalidCells !== true) return problem(c, code, message);
      skippedCells++;
      finding(rowFindings, row, c, code, `column ${columnLabel(c)}: left unanswered: ${message}`, 'warning');
    };
    const invalid = new Set<string>();
    const answers = new Map<string, AnswerValue>();
    const chosen = new Map<string, string[]>();
    const person: Partial<Record<PersonField, string>> = {};
    for (let c = 0; c < cells.length; c++) {
      const raw = cells[c]!;
      const role = roles[c];
      if (role === undefined) {
        if (raw.trim() !== '') cellProblem(c, 'unknown-column', `${quote(raw.trim())} is beyond the last column of the header: remove it, or give the column a header`);
        continue;
      }
      const cell = restoreCell(raw);
      switch (role.kind) {
        case 'question': {
          const read: CellResult = readers[c]!(cell);
          if (read.kind === 'answer') answers.set(role.question.id, read.value);
          else if (read.kind === 'problem') {
            invalid.add(role.question.id);
            for (const p of read.problems) cellProblem(c, p.code, p.message);
          }
          break;
        }
        case 'option':
          if (cell.trim() !== '') chosen.set(role.question.id, [...(chosen.get(role.question.id) ?? []), role.option]);
          break;
        case 'person':
          // a name typed over two lines is one name; "Anonymous" (Microsoft Forms) is no name
          if (cell.trim() !== '' && cell.trim().toLowerCase() !== 'anonymous') person[role.field] = cell.trim().replace(/\s+/g, ' ');
          break;
        default:
          break;
      }
    }
    for (const [id, options] of chosen) answers.set(id, options);
    for (const element of answerable) {
      if (!element.some((q) => answers.has(q.id))) continue;
      for (const q of element) if (q.type === 'multi' && !answers.has(q.id) && !invalid.has(q.id)) answers.set(q.id, NONE_TICKED);
    }

    let group: string | undefined;
    if (person.group !== undefined) {
      if (model.groups.length === 0) group = person.group;
      else {
        group = groupIds.get(person.group.toLowerCase()) ?? groupIds.get(normalizeText(person.group));
        if (group === undefined) {
          const guess = closest(person.group, model.groups.flatMap((g) => [g.title, g.id]));
          problem(personColumn.get('group')!, 'unknown-group', `${quote(person.group)} is not a group of model ${model.id}${guess !== undefined ? `: did you mean ${quote(guess)}?` : `: use one of ${model.groups.map((g) => quote(g.title)).join(', ')}`}`);
        }
      }
    }

    const given = person.name ?? ([person['first-name'], person['last-name']].filter((p) => p !== undefined).join(' ') || undefined);
    const named = given;
    const name = named ?? (options.namesFromEmail ? person.email : undefined) ?? options.generatedName(row);
    if (named !== undefined || (options.namesFromEmail && person.email !== undefined)) {
      const first = names.get(name);
      const field: PersonField = named === undefined ? 'email' : person.name !== undefined ? 'name' : person['first-name'] !== undefined ? 'first-name' : 'last-name';
      const column = personColumn.get(field) ?? 0;
      if (first !== undefined) problem(column, 'duplicate-respondent', `respondent ${quote(name)} already answered on row ${first}: each person answers once; remove one of the rows, or tell them apart by name`);
      else names.set(name, row);
    }
    if (person.email !== undefined) {
      const key = person.email.toLowerCase();
      const first = emails.get(key);
      if (first !== undefined && !(options.namesFromEmail && named === undefined)) {
        problem(personColumn.get('email')!, 'duplicate-respondent', `${quote(person.email)} already answered on row ${first}: each person answers once; remove one of the rows`);
      } else if (first === undefined) emails.set(key, row);
    }

    if (errors > 0) {
      invalidRows.push(row);
      continue;
    }
    // in the model's order (columns usually are: then nothing is sorted)
    let sorted = true;
    let last = -1;
    for (const id of answers.keys()) {
      const at = order.get(id)!;
      if (at < last) sorted = false;
      last = at;
    }
    const ordered = sorted ? answers : new Map([...answers].sort(([a], [b]) => order.get(a)! - order.get(b)!));
    respondents.push({
      name,
      ...(person.role !== undefined ? { role: person.role } : {}),
      ...(group !== undefined ? { group } : {}),
      answers: ordered,
      notes: new Map(),
    });
  }
  const columns = roles.map((role, c): ColumnSummary => ({
    column: c + 1,
    label: (header[c] ?? '').trim() || (subheader[c] ?? '').trim(),
    kind: role.kind,
    ...(role.kind === 'person' ? { field: role.field } : {}),
  }));
  return { respondents, headerFindings, rowFindings, invalidRows, rows, columns, skippedCells };
}
