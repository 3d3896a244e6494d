// (1.2, #27) Random models and answers with targets and evidence agree with an independent reading of SPEC 1.2 on
// each element's `target`, `confidence`, `unsupported`, and on the plan's `toTarget` steps. The reading below is
// written from the SPEC text (sections 3 and 4) with its own exact arithmetic; it imports nothing from src/ but the
// types and the function under test.
//
// Mutations caught (each checked red once): gap from the rounded score instead of the exact one; reached compared on
// the level of the score instead of the element's (capped) level; blockers compared with the cap at or below the
// target; a claim counted as backing; an item expiring on the as-of date counted as
// expired; unsupported listing backed questions too; element confidence over all questions instead of those with
// a value; overall confidence unweighted; the toTarget steps not put first; a toTarget step too many (the element
// already at its target); steps of an element without a target marked toTarget.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceItem, EvidenceKind, Targets } from '../../src/domain/evidence.js';
import type { PlanStep, Report } from '../../src/domain/report.js';
import type { AnswerSet, AnswerValue, Model, Question, Respondent } from '../../src/domain/types.js';
import { buildReport } from '../../src/score/build-report.js';
import { runs } from '../fuzz-runs.js';
import { answerArb, modelArb } from '../score/arbitraries.js';
import { answers, respondent } from '../score/factories.js';

// ---- exact rationals, from scratch ----

interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function q(n: bigint, d: bigint = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
/** A decimal written in a model (0.5, 1.5, 10) as an exact rational. */
function dec(x: number): Q {
  const [whole, frac = ''] = String(x).split('.');
  return q(BigInt(whole! + frac), 10n ** BigInt(frac.length));
}
const plus = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const minus = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const times = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const over = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q): number => Math.sign(Number(a.n * b.d - b.n * a.d));
/** "numbers rounded to 2 decimals" (SPEC 4), half away from zero. */
function rounded(x: Q): number {
  const neg = x.n < 0n;
  const abs = neg ? -x.n : x.n;
  const cents = (abs * 100n * 2n + x.d) / (2n * x.d);
  return cents === 0n ? 0 : (neg ? -1 : 1) * (Number(cents) / 100);
}

// ---- SPEC 3, read on its own ----

/** v ∈ [0, 1] of one answer; undefined for n/a, unanswered. */
function value(question: Question, answer: AnswerValue | undefined): Q | undefined {
  if (answer === undefined || answer === 'n/a') return undefined;
  if (question.type === 'choice') {
    const scores = question.options.map((o) => dec(o.score));
    const low = scores.reduce((a, b) => (cmp(b, a) < 0 ? b : a));
    const high = scores.reduce((a, b) => (cmp(b, a) > 0 ? b : a));
    const chosen = dec(question.options.find((o) => o.id === answer)!.score);
    return over(minus(chosen, low), minus(high, low));
  }
  if (question.type === 'multi') {
    const all = question.options.reduce((s, o) => plus(s, dec(o.score)), q(0n));
    const chosen = [...new Set(answer as readonly string[])].reduce((s, id) => plus(s, dec(question.options.find((o) => o.id === id)!.score)), q(0n));
    return over(chosen, all);
  }
  return q(BigInt((answer as number) - question.min), BigInt(question.max - question.min));
}

interface Reading {
  /** Element scores S_e (0-100) and level indexes (capped ones included); undefined: not assessed. */
  readonly score: (Q | undefined)[];
  readonly level: (number | undefined)[];
  /** Each question's v_q, by id (questions with a value only). */
  readonly v: Map<string, Q>;
  /** Each question's cap, by id (questions with a value only). */
  readonly cap: Map<string, number>;
}

/** The level index of a 0-100 score: the last level whose minScore ≤ it. */
function levelOf(m: Model, score: Q): number {
  let found = 0;
  m.levels.forEach((l, i) => {
    if (cmp(dec(l.minScore), score) <= 0) found = i;
  });
  return found;
}

/**
 * "(1.2) Capped rule: a question with a value has the cap min(L_q + tolerance, top), and, when it has gate: G and
 * L_q is below G, min(that, G − 1)"; under the mean rule nothing caps (the top level).
 */
function capOf(m: Model, question: Question, lq: number): number {
  const top = m.levels.length - 1;
  if (m.levelRule !== 'capped') return top;
  let cap = Math.min(lq + m.tolerance, top);
  const gate = question.gate === undefined ? -1 : m.levels.findIndex((l) => l.id === question.gate);
  if (gate > 0 && lq < gate) cap = Math.min(cap, gate - 1);
  return cap;
}

