// The summary `cxm score` prints for a terminal: a bar per element, score, level, then the overall
// level and the weakest element. Colour and Unicode only when the caller says the terminal takes them.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../model/report.js';
import { levelRank, levelTitle } from './levels.js';
import { singleLine } from './sanitize.js';
import { groupLines } from './team-terminal.js';

export interface SummaryOptions {
  readonly color: boolean;
  readonly unicode: boolean;
}

const BAR_WIDTH = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(score: number | null, unicode: boolean, width: number = BAR_WIDTH): string {
  if (score === null) return (unicode ? '·' : '.').repeat(width);
  const cells = (Math.max(0, Math.min(100, score)) / 100) * width;
  if (!unicode) {
    const full = Math.round(cells);
    return '#'.repeat(full) + '.'.repeat(width - full);
  }
  const full = Math.floor(cells);
  const eighth = Math.floor((cells - full) * 8);
  const partial = full < width ? EIGHTHS[eighth]! : '';
  return '█'.repeat(full) + partial + ' '.repeat(width - full - (partial ? 1 : 0));
}

function colourLevel(chalk: ChalkInstance, report: Report, id: string | null, text: string): string {
  if (id === null) return chalk.dim(text);
  const rank = levelRank(report, id);
  if (rank >= 1) return chalk.green(text);
  if (rank >= 0.5) return chalk.cyan(text);
  if (rank > 0) return chalk.yellow(text);
  return chalk.red(text);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...text].length)) + text;
}

export function renderSummary(report: Report, options: SummaryOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const heading = [report.organization, report.period].filter((s): s is string => s !== undefined).map(singleLine).join(', ');
  lines.push(chalk.bold(`${singleLine(report.model.title)}${heading ? ` - ${heading}` : ''}`));
  const n = report.respondentCount ?? report.respondents.length;
  lines.push(chalk.dim(`${n} respondent${n === 1 ? '' : 's'}${report.anonymous === true ? ' (anonymous)' : ''}`));
  lines.push('');

  const titles = report.elements.map((e) => singleLine(e.title));
  const width = Math.max(8, ...titles.map((t) => [...t].length));
  for (const [i, element] of report.elements.entries()) {
    const score = element.score === null ? 'n/a' : element.score.toFixed(2);
    const level = singleLine(levelTitle(report, element.level));
    lines.push(
      `${pad(titles[i]!, width)}  ${chalk.dim(bar(element.score, options.unicode))} ${padStart(score, 6)}  ${colourLevel(chalk, report, element.level, level)}`,
    );
  }
  lines.push('');
  const overall = report.overall;
  const overallScore = overall.score === null ? 'n/a' : overall.score.toFixed(2);
  lines.push(
    `${chalk.bold(pad('Overall', width))}  ${bar(overall.score, options.unicode)} ${padStart(overallScore, 6)}  ${chalk.bold(colourLevel(chalk, report, overall.level, singleLine(levelTitle(report, overall.level))))}`,
  );
  const weakest = overall.weakest
    .map((id) => report.elements.find((e) => e.id === id))
    .filter((e) => e !== undefined)
    .map((e) => `${singleLine(e.title)} (${e.score === null ? 'n/a' : e.score.toFixed(2)})`);
  if (weakest.length > 0) {
    const why =
      overall.method === 'weakest-link'
        ? 'the overall level is that of the weakest element'
        : 'the overall level is that of the weighted mean score';
    lines.push(`Weakest: ${weakest.join(', ')}; ${why}.`);
  }
  lines.push(...groupLines(report));
  for (const warning of report.warnings) lines.push(chalk.yellow(`warning: ${singleLine(warning.message)}`));
  return lines.join('\n') + '\n';
}
