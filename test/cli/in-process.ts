// The CLI's entry point in this process: what bin/cxm.js runs, with captured streams and no colour, without
// starting Node for every case. It runs in `cwd` as a user's shell would (the process's directory is changed
// for the run, one run at a time), so relative paths are read and shown as a user sees them. Spawn
// bin/cxm.js (test/report/cxm.ts cxmProcess) only for what a real process shows: exit codes end to end,
// signals, a terminal, the installed package.

import { main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run and its CPU time (user + system, ms) in this process: a bound on work that a busy machine does not inflate. */
export interface TimedRun extends Run {
  readonly cpuMs: number;
}

/** The runs in flight, one after another: the working directory is the process's, shared by every run. */
let queue: Promise<unknown> = Promise.resolve();

export async function cxmInProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const { code, stdout, stderr } = await cxmInProcessTimed(args, options);
  return { code, stdout, stderr };
}

/** cxmInProcess, with the CPU time of the run. */
export function cxmInProcessTimed(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TimedRun> {
  const run = queue.then(() => runIn(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runIn(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<TimedRun> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  const cpu = process.cpuUsage();
  try {
    const code = await main(args, {
      // never a terminal: the worker's own stdin is not the test's to give
      stdin: { isTTY: false },
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      env: { NO_COLOR: '1', ...options.env },
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
    const used = process.cpuUsage(cpu);
    return { code, stdout, stderr, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    process.chdir(before);
  }
}
