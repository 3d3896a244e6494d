// The action plan (SPEC 4, 1.1): every step promises points that re-scoring with its answers gives exactly,
// for every question type, with weights and n/a; every step raises its element; under weakest-link the
// first step lifts the weakest element.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanStep, Report } from '../../src/domain/report.js';
import type { AnswerSet, AnswerValue, Model, Question, Respondent } from '../../src/domain/types.js';
import { compare, fraction, type Fraction } from '../../src/domain/fraction.js';
import { round2Ratio } from '../../src/text/round.js';
import { exactScores, scoreAssessment } from '../../src/score/score.js';
import { answers, choice, element, model, multi, respondent, scale, type OptionSpec } from './factories.js';
import { runs } from '../fuzz-runs.js';
import { answerArb, modelArb } from './arbitraries.js';

/** The answers after the step: each respondent the step names gets the step's answer, under the question's id. */
function applyStep(set: AnswerSet, step: PlanStep): AnswerSet {
  const moved = step.answers ?? {};
  const respondents: Respondent[] = set.respondents.map((r) => {
    if (!Object.hasOwn(moved, r.name)) return r;
    const answersAfter = new Map(r.answers);
    answersAfter.set(step.question, moved[r.name] as AnswerValue);
    return { ...r, answers: answersAfter };
  });
  return { ...set, respondents };
}

