// Scoring (SPEC 3), pure: (model, answers) → report data. No IO, no clock, no colour.
// Arithmetic is exact (fractions of integers); only the numbers written into the report are rounded.

import type { RecordedAnswer, Report, ReportElement, ReportItem, ReportWarning } from '../domain/report.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Element, type Model, type Respondent } from '../domain/types.js';
import { compare, type Fraction } from '../domain/fraction.js';
import { overallLevel } from '../domain/level.js';
import { dataRecord } from '../domain/record.js';
import { resolveNote } from './answer.js';
import { planSteps } from './plan.js';
import { round2Ratio } from '../text/round.js';
import { ownScore, questionValue, scoreElementValues, tallyAnswers, weightedMean, type ElementResult, type ElementTally } from './tally.js';

export { answerValue, resolveAnswer, resolveNote } from './answer.js';
export { levelFor } from '../domain/level.js';
export { weightedMean } from './tally.js';

function percent(value: Fraction): number {
  return round2Ratio(100n * value.n, value.d);
}

/** (1.1) `items[].choices`: each respondent's answer (in current ids), unanswered left out. */
function recordedChoices(respondents: readonly Respondent[], answers: readonly (AnswerValue | undefined)[]): Record<string, RecordedAnswer> {
  return dataRecord(respondents.flatMap(({ name }, i): [string, RecordedAnswer][] => (answers[i] === undefined ? [] : [[name, answers[i]]])));
}

/** An element scored over the whole team: its report, its exact score and levels, and its questions' values. */
export interface ScoredElement extends ElementResult {
  readonly report: ReportElement;
  /** v_q of each question, in the element's order; undefined where no respondent gave a value. */
  readonly values: readonly (Fraction | undefined)[];
}

function scoreElement(model: Model, tally: ElementTally, respondents: readonly Respondent[], anonymous = false): ScoredElement {
  const { element } = tally;
  const values = tally.questions.map((q) => questionValue(q));
  const result = scoreElementValues(model, element, values);
  const { score, levels } = result;
  const levelId = (index: number | undefined): string | null => (index === undefined ? null : model.levels[index]!.id);
  const items = tally.questions.map(({ question, range, answers, points }, qi): ReportItem => {
    let low: bigint | undefined;
    let high: bigint | undefined;
    let count = 0;
    for (const p of points) {
      if (p === undefined) continue;
      count++;
      if (low === undefined || p < low) low = p;
      if (high === undefined || p > high) high = p;
    }
    const value = values[qi];
    return {
      id: question.id,
      text: question.text,
      type: question.type,
      weight: question.weight,
      score: value === undefined ? null : percent(value),
      level: levelId(levels.questions[qi]?.level),
      ...(question.gate !== undefined ? { gate: question.gate } : {}),
      spread: low === undefined || high === undefined ? null : round2Ratio(100n * (high - low), range),
      answers: count,
      notApplicable: answers.filter((a) => a === NOT_APPLICABLE).length,
      byRespondent: dataRecord(respondents.map(({ name }, i) => [name, points[i] === undefined ? null : round2Ratio(100n * points[i], range)])),
      notes: respondents.flatMap((r) => {
        const note = resolveNote(question, r);
        return note === undefined ? [] : [{ respondent: r.name, note }];
      }),
      ...(anonymous ? {} : { choices: recordedChoices(respondents, answers) }),
      ...(question.type === 'scale' ? {} : { options: question.options.map((o) => ({ id: o.id, label: o.label, score: o.score })) }),
    };
  });
  const level = levelId(levels.level);
  return {
    ...result,
    values,
    report: {
      id: element.id,
      title: element.title,
      weight: element.weight,
      score: score === undefined ? null : round2Ratio(score.n, score.d),
      level,
      levelOfScore: levelId(levels.levelOfScore),
      cappedBy: levels.cappedBy.map((qi) => element.questions[qi]!.id),
      answered: values.filter((v) => v !== undefined).length,
      questions: values.length,
      byRespondent: dataRecord(
        respondents.map(({ name }, r) => {
          const own = ownScore(tally, r);
          return [name, own === undefined ? null : round2Ratio(own.n, own.d)];
        }),
      ),
      recommendations: level === null ? [] : [...(element.recommendations.get(level) ?? [])],
      items,
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

/** The report's scores (SPEC 3 and 4); `tallies`: the answers tallied once (tally.ts), when the caller has them. */
export function scoreAssessment(model: Model, answers: AnswerSet, tallies: readonly ElementTally[] = tallyAnswers(model, answers.respondents)): Report {
  const elements = tallies.map((tally) => scoreElement(model, tally, answers.respondents, answers.anonymous));
  const assessed = elements.filter((e): e is ScoredElement & { score: Fraction } => e.score !== undefined);

  const overall = weightedMean(elements.map((e) => ({ weight: e.report.weight, value: e.score })));
  const levelIndex = overallLevel(model, elements.map((e) => e.levels.level), overall);
  const level = levelIndex === undefined ? null : model.levels[levelIndex]!.id;
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
    plan: planSteps(model, answers.respondents, tallies, elements, answers.anonymous),
  };
}

/**
 * One element's score and level for these respondents, as scoreAssessment reports them, without the rest of the
 * report (the plan above all): the interview shows it at the end of each element.
 */
export function scoreOneElement(model: Model, element: Element, respondents: readonly Respondent[]): Pick<ReportElement, 'score' | 'level'> {
  const tally = tallyAnswers({ ...model, elements: [element] }, respondents)[0]!;
  const { score, level } = scoreElement(model, tally, respondents).report;
  return { score, level };
}

/**
 * The exact (unrounded) scores of an assessment, 0-100: each element's in the model's order (undefined when
 * not assessed) and the overall score. What the report's rounded numbers are made from.
 */
export function exactScores(model: Model, respondents: readonly Respondent[]): { elements: (Fraction | undefined)[]; overall: Fraction | undefined } {
  const elements = tallyAnswers(model, respondents).map((tally) => scoreElement(model, tally, respondents));
  return {
    elements: elements.map((e) => e.score),
    overall: weightedMean(elements.map((e) => ({ weight: e.report.weight, value: e.score }))),
  };
}
