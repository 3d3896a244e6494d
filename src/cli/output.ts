// Writing data: to stdout, or atomically to -o FILE (an unwritable path is a usage error, exit 2).

import { writeFileAtomic } from '../io/atomic-write.js';
import { UsageError, type Context } from './context.js';

const ADVICE: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

export async function writeOutput(context: Context, output: string | undefined, text: string): Promise<void> {
  if (output === undefined) {
    context.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot write ${output}: ${ADVICE[code] ?? code ?? String(error)}; nothing was written`);
  }
  context.stderr.write(`Wrote ${output}\n`);
}
