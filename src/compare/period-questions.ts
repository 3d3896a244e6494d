// (1.1) Which questions each period's answers were asked, when they were recorded against another version of
// the model than the one they are scored with: a question that changed meaning (no `replaces`) is new to them.

import type { ComparisonElementInfo } from '../domain/comparison.js';
import type { Report } from '../domain/report.js';

/** What the caller knows of the questionnaire one period's answers were given. */
export interface PeriodQuestions {
  /** Question ids of the scoring model that the answers speak for: answered, n/a included, under the id or one it replaces. */
  readonly asked: readonly string[];
  /** Question ids recorded in the answers that the scoring model does not have: dropped, or changed in meaning. */
  readonly dropped: readonly string[];
}

/**
 * What one period's answers say about the questionnaire they were given, from the question ids they recorded
 * and the model they are scored with; undefined when they were recorded against that very model (then every
 * question of the model was in the questionnaire, answered or not).
 */
export function periodQuestions(
  model: { readonly version: string; readonly elements: readonly { readonly questions: readonly { readonly id: string; readonly replaces: readonly string[] }[] }[] },
  recorded: { readonly version: string; readonly questionIds: Iterable<string> },
): PeriodQuestions | undefined {
  if (recorded.version === model.version) return undefined;
  const ids = new Set(recorded.questionIds);
  const known = new Set<string>();
  const asked: string[] = [];
  for (const element of model.elements) {
    for (const q of element.questions) {
      const names = [q.id, ...q.replaces];
      for (const name of names) known.add(name);
      if (names.some((name) => ids.has(name))) asked.push(q.id);
    }
  }
  return { asked, dropped: [...ids].filter((id) => !known.has(id)) };
}

/** A period's questionnaire as far as the comparison can tell; undefined: every question its report lists. */
export interface Questionnaire {
  readonly asked: ReadonlySet<string>;
  readonly dropped: readonly string[];
}

/**
 * The questionnaire of a period: as the caller gives it; else, for a report scored from answers of another model
 * version (its own warning says so), the questions someone answered (n/a included); else undefined.
 */
export function questionnaireOf(report: Report, given: PeriodQuestions | undefined): Questionnaire | undefined {
  if (given !== undefined) return { asked: new Set(given.asked), dropped: given.dropped };
  if (!report.warnings.some((w) => w.code === 'model-version-mismatch')) return undefined;
  const answered = report.elements.flatMap((e) => e.items).filter((q) => q.answers + q.notApplicable > 0);
  return { asked: new Set(answered.map((q) => q.id)), dropped: [] };
}

/** The element a dropped question belonged to, by its id's first part (`design.x` → design). */
export function elementOfQuestion(id: string, elements: readonly ComparisonElementInfo[]): string | undefined {
  const prefix = id.split('.')[0];
  return elements.find((e) => e.id === prefix)?.id;
}
