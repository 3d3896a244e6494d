// The HTML examples are what `cxm report -f html` and `cxm compare -f html` make of the example answers,
// byte for byte (run in process through main()). A difference is described by test/golden.ts: the line, the
// heading above it, what a reader sees change. After a deliberate change to the renderer, the model or the
// example answers, regenerate every example and the README's screenshots with: npm run examples

import { describe, expect, it } from 'vitest';
import { cxmInProcess } from '../cli/in-process.js';
import { ROOT } from '../report/cxm.js';
import { expectExample } from '../golden.js';

function cxm(...args: string[]): ReturnType<typeof cxmInProcess> {
  return cxmInProcess(args, { cwd: ROOT });
}

const QUARTERS = ['2026-Q2', '2026-Q3', '2026-Q4'].map((q) => `examples/quarters/${q}.yaml`);

describe('the HTML examples', () => {
  it('examples/acme-2026-q4.html is the HTML report of examples/quarters/2026-Q4.yaml (npm run examples regenerates it)', async () => {
    const { code, stdout, stderr } = await cxm('report', 'examples/quarters/2026-Q4.yaml', '-f', 'html');
    expect(code, stderr).toBe(0);
    expectExample(stdout, 'examples/acme-2026-q4.html', 'cxm report examples/quarters/2026-Q4.yaml -f html');
  });

  it('examples/quarters/comparison.html is the HTML comparison of examples/quarters/ (npm run examples regenerates it)', async () => {
    const { code, stdout, stderr } = await cxm('compare', QUARTERS[2]!, QUARTERS[0]!, QUARTERS[1]!, '-f', 'html');
    expect(code, stderr).toBe(0);
    expectExample(stdout, 'examples/quarters/comparison.html', `cxm compare ${QUARTERS[2]} ${QUARTERS[0]} ${QUARTERS[1]} -f html`);
  });

  it('-f html is offered by report and compare, and named in their help', async () => {
    for (const command of ['report', 'compare']) {
      const { stdout } = await cxm(command, '--help');
      expect(stdout).toMatch(/"html"/);
    }
    const bad = await cxm('report', 'examples/quarters/2026-Q4.yaml', '-f', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are markdown, json, html/);
  });
});
