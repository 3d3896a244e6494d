// Random models and answers that fit them, for the property tests of scoring and of the action plan.

import fc from 'fast-check';
import type { AnswerValue, Model, Question } from '../../src/domain/types.js';
import { choice, element, model, multi, scale, type OptionSpec } from './factories.js';

export const weight = fc.constantFrom(0.5, 1, 1.5, 2, 3);
const optionScore = fc.constantFrom(0, 0.5, 1, 2, 3, 10);

function optionSpec(scores: readonly number[]): OptionSpec {
  return scores.map((score, i) => [`o${i}`, score] as const);
}

/** A question of any type, valid per SPEC 2.2 (choice scores not all equal, multi scores not all 0). */
export function questionArb(id: string, maxSpan: number): fc.Arbitrary<Question> {
  return fc.oneof(
    fc
      .record({ scores: fc.array(optionScore, { minLength: 2, maxLength: 5 }), weight, notApplicable: fc.boolean() })
      .filter(({ scores }) => new Set(scores).size > 1)
      .map(({ scores, ...spec }) => choice(id, { ...spec, options: optionSpec(scores) })),
    fc
      .record({ scores: fc.array(optionScore, { minLength: 1, maxLength: 5 }), weight, notApplicable: fc.boolean() })
      .filter(({ scores }) => scores.some((s) => s > 0))
      .map(({ scores, ...spec }) => multi(id, { ...spec, options: optionSpec(scores) })),
    fc
      .record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 1, max: maxSpan }), weight, notApplicable: fc.boolean() })
      .map(({ min, span, ...spec }) => scale(id, { ...spec, min, max: min + span })),
  );
}

/** A model of 1 to `maxElements` elements of 0 to 4 questions each, scales up to `maxSpan` points wide. */
export function modelArb({ maxElements, maxSpan }: { maxElements: number; maxSpan: number }): fc.Arbitrary<Model> {
  return fc
    .record({
      questionCounts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: maxElements }),
      overall: fc.constantFrom('weakest-link' as const, 'mean' as const),
    })
    .chain(({ questionCounts, overall }) =>
      fc
        .tuple(
          ...questionCounts.map((count, e) =>
            fc.record({ questions: fc.tuple(...Array.from({ length: count }, (_, q) => questionArb(`e${e}.q${q}`, maxSpan))), weight }),
          ),
        )
        .map((elements) => model(elements.map(({ questions, weight: w }, e) => element(`e${e}`, questions, { weight: w })), { overall })),
  );
}

/** A valid answer to the question, or n/a (where allowed), or none. */
export function answerArb(question: Question): fc.Arbitrary<AnswerValue | undefined> {
  const ids = question.type === 'scale' ? [] : question.options.map((o) => o.id);
  const given: fc.Arbitrary<AnswerValue> =
    question.type === 'choice'
      ? fc.constantFrom(...ids)
      : question.type === 'multi'
        ? fc.subarray(ids)
        : fc.integer({ min: question.min, max: question.max });
  return fc.oneof(
    { weight: 6, arbitrary: given },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: question.notApplicable ? 1 : 0, arbitrary: fc.constant('n/a') },
  );
}

