// Exact rational arithmetic for scoring: levels are decided on unrounded scores, so a score that is
// exactly 50 must compare as 50, whatever order the respondents and questions come in. Here rather than in
// src/score so that the rules of src/load (which levels can be reached) use the same arithmetic.

/** The exact rational n/d, d > 0, in lowest terms. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Fraction = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** n/d in lowest terms; d must not be 0. */
export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('fraction with denominator 0');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The number as the decimal it is written as (0.1 → 1/10, not the binary double nearest to it). */
export function fromNumber(x: number): Fraction {
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const [, sign, whole, decimals = '', exponent = '0'] = m;
  const shift = Number(exponent) - decimals.length;
  let n = BigInt(`${sign}${whole}${decimals}`);
  let d = 1n;
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d = 10n ** BigInt(-shift);
  return fraction(n, d);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? fraction(a.n + b.n, a.d) : fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}

/** a / b; b must not be 0. */
export function div(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a <, =, > b. */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
