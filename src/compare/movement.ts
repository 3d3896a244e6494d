// What every change between two periods holds: the delta of two scores, the direction between two levels.

import type { Direction } from '../domain/comparison.js';
import type { ReportLevel } from '../domain/report.js';
import { round2 } from '../text/round.js';

/** Later minus earlier, rounded; null where either is missing. */
export function delta(from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined ? null : round2(to - from);
}

/** Up or down by the later model's level order (else the earlier's); null when not comparable. */
export function direction(
  from: string | null,
  to: string | null,
  earlier: readonly ReportLevel[],
  later: readonly ReportLevel[],
): Direction | null {
  if (from === null || to === null) return null;
  if (from === to) return 'same';
  for (const levels of [later, earlier]) {
    const i = levels.findIndex((l) => l.id === from);
    const j = levels.findIndex((l) => l.id === to);
    if (i >= 0 && j >= 0) return j > i ? 'up' : 'down';
  }
  return null;
}
