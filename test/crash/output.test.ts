// Crash safety of the files cxm writes with -o: `cxm report -o` and `cxm compare -o`, killed with
// SIGKILL, leave the output file either as it was or complete, never half-written, and no temporary
// file that a later run would trip over. Each command is killed once at the worst moment — frozen by
// freeze-on-write.mjs right after it wrote half of its first file in the output's directory, before any
// rename — and a few times at random moments. (test/session/crash.test.ts does the same for `cxm assess`.)
//
// Mutation caught: writeFileAtomic replaced by a plain `writeFile(target, data)` (or any in-place write)
// leaves half a report in out.md at the frozen kill, and the test fails (seen red on 2026-11-30).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxmProcess as cxm, ended, ROOT, spawnCxm } from '../report/cxm.js';
import { repeats } from '../fuzz-runs.js';
import { runUntilFrozen } from './freeze.js';

// 2 random kills at full strength (CI), 1 in `npm test` (test/fuzz-runs.ts); the frozen kill is always made
const RANDOM_KILLS = repeats(2, 1);
const OLD = 'the report of last quarter, complete\n';
let dir: string;

/** An answers file of `count` respondents, made from the example team's answers. */
function bigAnswers(file: string, count: number, period: string): void {
  const example = parse(readFileSync(join(ROOT, 'examples/quarters/2026-Q4.yaml'), 'utf8')) as { respondents: { name: string }[] } & Record<string, unknown>;
  const respondents = Array.from({ length: count }, (_, i) => ({ ...example.respondents[i % example.respondents.length]!, name: `Respondent ${i + 1}` }));
  writeFileSync(file, stringify({ ...example, period, respondents }, { aliasDuplicateObjects: false }));
}

/** Runs cxm and kills it with SIGKILL after `ms` milliseconds; resolves when the process is gone. */
async function runAndKill(args: readonly string[], ms: number): Promise<void> {
  const child = spawnCxm(args, { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await ended(child);
  clearTimeout(timer);
}

/** A temporary file from a killed run may remain (SIGKILL runs no cleanup), but only under a name no command reads. */
function expectOnlyHiddenTemps(outDir: string): void {
  for (const name of readdirSync(outDir)) expect(name === 'out.md' || /^\.out\.md\.\d+\.[0-9a-f]+\.tmp$/.test(name), name).toBe(true);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxm-crash-'));
  bigAnswers(join(dir, 'q3.yaml'), 20, '2026-Q3');
  bigAnswers(join(dir, 'q4.yaml'), 20, '2026-Q4');
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

    // the worst moment: half of the first file written in the directory, before any rename
    writeFileSync(out, OLD);
    const frozen = await runUntilFrozen(join(ROOT, 'bin/cxm.js'), args(out), outDir, ROOT);
    expect(frozen.frozenAt, `the run never wrote in ${outDir}: ${frozen.stderr}`).toBeDefined();
    expect(readFileSync(out, 'utf8'), 'killed half-way through writing, the output must still be the old file').toBe(OLD);
    expectOnlyHiddenTemps(outDir);

    // random moments: the old file or the complete new one, never anything else
    const moments = Array.from({ length: RANDOM_KILLS }, (_, i) => (i % 2 === 0 ? Math.random() : 0.6 + Math.random() * 0.5) * runtime);
    for (const [i, at] of moments.entries()) {
      writeFileSync(out, OLD);
      await runAndKill(args(out), at);
      const now = readFileSync(out, 'utf8');
      expect(now === OLD || now === complete, `killed run ${i} at ${Math.round(at)} ms: ${now.length} characters, neither the old file nor the complete one`).toBe(true);
      expectOnlyHiddenTemps(outDir);
    }
    const again = await cxm(args(out));
    expect(again.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  });
});
