// The seam between the assessment flow and the terminal: a few prompt functions. The real one uses
// @inquirer/prompts; tests use a scripted one. A prompt that is interrupted rejects with an error
// whose name is ExitPromptError (Ctrl-C) or AbortPromptError (our signal, e.g. on SIGTERM).

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
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

export async function inquirerPrompter(options: {
  signal: AbortSignal;
  output: NodeJS.WritableStream;
}): Promise<Prompter> {
  const { select, checkbox, input, confirm } = await import('@inquirer/prompts');
  const context = { signal: options.signal, output: options.output };
  return {
    select: <T>(message: string, choices: readonly Choice<T>[], defaultValue?: T) =>
      select<T>(
        {
          message,
          choices: choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
          ...(defaultValue !== undefined ? { default: defaultValue } : {}),
          pageSize: 12,
          loop: false,
        },
        context,
      ),
    checkbox: <T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[], instructions?: string) =>
      checkbox<T>(
        {
          message,
          choices: choices.map((c) => ({ value: c.value, name: c.name, checked: c.checked ?? false })),
          pageSize: 12,
          loop: false,
          ...(instructions ? { instructions } : {}),
        },
        context,
      ),
    input: (message, o = {}) =>
      input({ message, ...(o.default !== undefined ? { default: o.default } : {}), required: o.required ?? false }, context),
    confirm: (message, defaultValue) => confirm({ message, default: defaultValue }, context),
    say: (text) => {
      options.output.write(text + '\n');
    },
  };
}