function read(m: Model, people: readonly Respondent[]): Reading {
  const v = new Map<string, Q>();
  const cap = new Map<string, number>();
  const score: (Q | undefined)[] = [];
  const level: (number | undefined)[] = [];
  for (const element of m.elements) {
    let sum = q(0n);
    let weights = q(0n);
    for (const question of element.questions) {
      const values = people.map((p) => value(question, p.answers.get(question.id))).filter((x): x is Q => x !== undefined);
      if (values.length === 0) continue;
      const mean = over(values.reduce(plus), q(BigInt(values.length)));
      v.set(question.id, mean);
      cap.set(question.id, capOf(m, question, levelOf(m, times(q(100n), mean))));
      sum = plus(sum, times(dec(question.weight), mean));
      weights = plus(weights, dec(question.weight));
    }
    const s = weights.n === 0n ? undefined : times(q(100n), over(sum, weights));
    score.push(s);
    // "The element level is the lowest of the level of S_e and the caps of its questions with a value."
    const caps = element.questions.flatMap((question) => (cap.has(question.id) ? [cap.get(question.id)!] : []));
    level.push(s === undefined ? undefined : Math.min(levelOf(m, s), ...caps));
  }
  return { score, level, v, cap };
}

/** "An item is current unless expires is before the as-of date"; backed: a current document, observation or metric. */
function backed(items: readonly EvidenceItem[] | undefined, asOf: string | undefined): boolean {
  return (items ?? []).some((i) => i.kind !== 'claim' && (asOf === undefined || i.expires === undefined || !(i.expires < asOf)));
}

// ---- random assessments with targets and evidence ----

const KINDS: readonly EvidenceKind[] = ['claim', 'document', 'observation', 'metric'];
const DATES = ['2026-01-31', '2026-06-30', '2026-07-01', '2026-12-31'];

function itemArb(): fc.Arbitrary<EvidenceItem> {
  return fc
    .record({ kind: fc.constantFrom(...KINDS), expires: fc.option(fc.constantFrom(...DATES), { nil: undefined }) })
    .map(({ kind, expires }) => ({ kind, ref: `ref ${kind}`, ...(expires !== undefined ? { expires } : {}) }));
}

/** A model of modelArb under either level rule, with a tolerance and, here and there, a gate. */
function cappedModelArb(): fc.Arbitrary<Model> {
  return modelArb({ maxElements: 3, maxSpan: 10 }).chain((base) =>
    fc
      .record({
        levelRule: fc.constantFrom('mean' as const, 'capped' as const),
        tolerance: fc.integer({ min: 0, max: 2 }),
        gates: fc.array(fc.option(fc.integer({ min: 1, max: base.levels.length - 1 }), { nil: undefined }), { minLength: 20, maxLength: 20 }),
      })
      .map(({ levelRule, tolerance, gates }): Model => {
        let k = 0;
        return {
          ...base,
          levelRule,
          tolerance,
          elements: base.elements.map((e) => ({
            ...e,
            questions: e.questions.map((question) => {
              const gate = gates[k++ % gates.length];
              return gate === undefined ? question : { ...question, gate: base.levels[gate]!.id };
            }),
          })),
        };
      }),
  );
}

function scenarioArb(): fc.Arbitrary<{ m: Model; a: AnswerSet }> {
  return cappedModelArb().chain((m) => {
    const questions = m.elements.flatMap((e) => e.questions);
    const levelIds = m.levels.map((l) => l.id);
    const rows = fc.array(fc.tuple(...questions.map(answerArb)), { minLength: 1, maxLength: 4 });
    const targets: fc.Arbitrary<Targets | undefined> = fc.option(
      fc
        .record({
          default: fc.option(fc.constantFrom(...levelIds), { nil: undefined }),
          each: fc.tuple(...m.elements.map(() => fc.option(fc.constantFrom(...levelIds), { nil: undefined }))),
        })
        .map(({ default: d, each }) => ({
          ...(d !== undefined ? { default: d } : {}),
          elements: new Map(m.elements.flatMap((e, i) => (each[i] === undefined ? [] : [[e.id, each[i]] as const]))),
        })),
      { nil: undefined },
    );
    const evidence = fc.tuple(...questions.map(() => fc.array(itemArb(), { maxLength: 2 })));
    const asOf = fc.option(fc.constantFrom('2026-06-30', '2026-07-01'), { nil: undefined });
    return fc.record({ rows, targets, evidence, asOf }).map(({ rows: given, targets: t, evidence: ev, asOf: date }) => {
      const people = given.map((row, r) =>
        respondent(`R${r}`, Object.fromEntries(questions.flatMap((question, i) => (row[i] === undefined ? [] : [[question.id, row[i]] as const])))),
      );
      const a: AnswerSet = {
        ...answers(people, { model: m }),
        ...(t !== undefined ? { targets: t } : {}),
        evidence: new Map(questions.flatMap((question, i) => (ev[i]!.length === 0 ? [] : [[question.id, ev[i]!] as const]))),
        ...(date !== undefined ? { asOf: date } : {}),
      };
      return { m, a };
    });
  });
}

