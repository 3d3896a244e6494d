// What a command needs from the outside world, passed in so tests can give their own.

export const EXIT = {
  ok: 0,
  /** The input is invalid: a validation finding, answers that do not fit the model. */
  invalid: 1,
  /** Usage or I/O error: unknown flag, missing or unreadable file. */
  usage: 2,
  /** Interrupted by the user (Ctrl-C), after saving. */
  interrupted: 130,
  /** A bug in cxm: an error nobody expected (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Terminated (SIGTERM), after saving. */
  terminated: 143,
} as const;

export interface OutStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
}

/** Where the interview reads keys from. */
export interface InStream {
  readonly isTTY?: boolean;
}

/** Where Ctrl-C and kill arrive: the process, or a test's emitter. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  removeListener(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface Context {
  readonly stdin: InStream;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly signals: SignalSource;
  /** The script that runs cxm (process.argv[1]), to name the program in the hints it prints. */
  readonly script: string | undefined;
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

/** Whether stdout may show Unicode bars and arrows: a terminal with a UTF-8 locale. */
export function unicodeAllowed(context: Pick<Context, 'stdout' | 'env'>): boolean {
  if (context.stdout.isTTY !== true) return false;
  const locale = context.env['LC_ALL'] || context.env['LC_CTYPE'] || context.env['LANG'] || '';
  return /utf-?8/i.test(locale);
}
