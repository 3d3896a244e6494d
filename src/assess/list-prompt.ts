// The list the interview answers questions with, one or several choices. Unlike @inquirer/select, typed
// digits pick the choice whose key they are (a scale's value: `3` is 3, `12` is 12, `0` is 0), never a
// position; a long list says how many choices are above and below the visible ones; in a multiple list,
// Space ticks an option and Enter on an action row ("Skip for now") takes that action at once.

import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useRef, useState, type Status } from '@inquirer/core';
import { styleText } from 'node:util';

export interface ListItem<T> {
  readonly value: T;
  /** The text of the row (may hold line breaks, already indented). */
  readonly name: string;
  /** What the answered prompt shows once picked (default: the name). */
  readonly short?: string;
  /** Digits that pick this row when typed (a scale's value, an option's number). */
  readonly key?: string;
  /** In a multiple list: a row that Enter acts on at once (help, skip, n/a), never ticked. */
  readonly action?: boolean;
  readonly checked?: boolean;
}

export interface ListConfig<T> {
  readonly message: string;
  readonly items: readonly ListItem<T>[];
  readonly default?: T;
  /** Several options may be ticked with Space. */
  readonly multiple?: boolean;
  /** Rows shown at a time. */
  readonly pageSize?: number;
  /** The keys line under the list. */
  readonly hint?: string;
  /** The answer as shown after the message once answered (may start with a line break). */
  readonly answer?: (text: string) => string;
  /** Says why typed digits picked nothing ("type 0 to 10"). */
  readonly keysAdvice?: string;
}

/** Typed digits within this time form one number (`1`, `2` → 12). */
const DIGIT_PAUSE_MS = 900;

/** Asks with the list; resolves with the value picked, or the values ticked (an action row's value alone). */
export function listPrompt<T>(config: ListConfig<T> & { multiple: true }, context?: PromptContext): Promise<T[]>;
export function listPrompt<T>(config: ListConfig<T>, context?: PromptContext): Promise<T>;
export function listPrompt<T>(config: ListConfig<T>, context?: PromptContext): Promise<T | T[]> {
  return prompt(config, context) as Promise<T | T[]>;
}

type PromptContext = Parameters<typeof prompt>[1];

function firstIndex<T>(items: readonly ListItem<T>[], wanted: T | undefined): number {
  if (wanted === undefined) return 0;
  const i = items.findIndex((item) => item.value === wanted);
  return i < 0 ? 0 : i;
}

/** The first row shown, so that `active` is visible, moving the window as little as possible. */
export function windowStart(active: number, start: number, pageSize: number, count: number): number {
  if (count <= pageSize) return 0;
  if (active < start) return active;
  if (active >= start + pageSize) return active - pageSize + 1;
  return Math.min(start, count - pageSize);
}

const prompt = createPrompt((config: ListConfig<unknown>, done: (value: unknown) => void): string => {
  const theme = makeTheme({});
  const items = config.items;
  const pageSize = Math.max(3, config.pageSize ?? 12);
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const [active, setActive] = useState(firstIndex(items, config.default));
  const [ticked, setTicked] = useState<readonly boolean[]>(items.map((i) => i.checked === true));
  const [error, setError] = useState<string | undefined>(undefined);
  const [answered, setAnswered] = useState<string>('');
  const start = useRef(0);
  const digits = useRef({ typed: '', at: 0 });

  useKeypress((key, rl) => {
    setError(undefined);
    if (isEnterKey(key)) {
      const item = items[active]!;
      if (config.multiple && !item.action) {
        const chosen = items.filter((_, i) => ticked[i]);
        setAnswered(chosen.length === 0 ? '(none ticked)' : chosen.map((c) => c.short ?? c.name).join('\n'));
        setStatus('done');
        done(chosen.map((c) => c.value));
      } else {
        setAnswered(item.short ?? item.name);
        setStatus('done');
        done(config.multiple ? [item.value] : item.value);
      }
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      const next = active + (isUpKey(key) ? -1 : 1);
      if (next >= 0 && next < items.length) setActive(next);
      return;
    }
    if (config.multiple && isSpaceKey(key)) {
      rl.clearLine(0);
      if (!items[active]!.action) setTicked(ticked.map((t, i) => (i === active ? !t : t)));
      return;
    }
    if (/^[0-9]$/.test(key.name)) {
      rl.clearLine(0);
      const now = Date.now();
      let typed = now - digits.current.at < DIGIT_PAUSE_MS ? digits.current.typed + key.name : key.name;
      // a digit that continues no key starts a new number (`1` then `5` on a 0-10 scale is 5, not 15)
      if (!items.some((i) => i.key?.startsWith(typed))) typed = key.name;
      digits.current = { typed, at: now };
      const found = items.findIndex((i) => i.key === typed);
      if (found >= 0) setActive(found);
      else if (!items.some((i) => i.key?.startsWith(typed))) setError(`no answer is numbered ${typed}${config.keysAdvice ? `: ${config.keysAdvice}` : ''}`);
      return;
    }
    rl.clearLine(0);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const answer = config.answer ?? ((text: string) => theme.style.answer(text));
    return `${prefix} ${message} ${answer(answered)}`;
  }

  start.current = windowStart(active, start.current, pageSize, items.length);
  const shown = items.slice(start.current, start.current + pageSize);
  const lines = [`${prefix} ${message}`];
  if (start.current > 0) lines.push(styleText('dim', `  ↑ ${start.current} more above`));
  for (const [k, item] of shown.entries()) {
    const i = start.current + k;
    const cursor = i === active ? '❯' : ' ';
    const box = config.multiple ? (item.action ? ' ' : ticked[i] ? styleText('green', '◉') : '◯') : '';
    const row = `${cursor}${box} ${item.name}`;
    lines.push(i === active ? theme.style.highlight(row) : row);
  }
  const below = items.length - start.current - shown.length;
  if (below > 0) lines.push(styleText('dim', `  ↓ ${below} more below`));
  if (error) lines.push(theme.style.error(error));
  if (config.hint) lines.push(theme.style.help(config.hint));
  // the cursor is hidden while a list is shown, as @inquirer/select does
  return `${lines.join('\n')}\u001b[?25l`;
});
