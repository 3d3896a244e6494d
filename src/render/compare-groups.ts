// (1.1) Groups in a comparison: how each group's overall score moved, for Markdown and the terminal.
// Only groups the comparison shows (src/compare/group-changes.ts decides which). Pure.

import type { Comparison, GroupChange, PeriodChange } from '../domain/comparison.js';
import { padEnd, textWidth } from './columns.js';
import { elementTitle } from './levels.js';
import { formatScore, formatSigned } from './number.js';
import { escapeMarkdownInline as md, singleLine } from '../text/sanitize.js';

function withGroups(c: Comparison): (PeriodChange & { groups: readonly GroupChange[] })[] {
  return c.changes.filter((ch): ch is PeriodChange & { groups: readonly GroupChange[] } => ch.groups !== undefined);
}

const NOT_SHOWN = 'A group is left out where either period does not show it, or where so few people joined or left it that its movement could single someone out.';

/** "## By group": per change, each shown group's respondents and overall movement, and the element deltas. */
export function groupMovesMarkdown(c: Comparison): string[] {
  const changes = withGroups(c);
  if (changes.length === 0) return [];
  const out = ['## By group', ''];
  for (const ch of changes) {
    out.push(`### ${md(ch.from)} → ${md(ch.to)}`, '');
    if (ch.groups.length === 0) {
      out.push(`No group's movement can be shown. ${NOT_SHOWN}`, '');
      continue;
    }
    const ids = ch.groups[0]!.elements.map((e) => e.id);
    out.push(`| Group | Respondents | Overall | ${ids.map((id) => md(elementTitle(c, id))).join(' | ')} |`, `|---|---:|---:|${ids.map(() => '---:|').join('')}`);
    for (const g of ch.groups) {
      const cells = ids.map((id) => formatSigned(g.elements.find((e) => e.id === id)?.delta ?? null));
      out.push(
        `| ${md(g.title)} | ${g.fromRespondents} → ${g.toRespondents} | ${formatScore(g.overall.fromScore)} → ${formatScore(g.overall.toScore)} (${formatSigned(g.overall.delta)}) | ${cells.join(' | ')} |`,
      );
    }
    out.push('', NOT_SHOWN, '');
  }
  return out;
}

/** The terminal's lines: each shown group's overall movement over the last change (first to last with 3+ periods). */
export function groupMovesText(c: Comparison, unicode: boolean): string[] {
  const change = withGroups(c).at(-1);
  if (change === undefined) return [];
  const to = unicode ? '→' : '->';
  const lines = ['', `By group, ${singleLine(change.from)} ${to} ${singleLine(change.to)}:`];
  if (change.groups.length === 0) lines.push('  none can be shown (too few people in a group, or too few joined or left to hide them)');
  const width = Math.max(8, ...change.groups.map((g) => textWidth(singleLine(g.title))));
  for (const g of change.groups) {
    lines.push(
      `  ${padEnd(singleLine(g.title), width)}  ${formatScore(g.overall.fromScore)} ${to} ${formatScore(g.overall.toScore)} (${formatSigned(g.overall.delta, unicode ? '−' : '-')}), ${g.fromRespondents} ${to} ${g.toRespondents} respondents`,
    );
  }
  return lines;
}
