// The example report in examples/ is what `cxm report` makes of the example answers, byte for byte.
// After a deliberate change to the report or the model, regenerate it with:
//   node bin/cxm.js report examples/acme-2026-q4.yaml -o examples/acme-2026-q4.md

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxm, ROOT } from './cxm.js';

describe('examples/acme-2026-q4.md', () => {
  it('is the Markdown report of examples/acme-2026-q4.yaml (regenerate with the command at the top of this file)', async () => {
    const { code, stdout, stderr } = await cxm(['report', 'examples/acme-2026-q4.yaml']);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync(join(ROOT, 'examples/acme-2026-q4.md'), 'utf8'));
  });

  it('reads as a report for the client: organization, level and meaning, the weakest element, every element, disagreements', async () => {
    const markdown = readFileSync(join(ROOT, 'examples/acme-2026-q4.md'), 'utf8');
    expect(markdown).toMatch(/^# Customer Experience Maturity: Acme Home Services, 2026-Q4\n/);
    expect(markdown).toMatch(/\*\*Overall level: Ad hoc\*\*/);
    expect(markdown).toMatch(/The weakest element is \*\*Design\*\*/);
    for (const title of ['Strategy', 'Understanding', 'Design', 'Measurement', 'Governance', 'Culture']) {
      expect(markdown).toContain(`\n### ${title}\n`);
    }
    for (const heading of ['## Summary', '## Scores', '## Where the team disagrees', '## Method', '## Inputs']) expect(markdown).toContain(`\n${heading}\n`);
    expect(markdown).toMatch(/```mermaid\n---\nconfig:\n[\s\S]*?\n---\nxychart-beta\n/);
  });
});
