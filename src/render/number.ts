// One number format for every output people read (terminal, assess, Markdown, HTML): the number as the
// JSON report holds it, rounded to 2 decimals with trailing zeros dropped — 45, 38.1, 38.57 — so that a
// score reads the same wherever it is shown. JSON stays numeric.

import { round2 } from '../text/round.js';

/** A score, spread or points: 2 decimals at most, no trailing zeros; `none` (default "–") for null. */
export function formatScore(value: number | null, none = '–'): string {
  return value === null ? none : String(round2(value));
}

/** A change in points with its sign: +5.56, −3 (the minus sign given, default U+2212), 0; `none` (default "–") for null. */
export function formatSigned(value: number | null, minus = '−', none = '–'): string {
  if (value === null) return none;
  const rounded = round2(value);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `${minus}${-rounded}`;
  return '0';
}
