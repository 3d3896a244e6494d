// `cxm validate` through main(), in process (what bin/cxm.js runs): exit codes, the three formats, data on
// stdout and messages on stderr, never a stack trace. (The exit codes of the real bin/cxm.js: test/cli/bin.test.ts.)

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';
import { cxmInProcess } from './in-process.js';

const FIX = 'test/fixtures/validate';
const VALID_MODEL = `${FIX}/valid/model`;

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** cxm ARGS… in process; relative paths are read from the clone, as the cases give them. */
async function cxm(args: readonly string[], cwd: string = ROOT): Promise<Run> {
  const { code, stdout, stderr } = await cxmInProcess(args, { cwd });
  return { exitCode: code, stdout, stderr };
}

type Expect = string | RegExp;

interface CliCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly exitCode: number;
  readonly stdout?: readonly Expect[];
  readonly stderr?: readonly Expect[];
  /** stdout must be empty. */
  readonly quiet?: boolean;
}

const CASES: readonly CliCase[] = [
  { name: 'a valid model and its answers', args: ['validate', VALID_MODEL, `${FIX}/valid/answers.yaml`], exitCode: 0, quiet: true, stderr: [/\b4 files\b/] },
  { name: 'findings', args: ['validate', `${FIX}/files/unknown-property.yaml`], exitCode: 1, stdout: [`${FIX}/files/unknown-property.yaml:11:5 error unknown-property `] },
  { name: 'findings in a model directory', args: ['validate', `${FIX}/models/level-unreachable`], exitCode: 1, stdout: [`${FIX}/models/level-unreachable/model.yaml:7:44 error level-unreachable `] },
  { name: 'answers against --model', args: ['validate', '--model', VALID_MODEL, `${FIX}/answers/unknown-option.yaml`], exitCode: 1, stdout: [`${FIX}/answers/unknown-option.yaml:6:27 error unknown-option `] },
  { name: 'a warning alone passes', args: ['validate', `${FIX}/files/question-without-help.yaml`], exitCode: 0, stdout: [`${FIX}/files/question-without-help.yaml:5:9 warning question-without-help `] },
  { name: 'a warning fails with --strict', args: ['validate', '--strict', `${FIX}/files/question-without-help.yaml`], exitCode: 1, stdout: [`${FIX}/files/question-without-help.yaml:5:9 warning question-without-help `] },
  { name: 'a missing path is an I/O error', args: ['validate', `${FIX}/no-such-file.yaml`], exitCode: 2, stdout: [`${FIX}/no-such-file.yaml:1:1 error file-not-found `] },
  { name: 'a missing path wins over findings', args: ['validate', `${FIX}/files/wrong-type.yaml`, 'no-such-dir'], exitCode: 2, stdout: ['no-such-dir:1:1 error file-not-found ', `${FIX}/files/wrong-type.yaml:10:10 error wrong-type `] },
  { name: 'an unknown flag', args: ['validate', '--bogus'], exitCode: 2, quiet: true, stderr: ["error: unknown option '--bogus'\n(run cxm validate --help for usage)\n"] },
  { name: 'an unknown command', args: ['frobnicate'], exitCode: 2, quiet: true, stderr: ["error: unknown command 'frobnicate'\n(run cxm --help for usage)\n"] },
  { name: 'an unknown format', args: ['validate', '-f', 'xml', VALID_MODEL], exitCode: 2, quiet: true, stderr: ['xml'] },
  { name: 'a hostile file is a finding', args: ['validate', `${FIX}/files/yaml-alias-bomb.yaml`, `${FIX}/files/yaml-too-deep.yaml`], exitCode: 1, stdout: [`${FIX}/files/yaml-alias-bomb.yaml:6:8 error yaml-alias-limit `, `${FIX}/files/yaml-too-deep.yaml:2:72 error yaml-too-deep `] },
  { name: 'not UTF-8', args: ['validate', `${FIX}/files/not-utf8.yaml`], exitCode: 1, stdout: [`${FIX}/files/not-utf8.yaml:3:13 error file-not-utf8 `] },
  { name: '--no-color before the command', args: ['--no-color', 'validate', VALID_MODEL], exitCode: 0, quiet: true },
];

