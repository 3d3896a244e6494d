// Lookups shared by the renderers: the title of a level, an element or a group by its id (in a report or a
// comparison), a level's position in the model's order, an element's weakest questions.

import type { Report, ReportElement, ReportItem, ReportLevel } from '../model/report.js';

export function findLevel(report: Pick<Report, 'levels'>, id: string | null): ReportLevel | undefined {
  return id === null ? undefined : report.levels.find((l) => l.id === id);
}

export function levelTitle(report: Pick<Report, 'levels'>, id: string | null): string {
  if (id === null) return 'not assessed';
  return findLevel(report, id)?.title ?? id;
}

/** The element's title, as the report or comparison gives it; the id where it has no such element. */
export function elementTitle(source: { readonly elements: readonly { readonly id: string; readonly title: string }[] }, id: string): string {
  return source.elements.find((e) => e.id === id)?.title ?? id;
}

/** The group's title, as the report gives it; the id where it has no such group. */
export function groupTitle(report: Pick<Report, 'groups'>, id: string): string {
  return report.groups?.find((g) => g.id === id)?.title ?? id;
}

/** 0 for the lowest level up to 1 for the highest: how far up the model's levels a level is. */
export function levelRank(report: Pick<Report, 'levels'>, id: string | null): number {
  const index = report.levels.findIndex((l) => l.id === id);
  if (index < 0 || report.levels.length < 2) return 0;
  return index / (report.levels.length - 1);
}

/** How many of an element's weakest questions a report names. */
const WEAKEST_QUESTIONS = 3;

/** An element's lowest-scoring answered questions below 100, lowest first (ties by id): what every report names. */
export function weakestQuestions(element: ReportElement): (ReportItem & { score: number })[] {
  return element.items
    .filter((i): i is ReportItem & { score: number } => i.score !== null)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, WEAKEST_QUESTIONS)
    .filter((i) => i.score < 100);
}
