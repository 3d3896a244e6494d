// The team in the Markdown report (1.1): who answered, scores by group, perception gaps, and what
// stands for each person where a team is too large to name (or the report is anonymous). Pure.

import type { Report, ReportAnswerCount, ReportElement, ReportGroup, ReportGroupScore, ReportItem, ReportNote } from '../domain/report.js';
import { groupTitle, levelTitle } from './levels.js';
import { formatScore } from './number.js';
import { choiceWords } from './plan-words.js';
import { codeSpan, escapeMarkdownInline as md } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import { listedGaps, namesRespondents, respondentCount } from './selection.js';

/** The "Respondents:" line of the header. */
export function respondentsFact(report: Report): string {
  const n = respondentCount(report);
  if (n === 0) return 'Respondents: none';
  if (report.anonymous === true) return `Respondents: ${n} (anonymous report: no names are shown)`;
  if (!namesRespondents(report)) {
    const groups = report.groups?.length ?? 0;
    return `Respondents: ${n}${groups > 0 ? ` in ${plural(groups, 'group')} (see "By group")` : ''}`;
  }
  const who = report.respondents.map((r) => {
    const about = [r.role, r.group === undefined ? undefined : groupTitle(report, r.group)].filter((s): s is string => s !== undefined && s !== '');
    return about.length > 0 ? `${md(r.name)} (${about.map(md).join(', ')})` : md(r.name);
  });
  return `Respondents: ${who.join(', ')}`;
}

/** The element's line about its respondents: each named with their score, or the spread of their scores. */
export function respondentsLine(report: Report, element: ReportElement): string[] {
  const named = Object.entries(element.byRespondent);
  if (namesRespondents(report)) {
    return named.length > 1 ? [`By respondent: ${named.map(([name, score]) => `${md(name)} ${formatScore(score)}`).join('; ')}.`, ''] : [];
  }
  const spread = element.respondentScores;
  if (spread === undefined || spread.respondents < 2) return [];
  return [
    `Respondents' own scores (${spread.respondents}): lowest ${formatScore(spread.lowest)}, median ${formatScore(spread.median)}, highest ${formatScore(spread.highest)}.`,
    '',
  ];
}

/** One note: its author named where the report names respondents. */
export function noteLine(report: Report, item: ReportItem, note: ReportNote): string {
  return note.respondent !== undefined && report.anonymous !== true
    ? `- *${md(note.respondent)}* on ${codeSpan(item.id)}: ${md(note.note)}`
    : `- On ${codeSpan(item.id)}: ${md(note.note)}`;
}

/** Answer labels in counts are cut to this many characters: a count line stays one readable line. */
const LABEL_CHARACTERS = 48;

function shortLabel(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_CHARACTERS ? label : `${chars.slice(0, LABEL_CHARACTERS - 1).join('').trimEnd()}…`;
}

function counts(answers: readonly ReportAnswerCount[]): string {
  return answers.map((a) => `${md(shortLabel(a.label))} ×${a.count}`).join(', ');
}

/** The line after a shortened list of disagreements. */
export function moreDisagreements(more: number): string[] {
  return more > 0 ? [`- … and ${plural(more, 'more question')} as far apart: the JSON report (\`-f json\`) has every question's spread and counts.`] : [];
}

/** A disagreement's figures: each respondent's value, or how many chose each answer. */
export function disagreementFigures(report: Report, item: ReportItem): string {
  if (namesRespondents(report)) {
    const choices = item.choices;
    return Object.entries(item.byRespondent)
      .filter(([, v]) => v !== null)
      .map(([name, v]) => {
        // each person's own answer in the model's words, when the report records it (never when anonymous)
        const chosen = choices !== undefined && Object.hasOwn(choices, name) ? `${choiceWords(item, choices[name]!, md)} ` : '';
        return `${md(name)} ${chosen}(${formatScore(v)})`;
      })
      .join(', ');
  }
  return item.distribution === undefined ? `${item.answers} answers` : `chosen by ${counts(item.distribution.filter((d) => d.count > 0))}`;
}

function cell(report: Report, figure: ReportGroupScore | undefined): string {
  if (figure === undefined) return '–';
  if (figure.withheld) return 'withheld';
  return figure.score === null ? '–' : `${formatScore(figure.score)} ${md(levelTitle(report, figure.level))}`;
}

