// Groups (SPEC 4 (1.1) `groups` and `gaps`), pure: each group's scores with section 3's formulas over
// its respondents alone, the perception gaps between the shown groups, and how many respondents chose
// each answer. Exact arithmetic; only the numbers written into the report are rounded.

import type { ReportAnswerCount, ReportGap, ReportGroup, ReportGroupScore, ReportScoreSpread } from '../domain/report.js';
import { NOT_APPLICABLE, type Model, type Respondent } from '../domain/types.js';
import { add, compare, fraction, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import { overallLevel } from '../domain/level.js';
import { shownGroups } from './anonymity.js';
import { round2Ratio } from '../text/round.js';
import { ownScore, scoreElementValues, weightedMean, type ElementTally, type QuestionTally } from './tally.js';

export { tallyAnswers, type ElementTally, type QuestionTally } from './tally.js';

/** Points of difference from which two groups' scores are a perception gap, by default. */
export const DEFAULT_GAP_THRESHOLD = 25;

const HUNDRED = fromNumber(100);

/**
 * How many of `members` (respondent indices; default all) chose each answer: every option of a choice or
 * multi question in the model's order (a multi answer counts once for each option it lists), the scale
 * values given in ascending order, then n/a where anyone answered it.
 */
export function distribution(tally: QuestionTally, members?: readonly number[]): ReportAnswerCount[] {
  const { question, answers } = tally;
  const counts = new Map<string | number, number>();
  let notApplicable = 0;
  const count = (key: string | number): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const i of members ?? answers.keys()) {
    const a = answers[i];
    if (a === undefined) continue;
    if (a === NOT_APPLICABLE) notApplicable++;
    else if (Array.isArray(a)) for (const id of new Set(a as readonly string[])) count(id);
    else count(a as string | number);
  }
  const result: ReportAnswerCount[] =
    question.type === 'scale'
      ? [...counts.keys()]
          .filter((v): v is number => typeof v === 'number')
          .sort((a, b) => a - b)
          .map((v) => {
            const label = question.labels.get(v);
            return { answer: v, label: label === undefined ? String(v) : `${v} (${label})`, count: counts.get(v)! };
          })
      : question.options.map((o) => ({ answer: o.id, label: o.label, count: counts.get(o.id) ?? 0 }));
  if (notApplicable > 0) result.push({ answer: NOT_APPLICABLE, label: 'n/a', count: notApplicable });
  return result;
}

/** The answers chosen most often (ties all listed); n/a does not count. Empty when nobody chose any. */
export function mostChosen(counts: readonly ReportAnswerCount[]): ReportAnswerCount[] {
  const valued = counts.filter((c) => c.answer !== NOT_APPLICABLE);
  const top = Math.max(0, ...valued.map((c) => c.count));
  return top === 0 ? [] : valued.filter((c) => c.count === top);
}

/**
 * Lowest, median (the mean of the middle two for an even count) and highest own element score (SPEC 3,
 * exact). Each respondent's score is 100·Σ a·p / Σ b (model/valuation.ts elementScoreTerms), as in score.ts:
 * integer sums, no fraction reduced per respondent.
 */
export function respondentSpread(tally: ElementTally, respondents: number): ReportScoreSpread | undefined {
  const scores: { n: bigint; d: bigint }[] = [];
  for (let r = 0; r < respondents; r++) {
    const own = ownScore(tally, r);
    if (own !== undefined) scores.push(own);
  }
  if (scores.length === 0) return undefined;
  scores.sort((x, y) => {
    const l = x.n * y.d;
    const r = y.n * x.d;
    return l < r ? -1 : l > r ? 1 : 0;
  });
  const mid = scores.length >> 1;
  const low = scores[mid - 1];
  const high = scores[mid]!;
  const median = scores.length % 2 === 1 || low === undefined ? high : { n: low.n * high.d + high.n * low.d, d: 2n * low.d * high.d };
  const show = (f: { n: bigint; d: bigint }): number => round2Ratio(f.n, f.d);
  return { respondents: scores.length, lowest: show(scores[0]!), median: show(median), highest: show(scores.at(-1)!) };
}

/** The groups respondents name: the model's groups in its order (those anyone names), then other names as first met. */
export function groupsOf(model: Model, respondents: readonly Respondent[]): { id: string; title: string; members: number[] }[] {
  const byId = new Map<string, { id: string; title: string; members: number[] }>();
  for (const g of model.groups) byId.set(g.id, { id: g.id, title: g.title, members: [] });
  for (const [i, r] of respondents.entries()) {
    if (r.group === undefined) continue;
    let group = byId.get(r.group);
    if (!group) byId.set(r.group, (group = { id: r.group, title: r.group, members: [] }));
    group.members.push(i);
  }
  return [...byId.values()].filter((g) => g.members.length > 0);
}

export interface GroupOptions {
  /** Suppress groups and withhold figures that could single someone out (SPEC 4.2). */
  readonly anonymous: boolean;
  /** ≥ 2; used when anonymous. */
  readonly minGroupSize: number;
  /** Points (0-100). */
  readonly gapThreshold: number;
}

interface GroupCell {
  /** Σ points of the group's answerers, and how many they are. */
  readonly sum: bigint;
  readonly count: number;
  /** May be shown (always, unless anonymous). */
  readonly shown: boolean;
}

