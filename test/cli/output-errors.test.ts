// What only a process shows (#25 "crashes and wrong codes"): stdout on a full disk, stdout closed by the shell,
// stderr on a full disk. Each ends with exit 2 and, where stderr can take it, one sentence; never a stack trace.
// Before: `> /dev/full` gave an uncaught ENOSPC with its stack and exit 1; `>&-` exited 0 with the output lost.

import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';

/** bin/cxm.js through sh, with the redirections given. */
function shell(args: string, redirect: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin/cxm.js')}" ${args} ${redirect}`], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const STACK = /\n\s+at |Unhandled|internal error/;

describe.runIf(existsSync('/dev/full'))('output the process cannot write', () => {
  // mutation caught: without main()'s watch of its own streams, the ENOSPC is uncaught (stack, exit 1)
  it.each([
    ['schema report', 'report'],
    ['report examples/quarters/2026-Q4.yaml', 'a report'],
    ['validate examples/quarters', 'findings'],
    ['form', 'a form'],
  ])('cxm %s > /dev/full: exit 2 and a sentence', async (args) => {
    const run = await shell(args, '> /dev/full');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('cxm: the output could not be written to standard output: the disk is full');
    expect(run.stderr).not.toMatch(STACK);
  });

  // mutation caught: without the check of a descriptor the shell closed, the report goes nowhere and cxm exits 0
  it('cxm report >&-: exit 2 and a sentence, not 0 with the output lost', async () => {
    const run = await shell('report examples/quarters/2026-Q4.yaml', '>&-');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('standard output is closed');
  });

  it('> /dev/null is no error', async () => {
    const run = await shell('schema report', '> /dev/null');
    expect(run.code, run.stderr).toBe(0);
  });

  // stderr full: nothing more can be said, but the exit code says it (before: the code of an uncaught error)
  it('cxm report -o FILE 2> /dev/full: exit 2, no crash', async () => {
    const out = join(tmpdir(), `cxm-stderr-full-${process.pid}.md`);
    const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin/cxm.js')}" report examples/quarters/2026-Q4.yaml -o "${out}" 2>/dev/full`], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    rmSync(out, { force: true });
    expect(code).toBe(2);
  });
});
