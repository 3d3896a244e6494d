// A comparison for a terminal: one row per element (and overall), one column per period, then the
// change first → last; below, the level changes and what drove each element that moved. Pure.

import { comparisonHasTargets, comparisonTargetRows } from './assurance-words.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Comparison, ComparisonPeriod, Direction, PeriodChange } from '../domain/comparison.js';
import { likeForLikeReason, likeForLikeWords } from './compare-words.js';
import { padEnd, padStart, textWidth as width } from './columns.js';
import { groupMovesText } from './compare-groups.js';
import { elementTitle as titleOfElement, levelTitle as titleOfLevel } from './levels.js';
import { formatScore, formatSigned } from './number.js';
import { singleLine } from '../text/sanitize.js';

export interface ComparisonTextOptions {
  /** ANSI colour (green up, red down); the caller decides (terminal, NO_COLOR, --no-color). */
  readonly color: boolean;
  /** Arrows and dashes in Unicode; ASCII (`^ v =`, `-`) otherwise. */
  readonly unicode: boolean;
}

/** Drivers shown per element that moved. */
const TEXT_DRIVERS = 3;
const MAX_LABEL = 24;

interface Glyphs {
  readonly up: string;
  readonly down: string;
  readonly same: string;
  readonly to: string;
  readonly none: string;
  readonly ellipsis: string;
  readonly minus: string;
}

const UNICODE: Glyphs = { up: '↑', down: '↓', same: '→', to: '→', none: '–', ellipsis: '…', minus: '−' };
const ASCII: Glyphs = { up: '^', down: 'v', same: '=', to: '->', none: '-', ellipsis: '...', minus: '-' };

/** At most `max` characters (code points), the last of them the ellipsis where the text is cut. */
function truncate(text: string, max: number, g: Glyphs): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - [...g.ellipsis].length).join('') + g.ellipsis;
}

function arrow(direction: Direction, g: Glyphs): string {
  return direction === 'up' ? g.up : direction === 'down' ? g.down : g.same;
}

