// Compares the reports of one organization over periods (SPEC 4.1): scores, levels, deltas and the
// questions that drove each element's movement. Pure: no IO, no clock; the input order does not matter.
//
// Order: by `period`, then `date`. Periods of the SPEC 2.3 (1.1) forms by time (start, then the longer
// first: `2026` < `2026-H1` < `2026-Q1`); other labels (report JSON of the first release) after them,
// compared "naturally" (runs of digits as numbers, so `Sprint 9` < `Sprint 10`). A report without a
// period sorts after every labelled one (an unlabelled assessment is usually the newest, not yet named),
// and a missing date after present ones; a warning says so.
//
// Errors are data: findComparisonProblems() returns every reason the reports cannot be compared (the CLI
// prints them and exits 1); compareReports() throws a ComparisonError carrying the same problems when
// called on reports that have any.

import type {
  Comparison,
  ComparisonElementInfo,
  ComparisonLevel,
  ComparisonPeriod,
  ComparisonProblem,
  ComparisonProblemCode,
  ComparisonWarning,
  Direction,
  Driver,
  ElementChange,
  GroupChange,
  OverallChange,
  PeriodChange,
} from '../model/comparison.js';
import type { Report, ReportElement, ReportLevel } from '../model/report.js';
import { comparePeriods, parsePeriod } from '../model/period.js';
import { DEFAULT_MIN_GROUP_SIZE, LEAST_MIN_GROUP_SIZE } from './anonymity.js';
import { groupChanges, membershipOf, type Membership } from './group-changes.js';
import { round2 } from './round.js';

/** At most this many drivers per element change. */
export const MAX_DRIVERS = 5;
/** Drivers whose contribution moved less than this (in points, after rounding) are left out. */
export const MIN_DRIVER_DELTA = 0.01;

export class ComparisonError extends Error {
  /** Code of the first problem. */
  readonly code: ComparisonProblemCode;
  readonly problems: readonly ComparisonProblem[];
  constructor(problems: readonly [ComparisonProblem, ...ComparisonProblem[]]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ComparisonError';
    this.code = problems[0].code;
    this.problems = problems;
  }
}


/** Compares labels with runs of digits as numbers; falls back to code-unit order so that it is total. */
export function compareLabels(a: string, b: string): number {
  const runsA = a.match(/\d+|\D+/g) ?? [];
  const runsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(runsA.length, runsB.length); i++) {
    const x = runsA[i]!;
    const y = runsB[i]!;
    const byRun = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareCodeUnits(x, y);
    if (byRun !== 0) return byRun;
  }
  return runsA.length - runsB.length || compareCodeUnits(a, b);
}

function isDigits(s: string): boolean {
  return s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;
}

function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A label that is blank counts as absent. */
function present(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

/** Absent sorts last. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return compareLabels(a, b);
}

interface Indexed {
  readonly report: Report;
  /** Position in the array given by the caller. */
  readonly index: number;
}

/**
 * The order of a comparison: by period, then date; a missing (or blank) period after present ones, and
 * likewise the date. Exported so that the CLI can find the newest assessment before scoring.
 */
export function comparePeriodOrder(
  a: { readonly period?: string; readonly date?: string },
  b: { readonly period?: string; readonly date?: string },
): number {
  return comparePeriodLabels(present(a.period), present(b.period)) || compareOptional(present(a.date), present(b.date));
}

/** SPEC 2.3 (1.1) periods by time (2026-Q4 before 2027-Q1, a year before its first quarter); other labels after them, naturally. */
function comparePeriodLabels(a: string | undefined, b: string | undefined): number {
  const pa = a === undefined ? undefined : parsePeriod(a);
  const pb = b === undefined ? undefined : parsePeriod(b);
  if (pa && pb) return comparePeriods(pa, pb) || compareCodeUnits(a!, b!);
  if (pa && b !== undefined) return -1;
  if (pb && a !== undefined) return 1;
  return compareOptional(a, b);
}

function byPeriodThenDate(a: Indexed, b: Indexed): number {
  return comparePeriodOrder(a.report, b.report) || a.index - b.index;
}

/** How a report is named in messages: its period, else its date, else its position. */
function nameOf(entry: Indexed): string {
  return present(entry.report.period) ?? present(entry.report.date) ?? `report ${entry.index + 1}`;
}

