// That every level of a model can be reached: some element, every question answered, must score within it. With
// the maths of scoring itself (model/valuation.ts, model/level.ts), so that the rule and the scores agree exactly.

import { fraction } from '../../domain/fraction.js';
import type { Finding } from '../../domain/finding.js';
import { levelFor } from '../../domain/level.js';
import type { Element, Level, Question } from '../../domain/types.js';
import { elementScoreTerms, valuation, type QuestionValuation } from '../../domain/valuation.js';
import type { LoadedFile } from '../file.js';
import { findingAt } from '../findings.js';
import type { RawModel } from '../schema/raw.js';

/** Element scores are enumerated up to this many; past it, an element is taken to reach every score. */
const MAX_STATES = 4096;
/** A scale with more points than this, or a multiple choice with more sums, counts by its two ends. */
const MAX_SCALE_POINTS = 1000;
const MAX_MULTI_SUMS = 512;

/** The points (out of its valuation's range) a question can give an answer, as scoring counts them. */
function questionPoints(question: Question, { range, points }: QuestionValuation): readonly bigint[] {
  switch (question.type) {
    case 'scale': {
      // every point of the scale, valued as scoring values it (an anchored scale's points are not evenly spaced)
      const span = question.max - question.min;
      if (span <= 0) return [0n];
      if (span > MAX_SCALE_POINTS) return [0n, range];
      return Array.from({ length: span + 1 }, (_, k) => points(question.min + k)!);
    }
    case 'choice':
      return question.options.map((o) => points(o.id)!);
    case 'multi': {
      // any set of options: its points are the sum of theirs
      let sums = new Set<bigint>([0n]);
      for (const option of question.options) {
        const p = points([option.id])!;
        sums = new Set([...sums, ...[...sums].map((s) => s + p)]);
        if (sums.size > MAX_MULTI_SUMS) return [0n, range];
      }
      return [...sums];
    }
  }
}

/**
 * Every sum of one value from each list, in increasing order; undefined once there are more than MAX_STATES (the set
 * only grows). `add` adds two values exactly.
 */
function sums<T>(lists: readonly (readonly T[])[], zero: T, add: (x: T, y: T) => T): T[] | undefined {
  let reached = new Set<T>([zero]);
  for (const list of lists) {
    const next = new Set<T>();
    for (const s of reached) {
      for (const v of list) next.add(add(s, v));
      if (next.size > MAX_STATES) return undefined;
    }
    reached = next;
  }
  return [...reached];
}

/** Sums of one value from each list, increasing; in doubles while every sum is a safe integer (as exact, and faster). */
function reachableSums(lists: readonly (readonly bigint[])[]): readonly bigint[] | undefined {
  const largest = lists.reduce((total, list) => total + list.reduce((m, x) => (x > m ? x : m), 0n), 0n);
  if (largest <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return sums(lists.map((list) => list.map(Number)), 0, (x, y) => x + y)?.sort((x, y) => x - y).map(BigInt);
  }
  return sums(lists, 0n, (x, y) => x + y)?.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * The levels an element can reach when every question is answered: exact for small questionnaires, every level
 * once the combinations grow past MAX_STATES.
 */
function reachableLevels(element: Element, levels: readonly Level[]): ReadonlySet<Level> {
  const valuations = element.questions.map(valuation);
  const { a, b } = elementScoreTerms(element.questions.map((q, qi) => ({ weight: q.weight, range: valuations[qi]!.range })));
  const denominator = b.reduce((sum, x) => sum + x, 0n);
  // an element's score is 100·Σ a·p / Σ b: the sums Σ a·p it can reach, in increasing order
  const reached = reachableSums(element.questions.map((q, qi) => questionPoints(q, valuations[qi]!).map((p) => a[qi]! * p)));
  if (reached === undefined) return new Set(levels);
  const levelAt = (i: number): Level => levelFor(levels, fraction(100n * reached[i]!, denominator));
  // a higher sum never has a lower level: from each level reached, bisect to the first sum above it
  const found = new Set<Level>();
  for (let from = 0; from < reached.length; ) {
    const level = levelAt(from);
    found.add(level);
    let low = from + 1;
    let high = reached.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (levelAt(mid) === level) low = mid + 1;
      else high = mid;
    }
    from = low;
  }
  return found;
}

/** A model without errors, every element built: what the rules about its scores need (its manifest as model-rules reads it). */
export interface CompleteModel {
  readonly manifest: { readonly raw: RawModel; readonly loaded: LoadedFile };
  readonly elements: readonly Element[];
}

/** A level that no element can reach is an error at its minScore. */
export function levelsReachable({ manifest, elements }: CompleteModel): Finding[] {
  const { raw, loaded } = manifest;
  const levels: Level[] = raw.levels.map((l) => ({ id: l.id, title: l.title, minScore: l.minScore }));
  const reached = new Set<Level>();
  for (const element of elements) for (const level of reachableLevels(element, levels)) reached.add(level);
  const findings: Finding[] = [];
  for (const [i, level] of levels.entries()) {
    if (reached.has(level)) continue;
    const upper = raw.levels[i + 1]?.minScore ?? Infinity;
    findings.push(
      findingAt(loaded, ['levels', i, 'minScore'], 'level-unreachable', `no element can score from ${level.minScore} up to ${upper === Infinity ? 100 : upper}, so level "${level.id}" can never be reached: adjust minScore or the questions' options`),
    );
  }
  return findings;
}
