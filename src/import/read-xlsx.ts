// An .xlsx workbook (Microsoft Forms' "Open in Excel") → the records of one sheet, each cell as the text it
// shows (dates as ISO dates), through read-excel-file. The zip is unpacked first by src/import/zip.ts, under
// the same --max-file-size as the file itself: a zip bomb stops at the limit. A formula is not an answer:
// each formula cell of the sheet is a finding at its cell. Problems are findings, never throws.

import type { Finding } from '../domain/finding.js';
import type { CsvRecord } from './responses.js';
import { formatFileSize, suggestedLimit } from '../text/file-size.js';
import { unzip, zip, ZipProblem } from './zip.js';

export interface Workbook {
  /** The sheet read. */
  readonly sheet: string;
  readonly records: CsvRecord[];
  /** Formula cells, at their row and column (1-based). */
  readonly formulas: readonly { row: number; column: number; formula: string }[];
}

export type WorkbookRead = { readonly workbook: Workbook } | { readonly finding: Finding };

/** "A" → 1, "AB" → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A", "Z", "AA" … for 1, 26, 27 … */
export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's name as Excel writes it in a formula: Sheet1!D7, 'Form 1'!D7. */
export function cellName(sheet: string, row: number, column: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${columnLetters(column)}${row}`;
}

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[lower] ?? '';
  });

/** An attribute of one XML start tag. */
function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

/** The sheets of the workbook, in the order Excel shows their tabs, with the part that holds each. */
function sheetsOf(parts: ReadonlyMap<string, string>): { name: string; part: string | undefined }[] {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => {
    const id = attribute(tag, 'r:id');
    return { name: attribute(tag, 'name') ?? '', part: id !== undefined ? targets.get(id) : undefined };
  });
}

/** The formula cells of a sheet's XML: each `<f>` and the cell (`<c r="D7">`) it is in. */
function formulasOf(xml: string): { row: number; column: number; formula: string }[] {
  const found: { row: number; column: number; formula: string }[] = [];
  for (const match of xml.matchAll(/<f\b[^>]*?(?:\/>|>([^<]*)<\/f>)/g)) {
    const cellStart = xml.lastIndexOf('<c ', match.index);
    const tag = cellStart >= 0 ? xml.slice(cellStart, xml.indexOf('>', cellStart) + 1) : '';
    const ref = /^([A-Z]+)(\d+)$/.exec(attribute(tag, 'r') ?? '');
    if (ref) found.push({ row: Number(ref[2]), column: columnNumber(ref[1]!), formula: unescapeXml(match[1] ?? '') });
    if (found.length >= 1000) break;
  }
  return found;
}

/** More characters between two tags than any cell holds (Excel's limit is 32,767 characters, escaped here up to 5 times over). */
const LONGEST_TEXT = 256 * 1024;

/** The offset of the first run of text between tags longer than LONGEST_TEXT, or -1. */
function overlongText(xml: string): number {
  let last = 0;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
    if (at - last > LONGEST_TEXT) return last;
    last = at;
  }
  return xml.length - last > LONGEST_TEXT ? last : -1;
}

/** A cell's value as the text it shows: dates as ISO (a date, or a date and time to the second), TRUE/FALSE, numbers as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores times as fractions of a day: 09:30 may come back as 09:29:59.999
    const rounded = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    return rounded.endsWith('T00:00:00.000Z') ? rounded.slice(0, 10) : rounded.slice(0, 19);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

export async function readWorkbook(file: string, bytes: Uint8Array, sheetName: string | undefined, budget: number): Promise<WorkbookRead> {
  const problem = (message: string, code: Finding['code'] = 'xlsx-unreadable'): WorkbookRead => ({
    finding: { file, line: 1, column: 1, severity: 'error', code, message, pointer: '' },
  });
  let entries;
  try {
    // the parts read-excel-file reads; pictures and printer settings are passed over
    entries = unzip(bytes, (name) => name.endsWith('.xml') || name.endsWith('.rels'), budget);
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    if (error.overBudget !== undefined) {
      return problem(
        `the workbook unpacks to more than the limit of ${formatFileSize(budget)} (at its part ${JSON.stringify(error.overBudget)}): a zip bomb, or a sheet far larger than a survey's; if the workbook is genuine, pass --max-file-size ${suggestedLimit(budget * 2)}`,
        'file-too-large',
      );
    }
    return problem(error.message);
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map(entries.map((e) => [e.name, decoder.decode(e.data)]));
  // read-excel-file's parser takes minutes over megabytes of text between two tags: no survey has such a text
  for (const [name, xml] of parts) {
    if (overlongText(xml) >= 0) return problem(`the workbook's part ${JSON.stringify(name)} holds a text longer than any cell can (Excel's limit is 32,767 characters): it is no survey export; export the responses again`);
  }
  if (!parts.has('xl/workbook.xml')) return problem('the file is a zip archive but not an Excel workbook (.xlsx): export the responses as .xlsx or CSV');
  const sheets = sheetsOf(parts);
  if (sheets.length === 0) return problem('the workbook has no sheet: export the responses again');
  const names = sheets.map((s) => JSON.stringify(s.name)).join(', ');
  const wanted = sheetName === undefined ? sheets[0]! : (sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase()));
  if (wanted === undefined) return { finding: { file, line: 1, column: 1, severity: 'error', code: 'xlsx-no-sheet', message: `the workbook has no sheet ${JSON.stringify(sheetName)}: its sheets are ${names}; pass one of them to --sheet`, pointer: '' } };
  const xml = wanted.part !== undefined ? parts.get(wanted.part) : undefined;
  if (xml === undefined) return problem(`the sheet ${JSON.stringify(wanted.name)} is missing from the workbook: open it in Excel and save it again`);
  const formulas = formulasOf(xml);

  let data: unknown[][];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    // a stored zip of the parts checked above: the reader's own unzipping inflates nothing
    const sheets = await readXlsxFile(zip(entries), { sheets: [wanted.name] } as never);
    data = (sheets as unknown as { data: unknown[][] }[])[0]?.data ?? [];
  } catch (error) {
    return problem(`the workbook cannot be read (${error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error'}): open it in Excel, save it again as .xlsx, or save the sheet as CSV UTF-8`);
  }
  const records = data.map((row) => ({ cells: row.map(cellText) }));
  return { workbook: { sheet: wanted.name, records, formulas } };
}
