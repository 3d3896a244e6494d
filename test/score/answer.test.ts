import { describe, expect, it } from 'vitest';
import { answerValue, resolveAnswer, resolveNote } from '../../src/score/score.js';
import { choice, multi, respondent, scale } from './factories.js';

describe('answerValue (SPEC 3)', () => {
  it('choice: (score − min) / (max − min) over the question options', () => {
    const q = choice('s.q'); // none 0, some 1, most 2, all 3
    expect(answerValue(q, 'none')).toBe(0); // (0-0)/(3-0)
    expect(answerValue(q, 'some')).toBeCloseTo(1 / 3, 12); // (1-0)/(3-0)
    expect(answerValue(q, 'most')).toBeCloseTo(2 / 3, 12); // (2-0)/(3-0)
    expect(answerValue(q, 'all')).toBe(1);
  });

  it('choice: the lowest option score is the zero, not 0', () => {
    const q = choice('s.q', { options: [['low', 1], ['mid', 2], ['high', 5]] });
    expect(answerValue(q, 'low')).toBe(0); // (1-1)/(5-1)
    expect(answerValue(q, 'mid')).toBe(0.25); // (2-1)/(5-1)
    expect(answerValue(q, 'high')).toBe(1);
  });

  it('choice: decimal option scores are exact', () => {
    const q = choice('s.q', { options: [['a', 0.1], ['b', 0.2], ['c', 0.3]] });
    // (0.2-0.1)/(0.3-0.1) = 0.5; in doubles it comes out as 0.5000000000000001
    expect(answerValue(q, 'b')).toBe(0.5);
  });

  it('multi: Σ chosen / Σ all; [] is 0; an option listed twice counts once', () => {
    const q = multi('m.q'); // a 1, b 1, c 2: Σ = 4
    expect(answerValue(q, ['a'])).toBe(0.25); // 1/4
    expect(answerValue(q, ['a', 'c'])).toBe(0.75); // (1+2)/4
    expect(answerValue(q, ['a', 'b', 'c'])).toBe(1);
    expect(answerValue(q, [])).toBe(0);
    expect(answerValue(q, ['a', 'a'])).toBe(0.25);
  });

  it('scale: (answer − min) / (max − min)', () => {
    expect(answerValue(scale('c.q'), 7)).toBe(0.7); // (7-0)/(10-0)
    const q = scale('c.q', { min: 1, max: 5 });
    expect(answerValue(q, 1)).toBe(0);
    expect(answerValue(q, 3)).toBe(0.5); // (3-1)/(5-1)
    expect(answerValue(q, 5)).toBe(1);
    expect(answerValue(scale('c.q', { min: -2, max: 2 }), 1)).toBe(0.75); // (1+2)/(2+2)
  });

  it('n/a, unanswered and answers the question cannot take give no value', () => {
    expect(answerValue(choice('s.q', { notApplicable: true }), 'n/a')).toBeUndefined();
    expect(answerValue(choice('s.q'), undefined)).toBeUndefined();
    expect(answerValue(choice('s.q'), 'gone')).toBeUndefined();
    expect(answerValue(choice('s.q'), ['most'])).toBeUndefined();
    expect(answerValue(multi('m.q'), ['a', 'gone'])).toBeUndefined();
    expect(answerValue(multi('m.q'), 'a')).toBeUndefined();
    expect(answerValue(multi('m.q', { notApplicable: true }), 'n/a')).toBeUndefined();
    expect(answerValue(scale('c.q'), 11)).toBeUndefined();
    expect(answerValue(scale('c.q'), -1)).toBeUndefined();
    expect(answerValue(scale('c.q'), 2.5)).toBeUndefined();
    expect(answerValue(scale('c.q'), '7')).toBeUndefined();
  });

  it('a question whose options cannot tell answers apart gives no value', () => {
    expect(answerValue(choice('s.q', { options: [['x', 1], ['y', 1]] }), 'x')).toBeUndefined();
    expect(answerValue(multi('m.q', { options: [['x', 0], ['y', 0]] }), ['x'])).toBeUndefined();
    expect(answerValue(scale('c.q', { min: 3, max: 3 }), 3)).toBeUndefined();
  });
});

describe('resolveAnswer', () => {
  const q = choice('strategy.statement', { replaces: ['strategy.vision', 'strategy.mission'] });

  it('takes the answer under the current id', () => {
    expect(resolveAnswer(q, respondent('A', { 'strategy.statement': 'most' }))).toBe('most');
  });

  it('takes an answer recorded under an old id', () => {
    expect(resolveAnswer(q, respondent('A', { 'strategy.vision': 'some' }))).toBe('some');
    expect(resolveAnswer(q, respondent('A', { 'strategy.mission': 'all' }))).toBe('all');
  });

  it('prefers the current id over an old one, also when the current answer is n/a', () => {
    expect(resolveAnswer(q, respondent('A', { 'strategy.vision': 'none', 'strategy.statement': 'all' }))).toBe('all');
    expect(resolveAnswer(q, respondent('A', { 'strategy.vision': 'none', 'strategy.statement': 'n/a' }))).toBe('n/a');
  });

  it('takes old ids in the order the question lists them', () => {
    expect(resolveAnswer(q, respondent('A', { 'strategy.mission': 'all', 'strategy.vision': 'some' }))).toBe('some');
  });

  it('is undefined when unanswered, and ignores ids the question does not replace', () => {
    expect(resolveAnswer(q, respondent('A', {}))).toBeUndefined();
    expect(resolveAnswer(q, respondent('A', { 'strategy.other': 'all' }))).toBeUndefined();
  });

  it('resolves notes the same way', () => {
    expect(resolveNote(q, respondent('A', {}, { notes: { 'strategy.vision': 'old note' } }))).toBe('old note');
    expect(resolveNote(q, respondent('A', {}, { notes: { 'strategy.vision': 'old', 'strategy.statement': 'new' } }))).toBe('new');
    expect(resolveNote(q, respondent('A', {}))).toBeUndefined();
  });
});
