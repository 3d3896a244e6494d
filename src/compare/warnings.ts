// What a reader of a comparison should know before trusting it (SPEC 4.1): periods scored with different
// models or levels, labels missing or spelled differently, elements without a score, dropped questions.

import type { ComparisonElementInfo, ComparisonWarning } from '../domain/comparison.js';
import type { ModelWarningCode, Report, ReportLevel, ReportWarning } from '../domain/report.js';
import { findElement } from './catalogue.js';
import { groupBy } from './group-by.js';
import { present, quoted } from './labels.js';
import type { Indexed } from './period-order.js';
import { elementOfQuestion, type Questionnaire } from './period-questions.js';

function levelsSignature(levels: readonly ReportLevel[]): string {
  return JSON.stringify(levels.map((l) => [l.id, l.minScore]));
}

/** `entries` and `labels` in period order. */
export function comparisonWarnings(
  entries: readonly Indexed[],
  labels: readonly string[],
  elements: readonly ComparisonElementInfo[],
): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  const labelled = entries.map((entry, i) => ({ ...entry, label: labels[i]! }));
  // "<shown value> (<labels of the periods that have it>), …"
  const listBy = (key: (e: Indexed) => string, show: (e: Indexed) => string): string =>
    [...groupBy(labelled, key).values()]
      .map((group) => `${show(group[0]!)} (${group.map((e) => e.label).join(', ')})`)
      .join(', ');

  const modelIds = new Set(entries.map((e) => e.report.model.id));
  const models = new Set(entries.map((e) => `${e.report.model.id}\u0000${e.report.model.version}`));
  if (modelIds.size > 1) {
    warnings.push({
      code: 'model-mismatch',
      message: `the periods were scored with different models: ${listBy(
        (e) => `${e.report.model.id}\u0000${e.report.model.version}`,
        (e) => `${e.report.model.id} ${e.report.model.version}`,
      )}; elements and questions are matched by id, so scores may not be like for like`,
    });
  } else if (models.size > 1) {
    warnings.push({
      code: 'model-version-mismatch',
      message: `the periods were scored with different versions of the model ${[...modelIds][0]!}: ${listBy(
        (e) => e.report.model.version,
        (e) => e.report.model.version,
      )}; rescore every period with one model for a like-for-like comparison`,
    });
  }

  if (new Set(entries.map((e) => levelsSignature(e.report.levels))).size > 1) {
    warnings.push({
      code: 'levels-mismatch',
      message: 'the periods were scored with different levels; level movements follow the later period\'s level order',
    });
  }

  const unlabelled = labelled.filter((e) => present(e.report.period) === undefined);
  if (unlabelled.length > 0) {
    warnings.push({
      code: 'period-missing',
      message: `${unlabelled.map((e) => e.label).join(', ')} ${unlabelled.length === 1 ? 'has' : 'have'} no period label and ${
        unlabelled.length === 1 ? 'is' : 'are'
      } ordered after the labelled periods, by date; add period: to the answers file`,
    });
  }

  const withOrganization = labelled.filter((e) => present(e.report.organization) !== undefined);
  const withoutOrganization = labelled.filter((e) => present(e.report.organization) === undefined);
  if (withOrganization.length > 0 && withoutOrganization.length > 0) {
    warnings.push({
      code: 'organization-missing',
      message: `${withoutOrganization.map((e) => e.label).join(', ')} ${
        withoutOrganization.length === 1 ? 'names' : 'name'
      } no organization; taken to be ${quoted(withOrganization.at(-1)!.report.organization!)}`,
    });
  }
  const spellings = new Set(withOrganization.map((e) => e.report.organization!));
  if (spellings.size > 1) {
    warnings.push({
      code: 'organization-spelling',
      message: `the organization is spelled differently: ${listBy(
        (e) => e.report.organization!,
        (e) => quoted(e.report.organization!),
      )}`,
    });
  }

  for (const { id, title } of elements) {
    const missing = labelled.filter((e) => findElement(e.report, id) === undefined);
    if (missing.length > 0) {
      warnings.push({
        code: 'element-missing',
        message: `${title} is not in the model of ${missing.map((e) => e.label).join(', ')}: no score there`,
      });
    }
    const notAssessed = labelled.filter((e) => {
      const element = findElement(e.report, id);
      return element !== undefined && element.score === null;
    });
    if (notAssessed.length > 0) {
      warnings.push({
        code: 'element-not-assessed',
        message: `${title} was not assessed in ${notAssessed.map((e) => e.label).join(', ')}: no delta to or from ${
          notAssessed.length === 1 ? 'that period' : 'those periods'
        }`,
      });
    }
  }
  return warnings;
}

/** (1.1) Answers to questions the model no longer has and no element of the comparison claims; `asked` and `labels` in period order. */
export function droppedQuestionWarnings(
  asked: readonly (Questionnaire | undefined)[],
  labels: readonly string[],
  elements: readonly ComparisonElementInfo[],
): ComparisonWarning[] {
  return asked.flatMap((q, i) => {
    const unplaced = q?.dropped.filter((id) => elementOfQuestion(id, elements) === undefined) ?? [];
    if (unplaced.length === 0) return [];
    return [{ code: 'questions-dropped', message: `${labels[i]!} has answers to ${unplaced.map(quoted).join(', ')}, which the model no longer has and no element claims: they do not count` }];
  });
}

/** The report warnings a comparison repeats: those about the model the answers were scored with. */
const MODEL_WARNINGS = { 'model-mismatch': true, 'model-version-mismatch': true } as const satisfies Record<ModelWarningCode, true>;

function isModelWarning(warning: ReportWarning): warning is ReportWarning & { readonly code: ModelWarningCode } {
  return Object.hasOwn(MODEL_WARNINGS, warning.code);
}

/**
 * The model warnings of the reports scored for this comparison (`scoredFrom`), each naming its answers file;
 * `periods` in period order.
 */
export function modelWarnings(periods: readonly { readonly report: Report; readonly scoredFrom?: string }[]): ComparisonWarning[] {
  return periods.flatMap(({ report, scoredFrom }) => {
    if (scoredFrom === undefined) return [];
    // an anonymous comparison names no file (a file may be named after a person): the period stands for it
    const where = report.anonymous === true ? `the answers of ${report.period ?? report.date ?? 'one period'}` : scoredFrom;
    const carried = report.warnings.filter(isModelWarning).map((w): ComparisonWarning => ({ code: w.code, message: `${where}: ${w.message}` }));
    return carried.length === 0 ? carried : [...carried, ...recomputedLevels(report, where)];
  });
}

/**
 * (1.2) Answers recorded against another model (or version) and scored with one whose capped rule (SPEC 3) holds some
 * elements below the level of their score: that period's levels are not those it was given when it was recorded.
 */
function recomputedLevels(report: Report, where: string): ComparisonWarning[] {
  const title = (id: string | null | undefined): string => report.levels.find((l) => l.id === id)?.title ?? String(id);
  const capped = report.elements.filter((e) => e.levelOfScore !== undefined && e.levelOfScore !== null && e.levelOfScore !== e.level);
  if (capped.length === 0) return [];
  return [
    {
      code: 'levels-recomputed',
      message: `${where}: its levels were recomputed under the capped level rule of ${report.model.id} ${report.model.version}, not the rule it was recorded with: ${capped
        .map((e) => `${e.title} ${title(e.level)} (${title(e.levelOfScore)} on its score)`)
        .join(', ')}`,
    },
  ];
}
