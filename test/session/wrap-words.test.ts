// wrapWords: how long questions, answers and help are broken for the terminal (at spaces, never inside
// a word, as inquirer and the terminal would otherwise do).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/assess/prompter.js';

describe('wrapWords', () => {
  it('breaks at spaces, indents the lines after the first, and keeps the spacing inside a line', () => {
    expect(wrapWords('[1/6]  Is there a written statement of the experience?', 24, '  ')).toEqual([
      '[1/6]  Is there a',
      '  written statement of',
      '  the experience?',
    ]);
  });

  it('leaves a text that fits, and a word longer than the line, whole', () => {
    expect(wrapWords('short text', 80)).toEqual(['short text']);
    expect(wrapWords('', 80)).toEqual(['']);
    expect(wrapWords('a https://example.com/a/very/long/address b', 10)).toEqual(['a', 'https://example.com/a/very/long/address', 'b']);
  });

  it('never makes a line longer than the width unless one word is, and loses no word (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '東', '-', '?'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom(' ', '  ')), { maxLength: 40 }), fc.integer({ min: 10, max: 120 }), fc.constantFrom('', '  ', '    '), (parts, width, indent) => {
        const text = parts.map(([w, s]) => w + s).join('').trimEnd();
        const lines = wrapWords(text, width, indent);
        for (const [i, line] of lines.entries()) {
          if (i > 0) expect(line.startsWith(indent)).toBe(true);
          const body = i > 0 ? line.slice(indent.length) : line;
          if (body.includes(' ')) expect([...line].length).toBeLessThanOrEqual(width);
        }
        expect(lines.map((l, i) => (i > 0 ? l.slice(indent.length) : l)).join(' ').split(/ +/).filter(Boolean)).toEqual(text.split(/ +/).filter(Boolean));
      }),
    );
  });
});