/** Why some groups are not shown, and who is in no group. */
function groupNotes(report: Report, groups: readonly ReportGroup[]): string[] {
  const lines: string[] = [];
  const min = report.minGroupSize;
  const suppressed = groups.filter((g) => g.suppressed);
  if (suppressed.length > 0 && min !== undefined) {
    const merged = suppressed.reduce((n, g) => n + g.respondents, 0);
    const why = suppressed.map((g) =>
      g.respondents < min ? `${md(g.title)}: fewer than ${min}` : `${md(g.title)}: beside the groups shown, its figures would reveal others' by subtraction`,
    );
    lines.push(
      `${plural(merged, 'respondent')} (${why.join('; ')}) count in every score above but are not shown by group, so that no one can be singled out.`,
    );
  }
  if (groups.some((g) => g.elements?.some((e) => e.withheld) ?? false)) {
    lines.push(
      `A figure is withheld where fewer than ${min ?? 'the minimum'} of a group answered a question behind it, or where it would reveal others' answers by subtraction.`,
    );
  }
  const inGroups = groups.reduce((n, g) => n + g.respondents, 0);
  const none = respondentCount(report) - inGroups;
  // (1.2) groups not shown are not listed: their people and those who named no group are told apart nowhere
  if (none > 0 && (report.suppressedGroups ?? 0) > 0) lines.push(`${plural(none, 'respondent')} are in no group shown here: they count in every score, but in no group's.`);
  else if (none > 0) lines.push(`${plural(none, 'respondent')} named no group: they count in every score, but in no group's.`);
  return lines;
}

/** "## By group": each group's respondents, overall and element scores. */
export function groupsSection(report: Report): string[] {
  const groups = report.groups;
  if (groups === undefined || groups.length === 0) return [];
  const lines = [
    '## By group',
    '',
    `| Group | Respondents | Overall | ${report.elements.map((e) => md(e.title)).join(' | ')} |`,
    `|---|---:|---|${report.elements.map(() => '---|').join('')}`,
  ];
  for (const g of groups) {
    if (g.suppressed) {
      lines.push(`| ${md(g.title)} | ${g.respondents} | not shown | ${report.elements.map(() => '–').join(' | ')} |`);
      continue;
    }
    const elements = report.elements.map((e) => cell(report, g.elements?.find((x) => x.id === e.id)));
    lines.push(`| ${md(g.title)} | ${g.respondents} | ${cell(report, g.overall)} | ${elements.join(' | ')} |`);
  }
  lines.push('');
  const notes = groupNotes(report, groups);
  if (notes.length > 0) lines.push(...notes.flatMap((n) => [n, '']));
  return lines;
}

function chose(answers: readonly ReportAnswerCount[] | undefined): string {
  if (answers === undefined || answers.length === 0) return '';
  return `, most often ${answers.map((a) => `“${md(a.label)}” (${a.count})`).join(' or ')}`;
}

export function gapsSection(report: Report): string[] {
  const gaps = report.gaps;
  if (report.groups === undefined || gaps === undefined) return [];
  const threshold = report.gapThreshold ?? 25;
  const lines = ['## Perception gaps', ''];
  if (gaps.length === 0) {
    const shown = report.groups.filter((g) => !g.suppressed).length;
    lines.push(
      shown < 2
        ? 'Fewer than two groups can be shown, so there are no groups to compare.'
        : `No two groups' scores of an element or a question are ${threshold} points or more apart.`,
      '',
    );
    return lines;
  }
  lines.push(
    `Where groups see the organization differently: the highest- and the lowest-scoring group of each element and question, when they are ${threshold} points or more apart, largest first. The people who work closest to customers and the people who decide often see different organizations; each gap is worth a conversation.`,
    '',
  );
  const { listed, more } = listedGaps(gaps);
  for (const gap of listed) {
    const element = report.elements.find((e) => e.id === gap.element);
    const item = gap.question === null ? undefined : element?.items.find((i) => i.id === gap.question);
    const subject = item !== undefined ? `**${md(item.text)}** (${md(element?.title ?? gap.element)})` : `**${md(element?.title ?? gap.element)}** (element)`;
    const high = `${md(groupTitle(report, gap.high))} ${formatScore(gap.scores[0])}${chose(gap.mostChosen?.high)}`;
    const low = `${md(groupTitle(report, gap.low))} ${formatScore(gap.scores[1])}${chose(gap.mostChosen?.low)}`;
    lines.push(`- ${subject}: ${high}; ${low}; ${formatScore(gap.difference)} points apart.`);
  }
  if (more > 0) lines.push('', `${plural(more, 'smaller gap')} on single questions in the JSON report (\`gaps\`).`);
  lines.push('');
  return lines;
}
