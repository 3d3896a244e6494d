// (1.1) compare across model versions stays like for like: an element whose questions changed meaning (no
// `replaces`) is compared over the questions both periods were asked, and the comparison names the new and
// dropped questions instead of showing the reshaping as the organization's change.
//
// Fixture test/fixtures/compare/reshaped: tiny-cx 2.0.0, with answers of 1.0.0 (2026-Q3) and 2.0.0 (2026-Q4).
//   strategy: statement kept (some → all: 50 → 100); words (1.0.0) dropped, promises (2.0.0) new, answered none (0)
//   culture: voice renamed speak-up through replaces (some → some: 50 → 50); days dropped, weeks new (2 of 13)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Comparison, ElementChange } from '../../src/domain/comparison.js';
import type { Report } from '../../src/domain/report.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import { periodQuestions } from '../../src/compare/period-questions.js';
import { comparisonOf } from './checked.js';
import { makeReport } from './report-factory.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = 'test/fixtures/compare/reshaped';

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: { NO_COLOR: '1' },
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

function element(c: Comparison, id: string, change = 0): ElementChange {
  return c.changes[change]!.elements.find((e) => e.id === id)!;
}

describe('compare between two versions of a model', () => {
  // (1.2) the change's own figures are the periods' (strategy 50 → 50, culture 50 → 32.69, high → low, a fall);
  // the like-for-like figures over the questions both answered sit beside them, labelled, never as a level
  // mutations caught: no likeForLike branch (strategy's +50 over the kept question lost); the like-for-like scores
  // put in place of the periods' own (the 1.1 behaviour: the issue's "Ad hoc → Repeatable" on a fall)
  it('gives the periods\' own figures, and beside them the like-for-like ones, naming the new and dropped questions', async () => {
    const { code, stdout } = await run(['compare', `${DIR}/2026-Q4.yaml`, `${DIR}/2026-Q3.yaml`, '--model', `${DIR}/model`, '-f', 'json']);
    expect(code).toBe(0);
    const c = JSON.parse(stdout) as Comparison;
    expect(element(c, 'strategy')).toMatchObject({
      fromScore: 50,
      toScore: 50,
      delta: 0,
      from: 'high',
      to: 'high',
      likeForLike: { over: ['strategy.statement'], fromScore: 50, toScore: 100, delta: 50 },
      questionsAdded: ['strategy.promises'],
      questionsRemoved: ['strategy.words'],
    });
    expect(element(c, 'strategy').drivers.map((d) => [d.question, d.delta])).toEqual([['strategy.statement', 50]]);
    // the renamed question counts on both sides; the reshaped one on neither
    expect(element(c, 'culture')).toMatchObject({
      fromScore: 50,
      toScore: 32.69,
      delta: -17.31,
      from: 'high',
      to: 'low',
      direction: 'down',
      likeForLike: { over: ['culture.speak-up'], fromScore: 50, toScore: 50, delta: 0 },
      questionsAdded: ['culture.weeks'],
      questionsRemoved: ['culture.days'],
      drivers: [],
    });
    // the periods themselves keep the scores they were assessed at
    expect(c.periods.map((p) => p.elements.find((e) => e.id === 'culture')!.score)).toEqual([50, 32.69]);
  });

  // mutation caught: a renderer showing the like-for-like figures unlabelled, or as the change's own
  it('says so in Markdown and in the terminal', async () => {
    const markdown = await run(['compare', `${DIR}/2026-Q3.yaml`, `${DIR}/2026-Q4.yaml`, '--model', `${DIR}/model`, '-f', 'markdown']);
    expect(markdown.stdout).toContain('| Culture | 50 | 32.69 | -17.31 | High → Low ↓ |');
    expect(markdown.stdout).toContain('| Strategy | 1 | 50 | 100 | +50 |');
    expect(markdown.stdout).toContain('- Culture fell 17.31 points (50 → 32.69); like for like, over the 1 question both periods answered: 50 → 50 (0).');
    expect(markdown.stdout).toContain('- Culture: compared over 1 question; new in 2026-Q4: culture.weeks; dropped since 2026-Q3: culture.days');
    const text = await run(['compare', `${DIR}/2026-Q3.yaml`, `${DIR}/2026-Q4.yaml`, '--model', `${DIR}/model`]);
    expect(text.stdout).toContain('Strategy: like for like, over the 1 question both periods answered: 50 -> 100 (+50); new strategy.promises; dropped strategy.words');
  });

  // mutation caught: the loader treating an unknown question of an older version as an error again (exit 1)
  it('warns once per dropped question and file, at its first answer, and still scores', async () => {
    const { code, stdout } = await run(['validate', `${DIR}/2026-Q3.yaml`, '--model', `${DIR}/model`]);
    expect(code).toBe(0);
    const dropped = stdout.split('\n').filter((l) => l.includes('warning unknown-question'));
    expect(dropped).toHaveLength(2);
    expect(dropped[0]).toMatch(/2026-Q3\.yaml:10:7 warning unknown-question "strategy\.words" was a question of tiny-cx 1\.0\.0 that version 2\.0\.0 dropped or changed in meaning .* the 2 answers to it in this file do not count/);
  });

  it('keeps an unknown question of the same version an error', async () => {
    const { code, stdout } = await run(['validate', 'test/fixtures/validate/answers/unknown-question.yaml', '--model', 'test/fixtures/validate/valid/model']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/unknown-question\.yaml:6:7 error unknown-question "strategy\.statment" is not a question of model tiny 1\.0\.0: did you mean "strategy\.statement"\?/);
  });
});

