// The Markdown report a consultant hands over: summary, chart, table, per-element details,
// disagreements, warnings and method. Pure; every untrusted text is escaped.

import type { Report, ReportElement, ReportItem } from '../model/report.js';
import { levelColour, levelColourName } from './level-colours.js';
import { findLevel, formatScore, levelTitle } from './levels.js';
import { codeSpan, escapeMarkdownInline as md, escapeMermaidLabel } from './sanitize.js';

/** Spread (points) from which respondents are said to disagree on a question. */
export const DISAGREEMENT_SPREAD = 50;
/** How many of an element's lowest-scoring questions are named. */
const WEAKEST_QUESTIONS = 3;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function levelCell(report: Report, id: string | null): string {
  return md(levelTitle(report, id));
}

function elementTable(report: Report): string[] {
  const lines = ['| Element | Score | Level | Questions answered |', '|---|---:|---|---:|'];
  for (const e of report.elements) {
    lines.push(`| ${md(e.title)} | ${formatScore(e.score)} | ${levelCell(report, e.level)} | ${e.answered} of ${e.questions} |`);
  }
  lines.push(`| **Overall** | **${formatScore(report.overall.score)}** | **${levelCell(report, report.overall.level)}** | |`);
  return lines;
}

function chart(report: Report): string[] {
  const assessed = report.elements.filter((e) => e.score !== null);
  if (assessed.length === 0) return [];
  // one bar series per level shown, zero where an element is at another level: xychart-beta draws the series
  // over each other, so each element shows one bar, in its level's colour; one flat line per threshold
  const shown = report.levels.filter((l) => assessed.some((e) => e.level === l.id));
  const thresholds = report.levels.filter((l) => l.minScore > 0 && l.minScore < 100);
  const colours = [...shown, ...thresholds].map((l) => levelColour(report.levels, l.id));
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours.join(', ')}"`,
    '---',
    'xychart-beta',
    '    title "Element scores (0-100)"',
    `    x-axis [${assessed.map((e) => `"${escapeMermaidLabel(e.title)}"`).join(', ')}]`,
    '    y-axis "Score" 0 --> 100',
    ...shown.map((l) => `    bar [${assessed.map((e) => (e.level === l.id ? String(e.score) : '0')).join(', ')}]`),
    ...thresholds.map((l) => `    line [${assessed.map(() => String(l.minScore)).join(', ')}]`),
    '```',
    '',
    '| Colour | In the chart |',
    '|---|---|',
    ...shown.map((l) => `| ${levelColourName(report.levels, l.id)} bars | elements at the ${md(l.title)} level |`),
    ...thresholds.map((l) => `| ${levelColourName(report.levels, l.id)} line at ${l.minScore} | where ${md(l.title)} starts |`),
  ];
  const left = report.elements.filter((e) => e.score === null);
  if (left.length > 0) lines.push('', `Not charted, as not assessed: ${left.map((e) => md(e.title)).join(', ')}.`);
  return lines;
}

function summary(report: Report): string[] {
  const lines: string[] = [];
  const overall = report.overall;
  const level = findLevel(report, overall.level);
  if (overall.level === null) {
    lines.push('No element could be scored: no respondent answered any question.');
    return lines;
  }
  lines.push(`**Overall level: ${md(levelTitle(report, overall.level))}** (score ${formatScore(overall.score)} of 100).`);
  if (level?.description) lines.push('', `> ${md(level.description)}`);
  const weakest = overall.weakest.map((id) => report.elements.find((e) => e.id === id)).filter((e): e is ReportElement => e !== undefined);
  if (weakest.length > 0) {
    const names = weakest.map((e) => `**${md(e.title)}** (${formatScore(e.score)}, ${md(levelTitle(report, e.level))})`).join(' and ');
    lines.push('');
    if (overall.method === 'weakest-link') {
      lines.push(
        `The weakest element is ${names}. A customer judges the whole experience by its weakest part, so the organization as a whole is rated at the level of its weakest element: improving ${weakest.length > 1 ? 'these elements' : 'this element'} is what raises the overall level.`,
      );
    } else {
      lines.push(`The weakest element is ${names}. The overall level is the level of the weighted mean of the element scores.`);
    }
  }
  return lines;
}

function itemTable(element: ReportElement): string[] {
  const lines = ['| Question | Score | Spread | Answers |', '|---|---:|---:|---:|'];
  for (const item of element.items) {
    const na = item.notApplicable > 0 ? ` (+${item.notApplicable} n/a)` : '';
    lines.push(`| ${md(item.text)} <br> ${codeSpan(item.id)} | ${formatScore(item.score)} | ${formatScore(item.spread)} | ${item.answers}${na} |`);
  }
  return lines;
}

