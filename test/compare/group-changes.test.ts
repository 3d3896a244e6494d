// (1.1) Group movement in a comparison: shown where both periods show the group; in an anonymous
// comparison, only where the people who joined or left number 0 or at least the minimum group size.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/score/build-report.js';
import { compareReports } from '../../src/compare/compare-reports.js';
import { membershipFrom } from '../../src/compare/group-changes.js';
import { comparisonOf } from './checked.js';
import { answers, choice, element, model, respondent } from '../score/factories.js';

const M = model([element('strategy', [choice('s.q')])]);

function period(period: string, people: readonly [string, string, string][], anonymous = false) {
  const rs = people.map(([name, group, answer]) => respondent(name, { 's.q': answer }, { group }));
  const set = answers(rs, { model: M, period, organization: 'Acme' });
  return { report: buildReport(M, set, { anonymous }), members: membershipFrom(rs) };
}

/** The comparison of periods with the members each had, as the CLI gives them from the answers. */
function comparedOf(periods: readonly ReturnType<typeof period>[], options: { anonymous: boolean }) {
  const result = compareReports(periods.map((p) => ({ report: p.report, membership: p.members })), options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.code).join(', '));
  return result.comparison;
}

const Q1: [string, string, string][] = [
  ['a1', 'a', 'some'],
  ['a2', 'a', 'some'],
  ['a3', 'a', 'some'],
  ['b1', 'b', 'none'],
  ['b2', 'b', 'none'],
  ['b3', 'b', 'none'],
];

describe('group movement', () => {
  it('is each group’s overall and element delta where both periods show it', () => {
    // a: some (1/3) → all (1): 33.33 → 100, +66.67; b unchanged at 0
    const q2 = Q1.map(([n, g, ans]): [string, string, string] => [n, g, g === 'a' ? 'all' : ans]);
    const c = comparisonOf([period('2026-Q1', Q1).report, period('2026-Q2', q2).report]);
    expect(c.changes[0]!.groups).toEqual([
      { id: 'a', title: 'a', fromRespondents: 3, toRespondents: 3, overall: { delta: 66.67, fromScore: 33.33, toScore: 100 }, elements: [{ id: 'strategy', delta: 66.67, fromScore: 33.33, toScore: 100 }] },
      { id: 'b', title: 'b', fromRespondents: 3, toRespondents: 3, overall: { delta: 0, fromScore: 0, toScore: 0 }, elements: [{ id: 'strategy', delta: 0, fromScore: 0, toScore: 0 }] },
    ]);
  });

  it('anonymous: hides a group one person joined (its later total minus its earlier one would be theirs)', () => {
    // a gains a4 in Q2: 3 → 4 people. Were a shown, 4·S2 − 3·S1 would be a4's answer when the others stayed.
    const q2: [string, string, string][] = [...Q1, ['a4', 'a', 'all']];
    const before = period('2026-Q1', Q1, true);
    const after = period('2026-Q2', q2, true);
    const c = comparedOf([before, after], { anonymous: true });
    // mutation caught: without the membership rule, a's movement would be listed
    expect(c.changes[0]!.groups?.map((g) => g.id)).toEqual(['b']);
    // the same without anonymity: both move
    const open = comparisonOf([period('2026-Q1', Q1).report, period('2026-Q2', q2).report]);
    expect(open.changes[0]!.groups?.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('anonymous: a swap of one person for another is a change of 2, hidden too; names are compared, not sizes', () => {
    const q2 = Q1.map(([n, g, ans]): [string, string, string] => [n === 'a3' ? 'a9' : n, g, ans]);
    const before = period('2026-Q1', Q1, true);
    const after = period('2026-Q2', q2, true);
    const c = comparedOf([before, after], { anonymous: true });
    // mutation caught: comparing sizes only (3 and 3) would show a
    expect(c.changes[0]!.groups?.map((g) => g.id)).toEqual(['b']);
  });
});
