import { describe, expect, it } from 'vitest';
import { add, compare, div, fraction, fromNumber, lcm, mul } from '../../src/domain/fraction.js';

describe('fraction', () => {
  it('reads a number as the decimal it is written as', () => {
    expect(fromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(fromNumber(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(fromNumber(100)).toEqual({ n: 100n, d: 1n });
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
    expect(fromNumber(1.5e21)).toEqual({ n: 1_500_000_000_000_000_000_000n, d: 1n });
    expect(fromNumber(66.665)).toEqual({ n: 13_333n, d: 200n });
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('adds, subtracts, multiplies and divides exactly, in lowest terms', () => {
    // 0.1 + 0.2 = 3/10, where doubles give 0.30000000000000004
    expect(add(fromNumber(0.1), fromNumber(0.2))).toEqual({ n: 3n, d: 10n });
    expect(add(fraction(1n, 2n), fraction(-1n, 3n))).toEqual({ n: 1n, d: 6n });
    expect(mul(fraction(2n, 3n), fraction(3n, 4n))).toEqual({ n: 1n, d: 2n });
    expect(div(fraction(1n, 2n), fraction(-1n, 4n))).toEqual({ n: -2n, d: 1n });
    expect(fraction(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
    expect(lcm(4n, 6n)).toBe(12n);
  });

  it('compares exactly', () => {
    expect(compare(fraction(1n, 3n), fraction(2n, 6n))).toBe(0);
    expect(compare(fraction(1n, 3n), fromNumber(0.3333333333333333))).toBe(1);
    expect(compare(fraction(-1n, 2n), fraction(1n, 3n))).toBe(-1);
  });
});
