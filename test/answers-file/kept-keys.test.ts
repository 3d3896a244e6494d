// The one answers-file writer keeps what it does not manage (#25 "the flag is lost"): an interview that adds a
// respondent to an anonymous, imported file keeps `anonymous: true` and `source:`, and any other top-level key
// (`targets:`, `evidence:`, a later one) is written back as it was read.
// Fails on the code before the one writer: draftFromAnswerSet built the draft from the AnswerSet alone, and the
// first save wrote the file without `anonymous: true` and `source:` (then `cxm report` showed every name).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftAsAnswerSet, draftFromAnswerSet, keptEntries } from '../../src/answers-file/read.js';
import { buildReport } from '../../src/score/build-report.js';
import type { AnswersDraft } from '../../src/answers-file/draft.js';
import { answersData, answersYaml, serializeAnswers } from '../../src/answers-file/write.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { runSession } from '../../src/assess/session.js';
import type { Model } from '../../src/domain/types.js';
import { ScriptedPrompter } from '../session/scripted-prompter.js';
import { builtinModel, openStore, responder } from '../session/session-helpers.js';

let model: Model;
let dir: string;
beforeAll(async () => {
  model = await builtinModel();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxm-kept-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SHA = 'a'.repeat(64);

describe('an interview adding a respondent to an anonymous, imported file', () => {
  it('keeps anonymous: true and source:, and the report it offers names nobody', async () => {
    const file = join(dir, 'answers.yaml');
    await writeFile(
      file,
      `kind: answers\nmodel: {id: cx-maturity, version: ${model.version}}\norganization: Acme Ltd\nperiod: 2026-Q4\nanonymous: true\nsource:\n  file: survey.csv\n  sha256: ${SHA}\nrespondents:\n  - name: respondent-1\n    answers:\n      design.returns-and-repairs: n/a\n`,
    );
    const store = await openStore(file, model);
    const result = await runSession(model, store, new ScriptedPrompter([], responder(model, { name: 'Dana Secret' })), { today: '2026-11-22' });
    const text = await readFile(file, 'utf8');
    // mutation caught: a draft built without the file's anonymous flag or source (the first save drops them)
    expect(text).toContain('\nanonymous: true\n');
    expect(text).toContain(`\nsource:\n  file: survey.csv\n  sha256: ${SHA}\n`);
    const { answers } = await loadAnswerSet([file], model);
    expect(answers!.anonymous).toBe(true);
    expect(answers!.respondents.map((r) => r.name)).toEqual(['respondent-1', 'Dana Secret']);
    // the set the session scores is anonymous too (draftAsAnswerSet carries the flag), and so the report cxm assess
    // prints and offers to write (buildReport of it) names nobody
    const set = draftAsAnswerSet(store.draft, file);
    expect(set.anonymous).toBe(true);
    expect(JSON.stringify(buildReport(model, set))).not.toContain('Dana Secret');
    expect(result.respondent).toBe('Dana Secret');
  });
});

describe('keys the writer does not manage', () => {
  const draft: AnswersDraft = {
    model: { id: 'cx-maturity', version: '1.2.0' },
    period: '2026-Q4',
    anonymous: true,
    respondents: [{ name: 'r1', answers: new Map([['strategy.x', 'most']]), notes: new Map() }],
    kept: [
      ['targets', { default: 'repeatable', governance: 'systematic' }],
      ['evidence', { 'design.refunds': [{ kind: 'document', ref: 'Refund procedure v3, intranet', date: '2026-10-01' }, { kind: 'claim', ref: 'no' }] }],
    ],
  };

  it('are written back after the respondents, with their values, in both styles', () => {
    for (const text of [serializeAnswers(draft), serializeAnswers(draft, { bulk: true })]) {
      const data = parse(text) as Record<string, unknown>;
      expect(data['targets']).toEqual({ default: 'repeatable', governance: 'systematic' });
      expect(data['evidence']).toEqual({ 'design.refunds': [{ kind: 'document', ref: 'Refund procedure v3, intranet', date: '2026-10-01' }, { kind: 'claim', ref: 'no' }] });
      expect(Object.keys(data)).toEqual(['kind', 'model', 'period', 'anonymous', 'respondents', 'targets', 'evidence']);
    }
    // the line-by-line writer and the Document agree byte for byte with kept keys too
    expect(serializeAnswers(draft)).toBe(answersYaml(answersData(draft)));
  });

  it('are read from a file as entries, the managed keys left out', () => {
    const data = { kind: 'answers', model: {}, anonymous: true, source: {}, respondents: [], targets: { default: 'ad-hoc' }, later: 1 };
    expect(keptEntries(data)).toEqual([
      ['targets', { default: 'ad-hoc' }],
      ['later', 1],
    ]);
    const set = { model: { id: 'm', version: '1' }, anonymous: true, respondents: [], inputs: [] };
    const d = draftFromAnswerSet(set, { ...data, source: { file: 'x.csv', sha256: SHA } });
    expect(d.anonymous).toBe(true);
    expect(d.source).toEqual({ file: 'x.csv', sha256: SHA });
    expect(d.kept).toEqual([
      ['targets', { default: 'ad-hoc' }],
      ['later', 1],
    ]);
  });
});
