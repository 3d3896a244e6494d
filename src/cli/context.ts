// What a command needs from the outside world, passed in so tests can give their own.

export const EXIT = {
  ok: 0,
  /** The input is invalid: a validation finding, answers that do not fit the model. */
  invalid: 1,
  /** Usage or I/O error: unknown flag, missing or unreadable file. */
  usage: 2,
  /** Interrupted by the user (Ctrl-C), after saving. */
  interrupted: 130,
  /** Terminated (SIGTERM), after saving. */
  terminated: 143,
} as const;

export interface OutStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
}

export interface Context {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Colour allowed on stdout / stderr (terminal, no NO_COLOR, no --no-color, TERM not dumb). */
  readonly color: { readonly stdout: boolean; readonly stderr: boolean };
}

/** A user's mistake that is not about file contents: a usage or I/O error (exit 2). */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}

/** Whether colour may be used on a stream (SPEC 5). */
export function colorAllowed(
  stream: OutStream,
  env: Readonly<Record<string, string | undefined>>,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
