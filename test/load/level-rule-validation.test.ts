// (1.2) Validation of the level rule's keys (SPEC 2.1, 2.2, 3): levelRule and tolerance in model.yaml, gate,
// check, a scale's `levels` anchors, an option's `replaces`, the plan's `next` on scale questions. Every mistake
// is one finding at its own line and column, saying what to change; the positions below were written by reading
// the files in this test, not by running the code.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/load/model.js';
import type { Finding } from '../../src/domain/finding.js';
import { tempDir } from '../temp.js';

const LEVELS = `levels:
  - { id: unconscious, title: Unconscious, minScore: 0 }
  - { id: ad-hoc, title: Ad hoc, minScore: 25 }
  - { id: repeatable, title: Repeatable, minScore: 50 }
  - { id: systematic, title: Systematic, minScore: 75 }
`;

function manifest(extra: string): string {
  return `kind: model
id: probe
version: 1.2.0
title: Probe
${extra}${LEVELS}elements:
  - id: design
`;
}

const GOOD_QUESTIONS = `  - id: design.refunds
    text: How are refunds worked out?
    help: The back office is part of the experience.
    check: The refund procedure, and the last ten refunds.
    type: choice
    gate: repeatable
    options:
      - { id: not-looked, label: Nobody has looked at it, score: 0, next: Write down how refunds are decided today. }
      - { id: case-by-case, label: Case by case, score: 1, replaces: [improvised] }
      - { id: written, label: Written and followed, score: 3 }
  - id: design.days
    text: On how many of the last 13 weeks was the standard met?
    help: A standard met most weeks is a habit.
    type: scale
    min: 0
    max: 13
    levels: { ad-hoc: 4, repeatable: 9, systematic: 12 }
    next: Review the missed weeks every Monday.
  - id: design.kpis
    text: Which do you track?
    help: What is not inspected is not respected.
    type: multi
    options:
      - { id: nps, label: NPS, score: 1, next: Ask the last 100 customers the NPS question. }
      - { id: effort, label: Customer effort, score: 1 }
`;

function questionnaire(questions: string): string {
  return `kind: questionnaire
element: design
title: Design
questions:
${questions}recommendations:
  unconscious: [Map one journey.]
  ad-hoc: [Write the standard down.]
  repeatable: [Check it every week.]
  systematic: [Keep it.]
`;
}

async function findingsOf(modelYaml: string, designYaml: string): Promise<{ findings: Finding[]; loaded: boolean }> {
  const dir = tempDir('cxm-level-rule-');
  mkdirSync(join(dir, 'm'));
  writeFileSync(join(dir, 'm', 'model.yaml'), modelYaml);
  writeFileSync(join(dir, 'm', 'design.yaml'), designYaml);
  const result = await loadModel(join(dir, 'm'));
  return { findings: result.findings, loaded: result.model !== undefined };
}

const brief = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.file.split('/').at(-1)}:${f.line}:${f.column} ${f.severity} ${f.code}`);

describe('(1.2) levelRule, tolerance, gate, check, scale levels, option replaces', () => {
  it('a model using every new key correctly loads without a finding, and the keys reach the Model', async () => {
    // catches: a schema that rejects a new key (unknown-property), or load/model.ts not copying one of them
    const dir = tempDir('cxm-level-rule-');
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'model.yaml'), manifest('levelRule: capped\ntolerance: 2\n'));
    writeFileSync(join(dir, 'm', 'design.yaml'), questionnaire(GOOD_QUESTIONS));
    const { model, findings } = await loadModel(join(dir, 'm'));
    expect(brief(findings)).toEqual([]);
    expect(model!.levelRule).toBe('capped');
    expect(model!.tolerance).toBe(2);
    const [refunds, days, kpis] = model!.elements[0]!.questions;
    expect(refunds).toMatchObject({ gate: 'repeatable', check: 'The refund procedure, and the last ten refunds.' });
    expect(refunds!.type === 'choice' && refunds!.options[1]!.replaces).toEqual(['improvised']);
    expect(days).toMatchObject({
      next: 'Review the missed weeks every Monday.',
      anchors: [
        { level: 'ad-hoc', value: 4, minScore: 25 },
        { level: 'repeatable', value: 9, minScore: 50 },
        { level: 'systematic', value: 12, minScore: 75 },
      ],
    });
    expect(kpis!.type === 'multi' && kpis!.options[0]!.next).toBe('Ask the last 100 customers the NPS question.');
  });

  it('defaults: levelRule mean, tolerance 1', async () => {
    // catches: a default other than SPEC 2.1's (mean; tolerance 1)
    const dir = tempDir('cxm-level-rule-');
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'model.yaml'), manifest(''));
    writeFileSync(join(dir, 'm', 'design.yaml'), questionnaire(GOOD_QUESTIONS.replace('    gate: repeatable\n', '')));
    const { model, findings } = await loadModel(join(dir, 'm'));
    expect(brief(findings)).toEqual([]);
    expect(model).toMatchObject({ levelRule: 'mean', tolerance: 1 });
  });

  it('every mistake is its own finding at its line and column, with what to change', async () => {
    // catches, one row each: a rule removed from QUESTIONNAIRE_RULES, a finding at the wrong key or value, the
    // anchors compared in file order instead of the model's level order, a bound check with <= where < is meant
    const questions = `  - id: design.a
    text: A?
    help: Help.
    type: choice
    gate: repeatabel
    options:
      - { id: no-option, label: X, score: 0 }
      - { id: yes-option, label: Y, score: 1, replaces: [no-option] }
  - id: design.b
    text: B?
    help: Help.
    type: choice
    gate: unconscious
    notApplicable: true
    options:
      - { id: no-option, label: X, score: 0, replaces: [old] }
      - { id: yes-option, label: Y, score: 1, replaces: [old] }
  - id: design.c
    text: C?
    help: Help.
    type: scale
    min: 0
    max: 10
    levels: { systematic: 6, repeatable: 8, ad-hoc: 10, unconscious: 1, sistematic: 2 }
  - id: design.d
    text: D?
    help: Help.
    type: scale
    min: 0
    max: 10
    levels: { ad-hoc: 0, repeatable: 5 }
    gate: ad-hoc
    notApplicable: true
