// `cxm … | head`: the reader closes the pipe before cxm has written everything. cxm stops writing without
// a stack trace. Mutation caught: without main()'s 'error' listener on stdout, Node prints "Unhandled
// 'error' event … EPIPE" on stderr (seen in most runs of `cxm help | head -1` before the fix).

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';

/** Runs bin/cxm.js with the reading end of its stdout closed before it writes; resolves with what it wrote on stderr. */
function closedEarly(args: readonly string[]): Promise<{ stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stdout.destroy();
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stderr, code }));
  });
}

describe('a pipe closed by its reader', () => {
  it('ends cxm without a stack trace', async () => {
    for (const args of [['schema', 'report'], ['validate', 'examples/quarters']]) {
      const { stderr } = await closedEarly(args);
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    }
  });
});
