// Anonymity (SPEC 4.2), pure: which group figures may be shown, and the report without names.
//
// A figure of a group is the aggregate of its members. It singles someone out when it stands for fewer
// than `min` people, or when the figures shown beside it let the rest be worked out by subtraction: the
// whole minus the shown groups is the aggregate of everyone outside them (suppressed groups and people
// without a group), so that rest must number 0 or at least `min` too. The same rule holds for every
// figure: a group's respondents (its overall and element scores) and its answerers of each question.

import type { Report, ReportItem, ReportNote } from '../model/report.js';
import type { InputFile } from '../model/types.js';

/** The smallest group a report shows by default, and the least the option may be set to. */
export const DEFAULT_MIN_GROUP_SIZE = 3;
export const LEAST_MIN_GROUP_SIZE = 2;

/**
 * Which groups may be shown, given each group's size (in the report's group order) and how many are
 * outside every group. A group below `min` is not shown; then, while the people outside the shown groups
 * number 1 to min − 1, the smallest shown group (the last of equals) is not shown either. One step is
 * enough (a shown group has ≥ min people), but the loop keeps the rule plain.
 */
export function shownGroups(sizes: readonly number[], outside: number, min: number): boolean[] {
  const shown = sizes.map((n) => n >= min);
  let rest = outside + sizes.reduce((sum, n, i) => (shown[i] ? sum : sum + n), 0);
  while (rest > 0 && rest < min) {
    let pick = -1;
    for (const [i, n] of sizes.entries()) if (shown[i] && (pick < 0 || n <= sizes[pick]!)) pick = i;
    if (pick < 0) break;
    shown[pick] = false;
    rest += sizes[pick]!;
  }
  return shown;
}

/** Notes kept, their authors not named; sorted by text, so that their order cannot tie notes on different questions to one person. */
function anonymousNotes(notes: readonly ReportNote[]): ReportNote[] {
  return notes.map((n) => ({ note: n.note })).sort((a, b) => (a.note < b.note ? -1 : a.note > b.note ? 1 : 0));
}

/** A copy of `value` without the named key (absent, not undefined: JSON must not show it). */
function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

function anonymousItem(item: ReportItem): ReportItem {
  return { ...without(item, 'choices'), byRespondent: {}, notes: anonymousNotes(item.notes) };
}

/**
 * The report with no respondent name anywhere: no respondents list (only their number), no per-person
 * scores or answers, notes without names, the plan without who moves, and the answers files named only
 * by their hash (a file per person names the person). `answersInputs` are the inputs that are answers files.
 */
export function anonymizeReport(report: Report, answersInputs: readonly InputFile[], minGroupSize: number): Report {
  const isAnswers = new Set(answersInputs.map((i) => `${i.file}\u0000${i.sha256}`));
  const kept = report.inputs.filter((i) => !isAnswers.has(`${i.file}\u0000${i.sha256}`));
  const hidden = report.inputs
    .filter((i) => isAnswers.has(`${i.file}\u0000${i.sha256}`))
    .map((i) => i.sha256)
    .sort()
    .map((sha256, i, all) => ({ file: all.length === 1 ? 'answers file' : `answers file ${i + 1}`, sha256 }));
  return {
    ...report,
    respondents: [],
    respondentCount: report.respondentCount ?? report.respondents.length,
    elements: report.elements.map((e) => ({ ...e, byRespondent: {}, items: e.items.map(anonymousItem) })),
    ...(report.plan !== undefined
      ? {
          plan: report.plan.map((step) => without(step, 'answers')),
        }
      : {}),
    inputs: [...kept, ...hidden],
    anonymous: true,
    minGroupSize,
  };
}
