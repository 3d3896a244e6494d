// Writes a file so that readers see the old content or the new, never half of it:
// a temporary file beside the target, fsync, rename over the target, fsync the directory.
// What is not a regular file (a terminal, a pipe, /dev/null) is written to as it is.

import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  // a device, FIFO or socket (-o /dev/stdout, -o /dev/null) is written to, never replaced by a file
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(target, data, 'utf8');
    return;
  }
  // a symbolic link stays a link: the file it points to is replaced
  const path = existing?.isFile() ? await realpath(target).catch(() => target) : target;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // a file that is replaced keeps its permissions (an answers file may be private)
  const mode = existing?.isFile() ? existing.mode & 0o777 : undefined;
  let handle;
  try {
    handle = await open(temp, 'wx', 0o644);
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // some platforms and file systems refuse to fsync a directory; the rename is still atomic
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
