// The corpus of broken and hostile files (test/fixtures/hostile/files/, plus a file over the size cap made here)
// and what every command must answer for each: exit 1 (bad input) or 2 (not a file at all), a short message
// naming the file with a line and column and saying what to change, no stack trace, no control character,
// no output file. Run in process by corpus.test.ts and through the real bin/cxm.js by corpus-bin.test.ts.

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { noControls } from './checks.js';
import { within } from '../deadlines.js';

export const H = 'test/fixtures/hostile/files';
const VALID = 'examples/quarters/2026-Q4.yaml';

export interface Case {
  readonly file: string;
  readonly exit: 1 | 2;
  /** The finding's code, and words of the message that say what to change. */
  readonly code: string;
  readonly advice: RegExp;
  /** line:column of the finding. */
  readonly at: string;
  /** Where validate judges differently (it takes directories): its exit, severity, code and advice. */
  readonly validate?: { readonly exit: 0 | 1; readonly severity: 'warning'; readonly code: string; readonly advice: RegExp };
}

export type Command = 'validate' | 'report' | 'score' | 'compare';

export interface Corpus {
  readonly cases: readonly Case[];
  /** Each command with its arguments for a file; report and compare write into the corpus's directory. */
  readonly commands: readonly (readonly [Command, (file: string) => string[]])[];
  /** Checks one run of a command on a case: exit code, the finding, the advice, nothing raw, nothing written. */
  readonly check: (c: Case, command: Command, run: Promise<Run>) => Promise<void>;
}

/**
 * The corpus for one test file: a directory of its own holding the file over the cap (made before the tests),
 * and checked after them to hold nothing else (no command wrote anything).
 */
export function hostileCorpus(): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-corpus-'));
  const big = join(dir, 'over-the-cap.yaml');
  beforeAll(() => {
    // valid-looking YAML, one byte over the 16 MiB cap
    const head = 'kind: answers\nmodel: { id: cx-maturity, version: 1.0.0 }\nperiod: 2026-Q4\nrespondents: []\n# ';
    writeFileSync(big, head + 'x'.repeat(16 * 1024 * 1024 + 1 - head.length));
  });
  afterAll(() => {
    expect(readdirSync(dir).sort()).toEqual(['over-the-cap.yaml']); // nothing written beside the inputs
    rmSync(dir, { recursive: true, force: true });
  });
  const commands = [
    ['validate', (file: string) => ['validate', file]],
    ['report', (file: string) => ['report', file, '-o', join(dir, 'report.md')]],
    ['score', (file: string) => ['score', file]],
    ['compare', (file: string) => ['compare', file, VALID, '-o', join(dir, 'comparison.md')]],
  ] as const;
  return { cases: cases(dir, big), commands, check: (c, command, run) => check(dir, c, command, run) };
}

function cases(dir: string, big: string): Case[] {
  return [
  { file: `${H}/empty.yaml`, exit: 1, code: 'missing-kind', advice: /holds no data \(it is empty, or only comments\): it must be a mapping that starts with kind/, at: '1:1' },
  { file: `${H}/random-bytes.yaml`, exit: 1, code: 'file-not-utf8', advice: /save the file as UTF-8/, at: '1:2' },
  { file: `${H}/nul-bytes.yaml`, exit: 1, code: 'file-not-utf8', advice: /NUL byte.*name a YAML file/, at: '3:19' },
  { file: `${H}/latin1.yaml`, exit: 1, code: 'file-not-utf8', advice: /0xE9.*save the file as UTF-8/, at: '3:18' },
  { file: `${H}/top-level-list.yaml`, exit: 1, code: 'missing-kind', advice: /must be a mapping.*not a list/, at: '1:1' },
  { file: `${H}/top-level-scalar.yaml`, exit: 1, code: 'missing-kind', advice: /must be a mapping.*not a single value/, at: '1:1' },
  { file: `${H}/deep-brackets.yaml`, exit: 1, code: 'yaml-too-deep', advice: /flatten it/, at: '2:78' },
  { file: `${H}/alias-bomb.yaml`, exit: 1, code: 'yaml-alias-limit', advice: /write the values out, or use fewer aliases/, at: '7:45' },
  { file: `${H}/proto-keys.yaml`, exit: 1, code: 'unknown-property', advice: /unknown property "__proto__": allowed here/, at: '5:1' },
  { file: `${H}/kind-not-text.yaml`, exit: 1, code: 'missing-kind', advice: /kind must be (one of model, questionnaire, answers|"answers"), not 5$/m, at: '1:7' },
  { file: `${H}/kind-typo.yaml`, exit: 1, code: 'unknown-kind', advice: /unknown kind "answer": did you mean "answers"\?/, at: '1:7' },
  { file: `${H}/unknown-tag.yaml`, exit: 1, code: 'yaml-unknown-tag', advice: /remove the tag/, at: '3:15' },
  { file: `${H}/several-documents.yaml`, exit: 1, code: 'yaml-multiple-documents', advice: /keep one document per file/, at: '6:1' },
  {
    file: `${H}/a-directory.yaml`, exit: 2, code: 'file-unreadable', advice: /directory, not a file/, at: '1:1',
    // validate searches directories: one without a file of a known kind is a warning (an error with --strict)
    validate: { exit: 0, severity: 'warning', code: 'no-files', advice: /no model, questionnaire or answers file here.*check the path/ },
  },
  { file: join(dir, 'missing.yaml'), exit: 2, code: 'file-not-found', advice: /check the path/, at: '1:1' },
  { file: big, exit: 1, code: 'file-too-large', advice: /over the limit of 16777216 bytes.*split it/, at: '1:1' },
  ];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** CPU time of an in-process run (test/cli/in-process.ts). */
  readonly cpuMs?: number;
}

async function check(dir: string, c: Case, command: Command, run: Promise<Run>): Promise<void> {
  // no hang: the run ends (a deadline for a busy machine, test/deadlines.ts), and in process it takes little CPU
  const { code, stdout, stderr, cpuMs } = await within(run, `cxm ${command} to end on ${c.file}`);
  const output = command === 'validate' ? stdout + stderr : stderr;
  const expected = command === 'validate' && c.validate ? c.validate : { ...c, severity: 'error' };
  expect(code, `${c.file}\n${output}`).toBe(expected.exit);
  expect(output).toMatch(new RegExp(`^${escape(c.file)}:${c.at} ${expected.severity} ${expected.code} `, 'm'));
  expect(output).toMatch(expected.advice);
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|node:internal|TypeError|ReferenceError|RangeError|internal error/);
  expect(output.length).toBeLessThan(2000); // short: the finding, the source line, a summary
  noControls(output);
  if (command !== 'validate') expect(stdout).toBe('');
  expect(existsSync(join(dir, 'report.md')) || existsSync(join(dir, 'comparison.md'))).toBe(false);
  if (cpuMs !== undefined) expect(cpuMs, 'CPU time (ms)').toBeLessThan(5_000); // a finding takes milliseconds
}

