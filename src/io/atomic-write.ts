// Writes a file so that readers see the old content or the new, never half of it:
// a temporary file beside the target, fsync, rename over the target, fsync the directory.

import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // a file that is replaced keeps its permissions (an answers file may be private)
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
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
