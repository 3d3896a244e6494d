// The Markdown report a consultant hands over: summary, chart, table, per-element details,
// disagreements, warnings and method. Pure; every untrusted text is escaped.

import type { PlanStep, Report, ReportElement } from '../domain/report.js';
import { levelColour, levelColourName } from './level-colours.js';
import { cappedWords } from './capped-words.js';
import { elementTitle, levelTitle, withheldWhy } from './levels.js';
import { DISAGREEMENT_SPREAD, ELEMENT_STEPS, SUMMARY_STEPS, disagreedQuestions, listedDisagreements, weakestQuestions } from './selection.js';
import { formatScore } from './number.js';
import { countsWord, stepGain, stepMove } from './plan-words.js';
import { codeSpan, escapeMarkdownInline as md, escapeMermaidLabel } from '../text/sanitize.js';
import { disagreementFigures, gapsSection, groupsSection, moreDisagreements, noteLine, respondentsFact, respondentsLine } from './team-markdown.js';
import { methodParagraphs } from './method-words.js';
import { assuranceMarkdown } from './assurance-words.js';
import { plural } from '../text/plural.js';
import { holdsBack, portrait } from './summary-words.js';


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
  if (overall.withheld !== undefined) {
    // (1.2) anonymous: withheld, not missing (src/score/anonymity.ts decides; the warning below says which)
    lines.push(`The overall score is withheld: ${withheldWhy(report, overall.withheld)}.`);
    return lines;
  }
  if (overall.level === null) {
    lines.push('No element could be scored: no respondent answered any question.');
    return lines;
  }
  lines.push(`**Overall level: ${md(levelTitle(report, overall.level))}** (score ${formatScore(overall.score)} of 100).`);
  lines.push(...partialFlag(report));
  const words = { escape: md, strong: (t: string): string => `**${t}**` };
  const { description, apart } = portrait(report, words);
  if (description !== undefined) lines.push('', `> ${description}`);
  const held = holdsBack(report, words);
  if (held.length > 0) lines.push('', ...held.flatMap((p, i) => (i === 0 ? [p] : ['', p])));
  if (apart !== undefined) lines.push('', apart);
  return lines;
}

function itemTable(element: ReportElement): string[] {
  // the weight column only where weights differ, so that a table's plain mean is never mistaken for the score
  const weighted = element.items.some((i) => i.weight !== element.items[0]?.weight);
  const lines = weighted
    ? ['| Question | Counts | Score | Spread | Answers |', '|---|---|---:|---:|---:|']
    : ['| Question | Score | Spread | Answers |', '|---|---:|---:|---:|'];
  for (const item of element.items) {
    const na = item.notApplicable > 0 ? ` (+${item.notApplicable} n/a)` : '';
    const counts = weighted ? ` ${countsWord(item.weight)} (weight ${formatScore(item.weight)}) |` : '';
    lines.push(`| ${md(item.text)} <br> ${codeSpan(item.id)} |${counts} ${formatScore(item.score)} | ${formatScore(item.spread)} | ${item.answers}${na} |`);
  }
  if (weighted) {
    lines.push('', "The element's score is the mean of the question scores weighted as shown: a question of weight 2 counts twice.");
  }
  return lines;
}

function elementSection(report: Report, element: ReportElement): string[] {
  const lines = [`### ${md(element.title)}`, ''];
  if (element.withheld !== undefined) {
    lines.push(`Score withheld: ${withheldWhy(report, element.withheld)}.`, '');
    return lines;
  }
  if (element.score === null) {
    lines.push(`Not assessed: none of its ${plural(element.questions, 'question')} was answered.`, '');
    return lines;
  }
  lines.push(
    `Score **${formatScore(element.score)}**, level **${md(levelTitle(report, element.level))}**; ${element.answered} of ${plural(element.questions, 'question')} answered.`,
    '',
  );
  const capped = cappedWords(report, element, md);
  if (capped !== undefined) lines.push(capped, '');
  lines.push(...respondentsLine(report, element));
  lines.push(...itemTable(element), '');
  const weakest = weakestQuestions(element);
  if (weakest.length > 0) {
    lines.push('Weakest questions:', '');
    for (const item of weakest) lines.push(`- ${md(item.text)} (${formatScore(item.score)})`);
    lines.push('');
  }
  const notes = element.items.flatMap((item) => item.notes.map((n) => ({ item, ...n })));
  if (notes.length > 0) {
    lines.push('Notes from respondents:', '');
    for (const n of notes) lines.push(noteLine(report, n.item, n));
    lines.push('');
  }
  lines.push(...elementNextSteps(report, element));
  if (element.recommendations.length > 0) {
    lines.push(`What the model recommends at the ${md(levelTitle(report, element.level))} level:`, '');
    for (const r of element.recommendations) lines.push(`1. ${md(r)}`);
    lines.push('');
  }
  return lines;
}

