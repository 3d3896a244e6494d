// Scoring (SPEC 3), pure: (model, answers) → report data. No IO, no clock, no colour.

import type { Report, ReportElement, ReportItem, ReportWarning } from '../model/report.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Element, type Level, type Model, type Question, type Respondent } from '../model/types.js';
import { round2 } from './round.js';

/**
 * The answer a respondent gave to a question: under its current id, else under an old id it
 * `replaces` (current id wins). Undefined when unanswered.
 */
export function resolveAnswer(question: Question, respondent: Respondent): AnswerValue | undefined {
  const current = respondent.answers.get(question.id);
  if (current !== undefined) return current;
  for (const old of question.replaces) {
    const value = respondent.answers.get(old);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Normalised value v ∈ [0, 1] of one answer; undefined for n/a, unanswered, or an option that no longer exists. */
export function answerValue(question: Question, answer: AnswerValue | undefined): number | undefined {
  if (answer === undefined || answer === NOT_APPLICABLE) return undefined;
  switch (question.type) {
    case 'choice': {
      const chosen = question.options.find((o) => o.id === answer);
      if (!chosen) return undefined;
      const scores = question.options.map((o) => o.score);
      const min = Math.min(...scores);
      const max = Math.max(...scores);
      return max === min ? undefined : (chosen.score - min) / (max - min);
    }
    case 'multi': {
      if (!Array.isArray(answer)) return undefined;
      const ids = answer as readonly string[];
      if (ids.some((id) => !question.options.some((o) => o.id === id))) return undefined;
      const total = question.options.reduce((sum, o) => sum + o.score, 0);
      if (total === 0) return undefined;
      const chosen = question.options.filter((o) => ids.includes(o.id)).reduce((sum, o) => sum + o.score, 0);
      return chosen / total;
    }
    case 'scale': {
      if (typeof answer !== 'number' || question.max === question.min) return undefined;
      if (answer < question.min || answer > question.max) return undefined;
      return (answer - question.min) / (question.max - question.min);
    }
  }
}

/** The last level whose minScore ≤ score (unrounded). */
export function levelOf(levels: readonly Level[], score: number): Level {
  let found = levels[0]!;
  for (const level of levels) if (level.minScore <= score) found = level;
  return found;
}

function weightedScore(parts: readonly { weight: number; value: number | undefined }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, value } of parts) {
    if (value === undefined) continue;
    sum += weight * value;
    weights += weight;
  }
  return weights === 0 ? null : (100 * sum) / weights;
}

/** Records keyed by untrusted names: own data properties, even for __proto__. */
function record<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries(entries);
}

interface ElementScore {
  readonly report: ReportElement;
  readonly unrounded: number | null;
}

function scoreElement(model: Model, element: Element, respondents: readonly Respondent[]): ElementScore {
  // values[q][r]: respondent r's normalised value for question q
  const values = element.questions.map((q) => respondents.map((r) => answerValue(q, resolveAnswer(q, r))));
  const questionValue = values.map((vs) => {
    const given = vs.filter((v): v is number => v !== undefined);
    return given.length === 0 ? undefined : given.reduce((a, b) => a + b, 0) / given.length;
  });
  const unrounded = weightedScore(element.questions.map((q, i) => ({ weight: q.weight, value: questionValue[i] })));
  const level = unrounded === null ? null : levelOf(model.levels, unrounded).id;
  const items: ReportItem[] = element.questions.map((question, i) => {
    const vs = values[i]!;
    const given = vs.filter((v): v is number => v !== undefined);
    const value = questionValue[i];
    return {
      id: question.id,
      text: question.text,
      type: question.type,
      weight: question.weight,
      score: value === undefined ? null : round2(100 * value),
      spread: given.length === 0 ? null : round2(100 * (Math.max(...given) - Math.min(...given))),
      answers: given.length,
      notApplicable: respondents.filter((r) => resolveAnswer(question, r) === NOT_APPLICABLE).length,
      byRespondent: record(respondents.map((r, ri) => [r.name, vs[ri] === undefined ? null : round2(100 * vs[ri])] as const)),
      notes: respondents.flatMap((r) => {
        const note = r.notes.get(question.id) ?? question.replaces.map((old) => r.notes.get(old)).find((n) => n !== undefined);
        return note === undefined ? [] : [{ respondent: r.name, note }];
      }),
    };
  });
  const byRespondent = record(
    respondents.map((r, ri) => {
      const own = weightedScore(element.questions.map((q, qi) => ({ weight: q.weight, value: values[qi]![ri] })));
      return [r.name, own === null ? null : round2(own)] as const;
    }),
  );
  return {
    unrounded,
    report: {
      id: element.id,
      title: element.title,
      weight: element.weight,
      score: unrounded === null ? null : round2(unrounded),
      level,
      answered: questionValue.filter((v) => v !== undefined).length,
      questions: element.questions.length,
      byRespondent,
      recommendations: level === null ? [] : [...(element.recommendations.get(level) ?? [])],
      items,
    },
  };
}

