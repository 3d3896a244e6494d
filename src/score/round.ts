// One home for rounding: report numbers have 2 decimals.

/** Rounds to 2 decimals, half away from zero, without float noise (1.005 → 1.01, 66.665 → 66.67) and without -0. */
export function round2(x: number): number {
  const r = (Math.sign(x) * Math.round(Number((Math.abs(x) * 100).toPrecision(12)))) / 100;
  return r === 0 ? 0 : r;
}
