// (1.2, #27) The interview's evidence and targets, through the prompt seam: "Add evidence" beside "Add a note",
// saved as soon as it says where to find it (Ctrl-C keeps it); targets asked once per assessment, at the end,
// prefilled from --from; and what the file already records of both kept when the interview rewrites it.
//
// Mutations caught (each checked red once): the evidence item saved only once complete (Ctrl-C at its owner loses
// it); targets asked again of a second respondent (no `targets: {}` for "none"); --from's targets not offered;
// an element's "No target" written as a level; the file's evidence dropped when a new respondent is added.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSession, type SessionOptions } from '../../src/assess/session.js';
import { EVIDENCE_REF_PROMPT, TARGETS_PROMPT } from '../../src/assess/targets-evidence.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import type { AnswerSet, Model, Question } from '../../src/domain/types.js';
import { INTERRUPT, pick, ScriptedPrompter, type Answer } from '../session/scripted-prompter.js';
import { builtinModel, openStore, questionsOf, responder, type RespondentScript } from '../session/session-helpers.js';

let model: Model;
let questions: Question[];
let dir: string;
let file: string;

beforeAll(async () => {
  model = await builtinModel();
  questions = questionsOf(model);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxm-targets-'));
  file = join(dir, 'answers.yaml');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function session(queue: readonly Answer[], script: RespondentScript = {}, options: SessionOptions = {}): Promise<{ prompter: ScriptedPrompter; error: unknown }> {
  const prompter = new ScriptedPrompter(queue, responder(model, script));
  const store = await openStore(file, model);
  try {
    await runSession(model, store, prompter, { today: '2026-11-22', ...options });
    return { prompter, error: undefined };
  } catch (error) {
    return { prompter, error };
  }
}

async function loaded(path = file): Promise<AnswerSet> {
  const { answers, findings } = await loadAnswerSet([path], model);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  return answers!;
}

const SETUP = ['Acme Ltd', '2026-Q4', 'Alice', '', pick('No group')];

describe('Add evidence', () => {
  it('is offered beside "Add a note", records kind, place, owner and dates for the assessment, and counts them', async () => {
    const q0 = questions[0]!;
    const { prompter, error } = await session([
      ...SETUP,
      pick('Add evidence'),
      pick('A document'),
      'Experience statement v3, intranet',
      'Head of Service',
      '', // Enter keeps today's date, offered as the default
      '2027-10-31',
    ]);
    expect(error).toBeUndefined();
    const first = prompter.shown.find((s) => s.kind === 'select' && s.message.includes(q0.text.slice(0, 30)));
    expect(first?.kind === 'select' && first.choices.map((c) => c.name)).toEqual(expect.arrayContaining(['Add a note', 'Add evidence']));
    // the question is asked again, the row now counting what was recorded
    const again = prompter.shown.filter((s) => s.kind === 'select' && s.message.includes(q0.text.slice(0, 30)));
    expect(again[1]?.kind === 'select' && again[1].choices.some((c) => c.name === 'Add evidence (1 recorded)')).toBe(true);
    const set = await loaded();
    expect([...set.evidence!]).toEqual([[q0.id, [{ kind: 'document', ref: 'Experience statement v3, intranet', owner: 'Head of Service', date: '2026-11-22', expires: '2027-10-31' }]]]);
  });

  it('refuses a date that does not exist, and keeps the item saved when Ctrl-C comes at its owner', async () => {
    const { prompter, error } = await session([...SETUP, pick('Add evidence'), pick('An observation'), 'Walked the returns desk', INTERRUPT]);
    expect(error).toMatchObject({ name: 'ExitPromptError' });
    expect(prompter.messages('input')).toContain(EVIDENCE_REF_PROMPT);
    const set = await loaded();
    expect([...set.evidence!.values()]).toEqual([[{ kind: 'observation', ref: 'Walked the returns desk' }]]);
    // an impossible date is refused at the prompt
    const second = await session([pick('Add evidence'), pick('A metric'), 'Repeat-contact rate, Q4 dashboard', '', '2026-02-30', '2026-11-20', '', INTERRUPT], {}, { respondent: 'Alice' });
    expect(second.prompter.shown.find((s) => s.kind === 'input' && s.message.startsWith('Dated'))).toMatchObject({ rejected: ['"2026-02-30" is not a date: write it as 2026-11-22, or leave it empty'] });
    expect((await loaded()).evidence!.get(questions[0]!.id)).toHaveLength(2);
  });
});

describe('targets', () => {
  it('are asked once per assessment, at the end; "No targets for now" is recorded, so the next respondent is not asked', async () => {
    const alice = await session([]);
    expect(alice.error).toBeUndefined();
    const selects = alice.prompter.messages('select');
    expect(selects.filter((m) => m === TARGETS_PROMPT)).toHaveLength(1);
    // after every question
    expect(selects.at(-1)).toBe(TARGETS_PROMPT);
    expect((await loaded()).targets).toEqual({ elements: new Map() });
    expect(await readFile(file, 'utf8')).toMatch(/\ntargets: \{\}\n/);
    const bob = await session([], { name: 'Bob' });
    expect(bob.error).toBeUndefined();
    expect(bob.prompter.messages('select')).not.toContain(TARGETS_PROMPT);
  });

  it('element by element: "No target" leaves an element out', async () => {
    const levels = model.elements.map((_, i) => (i === 4 ? 'systematic' : i === 1 ? undefined : 'repeatable'));
    const script = responder(model, { targets: 'Element by element' });
    let k = 0;
    const prompter = new ScriptedPrompter([], (shown) => {
      if (shown.kind === 'select' && shown.message.startsWith('Target for ')) {
        const level = levels[k++];
        return level === undefined ? pick('No target') : level;
      }
      return script(shown);
    });
    await runSession(model, await openStore(file, model), prompter, { today: '2026-11-22' });
    expect(k).toBe(model.elements.length);
    const set = await loaded();
    expect(set.targets?.default).toBeUndefined();
    expect([...set.targets!.elements]).toEqual(model.elements.flatMap((e, i) => (levels[i] === undefined ? [] : [[e.id, levels[i]]])));
    expect(await readFile(file, 'utf8')).toMatch(/\ntargets:\n {2}strategy: repeatable\n/);
  });

  it("offer last period's targets (--from) first, and keep the file's evidence when a respondent is added", async () => {
    const last = join(dir, 'last.yaml');
    await writeFile(last, 'kind: answers\nmodel: { id: cx-maturity, version: ' + model.version + ' }\norganization: Acme Ltd\nperiod: 2026-Q3\ntargets: { default: repeatable, governance: systematic }\nrespondents: []\n');
    const previous = await loaded(last);
    const { prompter, error } = await session([], { targets: "Last period's" }, { previous });
    expect(error).toBeUndefined();
    const shown = prompter.shown.find((s) => s.kind === 'select' && s.message === TARGETS_PROMPT);
    expect(shown?.kind === 'select' && shown.choices[0]!.name).toBe("Last period's: Repeatable for every element; Governance: Systematic");
    expect(shown?.kind === 'select' && shown.default).toBe(shown?.kind === 'select' ? shown.choices[0]!.value : undefined);
    const set = await loaded();
    expect(set.targets).toEqual({ default: 'repeatable', elements: new Map([['governance', 'systematic']]) });

    // evidence written by hand in the file survives the next respondent's session
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}evidence:\n  ${questions[1]!.id}:\n    - { kind: metric, ref: "NPS dashboard", expires: 2027-01-31 }\n`);
    expect((await session([], { name: 'Bob' })).error).toBeUndefined();
    expect([...(await loaded()).evidence!]).toEqual([[questions[1]!.id, [{ kind: 'metric', ref: 'NPS dashboard', expires: '2027-01-31' }]]]);
    expect((await loaded()).respondents.map((r) => r.name)).toEqual(['Alice', 'Bob']);
  });
});

