// Why reports cannot be compared (SPEC 4.1): errors as data. compareReports() runs this check, once, and returns
// the problems instead of a comparison; the CLI prints them and exits 1.

import type { ComparisonProblem } from '../domain/comparison.js';
import type { Report } from '../domain/report.js';
import { groupBy } from './group-by.js';
import { present, quoted } from './labels.js';
import { inPeriodOrder, type Indexed } from './period-order.js';

/** How a report is named in messages: its period, else its date, else its position. */
function nameOf(entry: Indexed): string {
  return present(entry.report.period) ?? present(entry.report.date) ?? `report ${entry.index + 1}`;
}

function organizationKey(organization: string): string {
  return organization.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every reason why these reports cannot be compared; empty when they can. */
export function findComparisonProblems(reports: readonly Report[]): ComparisonProblem[] {
  const entries = inPeriodOrder(reports);
  const problems: ComparisonProblem[] = [];
  if (reports.length < 2) {
    problems.push({
      code: 'too-few-periods',
      message: `a comparison needs the assessments of at least 2 periods; got ${reports.length}`,
      reports: entries.map((e) => e.index),
    });
  }

  for (const [period, group] of groupBy(entries, (e) => present(e.report.period))) {
    if (group.length < 2) continue;
    const dates = group.map((e) => present(e.report.date));
    const ordered = dates.every((d) => d !== undefined) && new Set(dates).size === dates.length;
    if (ordered) continue;
    const dated = dates.map((d) => d ?? 'undated').join(', ');
    problems.push({
      code: 'same-period-twice',
      message:
        period === undefined
          ? `${group.length} assessments have no period and cannot be ordered (dates: ${dated}); give each a period, e.g. period: 2026-Q1`
          : `period ${quoted(period)} appears in ${group.length} assessments (dates: ${dated}); give each assessment its own period, or distinct dates to order them`,
      reports: group.map((e) => e.index).sort((a, b) => a - b),
    });
  }

  const named = entries.filter((e) => present(e.report.organization) !== undefined);
  const organizations = groupBy(named, (e) => organizationKey(e.report.organization!));
  if (organizations.size > 1) {
    const listed = [...organizations.values()]
      .map((group) => `${quoted(group[0]!.report.organization!)} (${group.map(nameOf).join(', ')})`)
      .join(', ');
    problems.push({
      code: 'different-organizations',
      message: `the assessments are of different organizations: ${listed}; compare one organization at a time`,
      reports: named.map((e) => e.index).sort((a, b) => a - b),
    });
  }
  return problems;
}
