// One home for rounding: report numbers have 2 decimals, half away from zero, never -0.

/**
 * Rounds to 2 decimals, half away from zero, reading x as the decimal it stands for: binary noise
 * beyond 15 significant digits is dropped first, so 66.665 → 66.67, 1.005 → 1.01, 0.125 → 0.13.
 */
export function round2(x: number): number {
  const abs = Math.abs(x);
  // beyond 1e13 a double has no second decimal to round; below 1e-6 toPrecision switches to exponent form
  if (!Number.isFinite(x) || abs >= 1e13) return x;
  if (abs < 1e-6) return 0;
  const cents = Math.round(Number(`${abs.toPrecision(15)}e2`));
  return cents === 0 ? 0 : (Math.sign(x) * cents) / 100;
}

/** The exact ratio n/d (d ≠ 0) rounded to 2 decimals, half away from zero: no float error at all. */
export function round2Ratio(n: bigint, d: bigint): number {
  if (d < 0n) [n, d] = [-n, -d];
  const negative = n < 0n;
  const abs = negative ? -n : n;
  // round(100·abs/d) = floor((200·abs + d) / 2d)
  const cents = (200n * abs + d) / (2n * d);
  if (cents === 0n) return 0;
  return (negative ? -Number(cents) : Number(cents)) / 100;
}
