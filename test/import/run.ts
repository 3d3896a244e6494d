// main() as bin/cxm.js calls it, with its output captured: the import and form tests run in process.

import { cxmInProcess, type Run } from '../cli/in-process.js';

export type { Run };

export function cxm(cwd: string, ...args: string[]): Promise<Run> {
  return cxmInProcess(args, { cwd });
}
