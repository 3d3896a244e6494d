// `npm run bench`: cxm against its baselines, each pair of commands run side by side in one session.
// Not a test: it prints medians of interleaved runs, the ratios and the targets (README "Speed").
//
// Each case is one entry of CASES: a function that, given the session's inputs, returns the two commands to time and
// the target. A new case (in its own file under src/bench/, say) is one more entry. `npm run bench -- WORD…` runs
// only the cases whose name holds one of the words.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModelDir } from '../load/builtin.js';
import { loadModel } from '../load/model.js';
import { MAX_FILE_BYTES } from '../load/source-file.js';
import type { Model } from '../domain/types.js';
import { groupsCase } from './groups-case.js';
import { writeHandwrittenQuestionnaires } from './handwritten.js';
import { importCases } from './import-case.js';
import { writeAnswers, writeQuestionnaires, writeStandInModel } from './inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CXM = join(ROOT, 'bin/cxm.js');
const AJV = join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const WARMUPS = 2;
const PAIRS = 15;
const FILES = 1000;
const RESPONDENTS = 10_000;

export interface Command {
  readonly label: string;
  /** Arguments to node. */
  readonly args: readonly string[];
  /** Exit code the command must end with (default 0): a run that ends otherwise is an error, never a time. */
  readonly status?: number;
}

export interface Case {
  readonly name: string;
  readonly cxm: Command;
  readonly baseline: Command;
  /** Largest ratio cxm / baseline that meets the target. */
  readonly target: number;
  /** The ratio aimed at, below the target, when there is one. */
  readonly aim?: number;
  /** Pairs of runs (default PAIRS): more for the short cases, whose medians noise moves most. */
  readonly pairs?: number;
}

/** What every case may use: the session's scratch directory, the model and the commands' entry points. */
export interface BenchInputs {
  readonly scratch: string;
  readonly cxm: string;
  readonly modelDir: string;
  /** Whether modelDir is the built-in model (else a stand-in like it). */
  readonly builtin: boolean;
  readonly model: Model;
  /** ajv-cli 5 validating files against the questionnaire schema (see schemaForAjv). */
  readonly ajv: (label: string, data: readonly string[], status?: number) => Command;
  /** Notes printed under the table. */
  readonly notes: string[];
}

export type CaseFactory = (inputs: BenchInputs) => Case;

interface Result {
  readonly name: string;
  readonly cxmMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
  /** Medians of user + system CPU time, when GNU time is there to measure it. */
  readonly cxmCpuMs?: number;
  readonly baselineCpuMs?: number;
  readonly target: number;
  readonly aim?: number;
  readonly cxmKb?: number;
  readonly baselineKb?: number;
  readonly skipped?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/**
 * Wall time of one run in ms, and its CPU time (user + system) when GNU time is there: on a busy machine the CPU
 * time moves less than the wall time. Throws when the command ends with another exit code than expected, so that
 * a broken command is never timed.
 */
function timeRun(command: Command, scratch: string): { wall: number; cpu?: number } {
  const cpuFile = join(scratch, 'cpu.txt');
  const [file, args] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...command.args]]
    : [process.execPath, command.args];
  const start = process.hrtime.bigint();
  const run = spawnSync(file, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== (command.status ?? 0)) {
    throw new Error(`${command.label} exited with ${run.status ?? run.signal}: ${run.stderr.toString().split('\n').slice(0, 3).join(' | ')}`);
  }
  if (!hasGnuTime) return { wall };
  // GNU time writes "Command exited with non-zero status N" first when it does
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: (user! + system!) * 1000 };
}

