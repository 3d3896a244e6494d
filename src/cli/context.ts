// What a command needs from the outside world, passed in so tests can give their own.

import { fstatSync, readFileSync } from 'node:fs';

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

// The process's own stdout and stderr, watched for what can go wrong after cxm has decided what to write: a full
// disk (> /dev/full), a reader that went away (| head), stdout closed by the shell (>&-), stderr full. Each ends
// with exit 2 and, where stderr can still take it, one sentence; never an uncaught 'error' event and its stack.
// (Here, not in a module of its own: main installs it at every start, and start-up loads as few files as it can.)

interface Failure {
  readonly stream: 'stdout' | 'stderr';
  readonly code: string;
}

export interface WatchedOutput {
  /** Waits until what was written has gone out (or failed); then the failure, if any. */
  settle(): Promise<Failure | undefined>;
  dispose(): void;
}

/**
 * Whether the shell closed this descriptor (`>&-`): Node then opens /dev/null on it, read-write, so that nothing
 * else lands there; a redirection to /dev/null opens it write-only. Linux only (elsewhere: never closed).
 */
export function closedByShell(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    // /dev/null is character device 1:3
    if (!stats.isCharacterDevice() || stats.rdev !== 259) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}

export function watchProcessOutput(): WatchedOutput {
  let failure: Failure | undefined;
  const onStdout = (error: NodeJS.ErrnoException): void => void (failure ??= { stream: 'stdout', code: error.code ?? 'EIO' });
  const onStderr = (error: NodeJS.ErrnoException): void => void (failure ??= { stream: 'stderr', code: error.code ?? 'EIO' });
  process.stdout.on('error', onStdout);
  process.stderr.on('error', onStderr);
  let wrote = false;
  const closed = closedByShell(1);
  const write = process.stdout.write.bind(process.stdout);
  if (closed) {
    process.stdout.write = ((...args: Parameters<typeof write>) => {
      if (String(args[0]).length > 0) wrote = true;
      return write(...args);
    }) as typeof process.stdout.write;
  }
  const drained = (stream: NodeJS.WriteStream): Promise<void> =>
    new Promise((resolve) => {
      if (stream.destroyed || !stream.writable) return resolve();
      stream.write('', () => resolve());
    });
  return {
    async settle() {
      await drained(process.stdout);
      // an error of the last write is emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
      if (failure === undefined && closed && wrote) failure = { stream: 'stdout', code: 'EBADF' };
      return failure;
    },
    // the listeners stay: an error after the end (a reader leaving late) must not become an uncaught 'error' event
    dispose() {
      if (closed) process.stdout.write = write;
    },
  };
}

/** The sentence for an output that failed. */
export function outputFailureMessage(failure: Failure): string {
  if (failure.code === 'EBADF') return 'cxm: standard output is closed, so the output went nowhere: redirect it to a file (> FILE) or write it with -o FILE\n';
  if (failure.code === 'EPIPE') return 'cxm: the output was cut short: the program reading it stopped before the end (broken pipe)\n';
  const why = failure.code === 'ENOSPC' ? 'the disk is full' : failure.code === 'EDQUOT' ? 'the disk quota is used up' : `the system said ${failure.code}`;
  return `cxm: the output could not be written to standard ${failure.stream === 'stdout' ? 'output' : 'error'}: ${why}; free some space or write to another place with -o FILE\n`;
}
