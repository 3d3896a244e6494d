// cxm import RESPONSES.csv [--model DIR] [--organization …] [--period …] [-o answers.yaml]: survey responses
// (one respondent a row) → an answers file. Every cell that cannot be read is a finding at row:column;
// nothing is written while an error stands, unless --skip-invalid-rows leaves the rows with errors out.

import { parsePeriod, periodAdvice } from '../model/period.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnswersDraft } from '../answers-file/draft.js';
import { serializeAnswers } from '../answers-file/write.js';
import type { Finding } from '../model/finding.js';
import { sortFindings } from '../load/findings.js';
import { readSourceFile } from '../load/source-file.js';
import type { PersonField } from '../import/columns.js';
import { normalizeText } from '../import/match-text.js';
import { readCsv } from '../import/read-csv.js';
import { importResponses } from '../import/responses.js';
import { renderFindingsGithub, renderFindingsJson, renderFindingsText, summarize } from '../render/findings.js';
import { singleLine } from '../render/sanitize.js';
import { resolveModel } from './assessment.js';
import { EXIT, UsageError, type Context } from './context.js';
import { formatFileSize, oversizeNote, parseFileSize, suggestedLimit } from './file-size.js';
import { refuseOutputOverInput, writeOutput } from './output.js';

export interface ImportFlags {
  readonly model?: string;
  readonly organization?: string;
  readonly period?: string;
  readonly date?: string;
  readonly output?: string;
  readonly format: 'text' | 'json' | 'github';
  readonly skipInvalidRows?: boolean;
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
  else if (format === 'github') context.stdout.write(renderFindingsGithub(sorted, summary));
  else context.stderr.write(renderFindingsText(sorted, { color: context.color.stderr }));
}

/** "1 respondent", "5,000 respondents": thousands grouped as en-US does, without loading ICU for it (26 ms). */
function plural(n: number, word: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} ${word}${n === 1 ? '' : 's'}`;
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
  // the CSV (or a file of the model) at -o would be replaced by the answers: refused before anything is read
  await refuseOutputOverInput(context, flags.output, [file]);
  const model = await resolveModel(context, flags.model);
  if (!model.ok) return model.exitCode;

  const read = await readSourceFile(file, maxBytes);
  if ('finding' in read) {
    const size = read.finding.code === 'file-too-large' ? (statSync(file, { throwIfNoEntry: false })?.size ?? maxBytes) : 0;
    const finding =
      read.finding.code === 'file-too-large'
        ? { ...read.finding, message: `the file takes ${formatFileSize(size)}, over the limit of ${formatFileSize(maxBytes)}: pass --max-file-size ${suggestedLimit(size)} to read it` }
        : read.finding;
    printFindings(context, [finding], flags.format);
    return finding.code === 'file-not-found' || finding.code === 'file-unreadable' ? EXIT.usage : EXIT.invalid;
  }
  const source = read.source;
  const csv = readCsv(file, source.text);
  if ('finding' in csv) {
    printFindings(context, [csv.finding], flags.format);
    context.stderr.write(`cxm: nothing was written: fix the CSV and run cxm import again\n`);
    return EXIT.invalid;
  }

  const person = new Map<string, PersonField>();
  if (flags.nameColumn !== undefined) person.set(normalizeText(flags.nameColumn), 'name');
  if (flags.emailColumn !== undefined) person.set(normalizeText(flags.emailColumn), 'email');
  if (flags.roleColumn !== undefined) person.set(normalizeText(flags.roleColumn), 'role');
  if (flags.groupColumn !== undefined) person.set(normalizeText(flags.groupColumn), 'group');
  const result = importResponses(csv.records, model.value, {
    file,
    names: { person, ignored: new Set((flags.ignoreColumn ?? []).map(normalizeText)) },
    namesFromEmail: flags.namesFromEmail === true,
    // the file's hash tells imports apart (names stay unique when several are reported together), the row finds the response
    generatedName: (row) => `respondent-${source.sha256.slice(0, 8)}-${row}`,
  });

  const headerErrors = result.headerFindings.some((f) => f.severity === 'error');
  const skipping = flags.skipInvalidRows === true && !headerErrors;
  // rows left out as asked are no longer errors of this run: they are listed, and the run succeeds
  const rowFindings = skipping ? result.rowFindings.map((f) => ({ ...f, severity: 'warning' as const, message: `row left out: ${f.message}` })) : result.rowFindings;
  const findings = [...result.headerFindings, ...rowFindings];
  if (!headerErrors && result.respondents.length === 0 && result.invalidRows.length === 0) {
    findings.push({ file, line: 1, column: 1, severity: 'error', code: 'no-respondents', message: 'the file has a header but no responses: export the responses again once people have answered', pointer: '' });
  }
  printFindings(context, findings, flags.format);
  if (findings.some((f) => f.severity === 'error')) {
    const advice = headerErrors
      ? 'fix the header row'
      : result.invalidRows.length > 0
        ? `fix ${result.invalidRows.length === 1 ? 'the row' : 'the rows'} (or pass --skip-invalid-rows to leave ${result.invalidRows.length === 1 ? 'it' : 'them'} out)`
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
    source: { file: basename(file), sha256: source.sha256 },
    respondents: result.respondents,
  };
  const text = serializeAnswers(draft, { bulk: true });
  await writeOutput(context, flags.output, text, [file, ...model.value.inputs.map((i) => i.file)]);

  const where = flags.output !== undefined && flags.output !== '-' ? singleLine(flags.output) : 'stdout';
  const left = result.invalidRows.length > 0 ? `; ${plural(result.invalidRows.length, 'row')} with errors left out (${rowList(result.invalidRows)})` : '';
  context.stderr.write(`${singleLine(file)}: ${plural(result.respondents.length, 'respondent')} imported to ${where}${left}\n`);
  const note = oversizeNote(where, Buffer.byteLength(text, 'utf8'));
  if (note !== undefined) context.stderr.write(`${note}\n`);
  return EXIT.ok;
}
