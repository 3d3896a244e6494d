import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.js';
import type { AnswerSet, AnswerValue, Model, Question } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { answers, LEVELS, respondent } from './factories.js';
import { runs } from '../fuzz-runs.js';
import { answerArb, modelArb } from './arbitraries.js';

const RUNS = { numRuns: runs(200) };

// ---- arbitraries: a random model, then answers that fit it ----

function answerSetArb(m: Model, minRespondents = 0): fc.Arbitrary<AnswerSet> {
  const questions = m.elements.flatMap((e) => e.questions);
  const one = fc.tuple(...questions.map(answerArb));
  return fc.array(one, { minLength: minRespondents, maxLength: 5 }).map((rows) =>
    answers(
      rows.map((row, r) =>
        respondent(`R${r}`, Object.fromEntries(questions.flatMap((q, i) => (row[i] === undefined ? [] : [[q.id, row[i]] as const])))),
      ),
    ),
  );
}

/** The models of these properties: up to 3 elements, scales up to 10 points wide. */
const models = modelArb({ maxElements: 3, maxSpan: 10 });

const scenario = models.chain((m) => answerSetArb(m).map((a) => ({ m, a })));

/** The numbers a change of order must not move. */
function scores(report: Report) {
  return {
    overall: report.overall,
    elements: report.elements.map((e) => ({ id: e.id, score: e.score, level: e.level, answered: e.answered })),
    items: report.elements
      .flatMap((e) => e.items)
      .map((i) => ({ id: i.id, score: i.score, spread: i.spread }))
      .sort((x, y) => x.id.localeCompare(y.id)),
  };
}

const LEVEL_RANK = new Map(LEVELS.map((l, i) => [l.id, i]));

// ---- an independent oracle: SPEC 3 written out in plain doubles ----

function oracleValue(q: Question, answer: AnswerValue | undefined): number | undefined {
  if (answer === undefined || answer === 'n/a') return undefined;
  if (q.type === 'scale') return ((answer as number) - q.min) / (q.max - q.min);
  const score = (id: string) => q.options.find((o) => o.id === id)!.score;
  const all = q.options.map((o) => o.score);
  if (q.type === 'choice') return (score(answer as string) - Math.min(...all)) / (Math.max(...all) - Math.min(...all));
  return (answer as string[]).reduce((s, id) => s + score(id), 0) / all.reduce((s, x) => s + x, 0);
}

function oracleElementScores(m: Model, a: AnswerSet): (number | null)[] {
  return m.elements.map((e) => {
    let sum = 0;
    let weights = 0;
    for (const q of e.questions) {
      const values = a.respondents.map((r) => oracleValue(q, r.answers.get(q.id))).filter((v) => v !== undefined);
      if (values.length === 0) continue;
      sum += q.weight * (values.reduce((s, v) => s + v, 0) / values.length);
      weights += q.weight;
    }
    return weights === 0 ? null : (100 * sum) / weights;
  });
}

