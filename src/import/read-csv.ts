// CSV text → records, through csv-parse: quoted fields with line breaks, a BOM, CRLF, and `;` as the
// delimiter where a European spreadsheet wrote it. A syntax error is a finding at the row and column.

import { parse } from 'csv-parse/sync';
import type { Finding } from '../model/finding.js';
import type { CsvRecord } from './responses.js';

/** The delimiter of the header row: the most frequent of `,`, `;` and tab outside quotes (a tie goes to `,`). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
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

export function readCsv(file: string, text: string): CsvRead {
  try {
    const rows = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1, 64 * 1024) : text),
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
