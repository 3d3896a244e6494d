// (1.2) Why an element stands below the level of its score, in words: one sentence, from the report's data, for
// every renderer (terminal, Markdown, HTML, page 1). "Design scores 85.8, Systematic on its score; it stays
// Repeatable because “How are refunds and credits decided?” stands at Ad hoc (most answered “Case by case”)."
// Each caller passes its own escape for untrusted text, as for the plan's words (plan-words.ts).

import type { Report, ReportElement, ReportItem } from '../domain/report.js';
import { levelTitle } from './levels.js';
import { formatScore } from './number.js';
import type { Escape } from './plan-words.js';

/** Capping questions named one by one; past this many, the rest are counted. */
const NAMED = 2;

/**
 * The answer most respondents gave (ties: the first in the item's order), in words; undefined when unknown, and for a
 * multiple choice, whose options are counted one by one (the most chosen option is not an answer anyone gave).
 */
function typicalAnswer(item: ReportItem): string | undefined {
  if (item.type === 'multi') return undefined;
  let best: { label: string; count: number } | undefined;
  for (const { answer, label, count } of item.distribution ?? []) {
    if (answer === 'n/a' || count === 0) continue;
    if (best === undefined || count > best.count) best = { label, count };
  }
  return best?.label;
}

/** “‹question›” stands at ‹level›[, below ‹gate›, which it is a condition of] (most answered “‹answer›”). */
function why(report: Pick<Report, 'levels'>, item: ReportItem, escape: Escape, [open, close]: readonly [string, string]): string {
  const level = item.level ?? null;
  const gateIndex = item.gate === undefined ? -1 : report.levels.findIndex((l) => l.id === item.gate);
  const levelIndex = report.levels.findIndex((l) => l.id === level);
  const gate = gateIndex > 0 && levelIndex < gateIndex ? `, and the model makes it a condition of ${escape(levelTitle(report, item.gate!))}` : '';
  const answer = typicalAnswer(item);
  const answered = answer === undefined ? '' : ` (most answered ${open}${escape(answer)}${close})`;
  return `${open}${escape(item.text)}${close} stands at ${escape(levelTitle(report, level))}${answered}${gate}`;
}

/**
 * The sentence for an element whose level is below the level of its score (`cappedBy` not empty); undefined for any
 * other element, so that a renderer shows it only where it says something.
 */
export function cappedWords(report: Pick<Report, 'levels'>, element: ReportElement, escape: Escape, quotes: readonly [string, string] = ['“', '”']): string | undefined {
  const cappedBy = element.cappedBy ?? [];
  if (element.score === null || cappedBy.length === 0 || element.levelOfScore === undefined || element.levelOfScore === element.level) return undefined;
  const items = cappedBy.map((id) => element.items.find((i) => i.id === id)).filter((i): i is ReportItem => i !== undefined);
  const named = items.slice(0, NAMED).map((item) => why(report, item, escape, quotes));
  const more = items.length - named.length;
  const reasons = more > 0 ? `${named.join('; ')}; and ${more} more question${more === 1 ? '' : 's'} hold${more === 1 ? 's' : ''} it there too` : named.join('; and ');
  const title = escape(element.title);
  return `${title} scores ${formatScore(element.score)}, ${escape(levelTitle(report, element.levelOfScore))} on its score; it stays ${escape(levelTitle(report, element.level))} because ${reasons}.`;
}
