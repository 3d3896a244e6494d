// (1.2) SPEC section 3, levels: random models with levelRule capped (and mean), tolerances, gates and anchored
// scales, scored by cxm, agree with an independent implementation of the section written here from the SPEC's text
// (its own rational numbers; nothing imported from src but the types and the entry point under test) on every
// item's level (L_q), every element's level, levelOfScore and cappedBy, and the overall level.
//
// Mutations this catches (each tried once and seen red): the tolerance not added (cap = L_q), the gate's cap at G
// instead of G − 1, a gate capping when L_q ≥ G, n/a or unanswered gates capping, cappedBy listing questions whose
// cap equals levelOfScore, the element level not lowered to the lowest cap, an anchored scale valued linearly,
// L_q compared on the rounded score, weakest-link taking the level of the score instead of the capped level.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Level, Model, Question, ScaleAnchor } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { runs } from '../fuzz-runs.js';
import { answers, choice, element, model, multi, respondent, scale } from './factories.js';

// ---- an independent reading of SPEC 3 ----------------------------------------------------------------------------

/** An exact rational p/q, q > 0 (not reduced: compared by cross-multiplication). */
interface Q {
  readonly p: bigint;
  readonly q: bigint;
}
const q = (p: bigint | number, d: bigint | number = 1n): Q => (BigInt(d) < 0n ? { p: -BigInt(p), q: -BigInt(d) } : { p: BigInt(p), q: BigInt(d) });
const plus = (a: Q, b: Q): Q => q(a.p * b.q + b.p * a.q, a.q * b.q);
const minus = (a: Q, b: Q): Q => q(a.p * b.q - b.p * a.q, a.q * b.q);
const times = (a: Q, b: Q): Q => q(a.p * b.p, a.q * b.q);
const over = (a: Q, b: Q): Q => q(a.p * b.q, a.q * b.p);
const cmp = (a: Q, b: Q): number => Number(a.p * b.q - b.p * a.q > 0n) - Number(a.p * b.q - b.p * a.q < 0n);

/** Every number in these models is a multiple of 1/10 (scores, weights) or 1/2 (minScores): read it exactly. */
const exact = (x: number): Q => q(Math.round(x * 10), 10);

/** "the last level in the model's order whose minScore ≤ S" */
function levelOf(levels: readonly Level[], score: Q): number {
  let found = 0;
  levels.forEach((l, i) => {
    if (cmp(exact(l.minScore), score) <= 0) found = i;
  });
  return found;
}

/** v ∈ [0, 1] of one answer, or undefined (n/a, unanswered). */
function value(question: Question, answer: AnswerValue | undefined): Q | undefined {
  if (answer === undefined || answer === 'n/a') return undefined;
  if (question.type === 'choice') {
    const scores = question.options.map((o) => exact(o.score));
    const min = scores.reduce((a, b) => (cmp(b, a) < 0 ? b : a));
    const max = scores.reduce((a, b) => (cmp(b, a) > 0 ? b : a));
    const chosen = exact(question.options.find((o) => o.id === answer)!.score);
    return over(minus(chosen, min), minus(max, min));
  }
  if (question.type === 'multi') {
    const all = question.options.reduce((s, o) => plus(s, exact(o.score)), q(0));
    const chosen = [...new Set(answer as string[])].reduce((s, id) => plus(s, exact(question.options.find((o) => o.id === id)!.score)), q(0));
    return over(chosen, all);
  }
  const x = answer as number;
  // "the piecewise-linear interpolation through the points (min, 0), (value of each listed level, that level's
  // minScore / 100) in order, and (max, 1)"; without levels, (answer − min) / (max − min): the same two-point line
  const points: [number, Q][] = [[question.min, q(0)], ...(question.anchors ?? []).map((a): [number, Q] => [a.value, over(exact(a.minScore), q(100))]), [question.max, q(1)]];
  for (let k = 0; k + 1 < points.length; k++) {
    const [x0, y0] = points[k]!;
    const [x1, y1] = points[k + 1]!;
    if (x >= x0 && x <= x1) return plus(y0, times(minus(y1, y0), q(x - x0, x1 - x0)));
  }
  throw new Error(`answer ${x} outside the scale`);
}

interface Expected {
  items: (string | null)[][];
  elements: { level: string | null; levelOfScore: string | null; cappedBy: string[] }[];
  overall: string | null;
}

