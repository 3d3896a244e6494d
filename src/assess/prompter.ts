// The seam between the assessment flow and the terminal: a few prompt functions. The real one uses
// @inquirer/prompts; tests use a scripted one. A prompt that is interrupted rejects with an error
// whose name is ExitPromptError (Ctrl-C) or AbortPromptError (our signal, e.g. on SIGTERM).

import stringWidth from 'string-width';

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  /** What the answered prompt shows once picked (default: the name). */
  readonly short?: string;
  /** Digits that pick this choice when typed: a scale's value (`12` is 12), never a position. */
  readonly key?: string;
}

export interface CheckboxChoice<T> extends Choice<T> {
  readonly checked?: boolean;
  /** A row that Enter acts on at once (help, skip, n/a); the checkbox then returns its value alone. */
  readonly action?: boolean;
}

export interface InputOptions {
  readonly default?: string;
  readonly required?: boolean;
  /** true, or what is wrong with the text (shown under the prompt, which stays open). */
  readonly validate?: (text: string) => true | string;
  /** Told the text as it is being typed, so that an interruption loses none of it. */
  readonly onDraft?: (text: string) => void;
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: readonly CheckboxChoice<T>[], instructions?: string): Promise<T[]>;
  input(message: string, options?: InputOptions): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** Prints a line of text between prompts. */
  say(text: string): void;
}

/** Whether an error means the user (or a signal) interrupted a prompt. */
export function isInterruption(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Columns a string takes on a terminal: wide (CJK) characters take two, combining marks none. */
function columns(text: string): number {
  return stringWidth(text);
}

/**
 * Breaks text at spaces into lines of at most `width` columns (a longer word stays whole); the lines
 * after the first start with `indent`. The terminal and inquirer would otherwise break words anywhere.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  let gap = '';
  // spaces between words are kept as they are ("[1/6]  Is ..."), except where a line breaks
  for (const [, word, space] of text.matchAll(/(\S+)(\s*)/g)) {
    const prefix = lines.length === 0 ? '' : indent;
    if (line !== '' && columns(prefix + line + gap + word!) > width) {
      lines.push(prefix + line);
      line = word!;
    } else line = line === '' ? word! : line + gap + word!;
    gap = space!;
  }
  lines.push((lines.length === 0 ? '' : indent) + line);
  return lines;
}

export async function inquirerPrompter(options: {
  signal: AbortSignal;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}): Promise<Prompter> {
  const { input, confirm } = await import('@inquirer/prompts');
  const { listPrompt } = await import('./list-prompt.js');
  const { styleText } = await import('node:util');
  const context = { signal: options.signal, input: options.input, output: options.output };
  const width = (): number => Math.max(40, (options.output as { columns?: number }).columns ?? 80);
  // rows the list may take: the terminal's height less the question, the hint and the lines around
  const pageSize = (): number => Math.max(5, Math.min(16, ((options.output as { rows?: number }).rows ?? 24) - 8));
  // "? " before a message, "❯ " or "❯◯ " before a choice: continuation lines align with the text; a line that
  // fills the last column makes the terminal print an empty line after it, so one column stays free
  const message = (text: string): string[] => wrapWords(text, width() - 4, '  ');
  /** The answer after the message once answered: on the message's last line if it fits, else on lines of its own. */
  const answer = (lines: readonly string[]) => (text: string) => {
    if (!text.includes('\n') && 2 + columns(lines.at(-1)!) + 1 + columns(text) < width()) return styleText('cyan', text);
    return '\n' + text.split('\n').flatMap((t) => wrapWords(t, width() - 5)).map((l) => `    ${styleText('cyan', l)}`).join('\n');
  };
  const keysHint = (choices: readonly Choice<unknown>[], multiple: boolean): string => {
    const keys = choices.map((c) => c.key).filter((k): k is string => k !== undefined);
    const typed = keys.length > 0 ? `type ${keys[0]}${keys.length > 1 ? `–${keys.at(-1)!}` : ''} or ` : '';
    return multiple ? '↑↓ move • space ticks • ⏎ done' : `${typed}↑↓ move • ⏎ choose`;
  };
  return {
    select: <T>(text: string, choices: readonly Choice<T>[], defaultValue?: T) => {
      const lines = message(text);
      const keys = choices.map((c) => c.key).filter((k) => k !== undefined);
      return listPrompt<T>(
        {
          message: lines.join('\n'),
          items: choices.map((c) => ({
            value: c.value,
            name: wrapWords(c.name, width() - 3, '  ').join('\n'),
            short: c.short ?? c.name,
            ...(c.key !== undefined ? { key: c.key } : {}),
          })),
          ...(defaultValue !== undefined ? { default: defaultValue } : {}),
          pageSize: pageSize(),
          hint: keysHint(choices, false),
          answer: answer(lines),
          ...(keys.length > 0 ? { keysAdvice: `type ${keys[0]!} to ${keys.at(-1)!}` } : {}),
        },
        context,
      );
    },
    checkbox: <T>(text: string, choices: readonly CheckboxChoice<T>[], instructions?: string) => {
      const lines = message(text);
      return listPrompt<T>(
        {
          message: lines.join('\n'),
          items: choices.map((c) => ({
            value: c.value,
            name: wrapWords(c.name, width() - 5, '    ').join('\n'),
            short: c.short ?? c.name,
            checked: c.checked ?? false,
            action: c.action ?? false,
          })),
          multiple: true,
          pageSize: pageSize(),
          hint: instructions ?? keysHint(choices, true),
          answer: answer(lines),
        },
        context,
      );
    },
    input: (text, o = {}) =>
      input(
        {
          message: text,
          ...(o.default !== undefined ? { default: o.default } : {}),
          required: o.required ?? false,
          validate: (v: string) => {
            // `required` alone lets spaces through
            if (o.required && v.trim() === '') return 'Please type an answer.';
            return o.validate ? o.validate(v) : true;
          },
          ...(o.onDraft
            ? {
                transformer: (v: string) => {
                  o.onDraft!(v);
                  return v;
                },
              }
            : {}),
        },
        context,
      ),
    confirm: (text, defaultValue) => confirm({ message: text, default: defaultValue }, context),
    say: (text) => {
      // each line keeps its indentation on the lines it wraps to (help is printed indented)
      const lines = text.split('\n').flatMap((line) => {
        const indent = /^ */.exec(line)![0];
        return wrapWords(line.slice(indent.length), width() - 1 - indent.length).map((l) => (l ? indent + l : l));
      });
      options.output.write(lines.join('\n') + '\n');
    },
  };
}
