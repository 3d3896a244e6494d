// writeFileAtomic, which every answer goes through: the old content or the new, no temp file left
// behind when a write fails, and an existing file keeps its permissions (answers can be private).

import { chmod, mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxm-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates, then replaces, a file and leaves nothing else beside it', async () => {
    const file = join(dir, 'answers.yaml');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    expect(await readFile(file, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toEqual(['answers.yaml']);
  });

  // Mutation caught: a plain writeFile(path, data) in place of the temp file + rename truncates and rewrites
  // the file the reader holds open, so the reader sees the new text (or half of it) instead of the old.
  it('never changes the file under a reader that opened it before: the new content is a new file', async () => {
    const file = join(dir, 'answers.yaml');
    await writeFile(file, 'old answers, complete\n');
    const reader = await open(file, 'r');
    try {
      await writeFileAtomic(file, 'new answers, longer than the old ones\n');
      const { bytesRead, buffer } = await reader.read({ buffer: Buffer.alloc(100), position: 0 });
      expect(buffer.subarray(0, bytesRead).toString('utf8')).toBe('old answers, complete\n');
    } finally {
      await reader.close();
    }
    expect(await readFile(file, 'utf8')).toBe('new answers, longer than the old ones\n');
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = join(dir, 'answers.yaml');
    await writeFile(file, 'private\n');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'still private\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails without leaving a temp file, and the target as it was', async () => {
    const target = join(dir, 'answers.yaml');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) as unknown });
    expect(await readdir(dir)).toEqual(['answers.yaml']);
    expect(await readdir(target)).toEqual(['inside']);
  });
});
