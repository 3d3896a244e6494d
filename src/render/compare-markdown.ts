// A comparison for people, in Markdown: a Mermaid line chart of the scores over periods (with a legend,
// since xychart-beta draws its lines unlabelled), the scores and levels per period, then one section per
// change with deltas, level changes and drivers in words; warnings last. Pure.

import { comparisonHasTargets, comparisonTargetRows } from './assurance-words.js';
import { groupMovesMarkdown } from './compare-groups.js';
import type {
  Comparison,
  ComparisonPeriod,
  Direction,
  Driver,
  ElementChange,
  PeriodChange,
} from '../domain/comparison.js';
import { elementTitle as titleOfElement, levelTitle as titleOfLevel } from './levels.js';
import { formatScore, formatSigned } from './number.js';
import { escapeMarkdownInline, escapeMermaidLabel } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import { likeForLikeReason, likeForLikeWords, moved } from './compare-words.js';

/**
 * Line colours, set through the chart's config so that the legend can name them; they read on light and
 * dark backgrounds. With more series than colours they repeat (the legend says which line is which).
 */
const PALETTE: readonly (readonly [hex: string, name: string])[] = [
  ['#1f77b4', 'blue'],
  ['#ff7f0e', 'orange'],
  ['#2ca02c', 'green'],
  ['#d62728', 'red'],
  ['#9467bd', 'purple'],
  ['#8c564b', 'brown'],
  ['#e377c2', 'pink'],
  ['#7f7f7f', 'grey'],
  ['#bcbd22', 'olive'],
  ['#17becf', 'cyan'],
];

/** Untrusted text for Markdown prose and table cells: one line, no HTML, links, emphasis or pipes. */
const md = escapeMarkdownInline;

/**
 * Untrusted text as a quoted Mermaid string. `%` too is written as an entity: Mermaid looks for
 * `%%{…}%%` directives anywhere in a diagram's text, inside strings as well.
 */
function mermaidString(text: string): string {
  return `"${escapeMermaidLabel(text).replace(/%/g, '#37;')}"`;
}

/** A value the chart grammar accepts: a plain decimal in 0-100. */
function chartNumber(score: number): string {
  return String(Math.round(Math.min(100, Math.max(0, score)) * 100) / 100);
}

