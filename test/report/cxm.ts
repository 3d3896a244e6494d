// Runs cxm as the tests need it: `cxm` in this process through main() (what bin/cxm.js runs, without
// starting Node for every case), `cxmProcess` as a real process, for what only a process shows, and
// `spawnCxm` for a test that needs the process itself (to kill it, close its output, keep its input open).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cxmInProcess, type Run } from '../cli/in-process.js';

export type { Run };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** cxm ARGS… in this process, with paths read relative to the clone (as the tests give them) and no colour. */
export async function cxm(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return cxmInProcess(args, { cwd: ROOT, ...(options.env ? { env: options.env } : {}) });
}

/** The real bin/cxm.js in a process of its own, as a user runs it: exit code, stdout and stderr, no colour. */
export function cxmProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return ended(spawnCxm(args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** bin/cxm.js started in a process of its own, in the clone unless `cwd`, without colour; stdio pipes unless said. */
export function spawnCxm(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: options.stdio ?? 'pipe',
  });
}

/** What a child wrote on stdout and stderr (when they are pipes), and its exit code, once it has ended. */
export function ended(child: ChildProcess): Promise<Run> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // a signal (a kill) has no exit code: -1
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
