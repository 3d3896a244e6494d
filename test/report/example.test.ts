// The example report in examples/ is what `cxm report` makes of the example answers, byte for byte (a
// difference is described by test/golden.ts). After a deliberate change to the report or the model,
// regenerate every example with: npm run examples

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswerSet } from '../../src/load/answers.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { Report } from '../../src/domain/report.js';
import { scoreAssessment } from '../../src/score/score.js';
import { cxm, ROOT } from './cxm.js';
import { expectExample } from '../golden.js';

describe('examples/acme-2026-q4.md', () => {
  it('is the Markdown report of examples/quarters/2026-Q4.yaml (npm run examples regenerates it)', async () => {
    const { code, stdout, stderr } = await cxm(['report', 'examples/quarters/2026-Q4.yaml']);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expectExample(stdout, 'examples/acme-2026-q4.md', 'cxm report examples/quarters/2026-Q4.yaml');
  });

  it('reads as a report for the client: organization, level and meaning, the weakest element, every element, disagreements', async () => {
    const markdown = readFileSync(join(ROOT, 'examples/acme-2026-q4.md'), 'utf8');
    expect(markdown).toMatch(/^# Customer Experience Maturity: Acme Home Services, 2026-Q4\n/);
    expect(markdown).toMatch(/\*\*Overall level: Ad hoc\*\*/);
    // (#28) four elements share the level: no "improving this element raises the overall level"
    expect(markdown).toContain('4 of the 6 elements are at Ad hoc: Understanding, Design, Measurement and Culture.');
    expect(markdown).toMatch(/the weakest, \*\*Design\*\* \(\d/);
    expect(markdown).not.toContain('is what raises the overall level');
    for (const title of ['Strategy', 'Understanding', 'Design', 'Measurement', 'Governance', 'Culture']) {
      expect(markdown).toContain(`\n### ${title}\n`);
    }
    for (const heading of ['## Summary', '## Scores', '## Where the team disagrees', '## Method', '## Inputs']) expect(markdown).toContain(`\n${heading}\n`);
    expect(markdown).toMatch(/```mermaid\n---\nconfig:\n[\s\S]*?\n---\nxychart-beta\n/);
  });

  it('tells the client what to do first: next steps in the summary, the first in the weakest element, each with from → to', async () => {
    const { stdout } = await cxm(['report', 'examples/quarters/2026-Q4.yaml', '-f', 'json']);
    const report = JSON.parse(stdout) as Report;
    const markdown = readFileSync(join(ROOT, 'examples/acme-2026-q4.md'), 'utf8');
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Scores'));
    expect(summary).toContain('### Next steps');
    const first = report.plan![0]!;
    expect(report.overall.weakest).toContain(first.element);
    const title = report.elements.find((e) => e.id === first.element)!.title;
    // the first numbered line of the summary is that step (texts are Markdown-escaped, so only the element is compared)
    expect(summary.split('\n').find((l) => l.startsWith('1. '))).toMatch(new RegExp(`^1\\. \\*\\*${title}\\*\\*: \\*.+\\*: (from|add) `));
  });
});

describe('the example assessment', () => {
  // mutation caught: the front-line lead re-answered like the leaders (no gap of 25 points left), or a group removed
  it('puts every respondent in a group, with a perception gap of at least 25 points between two groups', async () => {
    const { model } = await loadModel(builtinModelDir());
    const { answers } = await loadAnswerSet([join(ROOT, 'examples/quarters/2026-Q4.yaml')], model!);
    const respondents = answers!.respondents;
    expect(respondents.every((r) => r.group !== undefined)).toBe(true);
    const groups = [...new Set(respondents.map((r) => r.group!))];
    expect(groups.length).toBeGreaterThanOrEqual(3);
    const scores = groups.map((g) => scoreAssessment(model!, { ...answers!, respondents: respondents.filter((r) => r.group === g) }));
    const widest = Math.max(
      ...model!.elements.map((_, i) => {
        const byGroup = scores.map((report) => report.elements[i]!.score!);
        return Math.max(...byGroup) - Math.min(...byGroup);
      }),
    );
    expect(widest).toBeGreaterThanOrEqual(25);
  });
});