describe('periodQuestions', () => {
  const model = {
    version: '2.0.0',
    elements: [{ questions: [{ id: 's.kept', replaces: [] }, { id: 's.renamed', replaces: ['s.old-name'] }, { id: 's.new', replaces: [] }] }],
  };

  it('is undefined for answers of the scoring version: every question was in their questionnaire', () => {
    expect(periodQuestions(model, { version: '2.0.0', questionIds: ['s.kept'] })).toBeUndefined();
  });

  // mutation caught: matching recorded ids against question ids only, not against `replaces`
  it('counts a question asked under an id it replaces, and lists the ids the model no longer has', () => {
    expect(periodQuestions(model, { version: '1.0.0', questionIds: ['s.kept', 's.old-name', 's.gone'] })).toEqual({
      asked: ['s.kept', 's.renamed'],
      dropped: ['s.gone'],
    });
  });
});

describe('compareReports with a report JSON scored from answers of another version', () => {
  // mutation caught: questionnaireOf ignoring the model-version-mismatch warning (then the new question, with no
  // answer in Q1, would pull nothing but the delta would mix a 2-question score with a 1-question one)
  it('takes the questions someone answered as the ones that period was asked', () => {
    const q1 = makeReport({ period: 'Q1', elements: { strategy: { a: 40, b: null } } });
    const old: Report = { ...q1, warnings: [{ code: 'model-version-mismatch', message: 'recorded with 1.0.0' }] };
    const q2 = makeReport({ period: 'Q2', elements: { strategy: { a: 60, b: 0 } } });
    expect(element(comparisonOf([old, q2]), 'strategy')).toMatchObject({
      fromScore: 40,
      toScore: 30,
      delta: -10,
      likeForLike: { over: ['a'], fromScore: 40, toScore: 60, delta: 20 },
      questionsAdded: ['b'],
      questionsRemoved: [],
    });
    // without the warning, the question without a value is taken as asked and unanswered: not new; (1.2) the
    // like-for-like figure is still there, since the two periods answered different questions
    expect(element(comparisonOf([q1, q2]), 'strategy')).toMatchObject({ delta: -10, questionsAdded: [], likeForLike: { over: ['a'], delta: 20 } });
  });
});

describe('the example quarters (1.0.0 history, 2026-Q4 in the current model)', () => {
  // mutations caught: periodQuestions matching recorded ids against question ids only (a renamed question would be
  // listed as new); the built-in model losing its last `replaces` that the history uses (nothing renamed to exercise)
  it('never lists a question that replaces an old one as new, and lists every reshaped question as new', async () => {
    const { model } = await loadModel(builtinModelDir());
    const { code, stdout } = await run(['compare', 'examples/quarters/2026-Q3.yaml', 'examples/quarters/2026-Q4.yaml', '-f', 'json']);
    expect(code).toBe(0);
    const c = JSON.parse(stdout) as Comparison;
    const history = parse(readFileSync(join(ROOT, 'examples/quarters/2026-Q3.yaml'), 'utf8')) as { respondents: { answers: Record<string, unknown> }[] };
    const recorded = new Set(history.respondents.flatMap((r) => Object.keys(r.answers)));
    const renamed = model!.elements.flatMap((e) => e.questions).filter((q) => q.replaces.some((id) => recorded.has(id)));
    expect(renamed.length).toBeGreaterThan(0);
    for (const e of model!.elements) {
      const change = element(c, e.id);
      const expectedNew = e.questions.filter((q) => ![q.id, ...q.replaces].some((id) => recorded.has(id))).map((q) => q.id);
      expect(change.questionsAdded, e.id).toEqual(expectedNew);
    }
  });
});