describe('scoreAssessment, for any model and answers', () => {
  it('agrees with SPEC 3 computed in doubles, to within rounding', () => {
    fc.assert(
      fc.property(scenario, ({ m, a }) => {
        const report = scoreAssessment(m, a);
        const oracle = oracleElementScores(m, a);
        report.elements.forEach((e, i) => {
          const expected = oracle[i]!;
          if (expected === null) expect(e.score).toBeNull();
          else expect(Math.abs(e.score! - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
        });
      }),
      RUNS,
    );
  });

  it('keeps every score, spread and own score within [0, 100]', () => {
    const within = (x: number | null) => x === null || (x >= 0 && x <= 100);
    fc.assert(
      fc.property(scenario, ({ m, a }) => {
        const report = scoreAssessment(m, a);
        expect(within(report.overall.score)).toBe(true);
        for (const e of report.elements) {
          expect(within(e.score)).toBe(true);
          expect(Object.values(e.byRespondent).every(within)).toBe(true);
          for (const item of e.items) {
            expect([item.score, item.spread, ...Object.values(item.byRespondent)].every(within)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('is not moved by the order of the respondents', () => {
    const shuffled = scenario.chain(({ m, a }) =>
      fc.shuffledSubarray([...a.respondents], { minLength: a.respondents.length }).map((order) => ({ m, a, b: { ...a, respondents: order } })),
    );
    fc.assert(
      fc.property(shuffled, ({ m, a, b }) => {
        expect(scores(scoreAssessment(m, b))).toEqual(scores(scoreAssessment(m, a)));
      }),
      RUNS,
    );
  });

  it('is not moved by the order of the questions within an element', () => {
    const shuffled = scenario.chain(({ m, a }) =>
      fc
        .tuple(...m.elements.map((e) => fc.shuffledSubarray([...e.questions], { minLength: e.questions.length })))
        .map((orders) => ({ m, a, n: { ...m, elements: m.elements.map((e, i) => ({ ...e, questions: orders[i]! })) } })),
    );
    fc.assert(
      fc.property(shuffled, ({ m, a, n }) => {
        expect(scores(scoreAssessment(n, a))).toEqual(scores(scoreAssessment(m, a)));
      }),
      RUNS,
    );
  });

  it('never lowers a score when one answer is raised', () => {
    const raised = models
      .chain((m) => answerSetArb(m, 1).map((a) => ({ m, a })))
      .chain(({ m, a }) => fc.record({ m: fc.constant(m), a: fc.constant(a), r: fc.nat(), q: fc.nat(), pick: fc.nat() }))
      .map(({ m, a, r, q, pick }) => {
        const questions = m.elements.flatMap((e) => e.questions);
        if (questions.length === 0) return undefined;
        const question = questions[q % questions.length]!;
        const who = a.respondents[r % a.respondents.length]!;
        const higher = raise(question, who.answers.get(question.id), pick);
        if (higher === undefined) return undefined;
        const answersRaised = new Map(who.answers).set(question.id, higher);
        const b = { ...a, respondents: a.respondents.map((x) => (x === who ? { ...x, answers: answersRaised } : x)) };
        return { m, a, b, element: question.element };
      })
      .filter((x) => x !== undefined);
    fc.assert(
      fc.property(raised, ({ m, a, b, element: id }) => {
        const before = scoreAssessment(m, a);
        const after = scoreAssessment(m, b);
        const e0 = before.elements.find((e) => e.id === id)!;
        const e1 = after.elements.find((e) => e.id === id)!;
        // the raised answer already had a value, so the element and the overall score stay defined
        expect(e1.score!).toBeGreaterThanOrEqual(e0.score!);
        expect(LEVEL_RANK.get(e1.level!)!).toBeGreaterThanOrEqual(LEVEL_RANK.get(e0.level!)!);
        expect(after.overall.score!).toBeGreaterThanOrEqual(before.overall.score!);
        expect(LEVEL_RANK.get(after.overall.level!)!).toBeGreaterThanOrEqual(LEVEL_RANK.get(before.overall.level!)!);
      }),
      RUNS,
    );
  });
});

/** A higher answer than `answer` (a higher-scoring option, a higher scale value, one more multi option); undefined if none. */
function raise(question: Question, answer: AnswerValue | undefined, pick: number): AnswerValue | undefined {
  if (answer === undefined || answer === 'n/a') return undefined;
  switch (question.type) {
    case 'choice': {
      const current = question.options.find((o) => o.id === answer)!.score;
      const higher = question.options.filter((o) => o.score > current);
      return higher.length === 0 ? undefined : higher[pick % higher.length]!.id;
    }
    case 'multi': {
      const chosen = answer as readonly string[];
      const more = question.options.filter((o) => !chosen.includes(o.id));
      return more.length === 0 ? undefined : [...chosen, more[pick % more.length]!.id];
    }
    case 'scale': {
      const value = answer as number;
      return value >= question.max ? undefined : value + 1 + (pick % (question.max - value));
    }
  }
}