export function scoreAssessment(model: Model, answers: AnswerSet): Report {
  const scored = model.elements.map((element) => scoreElement(model, element, answers.respondents));
  const warnings: ReportWarning[] = [];
  if (answers.respondents.length === 0) {
    warnings.push({ code: 'no-respondents', message: 'The answers hold no respondents, so nothing could be scored.' });
  }
  if (answers.model.id !== model.id) {
    warnings.push({
      code: 'model-id-mismatch',
      message: `The answers were recorded against model "${answers.model.id}" but scored with "${model.id}".`,
    });
  } else if (answers.model.version !== model.version) {
    warnings.push({
      code: 'model-version-mismatch',
      message: `The answers were recorded against ${model.id} ${answers.model.version} and scored with ${model.version}: renamed questions count through "replaces", removed ones do not.`,
    });
  }
  for (const { report } of scored) {
    if (report.score === null) {
      warnings.push({
        code: 'element-not-assessed',
        message: `${report.title} was not assessed: no respondent answered any of its ${report.questions} questions, so it is left out of the overall score.`,
      });
    }
  }

  const assessed = scored.filter((s) => s.unrounded !== null);
  const overallUnrounded = weightedScore(
    model.elements.map((e, i) => ({ weight: e.weight, value: scored[i]!.unrounded === null ? undefined : scored[i]!.unrounded / 100 })),
  );
  let overallLevel: string | null = null;
  if (overallUnrounded !== null) {
    if (model.overall === 'mean') overallLevel = levelOf(model.levels, overallUnrounded).id;
    else {
      const rank = (id: string | null): number => model.levels.findIndex((l) => l.id === id);
      overallLevel = assessed.map((s) => s.report.level).reduce((low, l) => (rank(l) < rank(low) ? l : low), assessed[0]!.report.level);
    }
  }
  const lowest = assessed.length === 0 ? undefined : Math.min(...assessed.map((s) => s.unrounded!));
  const weakest = assessed.filter((s) => s.unrounded === lowest).map((s) => s.report.id);

  return {
    schemaVersion: 1,
    model: { id: model.id, version: model.version, title: model.title },
    ...(answers.organization !== undefined ? { organization: answers.organization } : {}),
    ...(answers.period !== undefined ? { period: answers.period } : {}),
    ...(answers.date !== undefined ? { date: answers.date } : {}),
    respondents: answers.respondents.map((r) => ({ name: r.name, ...(r.role !== undefined ? { role: r.role } : {}) })),
    overall: {
      score: overallUnrounded === null ? null : round2(overallUnrounded),
      level: overallLevel,
      method: model.overall,
      weakest,
    },
    levels: model.levels.map((l) => ({ id: l.id, title: l.title, minScore: l.minScore, ...(l.description !== undefined ? { description: l.description } : {}) })),
    elements: scored.map((s) => s.report),
    warnings,
    inputs: [...model.inputs, ...answers.inputs],
  };
}
