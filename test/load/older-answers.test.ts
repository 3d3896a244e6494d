// (1.2) SPEC 2.2: answers recorded against an older version of a model re-score against the new one: an option
// renamed through its `replaces` counts for the new option; an answer to an option (or question) the new version no
// longer has is left out, with ONE warning per question saying how many answers were left out, not an error.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswerSet } from '../../src/load/answers.js';
import { loadModel } from '../../src/load/model.js';
import { buildReport } from '../../src/score/build-report.js';
import { tempDir } from '../temp.js';

const MODEL = `kind: model
id: probe
version: 1.2.0
title: Probe
levels:
  - { id: low, title: Low, minScore: 0 }
  - { id: high, title: High, minScore: 50 }
elements:
  - id: design
`;

const DESIGN = `kind: questionnaire
element: design
title: Design
questions:
  - id: design.refunds
    text: How are refunds decided?
    help: Help.
    type: choice
    options:
      - { id: not-looked, label: Nobody has looked, score: 0 }
      - { id: case-by-case, label: Case by case, score: 1, replaces: [improvised] }
      - { id: written, label: Written and followed, score: 2 }
  - id: design.channels
    text: Which channels are designed?
    help: Help.
    type: multi
    options:
      - { id: web, label: Web, score: 1, replaces: [online] }
      - { id: phone, label: Phone, score: 1 }
recommendations:
  low: [Look.]
  high: [Keep.]
`;

function answersFile(version: string, respondents: readonly Record<string, string | string[]>[]): string {
  const lines = ['kind: answers', `model: { id: probe, version: ${version} }`, 'respondents:'];
  respondents.forEach((answers, i) => {
    lines.push(`  - name: R${i}`, '    answers:');
    for (const [id, value] of Object.entries(answers)) lines.push(`      ${id}: ${JSON.stringify(value)}`);
  });
  return `${lines.join('\n')}\n`;
}

async function run(version: string, respondents: readonly Record<string, string | string[]>[]) {
  const dir = tempDir('cxm-older-');
  mkdirSync(join(dir, 'm'));
  writeFileSync(join(dir, 'm', 'model.yaml'), MODEL);
  writeFileSync(join(dir, 'm', 'design.yaml'), DESIGN);
  writeFileSync(join(dir, 'a.yaml'), answersFile(version, respondents));
  const { model } = await loadModel(join(dir, 'm'));
  const result = await loadAnswerSet([join(dir, 'a.yaml')], model!);
  return { model: model!, ...result, brief: result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`) };
}

describe('(1.2) older answers: option replaces, and what is left out', () => {
  const older = [
    { 'design.refunds': 'improvised', 'design.channels': ['online'] },
    { 'design.refunds': 'escalated', 'design.channels': ['online', 'fax'] },
    { 'design.refunds': 'escalated', 'design.channels': ['phone'] },
    { 'design.refunds': 'written', 'design.channels': ['fax'] },
  ];

  it('an option renamed through replaces counts for the new option; a removed one is left out', async () => {
    // catches: option replaces ignored in scoring (R0's improvised and online would have no value)
    const { model, answers } = await run('1.0.0', older);
    const report = buildReport(model, answers!);
    const [refunds, channels] = report.elements[0]!.items;
    // refunds: R0 improvised → case-by-case (1/2), R1, R2 escalated left out, R3 written (1) → 75
    expect(refunds).toMatchObject({ answers: 2, score: 75, byRespondent: { R0: 50, R1: null, R2: null, R3: 100 } });
    expect(refunds!.choices).toEqual({ R0: 'case-by-case', R1: 'escalated', R2: 'escalated', R3: 'written' });
    // channels: R0 online → web (1/2); R1 [online, fax] and R3 [fax] name a removed option: left out; R2 phone (1/2)
    expect(channels).toMatchObject({ answers: 2, score: 50 });
  });

  it('one warning per question, at its first such answer, saying how many answers were left out', async () => {
    // catches: a warning per answer (four here), an error (the set would not score), or a wrong count
    const { findings, brief, answers } = await run('1.0.0', older);
    expect(answers).toBeDefined();
    expect(brief).toEqual(['2:30 warning model-version-mismatch', '10:23 warning unknown-option', '11:24 warning unknown-option']);
    expect(findings[1]!.message).toBe(
      '"escalated" was an option of "design.refunds" in probe 1.0.0 that probe 1.2.0 no longer has (no option replaces it), so the 2 answers naming it in this file are left out',
    );
    expect(findings[2]!.message).toContain('"fax" was an option of "design.channels"');
    expect(findings[2]!.message).toContain('the 2 answers naming it in this file are left out');
  });

  it('answers recorded against this very version: an unknown option is still an error, and an old option id is accepted', async () => {
    // catches: leniency for every file (a misspelled option would be silently left out)
    const { brief, findings } = await run('1.2.0', [{ 'design.refunds': 'escalated', 'design.channels': ['online'] }]);
    expect(brief).toEqual(['6:23 error unknown-option']);
    expect(findings[0]!.message).toBe('"escalated" is not an option of "design.refunds": use one of not-looked, case-by-case, written');
  });
});
