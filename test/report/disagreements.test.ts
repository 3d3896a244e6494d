// "Where the team disagrees" in the Markdown and the HTML report, through main() (cxm report): a question is
// listed from a spread of exactly the threshold (50 points) up, in both copies, and not a point below it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxm } from './cxm.js';
import { tempDir } from '../temp.js';

/** A model of three scale questions 0-100, answered 50, 49 and 100 points apart by two people. */
function assessment(): { model: string; answers: string } {
  const dir = tempDir('cxm-spread-');
  writeFileSync(
    join(dir, 'model.yaml'),
    `kind: model
id: spread-test
version: 1.0.0
title: Spread test model
levels:
  - { id: low, title: Low, minScore: 0 }
  - { id: high, title: High, minScore: 50 }
elements:
  - id: design
`,
  );
  writeFileSync(
    join(dir, 'design.yaml'),
    `kind: questionnaire
element: design
title: Design
questions:
  - { id: design.at, type: scale, text: Fifty points apart?, help: Exactly at the threshold., min: 0, max: 100 }
  - { id: design.below, type: scale, text: Forty-nine points apart?, help: One point below it., min: 0, max: 100 }
  - { id: design.above, type: scale, text: A hundred points apart?, help: Far above it., min: 0, max: 100 }
recommendations:
  low: [Design.]
  high: [Keep designing.]
`,
  );
  const answers = join(dir, 'answers.yaml');
  writeFileSync(
    answers,
    `kind: answers
model: { id: spread-test, version: 1.0.0 }
respondents:
  - name: Ann
    answers: { design.at: 25, design.below: 26, design.above: 0 }
  - name: Bob
    answers: { design.at: 75, design.below: 75, design.above: 100 }
`,
  );
  return { model: dir, answers };
}

describe('where the team disagrees: from a spread of exactly 50 points', () => {
  it('in the Markdown report', async () => {
    // Mutation caught: `i.spread >= DISAGREEMENT_SPREAD` → `>` in the Markdown renderer (render/markdown.ts),
    // which drops the question exactly 50 points apart.
    const { model, answers } = assessment();
    const run = await cxm(['report', answers, '--model', model, '-f', 'markdown']);
    expect(run.code, run.stderr).toBe(0);
    const start = run.stdout.indexOf('## Where the team disagrees');
    expect(start, 'no "Where the team disagrees" section').toBeGreaterThan(-1);
    const section = run.stdout.slice(start, run.stdout.indexOf('\n## ', start + 1));
    // which questions the section lists, whatever the wording of a line
    const listed = section.split('\n').filter((line) => line.startsWith('- ')).map((line) => /\*\*(.*?)\*\*/.exec(line)?.[1]);
    expect(listed).toEqual(['Fifty points apart?', 'A hundred points apart?']);
  });

  it('in the HTML report', async () => {
    // Mutation caught: `>= DISAGREEMENT_SPREAD` → `>` in the agenda's selection (render/selection.ts, the one
    // rule since #28): the question exactly 50 points apart is missing from the workshop agenda.
    const { model, answers } = assessment();
    const run = await cxm(['report', answers, '--model', model, '-f', 'html']);
    expect(run.code, run.stderr).toBe(0);
    const section = /<section id="agenda"[\s\S]*?<\/section>/.exec(run.stdout)?.[0];
    expect(section, 'no workshop agenda').toBeDefined();
    // which questions the agenda lists, widest first
    const rows = [...section!.matchAll(/<p class="what">([^<]*?) <span/g)].map((m) => m[1]);
    expect(rows).toEqual(['A hundred points apart?', 'Fifty points apart?']);
  });
});
