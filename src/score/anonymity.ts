// Anonymity (SPEC 4.2), pure: which group figures may be shown, which figures team-wide rest on too few people,
// and the report without names.
//
// A figure of a group is the aggregate of its members. It singles someone out when it stands for fewer
// than `min` people, or when the figures shown beside it let the rest be worked out by subtraction: the
// whole minus the shown groups is the aggregate of everyone outside them (suppressed groups and people
// without a group), so that rest must number 0 or at least `min` too. The same rule holds for every
// figure: a group's respondents (its overall and element scores) and its answerers of each question.

import type { Report, ReportElement, ReportItem, ReportNote, WithheldReason } from '../domain/report.js';
import type { InputFile } from '../domain/types.js';

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


/** What an anonymous report withholds, by element and question in the model's order; undefined: shown. */
export interface WithheldFigures {
  readonly items: readonly (readonly (WithheldReason | undefined)[])[];
  readonly elements: readonly (WithheldReason | undefined)[];
  readonly overall: WithheldReason | undefined;
}

/**
 * Which figures rest on too few people, team-wide. `answerers[e][q]` are the respondents (indices) who gave
 * question q of element e a value. A question answered by 1 to min − 1 people is withheld; an element whose
 * respondents number 1 to min − 1 is withheld, and so is one whose withheld questions were answered, all
 * together, by 1 to min − 1 people (the element's score less its shown questions would give theirs); the
 * overall figure likewise, over everyone and over the withheld elements.
 */
export function withheldFigures(answerers: readonly (readonly (readonly number[])[])[], min: number): WithheldFigures {
  const few = (people: ReadonlySet<number> | readonly number[]): boolean => {
    const n = Array.isArray(people) ? people.length : (people as ReadonlySet<number>).size;
    return n > 0 && n < min;
  };
  const items = answerers.map((questions) => questions.map((who): WithheldReason | undefined => (few(who) ? 'too-few-respondents' : undefined)));
  const everyone = new Set<number>();
  const ofElements = answerers.map((questions) => {
    const all = new Set<number>(questions.flat());
    for (const i of all) everyone.add(i);
    return all;
  });
  // the people a withheld element's score, worked out from the overall one, would speak for
  const behind: Set<number>[] = [];
  const elements = answerers.map((questions, e): WithheldReason | undefined => {
    if (few(ofElements[e]!)) {
      behind.push(ofElements[e]!);
      return 'too-few-respondents';
    }
    const behindWithheld = new Set<number>(questions.filter((_, q) => items[e]![q] !== undefined).flat());
    if (!few(behindWithheld)) return undefined;
    behind.push(behindWithheld);
    return 'reveals-withheld';
  });
  // an element withheld for its own few people withholds its questions too
  for (const [e, reason] of elements.entries()) if (reason === 'too-few-respondents') items[e] = items[e]!.map((r, q) => r ?? (answerers[e]![q]!.length > 0 ? 'too-few-respondents' : undefined));
  let overall: WithheldReason | undefined;
  if (few(everyone)) overall = 'too-few-respondents';
  else if (few(new Set(behind.flatMap((people) => [...people])))) overall = 'reveals-withheld';
  return { items, elements, overall };
}

/** A record's copy with these keys set where they are present (fields later versions add, withheld alike). */
function blank<T extends object>(value: T, keys: Readonly<Record<string, unknown>>): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const [key, to] of Object.entries(keys)) if (key in copy) copy[key] = to;
  for (const key of ['distribution', 'respondentScores', 'target']) delete copy[key];
  return copy as T;
}

function withheldItem(item: ReportItem, reason: WithheldReason): ReportItem {
  return { ...blank(item, { score: null, spread: null, level: null }), withheld: reason };
}

function withheldElement(element: ReportElement, reason: WithheldReason): ReportElement {
  return { ...blank(element, { score: null, level: null, levelOfScore: null, recommendations: [], cappedBy: [], confidence: null, unsupported: [] }), withheld: reason };
}