function expected(m: Model, given: readonly Record<string, AnswerValue>[]): Expected {
  const top = m.levels.length - 1;
  const elementScores: (Q | undefined)[] = [];
  const elementLevels: (number | undefined)[] = [];
  const items: (string | null)[][] = [];
  const elements = m.elements.map((e) => {
    let sum = q(0);
    let weights = q(0);
    const caps: { id: string; cap: number }[] = [];
    const itemLevels: (string | null)[] = [];
    for (const question of e.questions) {
      const values = given.map((g) => value(question, g[question.id])).filter((v): v is Q => v !== undefined);
      if (values.length === 0) {
        itemLevels.push(null);
        continue;
      }
      // "Question value v_q = mean of the respondents' values for q"
      const vq = over(values.reduce(plus), q(values.length));
      sum = plus(sum, times(exact(question.weight), vq));
      weights = plus(weights, exact(question.weight));
      // "L_q = the last level whose minScore ≤ 100·v_q (unrounded)"
      const lq = levelOf(m.levels, times(q(100), vq));
      itemLevels.push(m.levels[lq]!.id);
      // "the cap min(L_q + tolerance, top), and, when it has gate: G and L_q is below G, min(that, G − 1)"
      let cap = Math.min(lq + m.tolerance, top);
      const gate = question.gate === undefined ? -1 : m.levels.findIndex((l) => l.id === question.gate);
      if (gate > 0 && lq < gate) cap = Math.min(cap, gate - 1);
      caps.push({ id: question.id, cap });
    }
    items.push(itemLevels);
    if (weights.p === 0n) {
      elementScores.push(undefined);
      elementLevels.push(undefined);
      return { level: null, levelOfScore: null, cappedBy: [] };
    }
    const score = times(q(100), over(sum, weights));
    const ofScore = levelOf(m.levels, score);
    // "The element level is the lowest of the level of S_e and the caps of its questions with a value" (capped only)
    const capped = m.levelRule === 'capped' ? caps.filter((c) => c.cap < ofScore) : [];
    const level = Math.min(ofScore, ...capped.map((c) => c.cap));
    elementScores.push(score);
    elementLevels.push(level);
    return { level: m.levels[level]!.id, levelOfScore: m.levels[ofScore]!.id, cappedBy: capped.map((c) => c.id) };
  });
  let overall: string | null = null;
  const assessed = m.elements.map((e, i) => ({ e, i })).filter(({ i }) => elementScores[i] !== undefined);
  if (assessed.length > 0) {
    if (m.overall === 'mean') {
      const total = assessed.reduce((s, { e, i }) => plus(s, times(exact(e.weight), elementScores[i]!)), q(0));
      const weights = assessed.reduce((s, { e }) => plus(s, exact(e.weight)), q(0));
      overall = m.levels[levelOf(m.levels, over(total, weights))]!.id;
    } else overall = m.levels[Math.min(...assessed.map(({ i }) => elementLevels[i]!))]!.id;
  }
  return { items, elements, overall };
}

// ---- random models with capped rules, gates, tolerances and anchored scales -----------------------------------

const weightArb = fc.constantFrom(0.5, 1, 2, 3);
const scoreArb = fc.integer({ min: 0, max: 30 }).map((k) => k / 10);

/** 2 to 5 levels, the first at 0, the others strictly increasing multiples of 0.5 up to 99.5. */
const levelsArb: fc.Arbitrary<Level[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 199 }), { minLength: 1, maxLength: 4 })
  .map((halves) => [0, ...halves.sort((a, b) => a - b)].map((h, i) => ({ id: `l${i}`, title: `L${i}`, minScore: h / 2 })));

