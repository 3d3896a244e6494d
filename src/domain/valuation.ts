// What answers are worth (SPEC 3), exactly: how a question values its answers, and how an element's questions
// weigh into its score. One home for scoring (src/score) and for the rule that every level of a model can be
// reached (src/load/rules), so that the two never disagree on a score.

import { ZERO, add, div, fraction, fromNumber, lcm, mul, sub } from './fraction.js';
import type { AnswerValue, Question, ScaleAnchor } from './types.js';

const ONE = fraction(1n);
const HUNDRED = fraction(100n);

/**
 * How a question's answers are valued, in whole numbers: an answer is worth `points(answer)` out of
 * `range`, so v = points / range exactly. Decimal option scores are scaled to integers first.
 */
export interface QuestionValuation {
  /** > 0, except for a question no answer can give a value (all choice scores equal, multi all 0, scale min = max). */
  readonly range: bigint;
  /** Undefined for n/a, an answer of the wrong shape, an option id the question does not have, a scale value out of range. */
  readonly points: (answer: AnswerValue) => bigint | undefined;
}

/** Option scores as integers over one common denominator (the scores are exact decimals: 0.1 stays 1/10). */
function integerScores(question: Question & { type: 'choice' | 'multi' }): Map<string, bigint> {
  const fractions = question.options.map((o) => fromNumber(o.score));
  const denominator = fractions.reduce((d, f) => lcm(d, f.d), 1n);
  return new Map(question.options.map((o, i) => [o.id, (fractions[i]!.n * denominator) / fractions[i]!.d]));
}

export function valuation(question: Question): QuestionValuation {
  switch (question.type) {
    case 'choice': {
      const scores = integerScores(question);
      const values = [...scores.values()];
      const min = values.reduce((a, b) => (b < a ? b : a));
      const max = values.reduce((a, b) => (b > a ? b : a));
      const range = max - min;
      return {
        range,
        points: (answer) => {
          if (typeof answer !== 'string' || range === 0n) return undefined;
          const score = scores.get(answer);
          return score === undefined ? undefined : score - min;
        },
      };
    }
    case 'multi': {
      const scores = integerScores(question);
      const range = [...scores.values()].reduce((a, b) => a + b, 0n);
      return {
        range,
        points: (answer) => {
          if (!Array.isArray(answer) || range === 0n) return undefined;
          let sum = 0n;
          // an option listed twice counts once; one id the question does not have voids the answer
          for (const id of new Set(answer as readonly string[])) {
            const score = scores.get(id);
            if (score === undefined) return undefined;
            sum += score;
          }
          return sum;
        },
      };
    }
    case 'scale': {
      const { min, max } = question;
      const inScale = (answer: AnswerValue): answer is number => typeof answer === 'number' && Number.isInteger(answer) && answer >= min && answer <= max && max > min;
      const anchors = question.anchors ?? [];
      if (anchors.length === 0) {
        const range = BigInt(max - min);
        return { range, points: (answer) => (inScale(answer) ? BigInt(answer - min) : undefined) };
      }
      const { range, pointsAt } = anchoredScale(min, max, anchors);
      return { range, points: (answer) => (inScale(answer) ? pointsAt(answer) : undefined) };
    }
  }
}

/**
 * (1.2) A scale with `levels`: v is the piecewise-linear interpolation through (min, 0), (each anchor's value, its
 * level's minScore / 100) and (max, 1) (SPEC 3). In whole numbers: `range` is the least common denominator of v
 * over every point of the scale, and an answer is worth v · range.
 */
function anchoredScale(min: number, max: number, anchors: readonly ScaleAnchor[]): { range: bigint; pointsAt: (x: number) => bigint } {
  const xs = [min, ...anchors.map((a) => a.value), max];
  const ys = [ZERO, ...anchors.map((a) => div(fromNumber(a.minScore), HUNDRED)), ONE];
  // on segment k, v(x) = y_k + slope_k · (x − x_k): v·range is whole for every integer x when range is a multiple of
  // the denominators of y_k and of slope_k
  const slopes = xs.slice(1).map((x, k) => div(sub(ys[k + 1]!, ys[k]!), fraction(BigInt(x - xs[k]!))));
  const range = ys.concat(slopes).reduce((l, f) => lcm(l, f.d), 1n);
  return {
    range,
    pointsAt: (x) => {
      let k = 0;
      while (k < slopes.length - 1 && x > xs[k + 1]!) k++;
      const v = add(ys[k]!, mul(slopes[k]!, fraction(BigInt(x - xs[k]!))));
      return (v.n * range) / v.d;
    },
  };
}

/**
 * An element's score for one respondent in integers: 100·Σ a·p / Σ b over the questions they gave a value (p the
 * points of valuation), which is Σ w·(p/range) / Σ w exactly, with a = (w/range)·L and b = w·L over one common
 * denominator L. A question that can give no value (range 0) has a = 0.
 */
export function elementScoreTerms(questions: readonly { readonly weight: number; readonly range: bigint }[]): { a: bigint[]; b: bigint[] } {
  const weights = questions.map((q) => fromNumber(q.weight));
  const coefficients = questions.map((q, i) => (q.range === 0n ? ZERO : div(weights[i]!, fraction(q.range))));
  const common = [...weights, ...coefficients].reduce((l, f) => lcm(l, f.d), 1n);
  return { a: coefficients.map((c) => (c.n * common) / c.d), b: weights.map((w) => (w.n * common) / w.d) };
}