/** "3 questions and 1 element", for the warning. */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The report with no respondent name anywhere and no figure resting on fewer than `minGroupSize` people:
 * no respondents list (only their number), no per-person scores or answers, notes without names, the plan
 * without who moves and without steps on withheld questions, no hash of an answers file (a file per person,
 * or a file in cxm's fixed layout, is found again by hashing every roster name with every answer), and the
 * suppressed groups counted, not listed. `answersInputs` are the inputs that are answers files.
 */
export function anonymizeReport(report: Report, answersInputs: readonly InputFile[], minGroupSize: number, withheld?: WithheldFigures): Report {
  const isAnswers = new Set(answersInputs.map((i) => `${i.file}\u0000${i.sha256}`));
  const elementIds = report.elements.map((e) => e.id);
  const itemReason = (elementId: string, questionId: string): WithheldReason | undefined => {
    const e = elementIds.indexOf(elementId);
    const q = report.elements[e]?.items.findIndex((i) => i.id === questionId) ?? -1;
    return withheld?.elements[e] ?? withheld?.items[e]?.[q];
  };
  const elements = report.elements.map((e, ei) => {
    const items = e.items.map((item, qi) => {
      const reason = withheld?.items[ei]?.[qi];
      return reason === undefined ? anonymousItem(item) : withheldItem(anonymousItem(item), reason);
    });
    const shown = { ...e, byRespondent: {}, items };
    const reason = withheld?.elements[ei];
    return reason === undefined ? shown : withheldElement(shown, reason);
  });
  const overallReason = withheld?.overall;
  const suppressed = (report.suppressedGroups ?? 0) + (report.groups ?? []).filter((g) => g.suppressed).length;
  const warnings = [...report.warnings];
  const withheldItems = elements.flatMap((e) => e.items).filter((i) => i.withheld !== undefined).length;
  const withheldElements = elements.filter((e) => e.withheld !== undefined).length;
  if (withheldItems + withheldElements > 0 || overallReason !== undefined) {
    const parts = [...(withheldItems > 0 ? [counted(withheldItems, 'question')] : []), ...(withheldElements > 0 ? [counted(withheldElements, 'element')] : []), ...(overallReason !== undefined ? ['the overall score'] : [])];
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
    warnings.push({
      code: 'figures-withheld',
      message: `The scores of ${list} are withheld: fewer than ${minGroupSize} people gave them a value, or they would let such a score be worked out from the others.`,
    });
  }
  if (suppressed > 0) {
    warnings.push({
      code: 'groups-not-shown',
      message:
        suppressed === 1
          ? `1 group is not shown: it has fewer than ${minGroupSize} people, or showing it would let a smaller one be worked out. Its people count in every score.`
          : `${suppressed} groups are not shown: each has fewer than ${minGroupSize} people, or showing it would let a smaller one be worked out. Their people count in every score.`,
    });
  }
  const { groups, ...rest } = report;
  return {
    ...rest,
    respondents: [],
    respondentCount: report.respondentCount ?? report.respondents.length,
    overall: overallReason === undefined ? { ...report.overall, weakest: report.overall.weakest.filter((id) => withheld?.elements[elementIds.indexOf(id)] === undefined) } : { ...blank(report.overall, { score: null, level: null, confidence: null }), weakest: [], withheld: overallReason },
    elements,
    warnings,
    ...(report.plan !== undefined ? { plan: report.plan.filter((step) => itemReason(step.element, step.question) === undefined).map((step) => without(step, 'answers')) } : {}),
    ...(groups !== undefined ? { groups: groups.filter((g) => !g.suppressed), suppressedGroups: suppressed } : {}),
    // the model's files only: a hash of an answers file names the people in it
    inputs: report.inputs.filter((i) => !isAnswers.has(`${i.file}\u0000${i.sha256}`)),
    anonymous: true,
    minGroupSize,
  };
}

/** The number of `people` in 1 to min − 1. */
function isFew(n: number, min: number): boolean {
  return n > 0 && n < min;
}

/**
 * A report JSON given to `cxm compare` as it stands, under the rules of an anonymous report (SPEC 4.2, 1.2). A
 * report that names its respondents says who answered what: the figures are withheld as buildReport would, and
 * the groups suppressed likewise. One already anonymous (perhaps with a smaller minimum, or by an older cxm) has
 * only counts: a question, element or overall figure counted on 1 to min − 1 people is withheld, and so is a group
 * of fewer than min.
 */
export function anonymizeStoredReport(report: Report, min: number): Report {
  const named = report.anonymous !== true && report.respondents.length > 0;
  const people = named ? report.respondents : [];
  const answered = (item: ReportItem, name: string): boolean => Object.prototype.hasOwnProperty.call(item.byRespondent, name) && item.byRespondent[name] !== null && item.byRespondent[name] !== undefined;
  const answerers = report.elements.map((e) => e.items.map((item) => people.flatMap((p, i) => (answered(item, p.name) ? [i] : []))));
  let withheld: WithheldFigures;
  if (named) withheld = withheldFigures(answerers, min);
  else {
    const items = report.elements.map((e) => e.items.map((item): WithheldReason | undefined => (isFew(item.answers, min) ? 'too-few-respondents' : undefined)));
    const elements = report.elements.map((e, ei): WithheldReason | undefined => (isFew(e.respondentScores?.respondents ?? 0, min) ? 'too-few-respondents' : items[ei]!.some((r) => r !== undefined) && e.score !== null && e.items.filter((_, qi) => items[ei]![qi] !== undefined).reduce((n, i) => n + i.answers, 0) < min ? 'reveals-withheld' : undefined));
    const overall: WithheldReason | undefined = isFew(report.respondentCount ?? 0, min) ? 'too-few-respondents' : elements.some((r) => r !== undefined) && report.overall.score !== null ? 'reveals-withheld' : undefined;
    withheld = { items, elements, overall };
  }
  const groups = report.groups;
  let suppressedGroups = groups;
  if (groups !== undefined) {
    const total = named ? people.length : (report.respondentCount ?? 0);
    const sizes = groups.map((g) => g.respondents);
    const visible = shownGroups(sizes, Math.max(0, total - sizes.reduce((a, b) => a + b, 0)), min);
    suppressedGroups = groups.map((g, i) => {
      if (!visible[i] || g.suppressed) return { id: g.id, title: g.title, respondents: g.respondents, suppressed: true };
      if (!named) return g;
      // a shown group's element figure resting on 1 to min − 1 of its members is withheld, as in groups.ts
      const members = people.filter((p) => p.group === g.id).map((p) => p.name);
      const elements = g.elements?.map((ge) => {
        const element = report.elements.find((e) => e.id === ge.id);
        const who = new Set(members.filter((name) => element?.items.some((item) => answered(item, name)) ?? false));
        return isFew(who.size, min) ? { id: ge.id, score: null, level: null, withheld: true as const } : ge;
      });
      return { ...g, ...(elements !== undefined ? { elements } : {}) };
    });
  }
  return anonymizeReport({ ...report, ...(suppressedGroups !== undefined ? { groups: suppressedGroups } : {}) }, report.inputs, Math.max(min, report.minGroupSize ?? 0), withheld);
}
