// The summary `cxm score` prints for a terminal: a bar per element, score, level, then the overall
// level and the weakest element. Colour and Unicode only when the caller says the terminal takes them.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../domain/report.js';
import { cappedWords } from './capped-words.js';
import { padEnd, padStart, textWidth } from './columns.js';
import { levelRank, levelTitle } from './levels.js';
import { formatScore } from './number.js';
import { stepGain, stepMove } from './plan-words.js';
import { TERMINAL_STEPS } from './selection.js';
import { singleLine } from '../text/sanitize.js';
import { groupLines } from './team-terminal.js';
import { assuranceTerminal } from './assurance-words.js';
import { plural } from '../text/plural.js';

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

export function renderSummary(report: Report, options: SummaryOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const heading = [report.organization, report.period].filter((s): s is string => s !== undefined).map(singleLine).join(', ');
  lines.push(chalk.bold(`${singleLine(report.model.title)}${heading ? ` - ${heading}` : ''}`));
  const n = report.respondentCount ?? report.respondents.length;
  lines.push(chalk.dim(`${plural(n, 'respondent')}${report.anonymous === true ? ' (anonymous)' : ''}`));
  lines.push('');

  const titles = report.elements.map((e) => singleLine(e.title));
  const width = Math.max(8, ...titles.map((t) => textWidth(t)));
  for (const [i, element] of report.elements.entries()) {
    const score = formatScore(element.score, 'n/a');
    const level = singleLine(levelTitle(report, element.level));
    lines.push(
      `${padEnd(titles[i]!, width)}  ${chalk.dim(bar(element.score, options.unicode))} ${padStart(score, 6)}  ${colourLevel(chalk, report, element.level, level)}`,
    );
  }
  // (1.2) why an element stands below the level of its score
  for (const element of report.elements) {
    const words = cappedWords(report, element, singleLine, options.unicode ? ['“', '”'] : ['"', '"']);
    if (words !== undefined) lines.push(chalk.dim(words));
  }
  lines.push('');
  const overall = report.overall;
  const overallScore = formatScore(overall.score, 'n/a');
  lines.push(
    `${chalk.bold(padEnd('Overall', width))}  ${bar(overall.score, options.unicode)} ${padStart(overallScore, 6)}  ${chalk.bold(colourLevel(chalk, report, overall.level, singleLine(levelTitle(report, overall.level))))}`,
  );
  const weakest = overall.weakest
    .map((id) => report.elements.find((e) => e.id === id))
    .filter((e) => e !== undefined)
    .map((e) => `${singleLine(e.title)} (${formatScore(e.score, 'n/a')})`);
  if (weakest.length > 0) {
    const why =
      overall.method === 'weakest-link'
        ? 'the overall level is that of the weakest element'
        : 'the overall level is that of the weighted mean score';
    lines.push(`Weakest: ${weakest.join(', ')}; ${why}.`);
  }
  lines.push(...partialLine(chalk, report));
  lines.push(...assuranceTerminal(report, singleLine));
  lines.push(...groupLines(report));
  lines.push(...nextStepLines(chalk, report, options.unicode));
  for (const warning of report.warnings) {
    if (warning.code !== 'partial-assessment' && warning.code !== 'self-reported') lines.push(chalk.yellow(`warning: ${singleLine(warning.message)}`));
  }
  return lines.join('\n') + '\n';
}

// ---- (1.1) partial assessments and the action plan ----

/** The partial-assessment flag, right under the overall level it qualifies. */
function partialLine(chalk: ChalkInstance, report: Report): string[] {
  const partial = report.warnings.find((w) => w.code === 'partial-assessment');
  return partial === undefined ? [] : [chalk.yellow(`Partial assessment: ${singleLine(partial.message)}`)];
}

/** The plan's first steps: element, question, from → to, the model's action, the points. */
function nextStepLines(chalk: ChalkInstance, report: Report, unicode: boolean): string[] {
  const plan = report.plan ?? [];
  if (plan.length === 0) return [];
  const lines = ['', chalk.bold('Next steps')];
  for (const [i, step] of plan.slice(0, TERMINAL_STEPS).entries()) {
    const element = report.elements.find((e) => e.id === step.element);
    const title = singleLine(element?.title ?? step.element);
    lines.push(`${i + 1}. ${chalk.bold(title)}: ${singleLine(step.text)}`);
    lines.push(`   ${stepMove(step, singleLine, unicode ? ['“', '”'] : ['"', '"'])}`);
    if (step.next !== undefined) lines.push(`   ${singleLine(step.next)}`);
    lines.push(chalk.dim(`   ${stepGain(step, title, element?.level ?? null, (id) => singleLine(levelTitle(report, id)))}`));
  }
  if (plan.length > TERMINAL_STEPS) lines.push(chalk.dim(`(${plan.length} steps in all: cxm report for the full plan)`));
  return lines;
}
