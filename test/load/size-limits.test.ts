// Size limits stated before they bite (issue #25 item 4, src/load/size-limits.ts): a file larger than a string can
// be is refused before it is read, with the limit and what to do (exit 2, a sentence, no stack trace), whatever
// --max-file-size allows; an output that would be larger is the same kind of sentence, not an internal error.
// The file is sparse (ftruncate): it takes no disk and is never read, so the test is quick.

import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStringTooLong, MAX_TEXT_CHARS, OUTPUT_OVER_TEXT_LIMIT } from '../../src/load/size-limits.js';
import { cxmInProcess } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cxm-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sparse(name: string, bytes: number): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

describe('size limits', () => {
  // mutation: the MAX_TEXT_CHARS check removed from readSourceFile: the file is read (600 MiB of zeros) and then
  // refused as binary, or ERR_STRING_TOO_LONG ends the run as an internal error (exit 70); either way red here
  it.each([
    ['validate', ['validate', '--max-file-size', '1GiB']],
    ['report', ['report', '-f', 'json', '--max-file-size', '1GiB']],
  ])('%s of a file over the string limit: exit 2, the limit and what to do, before reading it', async (_name, args) => {
    const big = sparse('answers.yaml', MAX_TEXT_CHARS + 1);
    const start = performance.now();
    const run = await cxmInProcess([...args, big]);
    expect(performance.now() - start).toBeLessThan(5000);
    // validate prints its findings on stdout, report on stderr
    const said = run.stdout + run.stderr;
    expect(run.code, said).toBe(2);
    expect(said).toContain('answers.yaml:1:1 error file-unreadable the file is 536,870,889 bytes, over the 536,870,888 bytes (just under 512 MiB) of text that cxm can hold in memory');
    expect(said).toContain('split it into smaller files');
    expect(said).not.toMatch(/^\s+at /m);
  });

  // mutation: isStringTooLong matching only ERR_STRING_TOO_LONG (V8's own RangeError of JSON.stringify and
  // String.prototype.repeat then ends a run as an internal error, as report -f json of 150,000 respondents did)
  it('recognises both ways Node and V8 refuse a string over the limit', () => {
    let thrown: unknown;
    try {
      'x'.repeat(MAX_TEXT_CHARS + 1);
    } catch (error) {
      thrown = error;
    }
    expect(isStringTooLong(thrown)).toBe(true);
    expect(isStringTooLong(Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' }))).toBe(true);
    expect(isStringTooLong(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(OUTPUT_OVER_TEXT_LIMIT).toMatch(/512 MiB\) .* nothing was written: report fewer respondents/);
  });
});
