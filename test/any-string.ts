// Strings of any code points, lone surrogates included: what fc.string({ unit: 'binary' }) generates, without
// its set-up. That unit maps all 1,114,112 code points, and the first string arbitrary built on it makes
// fast-check index every one of them (to find "__proto__" and other dangerous strings in it): 1.4 s in every
// test worker. The same code points as an integer mapped back and forth cost nothing to index, and the
// dangerous strings are still mixed in.

import fc from 'fast-check';

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map(
  (codePoint) => String.fromCodePoint(codePoint),
  (value) => {
    const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (codePoint === undefined || String.fromCodePoint(codePoint) !== value) throw new Error('not one code point');
    return codePoint;
  },
);

export function anyString(constraints: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: anyCodePoint });
}