describe('cxm validate: exit codes and streams', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.exitCode}`, async () => {
      const run = await cxm(c.args);
      expect(run.exitCode, run.stderr).toBe(c.exitCode);
      for (const e of c.stdout ?? []) expect(run.stdout).toMatch(typeof e === 'string' ? new RegExp(escapeRegExp(e)) : e);
      for (const e of c.stderr ?? []) expect(run.stderr).toMatch(typeof e === 'string' ? new RegExp(escapeRegExp(e)) : e);
      if (c.quiet) expect(run.stdout).toBe('');
      expectNoStackTrace(run);
    });
  }

  it('no argument: the built-in model is valid', async () => {
    const run = await cxm(['validate', '-f', 'json']);
    expect(run.exitCode, run.stdout).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; summary: { files: number; errors: number; warnings: number } };
    expect(report.findings).toEqual([]);
    // model.yaml and one questionnaire per element: strategy, understanding, design, measurement, governance, culture
    expect(report.summary.files).toBe(7);
    expectNoStackTrace(run);
  });

  it('an empty directory is a warning, not "no problems"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxm-empty-'));
    try {
      const run = await cxm(['validate', '-f', 'json', dir]);
      expect(run.exitCode).toBe(0);
      expect((JSON.parse(run.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(['no-files']);
      expect((await cxm(['validate', '--strict', dir])).exitCode).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cxm validate -f text', () => {
  it('file:line:col severity code message, then the source line and a caret under the column', async () => {
    const file = `${FIX}/files/unknown-property.yaml`;
    const run = await cxm(['validate', '-f', 'text', file]);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.split('\n');
    const i = lines.findIndex((l) => l.startsWith(`${file}:11:5 error unknown-property `));
    expect(i, run.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[i]).toMatch(/ error unknown-property \S.*weight/);
    const source = (await readFile(join(ROOT, file), 'utf8')).split('\n')[10]!;
    const shown = /^\s*11 \| (.*)$/.exec(lines[i + 1]!);
    expect(shown?.[1]).toBe(source);
    const caret = /^(\s* \| )(\s*)\^$/.exec(lines[i + 2]!);
    expect(caret, lines[i + 2]).not.toBeNull();
    expect(caret![1]!.length).toBe(lines[i + 1]!.indexOf('| ') + 2); // the caret line has the same gutter
    expect(caret![2]!.length).toBe(5 - 1);
    expect(run.stderr).toMatch(/\b1 error\b/);
  });

  it('a tab before the column stays a tab under it, so the caret lines up', async () => {
    const file = `${FIX}/cli/tab-before-value.yaml`;
    const run = await cxm(['validate', file]);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.split('\n');
    const i = lines.findIndex((l) => l.startsWith(`${file}:2:10 error invalid-id `));
    expect(i, run.stdout).toBeGreaterThanOrEqual(0);
    // "element:" is 8 characters, then the tab
    expect(lines[i + 2]).toMatch(new RegExp(`^\\s* \\| ${' '.repeat(8)}\t\\^$`));
  });

  it('two findings on one line in column order, whatever their codes', async () => {
    // Mutation caught: findings no longer ordered by column within a line (`a.column - b.column` dropped from
    // sortFindings, load/findings.ts): the tie would fall to the code, and invalid-id (column 21) sorts before
    // unknown-property (column 7).
    const file = `${FIX}/cli/two-findings-one-line.yaml`;
    const text = await cxm(['validate', file]);
    expect(text.exitCode).toBe(1);
    expect(text.stdout.split('\n').filter((l) => l.startsWith(`${file}:`)).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      `${file}:5:7 error unknown-property`,
      `${file}:5:21 error invalid-id`,
    ]);
    const json = await cxm(['validate', '-f', 'json', file]);
    const findings = (JSON.parse(json.stdout) as { findings: { line: number; column: number; code: string }[] }).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual(['5:7 unknown-property', '5:21 invalid-id']);
  });

  it('a finding in every file of a model: each with its own source line', async () => {
    const run = await cxm(['validate', `${FIX}/models/duplicate-question-id`]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${FIX}/models/duplicate-question-id/culture.yaml:11:9 error duplicate-question-id `);
    expect(run.stdout).toMatch(/^\s*11 \| {3}- id: strategy\.statement$/m);
    // the message says where the first one is
    expect(run.stdout).toContain(`${FIX}/models/duplicate-question-id/strategy.yaml:5:9`);
  });
});

