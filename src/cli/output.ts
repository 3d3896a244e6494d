// Writing data: to stdout, or atomically to -o FILE (an unwritable path is a usage error, exit 2).

import { writeFileAtomic } from '../io/atomic-write.js';
import { UsageError, type Context } from './context.js';

const ADVICE: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file of that name is in the way',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** What an I/O error code means, in words (the code itself when it is a rare one). */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return ADVICE[code] ?? (code || String(error));
}

/** What to do about an I/O error when writing the output. */
const REMEDY: Record<string, string> = {
  ENOENT: 'create the directory first, or choose another path',
  EACCES: 'choose a directory you can write to',
  EPERM: 'choose a directory you can write to',
  EISDIR: 'name a file in it, not the directory itself',
  ENOTDIR: 'check the path: every part but the last must be a directory',
  EEXIST: 'remove it, or choose another path',
  EROFS: 'choose a path on a writable disk',
  ENOSPC: 'free some space and run again',
};

/** What to do about an I/O error when writing a file, if there is advice for it. */
export function ioRemedy(error: unknown): string | undefined {
  return REMEDY[(error as NodeJS.ErrnoException).code ?? ''];
}

export async function writeOutput(context: Context, output: string | undefined, text: string): Promise<void> {
  if (output === undefined) {
    context.stdout.write(text);
    return;
  }
  if (output.trim() === '') throw new UsageError('-o needs the name of a file to write; nothing was written');
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    const remedy = REMEDY[(error as NodeJS.ErrnoException).code ?? ''];
    throw new UsageError(`cannot write ${output}: ${ioReason(error)}; nothing was written${remedy ? ` (${remedy})` : ''}`);
  }
  context.stderr.write(`Wrote ${output}\n`);
}
