// Broken and hostile files (corpus.ts) through every command that reads them, validate, report, score and
// compare, in process through main(). (The same files through the real bin/cxm.js: corpus-bin.test.ts; -o
// where nothing can be written: outputs.test.ts.)

import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxm, ROOT } from '../report/cxm.js';
import { cxmInProcessTimed } from '../cli/in-process.js';
import { H, hostileCorpus } from './corpus.js';

const { cases, commands, check } = hostileCorpus();

describe.concurrent('hostile files through every command', () => {
  it('validate --strict: a directory without a file of a known kind fails', async () => {
    const { code } = await cxm(['validate', '--strict', `${H}/a-directory.yaml`]);
    expect(code).toBe(1);
  });

  for (const c of cases) {
    for (const [command, args] of commands) {
      it(`${command}: ${basename(c.file)}`, () => check(c, command, cxmInProcessTimed(args(c.file), { cwd: ROOT })));
    }
  }
});