function organizationKey(organization: string): string {
  return organization.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function quoted(s: string): string {
  return `"${s}"`;
}

/** Groups entries by a key, keeping first-seen order of keys and entries. */
function groupBy<T, K>(entries: readonly T[], key: (e: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const entry of entries) {
    const k = key(entry);
    const group = groups.get(k);
    if (group) group.push(entry);
    else groups.set(k, [entry]);
  }
  return groups;
}

/** Every reason why these reports cannot be compared; empty when they can. */
export function findComparisonProblems(reports: readonly Report[]): ComparisonProblem[] {
  const entries = reports.map((report, index) => ({ report, index })).sort(byPeriodThenDate);
  const problems: ComparisonProblem[] = [];
  if (reports.length < 2) {
    problems.push({
      code: 'too-few-periods',
      message: `a comparison needs the assessments of at least 2 periods; got ${reports.length}`,
      reports: entries.map((e) => e.index),
    });
  }

  for (const [period, group] of groupBy(entries, (e) => present(e.report.period))) {
    if (group.length < 2) continue;
    const dates = group.map((e) => present(e.report.date));
    const ordered = dates.every((d) => d !== undefined) && new Set(dates).size === dates.length;
    if (ordered) continue;
    const dated = dates.map((d) => d ?? 'undated').join(', ');
    problems.push({
      code: 'same-period-twice',
      message:
        period === undefined
          ? `${group.length} assessments have no period and cannot be ordered (dates: ${dated}); give each a period, e.g. period: 2026-Q1`
          : `period ${quoted(period)} appears in ${group.length} assessments (dates: ${dated}); give each assessment its own period, or distinct dates to order them`,
      reports: group.map((e) => e.index).sort((a, b) => a - b),
    });
  }

  const named = entries.filter((e) => present(e.report.organization) !== undefined);
  const organizations = groupBy(named, (e) => organizationKey(e.report.organization!));
  if (organizations.size > 1) {
    const listed = [...organizations.values()]
      .map((group) => `${quoted(group[0]!.report.organization!)} (${group.map(nameOf).join(', ')})`)
      .join(', ');
    problems.push({
      code: 'different-organizations',
      message: `the assessments are of different organizations: ${listed}; compare one organization at a time`,
      reports: named.map((e) => e.index).sort((a, b) => a - b),
    });
  }
  return problems;
}

/** (1.1) How groups are compared: anonymity, and each report's group members where the report itself names nobody. */
export interface CompareGroupOptions {
  readonly anonymous?: boolean;
  readonly minGroupSize?: number;
  /** By the index of the report in the array given; default: the members each report names. */
  readonly memberships?: readonly (Membership | undefined)[];
}

/**
 * Compares the reports of one organization over periods. Throws ComparisonError when findComparisonProblems
 * finds any. `questions[i]`, where given, says which questions report i's answers were asked (see
 * PeriodQuestions); where absent, a report scored from answers of another model version is taken to have been
 * asked the questions someone answered (n/a included), and any other report every question it lists.
 */
export function compareReports(
  reports: readonly Report[],
  groupOptions: CompareGroupOptions = {},
  questions: readonly (PeriodQuestions | undefined)[] = [],
): Comparison {
  const problems = findComparisonProblems(reports);
  if (problems.length > 0) throw new ComparisonError(problems as [ComparisonProblem, ...ComparisonProblem[]]);

  const entries = reports.map((report, index) => ({ report, index })).sort(byPeriodThenDate);
  const ordered = entries.map((e) => e.report);
  const asked = entries.map((e) => questionnaireOf(e.report, questions[e.index]));
  const newestFirst = [...ordered].reverse();
  const labels = periodLabels(ordered);
  const elements = elementCatalogue(newestFirst);
  const levels = levelCatalogue(newestFirst);

  const periods: ComparisonPeriod[] = ordered.map((report, i) => ({
    ...(present(report.period) !== undefined ? { period: report.period! } : {}),
    ...(present(report.date) !== undefined ? { date: report.date! } : {}),
    label: labels[i]!,
    ...(present(report.organization) !== undefined ? { organization: report.organization! } : {}),
    model: { id: report.model.id, version: report.model.version },
    overall: { score: report.overall.score, level: report.overall.level },
    elements: elements.map(({ id }) => {
      const element = findElement(report, id);
      return { id, score: element?.score ?? null, level: element?.level ?? null };
    }),
  }));

  const pairs: [number, number, PeriodChange['kind']][] = [];
  for (let i = 0; i + 1 < ordered.length; i++) pairs.push([i, i + 1, 'consecutive']);
  if (ordered.length > 2) pairs.push([0, ordered.length - 1, 'first-to-last']);
  const movedGroups = groupMovement(entries, groupOptions);
  const changes = pairs.map(([a, b, kind]) => ({
    kind,
    from: labels[a]!,
    to: labels[b]!,
    ...changeBetween(ordered[a]!, ordered[b]!, elements, asked[a], asked[b]),
    ...movedGroups(a, b),
  }));

  const organization = newestFirst.map((r) => present(r.organization)).find((o) => o !== undefined);
  return {
    schemaVersion: 1,
    ...(organization !== undefined ? { organization } : {}),
    levels,
    elements,
    periods,
    changes,
    warnings: [...comparisonWarnings(entries, labels, elements), ...unplacedDropped(asked, labels, elements)],
  };
}

/** (1.1) Each pair's group changes (SPEC 4.2: only where membership changes cannot single anyone out). */
function groupMovement(entries: readonly Indexed[], options: CompareGroupOptions): (a: number, b: number) => { groups?: GroupChange[] } {
  const anonymous = options.anonymous === true || entries.some((e) => e.report.anonymous === true);
  const minGroupSize = Math.max(LEAST_MIN_GROUP_SIZE, options.minGroupSize ?? Math.max(DEFAULT_MIN_GROUP_SIZE, ...entries.map((e) => e.report.minGroupSize ?? 0)));
  const memberships = entries.map((e) => options.memberships?.[e.index] ?? membershipOf(e.report));
  return (a, b) => {
    const groups = groupChanges(entries[a]!.report, entries[b]!.report, { earlier: memberships[a], later: memberships[b] }, { anonymous, minGroupSize });
    return groups === undefined ? {} : { groups };
  };
}

/** Unique labels, in period order: the period; with the date where periods share it; else the date. */
function periodLabels(ordered: readonly Report[]): string[] {
  const periodCounts = new Map<string, number>();
  for (const r of ordered) {
    const p = present(r.period);
    if (p !== undefined) periodCounts.set(p, (periodCounts.get(p) ?? 0) + 1);
  }
  const used = new Set<string>();
  return ordered.map((r) => {
    const period = present(r.period);
    const date = present(r.date);
    let label: string;
    if (period === undefined) label = date ?? 'unlabelled';
    else if ((periodCounts.get(period) ?? 0) > 1 && date !== undefined) label = `${period} (${date})`;
    else label = period;
    // a period label may equal another assessment's date: number the later one
    const base = label;
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
    used.add(label);
    return label;
  });
}

function findElement(report: Report, id: string): ReportElement | undefined {
  return report.elements.find((e) => e.id === id);
}

function elementCatalogue(newestFirst: readonly Report[]): ComparisonElementInfo[] {
  const seen = new Map<string, ComparisonElementInfo>();
  for (const report of newestFirst) {
    for (const e of report.elements) if (!seen.has(e.id)) seen.set(e.id, { id: e.id, title: e.title });
  }
  return [...seen.values()];
}

function levelCatalogue(newestFirst: readonly Report[]): ComparisonLevel[] {
  const seen = new Map<string, ComparisonLevel>();
  for (const report of newestFirst) {
    for (const l of report.levels) {
      if (!seen.has(l.id)) seen.set(l.id, { id: l.id, title: l.title, minScore: l.minScore });
    }
  }
  return [...seen.values()];
}

function delta(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : round2(to - from);
}

/** Up or down by the later model's level order (else the earlier's); null when not comparable. */
function direction(
  from: string | null,
  to: string | null,
  earlier: readonly ReportLevel[],
  later: readonly ReportLevel[],
): Direction | null {
  if (from === null || to === null) return null;
  if (from === to) return 'same';
  for (const levels of [later, earlier]) {
    const i = levels.findIndex((l) => l.id === from);
    const j = levels.findIndex((l) => l.id === to);
    if (i >= 0 && j >= 0) return j > i ? 'up' : 'down';
  }
  return null;
}

/**
 * (1.1) Which questions one period's answers were asked, when they were recorded against another version of the
 * model than the one they are scored with: a question that changed meaning (no `replaces`) is new to them.
 */
export interface PeriodQuestions {
  /** Question ids of the scoring model that the answers speak for: answered, n/a included, under the id or one it replaces. */
  readonly asked: readonly string[];
  /** Question ids recorded in the answers that the scoring model does not have: dropped, or changed in meaning. */
  readonly dropped: readonly string[];
}

/**
 * What one period's answers say about the questionnaire they were given, from the question ids they recorded
 * and the model they are scored with; undefined when they were recorded against that very model (then every
 * question of the model was in the questionnaire, answered or not).
 */
export function periodQuestions(
  model: { readonly version: string; readonly elements: readonly { readonly questions: readonly { readonly id: string; readonly replaces: readonly string[] }[] }[] },
  recorded: { readonly version: string; readonly questionIds: Iterable<string> },
): PeriodQuestions | undefined {
  if (recorded.version === model.version) return undefined;
  const ids = new Set(recorded.questionIds);
  const known = new Set<string>();
  const asked: string[] = [];
  for (const element of model.elements) {
    for (const q of element.questions) {
      const names = [q.id, ...q.replaces];
      for (const name of names) known.add(name);
      if (names.some((name) => ids.has(name))) asked.push(q.id);
    }
  }
  return { asked, dropped: [...ids].filter((id) => !known.has(id)) };
}

/** A period's questionnaire as far as the comparison can tell; undefined: every question its report lists. */
interface Questionnaire {
  readonly asked: ReadonlySet<string>;
  readonly dropped: readonly string[];
}

function questionnaireOf(report: Report, given: PeriodQuestions | undefined): Questionnaire | undefined {
  if (given !== undefined) return { asked: new Set(given.asked), dropped: given.dropped };
  if (!report.warnings.some((w) => w.code === 'model-version-mismatch')) return undefined;
  const answered = report.elements.flatMap((e) => e.items).filter((q) => q.answers + q.notApplicable > 0);
  return { asked: new Set(answered.map((q) => q.id)), dropped: [] };
}

/** The element a dropped question belonged to, by its id's first part (`design.x` → design). */
function elementOfQuestion(id: string, elements: readonly ComparisonElementInfo[]): string | undefined {
  const prefix = id.split('.')[0];
  return elements.find((e) => e.id === prefix)?.id;
}

function unplacedDropped(
  asked: readonly (Questionnaire | undefined)[],
  labels: readonly string[],
  elements: readonly ComparisonElementInfo[],
): ComparisonWarning[] {
  return asked.flatMap((q, i) => {
    const unplaced = q?.dropped.filter((id) => elementOfQuestion(id, elements) === undefined) ?? [];
    if (unplaced.length === 0) return [];
    return [{ code: 'questions-dropped', message: `${labels[i]!} has answers to ${unplaced.map(quoted).join(', ')}, which the model no longer has and no element claims: they do not count` }];
  });
}

/** The last level whose minScore ≤ score (a rounded score: good enough for a like-for-like row). */
function levelAt(score: number, levels: readonly ReportLevel[]): string | null {
  let found: string | null = levels[0]?.id ?? null;
  for (const level of levels) if (level.minScore <= score) found = level.id;
  return found;
}

/** Σ w·score / Σ w over the items with a score, rounded; null when none has one. */
function scoreOver(items: readonly ReportElement['items'][number][]): number | null {
  const valued = items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => sum + q.weight, 0);
  return total > 0 ? round2(valued.reduce((sum, q) => sum + q.weight * q.score!, 0) / total) : null;
}

