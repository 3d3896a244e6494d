// The seam between the assessment flow and the terminal: a few prompt functions. The real one uses
// @inquirer/prompts; tests use a scripted one. A prompt that is interrupted rejects with an error
// whose name is ExitPromptError (Ctrl-C) or AbortPromptError (our signal, e.g. on SIGTERM).

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
  /** What the answered prompt shows once picked (default: the name). */
  readonly short?: string;
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[], instructions?: string): Promise<T[]>;
  input(message: string, options?: { default?: string; required?: boolean }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** Prints a line of text between prompts. */
  say(text: string): void;
}

/** Whether an error means the user (or a signal) interrupted a prompt. */
export function isInterruption(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Columns a string takes (code points; close enough for the prompts' own text). */
function columns(text: string): number {
  return [...text].length;
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
  output: NodeJS.WritableStream;
}): Promise<Prompter> {
  const { select, checkbox, input, confirm } = await import('@inquirer/prompts');
  const { styleText } = await import('node:util');
  const context = { signal: options.signal, output: options.output };
  const width = (): number => Math.max(40, (options.output as { columns?: number }).columns ?? 80);
  // "? " before a message, "❯ " or "❯◯ " before a choice: continuation lines align with the text; a line that
  // fills the last column makes inquirer print an empty line after it, so one column stays free
  const message = (text: string): string[] => wrapWords(text, width() - 4, '  ');
  /** The answer after the message once answered: on the message's last line if it fits, else on lines of its own. */
  const answer = (lines: readonly string[]) => (text: string) => {
    if (2 + columns(lines.at(-1)!) + 1 + columns(text) < width()) return styleText('cyan', text);
    return '\n' + wrapWords(text, width() - 5).map((l) => `    ${styleText('cyan', l)}`).join('\n');
  };
  return {
    select: <T>(text: string, choices: readonly Choice<T>[], defaultValue?: T) => {
      const lines = message(text);
      return select<T>(
        {
          message: lines.join('\n'),
          choices: choices.map((c) => ({
            value: c.value,
            name: wrapWords(c.name, width() - 3, '  ').join('\n'),
            short: c.short ?? c.name,
            ...(c.description ? { description: c.description } : {}),
          })),
          ...(defaultValue !== undefined ? { default: defaultValue } : {}),
          pageSize: 12,
          loop: false,
          theme: { style: { answer: answer(lines) } },
        },
        context,
      );
    },
    checkbox: <T>(text: string, choices: readonly (Choice<T> & { checked?: boolean })[], instructions?: string) => {
      const lines = message(text);
      return checkbox<T>(
        {
          message: lines.join('\n'),
          choices: choices.map((c) => ({
            value: c.value,
            name: wrapWords(c.name, width() - 5, '    ').join('\n'),
            short: c.name,
            checked: c.checked ?? false,
          })),
          pageSize: 12,
          loop: false,
          ...(instructions ? { instructions } : {}),
          theme: { style: { answer: answer(lines) } },
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
          // `required` alone lets spaces through
          ...(o.required ? { validate: (v: string) => v.trim() !== '' || 'Please type an answer.' } : {}),
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
