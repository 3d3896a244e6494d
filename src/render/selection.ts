// What a report shows (issue #28): every threshold, list length and naming rule the renderers apply, in one
// place. Renderers (Markdown, HTML, terminal) only format what these functions select. Privacy decides what an
// anonymous report withholds (src/score/anonymity.ts: data); this module decides what is shown of the rest.

import type { Report, ReportElement, ReportGap, ReportItem } from '../model/report.js';

/** Up to this many respondents a report names each one beside their figures; beyond, counts and spreads. */
export const NAMED_RESPONDENTS = 10;
/** Spread (points) from which respondents are said to disagree on a question. */
export const DISAGREEMENT_SPREAD = 50;
/** Where a team is too large to name, the disagreements listed at most (widest spread first); the JSON has them all. */
export const LISTED_DISAGREEMENTS = 10;
/** Question gaps a report lists (every element gap is listed): the largest; the JSON report has them all. */
export const LISTED_QUESTION_GAPS = 10;
/** How many of an element's weakest questions a report names. */
export const WEAKEST_QUESTIONS = 3;
/** How many plan steps a summary shows. */
export const SUMMARY_STEPS = 5;
/** How many plan steps `cxm score` shows. */
export const TERMINAL_STEPS = 3;
/** How many of an element's own next steps its section of a report lists (the JSON report has them all). */
export const ELEMENT_STEPS = 3;

/** How many responded: the roster, or the count an anonymous report keeps instead of names. */
export function respondentCount(report: Report): number {
  return report.respondentCount ?? report.respondents.length;
}

/** Whether the report names each respondent beside their figures (never when anonymous; not above NAMED_RESPONDENTS). */
export function namesRespondents(report: Report): boolean {
  return report.anonymous !== true && report.respondents.length <= NAMED_RESPONDENTS;
}

/** An element and one of its questions. */
export interface ElementItem {
  readonly element: ReportElement;
  readonly item: ReportItem;
}

/** Every question on which respondents disagree (spread ≥ DISAGREEMENT_SPREAD), in the report's order. */
export function disagreedQuestions(report: Report): ElementItem[] {
  return report.elements.flatMap((e) => e.items.filter((i) => i.spread !== null && i.spread >= DISAGREEMENT_SPREAD).map((i) => ({ element: e, item: i })));
}

/** The disagreements a report lists, in the order it lists them, and how many more there are. */
export function listedDisagreements<T extends { readonly item: ReportItem }>(report: Report, all: readonly T[]): { listed: T[]; more: number } {
  if (namesRespondents(report) || all.length <= LISTED_DISAGREEMENTS) return { listed: [...all], more: 0 };
  const ranked = all
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => (b.entry.item.spread ?? 0) - (a.entry.item.spread ?? 0) || a.order - b.order)
    .slice(0, LISTED_DISAGREEMENTS)
    .sort((a, b) => a.order - b.order);
  return { listed: ranked.map((r) => r.entry), more: all.length - LISTED_DISAGREEMENTS };
}

/** The gaps a report lists, largest first: every element's, and the largest LISTED_QUESTION_GAPS questions'. */
export function listedGaps(gaps: readonly ReportGap[]): { readonly listed: readonly ReportGap[]; readonly more: number } {
  let questions = 0;
  const listed = gaps.filter((g) => g.question === null || ++questions <= LISTED_QUESTION_GAPS);
  return { listed, more: gaps.length - listed.length };
}

/** An element's lowest-scoring answered questions below 100, lowest first (ties by id): what every report names. */
export function weakestQuestions(element: ReportElement): (ReportItem & { score: number })[] {
  return element.items
    .filter((i): i is ReportItem & { score: number } => i.score !== null)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, WEAKEST_QUESTIONS)
    .filter((i) => i.score < 100);
}
