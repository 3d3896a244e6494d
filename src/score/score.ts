// Scoring (SPEC 3), pure: (model, answers) → report data. No IO, no clock, no colour.
// Arithmetic is exact (fractions of integers); only the numbers written into the report are rounded.

import type { RecordedAnswer, Report, ReportElement, ReportItem, ReportWarning } from '../model/report.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Element, type Model, type Respondent } from '../model/types.js';
import { ZERO, add, compare, div, fraction, fromNumber, mul, type Fraction } from '../model/fraction.js';
import { levelFor } from '../model/level.js';
import { elementScoreTerms, valuation } from '../model/valuation.js';
import { resolveAnswer, resolveNote } from './answer.js';
import { planSteps } from './plan.js';
import { round2Ratio } from './round.js';

export { answerValue, resolveAnswer, resolveNote } from './answer.js';
export { levelFor } from '../model/level.js';

const HUNDRED = fromNumber(100);


/** Σ w·v / Σ w over the parts with a value; undefined when none has one. */
export function weightedMean(parts: readonly { readonly weight: number; readonly value: Fraction | undefined }[]): Fraction | undefined {
  let sum = ZERO;
  let weights = ZERO;
  for (const { weight, value } of parts) {
    if (value === undefined) continue;
    const w = fromNumber(weight);
    sum = add(sum, mul(w, value));
    weights = add(weights, w);
  }
  return weights.n === 0n ? undefined : div(sum, weights);
}

function percent(value: Fraction): number {
  return round2Ratio(100n * value.n, value.d);
}

/** A record keyed by respondent name, in respondent order: own data properties, even for `__proto__`. */
function byName<T>(respondents: readonly Respondent[], valueOf: (index: number) => T): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [i, { name }] of respondents.entries()) {
    // assigning `__proto__` would set the prototype instead (the only setter on Object.prototype)
    if (name === '__proto__') Object.defineProperty(record, name, { value: valueOf(i), enumerable: true, writable: true, configurable: true });
    else record[name] = valueOf(i);
  }
  return record;
}

/** (1.1) `items[].choices`: each respondent's answer as recorded, unanswered left out. */
function recordedChoices(respondents: readonly Respondent[], answers: readonly (AnswerValue | undefined)[]): Record<string, RecordedAnswer> {
  const record: Record<string, RecordedAnswer> = {};
  for (const [i, { name }] of respondents.entries()) {
    const answer = answers[i];
    if (answer === undefined) continue;
    // assigning `__proto__` would set the prototype instead
    if (name === '__proto__') Object.defineProperty(record, name, { value: answer, enumerable: true, writable: true, configurable: true });
    else record[name] = answer;
  }
  return record;
}

interface ScoredElement {
  readonly report: ReportElement;
  /** 0-100, exact; undefined when not assessed. */
  readonly score: Fraction | undefined;
}

function scoreElement(model: Model, element: Element, respondents: readonly Respondent[], anonymous = false): ScoredElement {
  const questions = element.questions.map((question) => {
    const { range, points } = valuation(question);
    const answers = respondents.map((r) => resolveAnswer(question, r));
    // given[r]: respondent r's answer is worth given[r] / range; undefined: no value
    const given = answers.map((a) => (a === undefined ? undefined : points(a)));
    let sum = 0n;
    let count = 0n;
    let low: bigint | undefined;
    let high: bigint | undefined;
    for (const p of given) {
      if (p === undefined) continue;
      sum += p;
      count += 1n;
      if (low === undefined || p < low) low = p;
      if (high === undefined || p > high) high = p;
    }
    const value = count === 0n ? undefined : fraction(sum, range * count);
    const item: ReportItem = {
      id: question.id,
      text: question.text,
      type: question.type,
      weight: question.weight,
      score: value === undefined ? null : percent(value),
      spread: low === undefined || high === undefined ? null : round2Ratio(100n * (high - low), range),
      answers: Number(count),
      notApplicable: answers.filter((a) => a === NOT_APPLICABLE).length,
      byRespondent: byName(respondents, (i) => {
        const p = given[i];
        return p === undefined ? null : round2Ratio(100n * p, range);
      }),
      notes: respondents.flatMap((r) => {
        const note = resolveNote(question, r);
        return note === undefined ? [] : [{ respondent: r.name, note }];
      }),
      ...(anonymous ? {} : { choices: recordedChoices(respondents, answers) }),
      ...(question.type === 'scale' ? {} : { options: question.options.map((o) => ({ id: o.id, label: o.label, score: o.score })) }),
    };
    return { question, range, given, value, item };
  });

  const mean = weightedMean(questions.map((q) => ({ weight: q.question.weight, value: q.value })));
  const score = mean === undefined ? undefined : mul(HUNDRED, mean);
  const level = score === undefined ? null : levelFor(model.levels, score).id;

  // A respondent's own score Σ w·p/range / Σ w in integers, so that each respondent costs integer additions
  const { a, b } = elementScoreTerms(questions.map((q) => ({ weight: q.question.weight, range: q.range })));
  const byRespondent = byName(respondents, (r) => {
    let numerator = 0n;
    let denominator = 0n;
    for (const [qi, q] of questions.entries()) {
      const p = q.given[r];
      if (p === undefined) continue;
      numerator += a[qi]! * p;
      denominator += b[qi]!;
    }
    return denominator === 0n ? null : round2Ratio(100n * numerator, denominator);
  });

  return {
    score,
    report: {
      id: element.id,
      title: element.title,
      weight: element.weight,
      score: score === undefined ? null : round2Ratio(score.n, score.d),
      level,
      answered: questions.filter((q) => q.value !== undefined).length,
      questions: questions.length,
      byRespondent,
      recommendations: level === null ? [] : [...(element.recommendations.get(level) ?? [])],
      items: questions.map((q) => q.item),
    },
  };
}

