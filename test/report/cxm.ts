// Runs the real bin/cxm.js, as a user would: exit code, stdout and stderr, no colour.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AJV_OPTIONS } from '../../src/load/validators.js';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cxm(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
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
