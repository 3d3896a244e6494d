// cxm import RESPONSES [--model DIR] [--organization …] [--period …] [-o answers.yaml]: survey responses
// (one respondent a row; CSV in UTF-8, UTF-16 or Windows-1252 with ",", ";" or tab, or an .xlsx workbook)
// → an answers file. Every cell that cannot be read is a finding at row:column (in a workbook also at its
// cell, Sheet1!D7); nothing is written while an error stands, unless --skip-invalid-cells leaves the cells
// unanswered or --skip-invalid-rows leaves the rows with errors out. --anonymous writes no name, role or
// date of a person, and its respondents in an order derived from their answers, not the rows'.

import { parsePeriod, periodAdvice } from '../domain/period.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnswersDraft } from '../answers-file/draft.js';
import { anonymousRespondents } from '../answers-file/anonymize.js';
import { serializeAnswers } from '../answers-file/write.js';
import type { Finding } from '../domain/finding.js';
import type { Model } from '../domain/types.js';
import { sortFindings } from '../load/findings.js';
import { readSourceBytes, sha256Of } from '../load/source-file.js';
import { matchHeader, questionLookup, type ColumnNames, type PersonField } from '../import/columns.js';
import { decodeResponses, ENCODING_CHOICES, encodingNamed } from '../import/decode.js';
import { normalizeText } from '../import/match-text.js';
import { chooseDelimiter, delimiterNamed, readCsv, type Delimiter } from '../import/read-csv.js';
import { cellName, readWorkbook } from '../import/read-xlsx.js';
import { importResponses, type ColumnSummary, type CsvRecord } from '../import/responses.js';
import { isZip } from '../import/zip.js';
import { renderFindingsGithub, renderFindingsJson, renderFindingsText, summarize } from '../render/findings.js';
import { singleLine } from '../text/sanitize.js';
import { resolveModel } from './assessment.js';
import { EXIT, UsageError, type Context } from './context.js';
import { oversizeNote, parseFileSize } from './file-size.js';
import { formatFileSize, suggestedLimit } from '../text/file-size.js';
import { plural } from '../text/plural.js';
import { refuseOutputOverInput, writeOutput } from './output.js';

export interface ImportFlags {
  readonly model?: string;
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  readonly output?: string;
  readonly format: 'text' | 'json' | 'github';
  readonly skipInvalidRows?: boolean;
  readonly skipInvalidCells?: boolean;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly sheet?: string;
  readonly nameColumn?: string;
  readonly emailColumn?: string;
  readonly roleColumn?: string;
  readonly groupColumn?: string;
  readonly ignoreColumn?: string[];
  readonly namesFromEmail?: boolean;
  readonly anonymous?: boolean;
  readonly maxFileSize?: string;
}

/** Text findings go to stderr (the answers may be on stdout); json and github go to stdout, as validate's do. */
function printFindings(context: Context, findings: readonly Finding[], format: ImportFlags['format']): void {
  const sorted = sortFindings(findings);
  const summary = summarize(sorted, 1);
  if (format === 'json') context.stdout.write(renderFindingsJson(sorted, summary));
  else if (format === 'github') context.stdout.write(renderFindingsGithub(sorted, summary, 'import'));
  else context.stderr.write(renderFindingsText(sorted, { color: context.color.stderr }));
}

/** Rows as a short list: "3, 7, 12 and 40 more". */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

