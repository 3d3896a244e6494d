// Builds Report objects for the comparison tests, without the scoring code: element scores follow
// SPEC 3 (weighted mean of the item scores that have a value), overall is weakest-link.

import type { Report, ReportElement, ReportItem, ReportLevel } from '../../src/domain/report.js';

export const LEVELS: readonly ReportLevel[] = [
  { id: 'unconscious', title: 'Unconscious', minScore: 0 },
  { id: 'ad-hoc', title: 'Ad hoc', minScore: 25 },
  { id: 'repeatable', title: 'Repeatable', minScore: 50 },
  { id: 'systematic', title: 'Systematic', minScore: 75 },
];

/** An item's score (0-100, null = no value) and weight (default 1). */
export type ItemSpec = number | null | { readonly score: number | null; readonly weight: number };

export interface ReportSpec {
  readonly period?: string;
  readonly date?: string;
  readonly organization?: string;
  readonly model?: { readonly id?: string; readonly version?: string };
  readonly levels?: readonly ReportLevel[];
  /** Element id → question id → item; elements and questions in this order. */
  readonly elements: Readonly<Record<string, Readonly<Record<string, ItemSpec>>>>;
  /** Element titles; default: the id with a capital. */
  readonly titles?: Readonly<Record<string, string>>;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function levelOf(score: number, levels: readonly ReportLevel[]): string {
  let id = levels[0]!.id;
  for (const level of levels) if (level.minScore <= score) id = level.id;
  return id;
}

function capitalized(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export function makeReport(spec: ReportSpec): Report {
  const levels = spec.levels ?? LEVELS;
  const unrounded = new Map<string, number | null>();
  const elements: ReportElement[] = Object.entries(spec.elements).map(([id, questions]) => {
    const items: ReportItem[] = Object.entries(questions).map(([qid, item]) => {
      const { score, weight } = typeof item === 'object' && item !== null ? item : { score: item, weight: 1 };
      return {
        id: qid,
        text: `Question ${qid}?`,
        type: 'choice',
        weight,
        score,
        spread: score === null ? null : 0,
        answers: score === null ? 0 : 1,
        notApplicable: 0,
        byRespondent: { Alice: score },
        notes: [],
      };
    });
    const valued = items.filter((q) => q.score !== null);
    const total = valued.reduce((sum, q) => sum + q.weight, 0);
    const score = valued.length === 0 ? null : valued.reduce((sum, q) => sum + q.weight * q.score!, 0) / total;
    unrounded.set(id, score);
    return {
      id,
      title: spec.titles?.[id] ?? capitalized(id),
      weight: 1,
      score: score === null ? null : round(score),
      level: score === null ? null : levelOf(score, levels),
      answered: valued.length,
      questions: items.length,
      byRespondent: { Alice: score === null ? null : round(score) },
      recommendations: [],
      items,
    };
  });
  const assessed = [...unrounded.entries()].filter((e): e is [string, number] => e[1] !== null);
  const overall = assessed.length === 0 ? null : assessed.reduce((sum, [, s]) => sum + s, 0) / assessed.length;
  const lowest = assessed.length === 0 ? null : Math.min(...assessed.map(([, s]) => s));
  return {
    schemaVersion: 1,
    model: { id: spec.model?.id ?? 'cx-maturity', version: spec.model?.version ?? '1.0.0', title: 'CX Maturity' },
    ...(spec.organization !== undefined ? { organization: spec.organization } : {}),
    ...(spec.period !== undefined ? { period: spec.period } : {}),
    ...(spec.date !== undefined ? { date: spec.date } : {}),
    respondents: [{ name: 'Alice' }],
    overall: {
      score: overall === null ? null : round(overall),
      level: lowest === null ? null : levelOf(lowest, levels),
      method: 'weakest-link',
      weakest: assessed.filter(([, s]) => s === lowest).map(([id]) => id),
    },
    levels,
    elements,
    warnings: [],
    inputs: [],
  };
}

/** A report with one single-question element per entry: element id → its score. */
export function simpleReport(
  period: string | undefined,
  scores: Readonly<Record<string, number | null>>,
  extra: Omit<ReportSpec, 'elements' | 'period'> = {},
): Report {
  const elements = Object.fromEntries(Object.entries(scores).map(([id, s]) => [id, { [`${id}.q`]: s }]));
  return makeReport({ ...extra, ...(period !== undefined ? { period } : {}), elements });
}
