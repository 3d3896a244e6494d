// Writes a file so that readers see the old content or the new, never half of it:
// a temporary file beside the target, fsync, rename over the target, fsync the directory.
// What is not a regular file (a terminal, a pipe, /dev/null) is written to as it is.
//
// The steps on a regular file are synchronous: a command has nothing else to do while it saves (the interview
// waits for the next key, a report is written at the end), each step would otherwise be a round trip through
// libuv's thread pool, and a signal arriving during a save is handled once the save is whole.

import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const existing = statOf(target);
  // a device, FIFO or socket (-o /dev/stdout, -o /dev/null) is written to, never replaced by a file; a FIFO
  // blocks until it is read, so this write waits without holding up the process
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(target, data, 'utf8');
    return;
  }
  writeFileAtomicSync(target, data, existing);
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writeFileAtomicSync(target: string, data: string, existing: Stats | undefined): void {
  // a symbolic link stays a link: the file it points to is replaced
  let path = target;
  if (existing?.isFile()) {
    try {
      path = realpathSync(target);
    } catch {
      path = target;
    }
  }
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    // a file that is replaced keeps its permissions (an answers file may be private)
    if (existing?.isFile()) fchmodSync(fd, existing.mode & 0o777);
    writeFileSync(fd, data, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already gone
    }
    throw error;
  }
  syncDirectory(dir);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // some platforms and file systems refuse to fsync a directory; the rename is still atomic
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}