function changeBetween(
  earlier: Report,
  later: Report,
  elements: readonly ComparisonElementInfo[],
  askedEarlier?: Questionnaire,
  askedLater?: Questionnaire,
): { overall: OverallChange; elements: ElementChange[] } {
  const overall: OverallChange = {
    delta: delta(earlier.overall.score, later.overall.score),
    fromScore: earlier.overall.score,
    toScore: later.overall.score,
    from: earlier.overall.level,
    to: later.overall.level,
    direction: direction(earlier.overall.level, later.overall.level, earlier.levels, later.levels),
  };
  return {
    overall,
    elements: elements.map(({ id }): ElementChange => {
      const a = findElement(earlier, id);
      const b = findElement(later, id);
      const from = a?.level ?? null;
      const to = b?.level ?? null;
      const idsA = new Set(a?.items.map((q) => q.id) ?? []);
      const idsB = new Set(b?.items.map((q) => q.id) ?? []);
      if (askedEarlier !== undefined || askedLater !== undefined) {
        return likeForLike(id, a, b, elements, askedEarlier, askedLater, later.levels);
      }
      const fromScore = a?.score ?? null;
      const toScore = b?.score ?? null;
      return {
        ...movement(id, { score: fromScore, level: from, levels: earlier.levels, element: a }, { score: toScore, level: to, levels: later.levels, element: b }),
        questionsAdded: [...idsB].filter((q) => !idsA.has(q)),
        questionsRemoved: [...idsA].filter((q) => !idsB.has(q)),
      };
    }),
  };
}

