// (1.2) The capped level rule (SPEC 3) in the report, the groups and the action plan, on small cases worked out by
// hand. Levels at 0/25/50/75 (unconscious, ad-hoc, repeatable, systematic); choice options none/some/most/all
// score 0-3, so some = 33.33 (ad-hoc), most = 66.67 (repeatable), all = 100 (systematic).

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/domain/types.js';
import { buildReport } from '../../src/score/build-report.js';
import { scoreAssessment } from '../../src/score/score.js';
import { answers, choice, element, model, respondent } from './factories.js';

const design = (spec: { gate?: string } = {}) =>
  element('design', [
    choice('design.journey'),
    choice('design.refunds', spec),
    choice('design.touchpoints'),
    choice('design.back-office'),
    choice('design.return'),
    choice('design.history'),
  ]);

/** Everything at the top but refunds, which is at `refunds`. */
const team = (refunds: string) =>
  answers([
    respondent('Al', {
      'design.journey': 'all',
      'design.refunds': refunds,
      'design.touchpoints': 'all',
      'design.back-office': 'all',
      'design.return': 'all',
      'design.history': 'all',
    }),
  ]);

const designOf = (m: Model, refunds: string) => scoreAssessment(m, team(refunds)).elements[0]!;

describe('(1.2) levelRule capped', () => {
  it('one broken part keeps a Systematic score at its tolerance above that part', () => {
    // refunds none: S = 5/6 = 83.33, Systematic on its score; L_q unconscious, cap = unconscious + 1 = ad-hoc
    // catches: the element level taken from the score alone under capped (level systematic), or cappedBy empty
    const m = model([design()], { levelRule: 'capped' });
    expect(designOf(m, 'none')).toMatchObject({ score: 83.33, level: 'ad-hoc', levelOfScore: 'systematic', cappedBy: ['design.refunds'] });
    expect(designOf(m, 'none').items[1]).toMatchObject({ id: 'design.refunds', score: 0, level: 'unconscious' });
    // tolerance 2: cap = repeatable
    // catches: the tolerance read as 1 whatever the model says
    expect(designOf(model([design()], { levelRule: 'capped', tolerance: 2 }), 'none')).toMatchObject({ level: 'repeatable', cappedBy: ['design.refunds'] });
  });

  it('a gate keeps the element below its level while the question is below it', () => {
    // refunds some: L_q ad-hoc, cap repeatable by tolerance; gate repeatable: L_q < repeatable → cap ad-hoc
    // catches: the gate ignored, or its cap at G instead of G − 1
    expect(designOf(model([design()], { levelRule: 'capped' }), 'some')).toMatchObject({ level: 'repeatable', levelOfScore: 'systematic', cappedBy: ['design.refunds'] });
    const gated = model([design({ gate: 'repeatable' })], { levelRule: 'capped' });
    expect(designOf(gated, 'some')).toMatchObject({ level: 'ad-hoc', cappedBy: ['design.refunds'] });
    // at the gate's level the gate holds nothing: most = repeatable, cap systematic
    // catches: a gate that caps when L_q ≥ G
    expect(designOf(gated, 'most')).toMatchObject({ level: 'systematic', cappedBy: [] });
  });

  it('under levelRule mean nothing caps: the 1.1 level, cappedBy empty, gates ignored', () => {
    // catches: the capped rule applied under mean
    const m = model([design({ gate: 'systematic' })]);
    expect(designOf(m, 'none')).toMatchObject({ score: 83.33, level: 'systematic', levelOfScore: 'systematic', cappedBy: [] });
  });

  it('weakest-link overall takes the capped level', () => {
    // catches: the overall level from the elements' levels of score
    const report = scoreAssessment(model([design()], { levelRule: 'capped' }), team('none'));
    expect(report.overall.level).toBe('ad-hoc');
  });

  it("a group's elements follow the same rule over the group's answers", () => {
    // front line answers refunds none (capped to ad-hoc), leadership all (systematic)
    // catches: the groups' element or overall levels taken from the level of the score
    const m = model([design()], { levelRule: 'capped' });
    const top = { 'design.journey': 'all', 'design.touchpoints': 'all', 'design.back-office': 'all', 'design.return': 'all', 'design.history': 'all' };
    const set = answers([
      respondent('Al', { ...top, 'design.refunds': 'none' }, { group: 'front' }),
      respondent('Bo', { ...top, 'design.refunds': 'all' }, { group: 'lead' }),
    ]);
    const groups = buildReport(m, set).groups!;
    expect(groups.map((g) => [g.id, g.elements![0]!.level, g.overall!.level])).toEqual([
      ['front', 'ad-hoc', 'ad-hoc'],
      ['lead', 'systematic', 'systematic'],
    ]);
  });
});

describe('(1.2) the plan under levelRule capped', () => {
  // refunds none (weight 1) caps Design at ad-hoc; three weight-3 questions at most: S = (0 + 9·2/3)/10 = 60
  const questions = () =>
    element('design', [choice('design.refunds'), choice('design.a', { weight: 3 }), choice('design.b', { weight: 3 }), choice('design.c', { weight: 3 })]);
  const set = answers([respondent('Al', { 'design.refunds': 'none', 'design.a': 'most', 'design.b': 'most', 'design.c': 'most' })]);

  it('the step that lifts the capping question comes before steps that only add more points', () => {
    // refunds none → some adds 3.33 points and lifts its cap to repeatable; a, b, c most → all add 10 each
    // catches: the cap-lift key dropped from stepBefore (the plan would start with design.a, as under mean)
    const capped = scoreAssessment(model([questions()], { levelRule: 'capped' }), set);
    expect(capped.elements[0]).toMatchObject({ score: 60, level: 'ad-hoc', levelOfScore: 'repeatable', cappedBy: ['design.refunds'] });
    expect(capped.plan!.map((s) => [s.question, s.elementPoints, s.levelAfter])).toEqual([
      ['design.refunds', 3.33, 'repeatable'],
      ['design.a', 10, 'ad-hoc'],
      ['design.b', 10, 'ad-hoc'],
      ['design.c', 10, 'ad-hoc'],
    ]);
    // catches: the mean rule's order changed by the capped rule's keys
    const mean = scoreAssessment(model([questions()]), set);
    expect(mean.plan!.map((s) => [s.question, s.levelAfter])).toEqual([
      ['design.a', 'repeatable'],
      ['design.b', 'repeatable'],
      ['design.c', 'repeatable'],
      ['design.refunds', 'repeatable'],
    ]);
  });

  it('under weakest-link, the element held lowest by a cap is lifted first', () => {
    // Design scores 90, Systematic on its score, but refunds none caps it at ad-hoc; Strategy scores 66.67, repeatable
    // catches: the weakest element chosen by the level of its score (Strategy's step would come first)
    const m = model([questions(), element('strategy', [choice('strategy.x')])], { levelRule: 'capped' });
    const report = scoreAssessment(m, answers([respondent('Al', { 'design.refunds': 'none', 'design.a': 'all', 'design.b': 'all', 'design.c': 'all', 'strategy.x': 'most' })]));
    expect(report.elements.map((e) => [e.score, e.levelOfScore, e.level])).toEqual([
      [90, 'systematic', 'ad-hoc'],
      [66.67, 'repeatable', 'repeatable'],
    ]);
    expect(report.plan!.map((s) => s.question)).toEqual(['design.refunds', 'strategy.x']);
  });
});
