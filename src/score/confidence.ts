// (1.2) Confidence (SPEC 3), pure: how much of each element's answered weight current evidence backs, overall as the
// elements' weighted mean, and the answers that claim the top level on nobody's record (`unsupported`).

import { isBacked } from '../domain/evidence.js';
import { ZERO, add, compare, div, fromNumber, mul, type Fraction } from '../domain/fraction.js';
import type { ElementLevels } from '../domain/level.js';
import type { AnswerSet, Model } from '../domain/types.js';
import { round2Ratio } from '../text/round.js';

export interface ElementConfidence {
  /** 0-100, rounded once; null when the element is not assessed. */
  readonly confidence: number | null;
  /** Exact, for the overall figure. */
  readonly exact: Fraction | undefined;
  readonly unsupported: string[];
}

export interface Confidence {
  readonly elements: readonly ElementConfidence[];
  readonly overall: number | null;
}

const HUNDRED = fromNumber(100);

/** `levels`: each element's levels (engine: model/level.ts), whose questions with a value carry L_q. */
export function confidenceOf(model: Model, answers: Pick<AnswerSet, 'evidence' | 'asOf'>, levels: readonly { readonly levels: ElementLevels }[]): Confidence {
  const top = model.levels.length - 1;
  const elements = model.elements.map((element, e): ElementConfidence => {
    let backedWeight = ZERO;
    let valuedWeight = ZERO;
    const unsupported: string[] = [];
    for (const [qi, question] of element.questions.entries()) {
      const valued = levels[e]!.levels.questions[qi];
      if (valued === undefined) continue;
      const weight = fromNumber(question.weight);
      valuedWeight = add(valuedWeight, weight);
      if (isBacked(answers.evidence?.get(question.id), answers.asOf)) backedWeight = add(backedWeight, weight);
      else if (valued.level === top) unsupported.push(question.id);
    }
    if (compare(valuedWeight, ZERO) === 0) return { confidence: null, exact: undefined, unsupported };
    const exact = mul(HUNDRED, div(backedWeight, valuedWeight));
    return { confidence: round2Ratio(exact.n, exact.d), exact, unsupported };
  });
  let sum = ZERO;
  let weights = ZERO;
  for (const [i, element] of model.elements.entries()) {
    const exact = elements[i]!.exact;
    if (exact === undefined) continue;
    const w = fromNumber(element.weight);
    sum = add(sum, mul(w, exact));
    weights = add(weights, w);
  }
  const overall = compare(weights, ZERO) === 0 ? null : div(sum, weights);
  return { elements, overall: overall === null ? null : round2Ratio(overall.n, overall.d) };
}