function elementSection(report: Report, element: ReportElement): string[] {
  const lines = [`### ${md(element.title)}`, ''];
  if (element.score === null) {
    lines.push(`Not assessed: none of its ${plural(element.questions, 'question')} was answered.`, '');
    return lines;
  }
  lines.push(
    `Score **${formatScore(element.score)}**, level **${md(levelTitle(report, element.level))}**; ${element.answered} of ${plural(element.questions, 'question')} answered.`,
    '',
  );
  const respondents = Object.entries(element.byRespondent);
  if (respondents.length > 1) {
    lines.push(`By respondent: ${respondents.map(([name, score]) => `${md(name)} ${formatScore(score)}`).join('; ')}.`, '');
  }
  lines.push(...itemTable(element), '');
  const weakest = element.items
    .filter((i): i is ReportItem & { score: number } => i.score !== null)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, WEAKEST_QUESTIONS)
    .filter((i) => i.score < 100);
  if (weakest.length > 0) {
    lines.push('Weakest questions:', '');
    for (const item of weakest) lines.push(`- ${md(item.text)} (${formatScore(item.score)})`);
    lines.push('');
  }
  const notes = element.items.flatMap((item) => item.notes.map((n) => ({ item, ...n })));
  if (notes.length > 0) {
    lines.push('Notes from respondents:', '');
    for (const n of notes) lines.push(`- *${md(n.respondent)}* on ${codeSpan(n.item.id)}: ${md(n.note)}`);
    lines.push('');
  }
  if (element.recommendations.length > 0) {
    lines.push(`Next steps from the ${md(levelTitle(report, element.level))} level:`, '');
    for (const r of element.recommendations) lines.push(`1. ${md(r)}`);
    lines.push('');
  }
  return lines;
}

function disagreements(report: Report): string[] {
  const items = report.elements.flatMap((e) =>
    e.items.filter((i) => i.spread !== null && i.spread >= DISAGREEMENT_SPREAD).map((i) => ({ element: e, item: i })),
  );
  if (items.length === 0) return [];
  const lines = [
    '## Where the team disagrees',
    '',
    `Questions on which respondents' answers are ${DISAGREEMENT_SPREAD} points or more apart. Each is worth discussing: people see the same organization differently, and the score hides it.`,
    '',
  ];
  for (const { element, item } of items) {
    const values = Object.entries(item.byRespondent)
      .filter(([, v]) => v !== null)
      .map(([name, v]) => `${md(name)} ${formatScore(v)}`)
      .join(', ');
    lines.push(`- **${md(item.text)}** (${md(element.title)}; spread ${formatScore(item.spread)}): ${values}`);
  }
  lines.push('');
  return lines;
}

function method(report: Report): string[] {
  const levels = report.levels.map((l) => `${md(l.title)} from ${l.minScore}`).join(', ');
  return [
    '## Method',
    '',
    "Each answer is turned into a value from 0 to 1: for a single choice, the option's score relative to the lowest and highest option scores; for a multiple choice, the sum of the chosen options' scores over the sum of all options' scores; for a scale, the position of the answer between its minimum and maximum. Answers of n/a and unanswered questions have no value and are left out.",
    '',
    "A question's score is the mean of the respondents' values (× 100); its spread is the difference between the highest and the lowest value. An element's score is the weighted mean of its answered questions' scores. Its level is the highest level whose starting score it reaches, on the unrounded score: " +
      `${levels}.`,
    '',
    report.overall.method === 'weakest-link'
      ? 'The overall score is the weighted mean of the assessed elements. The overall level is the lowest level among the assessed elements (weakest link).'
      : 'The overall score is the weighted mean of the assessed elements, and the overall level is the level of that score (mean).',
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const subject = [report.organization, report.period].filter((s): s is string => s !== undefined && s !== '').map(md).join(', ');
  const lines: string[] = [`# ${md(report.model.title)}${subject ? `: ${subject}` : ''}`, ''];
  const facts = [
    report.date ? `Date: ${md(report.date)}` : undefined,
    `Model: ${md(report.model.id)} ${md(report.model.version)}`,
    report.respondents.length > 0
      ? `Respondents: ${report.respondents.map((r) => (r.role ? `${md(r.name)} (${md(r.role)})` : md(r.name))).join(', ')}`
      : 'Respondents: none',
  ].filter((s): s is string => s !== undefined);
  lines.push(...facts.map((f) => `${f}  `), '');

  lines.push('## Summary', '', ...summary(report), '');
  lines.push('## Scores', '', ...chart(report), '', ...elementTable(report), '');
  lines.push('## Elements', '');
  for (const element of report.elements) lines.push(...elementSection(report, element));
  lines.push(...disagreements(report));
  if (report.warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of report.warnings) lines.push(`- ${md(w.message)} (${codeSpan(w.code)})`);
    lines.push('');
  }
  lines.push(...method(report));
  lines.push('## Inputs', '', 'SHA-256 of every file this report was made from:', '');
  for (const input of report.inputs) lines.push(`- ${codeSpan(input.file)} ${input.sha256}`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
