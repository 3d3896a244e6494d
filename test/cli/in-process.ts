// The CLI's entry point in this process: what bin/cxm.js runs, with captured streams and no colour, without
// starting Node for every case. Paths in `args` should be absolute (the context's cwd only shapes how paths
// are shown); spawn bin/cxm.js only for what a real process shows (exit codes end to end, signals, a terminal).

import { main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cxmInProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: { NO_COLOR: '1', ...options.env },
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
  return { code, stdout, stderr };
}
