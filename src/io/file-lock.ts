// One writer at a time for a file that a long session rewrites (cxm assess saves its answers file after every
// answer): a lock file beside it, created exclusively, holding the owner's process id and host. A lock whose
// process has ended on this host (a crash, kill -9) is stale and taken over.

import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface FileLock {
  readonly path: string;
  release(): void;
}

/** Who holds a lock: a process id, and the host when it is another one. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

export function lockPathOf(target: string): string {
  return `${target}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): LockHolder | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('\n');
    const n = Number(pid);
    return Number.isSafeInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `target`, or says who holds it. A lock left by a process that no longer runs on this host, or
 * one that cannot be read (a crash between creating and writing it), is taken over once.
 */
export function acquireLock(target: string): FileLock | { readonly heldBy: LockHolder } {
  const path = lockPathOf(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n${hostname()}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          // only our own lock: a lock taken over after ours was judged stale is not ours to remove
          if (holderOf(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      const stale = holder === undefined || (holder.host === hostname() && !alive(holder.pid));
      if (!stale || attempt > 0) return { heldBy: holder ?? { pid: 0, host: '' } };
      try {
        unlinkSync(path);
      } catch {
        // another session took it over first: try again, and find its lock
      }
    }
  }
  return { heldBy: holderOf(path) ?? { pid: 0, host: '' } };
}
