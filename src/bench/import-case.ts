// The `cxm import` cases of `npm run bench`: survey responses as a survey tool exports them (labels in the
// cells, multiple choices joined with ", ", a timestamp and an e-mail column), generated deterministically.
//
// - importing 5,000 rows vs parsing the same CSV alone with csv-parse (target: under 2×);
// - organization-wide surveys of 20,000 and 50,000 rows: importing them (under 2×), then the JSON and the anonymous
//   HTML report of what import wrote, each against csv-parse reading the same export (under 5×, issue #30).
//
// Run on its own (`node dist/bench/import-case.js`) it times each cxm command once, for a quick look.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecord } from '../text/csv-cell.js';
import { builtinModelDir } from '../load/builtin.js';
import { loadModel } from '../load/model.js';
import type { Model } from '../domain/types.js';
import { random } from './inputs.js';


/** A Google Forms export of `rows` responses to the model; returns its size in bytes. */
export function writeResponsesCsv(file: string, model: Model, rows: number): number {
  const next = random(18);
  const questions = model.elements.flatMap((e) => e.questions);
  const groups = model.groups.length > 0 ? model.groups.map((g) => g.title) : ['Leadership', 'Front line', 'Back office'];
  const parts: string[] = [csvRecord(['Timestamp', 'Email Address', 'Department', ...questions.map((q) => q.text)])];
  for (let r = 0; r < rows; r++) {
    const cells = [`2026/11/${String(1 + (r % 28)).padStart(2, '0')} 9:${String(r % 60).padStart(2, '0')}:00 AM GMT+1`, `person${r}@example.com`, groups[r % groups.length]!];
    for (const q of questions) {
      if (next() < 0.05) cells.push('');
      else if (q.type === 'scale') cells.push(String(q.min + Math.floor(next() * (q.max - q.min + 1))));
      else if (q.type === 'choice') cells.push(q.options[Math.floor(next() * q.options.length)]!.label);
      else cells.push(q.options.filter(() => next() < 0.4).map((o) => o.label).join(', '));
    }
    parts.push(csvRecord(cells));
  }
  const text = parts.join('');
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

interface Command {
  readonly label: string;
  readonly args: readonly string[];
}

export interface ImportCase {
  readonly name: string;
  readonly cxm: Command;
  readonly baseline: Command;
  readonly target: number;
  readonly pairs?: number;
}

/** The cases, with their inputs written into `scratch`. `modelArgs` names the model when it is not the built-in one. */
export function importCases(options: { scratch: string; model: Model; cxm: string; modelArgs: readonly string[] }): ImportCase[] {
  const { scratch, model, cxm, modelArgs } = options;
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const parseAlone = (file: string): Command => ({
    label: 'csv-parse',
    args: ['-e', `require('csv-parse/sync').parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), { bom: true, relax_column_count: true })`],
  });
  const cases: ImportCase[] = [];
  const small = join(scratch, 'responses-5000.csv');
  const smallBytes = writeResponsesCsv(small, model, 5_000);
  cases.push({
    name: `cxm import, 5,000 rows (${mib(smallBytes)}) vs csv-parse of the file alone`,
    cxm: { label: 'cxm import 5,000', args: [cxm, 'import', ...modelArgs, small, '-o', join(scratch, 'answers-5000.yaml')] },
    baseline: parseAlone(small),
    target: 2.0,
    pairs: 7,
  });
  // organization-wide surveys (issue #30): each step within 5x of csv-parse reading the same export
  for (const rows of [20_000, 50_000]) {
    const csv = join(scratch, `responses-${rows}.csv`);
    const bytes = writeResponsesCsv(csv, model, rows);
    const answers = join(scratch, `answers-${rows}.yaml`);
    const count = rows.toLocaleString('en-US');
    const importArgs = [cxm, 'import', ...modelArgs, '--max-file-size', '1GiB', '--anonymous', csv, '-o', answers];
    // the answers the report cases read, written once before any is timed
    spawnSync(process.execPath, importArgs, { stdio: 'ignore' });
    const report = (format: string): string[] => [cxm, 'report', '-f', format, ...modelArgs, '--max-file-size', '1GiB', '--anonymous', answers, '-o', join(scratch, `report-${rows}.${format}`)];
    cases.push(
      { name: `cxm import, ${count} rows (${mib(bytes)}) vs csv-parse of the file alone`, cxm: { label: `cxm import ${count}`, args: importArgs }, baseline: parseAlone(csv), target: 2.0, pairs: 3 },
      { name: `cxm report -f json --anonymous of the ${count} imported vs csv-parse of the export`, cxm: { label: `cxm report json ${count}`, args: report('json') }, baseline: parseAlone(csv), target: 5.0, pairs: 3 },
      { name: `cxm report -f html --anonymous of the ${count} imported vs csv-parse of the export`, cxm: { label: `cxm report html ${count}`, args: report('html') }, baseline: parseAlone(csv), target: 5.0, pairs: 3 },
    );
  }
  return cases;
}

/** `node dist/bench/import-case.js`: each case's cxm and baseline once, then the 50,000-row report. */
async function quickLook(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'cxm-bench-import-'));
  try {
    const model = (await loadModel(builtinModelDir())).model!;
    const cxm = fileURLToPath(new URL('../../bin/cxm.js', import.meta.url));
    const time = (command: Command): string => {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, command.args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      return run.status === 0 ? `${ms.toFixed(0)} ms` : `exit ${run.status}: ${run.stderr.toString().slice(0, 300)}`;
    };
    for (const c of importCases({ scratch, model, cxm, modelArgs: [] })) {
      process.stdout.write(`${c.name}: cxm ${time(c.cxm)}, baseline ${time(c.baseline)}\n`);
    }
    const answers = join(scratch, 'answers-50000.yaml');
    process.stdout.write(`answers of 50,000 respondents: ${(statSync(answers).size / 1024 / 1024).toFixed(1)} MiB\n`);
    process.stdout.write(`cxm report -f json of them: ${time({ label: 'report', args: [cxm, 'report', '-f', 'json', '--max-file-size', '1GiB', answers] })}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await quickLook();
