// compareReports, with every comparison it returns checked against src/schemas/comparison.schema.json,
// so that each comparison the tests produce is also a schema test; and comparisonOf, for reports that compare.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Comparison } from '../../src/domain/comparison.js';
import type { Report } from '../../src/domain/report.js';
import { compareReports } from '../../src/compare/compare-reports.js';
import type { GroupComparisonOptions } from '../../src/compare/group-changes.js';
import { validatorOf } from '../schemas.js';

export const comparisonSchema = JSON.parse(
  readFileSync(new URL('../../src/schemas/comparison.schema.json', import.meta.url), 'utf8'),
) as object;

// compiled by the build, strictly and together with the other schemas (test/schemas.ts)
export const validateComparison = validatorOf('comparison');

export function expectValidComparison(data: unknown): void {
  // JSON, as the CLI prints it: undefined properties disappear
  const json: unknown = JSON.parse(JSON.stringify(data));
  const valid = validateComparison(json);
  expect(valid ? [] : validateComparison.errors).toEqual([]);
}

/** The comparison of these reports, each a period as it stands; throws with the problems when there is none. */
export function comparisonOf(reports: readonly Report[], options?: GroupComparisonOptions): Comparison {
  const result = compareReports(reports.map((report) => ({ report })), options);
  if (!result.ok) throw new Error(`not comparable: ${result.problems.map((p) => p.code).join(', ')}`);
  return result.comparison;
}

export function compareChecked(reports: readonly Report[]): Comparison {
  const comparison = comparisonOf(reports);
  expectValidComparison(comparison);
  return comparison;
}
