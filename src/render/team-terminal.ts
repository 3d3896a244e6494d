// The team in the terminal summary (1.1): each group's overall score, and the largest perception gaps.
// Plain text; the caller colours nothing here. Pure.

import type { Report } from '../domain/report.js';
import { padEnd, textWidth } from './columns.js';
import { groupTitle, levelTitle } from './levels.js';
import { singleLine } from '../text/sanitize.js';

/** How many perception gaps the terminal summary lists (the report lists them all). */
const GAPS_SHOWN = 5;

function score(n: number | null): string {
  return n === null ? 'n/a' : n.toFixed(2);
}

export function groupLines(report: Report): string[] {
  const groups = report.groups;
  if (groups === undefined || groups.length === 0) return [];
  const titles = groups.map((g) => `${singleLine(g.title)} (${g.respondents})`);
  const width = Math.max(8, ...titles.map((t) => textWidth(t)));
  const lines = ['', 'By group:'];
  for (const [i, g] of groups.entries()) {
    let figure: string;
    if (g.suppressed) figure = `not shown (fewer than ${report.minGroupSize ?? 'the minimum'}, or would reveal others by subtraction)`;
    else if (g.overall?.withheld) figure = 'withheld (too few answered some questions)';
    else figure = `${score(g.overall?.score ?? null).padStart(6)}  ${singleLine(levelTitle(report, g.overall?.level ?? null))}`;
    lines.push(`  ${padEnd(titles[i]!, width)}  ${figure}`);
  }
  const gaps = report.gaps ?? [];
  if (gaps.length > 0) {
    const title = (id: string): string => singleLine(groupTitle(report, id));
    lines.push('', `Largest perception gaps (${report.gapThreshold ?? 25} points or more${gaps.length > GAPS_SHOWN ? `; ${GAPS_SHOWN} of ${gaps.length}` : ''}):`);
    for (const gap of gaps.slice(0, GAPS_SHOWN)) {
      const element = report.elements.find((e) => e.id === gap.element);
      const subject = gap.question === null ? singleLine(element?.title ?? gap.element) : `${singleLine(element?.title ?? gap.element)}: ${gap.question}`;
      lines.push(`  ${subject}: ${title(gap.high)} ${score(gap.scores[0])} vs ${title(gap.low)} ${score(gap.scores[1])} (${score(gap.difference)} apart)`);
    }
  }
  return lines;
}