describe('cxm validate -f json', () => {
  it('prints {findings, summary} on stdout, nothing else', async () => {
    const run = await cxm(['validate', '-f', 'json', `${FIX}/files/unknown-property.yaml`, `${FIX}/files/question-without-help.yaml`]);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { file: string; line: number; column: number; severity: string; code: string; message: string; pointer: string }[];
      summary: { files: number; errors: number; warnings: number };
    };
    expect(Object.keys(report).sort()).toEqual(['findings', 'summary']);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, passedOver: 0 });
    expect(report.findings).toHaveLength(2);
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'pointer', 'severity']);
    expect(report.findings.map((f) => [f.file, f.line, f.column, f.severity, f.code, f.pointer])).toEqual(
      expect.arrayContaining([
        [`${FIX}/files/unknown-property.yaml`, 11, 5, 'error', 'unknown-property', '/questions/0/wieght'],
        [`${FIX}/files/question-without-help.yaml`, 5, 9, 'warning', 'question-without-help', '/questions/0/id'],
      ]),
    );
    expectNoStackTrace(run);
  });

  it('a valid model: no findings, exit 0', async () => {
    const run = await cxm(['validate', '--format', 'json', VALID_MODEL]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ findings: [], summary: { files: 3, errors: 0, warnings: 0, passedOver: 0 } });
  });

  it('a missing path: still JSON, exit 2', async () => {
    const run = await cxm(['validate', '-f', 'json', 'no-such-file.yaml']);
    expect(run.exitCode).toBe(2);
    const report = JSON.parse(run.stdout) as { findings: { code: string; file: string }[] };
    expect(report.findings).toEqual([expect.objectContaining({ code: 'file-not-found', file: 'no-such-file.yaml' })]);
  });
});

describe('cxm validate -f github', () => {
  it('workflow commands with escaped properties and message, then a plain summary line', async () => {
    const file = `${FIX}/cli/odd, name.yaml`;
    const run = await cxm(['validate', '-f', 'github', file, `${FIX}/files/question-without-help.yaml`]);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const escapedFile = `${FIX}/cli/odd%2C name.yaml`;
    const error = lines.find((l) => l.startsWith('::error '));
    expect(error).toBeDefined();
    // property values escape % \r \n : and ,
    expect(error).toMatch(new RegExp(`^::error file=${escapeRegExp(escapedFile)},line=4,col=1,title=[^,]*unknown-property[^,]*::`));
    expect(error!.split('::')[1]).not.toMatch(/[^=]:|,(?!line=|col=|title=)/);
    // the data escapes % \r \n: the key written as "100%\r\nsure" arrives as 100%25%0D%0Asure
    expect(error).toContain('100%25%0D%0Asure');
    expect(error).not.toMatch(/\r/);
    const warning = lines.find((l) => l.startsWith('::warning '));
    expect(warning).toMatch(new RegExp(`^::warning file=${escapeRegExp(FIX)}/files/question-without-help\\.yaml,line=5,col=9,title=[^,]*question-without-help[^,]*::`));
    // one line per finding, then the summary
    expect(lines).toHaveLength(3);
    expect(lines[2]).not.toMatch(/^::/);
    expect(lines[2]).toMatch(/\b1 error\b.*\b1 warning\b/);
    expectNoStackTrace(run);
  });

  it('a valid model: just the summary, exit 0', async () => {
    const run = await cxm(['validate', '-f', 'github', VALID_MODEL]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).not.toMatch(/^::/m);
  });
});

describe('cxm validate from another directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxm-cwd-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('paths stay as the user wrote them (relative to the working directory)', async () => {
    const run = await cxm(['validate', join(ROOT, FIX, 'files/wrong-type.yaml')], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${join(ROOT, FIX, 'files/wrong-type.yaml')}:10:10 error wrong-type `);
  });
});

function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/\n\s+at .*:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/internal error/);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
