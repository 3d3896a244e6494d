// The words of the action plan and of recorded choices, shared by the renderers (terminal, Markdown, HTML).
// Each caller passes its own escape for untrusted text (Markdown escaping, or one safe terminal line).

import type { PlanStep, RecordedAnswer, ReportItem } from '../domain/report.js';
import { formatScore, formatSigned } from './number.js';

export type Escape = (text: string) => string;


/** “from ‹what you do now› to ‹the next level›”; for multi, “add ‹option›”. */
export function stepMove(step: PlanStep, escape: Escape, quotes: readonly [string, string] = ['“', '”']): string {
  const [open, close] = quotes;
  if (step.type === 'multi') return `add ${open}${escape(step.toLabel)}${close} (today: ${escape(step.fromLabel)})`;
  return `from ${open}${escape(step.fromLabel)}${close} to ${open}${escape(step.toLabel)}${close}`;
}

/** “+5.56 to Design, +0.93 overall; 2 of 3 respondents move up; takes Design to Repeatable”. */
export function stepGain(step: PlanStep, elementTitle: string, elementLevel: string | null, levelTitle: (id: string) => string): string {
  const who =
    step.of === 1
      ? 'the one respondent who answered moves up'
      : step.moves === step.of
        ? `${step.of === 2 ? 'both' : `all ${step.of}`} respondents who answered move up`
        : `${step.moves} of the ${step.of} who answered ${step.moves === 1 ? 'moves' : 'move'} up`;
  const lifts = elementLevel !== null && step.levelAfter !== elementLevel ? `; takes ${elementTitle} to ${levelTitle(step.levelAfter)}` : '';
  // (1.2) a step that serves the element's target says so
  const target = step.toTarget === true ? '; towards the target' : '';
  return `${formatSigned(step.elementPoints)} to ${elementTitle}, ${formatSigned(step.overallPoints)} overall; ${who}${lifts}${target}`;
}

/** A recorded answer in words: the option's label (labels joined for multi, “none” for []), the number, or n/a. */
export function choiceWords(item: Pick<ReportItem, 'options'>, answer: RecordedAnswer, escape: Escape): string {
  const label = (id: string): string => escape(item.options?.find((o) => o.id === id)?.label ?? id);
  if (typeof answer === 'number') return formatScore(answer);
  if (typeof answer === 'string') return answer === 'n/a' ? 'n/a' : `“${label(answer)}”`;
  return answer.length === 0 ? 'none' : `“${answer.map(label).join('”, “')}”`;
}

/** How often a question counts in its element's score, by its weight: once, twice, half, 1.5 times. */
export function countsWord(weight: number): string {
  if (weight === 1) return 'once';
  if (weight === 2) return 'twice';
  if (weight === 0.5) return 'half';
  return `${formatScore(weight)} times`;
}
