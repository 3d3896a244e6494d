// (1.1) How each group moved between two periods (SPEC 4.1 and 4.2), pure. A group's movement is shown
// only where both periods show the group and, in an anonymous comparison, the change in its membership
// cannot single anyone out: the people who joined or left number 0 or at least the minimum group size
// (one newcomer's answers are the group's later total minus its earlier one when nobody else moved).

import type { GroupChange } from '../domain/comparison.js';
import type { Report, ReportGroup } from '../domain/report.js';
import { delta } from './movement.js';
import { comparisonAnonymity } from './withheld.js';

/** Each group's members (respondent names) in one period; undefined where the report names nobody. */
export type Membership = ReadonlyMap<string, readonly string[]>;

/** The members of each group among these respondents. */
export function membershipFrom(respondents: readonly { readonly name: string; readonly group?: string }[]): Membership {
  const members = new Map<string, string[]>();
  for (const r of respondents) {
    if (r.group === undefined) continue;
    const list = members.get(r.group);
    if (list) list.push(r.name);
    else members.set(r.group, [r.name]);
  }
  return members;
}

/** The members of each group, as a report that names its respondents records them. */
export function membershipOf(report: Report): Membership | undefined {
  return report.anonymous === true || report.respondents.length === 0 ? undefined : membershipFrom(report.respondents);
}

export interface GroupChangeOptions {
  readonly anonymous: boolean;
  readonly minGroupSize: number;
}

/** How many people joined or left the group: exact where both periods name them, else the change in its size. */
function membershipChange(id: string, earlier: ReportGroup, later: ReportGroup, before?: Membership, after?: Membership): number {
  const a = before?.get(id);
  const b = after?.get(id);
  if (a === undefined || b === undefined) return Math.abs(later.respondents - earlier.respondents);
  const left = new Set(a);
  const joined = new Set(b);
  let changed = 0;
  for (const name of left) if (!joined.has(name)) changed++;
  for (const name of joined) if (!left.has(name)) changed++;
  return changed;
}

/** The movement of every group both reports show; undefined when neither report has groups. */
export function groupChanges(
  earlier: Report,
  later: Report,
  memberships: { readonly earlier?: Membership; readonly later?: Membership },
  options: GroupChangeOptions,
): GroupChange[] | undefined {
  if (earlier.groups === undefined && later.groups === undefined) return undefined;
  const changes: GroupChange[] = [];
  for (const b of later.groups ?? []) {
    const a = earlier.groups?.find((g) => g.id === b.id);
    if (a === undefined || a.suppressed || b.suppressed) continue;
    if (options.anonymous) {
      const changed = membershipChange(b.id, a, b, memberships.earlier, memberships.later);
      if (changed > 0 && changed < options.minGroupSize) continue;
    }
    changes.push({
      id: b.id,
      title: b.title,
      fromRespondents: a.respondents,
      toRespondents: b.respondents,
      overall: { delta: delta(a.overall?.score, b.overall?.score), fromScore: a.overall?.score ?? null, toScore: b.overall?.score ?? null },
      elements: (b.elements ?? []).map((e) => {
        const before = a.elements?.find((x) => x.id === e.id);
        return { id: e.id, delta: delta(before?.score, e.score), fromScore: before?.score ?? null, toScore: e.score };
      }),
    });
  }
  return changes;
}

/** (1.1) How groups are compared: anonymity, and the minimum group size. */
export interface GroupComparisonOptions {
  /** Also when any report is anonymous. */
  readonly anonymous?: boolean;
  /** Default: the largest any report used, at least 3; never below 2. */
  readonly minGroupSize?: number;
}

/**
 * (1.1) Each pair's group changes (SPEC 4.2: only where membership changes cannot single anyone out). `reports`
 * and `memberships` in period order; a membership left undefined is the one the report names.
 */
export function groupMovement(
  reports: readonly Report[],
  memberships: readonly (Membership | undefined)[],
  options: GroupComparisonOptions,
): (a: number, b: number) => { groups?: GroupChange[] } {
  const { anonymous, minGroupSize } = comparisonAnonymity(reports, options);
  const members = reports.map((r, i) => memberships[i] ?? membershipOf(r));
  return (a, b) => {
    const groups = groupChanges(reports[a]!, reports[b]!, { earlier: members[a], later: members[b] }, { anonymous, minGroupSize });
    return groups === undefined ? {} : { groups };
  };
}
