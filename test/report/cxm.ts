// Runs cxm as the tests need it: `cxm` in this process through main() (what bin/cxm.js runs, without
// starting Node for every case), `cxmProcess` as a real process, for what only a process shows.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AJV_OPTIONS } from '../../src/load/schema/validators.js';
import { cxmInProcess, type Run } from '../cli/in-process.js';

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

let reportSchema: ValidateFunction | undefined;

/** The report JSON Schema from the source tree, compiled with ajv (independently of the precompiled validators). */
export function validateReport(report: unknown): string | undefined {
  if (!reportSchema) {
    const ajv = new Ajv2020({ ...AJV_OPTIONS });
    reportSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'src/schemas/report.schema.json'), 'utf8')) as object);
  }
  return reportSchema(report) ? undefined : JSON.stringify(reportSchema.errors);
}