/** One side of an element's change: its score and level, the levels they are read against, and its questions. */
interface ChangeEnd {
  readonly score: number | null;
  readonly level: string | null;
  readonly levels: readonly ReportLevel[];
  readonly element: ReportElement | undefined;
}

/** What every element change holds: the delta, both ends, the direction between their levels and the drivers. */
function movement(id: string, earlier: ChangeEnd, later: ChangeEnd): Omit<ElementChange, 'questionsAdded' | 'questionsRemoved' | 'comparedOver'> {
  return {
    id,
    delta: delta(earlier.score, later.score),
    fromScore: earlier.score,
    toScore: later.score,
    from: earlier.level,
    to: later.level,
    direction: direction(earlier.level, later.level, earlier.levels, later.levels),
    drivers: earlier.score === null || later.score === null ? [] : drivers(earlier.element!, later.element!),
  };
}

/**
 * An element between two periods whose questionnaires differ (answers recorded against another model version):
 * scored over the questions both periods were asked, so that a question that is new, or changed in meaning,
 * is named as such instead of showing as the organization's change.
 */
function likeForLike(
  id: string,
  a: ReportElement | undefined,
  b: ReportElement | undefined,
  elements: readonly ComparisonElementInfo[],
  askedEarlier: Questionnaire | undefined,
  askedLater: Questionnaire | undefined,
  levels: readonly ReportLevel[],
): ElementChange {
  const present = (e: ReportElement | undefined, asked: Questionnaire | undefined): string[] =>
    (e?.items ?? []).map((q) => q.id).filter((q) => asked === undefined || asked.asked.has(q));
  const inA = present(a, askedEarlier);
  const inB = present(b, askedLater);
  const setA = new Set(inA);
  const setB = new Set(inB);
  const droppedOf = (asked: Questionnaire | undefined): string[] => (asked?.dropped ?? []).filter((q) => elementOfQuestion(q, elements) === id);
  const droppedA = droppedOf(askedEarlier);
  const droppedB = droppedOf(askedLater);
  const common = new Set(inA.filter((q) => setB.has(q)));
  const restrict = (e: ReportElement | undefined): ReportElement | undefined =>
    e === undefined ? undefined : { ...e, items: e.items.filter((q) => common.has(q.id)) };
  const ra = restrict(a);
  const rb = restrict(b);
  const fromScore = a?.score === null || ra === undefined ? null : scoreOver(ra.items);
  const toScore = b?.score === null || rb === undefined ? null : scoreOver(rb.items);
  // the levels of the like-for-like scores, so that the row does not show the reshaping as a level change
  const from = fromScore === null ? null : levelAt(fromScore, levels);
  const to = toScore === null ? null : levelAt(toScore, levels);
  return {
    ...movement(id, { score: fromScore, level: from, levels, element: ra }, { score: toScore, level: to, levels, element: rb }),
    questionsAdded: [...inB.filter((q) => !setA.has(q)), ...droppedB.filter((q) => !droppedA.includes(q))],
    questionsRemoved: [...inA.filter((q) => !setB.has(q)), ...droppedA.filter((q) => !droppedB.includes(q))],
    comparedOver: [...common],
  };
}