function scoreDirection(delta: number): Direction {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

function paint(chalk: ChalkInstance, direction: Direction | null, text: string): string {
  if (direction === 'up') return chalk.green(text);
  if (direction === 'down') return chalk.red(text);
  return text;
}

/** Longest question text shown for a driver, in characters. */
const MAX_DRIVER_TEXT = 64;

/**
 * "What moved" for one change (each consecutive pair, then first → last): each element that moved, and under
 * it the questions that moved it most: the points each added, its own score before → after, and its text.
 */
function movedSection(
  chalk: ChalkInstance,
  g: Glyphs,
  change: PeriodChange,
  elementTitle: (id: string) => string,
  label: (p: string) => string,
): string[] {
  const out: string[] = [];
  const moved = change.elements.filter((e) => e.delta !== null && (e.delta !== 0 || e.drivers.length > 0));
  const drivers = moved.flatMap((e) => e.drivers.slice(0, TEXT_DRIVERS));
  // one column for the points and one for the scores, across the whole section
  const deltaWidth = Math.max(0, ...drivers.map((d) => width(formatSigned(d.delta, g.minus))));
  const scoresOf = (d: (typeof drivers)[number]): string => `${formatScore(d.fromScore, g.none)} ${g.to} ${formatScore(d.toScore, g.none)}`;
  const scoresWidth = Math.max(0, ...drivers.map((d) => width(scoresOf(d))));
  for (const e of moved) {
    const delta = e.delta!;
    const direction = scoreDirection(delta);
    const own =
      delta === 0 && e.likeForLike === undefined
        ? `${elementTitle(e.id)} ${arrow(direction, g)} 0: these changes cancelled out`
        : `${elementTitle(e.id)} ${arrow(direction, g)} ${formatSigned(delta, g.minus)} (${formatScore(e.fromScore)} ${g.to} ${formatScore(e.toScore)})`;
    const head = e.likeForLike === undefined ? own : `${own}; ${likeForLikeWords(e.likeForLike, g.to, g.minus)}`;
    out.push(`  ${paint(chalk, direction, head)}`);
    for (const d of e.drivers.slice(0, TEXT_DRIVERS)) {
      const scores = chalk.dim(padEnd(scoresOf(d), scoresWidth));
      out.push(`    ${padStart(formatSigned(d.delta, g.minus), deltaWidth)}  ${scores}  ${truncate(singleLine(d.text), MAX_DRIVER_TEXT, g)}`);
    }
  }
  if (out.length === 0) return [];
  const title = change.kind === 'first-to-last' ? 'What moved, first to last' : 'What moved';
  return ['', chalk.bold(`${title}, ${label(change.from)} ${g.to} ${label(change.to)}`), ...out];
}

export function renderComparisonText(c: Comparison, options: ComparisonTextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const g = options.unicode ? UNICODE : ASCII;
  const levelTitle = (id: string | null): string => (id === null ? g.none : singleLine(titleOfLevel(c, id)));
  const elementTitle = (id: string): string => singleLine(titleOfElement(c, id));
  const label = (p: ComparisonPeriod | string): string =>
    truncate(singleLine(typeof p === 'string' ? p : p.label), MAX_LABEL, g);
  const first = c.periods[0]!;
  const last = c.periods.at(-1)!;
  // with two periods the only change is first → last; with more it is listed last
  const overallChange: PeriodChange = c.changes.at(-1)!;

  const lines: string[] = [];
  const organization = c.organization !== undefined ? `${truncate(singleLine(c.organization), 60, g)}: ` : '';
  lines.push(
    chalk.bold(`${organization}CX maturity, ${label(first)} ${g.to} ${label(last)} (${c.periods.length} periods)`),
    '',
  );

  // the table: cells are padded first, then coloured, so that ANSI codes do not upset the widths
  interface Row {
    readonly name: string;
    readonly cells: readonly { readonly score: number | null; readonly level: string | null }[];
    readonly delta: number | null;
    readonly strong: boolean;
  }
  const rows: Row[] = [
    {
      name: 'Overall',
      cells: c.periods.map((p) => p.overall),
      delta: overallChange.overall.delta,
      strong: true,
    },
    ...c.elements.map((e, i) => ({
      name: truncate(elementTitle(e.id), MAX_LABEL, g),
      cells: c.periods.map((p) => p.elements[i] ?? { score: null, level: null }),
      delta: overallChange.elements[i]?.delta ?? null,
      strong: false,
    })),
  ];
  const nameWidth = Math.max(...rows.map((r) => width(r.name)));
  const scoreWidth = Math.max(1, ...rows.flatMap((r) => r.cells.map((cell) => (cell.score === null ? 1 : width(formatScore(cell.score))))));
  const columnWidths = c.periods.map((p, j) =>
    Math.max(
      width(label(p)),
      ...rows.map((r) => {
        const cell = r.cells[j]!;
        return cell.score === null ? scoreWidth : scoreWidth + 1 + width(levelTitle(cell.level));
      }),
    ),
  );
  const deltaHeader = `${label(first)} ${g.to} ${label(last)}`;
  // arrows in one column, numbers right-aligned after them
  const numberWidth = Math.max(...rows.map((r) => (r.delta === null ? 0 : width(formatSigned(r.delta, g.minus)))));
  const deltaTexts = rows.map((r) =>
    r.delta === null ? g.none : `${arrow(scoreDirection(r.delta), g)} ${padStart(formatSigned(r.delta, g.minus), numberWidth)}`,
  );

  lines.push(
    chalk.dim(
      [padEnd('', nameWidth), ...c.periods.map((p, j) => padEnd(label(p), columnWidths[j]!)), deltaHeader].join('  ').trimEnd(),
    ),
  );
  rows.forEach((row, i) => {
    const cells = row.cells.map((cell, j) => {
      const text =
        cell.score === null
          ? padEnd(padStart(g.none, scoreWidth), columnWidths[j]!)
          : padEnd(`${padStart(formatScore(cell.score), scoreWidth)} ${levelTitle(cell.level)}`, columnWidths[j]!);
      return cell.score === null ? chalk.dim(text) : text;
    });
    const deltaText = deltaTexts[i]!;
    const delta = row.delta === null ? chalk.dim(deltaText) : paint(chalk, scoreDirection(row.delta), deltaText);
    const name = padEnd(row.name, nameWidth);
    lines.push([row.strong ? chalk.bold(name) : name, ...cells, delta].join('  ').trimEnd());
  });

  const levelLines: string[] = [];
  for (const change of c.changes) {
    if (change.kind !== 'consecutive') continue;
    const moves = [
      { name: 'Overall', ...change.overall },
      ...change.elements.map((e) => ({ name: elementTitle(e.id), ...e })),
    ].filter((m) => m.from !== null && m.to !== null && m.from !== m.to);
    for (const m of moves) {
      const text = `${m.name}: ${levelTitle(m.from)} ${g.to} ${levelTitle(m.to)}${m.direction === null ? '' : ` ${arrow(m.direction, g)}`}`;
      levelLines.push(`  ${chalk.dim(`${label(change.from)} ${g.to} ${label(change.to)}`)}  ${paint(chalk, m.direction, text)}`);
    }
  }
  if (levelLines.length > 0) lines.push('', chalk.bold('Level changes'), ...levelLines);

  // (1.2) how far each element was from its target, in each period
  if (comparisonHasTargets(c)) {
    const rows = comparisonTargetRows(c, elementTitle, (id) => levelTitle(id), g.none);
    const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => width(r[j]!)), j === 0 ? 0 : width(label(c.periods[j - 1]!))));
    lines.push('', chalk.bold('Targets'), `  ${[padEnd('', widths[0]!), ...c.periods.map((p, j) => padEnd(label(p), widths[j + 1]!))].join('  ').trimEnd()}`);
    for (const row of rows) lines.push(`  ${row.map((cell, j) => padEnd(cell, widths[j]!)).join('  ').trimEnd()}`);
  }

  for (const change of c.changes) lines.push(...movedSection(chalk, g, change, elementTitle, label));

  lines.push(...reshapedText(overallChange, label, elementTitle, g, chalk));
  lines.push(...groupMovesText(c, options.unicode));
  if (c.warnings.length > 0) {
    lines.push('', chalk.bold('Warnings'), ...c.warnings.map((w) => `  ${chalk.yellow(singleLine(w.code))} ${singleLine(w.message)}`));
  }
  return lines.join('\n') + '\n';
}

