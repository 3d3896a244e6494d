// The did-you-mean of findings: editDistance with a bound (it may stop early) and closest, held to the plain
// full-table optimal string alignment distance and the plain search over every candidate.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/text/did-you-mean.js';
import { runs } from '../fuzz-runs.js';

/** The whole table, no bound, no shortcut. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The nearest candidate (the first of equals) when within a third of the word's length. */
function referenceClosest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = reference(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

// few letters, so that words are near one another and transpositions happen
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'A', '-'), maxLength: 12 });

describe('did you mean', () => {
  it('editDistance is the full table’s distance; with a bound, that distance or a number above the bound when it is above', () => {
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, bound) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        const bounded = editDistance(a, b, bound);
        if (exact <= bound) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(bound);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('closest picks what a search of every candidate picks', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (w, candidates) => {
        expect(closest(w, candidates)).toBe(referenceClosest(w, candidates));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('suggests the near misses of real files', () => {
    expect(closest('wieght', ['id', 'text', 'help', 'type', 'weight', 'options'])).toBe('weight');
    expect(closest('stratgy', ['strategy', 'culture'])).toBe('strategy');
    expect(closest('hepl', ['help', 'type'])).toBe('help');
    expect(closest('k12345', ['kind', 'element', 'title', 'questions'])).toBeUndefined();
  });
});
