import { describe, expect, it } from 'vitest';
import type { Report, ReportElement, ReportItem } from '../../src/domain/report.js';
import type { AnswerValue } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { answers, choice, element, LEVELS, model, multi, respondent, scale } from './factories.js';

function elementOf(report: Report, id: string): ReportElement {
  const found = report.elements.find((e) => e.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found;
}

function itemOf(report: Report, id: string): ReportItem {
  const found = report.elements.flatMap((e) => e.items).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** One element `e` with one 0-10 scale question `e.q`, answered by one respondent per value. */
function scaleScores(values: readonly AnswerValue[], options: { levels?: typeof LEVELS; max?: number } = {}): Report {
  const m = model([element('e', [scale('e.q', { max: options.max ?? 10, notApplicable: true })])], options.levels ? { levels: options.levels } : {});
  return scoreAssessment(m, answers(values.map((v, i) => respondent(`R${i}`, { 'e.q': v }))));
}

describe('scoreAssessment: one respondent', () => {
  const m = model([
    element('strategy', [choice('strategy.c', { weight: 2 }), multi('strategy.m'), scale('strategy.s')], {
      recommendations: { repeatable: ['Write it down.'], systematic: ['Keep going.'] },
    }),
  ]);
  const report = scoreAssessment(m, answers([respondent('Alice', { 'strategy.c': 'most', 'strategy.m': ['a', 'b'], 'strategy.s': 7 })]));

  it('values each question type', () => {
    expect(itemOf(report, 'strategy.c').score).toBe(66.67); // choice: (2-0)/(3-0) = 0.6667
    expect(itemOf(report, 'strategy.m').score).toBe(50); // multi: (1+1)/(1+1+2) = 0.5
    expect(itemOf(report, 'strategy.s').score).toBe(70); // scale: (7-0)/(10-0) = 0.7
  });

  it('weights the questions into the element score and picks its level', () => {
    const e = elementOf(report, 'strategy');
    // 100 × (2·0.6667 + 1·0.5 + 1·0.7) / (2+1+1) = 100 × 2.5333 / 4 = 63.33 → repeatable (50 ≤ 63.33 < 75)
    expect(e.score).toBe(63.33);
    expect(e.level).toBe('repeatable');
    expect(e.answered).toBe(3);
    expect(e.questions).toBe(3);
    expect(e.recommendations).toEqual(['Write it down.']);
    expect(e.byRespondent).toEqual({ Alice: 63.33 });
  });

  it('gives one answer no spread', () => {
    expect(report.elements[0]!.items.map((i) => i.spread)).toEqual([0, 0, 0]);
    expect(report.elements[0]!.items.map((i) => i.answers)).toEqual([1, 1, 1]);
  });

  it('sets the overall score and level from the one element', () => {
    expect(report.overall).toEqual({ score: 63.33, level: 'repeatable', method: 'weakest-link', weakest: ['strategy'] });
  });
});

describe('scoreAssessment: several respondents', () => {
  const m = model([
    element('design', [
      choice('design.c', { notApplicable: true }),
      scale('design.s', { notApplicable: true }),
      multi('design.m'),
    ]),
  ]);
  const set = answers([
    respondent('Alice', { 'design.c': 'all', 'design.s': 5, 'design.m': [] }, { notes: { 'design.s': 'tough one' }, role: 'Lead' }),
    respondent('Bob', { 'design.c': 'some', 'design.s': 'n/a', 'design.m': ['c'] }),
    respondent('Carol', { 'design.c': 'n/a', 'design.s': 10 }, { notes: { 'design.c': 'not for us', 'design.s': 'easy' } }),
  ]);
  const report = scoreAssessment(m, set);

  it('averages each question over the respondents who gave it a value', () => {
    // choice: Alice 3/3 = 1, Bob 1/3, Carol n/a → (1 + 0.3333)/2 = 0.6667
    expect(itemOf(report, 'design.c')).toMatchObject({ score: 66.67, answers: 2, notApplicable: 1 });
    // scale: Alice 5/10 = 0.5, Bob n/a, Carol 10/10 = 1 → (0.5 + 1)/2 = 0.75
    expect(itemOf(report, 'design.s')).toMatchObject({ score: 75, answers: 2, notApplicable: 1 });
    // multi: Alice [] = 0, Bob [c] = 2/4 = 0.5, Carol unanswered → (0 + 0.5)/2 = 0.25
    expect(itemOf(report, 'design.m')).toMatchObject({ score: 25, answers: 2, notApplicable: 0 });
  });

  it('reports the spread as max − min of the values', () => {
    expect(itemOf(report, 'design.c').spread).toBe(66.67); // 1 − 0.3333
    expect(itemOf(report, 'design.s').spread).toBe(50); // 1 − 0.5
    expect(itemOf(report, 'design.m').spread).toBe(50); // 0.5 − 0
  });

  it('scores the element from the question values', () => {
    // 100 × (0.6667 + 0.75 + 0.25) / 3 = 55.56 → repeatable
    expect(elementOf(report, 'design')).toMatchObject({ score: 55.56, level: 'repeatable', answered: 3, questions: 3 });
  });

  it("gives each respondent's own values and element score", () => {
    expect(itemOf(report, 'design.c').byRespondent).toEqual({ Alice: 100, Bob: 33.33, Carol: null });
    expect(itemOf(report, 'design.s').byRespondent).toEqual({ Alice: 50, Bob: null, Carol: 100 });
    expect(itemOf(report, 'design.m').byRespondent).toEqual({ Alice: 0, Bob: 50, Carol: null });
    // Alice (1 + 0.5 + 0)/3 = 50; Bob (0.3333 + 0.5)/2 = 41.67; Carol 1/1 = 100
    expect(elementOf(report, 'design').byRespondent).toEqual({ Alice: 50, Bob: 41.67, Carol: 100 });
    expect(Object.keys(elementOf(report, 'design').byRespondent)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('weights the respondent element scores like the element score', () => {
    const weighted = model([element('e', [scale('e.a', { weight: 3 }), scale('e.b')])]);
    const r = scoreAssessment(weighted, answers([respondent('A', { 'e.a': 10, 'e.b': 0 }), respondent('B', { 'e.b': 4 })]));
    // A: (3·1 + 1·0)/4 = 75; B: only e.b → 0.4 = 40
    expect(elementOf(r, 'e').byRespondent).toEqual({ A: 75, B: 40 });
    // e.a = 1 (A only), e.b = (0 + 0.4)/2 = 0.2 → 100 × (3·1 + 1·0.2)/4 = 80
    expect(elementOf(r, 'e').score).toBe(80);
  });

  it('collects notes per question in respondent order', () => {
    expect(itemOf(report, 'design.s').notes).toEqual([
      { respondent: 'Alice', note: 'tough one' },
      { respondent: 'Carol', note: 'easy' },
    ]);
    expect(itemOf(report, 'design.c').notes).toEqual([{ respondent: 'Carol', note: 'not for us' }]);
    expect(itemOf(report, 'design.m').notes).toEqual([]);
  });

  it('lists the respondents with their roles', () => {
    expect(report.respondents).toEqual([{ name: 'Alice', role: 'Lead' }, { name: 'Bob' }, { name: 'Carol' }]);
  });

  it('scores respondents from several files as one set', () => {
    const split = answers([
      respondent('Alice', { 'design.c': 'all', 'design.s': 5, 'design.m': [] }, { file: 'answers/alice.yaml' }),
      respondent('Bob', { 'design.c': 'some', 'design.s': 'n/a', 'design.m': ['c'] }, { file: 'answers/bob.yaml' }),
      respondent('Carol', { 'design.c': 'n/a', 'design.s': 10 }, { file: 'answers/carol.yaml' }),
    ]);
    const r = scoreAssessment(m, split);
    expect(elementOf(r, 'design').score).toBe(55.56);
    expect(elementOf(r, 'design').byRespondent).toEqual({ Alice: 50, Bob: 41.67, Carol: 100 });
    expect(r.inputs.map((i) => i.file)).toEqual(['model/model.yaml', 'answers/alice.yaml', 'answers/bob.yaml', 'answers/carol.yaml']);
  });
});

describe('scoreAssessment: unanswered and n/a', () => {
  it('leaves questions without a value out of the element score', () => {
    const m = model([element('e', [scale('e.a'), scale('e.b', { weight: 5 }), scale('e.c', { notApplicable: true })])]);
    const r = scoreAssessment(m, answers([respondent('A', { 'e.a': 8, 'e.c': 'n/a' })]));
    // only e.a has a value: 100 × 0.8 = 80 (e.b's weight 5 does not count)
    expect(elementOf(r, 'e')).toMatchObject({ score: 80, level: 'systematic', answered: 1, questions: 3 });
    expect(itemOf(r, 'e.b')).toMatchObject({ score: null, spread: null, answers: 0, notApplicable: 0, byRespondent: { A: null } });
    expect(itemOf(r, 'e.c')).toMatchObject({ score: null, spread: null, answers: 0, notApplicable: 1, byRespondent: { A: null } });
  });

  it('counts an empty multi answer as 0, not as unanswered', () => {
    const m = model([element('e', [multi('e.m'), scale('e.s')])]);
    const r = scoreAssessment(m, answers([respondent('A', { 'e.m': [], 'e.s': 6 })]));
    // (0 + 0.6)/2 = 30
    expect(elementOf(r, 'e')).toMatchObject({ score: 30, level: 'ad-hoc', answered: 2 });
    expect(itemOf(r, 'e.m')).toMatchObject({ score: 0, answers: 1 });
  });
});

describe('scoreAssessment: levels on unrounded scores', () => {
  it('a score exactly on a minScore reaches that level', () => {
    expect(elementOf(scaleScores([5]), 'e')).toMatchObject({ score: 50, level: 'repeatable' }); // 5/10 = 50
    expect(elementOf(scaleScores([0]), 'e')).toMatchObject({ score: 0, level: 'unconscious' });
    expect(elementOf(scaleScores([10]), 'e')).toMatchObject({ score: 100, level: 'systematic' });
  });

  it('a score just below a minScore stays below, even when it rounds to it', () => {
    // 49999/100000 = 49.999 → printed 50, level ad-hoc
    expect(elementOf(scaleScores([49_999], { max: 100_000 }), 'e')).toMatchObject({ score: 50, level: 'ad-hoc' });
    // 74999/100000 = 74.999 → printed 75, level repeatable
    expect(elementOf(scaleScores([74_999], { max: 100_000 }), 'e')).toMatchObject({ score: 75, level: 'repeatable' });
  });

  it('an exact boundary is not lost to float error, in any respondent order', () => {
    // (0 + 0.6 + 0.7 + 0.7)/4 = 0.5 exactly; summed in doubles it is 49.99999999999999
    for (const order of [[0, 6, 7, 7], [7, 0, 6, 7], [7, 7, 6, 0]]) {
      expect(elementOf(scaleScores(order), 'e')).toMatchObject({ score: 50, level: 'repeatable' });
    }
    // 0.29 × 100 is 28.999999999999996 in doubles; a level starting at 29 is reached by 29/100
    const levels = [LEVELS[0]!, { id: 'low', title: 'Low', minScore: 29 }];
    expect(elementOf(scaleScores([29], { levels, max: 100 }), 'e')).toMatchObject({ score: 29, level: 'low' });
    expect(elementOf(scaleScores([28], { levels, max: 100 }), 'e')).toMatchObject({ score: 28, level: 'unconscious' });
  });

  it('an element exactly on 25 is ad hoc', () => {
    const ids = ['g.a', 'g.b', 'g.c', 'g.d', 'g.e'];
    const m = model([element('g', ids.map((id, i) => choice(id, { weight: i === 0 ? 2 : 1 })))]);
    const r = scoreAssessment(
      m,
      answers([
        respondent('Tom', { 'g.a': 'some', 'g.b': 'some', 'g.c': 'some', 'g.d': 'some', 'g.e': 'some' }),
        respondent('Ana', { 'g.a': 'none', 'g.b': 'some', 'g.c': 'none', 'g.d': 'some', 'g.e': 'some' }),
      ]),
    );
    // g.a (1/3 + 0)/2 = 1/6 (weight 2), g.b 1/3, g.c 1/6, g.d 1/3, g.e 1/3
    // 100 × (2·1/6 + 1/3 + 1/6 + 1/3 + 1/3) / 6 = 100 × 1.5 / 6 = 25 exactly (24.999999999999996 in doubles)
    expect(elementOf(r, 'g')).toMatchObject({ score: 25, level: 'ad-hoc', byRespondent: { Tom: 33.33, Ana: 16.67 } });
  });

  it('rounds an exact half up: 66.665 → 66.67', () => {
    // 66665/100000 = 66.665 exactly (in doubles 66.66499999999999)
    expect(elementOf(scaleScores([66_665], { max: 100_000 }), 'e').score).toBe(66.67);
    expect(itemOf(scaleScores([66_665], { max: 100_000 }), 'e.q').score).toBe(66.67);
  });

  it('scores decimal weights exactly', () => {
    const m = model([element('e', [scale('e.a', { weight: 0.1 }), scale('e.b', { weight: 0.2 }), scale('e.c', { weight: 0.1 })])]);
    const r = scoreAssessment(m, answers([respondent('A', { 'e.a': 10, 'e.b': 5, 'e.c': 0 })]));
    // 100 × (0.1·1 + 0.2·0.5 + 0.1·0) / 0.4 = 100 × 0.2 / 0.4 = 50 → repeatable
    expect(elementOf(r, 'e')).toMatchObject({ score: 50, level: 'repeatable' });
  });
});

describe('scoreAssessment: elements and overall', () => {
  const elements = [
    element('strategy', [scale('strategy.q')], { weight: 3, recommendations: { systematic: ['Share it.'] } }),
    element('culture', [scale('culture.q')], { recommendations: { unconscious: ['Start with one team.'], 'ad-hoc': ['Not this one.'] } }),
  ];
  const set = answers([respondent('A', { 'strategy.q': 8, 'culture.q': 2 })]);

  it('weakest-link: the lowest element level', () => {
    const r = scoreAssessment(model(elements, { overall: 'weakest-link' }), set);
    // strategy 80 → systematic, culture 20 → unconscious; overall (3·80 + 1·20)/4 = 65
    expect(r.overall).toEqual({ score: 65, level: 'unconscious', method: 'weakest-link', weakest: ['culture'] });
  });

  it('mean: the level of the overall score', () => {
    const r = scoreAssessment(model(elements, { overall: 'mean' }), set);
    // 65 → repeatable (50 ≤ 65 < 75)
    expect(r.overall).toEqual({ score: 65, level: 'repeatable', method: 'mean', weakest: ['culture'] });
  });

  it("gives each element its level's recommendations", () => {
    const r = scoreAssessment(model(elements), set);
    expect(elementOf(r, 'strategy').recommendations).toEqual(['Share it.']);
    expect(elementOf(r, 'culture').recommendations).toEqual(['Start with one team.']);
  });

  it('names every element tied for the lowest score, in model order', () => {
    const m = model([element('a', [scale('a.q')]), element('b', [scale('b.q')]), element('c', [scale('c.q')])]);
    const r = scoreAssessment(m, answers([respondent('A', { 'a.q': 3, 'b.q': 9, 'c.q': 3 })]));
    expect(r.overall.weakest).toEqual(['a', 'c']);
    // (30 + 90 + 30)/3 = 50, but weakest-link: 30 → ad-hoc
    expect(r.overall).toMatchObject({ score: 50, level: 'ad-hoc' });
  });

  it('an element without any value is not assessed, left out of the overall score, and warned about', () => {
    const m = model([
      element('strategy', [scale('strategy.q')]),
      element('governance', [scale('governance.a', { notApplicable: true }), scale('governance.b')], {
        recommendations: { unconscious: ['Name an owner.'] },
      }),
    ]);
    const r = scoreAssessment(m, answers([respondent('A', { 'strategy.q': 6, 'governance.a': 'n/a' })]));
    expect(elementOf(r, 'governance')).toMatchObject({
      score: null,
      level: null,
      answered: 0,
      questions: 2,
      byRespondent: { A: null },
      recommendations: [],
    });
    // only strategy counts: 60 → repeatable, and it is the weakest assessed element
    expect(r.overall).toEqual({ score: 60, level: 'repeatable', method: 'weakest-link', weakest: ['strategy'] });
    expect(r.warnings.map((w) => w.code)).toEqual(['element-not-assessed', 'partial-assessment']);
    expect(r.warnings[0]!.message).toMatch(/^Governance was not assessed/);
    // the summary flag: what the level describes (mutation: dropping the warning, or listing the unassessed)
    expect(r.warnings[1]!.message).toBe('1 of 2 elements was not assessed: this level describes Strategy only.');
  });

  it('an element with no questions is not assessed', () => {
    const m = model([element('strategy', [scale('strategy.q')]), element('empty', [])]);
    const r = scoreAssessment(m, answers([respondent('A', { 'strategy.q': 6 })]));
    expect(elementOf(r, 'empty')).toMatchObject({ score: null, level: null, answered: 0, questions: 0 });
    expect(r.warnings.map((w) => w.code)).toEqual(['element-not-assessed', 'partial-assessment']);
  });

  it('flags a partial assessment with the elements the level describes; not when all or none are assessed', () => {
    const m = model(['strategy', 'understanding', 'design', 'measurement', 'governance', 'culture'].map((id) => element(id, [scale(`${id}.q`)])));
    const partial = scoreAssessment(m, answers([respondent('A', { 'strategy.q': 6, 'design.q': 2 })]));
    expect(partial.warnings.find((w) => w.code === 'partial-assessment')?.message).toBe(
      '4 of 6 elements were not assessed: this level describes Strategy and Design only.',
    );
    const all = Object.fromEntries(m.elements.map((e) => [`${e.id}.q`, 5]));
    expect(scoreAssessment(m, answers([respondent('A', all)])).warnings).toEqual([]);
    expect(scoreAssessment(m, answers([respondent('A', {})])).warnings.map((w) => w.code)).not.toContain('partial-assessment');
  });
});

describe('scoreAssessment: questions renamed with replaces', () => {
  const m = model([
    element('strategy', [
      choice('strategy.statement', { replaces: ['strategy.vision'] }),
      multi('strategy.kpis', { replaces: ['strategy.metrics'] }),
    ]),
  ]);
  const report = scoreAssessment(
    m,
    answers([
      // old id, option that still exists: counts
      respondent('Alice', { 'strategy.vision': 'most', 'strategy.metrics': ['a', 'c'] }, { notes: { 'strategy.vision': 'from last year' } }),
      // old id, option that no longer exists: no value
      respondent('Bob', { 'strategy.vision': 'clear', 'strategy.metrics': ['a', 'dropped'] }),
      // both ids: the current one wins
      respondent('Carol', { 'strategy.vision': 'none', 'strategy.statement': 'all', 'strategy.metrics': ['a'], 'strategy.kpis': ['c'] }),
    ]),
  );

  it('counts answers recorded under an old id, when their options still exist', () => {
    // Alice most = 2/3, Bob none, Carol all = 1 (not none) → (0.6667 + 1)/2 = 0.8333
    expect(itemOf(report, 'strategy.statement')).toMatchObject({
      score: 83.33,
      answers: 2,
      byRespondent: { Alice: 66.67, Bob: null, Carol: 100 },
    });
    // Alice [a, c] = 3/4, Bob none, Carol [c] = 2/4 (not [a]) → (0.75 + 0.5)/2 = 0.625
    expect(itemOf(report, 'strategy.kpis')).toMatchObject({
      score: 62.5,
      answers: 2,
      byRespondent: { Alice: 75, Bob: null, Carol: 50 },
    });
  });

  it('keeps notes recorded under an old id', () => {
    expect(itemOf(report, 'strategy.statement').notes).toEqual([{ respondent: 'Alice', note: 'from last year' }]);
  });

  it('scores the element and respondents from the resolved answers', () => {
    // (0.8333 + 0.625)/2 = 72.92; Alice (0.6667 + 0.75)/2 = 70.83; Carol (1 + 0.5)/2 = 75; Bob nothing
    expect(elementOf(report, 'strategy')).toMatchObject({ score: 72.92, level: 'repeatable' });
    expect(elementOf(report, 'strategy').byRespondent).toEqual({ Alice: 70.83, Bob: null, Carol: 75 });
  });
});

describe('scoreAssessment: warnings', () => {
  const m = model([element('e', [scale('e.q')])], { id: 'cx-maturity', version: '2.0.0' });
  const one = [respondent('A', { 'e.q': 5 })];

  it('none when the answers fit the model', () => {
    expect(scoreAssessment(m, answers(one, { model: { id: 'cx-maturity', version: '2.0.0' } })).warnings).toEqual([]);
  });

  it('model-version-mismatch names both versions', () => {
    const r = scoreAssessment(m, answers(one, { model: { id: 'cx-maturity', version: '1.0.0' } }));
    expect(r.warnings.map((w) => w.code)).toEqual(['model-version-mismatch']);
    expect(r.warnings[0]!.message).toContain('1.0.0');
    expect(r.warnings[0]!.message).toContain('2.0.0');
  });

  it('model-mismatch names both models', () => {
    const r = scoreAssessment(m, answers(one, { model: { id: 'other-model', version: '2.0.0' } }));
    expect(r.warnings.map((w) => w.code)).toEqual(['model-mismatch']);
    expect(r.warnings[0]!.message).toContain('other-model');
    expect(r.warnings[0]!.message).toContain('cx-maturity');
    const both = scoreAssessment(m, answers(one, { model: { id: 'other-model', version: '1.0.0' } }));
    expect(both.warnings.map((w) => w.code)).toEqual(['model-mismatch', 'model-version-mismatch']);
  });

  it('no-respondents, and then nothing is assessed', () => {
    const r = scoreAssessment(m, answers([], { model: m }));
    expect(r.warnings.map((w) => w.code)).toEqual(['no-respondents', 'element-not-assessed']);
    expect(r.overall).toEqual({ score: null, level: null, method: 'weakest-link', weakest: [] });
    expect(r.elements[0]).toMatchObject({ score: null, level: null, byRespondent: {}, recommendations: [] });
    expect(r.elements[0]!.items[0]).toMatchObject({ score: null, spread: null, answers: 0, byRespondent: {}, notes: [] });
  });
});

describe('scoreAssessment: the report object', () => {
  it('respondent names like __proto__ and constructor are plain keys', () => {
    const m = model([element('e', [scale('e.q')])]);
    const r = scoreAssessment(
      m,
      answers([respondent('__proto__', { 'e.q': 10 }), respondent('constructor', { 'e.q': 5 }), respondent('toString', {})]),
    );
    const byRespondent = elementOf(r, 'e').byRespondent;
    expect(Object.keys(byRespondent)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(byRespondent)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(byRespondent, '__proto__')?.value).toBe(100);
    expect(byRespondent.constructor).toBe(50);
    expect(Object.getOwnPropertyDescriptor(byRespondent, 'toString')?.value).toBeNull();
    expect(JSON.stringify(byRespondent)).toBe('{"__proto__":100,"constructor":50,"toString":null}');
    expect(JSON.stringify(itemOf(r, 'e.q').byRespondent)).toBe('{"__proto__":100,"constructor":50,"toString":null}');
    expect((JSON.parse(JSON.stringify(r)) as Report).elements[0]!.byRespondent).toHaveProperty(['__proto__'], 100);
  });

  it('has a fixed key order and exact content (JSON byte for byte)', () => {
    const m = model(
      [element('strategy', [choice('strategy.q', { text: 'Do you?', notApplicable: true })], { recommendations: { 'ad-hoc': ['Ask.'] } })],
      {
        levels: [
          { id: 'low', title: 'Low', minScore: 0, description: 'Not yet.' },
          { id: 'high', title: 'High', minScore: 50 },
        ],
        inputs: [{ sha256: 'aa', file: 'm/model.yaml' }],
      },
    );
    const set = answers([respondent('Al', { 'strategy.q': 'some' }, { role: 'CEO', notes: { 'strategy.q': 'hm' } }), respondent('Bo', { 'strategy.q': 'n/a' })], {
      organization: 'Acme',
      period: '2026-Q4',
      date: '2026-11-22',
      inputs: [{ sha256: 'bb', file: 'a.yaml' }],
    });
    const expected = {
      schemaVersion: 1,
      model: { id: 'test-model', version: '1.0.0', title: 'Test Model' },
      organization: 'Acme',
      period: '2026-Q4',
      date: '2026-11-22',
      respondents: [{ name: 'Al', role: 'CEO' }, { name: 'Bo' }],
      overall: { score: 33.33, level: 'low', method: 'weakest-link', weakest: ['strategy'] },
      levels: [
        { id: 'low', title: 'Low', minScore: 0, description: 'Not yet.' },
        { id: 'high', title: 'High', minScore: 50 },
      ],
      elements: [
        {
          id: 'strategy',
          title: 'Strategy',
          weight: 1,
          score: 33.33, // some = 1/3
          level: 'low',
          // (1.2) additive: the level of the score alone, and no cap under levelRule mean
          levelOfScore: 'low',
          cappedBy: [],
          answered: 1,
          questions: 1,
          byRespondent: { Al: 33.33, Bo: null },
          recommendations: [],
          items: [
            {
              id: 'strategy.q',
              text: 'Do you?',
              type: 'choice',
              weight: 1,
              score: 33.33,
              level: 'low', // (1.2) L_q
              spread: 0,
              answers: 1,
              notApplicable: 1,
              byRespondent: { Al: 33.33, Bo: null },
              notes: [{ respondent: 'Al', note: 'hm' }],
              choices: { Al: 'some', Bo: 'n/a' },
              options: [
                { id: 'none', label: 'Option none', score: 0 },
                { id: 'some', label: 'Option some', score: 1 },
                { id: 'most', label: 'Option most', score: 2 },
                { id: 'all', label: 'Option all', score: 3 },
              ],
            },
          ],
        },
      ],
      warnings: [],
      inputs: [
        { file: 'm/model.yaml', sha256: 'aa' },
        { file: 'a.yaml', sha256: 'bb' },
      ],
      plan: [
        {
          element: 'strategy',
          question: 'strategy.q',
          text: 'Do you?',
          type: 'choice',
          from: 'some',
          to: 'most',
          fromLabel: 'Option some',
          toLabel: 'Option most',
          moves: 1,
          of: 1,
          answers: { Al: 'most' },
          elementPoints: 33.33,
          overallPoints: 33.33,
          levelAfter: 'high',
        },
      ],
    };
    expect(JSON.stringify(scoreAssessment(m, set), null, 2)).toBe(JSON.stringify(expected, null, 2));
  });

  it('leaves out organization, period, date and role when the answers have none', () => {
    const r = scoreAssessment(model([element('e', [scale('e.q')])]), answers([respondent('A', { 'e.q': 1 })]));
    expect(Object.keys(r)).toEqual(['schemaVersion', 'model', 'respondents', 'overall', 'levels', 'elements', 'warnings', 'inputs', 'plan']);
    expect(r.respondents).toEqual([{ name: 'A' }]);
  });
});