export async function runImport(context: Context, file: string, flags: ImportFlags): Promise<number> {
  const maxBytes = parseFileSize(flags.maxFileSize);
  if (flags.format !== 'text' && (flags.output === undefined || flags.output === '-')) {
    throw new UsageError(`-f ${flags.format} prints the findings on stdout: write the answers to a file with -o FILE`);
  }
  if (flags.date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(flags.date)) {
    throw new UsageError(`--date takes an ISO date such as 2026-11-22, not ${JSON.stringify(flags.date)}`);
  }
  if (flags.period !== undefined && parsePeriod(flags.period) === undefined) {
    // the answers file would fail validation at its period: refuse it here, with the rewrite (SPEC 2.3)
    throw new UsageError(`--period ${JSON.stringify(flags.period)} is not a period cxm orders by time: ${periodAdvice(flags.period)} (2026, 2026-H2, 2026-Q4, 2026-11 or 2026-11-22)`);
  }
  const encoding = flags.encoding !== undefined ? encodingNamed(flags.encoding) : undefined;
  if (flags.encoding !== undefined && encoding === undefined) {
    throw new UsageError(`--encoding takes ${ENCODING_CHOICES}, not ${JSON.stringify(flags.encoding)}`);
  }
  const delimiter = flags.delimiter !== undefined ? delimiterNamed(flags.delimiter) : undefined;
  if (flags.delimiter !== undefined && delimiter === undefined) {
    throw new UsageError(`--delimiter takes "," ";" or tab, not ${JSON.stringify(flags.delimiter)}`);
  }
  if (flags.anonymous === true && flags.namesFromEmail === true) {
    throw new UsageError('--anonymous writes no names: leave out --names-from-email');
  }
  // the CSV (or a file of the model) at -o would be replaced by the answers: refused before anything is read
  await refuseOutputOverInput(context, flags.output, [file]);
  const model = await resolveModel(context, flags.model);
  if (!model.ok) return model.exitCode;

  const read = readSourceBytes(file, maxBytes);
  if ('finding' in read) {
    const size = read.finding.code === 'file-too-large' ? (statSync(file, { throwIfNoEntry: false })?.size ?? maxBytes) : 0;
    const finding =
      read.finding.code === 'file-too-large'
        ? { ...read.finding, message: `the file takes ${formatFileSize(size)}, over the limit of ${formatFileSize(maxBytes)}: pass --max-file-size ${suggestedLimit(size)} to read it` }
        : read.finding;
    printFindings(context, [finding], flags.format);
    return finding.code === 'file-not-found' || finding.code === 'file-unreadable' ? EXIT.usage : EXIT.invalid;
  }
  const bytes = read.bytes;
  const sha256 = sha256Of(bytes);
  const names = columnNames(flags);

  // the kind of file from its bytes, never from its name: Excel saves "Unicode text" as .txt
  let records: CsvRecord[];
  let cellAt: ((row: number, column: number) => string) | undefined;
  const fileFindings: Finding[] = [];
  if (isZip(bytes)) {
    if (encoding !== undefined || delimiter !== undefined) {
      throw new UsageError(`${singleLine(file)} is an .xlsx workbook: --encoding and --delimiter are for CSV files; leave them out`);
    }
    const workbook = await readWorkbook(file, bytes, flags.sheet, maxBytes);
    if ('finding' in workbook) {
      const advice = workbook.finding.code === 'file-too-large' ? 'pass a larger --max-file-size if the workbook is genuine' : workbook.finding.code === 'xlsx-no-sheet' ? 'name a sheet of the workbook' : 'export the responses again';
      return nothingWritten(context, [workbook.finding], flags.format, advice);
    }
    const sheet = workbook.workbook.sheet;
    records = workbook.workbook.records;
    cellAt = (row, column) => cellName(sheet, row, column);
    for (const f of workbook.workbook.formulas) {
      fileFindings.push({
        file,
        line: f.row,
        column: f.column,
        severity: 'error',
        code: 'xlsx-formula',
        message: `${cellAt(f.row, f.column)}: the cell holds a formula (=${singleLine(f.formula).slice(0, 60)}), not an answer: replace the formulas by their values (copy, then Paste Special > Values) and save the workbook again`,
        pointer: `/${f.row - 1}/${f.column - 1}`,
      });
    }
  } else {
    if (flags.sheet !== undefined) throw new UsageError(`${singleLine(file)} is not an .xlsx workbook: --sheet is for workbooks; leave it out`);
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      const finding: Finding = { file, line: 1, column: 1, severity: 'error', code: 'xlsx-unreadable', message: 'the file is an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or as CSV UTF-8', pointer: '' };
      return nothingWritten(context, [finding], flags.format, 'save the file again');
    }
    const decoded = decodeResponses(file, bytes, encoding);
    if ('finding' in decoded) return nothingWritten(context, [decoded.finding], flags.format, 'save the file again or name its encoding');
    let chosen: Delimiter;
    if (delimiter !== undefined) chosen = delimiter;
    else {
      const found = chooseDelimiter(decoded.text, recognisedBy(model.value, names));
      chosen = found.delimiter;
      if (found.recognised === 0) {
        fileFindings.push({
          file,
          line: 1,
          column: 1,
          severity: 'error',
          code: 'csv-delimiter',
          message: `no cell of the first row names a question of model ${model.value.id} ${model.value.version}, whether the cells are separated by ",", ";" or tabs: the first row must hold the questions (as "cxm form -f csv" writes them); if it does, name the delimiter with --delimiter`,
          pointer: '',
        });
      }
    }
    const csv = readCsv(file, decoded.text, chosen);
    if ('finding' in csv) return nothingWritten(context, [csv.finding], flags.format, 'fix the CSV');
    records = csv.records;
  }

  const result = importResponses(records, model.value, {
    file,
    names,
    namesFromEmail: flags.namesFromEmail === true,
    // the file's hash tells imports apart (names stay unique when several are reported together), the row finds the response
    generatedName: (row) => `respondent-${sha256.slice(0, 8)}-${row}`,
    skipInvalidCells: flags.skipInvalidCells === true,
    ...(cellAt !== undefined ? { cellName: cellAt } : {}),
  });
  result.headerFindings.unshift(...fileFindings);

  const headerErrors = result.headerFindings.some((f) => f.severity === 'error');
  const skipping = flags.skipInvalidRows === true && !headerErrors;
  // rows left out as asked are no longer errors of this run: they are listed, and the run succeeds
  const rowFindings = skipping ? result.rowFindings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' as const, message: `row left out: ${f.message}` } : f)) : result.rowFindings;
  const findings = [...result.headerFindings, ...rowFindings];
  if (!headerErrors && result.respondents.length === 0 && result.invalidRows.length === 0) {
    findings.push({ file, line: 1, column: 1, severity: 'error', code: 'no-respondents', message: 'the file has a header but no responses: export the responses again once people have answered', pointer: '' });
  }
  printFindings(context, findings, flags.format);
  if (findings.some((f) => f.severity === 'error')) {
    const advice = headerErrors
      ? fileFindings.some((f) => f.code === 'xlsx-formula')
        ? 'replace the formulas by their values'
        : 'fix the header row'
      : result.invalidRows.length > 0
        ? `fix ${result.invalidRows.length === 1 ? 'the row' : 'the rows'} (or pass --skip-invalid-cells to leave the cells that cannot be read unanswered, or --skip-invalid-rows to leave ${result.invalidRows.length === 1 ? 'the row' : 'the rows'} out)`
        : 'fix the file';
    context.stderr.write(`cxm: nothing was written: ${advice} and run cxm import again\n`);
    return EXIT.invalid;
  }
  if (result.respondents.length === 0) {
    context.stderr.write(`cxm: nothing was written: every row has an error (${rowList(result.invalidRows)}); fix them and run cxm import again\n`);
    return EXIT.invalid;
  }

  const draft: AnswersDraft = {
    model: { id: model.value.id, version: model.value.version },
    ...(flags.organization !== undefined ? { organization: flags.organization } : {}),
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    ...(flags.date !== undefined ? { date: flags.date } : {}),
    ...(flags.anonymous === true ? { anonymous: true } : {}),
    // an anonymous file keeps no trace of the responses file: its name may name a person, and its hash is of bytes that hold names (SPEC 4.2)
    ...(flags.anonymous === true ? {} : { source: { file: basename(file), sha256 } }),
    respondents: flags.anonymous === true ? anonymousRespondents(result.respondents) : result.respondents,
  };
  const text = serializeAnswers(draft, { bulk: true });
  await writeOutput(context, flags.output, text, [file, ...model.value.inputs.map((i) => i.file)]);

  const where = flags.output !== undefined && flags.output !== '-' ? singleLine(flags.output) : 'stdout';
  const left = result.invalidRows.length > 0 ? `; ${plural(result.invalidRows.length, 'row')} with errors left out (${rowList(result.invalidRows)})` : '';
  const cells = result.skippedCells > 0 ? `; ${plural(result.skippedCells, 'cell')} left unanswered` : '';
  context.stderr.write(`${singleLine(file)}: ${plural(result.respondents.length, 'respondent')} imported to ${where}${left}${cells}\n`);
  if (flags.anonymous === true) context.stderr.write(`${droppedColumns(result.columns)}\n`);
  const note = oversizeNote(where, Buffer.byteLength(text, 'utf8'));
  if (note !== undefined) context.stderr.write(`${note}\n`);
  return EXIT.ok;
}