/**
 * (1.1) Elements compared like for like because the questionnaire changed between the periods: over which
 * questions, and which were new or dropped (the delta column leaves them out).
 */
function reshapedText(
  change: PeriodChange,
  label: (p: string) => string,
  elementTitle: (id: string) => string,
  g: Glyphs,
  chalk: ChalkInstance,
): string[] {
  const reshaped = change.elements.filter((e) => e.likeForLike !== undefined);
  if (reshaped.length === 0 && change.overall.likeForLike === undefined) return [];
  const lines = reshaped.map((e) => {
    const parts = [
      e.questionsAdded.length > 0 ? `new ${e.questionsAdded.map(singleLine).join(', ')}` : '',
      e.questionsRemoved.length > 0 ? `dropped ${e.questionsRemoved.map(singleLine).join(', ')}` : '',
    ].filter((p) => p !== '');
    return `  ${elementTitle(e.id)}: ${likeForLikeWords(e.likeForLike!, g.to, g.minus)}${parts.length > 0 ? `; ${parts.join('; ')}` : ''}`;
  });
  const overall = change.overall.likeForLike === undefined ? [] : [`  Overall: ${likeForLikeWords(change.overall.likeForLike, g.to, g.minus)}`];
  return [
    '',
    chalk.bold(`Like for like, ${label(change.from)} ${g.to} ${label(change.to)}`),
    `  ${likeForLikeReason(label(change.from), label(change.to))}`,
    ...overall,
    ...lines,
  ];
}
