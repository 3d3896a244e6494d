// cxm validate searching a tree with a directory it may not list (a permission denied, which no test
// running as root could arrange with chmod, so readdir is made to refuse it): a finding at that
// directory, exit 2, and the rest of the tree still checked; never an internal error.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readdir = (async (path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (actual.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof actual.readdir;
  return { ...actual, default: { ...actual, readdir }, readdir };
});

const dir = mkdtempSync(join(tmpdir(), 'cxm-unreadable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a directory that cannot be listed', () => {
  it('is a finding at the directory (exit 2); the files beside it are still checked', async () => {
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'bad.yaml'), 'kind: questionnaire\nelement: strategy\n');
    let stdout = '';
    let stderr = '';
    const code = await main(['validate', dir], {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      env: { NO_COLOR: '1' },
    });
    expect(code, stdout + stderr).toBe(2);
    expect(stdout).toContain(`${join(dir, 'locked')}:1:1 error file-unreadable this directory cannot be searched: permission denied: make it readable, or leave it out`);
    expect(stdout).toContain(`${join(dir, 'bad.yaml')}:1:1 error missing-property`);
    expect(stderr).not.toContain('internal error');
  });
});
