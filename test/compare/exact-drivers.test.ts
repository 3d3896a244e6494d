// Drivers are computed on the questions' exact scores and rounded once, at the end (SPEC 4.1, like the plan's
// points in SPEC 4): the caller gives the exact scores of the answers it scored (question-scores.ts); a report
// given as it stands gives them through the answers it records, else its rounded scores are all there is.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare/compare-reports.js';
import { questionScores, recordedQuestionScores, type QuestionScores } from '../../src/compare/question-scores.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { loadModel } from '../../src/load/model.js';
import type { Report } from '../../src/domain/report.js';
import type { Model } from '../../src/domain/types.js';
import { buildReport } from '../../src/score/build-report.js';
import { fraction, type Fraction } from '../../src/domain/fraction.js';
import { round2Ratio } from '../../src/text/round.js';
import { makeReport } from './report-factory.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('drivers from exact scores', () => {
  // one element of 5 questions (weight 1); q.a moves from 4/9 (44.44) to 5/12 (41.67), the others stay
  const others = { 'q.b': 50, 'q.c': 50, 'q.d': 50, 'q.e': 50 };
  const before = makeReport({ period: 'P1', elements: { strategy: { 'q.a': 44.44, ...others } } });
  const after = makeReport({ period: 'P2', elements: { strategy: { 'q.a': 41.67, ...others } } });
  const driversOf = (result: ReturnType<typeof compareReports>) => (result.ok ? result.comparison.changes[0]!.elements[0]!.drivers : []);

  it('rounds the change of a contribution once: (5/12 − 4/9) × 100 / 5 = −0.5556 → −0.56', () => {
    const exact = (a: bigint, b: bigint): QuestionScores =>
      new Map<string, Fraction>([['q.a', fraction(100n * a, b)], ...Object.keys(others).map((id): [string, Fraction] => [id, fraction(50n)])]);
    const drivers = driversOf(compareReports([{ report: before, exact: exact(4n, 9n) }, { report: after, exact: exact(5n, 12n) }]));
    // mutation caught: contributions from the rounded scores give (41.67 − 44.44) / 5 = −0.554 → −0.55
    expect(drivers.map((d) => [d.question, d.delta])).toEqual([['q.a', -0.56]]);
  });

  it('takes a report’s rounded scores where it has nothing better', () => {
    expect(driversOf(compareReports([{ report: before }, { report: after }])).map((d) => [d.question, d.delta])).toEqual([['q.a', -0.55]]);
  });
});

describe('question scores', () => {
  async function scored(file: string, anonymous = false): Promise<{ model: Model; report: Report; exact: QuestionScores }> {
    const { model } = await loadModel(builtinModelDir());
    const { answers } = await loadAnswerSet([join(ROOT, file)], model!);
    return { model: model!, report: buildReport(model!, answers!, { anonymous }), exact: questionScores(model!, answers!.respondents) };
  }

  it('are the scores the report shows, unrounded, for every question with a value (scale, choice and multi alike)', async () => {
    const { report, exact } = await scored('examples/quarters/2026-Q4.yaml');
    const items = report.elements.flatMap((e) => e.items);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['choice', 'multi', 'scale']));
    expect(Object.fromEntries([...exact].map(([id, s]) => [id, round2Ratio(s.n, s.d)]))).toEqual(
      Object.fromEntries(items.filter((i) => i.score !== null).map((i) => [i.id, i.score])),
    );
  });

  it('come back from a report that records its answers and was scored with the same model', async () => {
    const { model, report, exact } = await scored('examples/quarters/2026-Q4.yaml');
    const viaJson = JSON.parse(JSON.stringify(report)) as Report;
    expect(recordedQuestionScores(model, viaJson)).toEqual(exact);
  });

  it('do not come back from an anonymous report, a report of another model version, or a score that its answers do not give', async () => {
    const anonymous = await scored('examples/quarters/2026-Q4.yaml', true);
    expect(recordedQuestionScores(anonymous.model, anonymous.report).size).toBe(0);

    const { model, report } = await scored('examples/quarters/2026-Q4.yaml');
    expect(recordedQuestionScores(model, { ...report, model: { ...report.model, version: '0.9.0' } }).size).toBe(0);

    const [first, ...rest] = report.elements;
    const [item, ...items] = first!.items;
    const edited: Report = { ...report, elements: [{ ...first!, items: [{ ...item!, score: item!.score! + 1 }, ...items] }, ...rest] };
    const recovered = recordedQuestionScores(model, edited);
    expect(recovered.has(item!.id)).toBe(false);
    expect(recovered.size).toBe(recordedQuestionScores(model, report).size - 1);
  });
});
