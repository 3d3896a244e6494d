// Comparisons shared by the renderer tests, built from factory reports.

import type { Comparison } from '../../src/domain/comparison.js';
import { compareChecked } from './checked.js';
import { makeReport } from './report-factory.js';

/**
 * Acme Ltd over three quarters (element scores: weighted means of the items, SPEC 3):
 *   strategy       (50, 50, 50) → 50 repeatable;  (75, 50, 50) → 58.33 repeatable;  (100, 75, 50) → 75 systematic
 *   design         40 ad-hoc;                      60 repeatable;                     20 unconscious
 *   understanding  30 ad-hoc;                      not assessed;                      45 ad-hoc
 *   overall (mean, weakest-link level): 40 ad-hoc; 59.17 repeatable; 46.67 unconscious
 * First → last: strategy +25 (drivers experience-statement 100/3 − 50/3 = +16.67, b 75/3 − 50/3 = +8.33),
 * design −20, understanding +15, overall +6.67.
 */
export function threeQuarters(): Comparison {
  return compareChecked([
    makeReport({
      period: '2026-Q3',
      organization: 'Acme Ltd',
      elements: {
        strategy: { 'strategy.experience-statement': 100, 'strategy.b': 75, 'strategy.c': 50 },
        design: { 'design.a': 20 },
        understanding: { 'understanding.a': 45 },
      },
    }),
    makeReport({
      period: '2026-Q1',
      organization: 'Acme Ltd',
      elements: {
        strategy: { 'strategy.experience-statement': 50, 'strategy.b': 50, 'strategy.c': 50 },
        design: { 'design.a': 40 },
        understanding: { 'understanding.a': 30 },
      },
    }),
    makeReport({
      period: '2026-Q2',
      organization: 'Acme Ltd',
      elements: {
        strategy: { 'strategy.experience-statement': 75, 'strategy.b': 50, 'strategy.c': 50 },
        design: { 'design.a': 60 },
        understanding: { 'understanding.a': null },
      },
    }),
  ]);
}

/** Hostile text in every field a report lets a user write: organization, period labels, titles, ids. */
export const HOSTILE = {
  organization: 'Evil <script>alert(1)</script> | *Corp* [x](javascript:alert(1))\u001b[31m\n# injected',
  period1: 'Q1"] ; line [1]\n%%{init: {}}%%',
  period2: 'Q2 ```\n</div>|`x`',
  title: 'Design | <img src=x onerror=alert(1)>\u0007\r\n## heading',
  question: 'design.a|<b>`',
} as const;

export function hostile(): Comparison {
  const titles = { design: HOSTILE.title };
  return compareChecked([
    makeReport({ period: HOSTILE.period1, organization: HOSTILE.organization, titles, elements: { design: { [HOSTILE.question]: 10, ok: 10 } } }),
    makeReport({ period: HOSTILE.period2, organization: HOSTILE.organization, titles, elements: { design: { [HOSTILE.question]: 90, ok: 10 } } }),
  ]);
}