function minus(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** What re-scoring with the step's answers changes, exactly, then rounded once. */
function rescored(m: Model, set: AnswerSet, step: PlanStep) {
  const before = exactScores(m, set.respondents);
  const after = exactScores(m, applyStep(set, step).respondents);
  const i = m.elements.findIndex((e) => e.id === step.element);
  const element = minus(after.elements[i]!, before.elements[i]!);
  const overall = minus(after.overall!, before.overall!);
  return { element, overall, elementPoints: round2Ratio(element.n, element.d), overallPoints: round2Ratio(overall.n, overall.d) };
}

function expectExact(m: Model, set: AnswerSet, report: Report): void {
  expect(report.plan!.length).toBeGreaterThan(0);
  for (const step of report.plan!) {
    const r = rescored(m, set, step);
    expect({ question: step.question, elementPoints: step.elementPoints, overallPoints: step.overallPoints }).toEqual({
      question: step.question,
      elementPoints: r.elementPoints,
      overallPoints: r.overallPoints,
    });
    expect(compare(r.element, fraction(0n))).toBe(1);
  }
}

const step = (report: Report, question: string): PlanStep => {
  const found = report.plan!.find((s) => s.question === question);
  if (found === undefined) throw new Error(`no step for ${question} in ${JSON.stringify(report.plan)}`);
  return found;
};

describe('planSteps: one step per question below the top, exact points', () => {
  it('choice: from the typical answer below the top to the next strictly higher score, wherever it is listed', () => {
    // listed out of score order, with two options of equal score: the step goes to the next higher score
    const options: OptionSpec = [
      ['top', 4],
      ['low', 0],
      ['mid', 2],
      ['mid-too', 2],
      ['high', 3],
    ];
    const m = model([
      element('strategy', [choice('strategy.a', { options, weight: 2, notApplicable: true }), choice('strategy.b')]),
      element('design', [scale('design.q')], { weight: 3 }),
    ]);
    const set = answers([
      respondent('Al', { 'strategy.a': 'mid', 'strategy.b': 'all', 'design.q': 9 }),
      respondent('Bo', { 'strategy.a': 'mid-too', 'strategy.b': 'most', 'design.q': 8 }),
      respondent('Cy', { 'strategy.a': 'low', 'strategy.b': 'most', 'design.q': 10 }),
      respondent('Di', { 'strategy.a': 'top', 'strategy.b': 'n/a' }),
      respondent('Ed', { 'strategy.a': 'n/a' }),
    ]);
    const report = scoreAssessment(m, set);
    // below the top: low 0, mid 2, mid-too 2 → lower median mid (2); both at score 2 move to `high` (3); Cy at 0 stays
    expect(step(report, 'strategy.a')).toMatchObject({
      element: 'strategy',
      type: 'choice',
      from: 'mid',
      to: 'high',
      fromLabel: 'Option mid',
      toLabel: 'Option high',
      moves: 2,
      of: 4,
      answers: { Al: 'high', Bo: 'high' },
    });
    // strategy.b: Al at the top, Bo and Cy at most → all
    expect(step(report, 'strategy.b')).toMatchObject({ from: 'most', to: 'all', moves: 2, of: 3, answers: { Bo: 'all', Cy: 'all' } });
    expectExact(m, set, report);
    // mutation caught: leaving the question's weight (2) out of elementPoints; Σw = 3 over the answered questions
    // strategy.a: 2 respondents × 1 point / (range 4 × 4 answers) × 2/3 × 100 = 8.33
    expect(step(report, 'strategy.a').elementPoints).toBe(8.33);
  });

  it('multi: adds the one option (scoring above 0) that gains most, to everyone who has not chosen it', () => {
    const options: OptionSpec = [
      ['free', 0],
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ];
    const m = model([element('measurement', [multi('measurement.kpis', { options, weight: 1.5, notApplicable: true }), scale('measurement.q')])]);
    const set = answers([
      respondent('Al', { 'measurement.kpis': ['a', 'c'], 'measurement.q': 3 }),
      respondent('Bo', { 'measurement.kpis': ['a'], 'measurement.q': 5 }),
      respondent('Cy', { 'measurement.kpis': [], 'measurement.q': 'n/a' }),
      respondent('Di', { 'measurement.kpis': 'n/a' }),
    ]);
    const report = scoreAssessment(m, set);
    // c (3) lacked by Bo and Cy gains 6; b (1) lacked by all three gains 3; a (1) by Cy gains 1
    expect(step(report, 'measurement.kpis')).toMatchObject({
      type: 'multi',
      toLabel: 'Option c',
      moves: 2,
      of: 3,
      answers: { Bo: ['a', 'c'], Cy: ['c'] },
    });
    expect(step(report, 'measurement.kpis').from).toEqual([]);
    expect(step(report, 'measurement.kpis').to).toEqual(['c']);
    expectExact(m, set, report);
  });

  it('scale: from the typical value below the max up by the span over the number of levels, for everyone in between', () => {
    const m = model([
      element('culture', [scale('culture.days', { min: 0, max: 10, weight: 2 }), choice('culture.b', { notApplicable: true })]),
      element('design', [choice('design.a')], { weight: 0.5 }),
    ]);
    const set = answers([
      respondent('Al', { 'culture.days': 3, 'culture.b': 'n/a', 'design.a': 'some' }),
      respondent('Bo', { 'culture.days': 4, 'culture.b': 'some', 'design.a': 'all' }),
      respondent('Cy', { 'culture.days': 7, 'design.a': 'none' }),
      respondent('Di', { 'culture.days': 10, 'culture.b': 'n/a' }),
    ]);
    const report = scoreAssessment(m, set);
    // below 10: 3, 4, 7 → lower median 4; 4 levels over a span of 10 → step 2: 4 → 6 moves Bo only (Al at 3 stays)
    expect(step(report, 'culture.days')).toMatchObject({ type: 'scale', from: 4, to: 6, fromLabel: '4', toLabel: '6', moves: 1, of: 4, answers: { Bo: 6 } });
    expectExact(m, set, report);
  });

  it('skips questions at the top, with no value, or only n/a; an unassessed element has no steps', () => {
    const m = model([
      element('strategy', [choice('strategy.top'), choice('strategy.na', { notApplicable: true }), choice('strategy.none')]),
      element('design', [choice('design.a')]),
    ]);
    const report = scoreAssessment(m, answers([respondent('Al', { 'strategy.top': 'all', 'strategy.na': 'n/a' })]));
    expect(report.plan).toEqual([]);
  });

  it('uses the `next:` text of the option a choice step starts from, and of the option a multi step adds', () => {
    const c = choice('strategy.a');
    const withNext: Question = { ...c, options: c.options.map((o) => (o.id === 'some' ? { ...o, next: 'Write it down together.' } : o)) };
    const mq = multi('strategy.m');
    const multiNext: Question = { ...mq, options: mq.options.map((o) => (o.id === 'c' ? { ...o, next: 'Start tracking c.' } : o)) };
    const m = model([element('strategy', [withNext, multiNext])]);
    const report = scoreAssessment(m, answers([respondent('Al', { 'strategy.a': 'some', 'strategy.m': ['a'] })]));
    expect(step(report, 'strategy.a').next).toBe('Write it down together.');
    expect(step(report, 'strategy.m').next).toBe('Start tracking c.');
  });

  it('in an anonymous report, steps name no one and items record no choices', () => {
    const m = model([element('strategy', [choice('strategy.a')])]);
    const report = scoreAssessment(m, answers([respondent('Al', { 'strategy.a': 'some' })], { anonymous: true }));
    expect(report.plan![0]).not.toHaveProperty('answers');
    expect(report.plan![0]).toMatchObject({ moves: 1, of: 1 });
    expect(report.elements[0]!.items[0]).not.toHaveProperty('choices');
    expect(JSON.stringify(report.plan)).not.toContain('Al');
  });

  it('keys choices and step answers by any name, __proto__ included, as own properties', () => {
    const m = model([element('strategy', [choice('strategy.a')])]);
    const report = scoreAssessment(m, answers([respondent('__proto__', { 'strategy.a': 'some' }), respondent('constructor', { 'strategy.a': 'some' })]));
    // mutation caught: plain assignment for every name (record['__proto__'] = … sets the prototype, the key is lost)
    expect(JSON.stringify(report.plan![0]!.answers)).toBe('{"__proto__":"most","constructor":"most"}');
    expect(JSON.stringify(report.elements[0]!.items[0]!.choices)).toBe('{"__proto__":"some","constructor":"some"}');
  });

  it('counts an answer recorded under an old id, and the step answers under the current id', () => {
    const m = model([element('strategy', [choice('strategy.new', { replaces: ['strategy.old'] })])]);
    const set = answers([respondent('Al', { 'strategy.old': 'some' })]);
    const report = scoreAssessment(m, set);
    expect(report.plan![0]).toMatchObject({ question: 'strategy.new', from: 'some', to: 'most', answers: { Al: 'most' } });
    expect(report.elements[0]!.items[0]!.choices).toEqual({ Al: 'some' });
    expectExact(m, set, report);
  });

  it('orders by weakest link: the weakest element first, then whichever element the steps taken so far leave weakest', () => {
    const m = model([element('strategy', [choice('strategy.a'), choice('strategy.b')]), element('design', [choice('design.a'), choice('design.b')])]);
    // strategy 50 (repeatable), design 1/6 ≈ 16.67 (unconscious): design first, though strategy's steps are worth as much
    const set = answers([respondent('Al', { 'strategy.a': 'some', 'strategy.b': 'most', 'design.a': 'none', 'design.b': 'some' })]);
    const report = scoreAssessment(m, set);
    expect(report.overall.weakest).toEqual(['design']);
    // design.a +16.67 → 33.33 (still weakest) then design.b +16.67 → 50; then strategy (50 = design 50: model order)
    expect(report.plan!.map((s) => s.question)).toEqual(['design.a', 'design.b', 'strategy.a', 'strategy.b']);
    // each step's points and level are its own, from today's answers: design.b alone takes design to 33.33
    expect(report.plan!.map((s) => s.levelAfter)).toEqual(['ad-hoc', 'ad-hoc', 'repeatable', 'repeatable']);
    // under mean: most overall points first (all equal here: model order)
    const mean = scoreAssessment({ ...m, overall: 'mean' }, set);
    expect(mean.plan!.map((s) => s.question)).toEqual(['strategy.a', 'strategy.b', 'design.a', 'design.b']);
  });

  it('under mean, breaks a tie on overall points by the larger element gain, then model order', () => {
    // Mutation caught: the tie-break on element points under `overall: mean` dropped or reversed
    // (`compare(b.elementPoints, a.elementPoints)` in score/plan.ts), which puts strategy's step first by model order.
    // Element weights 2 + 1 + 1 = 4. strategy (weight 2): one choice 0/1/2 answered 0 → step +50 to the element,
    // 50·2/4 = 25 overall. design (weight 1): one choice 0/1 answered 0 → step +100 to the element, 100·1/4 = 25
    // overall: the same, exactly, so the larger element gain (design's) goes first though design comes later in the
    // model. culture (weight 1, two choices 0/1, both 0): two steps of +50, 12.5 overall each: model order between them.
    const m = model(
      [
        element('strategy', [choice('strategy.a', { options: [['none', 0], ['some', 1], ['all', 2]] })], { weight: 2 }),
        element('design', [choice('design.a', { options: [['no', 0], ['yes', 1]] })]),
        element('culture', [choice('culture.a', { options: [['no', 0], ['yes', 1]] }), choice('culture.b', { options: [['no', 0], ['yes', 1]] })]),
      ],
      { overall: 'mean' },
    );
    const set = answers([respondent('Al', { 'strategy.a': 'none', 'design.a': 'no', 'culture.a': 'no', 'culture.b': 'no' })], { model: m });
    const report = scoreAssessment(m, set);
    expect(report.plan!.map((s) => [s.question, s.elementPoints, s.overallPoints])).toEqual([
      ['design.a', 100, 25],
      ['strategy.a', 50, 25],
      ['culture.a', 50, 12.5],
      ['culture.b', 50, 12.5],
    ]);
    expectExact(m, set, report);
  });
});

// ---- property: random models and answers ----

const scenario = modelArb({ maxElements: 4, maxSpan: 12 }).chain((m) => {
  const questions = m.elements.flatMap((e) => e.questions);
  return fc
    .array(fc.tuple(...questions.map(answerArb)), { minLength: 1, maxLength: 6 })
    .map((rows) =>
      answers(
        rows.map((row, r) =>
          respondent(`R${r}`, Object.fromEntries(questions.flatMap((q, i) => (row[i] === undefined ? [] : [[q.id, row[i]] as const])))),
        ),
      ),
    )
    .map((a) => ({ m, a }));
});

describe('planSteps (property, fixed seed)', () => {
  it('every step raises its element, promises exactly what re-scoring gives, and under weakest-link the first lifts the weakest element', () => {
    fc.assert(
      fc.property(scenario, ({ m, a }) => {
        const report = scoreAssessment(m, a);
        const plan = report.plan!;
        const before = exactScores(m, a.respondents);
        for (const s of plan) {
          const i = m.elements.findIndex((e) => e.id === s.element);
          const after = exactScores(m, applyStep(a, s).respondents);
          // mutation caught: a step that moves someone down (e.g. the next option by list order, not by score)
          expect(compare(after.elements[i]!, before.elements[i]!)).toBe(1);
          const r = rescored(m, a, s);
          expect([s.elementPoints, s.overallPoints]).toEqual([r.elementPoints, r.overallPoints]);
          // only the step's element moves
          for (const [j, score] of before.elements.entries()) if (j !== i) expect(after.elements[j]).toEqual(score);
          expect(s.moves).toBe(Object.keys(s.answers!).length);
        }
        // one step per question at most
        expect(new Set(plan.map((s) => s.question)).size).toBe(plan.length);
        // every question with a value below 100 has a step
        const below = report.elements.flatMap((e) => e.items.filter((it) => it.score !== null && it.score < 100).map((it) => it.id));
        for (const id of below) expect(plan.map((s) => s.question)).toContain(id);
        if (m.overall === 'weakest-link' && plan.length > 0) {
          // mutation caught: ordering by points alone, which often starts in a stronger element
          expect(report.overall.weakest).toContain(plan[0]!.element);
        }
      }),
      { numRuns: runs(100), seed: 15 },
    );
  });
});