function arrow(direction: Direction | null): string {
  return direction === 'up' ? '↑' : direction === 'down' ? '↓' : '';
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

export function renderComparisonMarkdown(c: Comparison): string {
  const levelTitle = (id: string | null): string => md(titleOfLevel(c, id));
  const elementTitle = (id: string): string => md(titleOfElement(c, id));
  const label = (p: ComparisonPeriod | string): string => md(typeof p === 'string' ? p : p.label);
  const scoreText = (score: number | null): string => formatScore(score, '—');
  const first = c.periods[0]!;
  const last = c.periods.at(-1)!;
  const overallChange = c.changes.at(-1)!;

  const out: string[] = [];
  out.push(`# CX maturity over time${c.organization !== undefined ? `: ${md(c.organization)}` : ''}`, '');
  const model = `${md(last.model.id)} ${md(last.model.version)}`;
  out.push(`${label(first)} → ${label(last)}: ${c.periods.length} periods, scored with the model ${model}.`);
  const o = overallChange.overall;
  if (o.delta !== null) {
    out.push(
      `Overall ${o.delta > 0 ? `rose ${plural(o.delta, 'point')}` : o.delta < 0 ? `fell ${plural(-o.delta, 'point')}` : 'did not move'} ` +
        `(${scoreText(o.fromScore)} → ${scoreText(o.toScore)}); level ${levelMove(o.from, o.to, o.direction)}.`,
    );
  }
  out.push('');

  out.push(...chart(c, label, elementTitle), '');

  out.push('## Scores and levels', '');
  const periodRow = (name: string, cells: readonly { score: number | null; level: string | null }[]): string[] => [
    name,
    ...cells.map((cell) => (cell.score === null ? 'not assessed' : `${formatScore(cell.score)} (${levelTitle(cell.level)})`)),
  ];
  out.push(
    ...table(
      ['Element', ...c.periods.map((p) => label(p))],
      ['l', ...c.periods.map(() => 'r' as const)],
      [
        periodRow('**Overall**', c.periods.map((p) => p.overall)),
        ...c.elements.map((e, i) =>
          periodRow(elementTitle(e.id), c.periods.map((p) => p.elements[i] ?? { score: null, level: null })),
        ),
      ],
    ),
    '',
  );
  if (c.periods.some((p) => p.date !== undefined)) {
    out.push(`Dates: ${c.periods.map((p) => `${label(p)} ${p.date !== undefined ? md(p.date) : 'undated'}`).join('; ')}.`, '');
  }

  // (1.2) how far each element was from its target, in each period (each period keeps its own)
  if (comparisonHasTargets(c)) {
    out.push('## Targets', '', 'How far each element was from the target of its period (points of score to the target level).', '');
    out.push(...table(['Element', ...c.periods.map((p) => label(p))], ['l', ...c.periods.map(() => 'l' as const)], comparisonTargetRows(c, elementTitle, (id) => levelTitle(id), '—')), '');
  }

  out.push('## Changes', '');
  for (const change of c.changes) out.push(...changeSection(change, label, elementTitle, levelTitle, scoreText));

  out.push(...groupMovesMarkdown(c));

  if (c.warnings.length > 0) {
    out.push('## Warnings', '');
    for (const w of c.warnings) out.push(`- ${md(w.code)}: ${md(w.message)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');

  function levelMove(from: string | null, to: string | null, direction: Direction | null): string {
    if (from === null || to === null) return `${levelTitle(from)} → ${levelTitle(to)}`;
    if (from === to) return `${levelTitle(to)}, unchanged`;
    return `${levelTitle(from)} → ${levelTitle(to)}${direction === null ? '' : ` ${arrow(direction)}`}`;
  }
}

function chart(c: Comparison, label: (p: ComparisonPeriod) => string, elementTitle: (id: string) => string): string[] {
  const series = [
    { name: '**Overall**', scores: c.periods.map((p) => p.overall.score) },
    ...c.elements.map((e, i) => ({ name: elementTitle(e.id), scores: c.periods.map((p) => p.elements[i]?.score ?? null) })),
  ];
  const plotted = series.filter((s): s is { name: string; scores: number[] } => s.scores.every((x) => x !== null));
  const skipped = series.filter((s) => s.scores.some((x) => x === null));
  const out = ['## Scores over time', ''];
  if (plotted.length === 0) {
    out.push('No score was assessed in every period, so there is nothing to chart.');
    return out;
  }
  const colours = plotted.map((_, i) => PALETTE[i % PALETTE.length]!);
  out.push(
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours.map(([hex]) => hex).join(', ')}"`,
    '---',
    'xychart-beta',
    '    title "Scores by period"',
    `    x-axis [${c.periods.map((p) => mermaidString(p.label)).join(', ')}]`,
    '    y-axis "Score" 0 --> 100',
    ...plotted.map((s) => `    line [${s.scores.map(chartNumber).join(', ')}]`),
    '```',
    '',
  );
  out.push(
    ...table(
      ['Line', 'Colour', 'Series', ...c.periods.map(label)],
      ['r', 'l', 'l', ...c.periods.map(() => 'r' as const)],
      plotted.map((s, i) => [String(i + 1), colours[i]![1], s.name, ...s.scores.map(String)]),
    ),
  );
  if (skipped.length > 0) {
    out.push('', `Not charted, as not assessed in every period: ${list(skipped.map((s) => s.name))}.`);
  }
  return out;
}

function changeSection(
  change: PeriodChange,
  label: (p: string) => string,
  elementTitle: (id: string) => string,
  levelTitle: (id: string | null) => string,
  scoreText: (score: number | null) => string,
): string[] {
  const from = label(change.from);
  const to = label(change.to);
  const out: string[] = [];
  out.push(change.kind === 'first-to-last' ? `### First → last: ${from} → ${to}` : `### ${from} → ${to}`, '');

  const deltaText = (delta: number | null): string => formatSigned(delta, '-', '—');
  const levelText = (e: { from: string | null; to: string | null; direction: Direction | null }): string =>
    e.from === e.to ? levelTitle(e.to) : `${levelTitle(e.from)} → ${levelTitle(e.to)}${e.direction ? ` ${arrow(e.direction)}` : ''}`;
  out.push(
    ...table(
      ['Element', from, to, 'Change', 'Level'],
      ['l', 'r', 'r', 'r', 'l'],
      [
        ['**Overall**', scoreText(change.overall.fromScore), scoreText(change.overall.toScore), deltaText(change.overall.delta), levelText(change.overall)],
        ...change.elements.map((e) => [elementTitle(e.id), scoreText(e.fromScore), scoreText(e.toScore), deltaText(e.delta), levelText(e)]),
      ],
    ),
    '',
  );
  const alike = [
    ...(change.overall.likeForLike !== undefined ? [['**Overall**', change.overall.likeForLike] as const] : []),
    ...change.elements.flatMap((e) => (e.likeForLike !== undefined ? [[elementTitle(e.id), e.likeForLike] as const] : [])),
  ];
  if (alike.length > 0) {
    out.push(
      likeForLikeReason(from, to),
      '',
      ...table(
        ['Like for like', 'Questions', from, to, 'Change'],
        ['l', 'r', 'r', 'r', 'r'],
        alike.map(([name, like]) => [name, String(like.over.length), scoreText(like.fromScore), scoreText(like.toScore), deltaText(like.delta)]),
      ),
      '',
    );
  }

  const levelMoves = [{ name: 'Overall', ...change.overall }, ...change.elements.map((e) => ({ name: elementTitle(e.id), ...e }))].filter(
    (m) => m.from !== null && m.to !== null && m.from !== m.to,
  );
  if (levelMoves.length > 0) {
    out.push('Level changes:', '');
    for (const m of levelMoves) {
      const word = m.direction === 'up' ? ' (up)' : m.direction === 'down' ? ' (down)' : '';
      out.push(`- ${m.name}: ${levelTitle(m.from)} → ${levelTitle(m.to)}${word}`);
    }
    out.push('');
  }

  const explained = change.elements.map((e) => explain(e, elementTitle(e.id))).filter((s) => s !== undefined);
  if (explained.length > 0) {
    out.push('What moved, and the questions behind it (points each question added to or took from the element score; its own score before → after):', '', ...explained.map((s) => `- ${s}`), '');
  }

  const questionLines = change.elements
    .filter((e) => e.likeForLike === undefined && (e.questionsAdded.length > 0 || e.questionsRemoved.length > 0))
    .map((e) => {
      const parts = [
        e.questionsAdded.length > 0 ? `added ${list(e.questionsAdded.map(md))}` : '',
        e.questionsRemoved.length > 0 ? `removed ${list(e.questionsRemoved.map(md))}` : '',
      ].filter((p) => p !== '');
      return `- ${elementTitle(e.id)}: ${parts.join('; ')}`;
    });
  if (questionLines.length > 0) {
    out.push(`Questions in ${to} but not in ${from} (added), or the other way round (removed):`, '', ...questionLines, '');
  }
  out.push(...reshapedQuestions(change, from, to, elementTitle));
  return out;
}

/**
 * (1.1) Where the questionnaire changed between the periods: which questions each element was compared over,
 * and which were new or dropped, so that a reshaped questionnaire does not read as the organization's change.
 */
function reshapedQuestions(change: PeriodChange, from: string, to: string, elementTitle: (id: string) => string): string[] {
  const lines = change.elements
    .filter((e) => e.likeForLike !== undefined && (e.questionsAdded.length > 0 || e.questionsRemoved.length > 0))
    .map((e) => {
      const n = e.likeForLike!.over.length;
      const parts = [
        `compared over ${plural(n, 'question')}`,
        e.questionsAdded.length > 0 ? `new in ${to}: ${list(e.questionsAdded.map(md))}` : '',
        e.questionsRemoved.length > 0 ? `dropped since ${from}: ${list(e.questionsRemoved.map(md))}` : '',
      ].filter((p) => p !== '');
      return `- ${elementTitle(e.id)}: ${parts.join('; ')}`;
    });
  if (lines.length === 0) return [];
  return [
    `Questions asked in only one of the two periods (new, or changed in meaning, in the model): left out of the like-for-like changes, so that they do not count as the team's progress:`,
    '',
    ...lines,
    '',
  ];
}

/**
 * "Strategy rose 12.5 points (50 → 62.5):" and, indented under it, each driver with its contribution:
 * the questions that moved the element, in the words the team answered.
 */
function explain(e: ElementChange, title: string): string | undefined {
  if (e.delta === null) return undefined;
  const named = (d: Driver): string => `  - ${formatSigned(d.delta, '-')} ${md(d.text)} (${formatScore(d.fromScore)} → ${formatScore(d.toScore)})`;
  if (e.delta === 0 && e.likeForLike === undefined) {
    if (e.drivers.length === 0) return undefined;
    return [`${title} did not move: these changes cancelled out:`, ...e.drivers.map(named)].join('\n');
  }
  const like = e.likeForLike === undefined ? '' : `; ${likeForLikeWords(e.likeForLike)}`;
  const head = `${title} ${moved(e.delta)} (${formatScore(e.fromScore)} → ${formatScore(e.toScore)})${like}`;
  if (e.drivers.length === 0) return `${head}.`;
  return [`${head}:`, ...e.drivers.map(named)].join('\n');
}
