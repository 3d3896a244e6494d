// The pieces of `cxm assess` around the interview that a terminal is not needed to show: the resume
// command (trap 1, point 11) and the model's warnings as one line (point 10).

import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programName, resumeCommand } from '../../src/cli/assess.js';
import { resolveModel } from '../../src/cli/assessment.js';
import type { Context } from '../../src/cli/context.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/cxm.js');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxm-assess-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the resume command', () => {
  it('carries --from, so that a resumed session offers the same defaults (trap 1)', () => {
    const flags = { answers: '2027-Q2.yaml', from: '2027-Q1.yaml', elements: 'design' };
    // mutation caught: without --from in the hint, the resumed session highlights the first option, and Enter records the lowest
    expect(resumeCommand('cxm', flags, 'Zoë Ångström')).toBe("cxm assess --answers 2027-Q2.yaml --respondent 'Zoë Ångström' --elements design --from 2027-Q1.yaml");
    expect(resumeCommand('cxm', { answers: 'a b.yaml', notes: true }, "O'Brien")).toBe("cxm assess --answers 'a b.yaml' --respondent 'O'\\''Brien' --notes");
  });

  it('names the program as it was run: cxm when the cxm on the PATH is this script, else its path (point 11)', async () => {
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await symlink(BIN, join(bin, 'cxm'));
    expect(programName(BIN, `/usr/bin:${bin}`, '/')).toBe('cxm');
    // mutation caught: a hint that always says cxm cannot be run where cxm is not installed
    expect(programName(BIN, '/usr/bin:/bin', ROOT)).toBe('bin/cxm.js');
    expect(programName(BIN, undefined, dir)).toBe(BIN);
    expect(programName(join(ROOT, 'bin', 'cxm.js'), '', join(ROOT, 'bin'))).toBe('./cxm.js');
  });
});

describe('a model with warnings only', () => {
  it('is one line before the questions, not every warning with its source lines (point 10)', async () => {
    let stderr = '';
    const context: Context = {
      stdin: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => ((stderr += s), true) },
      signals: process,
      script: undefined,
      env: {},
      cwd: ROOT,
      color: { stdout: false, stderr: false },
    };
    const model = join(ROOT, 'test/fixtures/validate/models/missing-recommendations');
    const brief = await resolveModel(context, model, undefined, { briefWarnings: true });
    expect(brief.ok).toBe(true);
    // mutation caught: printing the findings in full takes several lines per warning
    expect(stderr).toMatch(/^cxm: the model has \d+ warnings?; cxm validate .*missing-recommendations lists them\.\n$/);
    stderr = '';
    await resolveModel(context, model);
    expect(stderr.split('\n').length).toBeGreaterThan(2);
  });
});
