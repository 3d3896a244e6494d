// (1.2) The words of targets, evidence and confidence, shared by the renderers (terminal, Markdown; the HTML may
// call them too): what the report's `target`, `confidence` and `unsupported` say, as sentences and table rows.
// Each caller passes its own escape for untrusted text.

import type { Comparison } from '../domain/comparison.js';
import type { Report, ReportElement, ReportTarget } from '../domain/report.js';
import { levelTitle } from './levels.js';
import { formatScore } from './number.js';
import type { Escape } from './plan-words.js';
import { plural } from '../text/plural.js';

/** Whether the report rests on the respondents' word alone (no evidence recorded). */
export function isSelfReported(report: Pick<Report, 'warnings'>): boolean {
  return report.warnings.some((w) => w.code === 'self-reported');
}

/** "Confidence 42.86%: …" or the plain statement that the answers are self-reported. */
export function confidenceSentence(report: Report): string | undefined {
  const confidence = report.overall.confidence;
  if (confidence === undefined) return undefined;
  if (isSelfReported(report)) return 'Self-reported: no evidence was recorded, so every answer rests on the respondents\' word alone (confidence 0%).';
  if (confidence === null) return undefined;
  return `Confidence ${formatScore(confidence)}%: the share of the answered questions (by weight) that a current document, observation or metric backs.`;
}

/** "Target Repeatable: reached" / "Target Repeatable: 12.5 points to go; blocked by …". */
export function targetWords(report: Report, element: ReportElement, escape: Escape, questionText: (id: string) => string = (id) => id): string | undefined {
  const target = element.target;
  if (target === undefined) return undefined;
  const title = escape(levelTitle(report, target.level));
  if (target.reached) return `target ${title}: reached`;
  const parts = [`target ${title}: not reached`];
  if (target.gap > 0) parts.push(`${formatScore(target.gap)} points to go`);
  if (target.blockers.length > 0) parts.push(`held back by ${target.blockers.map((id) => escape(questionText(id))).join('; ')}`);
  return parts.join(', ');
}

/** "2 answers at the top level without evidence: …" for an element, when any. */
export function unsupportedWords(element: ReportElement, escape: Escape, questionText: (id: string) => string = (id) => id): string | undefined {
  const unsupported = element.unsupported ?? [];
  if (unsupported.length === 0) return undefined;
  return `${plural(unsupported.length, 'answer')} at the top level that no evidence backs: ${unsupported.map((id) => escape(questionText(id))).join('; ')}`;
}

/** The text of a question of the report, by id. */
export function questionTextOf(report: Report): (id: string) => string {
  const texts = new Map(report.elements.flatMap((e) => e.items.map((i) => [i.id, i.text] as const)));
  return (id) => texts.get(id) ?? id;
}

/** Whether there is anything to say about targets and confidence (a report made before 1.2 has none of it). */
export function hasAssurance(report: Report): boolean {
  return report.overall.confidence !== undefined || report.elements.some((e) => e.target !== undefined);
}

/** The Markdown section "Targets and evidence": where each element stands against its target, and how sure it is. */
export function assuranceMarkdown(report: Report, md: Escape): string[] {
  if (!hasAssurance(report)) return [];
  const lines = ['## Targets and evidence', ''];
  const sentence = confidenceSentence(report);
  if (sentence !== undefined) lines.push(md(sentence), '');
  const targeted = report.elements.some((e) => e.target !== undefined);
  // all figures 0% say nothing the sentence does not
  if (targeted || !isSelfReported(report)) lines.push(...assuranceTable(report, md, targeted));
  const text = questionTextOf(report);
  const unsupported = report.elements.flatMap((e) => {
    const words = unsupportedWords(e, md, text);
    return words === undefined ? [] : [`- **${md(e.title)}**: ${words}`];
  });
  if (unsupported.length > 0) lines.push('Answers that claim the top level on nobody\'s record (worth checking before they are quoted):', '', ...unsupported, '');
  if ((report.plan ?? []).some((s) => s.toTarget === true)) {
    lines.push('The next steps marked "towards the target" come first: taken in order, they bring each element to its target.', '');
  }
  return lines;
}

function assuranceTable(report: Report, md: Escape, targeted: boolean): string[] {
  const lines: string[] = [];
  lines.push(
    targeted ? '| Element | Level today | Target | Gap | Blocked by | Confidence |' : '| Element | Level today | Confidence |',
    targeted ? '|---|---|---|---:|---|---:|' : '|---|---|---:|',
  );
  for (const e of report.elements) {
    const confidence = e.confidence === undefined || e.confidence === null ? '–' : `${formatScore(e.confidence)}%`;
    const level = md(levelTitle(report, e.level));
    if (!targeted) {
      lines.push(`| ${md(e.title)} | ${level} | ${confidence} |`);
      continue;
    }
    const t = e.target;
    const target = t === undefined ? '–' : `${md(levelTitle(report, t.level))} ${t.reached ? '(reached)' : '(not reached)'}`;
    const blockers = t === undefined || t.blockers.length === 0 ? '–' : t.blockers.map((id) => `\`${id}\``).join(', ');
    lines.push(`| ${md(e.title)} | ${level} | ${target} | ${t === undefined ? '–' : formatScore(t.gap)} | ${blockers} | ${confidence} |`);
  }
  lines.push('');
  return lines;
}

/** The terminal summary's lines: confidence, and each element's target when it has one. */
export function assuranceTerminal(report: Report, line: Escape): string[] {
  if (!hasAssurance(report)) return [];
  const lines: string[] = [];
  const sentence = confidenceSentence(report);
  if (sentence !== undefined) lines.push(sentence);
  for (const e of report.elements) {
    const words = targetWords(report, e, line);
    if (words !== undefined) lines.push(`${line(e.title)}: ${words}`);
  }
  return lines;
}

/** "Repeatable, reached" / "Repeatable, 12.5 to go" / "Repeatable, not reached": one period's standing against its target. */
export function targetCell(target: ReportTarget | undefined, levelTitle: (id: string) => string): string | undefined {
  if (target === undefined) return undefined;
  const title = levelTitle(target.level);
  if (target.reached) return `${title}, reached`;
  return target.gap > 0 ? `${title}, ${formatScore(target.gap)} to go` : `${title}, not reached`;
}

/** (1.2) Whether any period of a comparison had a target. */
export function comparisonHasTargets(c: Comparison): boolean {
  return c.periods.some((p) => p.elements.some((e) => e.target !== undefined));
}

/** (1.2) Each element's target in each period: the rows of a table (element title, then one cell per period). */
export function comparisonTargetRows(c: Comparison, elementTitle: (id: string) => string, levelTitle: (id: string) => string, none: string): string[][] {
  return c.elements.map((e, i) => [elementTitle(e.id), ...c.periods.map((p) => targetCell(p.elements[i]?.target, levelTitle) ?? none)]);
}
