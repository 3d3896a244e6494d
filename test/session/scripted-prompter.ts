// A Prompter for tests: answers come from a queue (or, when it runs dry, from an optional responder),
// and every prompt is recorded with what it offered. It refuses what a real prompt could not return
// (a value that is not among the choices, an empty required input), so a script cannot cheat.
//
// An input answered with '' gives its default, as Enter does; ERASE gives '' (Backspace, then Enter).
//
//   const p = new ScriptedPrompter(['Acme', '2026-Q4', 'Alice', '', pick('Leaders talk about it'), 'interrupt']);
//   await expect(runSession(model, store, p)).rejects.toMatchObject({ name: 'ExitPromptError' });

import type { CheckboxChoice, Choice, InputOptions, Prompter } from '../../src/assess/prompter.js';

/** Interrupts the prompt the way Ctrl-C does: rejects with an Error named ExitPromptError. */
export const INTERRUPT = 'interrupt';

/** A select answer given by the visible name of a choice (the session's help and skip entries have no public value). */
export interface Pick {
  readonly pick: string;
}
export function pick(name: string): Pick {
  return { pick: name };
}

/** An input answered by erasing its default (Backspace on the empty line) and pressing Enter. */
export const ERASE = Object.freeze({ erase: true as const });

/** Text typed into an input, then Ctrl-C before Enter. */
export interface TypedThenInterrupt {
  readonly typedThenInterrupt: string;
}
export function typedThenInterrupt(text: string): TypedThenInterrupt {
  return { typedThenInterrupt: text };
}

/** Digits typed in a list: they pick the choice whose key they are, as the real list does. */
export interface Keyed {
  readonly key: string;
}
export function typed(digits: string): Keyed {
  return { key: digits };
}

export type Answer = string | number | boolean | readonly unknown[] | Pick | Keyed | TypedThenInterrupt | typeof ERASE;

export type Shown =
  | { kind: 'select'; message: string; choices: { value: unknown; name: string; key?: string }[]; default: unknown }
  | { kind: 'checkbox'; message: string; choices: { value: unknown; name: string; checked: boolean; action?: boolean }[]; instructions: string | undefined }
  | { kind: 'input'; message: string; default: string | undefined; required: boolean; rejected: string[] }
  | { kind: 'confirm'; message: string; default: boolean };

/** Answers a prompt the queue does not cover; return INTERRUPT to stop there. */
export type Responder = (shown: Shown) => Answer;

export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

export class ScriptedPrompter implements Prompter {
  /** Every prompt shown, in order. */
  readonly shown: Shown[] = [];
  /** Every line printed with say(), in order. */
  readonly said: string[] = [];
  /** Prompts and printed lines interleaved, as a person would read them. */
  readonly transcript: string[] = [];
  private readonly queue: Answer[];

  constructor(
    answers: readonly Answer[] = [],
    private readonly responder?: Responder,
  ) {
    this.queue = [...answers];
  }

  /** Answers not used yet. */
  get remaining(): readonly Answer[] {
    return this.queue;
  }

  private next(shown: Shown, again = false): Answer {
    if (!again) {
      this.shown.push(shown);
      this.transcript.push(`? ${shown.message}`);
    }
    const answer = this.queue.length > 0 ? this.queue.shift()! : this.responder?.(shown);
    if (answer === undefined) throw new Error(`the script has no answer for: ${shown.message}`);
    if (answer === INTERRUPT) throw new ExitPromptError('User force closed the prompt with SIGINT');
    return answer;
  }

  select<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T> {
    const shown: Shown = {
      kind: 'select',
      message,
      choices: choices.map((c) => ({ value: c.value, name: c.name, ...(c.key !== undefined ? { key: c.key } : {}) })),
      default: defaultValue,
    };
    return settle(() => {
      const answer = this.next(shown);
      if (typeof answer === 'object' && answer !== null && 'typedThenInterrupt' in answer) throw new ExitPromptError('User force closed the prompt with SIGINT');
      const found =
        typeof answer === 'object' && answer !== null && 'pick' in answer
          ? choices.find((c) => c.name === answer.pick || c.name.startsWith(answer.pick))
          : typeof answer === 'object' && answer !== null && 'key' in answer
            ? choices.find((c) => c.key === answer.key)
            : choices.find((c) => c.value === answer);
      if (!found) throw new Error(`"${String(JSON.stringify(answer))}" is not a choice of: ${message}`);
      return found.value;
    });
  }

