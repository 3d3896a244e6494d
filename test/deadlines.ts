// How long the tests wait, in one place. The suite must hold on a busy machine: CI runners are shared, and here
// `npm test` runs on 2 cores beside other work (it is checked with eight CPU-bound processes running beside it,
// when a process gets a tenth of a core and starting Node takes seconds). So a test never sleeps a fixed time
// and never asserts how long something took by the wall clock: it waits for a state (a prompt on the screen, a
// line on a pipe, a file, an exit) up to a deadline far beyond what the state takes on an idle machine, and
// bounds work by the CPU time it uses, which other processes do not inflate. A deadline costs nothing when
// things go well: it only decides how long a broken test takes to say so.

/** A state a process reaches within a second or two on an idle machine: a prompt, an exit, a line of output. */
export const WAIT_MS = 60_000;

/**
 * A test that starts real processes (a terminal session of many prompts, Chromium, kills and restarts) or runs
 * many in-process cases: vitest's timeout for every test (vitest.config.ts), several WAIT_MS at worst.
 */
export const TEST_TIMEOUT_MS = 300_000;

/** Resolves as `promise` does, or fails after `ms` with what was awaited (a hang, not a slow machine). */
export async function within<T>(promise: Promise<T>, what: string, ms: number = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms / 1000} s for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** CPU time (user + system, ms) this process spends while `work` runs: what a complexity bound should measure. */
export async function cpuTime<T>(work: () => T | Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}
