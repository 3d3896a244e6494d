// Where -o points somewhere it cannot write: exit 2, a message that names the path, says nothing was
// written and what to do, and nothing left behind. Where -o points at what is not a regular file (a
// symbolic link, a FIFO), cxm writes through it instead of replacing it with a file.

import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { cxm, ROOT } from '../report/cxm.js';
import { tempDir } from '../temp.js';

const ANSWERS = 'examples/quarters/2026-Q4.yaml';

function tempDirs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// an earlier period recorded against the current model (the example's earlier quarters are 1.0.0 history,
// whose version warnings would add to stderr): the newest example moved back a quarter
const EARLIER = join(tempDirs(), '2026-Q3.yaml');
writeFileSync(EARLIER, readFileSync(join(ROOT, ANSWERS), 'utf8').replace(/^period: .*$/m, 'period: 2026-Q3').replace(/^date: .*$/m, 'date: 2026-08-24'));

const COMMANDS = {
  report: (out: string) => ['report', ANSWERS, '-o', out],
  compare: (out: string) => ['compare', EARLIER, ANSWERS, '-o', out],
};

describe.concurrent('-o where nothing can be written', () => {
  // one directory for these concurrent tests (tempDir belongs to one test at a time)
  const parent = tempDirs();
  const CASES = [
    ['a missing directory', (dir: string) => join(dir, 'no-such-dir', 'out.md'), /its directory does not exist; nothing was written \(create the directory first, or choose another path\)/],
    ['a directory', (dir: string) => join(dir, 'sub'), /it is a directory; nothing was written \(name a file in it, not the directory itself\)/],
    ['a path through a file', (dir: string) => join(dir, 'file.txt', 'out.md'), /a part of the path is not a directory; nothing was written \(check the path/],
    ['an empty name', () => '', /-o needs the name of a file to write; nothing was written/],
  ] as const;
  for (const [command, args] of Object.entries(COMMANDS)) {
    for (const [what, target, message] of CASES) {
      it(`${command} -o ${what}: exit 2, the path and what to do, nothing written`, async () => {
        const dir = mkdtempSync(join(parent, 'case-'));
        writeFileSync(join(dir, 'file.txt'), 'x');
        mkdirSync(join(dir, 'sub'));
        const out = target(dir);
        const { code, stdout, stderr } = await cxm(args(out));
        expect(code, stderr).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(message);
        if (out !== '') expect(stderr).toContain(`cxm: cannot write ${out}: `);
        expect(stderr.split('\n')).toHaveLength(2); // one line
        expect(readdirSync(dir).sort()).toEqual(['file.txt', 'sub']);
        expect(readdirSync(join(dir, 'sub'))).toEqual([]);
      });
    }
  }
});

describe('-o through what is not a regular file', () => {
  it('a symbolic link stays a link; the file it points to gets the complete output', async () => {
    const dir = tempDir('cxm-out-');
    writeFileSync(join(dir, 'real.md'), 'old\n');
    symlinkSync('real.md', join(dir, 'link.md'));
    const { code, stderr } = await cxm(['report', ANSWERS, '-o', join(dir, 'link.md')]);
    expect(code, stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('real.md');
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe((await cxm(['report', ANSWERS])).stdout);
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it.skipIf(process.platform === 'win32')('a FIFO (like /dev/stdout) is written to, not replaced by a file', async () => {
    const dir = tempDir('cxm-out-');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // a reader first, so that opening the FIFO for writing does not wait
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      await writeFileAtomic(fifo, 'through the pipe\n');
      const buffer = Buffer.alloc(100);
      const read = readSync(reader, buffer);
      expect(buffer.subarray(0, read).toString()).toBe('through the pipe\n');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });
});
