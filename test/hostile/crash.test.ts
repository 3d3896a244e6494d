// Crash safety of the files cxm writes with -o: `cxm report -o` and `cxm compare -o`, killed with
// SIGKILL at random moments, leave the output file either as it was or complete, never half-written,
// and no temporary file that a later run would trip over. (test/session/crash.test.ts does the same
// for the answers file of `cxm assess`.)

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxm, ROOT } from '../report/cxm.js';

const KILLS = 8;
const OLD = 'the report of last quarter, complete\n';
let dir: string;

/** An answers file of `count` respondents, made from the example team's answers. */
function bigAnswers(file: string, count: number, period: string): void {
  const example = parse(readFileSync(join(ROOT, 'examples/acme-2026-q4.yaml'), 'utf8')) as { respondents: { name: string }[] } & Record<string, unknown>;
  const respondents = Array.from({ length: count }, (_, i) => ({ ...example.respondents[i % example.respondents.length]!, name: `Respondent ${i + 1}` }));
  writeFileSync(file, stringify({ ...example, period, respondents }, { aliasDuplicateObjects: false }));
}

/** Runs cxm, kills it with SIGKILL after `ms` milliseconds (if still running); resolves when it is gone. */
function runAndKill(args: readonly string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxm-crash-'));
  bigAnswers(join(dir, 'q3.yaml'), 200, '2026-Q3');
  bigAnswers(join(dir, 'q4.yaml'), 200, '2026-Q4');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['report', (out: string) => ['report', join(dir, 'q4.yaml'), '-o', out]],
  ['compare', (out: string) => ['compare', join(dir, 'q3.yaml'), join(dir, 'q4.yaml'), '-f', 'markdown', '-o', out]],
])('cxm %s -o, killed with SIGKILL', (_command, args) => {
  it(`leaves the old file or the complete new one, at ${KILLS} random moments`, async () => {
    const outDir = mkdtempSync(join(dir, 'out-'));
    const out = join(outDir, 'out.md');
    // the complete output, and how long a run takes
    const started = performance.now();
    const full = await cxm(args(out));
    const runtime = performance.now() - started;
    expect(full.code, full.stderr).toBe(0);
    const complete = readFileSync(out, 'utf8');
    expect(complete.length).toBeGreaterThan(1000);

    const seen = { old: 0, complete: 0 };
    for (let i = 0; i < KILLS; i++) {
      writeFileSync(out, OLD);
      // spread over the whole run, half of them over its last part (where the file is written)
      const at = i % 2 === 0 ? Math.random() * runtime : runtime * (0.6 + Math.random() * 0.5);
      await runAndKill(args(out), at);
      const now = readFileSync(out, 'utf8');
      expect(now === OLD || now === complete, `killed run ${i}: ${now.length} characters, neither the old file nor the complete one`).toBe(true);
      seen[now === OLD ? 'old' : 'complete']++;
      // a temporary file from the killed run may remain (SIGKILL runs no cleanup), but only under a name
      // no command reads, and the next run still writes the complete file
      for (const name of readdirSync(outDir)) expect(name === 'out.md' || /^\.out\.md\.[\w.-]+\.tmp$/.test(name), name).toBe(true);
    }
    const again = await cxm(args(out));
    expect(again.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(complete);
    expect(seen.old + seen.complete).toBe(KILLS);
  });
});
