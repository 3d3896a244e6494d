// CSV text → records, through csv-parse: quoted fields with line breaks, a BOM, CRLF, and `,`, `;` (European
// spreadsheets) or tab (Excel's "Unicode text") as the delimiter. A syntax error is a finding at the row and column.

import { parse } from 'csv-parse/sync';
import type { Finding } from '../domain/finding.js';
import type { CsvRecord } from './responses.js';

export type Delimiter = ',' | ';' | '\t';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** How people write the delimiter on the command line: ",", ";", "tab" (or a real tab), and the names. */
export function delimiterNamed(name: string): Delimiter | undefined {
  const key = name === '\t' ? 'tab' : name.trim().toLowerCase();
  return ({ ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t' } as Record<string, Delimiter>)[key];
}

/** The delimiter's name in a message. */
export function delimiterName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/** The cells of the header row (the first record) when cut at `delimiter`, or undefined when that reading is not CSV. */
function headerCells(text: string, delimiter: Delimiter): string[] | undefined {
  try {
    const rows = parse(text, { bom: true, delimiter, relax_column_count: true, to: 1 });
    return rows[0] ?? [];
  } catch {
    return undefined;
  }
}

/**
 * The delimiter whose header cells the model recognises most (questions, person and metadata columns), and how
 * many it recognises; ties go to "," then ";". Counting delimiter characters does not work: question texts
 * hold commas (the built-in model's do), and a `;` export's header then has more commas than semicolons.
 */
export function chooseDelimiter(text: string, recognised: (cells: readonly string[]) => number): { delimiter: Delimiter; recognised: number } {
  // the header row is at the start: a long file need not be read three times over
  const head = text.slice(0, 256 * 1024);
  let best: { delimiter: Delimiter; recognised: number } = { delimiter: ',', recognised: -1 };
  for (const delimiter of DELIMITERS) {
    const cells = headerCells(head, delimiter);
    const count = cells === undefined ? -1 : recognised(cells);
    if (count > best.recognised) best = { delimiter, recognised: count };
  }
  return { delimiter: best.delimiter, recognised: Math.max(0, best.recognised) };
}

interface CsvError {
  readonly code?: string;
  readonly records?: number;
  readonly column?: number | string;
  readonly index?: number;
}

/** What went wrong, in the user's words, by csv-parse's error code. */
const SYNTAX: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed: add the closing " (a quote inside a cell is written twice: "")',
  CSV_INVALID_CLOSING_QUOTE: 'a quote in the middle of a cell: write a quote inside a quoted cell twice ("") or quote the whole cell',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a cell: put it inside the quotes',
  CSV_MAX_RECORD_SIZE: 'a cell is too long: save the responses again from the survey tool',
};

export type CsvRead = { readonly records: CsvRecord[] } | { readonly finding: Finding };

export function readCsv(file: string, text: string, delimiter: Delimiter = ','): CsvRead {
  try {
    const rows = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return { records: rows.map((cells) => ({ cells })) };
  } catch (error) {
    const e = error as CsvError;
    const row = (e.records ?? 0) + 1;
    const column = typeof e.column === 'number' ? e.column + 1 : (e.index ?? 0) + 1;
    const message = SYNTAX[e.code ?? ''] ?? `the file is not CSV as spreadsheets write it (${e.code ?? 'unreadable'}): save it again as CSV from the survey tool`;
    return { finding: { file, line: row, column, severity: 'error', code: 'csv-syntax', message, pointer: '' } };
  }
}
