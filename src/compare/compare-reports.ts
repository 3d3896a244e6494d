// Compares the reports of one organization over periods (SPEC 4.1): scores, levels, deltas and the questions
// that drove each element's movement. Pure: no IO, no clock; the input order does not matter.
//
// Errors are data: reports that cannot be compared (problems.ts) give their problems instead of a comparison,
// found once, here.

import type { Comparison, ComparisonPeriod, ComparisonProblem, PeriodChange } from '../domain/comparison.js';
import type { Report } from '../domain/report.js';
import { elementCatalogue, findElement, levelCatalogue } from './catalogue.js';
import { groupMovement, type GroupComparisonOptions, type Membership } from './group-changes.js';
import { periodLabels, present } from './labels.js';
import { periodChange } from './period-change.js';
import { inPeriodOrder } from './period-order.js';
import { questionnaireOf, type PeriodQuestions } from './period-questions.js';
import { findComparisonProblems } from './problems.js';
import type { QuestionScores } from './question-scores.js';
import { comparisonWarnings, droppedQuestionWarnings, modelWarnings } from './warnings.js';
import { comparisonAnonymity, peopleChanged, withholdsQuestions, withoutQuestionMovements } from './withheld.js';

/** One period to compare: its report, and what the caller knows of it that the report does not say. */
export interface ComparedPeriod {
  readonly report: Report;
  /** (1.1) Who is in each group, where the report names nobody (anonymous); default: the members the report names. */
  readonly membership?: Membership;
  /**
   * (1.1) Which questions the period's answers were asked (see PeriodQuestions). Where absent, a report scored from
   * answers of another model version is taken to have been asked the questions someone answered (n/a included),
   * and any other report every question it lists.
   */
  readonly questions?: PeriodQuestions;
  /**
   * The answers file the caller scored the report from, for this comparison. Where the answers were recorded
   * against another model than the one they were scored with, the report's warning says so in the comparison,
   * naming this file (in an anonymous report, the period). A report given as it stands keeps its warnings to itself.
   */
  readonly scoredFrom?: string;
  /**
   * Each question's exact score (question-scores.ts: of the answers scored, or those a report records), so that
   * drivers are rounded once, at the end; a question left out counts with the report's rounded score.
   */
  readonly exact?: QuestionScores;
  /** (1.2) Everyone the period stands for, by name, where known: who joined or left decides what is withheld. */
  readonly people?: readonly string[];
}

/** Either the comparison, or every reason why there is none. */
export type ComparisonResult =
  | { readonly ok: true; readonly comparison: Comparison }
  | { readonly ok: false; readonly problems: readonly [ComparisonProblem, ...ComparisonProblem[]] };

/** Compares the periods of one organization, or says why they cannot be compared. */
export function compareReports(periods: readonly ComparedPeriod[], options: GroupComparisonOptions = {}): ComparisonResult {
  const problems = findComparisonProblems(periods.map((p) => p.report));
  if (problems.length > 0) return { ok: false, problems: problems as [ComparisonProblem, ...ComparisonProblem[]] };

  const entries = inPeriodOrder(periods.map((p) => p.report));
  const ordered = entries.map((e) => e.report);
  const asked = entries.map((e) => questionnaireOf(e.report, periods[e.index]!.questions));
  const ends = entries.map((e, i) => ({ report: e.report, asked: asked[i], exact: periods[e.index]!.exact }));
  const newestFirst = [...ordered].reverse();
  const labels = periodLabels(ordered);
  const elements = elementCatalogue(newestFirst);
  const levels = levelCatalogue(newestFirst);

  const comparisonPeriods: ComparisonPeriod[] = ordered.map((report, i) => ({
    ...(present(report.period) !== undefined ? { period: report.period! } : {}),
    ...(present(report.date) !== undefined ? { date: report.date! } : {}),
    label: labels[i]!,
    ...(present(report.organization) !== undefined ? { organization: report.organization! } : {}),
    model: { id: report.model.id, version: report.model.version },
    overall: { score: report.overall.score, level: report.overall.level },
    elements: elements.map(({ id }) => {
      const element = findElement(report, id);
      // (1.2) each period keeps its own target
      return { id, score: element?.score ?? null, level: element?.level ?? null, ...(element?.target !== undefined ? { target: element.target } : {}) };
    }),
  }));

  const pairs: [number, number, PeriodChange['kind']][] = [];
  for (let i = 0; i + 1 < ordered.length; i++) pairs.push([i, i + 1, 'consecutive']);
  if (ordered.length > 2) pairs.push([0, ordered.length - 1, 'first-to-last']);
  const movedGroups = groupMovement(ordered, entries.map((e) => periods[e.index]!.membership), options);
  const { anonymous, minGroupSize } = comparisonAnonymity(ordered, options);
  const people = entries.map((e) => periods[e.index]!.people ?? (e.report.anonymous !== true ? e.report.respondents.map((r) => r.name) : undefined));
  const withheld: string[] = [];
  const changes = pairs.map(([a, b, kind]): PeriodChange => {
    const change: PeriodChange = { kind, from: labels[a]!, to: labels[b]!, ...periodChange(ends[a]!, ends[b]!, elements), ...movedGroups(a, b) };
    // (1.2) a joiner's answers are the later total less the earlier one: not per question where few came or went
    if (!anonymous || !withholdsQuestions(peopleChanged(ordered[a]!, ordered[b]!, { earlier: people[a], later: people[b] }), minGroupSize)) return change;
    withheld.push(`${change.from} → ${change.to}`);
    return withoutQuestionMovements(change);
  });

  const organization = newestFirst.map((r) => present(r.organization)).find((o) => o !== undefined);
  return {
    ok: true,
    comparison: {
      schemaVersion: 1,
      ...(organization !== undefined ? { organization } : {}),
      levels,
      elements,
      periods: comparisonPeriods,
      changes,
      warnings: [
        ...comparisonWarnings(entries, labels, elements),
        ...droppedQuestionWarnings(asked, labels, elements),
        ...modelWarnings(entries.map((e) => periods[e.index]!)),
        ...(withheld.length > 0
          ? [
              {
                code: 'questions-withheld' as const,
                message: `fewer than ${minGroupSize} people joined or left the team (${withheld.join(', ')}): the questions behind each movement are not shown there, as they would give a newcomer's own answers`,
              },
            ]
          : []),
      ],
    },
  };
}
