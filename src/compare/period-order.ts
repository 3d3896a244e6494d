// The order of a comparison (SPEC 4.1): by `period`, then `date`. Periods of the SPEC 2.3 (1.1) forms by time
// (start, then the longer first: `2026` < `2026-H1` < `2026-Q1`); other labels (report JSON of the first
// release) after them, compared "naturally" (runs of digits as numbers, so `Sprint 9` < `Sprint 10`). A report
// without a period sorts after every labelled one (an unlabelled assessment is usually the newest, not yet
// named), and a missing date after present ones; a warning says so (warnings.ts).

import type { Report } from '../domain/report.js';
import { comparePeriods, parsePeriod } from '../domain/period.js';
import { present } from './labels.js';

/** Compares labels with runs of digits as numbers; falls back to code-unit order so that it is total. */
export function compareLabels(a: string, b: string): number {
  const runsA = a.match(/\d+|\D+/g) ?? [];
  const runsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(runsA.length, runsB.length); i++) {
    const x = runsA[i]!;
    const y = runsB[i]!;
    const byRun = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareCodeUnits(x, y);
    if (byRun !== 0) return byRun;
  }
  return runsA.length - runsB.length || compareCodeUnits(a, b);
}

function isDigits(s: string): boolean {
  return s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;
}

function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || compareCodeUnits(a, b);
}

/** Code-unit order: the same in every locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Absent sorts last. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return compareLabels(a, b);
}

/**
 * The order of a comparison: by period, then date; a missing (or blank) period after present ones, and
 * likewise the date. Exported so that the CLI can find the newest assessment before scoring.
 */
export function comparePeriodOrder(
  a: { readonly period?: string; readonly date?: string },
  b: { readonly period?: string; readonly date?: string },
): number {
  return comparePeriodLabels(present(a.period), present(b.period)) || compareOptional(present(a.date), present(b.date));
}

/** SPEC 2.3 (1.1) periods by time (2026-Q4 before 2027-Q1, a year before its first quarter); other labels after them, naturally. */
function comparePeriodLabels(a: string | undefined, b: string | undefined): number {
  const pa = a === undefined ? undefined : parsePeriod(a);
  const pb = b === undefined ? undefined : parsePeriod(b);
  if (pa && pb) return comparePeriods(pa, pb) || compareCodeUnits(a!, b!);
  if (pa && b !== undefined) return -1;
  if (pb && a !== undefined) return 1;
  return compareOptional(a, b);
}

/** A report and its position in the array given by the caller. */
export interface Indexed {
  readonly report: Report;
  readonly index: number;
}

/** The reports in the order of the comparison; reports the order cannot tell apart keep the caller's order. */
export function inPeriodOrder(reports: readonly Report[]): Indexed[] {
  return reports.map((report, index) => ({ report, index })).sort((a, b) => comparePeriodOrder(a.report, b.report) || a.index - b.index);
}
