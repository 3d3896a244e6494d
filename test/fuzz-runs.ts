// How many cases a property test tries: its own number scaled by CXM_FUZZ_SCALE (default 0.25, so that
// `npm test` stays within a minute on 2 cores; CI runs every property test at full strength with 1). The
// seed is fixed (test/setup.ts) and a failure prints the seed and the path to repeat it; never fewer than 10.
const scale = Number(process.env['CXM_FUZZ_SCALE'] ?? 0.25);

export function runs(numRuns: number): number {
  return repeats(numRuns, 10);
}

/** The same scaling for costlier repetitions (a process started and killed at a random moment): never fewer than `least`. */
export function repeats(count: number, least: number): number {
  return Math.max(least, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
