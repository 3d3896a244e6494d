// Broken and hostile files (corpus.ts) through the real bin/cxm.js, as a user runs it: every file once, each
// with one of the commands in turn, so that every command meets several of them in a process of its own, with
// Node's own stack (a deeply nested or alias-laden file) and real streams and exit codes.

import { basename } from 'node:path';
import { describe, it } from 'vitest';
import { cxmProcess } from '../report/cxm.js';
import { hostileCorpus } from './corpus.js';

const { cases, commands, check } = hostileCorpus();

describe.concurrent('hostile files through bin/cxm.js', () => {
  for (const [i, c] of cases.entries()) {
    const [command, args] = commands[i % commands.length]!;
    it(`${command}: ${basename(c.file)}`, () => check(c, command, cxmProcess(args(c.file))));
  }
});
