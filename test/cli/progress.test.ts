// The progress line (src/cli/progress.ts, issue #30): on a terminal only, after two seconds, redrawn in place and
// cleared at the end; nothing at all in a pipe, a file or CI, so no output there changes.

import { describe, expect, it } from 'vitest';
import { PROGRESS_DELAY_MS, startProgress } from '../../src/cli/progress.js';
import { main } from '../../src/cli/main.js';
import { cxmInProcess } from './in-process.js';

function fakeStderr(isTTY: boolean): { write(s: string): boolean; isTTY: boolean; columns: number; text: () => string } {
  let written = '';
  return { isTTY, columns: 60, write: (s: string) => ((written += s), true), text: () => written };
}

/** Runs a step of ten items, one every 500 ms of a fake clock, and returns what stderr received. */
function run(isTTY: boolean, env: Record<string, string | undefined> = {}): string {
  let clock = 0;
  const stderr = fakeStderr(isTTY);
  const progress = startProgress({ stderr, env }, { now: () => clock });
  progress.step('checking files', { total: 10 });
  for (let i = 1; i <= 10; i++) {
    clock += 500;
    progress.tick(i);
  }
  progress.done();
  return stderr.text();
}

describe('progress on stderr', () => {
  // mutation: startProgress without the isTTY check (progressAllowed returning true) writes here
  it('writes nothing when stderr is not a terminal', () => {
    expect(run(false)).toBe('');
  });

  // mutation: the CI test removed from progressAllowed
  it('writes nothing in CI or on a dumb terminal, even on a terminal', () => {
    expect(run(true, { CI: 'true' })).toBe('');
    expect(run(true, { TERM: 'dumb' })).toBe('');
  });

  // mutation: drawing before PROGRESS_DELAY_MS (the delay test dropped from tick) shows "1 of 10" here
  it('on a terminal: nothing in the first two seconds, then the step and its count, redrawn in place and cleared', () => {
    const text = run(true);
    expect(PROGRESS_DELAY_MS).toBe(2000);
    expect(text).not.toContain(' 1 of 10');
    expect(text).not.toContain(' 3 of 10');
    expect(text).toContain('\rcxm: checking files 4 of 10…\x1b[K');
    expect(text).toContain('\rcxm: checking files 10 of 10…\x1b[K');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(text).not.toContain('\n');
  });

  // mutation: a step announced as large waiting for the delay like any other
  it('a large step shows at once, and a line longer than the terminal is cut, never wrapped', () => {
    const stderr = fakeStderr(true);
    const progress = startProgress({ stderr, env: {} }, { now: () => 0 });
    progress.step(`reading ${'a-very-long-file-name/'.repeat(5)}answers.yaml (31 MiB)`, { large: true });
    const line = stderr.text();
    expect(line.startsWith('\rcxm: reading a-very-long')).toBe(true);
    expect(line.replace(/^\r|\x1b\[K$/g, '').length).toBeLessThanOrEqual(59);
    progress.done();
    expect(stderr.text().endsWith('\r\x1b[K')).toBe(true);
  });

  // through main, with a terminal on stderr: a quick run prints exactly what it prints in a pipe (mutation: a
  // progress line drawn before the delay, or not cleared, shows here)
  it('a quick cxm validate on a terminal prints what it prints in a pipe', async () => {
    const piped = await cxmInProcess(['validate']);
    const stderr = fakeStderr(true);
    let stdout = '';
    const code = await main(['validate'], { stdin: { isTTY: false }, stdout: { write: (s: string) => ((stdout += s), true) }, stderr, env: { NO_COLOR: '1' } });
    expect(code).toBe(piped.code);
    expect(stdout).toBe(piped.stdout);
    expect(stderr.text()).toBe(piped.stderr);
  });
});