/**
 * Each question's contribution to the element score, in points: 100 × w_q × v_q / Σw over the element's
 * questions with a value (v_q = score/100). The contributions of an element add up to its score.
 */
export function contributions(element: ReportElement): Map<string, number> {
  const valued = element.items.filter((q) => q.score !== null);
  const total = valued.reduce((sum, q) => sum + q.weight, 0);
  return new Map(valued.map((q) => [q.id, total > 0 ? (q.weight * q.score!) / total : 0]));
}

function drivers(earlier: ReportElement, later: ReportElement): Driver[] {
  const before = contributions(earlier);
  const after = contributions(later);
  const scoreBefore = new Map(earlier.items.map((q) => [q.id, q.score]));
  const scoreAfter = new Map(later.items.map((q) => [q.id, q.score]));
  const texts = new Map([...earlier.items, ...later.items].map((q) => [q.id, q.text]));
  const ids = new Set([...later.items.map((q) => q.id), ...earlier.items.map((q) => q.id)]);
  return [...ids]
    .map((question) => ({
      question,
      text: texts.get(question) ?? question,
      // a question without a value in a period contributes 0 there
      delta: round2((after.get(question) ?? 0) - (before.get(question) ?? 0)),
      fromScore: scoreBefore.get(question) ?? null,
      toScore: scoreAfter.get(question) ?? null,
    }))
    .filter((d) => Math.abs(d.delta) >= MIN_DRIVER_DELTA)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || compareCodeUnits(x.question, y.question))
    .slice(0, MAX_DRIVERS);
}

