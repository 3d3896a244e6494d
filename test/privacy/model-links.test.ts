// Model files resolve inside the model folder by their real path (#25 "a file outside the model is read"): a
// questionnaire inside the folder that is a symbolic link to a file outside it is refused, and the content of a
// refused file is never printed. Before: `file: ../x` was refused but such a link was read, and `validate` printed
// its first line (an `.env` printed its secret).

import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cxmInProcess } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cxm-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a questionnaire that links outside the model', () => {
  it('is refused at its element, and nothing of the file it points to is shown', async () => {
    const model = join(dir, 'model');
    cpSync('test/fixtures/groups/model', model, { recursive: true });
    const secret = join(dir, '.env');
    writeFileSync(secret, 'API_TOKEN=s3cr3t-value-never-to-be-shown\nkind: questionnaire\n');
    rmSync(join(model, 'governance.yaml'));
    symlinkSync(secret, join(model, 'governance.yaml'));
    for (const args of [['validate', model], ['validate', model, '-f', 'json'], ['form', '--model', model]]) {
      const run = await cxmInProcess(args);
      // mutation caught: without the real-path check the link is read and its first line quoted in a finding
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).not.toContain('s3cr3t');
      expect(run.stdout + run.stderr).toContain('is a link to a file outside the model directory');
    }
  });

  it('a link inside the folder to a file inside it is read as usual', async () => {
    const model = join(dir, 'inside');
    cpSync('test/fixtures/groups/model', model, { recursive: true });
    cpSync(join(model, 'governance.yaml'), join(model, 'governance-v2.yaml'));
    rmSync(join(model, 'governance.yaml'));
    symlinkSync('governance-v2.yaml', join(model, 'governance.yaml'));
    const run = await cxmInProcess(['validate', model]);
    expect(run.stdout + run.stderr).not.toContain('outside the model');
  });
});
