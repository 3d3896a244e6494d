// Runs cxm as the tests need it: `cxm` in this process through main() (what bin/cxm.js runs, without
// starting Node for every case), `cxmProcess` as a real process, for what only a process shows.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cxmInProcess, type Run } from '../cli/in-process.js';
import { schemaErrors } from '../schemas.js';

export type { Run };

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** cxm ARGS… in this process, with paths read relative to the clone (as the tests give them) and no colour. */
export async function cxm(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return cxmInProcess(args, { cwd: ROOT, ...(options.env ? { env: options.env } : {}) });
}

/** The real bin/cxm.js in a process of its own, as a user runs it: exit code, stdout and stderr, no colour. */
export async function cxmProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: unknown; stdout: string; stderr: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** ajv's errors for a report that src/schemas/report.schema.json rejects, as JSON; undefined when it accepts it. */
export function validateReport(report: unknown): string | undefined {
  return schemaErrors('report', report);
}
