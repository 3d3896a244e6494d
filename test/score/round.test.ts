import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round2, round2Ratio } from '../../src/text/round.js';
import { runs } from '../fuzz-runs.js';

describe('round2', () => {
  it('rounds halves away from zero despite binary noise', () => {
    // the naive ways fail: 1.005 * 100 is 100.49999…, and 2.675 is stored as 2.67499…
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(round2(66.665)).toBe(66.67);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68); // (2.675).toFixed(2) is "2.67"
    expect(round2(0.125)).toBe(0.13);
    expect(round2(0.125 * 100)).toBe(12.5);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-66.665)).toBe(-66.67);
  });

  it('rounds ordinary values to the nearest hundredth', () => {
    expect(round2((100 * 2) / 3)).toBe(66.67);
    expect(round2(100 / 3)).toBe(33.33);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(100 - 66.67)).toBe(33.33);
    expect(round2(49.994999)).toBe(49.99);
    expect(round2(12_345_678.125)).toBe(12_345_678.13);
    expect(round2(42)).toBe(42);
  });

  it('never returns -0', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
    expect(Object.is(round2(-1e-9), 0)).toBe(true);
  });

  it('leaves what it cannot round alone', () => {
    expect(round2(1e15)).toBe(1e15);
    expect(round2(Number.NaN)).toBeNaN();
    expect(round2(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rounds every decimal k.kk5 up, whatever its nearest double', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (k) => {
        // (10k + 5) / 1000 = k/100 + 0.005 → (k + 1) / 100
        expect(round2(Number(`${10 * k + 5}e-3`))).toBe((k + 1) / 100);
        expect(round2(-Number(`${10 * k + 5}e-3`))).toBe(-(k + 1) / 100);
      }),
      { numRuns: runs(500) },
    );
  });

  it('keeps values that already have 2 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        expect(round2(k / 100)).toBe(k / 100 === 0 ? 0 : k / 100);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('round2Ratio', () => {
  it('rounds an exact ratio to 2 decimals, half away from zero', () => {
    expect(round2Ratio(66_665n, 1000n)).toBe(66.67); // 66.665 exactly
    expect(round2Ratio(-66_665n, 1000n)).toBe(-66.67);
    expect(round2Ratio(66_665n, -1000n)).toBe(-66.67);
    expect(round2Ratio(2n, 3n)).toBe(0.67);
    expect(round2Ratio(1n, 3n)).toBe(0.33);
    expect(round2Ratio(1n, 8n)).toBe(0.13); // 0.125
    expect(round2Ratio(49_999n, 1000n)).toBe(50); // 49.999 reads 50.00
    expect(round2Ratio(6_666_499_999n, 100_000_000n)).toBe(66.66); // 66.66499999 is below the half
    expect(round2Ratio(500n, 10n)).toBe(50);
  });

  it('never returns -0', () => {
    expect(Object.is(round2Ratio(-1n, 1000n), 0)).toBe(true);
    expect(Object.is(round2Ratio(0n, 7n), 0)).toBe(true);
  });

  it('agrees with round2 on decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (k) => {
        // k / 1000 has 3 decimals: both see the same decimal
        expect(round2Ratio(BigInt(k), 1000n)).toBe(round2(Number(`${k}e-3`)));
      }),
      { numRuns: runs(500) },
    );
  });
});