function warningsFor(model: Model, answers: AnswerSet, elements: readonly ScoredElement[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  if (answers.respondents.length === 0) {
    warnings.push({ code: 'no-respondents', message: 'The answers name no respondents, so there is nothing to score.' });
  }
  const recorded = answers.model;
  if (recorded.id !== model.id) {
    warnings.push({
      code: 'model-mismatch',
      message: model.accepts.includes(recorded.id)
        ? `The answers were recorded for the model "${recorded.id}" (version ${recorded.version}) and scored with the model "${model.id}" (version ${model.version}), which accepts them: questions count by id or by "replaces", removed ones do not.`
        : `The answers were recorded for the model "${recorded.id}" (version ${recorded.version}) but scored with the model "${model.id}" (version ${model.version}): only questions with the same ids count.`,
    });
  }
  if (recorded.version !== model.version) {
    warnings.push({
      code: 'model-version-mismatch',
      message: `The answers were recorded with version ${recorded.version} of the model and are scored with version ${model.version}: renamed questions still count, removed ones do not.`,
    });
  }
  for (const { report } of elements) {
    if (report.score === null) {
      warnings.push({
        code: 'element-not-assessed',
        message:
          report.questions === 0
            ? `${report.title} was not assessed: it has no questions, so it has no score and is left out of the overall score and level.`
            : `${report.title} was not assessed: no respondent answered ${report.questions === 1 ? 'its question' : `any of its ${report.questions} questions`} (n/a does not count), so it has no score and is left out of the overall score and level.`,
      });
    }
  }
  return warnings;
}

/** Titles as prose: "A", "A and B", "A, B and C". */
function titleList(titles: readonly string[]): string {
  return titles.length <= 1 ? titles.join('') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)!}`;
}

/**
 * (1.1) `partial-assessment`: some elements scored, some not, so the overall level describes only part of the
 * organization. Every renderer shows it in its summary.
 */
function partialAssessmentWarning(elements: readonly ScoredElement[]): ReportWarning[] {
  const assessed = elements.filter((e) => e.score !== undefined).map((e) => e.report.title);
  const left = elements.length - assessed.length;
  if (assessed.length === 0 || left === 0) return [];
  return [
    {
      code: 'partial-assessment',
      message: `${left} of ${elements.length} elements ${left === 1 ? 'was' : 'were'} not assessed: this level describes ${titleList(assessed)} only.`,
    },
  ];
}

export function scoreAssessment(model: Model, answers: AnswerSet): Report {
  const elements = model.elements.map((element) => scoreElement(model, element, answers.respondents, answers.anonymous));
  const assessed = elements.filter((e): e is ScoredElement & { score: Fraction } => e.score !== undefined);

  const overall = weightedMean(elements.map((e) => ({ weight: e.report.weight, value: e.score })));
  let level: string | null = null;
  if (overall !== undefined && model.overall === 'mean') level = levelFor(model.levels, overall).id;
  else if (overall !== undefined) {
    // weakest link: the lowest level any assessed element reached
    const rank = (id: string | null): number => model.levels.findIndex((l) => l.id === id);
    level = assessed.map((e) => e.report.level).reduce((low, l) => (rank(l) < rank(low) ? l : low));
  }
  const lowest = assessed.map((e) => e.score).reduce<Fraction | undefined>((low, s) => (low === undefined || compare(s, low) < 0 ? s : low), undefined);
  const weakest = assessed.filter((e) => lowest !== undefined && compare(e.score, lowest) === 0).map((e) => e.report.id);

  return {
    schemaVersion: 1,
    model: { id: model.id, version: model.version, title: model.title },
    ...(answers.organization !== undefined ? { organization: answers.organization } : {}),
    ...(answers.period !== undefined ? { period: answers.period } : {}),
    ...(answers.date !== undefined ? { date: answers.date } : {}),
    respondents: answers.respondents.map((r) => ({ name: r.name, ...(r.role !== undefined ? { role: r.role } : {}) })),
    overall: {
      score: overall === undefined ? null : round2Ratio(overall.n, overall.d),
      level,
      method: model.overall,
      weakest,
    },
    levels: model.levels.map((l) => ({
      id: l.id,
      title: l.title,
      minScore: l.minScore,
      ...(l.description !== undefined ? { description: l.description } : {}),
    })),
    elements: elements.map((e) => e.report),
    warnings: [...warningsFor(model, answers, elements), ...partialAssessmentWarning(elements)],
    inputs: [...model.inputs, ...answers.inputs].map((i) => ({ file: i.file, sha256: i.sha256 })),
    plan: planSteps(model, answers.respondents, elements.map((e) => e.score), answers.anonymous),
  };
}

/**
 * The exact (unrounded) scores of an assessment, 0-100: each element's in the model's order (undefined when
 * not assessed) and the overall score. What the report's rounded numbers are made from.
 */
/**
 * One element's score and level for these respondents, as scoreAssessment reports them, without the rest of the
 * report (the plan above all): the interview shows it at the end of each element.
 */
export function scoreOneElement(model: Model, element: Element, respondents: readonly Respondent[]): Pick<ReportElement, 'score' | 'level'> {
  const { score, level } = scoreElement(model, element, respondents).report;
  return { score, level };
}

export function exactScores(model: Model, respondents: readonly Respondent[]): { elements: (Fraction | undefined)[]; overall: Fraction | undefined } {
  const elements = model.elements.map((element) => scoreElement(model, element, respondents));
  return {
    elements: elements.map((e) => e.score),
    overall: weightedMean(elements.map((e) => ({ weight: e.report.weight, value: e.score }))),
  };
}