function disagreements(report: Report): string[] {
  const items = disagreedQuestions(report);
  if (items.length === 0) return [];
  const lines = [
    '## Where the team disagrees',
    '',
    `Questions on which respondents' answers are ${DISAGREEMENT_SPREAD} points or more apart. Each is worth discussing: people see the same organization differently, and the score hides it.`,
    '',
  ];
  const { listed, more } = listedDisagreements(report, items);
  for (const { element, item } of listed) {
    const values = disagreementFigures(report, item);
    lines.push(`- **${md(item.text)}** (${md(element.title)}; spread ${formatScore(item.spread)}): ${values}`);
  }
  lines.push(...moreDisagreements(more));
  lines.push('');
  return lines;
}

function method(report: Report): string[] {
  return ['## Method', '', ...methodParagraphs(report, md).flatMap((p) => [p, ''])];
}

// ---- (1.1) the action plan, partial assessments ----

/** "**4 of 6 elements were not assessed**: …", under the overall level, when only part was assessed. */
function partialFlag(report: Report): string[] {
  const partial = report.warnings.find((w) => w.code === 'partial-assessment');
  return partial === undefined ? [] : ['', `**Partial assessment.** ${md(partial.message)}`];
}

/** How the next steps were found, for the Method section. */
function planMethod(report: Report): string[] {
  if ((report.plan ?? []).length === 0) return [];
  return [
    "Next steps: for each question answered below its top answer, the step starts from the typical answer (the lower median) of the respondents below the top and moves everyone at that answer to the next answer up (for a single choice, the option with the next higher score; for a scale, up by its span over the number of levels; for a multiple choice, the one option that adds most points). Its points are what re-scoring the answers with that step changes, exactly, rounded once.",
    '',
  ];
}

/** One plan step as a list item: the element, the question, from → to, the action, the points. */
function stepLine(report: Report, step: PlanStep, withElement: boolean): string {
  const element = report.elements.find((e) => e.id === step.element);
  const title = md(elementTitle(report, step.element));
  const head = withElement ? `**${title}**: ` : '';
  const action = step.next !== undefined ? ` ${md(step.next)}` : '';
  const gain = stepGain(step, title, element?.level ?? null, (id) => md(levelTitle(report, id)));
  return `1. ${head}*${md(step.text)}*: ${stepMove(step, md)}.${action} (${gain}.)`;
}

/** The summary's "Next steps": the plan's first steps, most useful first. */
function summaryNextSteps(report: Report): string[] {
  const plan = report.plan ?? [];
  if (plan.length === 0) return [];
  const shown = plan.slice(0, SUMMARY_STEPS);
  const why =
    report.overall.method === 'weakest-link'
      ? 'Only the weakest elements can raise the overall level, so the steps are ordered as if taken in turn: each next one adds most to the element that would then be the weakest.'
      : 'The steps that add most points to the overall score come first.';
  const lines = [
    '### Next steps',
    '',
    `What to change first, from the team's own answers: each step takes one question from the typical answer today to the next answer up, for the respondents who gave it. Points are exactly what the scores gain once those people can give the higher answer. ${why}`,
    '',
  ];
  for (const step of shown) lines.push(stepLine(report, step, true));
  lines.push('');
  if (plan.length > shown.length) lines.push(`Each element below lists its first next steps (${plan.length} in all in the JSON report).`, '');
  return lines;
}

/** An element's own next steps, in the plan's order; the rest are counted (the JSON report has them all). */
function elementNextSteps(report: Report, element: ReportElement): string[] {
  const steps = (report.plan ?? []).filter((s) => s.element === element.id);
  if (steps.length === 0) return [];
  const rest = steps.length - ELEMENT_STEPS;
  return [
    `Next steps for ${md(element.title)}, from the answers:`,
    '',
    ...steps.slice(0, ELEMENT_STEPS).map((s) => stepLine(report, s, false)),
    ...(rest > 0 ? ['', `${plural(rest, 'smaller step')} for ${md(element.title)} in the JSON report (\`cxm report -f json\`, \`plan\`).`] : []),
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const subject = [report.organization, report.period].filter((s): s is string => s !== undefined && s !== '').map(md).join(', ');
  const lines: string[] = [`# ${md(report.model.title)}${subject ? `: ${subject}` : ''}`, ''];
  const facts = [
    report.date ? `Date: ${md(report.date)}` : undefined,
    `Model: ${md(report.model.id)} ${md(report.model.version)}`,
    respondentsFact(report),
  ].filter((s): s is string => s !== undefined);
  lines.push(...facts.map((f) => `${f}  `), '');

  lines.push('## Summary', '', ...summary(report), '', ...summaryNextSteps(report));
  lines.push(...assuranceMarkdown(report, md));
  lines.push('## Scores', '', ...chart(report), '', ...elementTable(report), '');
  lines.push(...groupsSection(report), ...gapsSection(report));
  lines.push('## Elements', '');
  for (const element of report.elements) lines.push(...elementSection(report, element));
  lines.push(...disagreements(report));
  if (report.warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of report.warnings) lines.push(`- ${md(w.message)} (${codeSpan(w.code)})`);
    lines.push('');
  }
  lines.push(...method(report), ...planMethod(report));
  lines.push('## Inputs', '', 'SHA-256 of every file this report was made from:', '');
  for (const input of report.inputs) lines.push(`- ${codeSpan(input.file)} ${input.sha256}`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
