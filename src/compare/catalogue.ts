// The elements and levels a comparison shows: the newest period's in its order, then those only older periods
// have; and one element as one period's report has it.

import type { ComparisonElementInfo, ComparisonLevel } from '../domain/comparison.js';
import type { Report, ReportElement } from '../domain/report.js';

export function elementCatalogue(newestFirst: readonly Report[]): ComparisonElementInfo[] {
  const seen = new Map<string, ComparisonElementInfo>();
  for (const report of newestFirst) {
    for (const e of report.elements) if (!seen.has(e.id)) seen.set(e.id, { id: e.id, title: e.title });
  }
  return [...seen.values()];
}

export function levelCatalogue(newestFirst: readonly Report[]): ComparisonLevel[] {
  const seen = new Map<string, ComparisonLevel>();
  for (const report of newestFirst) {
    for (const l of report.levels) {
      if (!seen.has(l.id)) seen.set(l.id, { id: l.id, title: l.title, minScore: l.minScore });
    }
  }
  return [...seen.values()];
}

/** The element as the report has it; undefined when its model has no such element. */
export function findElement(report: Report, id: string): ReportElement | undefined {
  return report.elements.find((e) => e.id === id);
}
