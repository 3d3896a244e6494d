// (1.2) A scale with `levels` (SPEC 3): v is the piecewise-linear interpolation through (min, 0), each anchor's
// (value, its level's minScore / 100) and (max, 1). Expected values worked out by hand from that sentence.

import { describe, expect, it } from 'vitest';
import { fraction } from '../../src/domain/fraction.js';
import { valuation } from '../../src/domain/valuation.js';
import { scale } from './factories.js';

// 13 weeks: Ad hoc from 4 weeks, Repeatable from 9, Systematic from 12 (levels at 0/25/50/75)
const weeks = scale('culture.weeks', {
  min: 0,
  max: 13,
  anchors: [
    { level: 'ad-hoc', value: 4, minScore: 25 },
    { level: 'repeatable', value: 9, minScore: 50 },
    { level: 'systematic', value: 12, minScore: 75 },
  ],
});

const v = (question: typeof weeks, x: number): { n: bigint; d: bigint } => {
  const { range, points } = valuation(question);
  return fraction(points(x)!, range);
};

describe('(1.2) anchored scales', () => {
  it('passes through every anchor at its level minScore, and through both ends', () => {
    // catches: an anchor valued at its position on the linear scale (4/13) instead of its level's minScore
    expect(v(weeks, 0)).toEqual(fraction(0n));
    expect(v(weeks, 4)).toEqual(fraction(1n, 4n));
    expect(v(weeks, 9)).toEqual(fraction(1n, 2n));
    expect(v(weeks, 12)).toEqual(fraction(3n, 4n));
    expect(v(weeks, 13)).toEqual(fraction(1n));
  });

  it('is linear between neighbouring anchors, exactly', () => {
    // catches: a segment interpolated from the wrong neighbour (off-by-one in the segment search), or rounding
    expect(v(weeks, 2)).toEqual(fraction(1n, 8n)); // halfway from (0, 0) to (4, 1/4)
    expect(v(weeks, 7)).toEqual(fraction(2n, 5n)); // 1/4 + 1/4 · 3/5
    expect(v(weeks, 10)).toEqual(fraction(7n, 12n)); // 1/2 + 1/4 · 1/3
    expect(v(weeks, 8)).toEqual(fraction(9n, 20n)); // 1/4 + 1/4 · 4/5
  });

  it('without anchors, stays (answer − min) / (max − min) with range max − min, as in 1.1', () => {
    // catches: the 1.1 valuation changed for a scale without levels
    const plain = scale('c.q', { min: 1, max: 5 });
    expect(valuation(plain).range).toBe(4n);
    expect(valuation(plain).points(3)).toBe(2n);
    expect(valuation(scale('c.q', { min: 1, max: 5, anchors: [] })).range).toBe(4n);
  });

  it('answers outside the scale or not whole have no value', () => {
    // catches: the anchored branch skipping the checks of the plain one
    const { points } = valuation(weeks);
    expect(points(14)).toBeUndefined();
    expect(points(-1)).toBeUndefined();
    expect(points(2.5)).toBeUndefined();
    expect(points('7')).toBeUndefined();
  });
});
