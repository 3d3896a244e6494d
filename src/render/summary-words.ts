// (issue #28) What holds the overall level back, in words shared by the HTML page 1 and the Markdown summary:
// never "this element is what raises the overall level" where several elements share the level, and no level
// description presented as the portrait of an organization whose elements stand two levels or more apart.
// Each caller passes its escape (HTML, Markdown) and how it marks a name as strong.

import type { Report, ReportElement } from '../domain/report.js';
import { findLevel, levelTitle } from './levels.js';
import { formatScore } from './number.js';
import { plural } from '../text/plural.js';
import { holdingElements, levelsFarApart } from './selection.js';
import { cappedWords } from './capped-words.js';

export interface Words {
  readonly escape: (text: string) => string;
  readonly strong: (escaped: string) => string;
}

/** "A, B and C". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function pointsTo(minScore: number, score: number | null): string {
  return plural(Math.round((minScore - (score ?? 0)) * 100) / 100, 'point');
}

/** The sentences that say what holds the overall level back, and what each capped element waits for. */
export function holdsBack(report: Report, w: Words): string[] {
  const overall = report.overall;
  const out: string[] = [];
  const named = (e: ReportElement): string => `${w.strong(w.escape(e.title))} (${formatScore(e.score)})`;
  const holding = holdingElements(report);
  const next = report.levels[report.levels.findIndex((l) => l.id === overall.level) + 1];
  const level = w.escape(levelTitle(report, overall.level));
  if (overall.method === 'weakest-link' && holding.length === 1) {
    const only = holding[0]!;
    out.push(
      `${named(only)} is the only element at ${level}. The organization is rated at its weakest element, as a customer judges the whole experience by its weakest part${next !== undefined ? `: raising ${w.escape(only.title)} to ${w.escape(next.title)} (${pointsTo(next.minScore, only.score)} away) raises the overall level` : ''}.`,
    );
  } else if (overall.method === 'weakest-link' && holding.length > 1) {
    const low = [...holding].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0]!;
    out.push(
      `${holding.length} of the ${report.elements.length} elements are at ${level}: ${list(holding.map((e) => w.escape(e.title)))}. The organization is rated at its weakest element, so ${next !== undefined ? `the overall level reaches ${w.escape(next.title)} only when all ${holding.length} do; the weakest, ${named(low)}, is ${pointsTo(next.minScore, low.score)} from it` : 'together they set the overall level'}.`,
    );
  } else {
    const weakest = overall.weakest.map((id) => report.elements.find((e) => e.id === id)).filter((e): e is ReportElement => e !== undefined);
    if (weakest.length > 0) out.push(`The overall level is that of the weighted mean of the element scores. The weakest element is ${list(weakest.map(named))}.`);
  }
  for (const element of report.elements) {
    // (1.2) the engine's one sentence for an element held below the level of its score
    const sentence = cappedWords(report, element, w.escape);
    if (sentence !== undefined) out.push(sentence);
  }
  return out;
}

/** The overall level's description as its portrait; or, where the elements stand too far apart, why there is none. */
export function portrait(report: Report, w: Words): { readonly description?: string; readonly apart?: string } {
  const level = findLevel(report, report.overall.level);
  if (level?.description === undefined) return {};
  if (!levelsFarApart(report)) return { description: w.escape(level.description) };
  const ranks = report.elements.filter((e) => e.level !== null).map((e) => report.levels.findIndex((l) => l.id === e.level));
  const [low, high] = [report.levels[Math.min(...ranks)]!, report.levels[Math.max(...ranks)]!];
  return {
    apart: `The elements stand from ${w.escape(low.title)} to ${w.escape(high.title)}, two levels or more apart, so no single level's description fits the organization as a whole; each element's own level says more.`,
  };
}
