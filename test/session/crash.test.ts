// SIGKILL at random moments of a real session (crash-child.js runs dist/ with a scripted prompter).
// What is asserted after each kill:
//   - no save was acknowledged → the answers file may be missing; if it exists, it is valid;
//   - otherwise the file exists, is byte for byte the last acknowledged save or the one in flight
//     (never half of one), loads as SPEC 2.3 answers without errors, and holds every answer and note
//     acknowledged as saved;
//   - a temp file left by the kill is hidden (.answers.yaml.<pid>.<hex>.tmp), at most one, and never
//     the only copy of an acknowledged save (the real file is checked above); the next run resumes.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSession } from '../../src/assess/session.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import type { Model } from '../../src/domain/types.js';
import { runUntilFrozen } from '../crash/freeze.js';
import { repeats } from '../fuzz-runs.js';
import { ScriptedPrompter } from './scripted-prompter.js';
import { builtinModel, openStore, questionsOf, responder } from './session-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.js', import.meta.url));
const RESPONDENTS = 2;
// random kills: 6 at full strength (CI), 3 in `npm test` (test/fuzz-runs.ts); the frozen kill below is always made
const KILLS = repeats(6, 3);
/** Kills while node starts, before any save is likely; the rest are spread over the session. */
const EARLY = Math.max(1, Math.round(KILLS / 3));

/**
 * When a run is killed: a random time after it starts (while Node starts: any outcome is right), or as it
 * reports its n-th save starting or done. The second is a point in the session, not a time, so that the kills
 * land inside sessions however fast the machine runs them (a busy machine runs a session ten times slower than
 * an idle one, and a delay measured on one run misses the next); the signal still arrives a random moment later.
 */
type Kill = { readonly fromStart: number } | { readonly at: 'saving' | 'saved'; readonly save: number };

interface Snapshot {
  name: string;
  answers: Record<string, unknown>;
  notes: Record<string, string>;
}
interface Run {
  /** Complete lines the child wrote before it died. */
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the child; kills it as `kill` says. */
function runChild(file: string, seed: number, kill?: Kill): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, String(seed), String(RESPONDENTS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    if (kill !== undefined && 'fromStart' in kill) timer = setTimeout(() => child.kill('SIGKILL'), kill.fromStart);
    const onSave = kill !== undefined && 'at' in kill ? kill : undefined;
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // every line follows "ready\n", so each save's line starts after a line break
      if (onSave !== undefined && !killed && out.split(`\n${onSave.at} `).length - 1 >= onSave.save) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // a line cut short by the kill was not written: only whole lines count
      const lines = out.split('\n').slice(0, -1);
      resolve({ lines, signal, code, stderr });
    });
  });
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

