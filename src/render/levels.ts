// Lookups shared by the renderers: the title of a level, an element or a group by its id (in a report or a
// comparison), a level's position in the model's order.

import type { Report, ReportLevel, WithheldReason } from '../domain/report.js';

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

/** Why an anonymous report withholds a figure, in words (plain text), for every renderer. */
export function withheldWhy(report: Pick<Report, 'minGroupSize'>, reason: WithheldReason): string {
  const min = report.minGroupSize ?? 3;
  return reason === 'too-few-respondents' ? `fewer than ${min} people gave it a value, and it would be theirs alone` : `beside the scores shown, it would give away one that fewer than ${min} people gave`;
}
