// Writing data: to stdout, or atomically to -o FILE (an unwritable path is a usage error, exit 2).

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { singleLine } from '../text/sanitize.js';
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

/**
 * The input that `-o` names, by path, by link or by inode (a hard link), or undefined: writing there would replace
 * what the command reads (a report over its answers file, an import over its CSV). `-o -` is stdout, never an input.
 */
export async function inputAtOutput(cwd: string, output: string | undefined, inputs: readonly string[]): Promise<string | undefined> {
  if (output === undefined || output === '-' || output.trim() === '') return undefined;
  const target = resolve(cwd, output);
  const targetStat = await stat(target).catch(() => undefined);
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (path === target) return input;
    if (targetStat === undefined || !targetStat.isFile()) continue;
    const inputStat = await stat(path).catch(() => undefined);
    if (inputStat !== undefined && inputStat.dev === targetStat.dev && inputStat.ino === targetStat.ino) return input;
  }
  return undefined;
}

/** Refuses, before any work, an `-o` that resolves to one of the command's inputs (exit 2; nothing is written). */
export async function refuseOutputOverInput(context: Pick<Context, 'cwd'>, output: string | undefined, inputs: readonly string[]): Promise<void> {
  const input = await inputAtOutput(context.cwd, output, inputs);
  if (input === undefined) return;
  const same = resolve(context.cwd, input) === resolve(context.cwd, output!) ? '' : ` (the same file as ${singleLine(input)})`;
  throw new UsageError(`-o ${singleLine(output!)}${same} is a file this command reads: writing there would replace it. Nothing was written; choose another file for -o`);
}

export async function writeOutput(context: Context, output: string | undefined, text: string, inputs: readonly string[] = []): Promise<void> {
  // `-o -` is stdout, as for most tools
  if (output === undefined || output === '-') {
    context.stdout.write(text);
    return;
  }
  if (output.trim() === '') throw new UsageError('-o needs the name of a file to write; nothing was written');
  await refuseOutputOverInput(context, output, inputs);
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    const remedy = REMEDY[(error as NodeJS.ErrnoException).code ?? ''];
    throw new UsageError(`cannot write ${singleLine(output)}: ${ioReason(error)}; nothing was written${remedy ? ` (${remedy})` : ''}`);
  }
  context.stderr.write(`Wrote ${singleLine(output)}\n`);
}