let model: Model;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/assess/session.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  model = await builtinModel();
  dir = await mkdtemp(join(tmpdir(), 'cxm-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the file must be after the child stopped, whenever it stopped. */
interface AfterStop {
  acknowledged: number;
  /** What the file held: nothing yet, the last acknowledged save, or the save in flight when the kill came. */
  file: 'missing' | 'last save' | 'save in flight';
  tempLeft: boolean;
}

async function checkAfterStop(file: string, run: Run, context: string): Promise<AfterStop> {
  const saving = run.lines.filter((l) => l.startsWith('saving ')).map((l) => l.split(' ')[1]!);
  const saved = run.lines.filter((l) => l.startsWith('saved ')).map((l) => {
    const [, hash, json] = /^saved (\S+) (.*)$/.exec(l)!;
    return { hash: hash!, snapshot: JSON.parse(json!) as Snapshot[] };
  });
  const last = saved.at(-1);

  const names = await readdir(dirname(file));
  const base = basename(file);
  const temps = names.filter((n) => n !== base);
  // saves never overlap, so a kill leaves at most one temp file, hidden and not named like data
  expect(temps.length, `${context}: ${names.join(', ')}`).toBeLessThanOrEqual(1);
  for (const t of temps) expect(t, context).toMatch(new RegExp(`^\\.${base.replace(/\./g, '\\.')}\\.\\d+\\.[0-9a-f]+\\.tmp$`));

  if (!existsSync(file)) {
    expect(last, `${context}: a save was acknowledged, yet there is no file`).toBeUndefined();
    return { acknowledged: 0, file: 'missing', tempLeft: temps.length > 0 };
  }
  const text = await readFile(file, 'utf8');
  // the last acknowledged save, or the one that was being written when the kill came: whole, never half
  const inFlight = saving.slice(saved.length);
  expect([...(last ? [last.hash] : []), ...inFlight], `${context}: the file is not a save that was made`).toContain(sha(text));

  const { answers, findings } = await loadAnswerSet([file], model);
  expect(findings.filter((f) => f.severity === 'error'), `${context}:\n${text}`).toEqual([]);
  expect(answers, context).toBeDefined();
  for (const r of last?.snapshot ?? []) {
    const inFile = answers!.respondents.find((x) => x.name === r.name);
    expect(inFile, `${context}: respondent ${r.name}`).toBeDefined();
    for (const [id, value] of Object.entries(r.answers)) expect(inFile!.answers.get(id), `${context}: ${r.name} ${id}`).toEqual(value);
    for (const [id, note] of Object.entries(r.notes)) expect(inFile!.notes.get(id), `${context}: note ${r.name} ${id}`).toBe(note);
  }
  return { acknowledged: saved.length, file: last && sha(text) === last.hash ? 'last save' : 'save in flight', tempLeft: temps.length > 0 };
}

describe('SIGKILL during cxm assess', () => {
  it('a run that is not killed ends with every respondent complete and a valid file', async () => {
    const file = join(await mkdtemp(join(dir, 'full-')), 'answers.yaml');
    const run = await runChild(file, 1);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines.at(-1)).toBe('done');
    await checkAfterStop(file, run, 'full run');
    const { answers, findings } = await loadAnswerSet([file], model);
    expect(findings).toEqual([]);
    expect(answers!.respondents.map((r) => r.answers.size)).toEqual(Array(RESPONDENTS).fill(questionsOf(model).length));
  });

  it(`leaves a valid file holding every acknowledged answer, killed at ${KILLS} random moments`, async () => {
    const report: string[] = [];
    let mid = 0;
    for (let k = 0; k < KILLS; k++) {
      const target = join(await mkdtemp(join(dir, 'run-')), 'answers.yaml');
      // after the start: spread over the first 60% of a session's saves (one per question, per respondent), each
      // at a random save of its slice, as the save starts or once it is acknowledged
      const saves = questionsOf(model).length * RESPONDENTS;
      const kill: Kill =
        k < EARLY
          ? { fromStart: Math.round(Math.random() * 150) }
          : { at: Math.random() < 0.5 ? 'saving' : 'saved', save: 1 + Math.floor(saves * 0.6 * ((k - EARLY + Math.random()) / (KILLS - EARLY))) };
      const seed = 1000 + k;
      const run = await runChild(target, seed, kill);
      const context = `kill ${k} (seed ${seed}, ${'fromStart' in kill ? `from start +${kill.fromStart} ms` : `at ${kill.at} ${kill.save}`})`;
      if (run.signal !== 'SIGKILL') expect(run.code, `${context}: ${run.stderr}`).toBe(0);
      const after = await checkAfterStop(target, run, context);
      if (run.signal === 'SIGKILL' && after.acknowledged > 0) mid++;
      report.push(`${context}: ${run.signal ?? 'finished'}, ${after.acknowledged} saves acknowledged, file: ${after.file}${after.tempLeft ? ', temp file left' : ''}`);

      // the next run resumes from what the kill left
      if (existsSync(target)) {
        const store = await openStore(target, model);
        const last = store.draft.respondents.at(-1);
        if (last) {
          const prompter = new ScriptedPrompter([], responder(model));
          const result = await runSession(model, store, prompter, { respondent: last.name });
          expect(result.answered, context).toBe(questionsOf(model).length);
        }
      }
    }
    // the random delays must have landed inside sessions, not all before or after them
    expect(mid, report.join('\n')).toBeGreaterThanOrEqual(KILLS / 3);
    if (process.env['CXM_CRASH_REPORT']) console.log(report.join('\n'));
  });
});

// The worst moment, made certain rather than hoped for: the child is frozen half-way through writing the
// sixth save (freeze-on-write.mjs) and killed there. Mutation caught: writeFileAtomic replaced by a plain
// writeFile leaves half a save in answers.yaml, which is neither the last acknowledged save nor a whole
// one, so checkAfterStop fails (seen red on 2026-11-30); the random kills above rarely land in that window.
describe('SIGKILL half-way through a save', () => {
  it('leaves the last acknowledged save, whole', async () => {
    const target = join(await mkdtemp(join(dir, 'frozen-')), 'answers.yaml');
    const frozen = await runUntilFrozen(CHILD, [target, '7', String(RESPONDENTS)], dirname(target), ROOT, 5);
    expect(frozen.frozenAt, `the child never froze: ${frozen.stderr}`).toBeDefined();
    const run: Run = { lines: frozen.stdout.split('\n').slice(0, -1), signal: 'SIGKILL', code: null, stderr: frozen.stderr };
    const after = await checkAfterStop(target, run, 'frozen in the sixth save');
    expect(after).toMatchObject({ acknowledged: 5, file: 'last save', tempLeft: true });
  });
});
