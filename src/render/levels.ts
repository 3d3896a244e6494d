// Level lookups shared by the renderers: title, description, position in the model's order.

import type { Report, ReportLevel } from '../model/report.js';

export function findLevel(report: Pick<Report, 'levels'>, id: string | null): ReportLevel | undefined {
  return id === null ? undefined : report.levels.find((l) => l.id === id);
}

export function levelTitle(report: Pick<Report, 'levels'>, id: string | null): string {
  if (id === null) return 'not assessed';
  return findLevel(report, id)?.title ?? id;
}

/** 0 for the lowest level up to 1 for the highest: how far up the model's levels a level is. */
export function levelRank(report: Pick<Report, 'levels'>, id: string | null): number {
  const index = report.levels.findIndex((l) => l.id === id);
  if (index < 0 || report.levels.length < 2) return 0;
  return index / (report.levels.length - 1);
}

/** The one number format, kept here too for the renderers that import it with the level helpers. */
export { formatScore } from './number.js';