`;
    const { findings, loaded } = await findingsOf(manifest('levelRule: capped\n'), questionnaire(questions));
    expect(loaded).toBe(false);
    expect(brief(findings).sort(byLine)).toEqual([
      'design.yaml:12:58 error replaces-conflict', // yes-option of design.a replaces no-option, still an option
      'design.yaml:21:58 error replaces-conflict', // old claimed by no-option and yes-option
      'design.yaml:9:11 error unknown-level', // gate repeatabel
      'design.yaml:17:11 error gate-first-level', // gate unconscious
      'design.yaml:18:20 warning gate-allows-not-applicable', // design.b
      'design.yaml:37:20 warning gate-allows-not-applicable', // design.d
      'design.yaml:28:53 error scale-anchor-out-of-range', // ad-hoc: 10 = max
      'design.yaml:28:57 error scale-anchor-first-level', // unconscious
      'design.yaml:28:73 error unknown-level', // sistematic
      // in the model's order repeatable (8) comes before systematic (6): the finding is at systematic's value
      'design.yaml:28:27 error scale-anchors-not-increasing',
      'design.yaml:35:23 error scale-anchor-out-of-range', // ad-hoc: 0 = min
    ].sort(byLine).map(String));
    const message = (code: string, line: number): string => findings.find((f) => f.code === code && f.line === line)!.message;
    expect(message('unknown-level', 9)).toContain('did you mean "repeatable"?');
    expect(message('gate-first-level', 17)).toContain('use one of ad-hoc, repeatable, systematic');
    expect(message('scale-anchor-out-of-range', 28)).toBe('ad-hoc starts at 10, which is not strictly between min 0 and max 10: anchor a level at a value from 1 to 9');
    expect(message('scale-anchors-not-increasing', 28)).toBe('systematic starts at 6, not above repeatable (8): a higher level must start at a higher value of the scale');
    expect(message('unknown-level', 28)).toContain('did you mean "systematic"?');
  });

  it('tolerance and gate under levelRule mean are warnings saying they are ignored; the model still loads', async () => {
    // catches: the warnings missing, or raised under capped too, or made errors
    const mean = await findingsOf(manifest('tolerance: 2\n'), questionnaire(GOOD_QUESTIONS));
    expect(mean.loaded).toBe(true);
    expect(brief(mean.findings)).toEqual(['model.yaml:5:12 warning ignored-under-mean', 'design.yaml:10:11 warning ignored-under-mean']);
    expect(mean.findings[0]!.message).toContain('add levelRule: capped, or remove tolerance');
    expect(mean.findings[1]!.message).toContain('set levelRule: capped in model.yaml, or remove gate');
    const capped = await findingsOf(manifest('levelRule: capped\ntolerance: 2\n'), questionnaire(GOOD_QUESTIONS));
    expect(brief(capped.findings)).toEqual([]);
  });

  it('the schema: levelRule outside its values, tolerance below 0 or not whole, levels on a choice question, a non-integer anchor', async () => {
    // catches: the schema letting a wrong value of a new key through
    const questions = GOOD_QUESTIONS.replace('levels: { ad-hoc: 4,', 'levels: { ad-hoc: 4.5,').replace('    gate: repeatable\n', '    gate: repeatable\n    levels: { ad-hoc: 1 }\n');
    const manifestErrors = await findingsOf(manifest('levelRule: capped-ish\ntolerance: 1.5\n'), questionnaire(GOOD_QUESTIONS));
    expect(brief(manifestErrors.findings)).toEqual(['model.yaml:5:12 error invalid-value', 'model.yaml:6:12 error wrong-type']);
    expect(manifestErrors.findings[0]!.message).toBe('"capped-ish" is not allowed for "levelRule": use one of "mean", "capped"');
    const negative = await findingsOf(manifest('levelRule: capped\ntolerance: -1\n'), questionnaire(GOOD_QUESTIONS));
    expect(brief(negative.findings)).toEqual(['model.yaml:6:12 error invalid-value']);
    const { findings } = await findingsOf(manifest('levelRule: capped\n'), questionnaire(questions));
    expect(brief(findings)).toEqual(['design.yaml:11:5 error unknown-property', 'design.yaml:22:23 error wrong-type']);
  });
});

function byLine(a: string, b: string): number {
  const at = (s: string): number[] => s.split(' ')[0]!.split(':').slice(1).map(Number);
  const [x, y] = [at(a), at(b)];
  return x[0]! - y[0]! || x[1]! - y[1]!;
}