/** The target level index of each element: `targets.<element>`, else `targets.default`, else none. */
function targetsOf(m: Model, a: AnswerSet): (number | undefined)[] {
  return m.elements.map((e) => {
    const id = a.targets?.elements.get(e.id) ?? a.targets?.default;
    return id === undefined ? undefined : m.levels.findIndex((l) => l.id === id);
  });
}

/** The respondents after a plan step: those it names answer as it says. */
function after(people: readonly Respondent[], step: PlanStep): Respondent[] {
  return people.map((p) =>
    step.answers !== undefined && Object.hasOwn(step.answers, p.name) ? { ...p, answers: new Map(p.answers).set(step.question, step.answers[p.name]!) } : p,
  );
}

describe('targets, confidence and the plan to target agree with SPEC 1.2 read independently', () => {
  it('target, confidence and unsupported of every element, and the overall confidence', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ m, a }) => {
        const report: Report = buildReport(m, a);
        const r = read(m, a.respondents);
        const targets = targetsOf(m, a);
        const top = m.levels.length - 1;
        let confidenceSum = q(0n);
        let weightSum = q(0n);
        for (const [i, element] of m.elements.entries()) {
          const got = report.elements[i]!;
          const score = r.score[i];
          const t = targets[i];
          if (score === undefined || t === undefined) expect(got.target).toBeUndefined();
          else {
            const minScore = dec(m.levels[t]!.minScore);
            expect(got.target).toEqual({
              level: m.levels[t]!.id,
              reached: r.level[i]! >= t,
              gap: cmp(minScore, score) > 0 ? rounded(minus(minScore, score)) : 0,
              // "the questions whose cap is below the target, in the model's order (under levelRule: mean, none)"
              blockers: element.questions.filter((question) => r.cap.has(question.id) && r.cap.get(question.id)! < t).map((question) => question.id),
            });
          }
          const valued = element.questions.filter((question) => r.v.has(question.id));
          const isBacked = (question: Question): boolean => backed(a.evidence?.get(question.id), a.asOf);
          const all = valued.reduce((s, question) => plus(s, dec(question.weight)), q(0n));
          const withEvidence = valued.filter(isBacked).reduce((s, question) => plus(s, dec(question.weight)), q(0n));
          const c = all.n === 0n ? undefined : times(q(100n), over(withEvidence, all));
          expect(got.confidence).toBe(c === undefined ? null : rounded(c));
          expect(got.unsupported).toEqual(valued.filter((question) => levelOf(m, times(q(100n), r.v.get(question.id)!)) === top && !isBacked(question)).map((question) => question.id));
          if (c !== undefined) {
            confidenceSum = plus(confidenceSum, times(dec(element.weight), c));
            weightSum = plus(weightSum, dec(element.weight));
          }
        }
        expect(report.overall.confidence).toBe(weightSum.n === 0n ? null : rounded(over(confidenceSum, weightSum)));
      }),
      { numRuns: runs(300) },
    );
  });

  it("the plan's toTarget steps: first, each element's bringing it to its target and no further", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ m, a }) => {
        const report = buildReport(m, a);
        const plan = report.plan ?? [];
        const r = read(m, a.respondents);
        const targets = targetsOf(m, a);
        const anyTarget = m.elements.some((_, i) => targets[i] !== undefined && r.score[i] !== undefined);
        const unreached = m.elements.map((_, i) => targets[i] !== undefined && r.level[i] !== undefined && r.level[i] < targets[i]);
        // toTarget marks every step when any element has a target, none otherwise
        for (const step of plan) expect(step.toTarget).toBe(anyTarget ? step.toTarget === true : undefined);
        // when any target is unreached, all toTarget steps come first
        const firstOther = plan.findIndex((s) => s.toTarget !== true);
        if (firstOther >= 0) expect(plan.slice(firstOther).some((s) => s.toTarget === true)).toBe(false);
        const unreachable = new Set(report.warnings.filter((w) => w.code === 'target-unreachable').map((w) => w.message));
        let people: readonly Respondent[] = a.respondents;
        for (const [i, element] of m.elements.entries()) {
          const steps = plan.filter((s) => s.toTarget === true && s.element === element.id);
          if (!unreached[i]) {
            expect(steps).toEqual([]);
            continue;
          }
          // taken in the plan's order, the element's toTarget steps bring it to its target, the last one and not before
          const levels: number[] = [];
          for (const step of plan) {
            if (step.toTarget !== true) break;
            people = after(people, step);
            if (step.element === element.id) levels.push(read(m, people).level[i]!);
          }
          people = a.respondents;
          const named = [...unreachable].some((message) => message.startsWith(`${element.title} cannot reach`));
          if (named) continue;
          expect(levels.length).toBeGreaterThan(0);
          expect(levels.at(-1)!).toBeGreaterThanOrEqual(targets[i]!);
          expect(levels.slice(0, -1).every((l) => l < targets[i]!)).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