/** Prints the findings and says that nothing was written, and what to do: exit 1, the input is invalid. */
function nothingWritten(context: Context, findings: readonly Finding[], format: ImportFlags['format'], advice: string): number {
  printFindings(context, findings, format);
  context.stderr.write(`cxm: nothing was written: ${advice} and run cxm import again\n`);
  return EXIT.invalid;
}

function columnNames(flags: ImportFlags): ColumnNames {
  const person = new Map<string, PersonField>();
  if (flags.nameColumn !== undefined) person.set(normalizeText(flags.nameColumn), 'name');
  if (flags.emailColumn !== undefined) person.set(normalizeText(flags.emailColumn), 'email');
  if (flags.roleColumn !== undefined) person.set(normalizeText(flags.roleColumn), 'role');
  if (flags.groupColumn !== undefined) person.set(normalizeText(flags.groupColumn), 'group');
  return { person, ignored: new Set((flags.ignoreColumn ?? []).map(normalizeText)) };
}

/** How many header cells the model recognises (questions, person and metadata columns): how the delimiter is chosen. */
function recognisedBy(model: Model, names: ColumnNames): (cells: readonly string[]) => number {
  const lookup = questionLookup(model.elements.flatMap((e) => e.questions.map((question) => ({ question, ids: [question.id, ...question.replaces] }))));
  return (cells) => cells.filter((cell) => cell.trim() !== '' && matchHeader(cell, lookup, names).kind !== 'unknown').length;
}

/** What --anonymous left out: the columns that name or date a person (names, e-mails, roles, timestamps, ids). */
function droppedColumns(columns: readonly ColumnSummary[]): string {
  const dropped = columns.filter((c) => c.label !== '' && ((c.kind === 'person' && c.field !== 'group') || c.kind === 'ignored'));
  if (dropped.length === 0) return '--anonymous: no column of the file names or dates a person';
  const shown = dropped.map((c) => `${JSON.stringify(singleLine(c.label))} (column ${c.column})`).join(', ');
  return `--anonymous: left out ${plural(dropped.length, 'column')} that may name or date a person: ${shown}`;
}