  checkbox<T>(message: string, choices: readonly CheckboxChoice<T>[], instructions?: string): Promise<T[]> {
    const shown: Shown = {
      kind: 'checkbox',
      message,
      choices: choices.map((c) => ({ value: c.value, name: c.name, checked: c.checked ?? false, ...(c.action ? { action: true } : {}) })),
      instructions,
    };
    return settle(() => {
      const answer = this.next(shown);
      // an action row (help, skip, n/a) is chosen with Enter, alone
      if (typeof answer === 'object' && answer !== null && 'pick' in answer) {
        const action = choices.find((c) => c.action && (c.name === answer.pick || c.name.startsWith(answer.pick)));
        if (!action) throw new Error(`"${answer.pick}" is not an action row of: ${message}`);
        return [action.value];
      }
      if (!Array.isArray(answer)) throw new Error(`a checkbox needs a list of values: ${message}`);
      const values = choices.map((c) => c.value);
      for (const v of answer) if (!values.includes(v as T)) throw new Error(`"${String(v)}" is not a choice of: ${message}`);
      const actions = choices.filter((c) => c.action).map((c) => c.value);
      if (answer.some((v) => actions.includes(v as T))) {
        if (answer.length > 1) throw new Error(`an action row cannot be ticked with options: ${message}`);
        return [answer[0] as T];
      }
      // a real checkbox returns the ticked values in the order of the choices
      return values.filter((v) => answer.includes(v));
    });
  }

  input(message: string, options: InputOptions = {}): Promise<string> {
    const shown: Shown = { kind: 'input', message, default: options.default, required: options.required ?? false, rejected: [] };
    return settle(() => {
      for (let again = false; ; again = true) {
        const answer = this.next(shown, again);
        if (answer === ERASE) return '';
        if (typeof answer === 'object' && answer !== null && 'typedThenInterrupt' in answer) {
          options.onDraft?.(answer.typedThenInterrupt);
          throw new ExitPromptError('User force closed the prompt with SIGINT');
        }
        if (typeof answer !== 'string') throw new Error(`an input needs a string: ${message}`);
        // as @inquirer/input: Enter on an empty line gives the default; `required` refuses only the empty string
        const value = answer || (shown.default ?? '');
        if (shown.required && !value) throw new Error(`a real input would not accept an empty answer: ${message}`);
        options.onDraft?.(value);
        // as a real input: a refused answer shows why, and the same prompt takes the next one
        const verdict = options.validate ? options.validate(value) : true;
        if (verdict === true) return value;
        shown.rejected.push(verdict);
      }
    });
  }

  confirm(message: string, defaultValue: boolean): Promise<boolean> {
    const shown: Shown = { kind: 'confirm', message, default: defaultValue };
    return settle(() => {
      const answer = this.next(shown);
      if (typeof answer === 'object' && answer !== null && 'typedThenInterrupt' in answer) throw new ExitPromptError('User force closed the prompt with SIGINT');
      if (typeof answer !== 'boolean') throw new Error(`a confirm needs true or false: ${message}`);
      return answer;
    });
  }

  say(text: string): void {
    this.said.push(text);
    this.transcript.push(text);
  }

  /** The messages of the prompts shown, optionally of one kind. */
  messages(kind?: Shown['kind']): string[] {
    return this.shown.filter((s) => kind === undefined || s.kind === kind).map((s) => s.message);
  }
}

/** Runs `answer` asynchronously, as a real prompt resolves on a later tick. */
function settle<T>(answer: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(answer());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
