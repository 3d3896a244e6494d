// Runs a child under freeze-on-write.mjs: it stops dead after writing half of the first file it writes
// inside `dir`; the child is then killed with SIGKILL. Used by the crash tests to kill a writer at the one
// moment where a plain, non-atomic write is caught: between writing and renaming.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FREEZE = fileURLToPath(new URL('./freeze-on-write.mjs', import.meta.url));

export interface FrozenRun {
  /** The file the child was writing when it froze; undefined when it finished without writing in `dir`. */
  readonly frozenAt: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns `node --import freeze-on-write.mjs script args…`, kills it once frozen (or lets it finish); the first `skipWrites` writes in `dir` go through. */
export function runUntilFrozen(script: string, args: readonly string[], dir: string, cwd: string, skipWrites = 0): Promise<FrozenRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', FREEZE, script, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CXM_FREEZE_DIR: dir, CXM_FREEZE_SKIP: String(skipWrites) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let frozenAt: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /^frozen (.+)$/m.exec(stderr);
      if (match && frozenAt === undefined) {
        frozenAt = match[1];
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ frozenAt, stdout, stderr }));
  });
}
