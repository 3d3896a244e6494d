// (1.2, #27) `cxm assess` in a real terminal (tmux) records a piece of evidence and a set of targets: "Add evidence"
// on the first question (kind, place, owner, dates), Ctrl-C at the next question (exit 130, the evidence and the
// answer saved), the printed command resumes, the rest answered, then the targets (one level for every element).
// Waits for screen states with generous deadlines: the machine is shared.
//
// Mutations caught (each checked red once): "Add evidence" missing from the list (the keys land on "Show why this
// question matters"); the targets never asked at the end; the evidence item not saved before the next prompt.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswerSet } from '../../src/load/answers.js';
import type { AnswerSet, Model, Question } from '../../src/domain/types.js';
import { singleLine } from '../../src/text/sanitize.js';
import { builtinModel } from '../session/session-helpers.js';
import { shellQuote, Tmux, TMUX_MISSING, tmuxAvailable } from '../session/tmux.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CXM = `${shellQuote(process.execPath)} ${shellQuote(join(ROOT, 'bin/cxm.js'))}`;
const WAIT = 60_000;

let model: Model;
let dir: string;
let tmux: Tmux | undefined;

beforeAll(async () => {
  model = await builtinModel();
  dir = await mkdtemp(join(tmpdir(), 'cxm-targets-terminal-'));
  if (tmuxAvailable()) tmux = new Tmux(dir);
});
afterAll(async () => {
  tmux?.killServer();
  await rm(dir, { recursive: true, force: true });
});

function promptOf(questions: readonly Question[], i: number): string {
  return `? [${i + 1}/${questions.length}]  ${singleLine(questions[i]!.text).trim().slice(0, 60)}`;
}

/** Down presses from the first row to "Add evidence": the answers, n/a where allowed, "Add a note", then it. */
function downToEvidence(q: Question): string[] {
  const answers = q.type === 'scale' ? q.max - q.min + 1 : q.options.length;
  return Array<string>(answers + (q.notApplicable ? 1 : 0) + 1).fill('Down');
}

async function answersIn(file: string): Promise<AnswerSet> {
  const { answers, findings } = await loadAnswerSet([file], model);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  return answers!;
}

describe('cxm assess in a terminal: evidence and targets', () => {
  it('records a piece of evidence, survives Ctrl-C, resumes, and records the targets at the end', async () => {
    if (!tmux) throw new Error(TMUX_MISSING);
    const element = model.elements[0]!;
    const questions = element.questions;
    const q0 = questions[0]!;
    const cwd = await mkdtemp(join(dir, 'session-'));
    const file = join(cwd, 'answers.yaml');
    const first = tmux.start(cwd, `${CXM} assess --answers answers.yaml --elements ${element.id}`);
    for (const [prompt, text] of [
      ['? Organization being assessed:', 'Acme Ltd'],
      ['? Period (e.g. 2026-Q4):', '2026-Q4'],
      ['? Your name:', 'Alice'],
      ['? Your role (optional):', ''],
    ] as const) {
      await first.waitForLine(prompt, WAIT);
      if (text !== '') first.type(text);
      first.keys('Enter');
    }
    await first.waitForLine('? Your group (optional):', WAIT);
    first.keys('Enter');

    // "Add evidence", below "Add a note"
    await first.waitForLine(promptOf(questions, 0), WAIT);
    first.keys(...downToEvidence(q0), 'Enter');
    await first.waitForLine('? What kind of evidence?', WAIT);
    first.keys('Enter'); // a document, the first row
    await first.waitForLine('? Where to find it (a title, link or place):', WAIT);
    first.type('Experience statement v3, intranet');
    first.keys('Enter');
    await first.waitForLine('? Owner (optional):', WAIT);
    first.type('Head of Service');
    first.keys('Enter');
    await first.waitForLine('? Dated (ISO date, optional):', WAIT);
    first.keys('Enter'); // today, offered as the default
    await first.waitForLine('? Valid until (ISO date, optional):', WAIT);
    first.type('2027-10-31');
    first.keys('Enter');
    await first.waitFor('the question again', (s) => s.includes('Evidence recorded for this question (1 in all).') && s.split('\n').some((l) => l.startsWith(promptOf(questions, 0))), WAIT);
    first.keys('Enter');
    await first.waitForLine(promptOf(questions, 1), WAIT);
    first.keys('C-c');
    expect(await first.waitForExit(WAIT)).toBe(130);
    const stopped = first.screen();
    const hintAt = stopped.split('\n').findIndex((l) => l.startsWith('To resume:'));
    const hint = stopped.split('\n')[hintAt + 1]!.trim();
    expect(hint).toContain(`--elements ${element.id}`);

    let saved = await answersIn(file);
    expect([...saved.respondents[0]!.answers.keys()]).toEqual([q0.id]);
    const item = saved.evidence!.get(q0.id)!;
    expect(item).toHaveLength(1);
    expect(item[0]).toMatchObject({ kind: 'document', ref: 'Experience statement v3, intranet', owner: 'Head of Service', expires: '2027-10-31' });
    expect(item[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(saved.targets).toBeUndefined();

    // resume through the printed command; the rest of the element with Enter (a multi: its first option ticked)
    const second = tmux.start(cwd, hint.replace(/^\S+/, CXM));
    for (let i = 1; i < questions.length; i++) {
      await second.waitForLine(promptOf(questions, i), WAIT);
      if (questions[i]!.type === 'multi') second.keys('Space', 'Enter');
      else second.keys('Enter');
    }
    await second.waitForLine('? Targets: the level each element should reach (optional):', WAIT);
    second.keys('Down', 'Enter'); // one level for every element
    await second.waitForLine('? Level for every element:', WAIT);
    second.keys('Enter'); // Repeatable, offered first
    await second.waitFor('the targets said back', (s) => s.includes('Targets: Repeatable for every element.'), WAIT);
    await second.waitForLine('? Write the Markdown report to answers.md?', WAIT);
    second.type('n');
    second.keys('Enter');
    expect(await second.waitForExit(WAIT)).toBe(0);

    saved = await answersIn(file);
    expect(saved.targets).toEqual({ default: 'repeatable', elements: new Map() });
    expect(saved.evidence!.get(q0.id)).toEqual(item);
    expect(saved.respondents[0]!.answers.size).toBe(questions.length);
  }, 240_000);
});