function levelsSignature(levels: readonly ReportLevel[]): string {
  return JSON.stringify(levels.map((l) => [l.id, l.minScore]));
}

function comparisonWarnings(
  entries: readonly Indexed[],
  labels: readonly string[],
  elements: readonly ComparisonElementInfo[],
): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  const labelled = entries.map((entry, i) => ({ ...entry, label: labels[i]! }));
  // "<shown value> (<labels of the periods that have it>), …"
  const listBy = (key: (e: Indexed) => string, show: (e: Indexed) => string): string =>
    [...groupBy(labelled, key).values()]
      .map((group) => `${show(group[0]!)} (${group.map((e) => e.label).join(', ')})`)
      .join(', ');

  const modelIds = new Set(entries.map((e) => e.report.model.id));
  const models = new Set(entries.map((e) => `${e.report.model.id}\u0000${e.report.model.version}`));
  if (modelIds.size > 1) {
    warnings.push({
      code: 'model-mismatch',
      message: `the periods were scored with different models: ${listBy(
        (e) => `${e.report.model.id}\u0000${e.report.model.version}`,
        (e) => `${e.report.model.id} ${e.report.model.version}`,
      )}; elements and questions are matched by id, so scores may not be like for like`,
    });
  } else if (models.size > 1) {
    warnings.push({
      code: 'model-version-mismatch',
      message: `the periods were scored with different versions of the model ${[...modelIds][0]!}: ${listBy(
        (e) => e.report.model.version,
        (e) => e.report.model.version,
      )}; rescore every period with one model for a like-for-like comparison`,
    });
  }

  if (new Set(entries.map((e) => levelsSignature(e.report.levels))).size > 1) {
    warnings.push({
      code: 'levels-mismatch',
      message: 'the periods were scored with different levels; level movements follow the later period\'s level order',
    });
  }

  const unlabelled = labelled.filter((e) => present(e.report.period) === undefined);
  if (unlabelled.length > 0) {
    warnings.push({
      code: 'period-missing',
      message: `${unlabelled.map((e) => e.label).join(', ')} ${unlabelled.length === 1 ? 'has' : 'have'} no period label and ${
        unlabelled.length === 1 ? 'is' : 'are'
      } ordered after the labelled periods, by date; add period: to the answers file`,
    });
  }

  const withOrganization = labelled.filter((e) => present(e.report.organization) !== undefined);
  const withoutOrganization = labelled.filter((e) => present(e.report.organization) === undefined);
  if (withOrganization.length > 0 && withoutOrganization.length > 0) {
    warnings.push({
      code: 'organization-missing',
      message: `${withoutOrganization.map((e) => e.label).join(', ')} ${
        withoutOrganization.length === 1 ? 'names' : 'name'
      } no organization; taken to be ${quoted(withOrganization.at(-1)!.report.organization!)}`,
    });
  }
  const spellings = new Set(withOrganization.map((e) => e.report.organization!));
  if (spellings.size > 1) {
    warnings.push({
      code: 'organization-spelling',
      message: `the organization is spelled differently: ${listBy(
        (e) => e.report.organization!,
        (e) => quoted(e.report.organization!),
      )}`,
    });
  }

  for (const { id, title } of elements) {
    const missing = labelled.filter((e) => findElement(e.report, id) === undefined);
    if (missing.length > 0) {
      warnings.push({
        code: 'element-missing',
        message: `${title} is not in the model of ${missing.map((e) => e.label).join(', ')}: no score there`,
      });
    }
    const notAssessed = labelled.filter((e) => {
      const element = findElement(e.report, id);
      return element !== undefined && element.score === null;
    });
    if (notAssessed.length > 0) {
      warnings.push({
        code: 'element-not-assessed',
        message: `${title} was not assessed in ${notAssessed.map((e) => e.label).join(', ')}: no delta to or from ${
          notAssessed.length === 1 ? 'that period' : 'those periods'
        }`,
      });
    }
  }
  return warnings;
}