/** Peak resident memory of one run in KB: GNU time's %M, else the maxRSS a preloaded script reports at exit. */
function peakKb(command: Command, scratch: string): number | undefined {
  if (hasGnuTime) {
    const run = spawnSync(GNU_TIME, ['-f', '%M', process.execPath, ...command.args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const last = run.stderr.toString().trim().split('\n').pop();
    return last === undefined ? undefined : Number(last);
  }
  const out = join(scratch, 'rss.txt');
  const preload = join(scratch, 'rss.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
  spawnSync(process.execPath, ['--require', preload, ...command.args], { cwd: ROOT, stdio: 'ignore' });
  return existsSync(out) ? Number(readFileSync(out, 'utf8')) : undefined;
}

function runCase(c: Case, scratch: string): Result {
  try {
    for (let i = 0; i < WARMUPS; i++) {
      timeRun(c.cxm, scratch);
      timeRun(c.baseline, scratch);
    }
    const cxm: { wall: number; cpu?: number }[] = [];
    const baseline: { wall: number; cpu?: number }[] = [];
    for (let i = 0; i < (c.pairs ?? PAIRS); i++) {
      // alternate which runs first, so that neither always runs on a cache the other warmed
      if (i % 2 === 0) {
        cxm.push(timeRun(c.cxm, scratch));
        baseline.push(timeRun(c.baseline, scratch));
      } else {
        baseline.push(timeRun(c.baseline, scratch));
        cxm.push(timeRun(c.cxm, scratch));
      }
    }
    const cxmMs = median(cxm.map((r) => r.wall));
    const baselineMs = median(baseline.map((r) => r.wall));
    const cxmKb = peakKb(c.cxm, scratch);
    const baselineKb = peakKb(c.baseline, scratch);
    return {
      name: c.name,
      cxmMs,
      baselineMs,
      ratio: cxmMs / baselineMs,
      ...(hasGnuTime ? { cxmCpuMs: median(cxm.map((r) => r.cpu!)), baselineCpuMs: median(baseline.map((r) => r.cpu!)) } : {}),
      target: c.target,
      ...(c.aim !== undefined ? { aim: c.aim } : {}),
      ...(cxmKb !== undefined ? { cxmKb } : {}),
      ...(baselineKb !== undefined ? { baselineKb } : {}),
    };
  } catch (error) {
    return { name: c.name, cxmMs: NaN, baselineMs: NaN, ratio: NaN, target: c.target, skipped: (error as Error).message };
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function table(results: readonly Result[]): string {
  const head = ['case', 'cxm ms', 'baseline ms', 'ratio', 'CPU ratio', 'target (aim)', 'result', 'cxm peak MiB', 'baseline peak MiB'];
  const mb = (kb: number | undefined): string => (kb === undefined ? '-' : (kb / 1024).toFixed(0));
  const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
  const rows = results.map((r) => {
    const target = `≤ ${r.target.toFixed(1)}×${r.aim !== undefined ? ` (${r.aim.toFixed(1)}×)` : ''}`;
    if (r.skipped !== undefined) return [r.name, '-', '-', '-', '-', target, 'not run', '-', '-'];
    return [
      r.name,
      r.cxmMs.toFixed(0),
      r.baselineMs.toFixed(0),
      times(r.ratio),
      r.cxmCpuMs !== undefined && r.baselineCpuMs !== undefined ? times(r.cxmCpuMs / r.baselineCpuMs) : '-',
      target,
      r.ratio > r.target ? 'FAIL' : r.aim !== undefined && r.ratio > r.aim ? 'pass (above aim)' : 'pass',
      mb(r.cxmKb),
      mb(r.baselineKb),
    ];
  });
  const lines = [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

/** The questionnaire schema for ajv-cli, which has no option for ajv's `discriminator` keyword (see the note). */
function schemaForAjv(scratch: string): string {
  const schema = JSON.parse(readFileSync(join(ROOT, 'src/schemas/questionnaire.schema.json'), 'utf8')) as {
    $defs: { question: Record<string, unknown> };
  };
  delete schema.$defs.question['discriminator'];
  const file = join(scratch, 'questionnaire.schema.json');
  writeFileSync(file, JSON.stringify(schema, null, 2));
  return file;
}

const startUp: CaseFactory = ({ cxm }) => ({
  name: 'start-up: cxm --version vs node -e 0',
  cxm: { label: 'cxm --version', args: [cxm, '--version'] },
  baseline: { label: 'node -e 0', args: ['-e', '0'] },
  target: 1.3,
  aim: 1.2,
  pairs: 61,
});

const builtinModel: CaseFactory = ({ cxm, modelDir, builtin, model, ajv }) => {
  const questionnaires = model.elements.map((e) => e.file);
  return {
    name: `cxm validate, ${builtin ? 'built-in' : 'stand-in'} model (${questionnaires.length + 1} files) vs ajv-cli on its ${questionnaires.length} questionnaires`,
    cxm: { label: 'cxm validate model', args: [cxm, 'validate', modelDir] },
    baseline: ajv('ajv-cli model', questionnaires),
    target: 0.6,
    pairs: 31,
  };
};

/** 1,000 generated questionnaires: all valid, or 80% with a warning and 1% with an error (cxm and ajv-cli exit 1). */
function questionnaireFiles(flawed: boolean): CaseFactory {
  return ({ cxm, scratch, ajv }) => {
    const dir = join(scratch, flawed ? 'flawed' : 'clean');
    const bytes = writeQuestionnaires(dir, FILES, flawed);
    const size = `${(bytes / FILES / 1024).toFixed(1)} KiB each`;
    return {
      name: flawed
        ? `cxm validate vs ajv-cli, ${FILES} questionnaires (${size}), 80% with a warning and 1% with an error`
        : `cxm validate vs ajv-cli, ${FILES} valid questionnaires (${size})`,
      cxm: { label: `cxm validate ${dir}`, args: [cxm, 'validate', dir], status: flawed ? 1 : 0 },
      baseline: ajv(`ajv-cli ${dir}`, [join(dir, '*.yaml')], flawed ? 1 : 0),
      target: 1.0,
      ...(flawed ? { aim: 0.8 } : {}),
    };
  };
}

/**
 * 1,000 questionnaires as people write them (handwritten.ts: flow mappings and text over several lines, block
 * scalars, quotes, comments), 80% with a warning and 1% with an error, as in issue #30.
 */
const handwritten: CaseFactory = ({ cxm, scratch, ajv }) => {
  const dir = join(scratch, 'handwritten');
  const bytes = writeHandwrittenQuestionnaires(dir, FILES);
  return {
    name: `cxm validate vs ajv-cli, ${FILES} questionnaires as people write them (${(bytes / FILES / 1024).toFixed(1)} KiB each), 80% with a warning and 1% with an error`,
    cxm: { label: `cxm validate ${dir}`, args: [cxm, 'validate', dir], status: 1 },
    baseline: ajv(`ajv-cli ${dir}`, [join(dir, '*.yaml')], 1),
    target: 1.0,
  };
};

const report: CaseFactory = ({ cxm, scratch, model, modelDir, builtin, notes }) => {
  const answers = join(scratch, 'answers.yaml');
  let respondents = RESPONDENTS;
  let bytes = writeAnswers(answers, model, respondents);
  if (bytes > MAX_FILE_BYTES) {
    const fit = Math.floor((respondents * MAX_FILE_BYTES) / bytes / 100) * 100;
    notes.push(`${RESPONDENTS} respondents take ${bytes} bytes, over MAX_FILE_BYTES (${MAX_FILE_BYTES}); the cap was not raised: the report case ran with ${fit} respondents.`);
    respondents = fit;
    bytes = writeAnswers(answers, model, respondents);
  }
  return {
    name: `cxm report -f json, ${respondents} respondents (${(bytes / 1024 / 1024).toFixed(1)} MiB) vs yaml.parse of the file`,
    cxm: { label: 'cxm report', args: [cxm, 'report', '-f', 'json', ...(builtin ? [] : ['--model', modelDir]), answers] },
    baseline: { label: 'yaml.parse', args: ['-e', `require('yaml').parse(require('fs').readFileSync(${JSON.stringify(answers)}, 'utf8'))`] },
    target: 2.0,
  };
};

/** The cases, in the order they run and print. */
const CASES: readonly CaseFactory[] = [startUp, builtinModel, questionnaireFiles(false), questionnaireFiles(true), handwritten, report];

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'cxm-bench-'));
  try {
    const notes: string[] = [];

    // the built-in model, or a stand-in like it while questionnaires/cx-maturity is being written
    let modelDir = builtinModelDir();
    const builtin = existsSync(join(modelDir, 'model.yaml'));
    if (!builtin) {
      modelDir = join(scratch, 'cx-maturity');
      writeStandInModel(modelDir);
      notes.push('questionnaires/cx-maturity is not there yet: a generated stand-in model (model.yaml + 6 questionnaires) was used.');
    }
    const loaded = await loadModel(modelDir);
    if (!loaded.model) throw new Error(`the model in ${modelDir} is not valid: ${loaded.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`).join(', ')}`);

    // ajv-cli cannot compile our schema as it is: it has no option for ajv's `discriminator` keyword (and its strict
    // mode refuses an unknown keyword), so it gets the same schema without it: oneOf over the branches, each with
    // its `type` const, accepts and rejects the same data.
    const ajvSchema = schemaForAjv(scratch);
    notes.push('ajv-cli 5 validates with src/schemas/questionnaire.schema.json minus its `discriminator` keyword (ajv-cli has no option to enable it), --spec=draft2020.');
    const inputs: BenchInputs = {
      scratch,
      cxm: CXM,
      modelDir,
      builtin,
      model: loaded.model,
      notes,
      ajv: (label, data, status = 0) => ({ label, args: [AJV, 'validate', '--spec=draft2020', '-s', ajvSchema, ...data.flatMap((d) => ['-d', d])], status }),
    };
    const only = process.argv.slice(2);
    const modelArgs = builtin ? [] : ['--model', modelDir];
    const cases: Case[] = [
      ...CASES.map((factory) => factory(inputs)),
      // cxm import of 5,000, 20,000 and 50,000 survey rows, and reports of the two larger, vs csv-parse of the same file (src/bench/import-case.ts)
      ...importCases({ scratch, model: loaded.model, cxm: CXM, modelArgs }),
      // 2,000 respondents in 15 groups vs the same answers without groups (src/bench/groups-case.ts)
      groupsCase(scratch, loaded.model, CXM, modelArgs),
    ].filter((c) => only.length === 0 || only.some((word) => c.name.includes(word)));

    process.stdout.write(`cxm bench: ${WARMUPS} warm-ups, then medians of interleaved pairs of runs (${cases.map((c) => c.pairs ?? PAIRS).join(', ')})\n`);
    const results: Result[] = [];
    for (const c of cases) {
      process.stderr.write(`running: ${c.name}\n`);
      results.push(runCase(c, scratch));
    }

    const machine = `${cpuModel()}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`;
    process.stdout.write(`machine: ${machine}\n\n${table(results)}\n\n`);
    process.stdout.write(`ratio: of the medians of wall time; CPU ratio: of the medians of user + system CPU time${hasGnuTime ? ' (GNU time)' : ' (not measured: no GNU time)'}\n`);
    process.stdout.write(`peak memory: ${hasGnuTime ? 'GNU time %M' : 'maxRSS reported by a preloaded script'} (one run each)\n`);
    for (const note of notes) process.stdout.write(`note: ${note}\n`);
    for (const r of results.filter((r) => r.skipped !== undefined)) process.stdout.write(`not run: ${r.name}: ${r.skipped!}\n`);
    return 0; // a benchmark reports; it does not fail a build on a slow or busy machine
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
