// No answer lost (#25 "data loss"): `-o` naming an input (by path, link or hard link) is refused with exit 2 and the
// input left as it was; `-o -` is stdout; a second interview on one answers file is refused while the first runs,
// and a lock left by a killed interview is taken over. Before: `-o` over an input replaced it and exited 0 (report,
// compare, import, where the CSV became YAML), `-o -` wrote a file named `-`, and two interviews erased each other.

import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAssess } from '../../src/cli/assess.js';
import { UsageError, type Context } from '../../src/cli/context.js';
import { acquireLock, lockPathOf } from '../../src/io/file-lock.js';
import { cxmInProcess } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cxm-lost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const Q4 = readFileSync('examples/quarters/2026-Q4.yaml', 'utf8');
const Q3 = readFileSync('examples/quarters/2026-Q3.yaml', 'utf8');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('-o naming an input', () => {
  it.each([
    ['report', (a: string) => ['report', a, '-o', a]],
    ['report -f json', (a: string) => ['report', a, '-f', 'json', '-o', a]],
    ['compare', (a: string) => ['compare', file('q3.yaml', Q3), a, '-o', a]],
    ['anonymize', (a: string) => ['anonymize', a, '-o', a]],
  ])('%s: exit 2, the input unchanged', async (_, args) => {
    const answers = file('q4.yaml', Q4);
    const run = await cxmInProcess(args(answers));
    // mutation caught: without refuseOutputOverInput the answers file is replaced by the report and cxm exits 0
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('is a file this command reads: writing there would replace it');
    expect(readFileSync(answers, 'utf8')).toBe(Q4);
  });

  it('by a symbolic link and by a hard link too', async () => {
    const answers = file('linked.yaml', Q4);
    const soft = join(dir, 'soft.md');
    const hard = join(dir, 'hard.md');
    symlinkSync(answers, soft);
    linkSync(answers, hard);
    for (const out of [soft, hard]) {
      const run = await cxmInProcess(['report', answers, '-o', out]);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain('(the same file as');
    }
    expect(readFileSync(answers, 'utf8')).toBe(Q4);
  });

  it('import: the CSV is not replaced by the answers', async () => {
    const form = await cxmInProcess(['form']);
    const csv = file('responses.csv', form.stdout);
    const run = await cxmInProcess(['import', csv, '-o', csv]);
    expect(run.code, run.stderr).toBe(2);
    expect(readFileSync(csv, 'utf8')).toBe(form.stdout);
  });

  it('form: a file of the model is not replaced', async () => {
    const model = join(dir, 'model');
    expect((await cxmInProcess(['init', model])).code).toBe(0);
    const manifest = readFileSync(join(model, 'model.yaml'), 'utf8');
    const run = await cxmInProcess(['form', '--model', model, '-o', join(model, 'model.yaml')]);
    expect(run.code, run.stderr).toBe(2);
    expect(readFileSync(join(model, 'model.yaml'), 'utf8')).toBe(manifest);
  });

  it('-o - is stdout, and no file named - is written', async () => {
    const answers = file('dash.yaml', Q4);
    const run = await cxmInProcess(['report', answers, '-f', 'json', '-o', '-'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('schemaVersion', 1);
    // mutation caught: writeOutput taking '-' for a file name
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});

describe('two interviews on one answers file', () => {
  /** A context as a terminal gives it: runAssess refuses the second interview before it asks anything. */
  function terminal(): { context: Context; out: () => string } {
    let out = '';
    const stream = { isTTY: true, write: (s: string) => ((out += s), true) };
    return {
      context: { stdin: { isTTY: true }, stdout: stream, stderr: stream, signals: process, script: undefined, env: { NO_COLOR: '1' }, cwd: dir, color: { stdout: false, stderr: false } },
      out: () => out,
    };
  }

  it('refuse the second while the first holds the file, and leave the file alone', async () => {
    const answers = file('shared.yaml', Q4);
    const first = acquireLock(answers);
    expect('release' in first).toBe(true);
    try {
      // mutation caught: cxm assess without acquireLock goes on to ask, and its saves erase the first one's answers
      await expect(runAssess(terminal().context, { answers })).rejects.toThrow(UsageError);
      await expect(runAssess(terminal().context, { answers })).rejects.toThrow(/is being answered in another cxm assess \(process \d+\)/);
      expect(readFileSync(answers, 'utf8')).toBe(Q4);
    } finally {
      if ('release' in first) first.release();
    }
    expect(existsSync(lockPathOf(answers))).toBe(false);
  });

  it('take over a lock left by an interview that was killed', () => {
    const answers = file('stale.yaml', Q4);
    // a process that has ended: its pid is free
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    writeFileSync(lockPathOf(answers), `${dead}\n${hostname()}\n`);
    const lock = acquireLock(answers);
    // mutation caught: a lock never judged stale leaves the file locked for good after kill -9
    expect('release' in lock).toBe(true);
    if ('release' in lock) lock.release();
    // one held by a live process is not taken over
    writeFileSync(lockPathOf(answers), `${process.ppid}\n${hostname()}\n`);
    expect('heldBy' in acquireLock(answers)).toBe(true);
    rmSync(lockPathOf(answers));
  });
});
