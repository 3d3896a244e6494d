// The interview's list on a virtual screen (@inquirer/testing): digits pick the choice whose key they are
// (a scale's value, never a position), a long list says that it scrolls, a multiple list ticks with Space
// and acts at once on its action rows, and the answered prompt shows the chosen labels one per line.

import { render } from '@inquirer/testing';
import { describe, expect, it, vi } from 'vitest';
import { listPrompt, type ListConfig, type ListItem } from '../../src/assess/list-prompt.js';

const EXTRAS: ListItem<string | number>[] = [
  { value: 'note', name: 'Add a note' },
  { value: 'help', name: 'Show why this question matters' },
  { value: 'skip', name: 'Skip for now' },
];

/** A scale question's list as the session builds it: each value keyed by itself, then the extra rows. */
function scale(min: number, max: number): ListItem<string | number>[] {
  const items: ListItem<string | number>[] = [];
  for (let v = min; v <= max; v++) items.push({ value: v, name: String(v), key: String(v) });
  return [...items, ...EXTRAS];
}

/**
 * Keys as a terminal sends them, one keypress each. (@inquirer/testing's `events.type` writes the text to the
 * input, which readline turns into keypresses, and then emits them again: every digit would arrive twice.)
 */
function press(events: { keypress(key: string): void }, keys: string): void {
  for (const key of keys) events.keypress(key);
}

async function ask<T>(config: ListConfig<T>) {
  // listPrompt is the prompt itself behind a typed wrapper
  return render(listPrompt as never, config as never) as unknown as ReturnType<typeof render<T, ListConfig<T>>>;
}

describe('digits on a scale choose that value (trap 2)', () => {
  // mutation caught: matching typed digits to positions (as @inquirer/select does) makes 3 → 2, 12 → 11, 0 → nothing, 7 → help
  it.each([
    [0, 5, '3', 3],
    [0, 12, '12', 12],
    [0, 10, '10', 10],
    [1, 5, '5', 5],
    [0, 5, '0', 0],
    // a digit that continues no value starts a new number: 1 then 5 on 0–10 is 5, not "no answer is numbered 15"
    [0, 10, '15', 5],
  ])('on %i–%i, typing %s and Enter answers %i', async (min, max, digits, expected) => {
    const { answer, events } = await ask({ message: 'How many?', items: scale(min, max), default: max === 5 && digits === '0' ? 4 : undefined });
    press(events, digits);
    events.keypress('enter');
    await expect(answer).resolves.toBe(expected);
  });

  it('a number that is not on the scale picks nothing and says so; it never reaches the rows after the values', async () => {
    const { answer, events, getScreen } = await ask({ message: 'How many?', items: scale(0, 5), default: 2, keysAdvice: 'type 0 to 5' });
    press(events, '7');
    expect(getScreen()).toContain('no answer is numbered 7: type 0 to 5');
    events.keypress('enter');
    await expect(answer).resolves.toBe(2);
  });

  // mutation caught: joining every digit to the ones before, however long ago (1 … 2 would answer 12)
  it('a digit after a pause starts a new number', async () => {
    const { answer, events } = await ask({ message: 'How many?', items: scale(0, 12) });
    press(events, '1');
    // a second later by the prompt's clock (its pause is 900 ms), without waiting for it
    const later = Date.now() + 1000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    press(events, '2');
    clock.mockRestore();
    events.keypress('enter');
    await expect(answer).resolves.toBe(2);
  });
});

describe('a long list', () => {
  it('says how many rows are below and above the visible ones', async () => {
    const { answer, events, getScreen } = await ask({ message: 'How many?', items: scale(0, 12), pageSize: 8 });
    // mutation caught: without the indicator lines, nothing shows that 0–12 and the extra rows go on below
    expect(getScreen()).toContain('↓ 8 more below');
    expect(getScreen()).not.toContain('more above');
    for (let i = 0; i < 15; i++) events.keypress('down');
    expect(getScreen()).toContain('↑ 8 more above');
    expect(getScreen()).not.toContain('more below');
    events.keypress('enter');
    await expect(answer).resolves.toBe('skip');
  });
});

describe('a multiple list', () => {
  const items: ListItem<string>[] = [
    { value: 'nps', name: 'Net Promoter Score' },
    { value: 'complaints', name: 'Complaints, their causes, and what changed' },
    { value: 'effort', name: 'Customer effort' },
    { value: 'skip', name: 'Skip for now', short: '(skipped)', action: true },
  ];

  it('ticks with Space, answers the ticked values in order, and shows their labels one per line', async () => {
    const { answer, events, getScreen } = await ask({ message: 'Which?', items, multiple: true });
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['nps', 'complaints']);
    // labels hold commas: one per line, never joined with ", "
    expect(getScreen()).toMatch(/Which\? Net Promoter Score\nComplaints, their causes, and what changed/);
  });

  it('Enter on an action row answers that action alone', async () => {
    const { answer, events } = await ask({ message: 'Which?', items, multiple: true });
    events.keypress('space');
    for (let i = 0; i < 3; i++) events.keypress('down');
    events.keypress('space'); // an action row is never ticked
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['skip']);
  });
});