function questionArb(id: string, levels: readonly Level[]): fc.Arbitrary<Question> {
  const gateArb = fc.option(fc.integer({ min: 1, max: levels.length - 1 }).map((i) => levels[i]!.id), { nil: undefined });
  const common = fc.record({ weight: weightArb, notApplicable: fc.boolean(), gate: gateArb });
  const strip = <T extends { gate: string | undefined }>(spec: T) => (spec.gate === undefined ? { ...spec, gate: undefined } : spec);
  return fc.oneof(
    fc
      .tuple(common, fc.array(scoreArb, { minLength: 2, maxLength: 5 }))
      .filter(([, scores]) => new Set(scores).size > 1)
      .map(([spec, scores]) => choice(id, { ...strip(spec), options: scores.map((s, i) => [`o${i}`, s] as const) })),
    fc
      .tuple(common, fc.array(scoreArb, { minLength: 1, maxLength: 4 }))
      .filter(([, scores]) => scores.some((s) => s > 0))
      .map(([spec, scores]) => multi(id, { ...strip(spec), options: scores.map((s, i) => [`o${i}`, s] as const) })),
    fc
      .tuple(common, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 14 }), fc.array(fc.boolean(), { minLength: levels.length - 1, maxLength: levels.length - 1 }))
      .chain(([spec, min, span, anchored]) => {
        // anchor some of the levels above the first at strictly increasing values strictly inside (min, max)
        const named = levels.slice(1).filter((_, i) => anchored[i]);
        const inside = span - 1;
        const values = named.length === 0 || named.length > inside ? fc.constant(undefined) : fc.uniqueArray(fc.integer({ min: min + 1, max: min + span - 1 }), { minLength: named.length, maxLength: named.length });
        return values.map((vs) => {
          const anchors: ScaleAnchor[] = vs === undefined ? [] : [...vs].sort((a, b) => a - b).map((value, i) => ({ level: named[i]!.id, value, minScore: named[i]!.minScore }));
          return scale(id, { ...strip(spec), min, max: min + span, anchors });
        });
      }),
  );
}

const caseArb = levelsArb.chain((levels) =>
  fc
    .record({
      levelRule: fc.constantFrom('capped' as const, 'capped' as const, 'mean' as const),
      tolerance: fc.integer({ min: 0, max: 3 }),
      overall: fc.constantFrom('weakest-link' as const, 'mean' as const),
      counts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      elementWeights: fc.array(weightArb, { minLength: 3, maxLength: 3 }),
    })
    .chain(({ counts, elementWeights, ...rule }) =>
      fc
        .tuple(...counts.map((n, e) => fc.tuple(...Array.from({ length: n }, (_, k) => questionArb(`e${e}.q${k}`, levels)))))
        .map((questionLists) =>
          model(
            questionLists.map((qs, e) => element(`e${e}`, qs, { weight: elementWeights[e]! })),
            { ...rule, levels },
          ),
        ),
    )
    .chain((m) => {
      const questions = m.elements.flatMap((e) => e.questions);
      const answerArb = (question: Question): fc.Arbitrary<AnswerValue | undefined> => {
        const given: fc.Arbitrary<AnswerValue> =
          question.type === 'choice'
            ? fc.constantFrom(...question.options.map((o) => o.id))
            : question.type === 'multi'
              ? fc.subarray(question.options.map((o) => o.id))
              : fc.integer({ min: question.min, max: question.max });
        return fc.oneof(
          { weight: 6, arbitrary: given },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: question.notApplicable ? 1 : 0, arbitrary: fc.constant('n/a') },
        );
      };
      const respondentArb = fc.tuple(...questions.map(answerArb)).map((values) => {
        const record: Record<string, AnswerValue> = {};
        questions.forEach((question, i) => {
          if (values[i] !== undefined) record[question.id] = values[i];
        });
        return record;
      });
      return fc.tuple(fc.constant(m), fc.array(respondentArb, { minLength: 1, maxLength: 4 }));
    }),
);

describe('(1.2) SPEC 3 levels: cxm agrees with an independent implementation of the section', () => {
  it('on item levels, element levels, levelOfScore, cappedBy and the overall level', () => {
    fc.assert(
      fc.property(caseArb, ([m, given]) => {
        const report = scoreAssessment(m, answers(given.map((g, i) => respondent(`R${i}`, g)), { model: m }));
        const want = expected(m, given);
        expect({
          items: report.elements.map((e) => e.items.map((item) => item.level)),
          elements: report.elements.map((e) => ({ level: e.level, levelOfScore: e.levelOfScore, cappedBy: e.cappedBy })),
          overall: report.overall.level,
        }).toEqual(want);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('finds capped elements often enough to mean something', () => {
    // a guard on the generator: without cases where the cap decides, the property above would prove little
    const samples = fc.sample(caseArb, 400);
    const capped = samples.filter(([m, given]) => expected(m, given).elements.some((e) => e.cappedBy.length > 0)).length;
    const anchored = samples.filter(([m]) => m.elements.some((e) => e.questions.some((x) => x.type === 'scale' && (x.anchors?.length ?? 0) > 0))).length;
    const gated = samples.filter(([m, given]) => m.levelRule === 'capped' && expected(m, given).elements.some((e, i) => e.cappedBy.some((id) => m.elements[i]!.questions.find((x) => x.id === id)!.gate !== undefined))).length;
    expect(capped).toBeGreaterThan(40);
    expect(anchored).toBeGreaterThan(40);
    expect(gated).toBeGreaterThan(10);
  });
});
