// Answers drawn by fast-check, the cells a person or a survey tool would write for them, and the same answers
// typed as YAML: the two sides of every survey round trip (import-cli.test.ts, formats.test.ts).

import fc from 'fast-check';
import type { AnswerValue, Model, Question } from '../../src/domain/types.js';

/** One answer and how a person (or a survey tool) would write it in a cell. */
export function answerArb(question: Question): fc.Arbitrary<{ value: AnswerValue | undefined; cell: string }> {
  const unanswered = fc.constant({ value: undefined, cell: '' });
  const na = question.notApplicable ? [fc.constantFrom('N/A', 'Not applicable', 'n/a').map((cell) => ({ value: 'n/a', cell }))] : [];
  const spelled = (id: string, label: string): fc.Arbitrary<string> => fc.constantFrom(id, label, label.toUpperCase(), ` ${label} `);
  switch (question.type) {
    case 'choice':
      return fc.oneof(unanswered, ...na, fc.constantFrom(...question.options).chain((o) => spelled(o.id, o.label).map((cell) => ({ value: o.id, cell }))));
    case 'multi':
      return fc.oneof(
        unanswered,
        ...na,
        fc.subarray([...question.options], { minLength: 1 }).chain((chosen) =>
          fc
            .tuple(...chosen.map((o) => spelled(o.id, o.label)), fc.constantFrom(';', '; '), fc.boolean())
            .map((parts) => {
              const [separator, trailing] = [parts[chosen.length] as string, parts[chosen.length + 1] as boolean];
              const words = parts.slice(0, chosen.length) as string[];
              // Microsoft Forms ends the list with a separator
              return { value: chosen.map((o) => o.id), cell: words.join(separator) + (trailing ? ';' : '') };
            }),
        ),
      );
    case 'scale':
      return fc.oneof(unanswered, ...na, fc.integer({ min: question.min, max: question.max }).map((v) => ({ value: v, cell: String(v) })));
  }
}

export function respondentArb(questions: readonly Question[]): fc.Arbitrary<{ value: AnswerValue | undefined; cell: string }[]> {
  return fc.tuple(...questions.map(answerArb));
}

/**
 * The answers a person would type for the cells: an empty multiple-choice cell is "none ticked" ([]), as the
 * interview records it, unless the person left every question of its element empty (SPEC 1.2, "What import reads").
 */
export function typedAnswers(model: Model, questions: readonly Question[], values: readonly (AnswerValue | undefined)[]): Map<string, AnswerValue> {
  const given = new Map(questions.flatMap((q, k) => (values[k] === undefined ? [] : [[q.id, values[k]] as const])));
  const answers = new Map<string, AnswerValue>();
  for (const element of model.elements) {
    const touched = element.questions.some((q) => given.has(q.id));
    for (const q of element.questions) {
      const value = given.get(q.id) ?? (touched && q.type === 'multi' ? [] : undefined);
      if (value !== undefined) answers.set(q.id, value);
    }
  }
  return answers;
}

export function answersYaml(model: Model, people: { name: string; role: string; answers: Map<string, AnswerValue> }[]): string {
  // typed by hand: JSON values are YAML
  const lines = ['kind: answers', `model: { id: ${model.id}, version: ${model.version} }`, 'organization: Acme', 'period: 2026-Q4', 'respondents:'];
  for (const person of people) {
    lines.push(`  - name: ${JSON.stringify(person.name)}`, `    role: ${JSON.stringify(person.role)}`, '    answers:');
    for (const [id, value] of person.answers) lines.push(`      ${id}: ${JSON.stringify(value)}`);
    if (person.answers.size === 0) lines[lines.length - 1] = '    answers: {}';
  }
  return lines.join('\n') + '\n';
}

