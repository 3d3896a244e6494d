// (1.2) What an anonymous comparison withholds (SPEC 4.2), pure: the questions behind a movement of the team when
// its head count changed by 1 to min − 1 between the two periods. Someone who knows who joined gets a newcomer's
// answer to each question as n₂·s₂ − n₁·s₁ from the two periods' question scores; the drivers carry those scores.

import type { PeriodChange } from '../domain/comparison.js';
import type { Report } from '../domain/report.js';
import { DEFAULT_MIN_GROUP_SIZE, LEAST_MIN_GROUP_SIZE } from '../score/anonymity.js';

/** Whether a comparison is anonymous, and its minimum: the flags, else the largest any report used (at least 3). */
export function comparisonAnonymity(reports: readonly Report[], options: { readonly anonymous?: boolean; readonly minGroupSize?: number }): { anonymous: boolean; minGroupSize: number } {
  return {
    anonymous: options.anonymous === true || reports.some((r) => r.anonymous === true),
    minGroupSize: Math.max(LEAST_MIN_GROUP_SIZE, options.minGroupSize ?? Math.max(DEFAULT_MIN_GROUP_SIZE, ...reports.map((r) => r.minGroupSize ?? 0))),
  };
}

/** How many people a report stands for. */
export function headCount(report: Report): number {
  return report.respondentCount ?? report.respondents.length;
}

/**
 * How many people joined or left between two periods: exactly, where both periods' people are known by name (one
 * left and one joined is 2, though the head count stays), else the change in the head count.
 */
export function peopleChanged(earlier: Report, later: Report, people: { readonly earlier?: readonly string[]; readonly later?: readonly string[] }): number {
  const counted = Math.abs(headCount(later) - headCount(earlier));
  if (people.earlier === undefined || people.later === undefined) return counted;
  const before = new Set(people.earlier);
  const after = new Set(people.later);
  let changed = 0;
  for (const name of before) if (!after.has(name)) changed++;
  for (const name of after) if (!before.has(name)) changed++;
  return changed;
}

/** Whether the questions behind a change single someone out: 1 to min − 1 people joined or left. */
export function withholdsQuestions(changed: number, minGroupSize: number): boolean {
  return changed > 0 && changed < minGroupSize;
}

/** The change without its per-question figures: no drivers, no like-for-like figures; `questionsWithheld` says why. */
export function withoutQuestionMovements(change: PeriodChange): PeriodChange {
  const strip = <T extends object>(value: T): T => {
    const copy = { ...value } as Record<string, unknown>;
    delete copy['likeForLike'];
    if ('drivers' in copy) copy['drivers'] = [];
    return copy as T;
  };
  return { ...change, overall: strip(change.overall), elements: change.elements.map(strip), questionsWithheld: 'head-count-changed' };
}