/** The groups' scores and the gaps between them; undefined when no respondent names a group. */
export function scoreGroups(
  model: Model,
  respondents: readonly Respondent[],
  tallies: readonly ElementTally[],
  options: GroupOptions,
): { groups: ReportGroup[]; gaps: ReportGap[] } | undefined {
  const groups = groupsOf(model, respondents);
  if (groups.length === 0) return undefined;
  const min = options.minGroupSize;
  const grouped = groups.reduce((n, g) => n + g.members.length, 0);
  const visible = options.anonymous
    ? shownGroups(
        groups.map((g) => g.members.length),
        respondents.length - grouped,
        min,
      )
    : groups.map(() => true);

  // cells[q][g]: group g's answers to question q; a question's cells follow the same rule as the groups,
  // over its answerers (n/a and unanswered leave a group with fewer people behind a figure)
  const cells = new Map<QuestionTally, GroupCell[]>();
  for (const q of tallies.flatMap((t) => t.questions)) {
    const raw = groups.map((g) => {
      let sum = 0n;
      let count = 0;
      for (const i of g.members) {
        const p = q.points[i];
        if (p === undefined) continue;
        sum += p;
        count++;
      }
      return { sum, count };
    });
    let shown = visible;
    if (options.anonymous) {
      const answerers = q.points.reduce((n, p) => (p === undefined ? n : n + 1), 0);
      const inShown = raw.reduce((n, c, g) => (visible[g] ? n + c.count : n), 0);
      const sizes = raw.map((c, g) => (visible[g] ? c.count : 0));
      const ok = shownGroups(sizes, answerers - inShown, min);
      shown = visible.map((v, g) => v && ok[g]!);
    }
    cells.set(
      q,
      raw.map((c, g) => ({ ...c, shown: shown[g]! })),
    );
  }

  const value = (q: QuestionTally, g: number): Fraction | undefined => {
    const c = cells.get(q)![g]!;
    return c.count === 0 || q.range === 0n ? undefined : fraction(c.sum, q.range * BigInt(c.count));
  };

  // exact element scores and levels per group (the same element-level rule as the whole team's), and whether each may be shown
  const elementScores = groups.map((_, g) =>
    tallies.map((t) => {
      const { score, levels } = scoreElementValues(
        model,
        t.element,
        t.questions.map((q) => value(q, g)),
      );
      const withheld = t.questions.some((q) => cells.get(q)![g]!.count > 0 && !cells.get(q)![g]!.shown);
      return { score, level: levels.level, withheld };
    }),
  );

  const figure = (e: { score: Fraction | undefined; level: number | undefined; withheld: boolean }): ReportGroupScore =>
    e.withheld
      ? { score: null, level: null, withheld: true }
      : { score: e.score === undefined ? null : round2Ratio(e.score.n, e.score.d), level: e.level === undefined ? null : model.levels[e.level]!.id };

  const reportGroups: ReportGroup[] = groups.map((group, g) => {
    if (!visible[g]) return { id: group.id, title: group.title, respondents: group.members.length, suppressed: true };
    const elements = elementScores[g]!;
    const overall = weightedMean(elements.map((e, i) => ({ weight: tallies[i]!.element.weight, value: e.score })));
    const level = overallLevel(
      model,
      elements.map((e) => e.level),
      overall,
    );
    const withheld = elements.some((e) => e.score !== undefined && e.withheld);
    return {
      id: group.id,
      title: group.title,
      respondents: group.members.length,
      suppressed: false,
      overall: withheld
        ? { score: null, level: null, withheld: true }
        : { score: overall === undefined ? null : round2Ratio(overall.n, overall.d), level: level === undefined ? null : model.levels[level]!.id },
      elements: elements.map((e, i) => ({ id: tallies[i]!.element.id, ...figure(e) })),
    };
  });

  // perception gaps: the highest- and lowest-scoring shown group of each element and question
  type Candidate = { g: number; score: Fraction };
  const gaps: { gap: ReportGap; difference: Fraction; order: number }[] = [];
  let order = 0;
  const threshold = fromNumber(options.gapThreshold);
  const gapOf = (candidates: readonly Candidate[], element: string, question: QuestionTally | null): void => {
    const at = order++;
    if (candidates.length < 2) return;
    let high = candidates[0]!;
    let low = candidates[0]!;
    for (const c of candidates) {
      if (compare(c.score, high.score) > 0) high = c;
      if (compare(c.score, low.score) < 0) low = c;
    }
    const difference = add(high.score, mul(fromNumber(-1), low.score));
    if (high === low || compare(difference, threshold) < 0) return;
    const chose = (g: number): ReportAnswerCount[] => mostChosen(distribution(question!, groups[g]!.members));
    gaps.push({
      order: at,
      difference,
      gap: {
        element,
        question: question === null ? null : question.question.id,
        high: groups[high.g]!.id,
        low: groups[low.g]!.id,
        scores: [round2Ratio(high.score.n, high.score.d), round2Ratio(low.score.n, low.score.d)],
        difference: round2Ratio(difference.n, difference.d),
        ...(question === null ? {} : { mostChosen: { high: chose(high.g), low: chose(low.g) } }),
      },
    });
  };
  for (const [i, t] of tallies.entries()) {
    const candidates: Candidate[] = [];
    for (const [g, scores] of elementScores.entries()) {
      const e = scores[i]!;
      if (visible[g] && !e.withheld && e.score !== undefined) candidates.push({ g, score: e.score });
    }
    gapOf(candidates, t.element.id, null);
    for (const q of t.questions) {
      const qc: Candidate[] = [];
      for (const [g, cell] of cells.get(q)!.entries()) {
        const v = value(q, g);
        if (cell.shown && v !== undefined) qc.push({ g, score: mul(HUNDRED, v) });
      }
      gapOf(qc, t.element.id, q);
    }
  }
  gaps.sort((a, b) => compare(b.difference, a.difference) || a.order - b.order);
  return { groups: reportGroups, gaps: gaps.map((g) => g.gap) };
}
