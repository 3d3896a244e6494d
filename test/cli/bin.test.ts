// What only a process shows: the exit code bin/cxm.js leaves, and a pipe its reader closes early. (Hostile
// files through bin/cxm.js: test/hostile/corpus-bin.test.ts; the installed package: test/package.)

import { describe, expect, it } from 'vitest';
import { cxmProcess, ended, spawnCxm } from '../report/cxm.js';

const FIX = 'test/fixtures/validate';

// Mutation caught: bin/cxm.js ignoring main()'s return value (exit 0 always) fails the first two.
describe('the exit code of bin/cxm.js', () => {
  for (const { name, args, exitCode } of [
    { name: 'findings', args: ['validate', `${FIX}/files/unknown-property.yaml`], exitCode: 1 },
    { name: 'an unknown flag', args: ['validate', '--bogus'], exitCode: 2 },
    { name: 'a valid model', args: ['validate', `${FIX}/valid/model`], exitCode: 0 },
  ]) {
    it(`${name}: exit ${exitCode}`, async () => {
      const run = await cxmProcess(args);
      expect(run.code, run.stderr).toBe(exitCode);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    });
  }
});

// `cxm … | head`: the reader closes the pipe before cxm has written everything. cxm stops writing without
// a stack trace. Mutation caught: without main()'s 'error' listener on stdout, Node prints "Unhandled
// 'error' event … EPIPE" on stderr (seen in most runs of `cxm help | head -1` before the fix).

/** Runs bin/cxm.js with the reading end of its stdout closed before it writes; resolves with what it wrote on stderr. */
function closedEarly(args: readonly string[]): Promise<{ stderr: string; code: number }> {
  const child = spawnCxm(args);
  child.stdout!.destroy();
  return ended(child);
}

describe('a pipe closed by its reader', () => {
  it('ends cxm without a stack trace', async () => {
    for (const args of [['schema', 'report'], ['validate', 'examples/quarters']]) {
      const { stderr } = await closedEarly(args);
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    }
  });
});
