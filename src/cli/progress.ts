// Progress on standard error for the runs that take a while (issue #30): validating many files, importing and
// reporting a large survey. Only on a terminal: where stderr is a pipe, a file or CI, nothing is written and no
// output changes. Nothing shows in the first two seconds either, so a quick run looks as it always did; after
// that one line, redrawn in place ("cxm: checking files 412 of 1,000…"), and cleared when the run ends.
//
// The work it follows is synchronous (parsing, scoring), so no timer redraws the line: the command reports each
// step and its count, and the line is redrawn at most ten times a second. A step that is one long call (parsing a
// 30 MiB answers file) is announced before it starts, when the command knows it is large.

import type { Context } from './context.js';

/** Nothing is shown before a run has taken this long. */
export const PROGRESS_DELAY_MS = 2000;
const REDRAW_MS = 100;

export interface Progress {
  /** A new step ("checking files", "scoring 20,000 respondents"); `total` when it counts items; `large` shows it at once. */
  step(label: string, options?: { readonly total?: number; readonly large?: boolean }): void;
  /** Items of the step done so far (and their total, when it was not known at the step). */
  tick(done: number, total?: number): void;
  /** Clears the line, if one was shown: call before the command's own last messages. */
  done(): void;
}

const SILENT: Progress = { step() {}, tick() {}, done() {} };

/** "20000" → "20,000", as the other messages write counts. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Whether progress may be shown: stderr is a terminal, and not CI's nor a dumb one. */
export function progressAllowed(context: Pick<Context, 'stderr' | 'env'>): boolean {
  if (context.stderr.isTTY !== true) return false;
  const ci = context.env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false') return false;
  return context.env['TERM'] !== 'dumb';
}

/** A progress line on stderr, or nothing where it is not allowed (see progressAllowed). */
export function startProgress(context: Pick<Context, 'stderr' | 'env'>, options: { readonly now?: () => number; readonly delayMs?: number } = {}): Progress {
  if (!progressAllowed(context)) return SILENT;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? PROGRESS_DELAY_MS;
  const stderr = context.stderr as Context['stderr'] & { readonly columns?: number };
  const started = now();
  let label = '';
  let total: number | undefined;
  let count = 0;
  let shown = false;
  let drawn = -Infinity;

  const draw = (): void => {
    drawn = now();
    shown = true;
    const text = `cxm: ${label}${total !== undefined ? ` ${grouped(Math.min(count, total))} of ${grouped(total)}` : ''}…`;
    // one line, never wrapped: a wrapped line could not be redrawn in place
    const width = Math.max(10, (stderr.columns ?? 80) - 1);
    stderr.write(`\r${text.length > width ? text.slice(0, width - 1) + '…' : text}\x1b[K`);
  };

  return {
    step(next, stepOptions = {}) {
      label = next;
      total = stepOptions.total;
      count = 0;
      if (shown || stepOptions.large === true || now() - started >= delay) draw();
    },
    tick(done, of) {
      count = done;
      if (of !== undefined) total = of;
      const at = now();
      if (at - drawn >= REDRAW_MS && (shown || at - started >= delay)) draw();
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
