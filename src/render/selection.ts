// What a report shows (issue #28): every threshold, list length and naming rule the renderers apply, in one
// place. Renderers (Markdown, HTML, terminal) only format what these functions select. Privacy decides what an
// anonymous report withholds (src/score/anonymity.ts: data); this module decides what is shown of the rest.

import type { PlanStep, Report, ReportElement, ReportGap, ReportItem } from '../domain/report.js';

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

// ---- (issue #28) page 1, the roadmap, the workshop agenda ----

/** Plan steps on page 1. */
export const PAGE_ONE_STEPS = 3;
/** Plan steps the roadmap lays out in phases (the appendix lists each element's next ones). */
export const ROADMAP_STEPS = 12;
/** Questions on the workshop agenda, at most. */
export const AGENDA_MOST = 8;

/** The level a score reaches by the model's thresholds alone. */
export function levelOfScore(report: Pick<Report, 'levels'>, score: number): string | null {
  let found: string | null = null;
  for (const level of report.levels) if (level.minScore <= score) found = level.id;
  return found;
}

/** A level's position in the model's order; -1 for none. */
function rank(report: Pick<Report, 'levels'>, id: string | null): number {
  return id === null ? -1 : report.levels.findIndex((l) => l.id === id);
}

/** (1.2, from the engine) The questions that hold an element below the level of its score, where the report says so. */
export function cappedBy(element: ReportElement): readonly string[] {
  return element.level !== (element.levelOfScore ?? element.level) ? (element.cappedBy ?? []) : [];
}

/** How far an element is from its next level: points to the next threshold, or the questions that cap it. */
export interface Distance {
  readonly element: ReportElement;
  /** The level above the element's own; undefined at the top (or not assessed). */
  readonly next?: { readonly id: string; readonly title: string; readonly minScore: number };
  /** Points from the score to the next level's threshold; 0 where the score is there and questions cap it. */
  readonly points?: number;
  /** Question texts that hold the element below the level its score reaches. */
  readonly capped: readonly string[];
}

export function distanceToNext(report: Report, element: ReportElement): Distance {
  const capped = cappedBy(element).map((id) => element.items.find((i) => i.id === id)?.text ?? id);
  if (element.score === null || element.level === null) return { element, capped };
  const next = report.levels[rank(report, element.level) + 1];
  if (next === undefined) return { element, capped };
  return { element, next, points: Math.max(0, Math.round((next.minScore - element.score) * 100) / 100), capped };
}

/** The elements at the overall level, which hold it (weakest-link); under `mean`, none in particular. */
export function holdingElements(report: Report): ReportElement[] {
  if (report.overall.level === null || report.overall.method !== 'weakest-link') return [];
  return report.elements.filter((e) => e.level === report.overall.level);
}

/** Whether the elements stand so far apart (two levels or more) that no one level's description portrays them. */
export function levelsFarApart(report: Report): boolean {
  const ranks = report.elements.filter((e) => e.level !== null).map((e) => rank(report, e.level));
  return ranks.length > 0 && Math.max(...ranks) - Math.min(...ranks) >= 2;
}

/** The largest difference between two groups: an element's where there is one, else a question's. */
export function largestGap(report: Report): ReportGap | undefined {
  const gaps = report.gaps ?? [];
  return gaps.find((g) => g.question === null) ?? gaps[0];
}

/** One phase of the roadmap: an element's steps among the first ROADMAP_STEPS, and where they take it. */
export interface Phase {
  readonly element: ReportElement;
  readonly steps: readonly PlanStep[];
  readonly fromScore: number;
  readonly toScore: number;
  readonly fromLevel: string | null;
  /** The level the score reaches after the steps, by the thresholds. */
  readonly toLevel: string | null;
  /** The level after that, and the points it still needs; undefined at the top. */
  readonly next?: { readonly title: string; readonly points: number };
}

/**
 * The roadmap: the plan's first ROADMAP_STEPS steps grouped by element, in the order the plan first reaches each
 * element. An element's steps add up (its score is a weighted mean of its questions' scores; each step changes
 * one question), so a phase's points are the sum of its steps'.
 */
export function roadmap(report: Report): { readonly phases: readonly Phase[]; readonly more: number } {
  const plan = report.plan ?? [];
  const taken = plan.slice(0, ROADMAP_STEPS);
  const order: string[] = [];
  for (const step of taken) if (!order.includes(step.element)) order.push(step.element);
  const phases = order.flatMap((id): Phase[] => {
    const element = report.elements.find((e) => e.id === id);
    if (element === undefined || element.score === null) return [];
    const steps = taken.filter((s) => s.element === id);
    const toScore = Math.min(100, Math.round((element.score + steps.reduce((sum, s) => sum + s.elementPoints, 0)) * 100) / 100);
    const toLevel = levelOfScore(report, toScore);
    const above = report.levels[rank(report, toLevel) + 1];
    return [
      {
        element,
        steps,
        fromScore: element.score,
        toScore,
        fromLevel: element.level,
        toLevel,
        ...(above !== undefined ? { next: { title: above.title, points: Math.round((above.minScore - toScore) * 100) / 100 } } : {}),
      },
    ];
  });
  return { phases, more: plan.length - taken.length };
}

/** A question on the workshop agenda: how far apart the answers are, and which groups hold the far ends. */
export interface AgendaItem extends ElementItem {
  readonly gap?: ReportGap;
}

/**
 * The workshop agenda: the questions people or groups disagree on most: every question with a spread of
 * DISAGREEMENT_SPREAD or more (the rule of "Where the team disagrees" in the Markdown), or a gap between groups,
 * widest first, at most AGENDA_MOST.
 */
export function agenda(report: Report): AgendaItem[] {
  const gaps = new Map((report.gaps ?? []).filter((g) => g.question !== null).map((g) => [g.question!, g]));
  const all = report.elements.flatMap((element) => element.items.map((item) => ({ element, item, gap: gaps.get(item.id) })));
  const weight = (x: (typeof all)[number]): number => Math.max(x.item.spread ?? 0, x.gap?.difference ?? 0);
  return all
    .filter((x) => (x.item.spread ?? 0) >= DISAGREEMENT_SPREAD || x.gap !== undefined)
    .sort((a, b) => weight(b) - weight(a))
    .slice(0, AGENDA_MOST)
    .map(({ element, item, gap }) => ({ element, item, ...(gap !== undefined ? { gap } : {}) }));
}
