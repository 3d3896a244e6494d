// Crash safety of the files cxm writes with -o: `cxm report -o` and `cxm compare -o`, killed with
// SIGKILL, leave the output file either as it was or complete, never half-written, and no temporary
// file that a later run would trip over. Each run is killed once at the first sign of writing in the
// output's directory (the moment a direct write would leave half a file) and a few times at random
// moments. (test/session/crash.test.ts does the same for the answers file of `cxm assess`.)

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxm, ROOT } from '../report/cxm.js';

const RANDOM_KILLS = 2;
const OLD = 'the report of last quarter, complete\n';
let dir: string;

/** An answers file of `count` respondents, made from the example team's answers. */
function bigAnswers(file: string, count: number, period: string): void {
  const example = parse(readFileSync(join(ROOT, 'examples/acme-2026-q4.yaml'), 'utf8')) as { respondents: { name: string }[] } & Record<string, unknown>;
  const respondents = Array.from({ length: count }, (_, i) => ({ ...example.respondents[i % example.respondents.length]!, name: `Respondent ${i + 1}` }));
  writeFileSync(file, stringify({ ...example, period, respondents }, { aliasDuplicateObjects: false }));
}

/**
 * Runs cxm and kills it with SIGKILL after `ms` milliseconds, or (ms undefined) as soon as anything changes in
 * `watched`; resolves when the process is gone, with whether it was killed before it finished.
 */
function runAndKill(args: readonly string[], ms: number | undefined, watched: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], { stdio: 'ignore' });
    const kill = (): boolean => child.kill('SIGKILL');
    const watcher = ms === undefined ? watch(watched, kill) : undefined;
    const timer = ms === undefined ? undefined : setTimeout(kill, ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve(signal === 'SIGKILL');
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxm-crash-'));
  bigAnswers(join(dir, 'q3.yaml'), 200, '2026-Q3');
  bigAnswers(join(dir, 'q4.yaml'), 200, '2026-Q4');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('killed with SIGKILL', () => {
  it.each([
    ['report', (out: string) => ['report', join(dir, 'q4.yaml'), '-o', out]],
    ['compare', (out: string) => ['compare', join(dir, 'q3.yaml'), join(dir, 'q4.yaml'), '-f', 'markdown', '-o', out]],
  ])('cxm %s -o leaves the old file or the complete new one', async (_command, args) => {
    const outDir = mkdtempSync(join(dir, 'out-'));
    const out = join(outDir, 'out.md');
    // the complete output, and how long a run takes
    const started = performance.now();
    const full = await cxm(args(out));
    const runtime = performance.now() - started;
    expect(full.code, full.stderr).toBe(0);
    const complete = readFileSync(out, 'utf8');
    expect(complete.length).toBeGreaterThan(1000);

    const seen = { old: 0, complete: 0, killedWriting: 0 };
    // first at the first change in the directory, then at random moments, half of them in the last part of the run
    const moments = [undefined, ...Array.from({ length: RANDOM_KILLS }, (_, i) => (i % 2 === 0 ? Math.random() : 0.6 + Math.random() * 0.5) * runtime)];
    for (const [i, at] of moments.entries()) {
      writeFileSync(out, OLD);
      let killed = await runAndKill(args(out), at, outDir);
      // on a loaded machine the kill may land after the run has finished: then try again, from the old file
      for (let retry = 0; at === undefined && !killed && retry < 3; retry++) {
        writeFileSync(out, OLD);
        killed = await runAndKill(args(out), at, outDir);
      }
      if (at === undefined && killed) seen.killedWriting++;
      const now = readFileSync(out, 'utf8');
      expect(now === OLD || now === complete, `killed run ${i}: ${now.length} characters, neither the old file nor the complete one`).toBe(true);
      seen[now === OLD ? 'old' : 'complete']++;
      // a temporary file from the killed run may remain (SIGKILL runs no cleanup), but only under a name
      // no command reads, and the next run still writes the complete file
      for (const name of readdirSync(outDir)) expect(name === 'out.md' || /^\.out\.md\.\d+\.[0-9a-f]+\.tmp$/.test(name), name).toBe(true);
    }
    expect(seen.killedWriting).toBe(1); // the run was killed while it wrote, not after it had finished
    const again = await cxm(args(out));
    expect(again.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  });
});
