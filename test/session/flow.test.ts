// The assessment flow (src/assess/session.ts) through a scripted Prompter: full runs of the built-in
// model, interruption and resume, a second respondent, last period's answers as defaults, element
// filters, n/a, notes, help and skip. Every file the session leaves must load as SPEC 2.3 answers.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serializeAnswers } from '../../src/answers-file/write.js';
import type { AnswersDraft } from '../../src/answers-file/draft.js';
import { isInterruption } from '../../src/assess/prompter.js';
import { COMMON_GROUPS, runSession, type SessionOptions } from '../../src/assess/session.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type ChoiceQuestion, type Model, type MultiQuestion, type Question } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { formatScore } from '../../src/render/number.js';
import { ERASE, INTERRUPT, pick, ScriptedPrompter, typedThenInterrupt, type Answer, type Shown } from './scripted-prompter.js';
import { builtinModel, openStore, questionOf, questionsOf, responder, sampleAnswer, SETUP_LISTS, type RespondentScript } from './session-helpers.js';

let model: Model;
let questions: Question[];
let dir: string;
let file: string;

beforeAll(async () => {
  model = await builtinModel();
  questions = questionsOf(model);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxm-flow-'));
  file = join(dir, 'answers.yaml');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs one session against `file` with a fresh prompter: the queue first, then the responder. */
async function session(
  queue: readonly Answer[],
  script: RespondentScript = {},
  options: SessionOptions = {},
  m: Model = model,
): Promise<{ prompter: ScriptedPrompter; result: Awaited<ReturnType<typeof runSession>> | undefined; error: unknown }> {
  const prompter = new ScriptedPrompter(queue, responder(m, script));
  const store = await openStore(file, m);
  try {
    const result = await runSession(m, store, prompter, { today: '2026-11-22', ...options });
    return { prompter, result, error: undefined };
  } catch (error) {
    return { prompter, result: undefined, error };
  }
}

/** The file as loaded against the model; fails the test on any error finding. */
async function loaded(m: Model = model): Promise<AnswerSet> {
  const { answers, findings } = await loadAnswerSet([file], m);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  return answers!;
}

function entries(set: AnswerSet, name = 'Alice'): [string, AnswerValue][] {
  const respondent = set.respondents.find((r) => r.name === name);
  if (!respondent) throw new Error(`no respondent ${name} in the file`);
  return [...respondent.answers];
}

/** The questions asked, in order (a question asked twice, after its help, appears twice). */
function asked(prompter: ScriptedPrompter, m: Model = model): string[] {
  return prompter.shown.filter((s) => s.kind !== 'input' && s.kind !== 'confirm' && !SETUP_LISTS.includes(s.message)).map((s) => questionOf(m, s.message)?.id ?? `?${s.message}`);
}

function interruptAt(questionId: string, m: Model = model): RespondentScript {
  return { answer: (q) => (q.id === questionId ? INTERRUPT : sampleAnswer(m, q)) };
}

/** A copy of the model with one question changed. */
function withQuestion(m: Model, id: string, change: (q: Question) => Question, version = m.version): Model {
  return {
    ...m,
    version,
    elements: m.elements.map((e) => ({ ...e, questions: e.questions.map((q) => (q.id === id ? change(q) : q)) })),
  };
}

/** The best answer to each question: the highest-scoring option, the top of the scale, every option. */
function highest(q: Question): AnswerValue {
  if (q.type === 'scale') return q.max;
  if (q.type === 'multi') return q.options.map((o) => o.id);
  return [...q.options].sort((a, b) => b.score - a.score)[0]!.id;
}

const EMOJI = /\p{Extended_Pictographic}/u;

describe('a full run of the built-in model', () => {
  it('asks every question once, in order, and leaves a file that validates and scores', async () => {
    const { prompter, result, error } = await session([], { note: (q) => (q === questions[0] ? 'Only the board has seen it' : '') });
    expect(error).toBeUndefined();
    // the first question twice: "Add a note", then the answer
    expect(asked(prompter)).toEqual([questions[0]!.id, ...questions.map((q) => q.id)]);
    expect(result!.answered).toBe(questions.length);
    expect(result!.respondent).toBe('Alice');

    const { answers, findings } = await loadAnswerSet([file], model);
    expect(findings).toEqual([]);
    expect(answers!.organization).toBe('Acme Ltd');
    expect(answers!.period).toBe('2026-Q4');
    expect(answers!.date).toBe('2026-11-22');
    expect(answers!.respondents).toHaveLength(1);
    expect(answers!.respondents[0]!.role).toBe('Head of Service');
    expect(entries(answers!)).toEqual(questions.map((q) => [q.id, sampleAnswer(model, q)]));
    expect([...answers!.respondents[0]!.notes]).toEqual([[questions[0]!.id, 'Only the board has seen it']]);

    // the report the session returns is the report of the file it saved
    const fromFile = scoreAssessment(model, answers!);
    expect(result!.report.elements).toEqual(fromFile.elements);
    expect(result!.report.overall).toEqual(fromFile.overall);
    expect(fromFile.elements.every((e) => e.score !== null && e.answered === e.questions)).toBe(true);
  });

  it('shows progress within each element, each element once with its intro, and its score at the end', async () => {
    const { prompter } = await session([]);
    // an element's score depends on its own questions only: at its end it is the score the whole file gives it
    const report = scoreAssessment(model, await loaded());
    for (const [k, element] of model.elements.entries()) {
      const header = prompter.said.indexOf(`${element.title} (element ${k + 1} of 6)`);
      expect(header).toBeGreaterThanOrEqual(0);
      expect(prompter.said[header + 1]).toBe(element.intro?.trim());
      const scored = report.elements[k]!;
      const level = model.levels.find((l) => l.id === scored.level)!;
      // mutation caught: the line scoring another element
      expect(prompter.said).toContain(`${element.title}: ${formatScore(scored.score)} of 100, ${level.title} (your answers).`);
      for (const [i, q] of element.questions.entries()) {
        expect(prompter.messages()).toContain(`[${i + 1}/${element.questions.length}]  ${q.text.replace(/\s+/g, ' ').trim()}`);
      }
    }
    // calm and professional: no emoji, no control characters
    for (const line of prompter.transcript) {
      expect(line).not.toMatch(EMOJI);
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it('asks the organization, period, name and role once, before the first question', async () => {
    const { prompter } = await session([]);
    expect(prompter.messages('input').slice(0, 4)).toEqual([
      'Organization being assessed:',
      'Period (e.g. 2026-Q4):',
      'Your name:',
      'Your role (optional):',
    ]);
    expect(prompter.shown.slice(0, 4).map((s) => s.kind === 'input' && s.required)).toEqual([true, true, true, false]);
    expect(prompter.shown[4]!.kind).not.toBe('input');
  });

  it('asks again when only spaces were typed where an answer is required, so the file stays valid', async () => {
    // @inquirer/input's `required` refuses only the empty string: spaces get through to the session
    const { prompter, error } = await session(['   ', 'Acme Ltd', ' ', '2026-Q4', '  ', 'Alice', '', pick('No group'), INTERRUPT]);
    expect(isInterruption(error)).toBe(true);
    expect(prompter.messages('input')).toEqual([
      'Organization being assessed:',
      'Organization being assessed:',
      // the period prompt refuses what is not a period and stays open
      'Period (e.g. 2026-Q4):',
      'Your name:',
      'Your name:',
      'Your role (optional):',
    ]);
    const set = await loaded();
    expect([set.organization, set.period, set.respondents.map((r) => r.name)]).toEqual(['Acme Ltd', '2026-Q4', ['Alice']]);
  });

  it('trims what was typed, and keeps a date already in the file', async () => {
    await writeFile(file, 'kind: answers\nmodel: {id: cx-maturity, version: 1.0.0}\ndate: 2026-10-01\nrespondents: []\n');
    await session([], { organization: '  Acme Ltd ', period: ' 2026-Q4 ', name: ' Alice ', role: '   ' });
    const set = await loaded();
    expect(set.organization).toBe('Acme Ltd');
    expect(set.period).toBe('2026-Q4');
    expect(set.date).toBe('2026-10-01');
    expect(set.respondents.map((r) => [r.name, r.role])).toEqual([['Alice', undefined]]);
  });
});

describe('interrupted and resumed', () => {
  // first question, second, last of the first element, first of the second, one in the middle, the last
  it.each([0, 1, 5, 6, 20, -1])('interrupted at question %i (-1: the last): the file holds exactly the answers before it; the next run starts there', async (k) => {
    if (k < 0) k += questions.length;
    const target = questions[k]!;
    const first = await session([], interruptAt(target.id));
    expect(isInterruption(first.error)).toBe(true);
    expect((first.error as Error).name).toBe('ExitPromptError');
    expect(entries(await loaded())).toEqual(questions.slice(0, k).map((q) => [q.id, sampleAnswer(model, q)]));

    const second = await session([], {}, { respondent: 'Alice' });
    expect(second.error).toBeUndefined();
    expect(second.prompter.said).toContain(`Resuming Alice: ${k} of ${questions.length} questions answered.`);
    expect(second.prompter.messages('input')).not.toContain('Organization being assessed:');
    expect(second.prompter.messages('input')).not.toContain('Your role (optional):');
    expect(asked(second.prompter)).toEqual(questions.slice(k).map((q) => q.id));
    expect(entries(await loaded())).toEqual(questions.map((q) => [q.id, sampleAnswer(model, q)]));
  });

  it('interrupted in the note after an answer (--notes): the answer is saved, the next run starts at the next question', async () => {
    // answers question 0, then Ctrl-C in its note prompt
    const first = await session(['Acme Ltd', '2026-Q4', 'Alice', '', pick('No group'), sampleAnswer(model, questions[0]!), INTERRUPT], {}, { notes: true });
    expect(isInterruption(first.error)).toBe(true);
    expect(first.prompter.shown.at(-1)).toMatchObject({ kind: 'input', message: 'Note (optional, Enter to skip):' });
    expect(entries(await loaded())).toEqual([[questions[0]!.id, sampleAnswer(model, questions[0]!)]]);

    const second = await session([], {}, { respondent: 'Alice' });
    expect(second.prompter.said).toContain(`Resuming Alice: 1 of ${questions.length} questions answered.`);
    expect(asked(second.prompter)[0]).toBe(questions[1]!.id);
  });

  it('without --respondent, the name typed again finds the respondent and resumes', async () => {
    await session([], interruptAt(questions[3]!.id));
    const second = await session([]);
    expect(second.prompter.messages('input').slice(0, 1)).toEqual(['Your name:']);
    expect(second.prompter.said).toContain(`Resuming Alice: 3 of ${questions.length} questions answered.`);
    expect(asked(second.prompter)[0]).toBe(questions[3]!.id);
  });

  it('interrupted before anything was typed: no file is written', async () => {
    const first = await session([INTERRUPT]);
    expect(isInterruption(first.error)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('interrupted at the role: the file holds the organization and period; the next run asks name and role again', async () => {
    const first = await session(['Acme Ltd', '2026-Q4', 'Alice', INTERRUPT]);
    expect(isInterruption(first.error)).toBe(true);
    const set = await loaded();
    expect([set.organization, set.period, set.respondents.length]).toEqual(['Acme Ltd', '2026-Q4', 0]);

    const second = await session([]);
    expect(second.prompter.messages('input').slice(0, 2)).toEqual(['Your name:', 'Your role (optional):']);
    expect(second.prompter.said.some((s) => s.startsWith('Resuming'))).toBe(false);
    expect(entries(await loaded())).toHaveLength(questions.length);
  });

  it('a run with nothing left to ask resumes, asks no question, offers to change an answer and returns the report', async () => {
    await session([]);
    const again = await session([], {}, { respondent: 'Alice' });
    expect(again.error).toBeUndefined();
    expect(again.prompter.said).toContain(`Resuming Alice: ${questions.length} of ${questions.length} questions answered.`);
    expect(asked(again.prompter)).toEqual([]);
    expect(again.prompter.messages('select')).toEqual(['Change an answer?']);
    expect(again.result!.answered).toBe(questions.length);
  });
});

describe('a second respondent', () => {
  it('is added to the same file without asking the organization and period again', async () => {
    await session([]);
    const bob = await session([], { name: 'Bob', role: 'Store manager', answer: highest }, { respondent: 'Bob' });
    expect(bob.error).toBeUndefined();
    expect(bob.prompter.messages('input').slice(0, 1)).toEqual(['Your role (optional):']);
    expect(bob.prompter.said.some((s) => s.startsWith('Resuming'))).toBe(false);

    const { answers, findings } = await loadAnswerSet([file], model);
    expect(findings).toEqual([]);
    expect(answers!.respondents.map((r) => [r.name, r.role])).toEqual([
      ['Alice', 'Head of Service'],
      ['Bob', 'Store manager'],
    ]);
    expect(entries(answers!, 'Alice')).toEqual(questions.map((q) => [q.id, sampleAnswer(model, q)]));
    expect(entries(answers!, 'Bob')).toEqual(questions.map((q) => [q.id, highest(q)]));
    const report = scoreAssessment(model, answers!);
    expect(report.respondents.map((r) => r.name)).toEqual(['Alice', 'Bob']);
    for (const e of report.elements) expect(e.byRespondent['Bob']).toBe(100);
    expect(bob.result!.report.respondents).toHaveLength(2);
    // the score at the end of each element is Bob's own, not the team's (mutation caught: scoring every respondent)
    const top = model.levels.at(-1)!.title;
    for (const element of model.elements) expect(bob.prompter.said).toContain(`${element.title}: 100 of 100, ${top} (your answers).`);
  });
});

describe("last period's answers as defaults (--from)", () => {
  const last = (set: Record<string, AnswerValue>, name = 'Alice'): AnswerSet => ({
    model: { id: 'cx-maturity', version: '1.0.0' },
    period: '2026-Q3',
    anonymous: false,
    respondents: [{ name, answers: new Map(Object.entries(set)), notes: new Map(), file: 'last.yaml' }],
    inputs: [],
  });
  const selectOf = (p: ScriptedPrompter, id: string, m: Model = model): Extract<Shown, { kind: 'select' }> =>
    p.shown.find((s): s is Extract<Shown, { kind: 'select' }> => s.kind === 'select' && questionOf(m, s.message)?.id === id)!;
  const checkboxOf = (p: ScriptedPrompter, id: string, m: Model = model): Extract<Shown, { kind: 'checkbox' }> =>
    p.shown.find((s): s is Extract<Shown, { kind: 'checkbox' }> => s.kind === 'checkbox' && questionOf(m, s.message)?.id === id)!;
  // the questions used below, found by kind so that the test follows edits of the built-in model's wording and ids
  const choices = (): ChoiceQuestion[] => questions.filter((q): q is ChoiceQuestion => q.type === 'choice' && !q.notApplicable);
  const firstMulti = (): MultiQuestion => questions.find((q): q is MultiQuestion => q.type === 'multi')!;
  const withNa = (): ChoiceQuestion => questions.find((q): q is ChoiceQuestion => q.type === 'choice' && q.notApplicable)!;
  const opt = (q: ChoiceQuestion | MultiQuestion, i: number): string => q.options[i]!.id;

  it('offers every answer of last period as the default, and says so once', async () => {
    const previous = last(Object.fromEntries(questions.map((q) => [q.id, sampleAnswer(model, q)])));
    const { prompter } = await session([], {}, { previous });
    expect(prompter.said.filter((s) => s.startsWith("Last period's answers"))).toEqual([
      "Last period's answers of Alice are offered as defaults: change only what changed.",
    ]);
    for (const q of questions) {
      if (q.type === 'multi') {
        const ticked = checkboxOf(prompter, q.id).choices.filter((c) => c.checked).map((c) => c.value);
        expect(ticked, q.id).toEqual(sampleAnswer(model, q));
      } else expect(selectOf(prompter, q.id).default, q.id).toBe(sampleAnswer(model, q));
    }
  });

  it("offers last period's organization, and the same person's role, as the defaults", async () => {
    const previous: AnswerSet = { ...last({}), organization: 'Acme Home Services', respondents: [{ ...last({}).respondents[0]!, role: 'Head of Service' }] };
    // Enter on the organization and on the role takes the defaults
    const { prompter } = await session(['', '', 'Alice', '', pick('No group'), INTERRUPT], {}, { previous });
    const inputs = prompter.shown.filter((s): s is Extract<Shown, { kind: 'input' }> => s.kind === 'input');
    expect(inputs.map((s) => [s.message, s.default])).toEqual([
      ['Organization being assessed:', 'Acme Home Services'],
      // the period after last period's 2026-Q3
      ['Period (e.g. 2026-Q4):', '2026-Q4'],
      ['Your name:', undefined],
      ['Your role (optional):', 'Head of Service'],
    ]);
    const saved = await loaded();
    expect([saved.organization, saved.respondents[0]!.role]).toEqual(['Acme Home Services', 'Head of Service']);
    // another person is not offered Alice's role
    await rm(file, { force: true });
    const other = await session(['', '2026-Q4', 'Bob', '', pick('No group'), INTERRUPT], {}, { previous });
    const role = other.prompter.shown.find((s): s is Extract<Shown, { kind: 'input' }> => s.kind === 'input' && s.message.startsWith('Your role'))!;
    expect(role.default).toBeUndefined();
  });

  it('offers no default where last period has none, and a previous n/a where n/a is allowed', async () => {
    const [c0, c1] = choices();
    const previous = last({ [withNa().id]: NOT_APPLICABLE, [c1!.id]: opt(c1!, 1) });
    const { prompter } = await session([], {}, { previous });
    expect(selectOf(prompter, withNa().id).default).toBe(NOT_APPLICABLE);
    expect(selectOf(prompter, c1!.id).default).toBe(opt(c1!, 1));
    expect(selectOf(prompter, c0!.id).default).toBeUndefined();
    expect(checkboxOf(prompter, firstMulti().id).choices.every((c) => !c.checked)).toBe(true);
  });

  it("uses a single previous respondent's answers under another name, but not one of several", async () => {
    const c1 = choices()[1]!;
    const one = await session([], { name: 'Alicia' }, { previous: last({ [c1.id]: opt(c1, 2) }) });
    expect(one.prompter.said).toContain("Last period's answers of Alice are offered as defaults: change only what changed.");
    expect(selectOf(one.prompter, c1.id).default).toBe(opt(c1, 2));

    await rm(file);
    const two: AnswerSet = {
      ...last({ [c1.id]: opt(c1, 2) }),
      respondents: [...last({ [c1.id]: opt(c1, 2) }).respondents, { name: 'Bob', answers: new Map([[c1.id, opt(c1, 2)]]), notes: new Map(), file: 'last.yaml' }],
    };
    const several = await session([], { name: 'Carol' }, { previous: two });
    expect(several.prompter.said.some((s) => s.startsWith("Last period's answers"))).toBe(false);
    expect(selectOf(several.prompter, c1.id).default).toBeUndefined();
  });

  it("follows a question's replaces to last period's old id, and drops a default whose option no longer exists", async () => {
    const [c0, c1, c2] = choices() as [ChoiceQuestion, ChoiceQuestion, ChoiceQuestion];
    const m0 = firstMulti();
    const na = withNa();
    // version 2: c0 got a new id; c1's option 1 was renamed; m0 lost its option 1; na no longer allows n/a
    const renamedId = `${c0.id}-v2`;
    let v2 = withQuestion(model, c0.id, (q) => ({ ...q, id: renamedId, replaces: [c0.id] }), '2.0.0');
    v2 = withQuestion(v2, c1.id, (q) => ({ ...c1, options: c1.options.map((o, i) => (i === 1 ? { ...o, id: `${o.id}-renamed` } : o)), id: q.id }));
    v2 = withQuestion(v2, m0.id, () => ({ ...m0, options: m0.options.filter((_, i) => i !== 1) }));
    v2 = withQuestion(v2, na.id, (q) => ({ ...q, notApplicable: false }));
    // last period's file, recorded against version 1, loaded as cxm assess --from loads it
    const lastFile = join(dir, 'last.yaml');
    const draft: AnswersDraft = {
      // recorded against the model as loaded (version 1 of this test): no version warning
      model: { id: model.id, version: model.version },
      period: '2026-Q3',
      respondents: [
        {
          name: 'Alice',
          answers: new Map<string, AnswerValue>([
            [c0.id, opt(c0, 2)],
            [c1.id, opt(c1, 2)],
            [c2.id, opt(c2, 3)],
            [m0.id, [opt(m0, 0), opt(m0, 1)]],
            [na.id, NOT_APPLICABLE],
          ]),
          notes: new Map(),
        },
      ],
    };
    await writeFile(lastFile, serializeAnswers(draft));
    const previous = await loadAnswerSet([lastFile], model);
    expect(previous.findings).toEqual([]);

    const { prompter, error } = await session([], {}, { previous: previous.answers! }, v2);
    expect(error).toBeUndefined();
    expect(selectOf(prompter, renamedId, v2).default).toBe(opt(c0, 2));
    expect(selectOf(prompter, c1.id, v2).default).toBe(opt(c1, 2));
    expect(selectOf(prompter, c2.id, v2).default).toBe(opt(c2, 3));
    // a multi answer naming an option that no longer exists is dropped as a whole
    expect(checkboxOf(prompter, m0.id, v2).choices.every((c) => !c.checked)).toBe(true);
    expect(selectOf(prompter, na.id, v2).default).toBeUndefined();

    // the answer is saved under the question's new id
    const ids = entries(await loaded(v2)).map(([id]) => id);
    expect(ids).toContain(renamedId);
    expect(ids).not.toContain(c0.id);

    // a default naming a renamed option is dropped too
    const renamed = last({ [c1.id]: opt(c1, 1) });
    await rm(file);
    const again = await session([], {}, { previous: renamed }, v2);
    expect(selectOf(again.prompter, c1.id, v2).default).toBeUndefined();
  });
});

describe('elements', () => {
  it('asks only the chosen elements, numbered among themselves, and counts only their questions', async () => {
    const chosen = ['design', 'culture'];
    const expected = questions.filter((q) => chosen.includes(q.element));
    const first = await session([], interruptAt(expected[2]!.id), { elements: chosen });
    expect(asked(first.prompter)).toEqual(expected.slice(0, 3).map((q) => q.id));
    expect(first.prompter.said).toContain('Design (element 1 of 2)');

    const second = await session([], {}, { elements: chosen, respondent: 'Alice' });
    expect(second.prompter.said).toContain(`Resuming Alice: 2 of ${expected.length} questions answered.`);
    expect(second.prompter.said).toContain('Culture (element 2 of 2)');
    expect(second.result!.answered).toBe(expected.length);
    expect(entries(await loaded()).map(([id]) => id)).toEqual(expected.map((q) => q.id));
    // the other elements are not assessed, and the report says so
    expect(second.result!.report.elements.filter((e) => e.score !== null).map((e) => e.id)).toEqual(chosen);
  });
});

describe('n/a', () => {
  it('is offered only on questions that allow it, and saved as n/a', async () => {
    const { prompter } = await session([], { answer: (q) => (q.notApplicable ? NOT_APPLICABLE : sampleAnswer(model, q)) });
    const offered = prompter.shown
      .filter((s): s is Exclude<Shown, { kind: 'input' | 'confirm' }> => (s.kind === 'select' || s.kind === 'checkbox') && !SETUP_LISTS.includes(s.message))
      .map((s) => [questionOf(model, s.message)!.id, s.choices.some((c) => c.value === NOT_APPLICABLE || c.name === 'Not applicable to us')]);
    expect(offered).toEqual(questions.map((q) => [q.id, q.notApplicable]));
    expect(questions.some((q) => q.notApplicable)).toBe(true);
    const set = await loaded();
    for (const q of questions.filter((q) => q.notApplicable)) expect(set.respondents[0]!.answers.get(q.id)).toBe(NOT_APPLICABLE);
  });

  it('on a multi question that allows it: n/a is a row of its own after the options, chosen with Enter', async () => {
    const multiQ = questions.find((q): q is MultiQuestion => q.type === 'multi')!;
    const m = withQuestion(model, multiQ.id, (q) => ({ ...q, notApplicable: true }));
    const { prompter } = await session([], { answer: (q) => (q.id === multiQ.id ? NOT_APPLICABLE : sampleAnswer(m, q)) }, {}, m);
    const box = prompter.shown.find((s) => s.kind === 'checkbox' && s.message.endsWith(singleLineText(m, multiQ.id)));
    expect(box && box.kind === 'checkbox' && box.choices[multiQ.options.length]).toEqual({ value: NOT_APPLICABLE, name: 'Not applicable to us', checked: false, action: true });
    expect((await loaded(m)).respondents[0]!.answers.get(multiQ.id)).toBe(NOT_APPLICABLE);
  });

  it('a multi question answered with nothing ticked asks "none of these?" and, confirmed, saves an empty list', async () => {
    const multis = questions.filter((q) => q.type === 'multi');
    const { prompter } = await session([], { answer: (q) => (q.type === 'multi' ? [] : sampleAnswer(model, q)) });
    // mutation caught: recording [] without asking leaves no confirm
    expect(prompter.messages('confirm').filter((m) => m.startsWith('Nothing ticked'))).toHaveLength(multis.length);
    const set = await loaded();
    for (const q of multis) expect(set.respondents[0]!.answers.get(q.id)).toEqual([]);
    expect(await readFile(file, 'utf8')).toContain(`${multis[0]!.id}: []`);
  });

  it('a multi question offers help, a note and skip as rows below the options, like the other questions', async () => {
    const multiQ = questions.find((q): q is MultiQuestion => q.type === 'multi')!;
    const { prompter } = await session([]);
    const box = prompter.shown.find((s) => s.kind === 'checkbox' && questionOf(model, s.message)?.id === multiQ.id);
    if (box?.kind !== 'checkbox') throw new Error('no checkbox');
    const actions = box.choices.filter((c) => c.action).map((c) => c.name);
    expect(actions).toEqual([...(multiQ.notApplicable ? ['Not applicable to us'] : []), 'Add a note', 'Add evidence', ...(multiQ.help !== undefined || multiQ.check !== undefined ? ['Show why this question matters'] : []), 'Skip for now']);
  });
});

function singleLineText(m: Model, id: string): string {
  return questionsOf(m).find((q) => q.id === id)!.text.replace(/\s+/g, ' ').trim();
}

describe('notes', () => {
  it('are asked for with "Add a note", saved trimmed; an empty note saves nothing', async () => {
    const [withNote, blank] = [questions.find((q) => q.type === 'multi')!, questions.find((q) => q.type === 'scale')!];
    const { prompter } = await session([], { note: (q) => (q === withNote ? '  NPS only for the web shop  ' : q === blank ? '   ' : '') });
    expect(prompter.messages('input').filter((m) => m.startsWith('Note'))).toHaveLength(2);
    const set = await loaded();
    expect([...set.respondents[0]!.notes]).toEqual([[withNote.id, 'NPS only for the web shop']]);
  });

  it('a full assessment without notes takes one prompt per question, plus the setup prompts', async () => {
    const { prompter } = await session([]);
    // setup: organization, period, name, role, group; then one list per question; (1.2) the targets, once, at the end
    // mutation caught: a note prompt after every answer doubles the count
    expect(prompter.shown).toHaveLength(questions.length + 6);
    expect(prompter.messages('input')).toEqual(['Organization being assessed:', 'Period (e.g. 2026-Q4):', 'Your name:', 'Your role (optional):']);
  });

  it('with --notes, a note is asked after every answer', async () => {
    const { prompter } = await session([], {}, { notes: true });
    expect(prompter.messages('input').filter((m) => m.startsWith('Note'))).toHaveLength(questions.length);
    expect(prompter.shown.filter((s) => s.kind === 'select' && s.choices.some((c) => c.name === 'Add a note'))).toEqual([]);
  });

  it('Ctrl-C while typing a note keeps what was typed, and the next run shows it', async () => {
    const q0 = questions[0]!;
    // trap 6 — mutation caught: without onDraft saved on interruption, the typed note is lost
    const first = await session(['Acme Ltd', '2026-Q4', 'Alice', '', pick('No group'), pick('Add a note'), typedThenInterrupt('  ask finance about the budget')]);
    expect(isInterruption(first.error)).toBe(true);
    expect([...(await loaded()).respondents[0]!.notes]).toEqual([[q0.id, 'ask finance about the budget']]);
    const second = await session([pick('Edit the note'), '', sampleAnswer(model, q0), INTERRUPT], {}, { respondent: 'Alice' });
    const note = second.prompter.shown.find((s) => s.kind === 'input');
    expect(note).toMatchObject({ message: 'Note (optional, Enter to skip):', default: 'ask finance about the budget' });
    expect([...(await loaded()).respondents[0]!.notes]).toEqual([[q0.id, 'ask finance about the budget']]);
  });

  it('a note left on an unanswered question is offered for editing, and removed when emptied', async () => {
    const [q0, q1] = [questions[0]!, questions[1]!];
    await writeFile(
      file,
      serializeAnswers({
        model: { id: 'cx-maturity', version: '1.0.0' },
        organization: 'Acme Ltd',
        period: '2026-Q4',
        respondents: [{ name: 'Alice', answers: new Map(), notes: new Map([[q0.id, 'ask finance'], [q1.id, 'check with HR']]) }],
      }),
    );
    const answers = [sampleAnswer(model, q0), sampleAnswer(model, q1)] as Answer[];
    const { prompter } = await session([pick('Edit the note'), ERASE, answers[0]!, pick('Edit the note'), 'HR confirmed', answers[1]!, INTERRUPT], {}, { respondent: 'Alice' });
    const notes = prompter.shown.filter((s) => s.kind === 'input');
    expect(notes.map((s) => s.kind === 'input' && s.default)).toEqual(['ask finance', 'check with HR']);
    const set = await loaded();
    expect([...set.respondents[0]!.notes]).toEqual([[q1.id, 'HR confirmed']]);
    expect(entries(set)).toEqual([
      [q0.id, answers[0]],
      [q1.id, answers[1]],
    ]);
  });

  it('a respondent with no notes left has no notes key in the file', async () => {
    const q0 = questions[0]!;
    await writeFile(
      file,
      serializeAnswers({
        model: { id: 'cx-maturity', version: '1.0.0' },
        organization: 'Acme Ltd',
        period: '2026-Q4',
        respondents: [{ name: 'Alice', answers: new Map(), notes: new Map([[q0.id, 'ask finance']]) }],
      }),
    );
    await session([pick('Edit the note'), '  ', sampleAnswer(model, q0), INTERRUPT], {}, { respondent: 'Alice' });
    expect(await readFile(file, 'utf8')).not.toMatch(/notes/);
  });
});

describe('help and skip', () => {
  it('"Show why this question matters" prints the help and asks the same question again', async () => {
    const q0 = questions[0]!;
    const { prompter } = await session(['Acme Ltd', '2026-Q4', 'Alice', '', pick('No group'), pick('Show why this question matters'), sampleAnswer(model, q0), INTERRUPT]);
    expect(asked(prompter)).toEqual([q0.id, q0.id, questions[1]!.id]);
    // the first question's prompt: [1/N], N the number of questions of its element (5 in model 1.2.0, 6 before)
    const first = prompter.transcript.findIndex((l) => l.startsWith(`? [1/${model.elements[0]!.questions.length}]`));
    expect(prompter.transcript[first + 1]).toBe(`  ${q0.help!.trim()}`);
    // (1.2) then what to check before answering; mutation caught: the question's `check:` not shown in the interview
    expect(prompter.transcript[first + 2]).toBe(`  To check: ${q0.check!.trim()}`);
    expect(prompter.transcript[first + 3]).toBe(prompter.transcript[first]);
    expect(entries(await loaded())).toEqual([[q0.id, sampleAnswer(model, q0)]]);
  });

  it('every select question with help offers it, and every select offers to skip', async () => {
    const { prompter } = await session([]);
    for (const s of prompter.shown) {
      if (s.kind !== 'select' || SETUP_LISTS.includes(s.message)) continue;
      const q = questionOf(model, s.message)!;
      const names = s.choices.map((c) => c.name);
      expect(names.includes('Show why this question matters'), q.id).toBe(q.help !== undefined || q.check !== undefined);
      expect(names.at(-1)).toBe('Skip for now');
    }
  });

  it('"Skip for now" leaves the question unanswered, asks no note, and the next run asks only it', async () => {
    const skipped = questions[7]!;
    expect(skipped.type).not.toBe('multi');
    const first = await session([], { answer: (q) => (q.id === skipped.id ? pick('Skip for now') : sampleAnswer(model, q)) });
    expect(first.result!.answered).toBe(questions.length - 1);
    const noteAfter = first.prompter.shown.findIndex((s) => s.kind !== 'input' && questionOf(model, s.message)?.id === skipped.id);
    expect(first.prompter.shown[noteAfter + 1]!.kind).not.toBe('input');
    const set = await loaded();
    expect(set.respondents[0]!.answers.has(skipped.id)).toBe(false);
    expect(set.respondents[0]!.answers.size).toBe(questions.length - 1);

    const second = await session([], {}, { respondent: 'Alice' });
    expect(second.prompter.said).toContain(`Resuming Alice: ${questions.length - 1} of ${questions.length} questions answered.`);
    expect(asked(second.prompter)).toEqual([skipped.id]);
    expect((await loaded()).respondents[0]!.answers.size).toBe(questions.length);
  });
});

describe('periods (trap 3)', () => {
  it('refuses a period that is not one of the forms, saying the rewrite, and keeps the prompt open', async () => {
    const { prompter } = await session(['Acme Ltd', 'Q1 2027', 'spring', '2027-Q1', 'Alice', '', pick('No group'), INTERRUPT]);
    const period = prompter.shown.find((s) => s.kind === 'input' && s.message.startsWith('Period'));
    // mutation caught: without periodCheck, "Q1 2027" is saved as the period and compare sorts it as text
    expect(period).toMatchObject({ rejected: ['"Q1 2027" is not a period cxm can order: write 2027-Q1', expect.stringContaining('"spring" is not a period')] });
    expect(prompter.messages('input').filter((m) => m.startsWith('Period'))).toHaveLength(1);
    expect((await loaded()).period).toBe('2027-Q1');
  });

  it("with last period's answers, offers the next period and refuses the same one", async () => {
    const previous: AnswerSet = { model: { id: model.id, version: model.version }, period: '2026-Q4', anonymous: false, respondents: [], inputs: [] };
    const { prompter } = await session(['Acme Ltd', '2026-Q4', '', 'Alice', '', pick('No group'), INTERRUPT], {}, { previous });
    const period = prompter.shown.find((s) => s.kind === 'input' && s.message.startsWith('Period'));
    expect(period).toMatchObject({ default: '2027-Q1', rejected: [expect.stringContaining("2026-Q4 is the period of last period's answers")] });
    expect((await loaded()).period).toBe('2027-Q1');
  });
});

describe('names (trap 5)', () => {
  it('the same name in another Unicode form (decomposed, as macOS types it) resumes the same respondent', async () => {
    const composed = 'Zoë Ångström';
    await session([], { ...interruptAt(questions[2]!.id), name: composed });
    // mutation caught: comparing names byte for byte starts a second respondent
    const again = await session([], {}, { respondent: composed.normalize('NFD') });
    expect(again.prompter.said).toContain(`Resuming ${composed}: 2 of ${questions.length} questions answered.`);
    expect((await loaded()).respondents.map((r) => r.name)).toEqual([composed]);
  });

  it('a name that differs only by case asks whether it is the same person', async () => {
    await session([], { ...interruptAt(questions[2]!.id), name: 'Zoë Ångström' });
    const yes = await session([true, INTERRUPT], {}, { respondent: 'zoë ångström' });
    expect(yes.prompter.messages('confirm')).toEqual(['"Zoë Ångström" has answered in this file already: is that you?']);
    expect(yes.prompter.said).toContain(`Resuming Zoë Ångström: 2 of ${questions.length} questions answered.`);
    const no = await session([false, '', pick('No group'), INTERRUPT], {}, { respondent: 'zoë ångström' });
    expect(no.prompter.said.some((s) => s.startsWith('Resuming'))).toBe(false);
    expect((await loaded()).respondents.map((r) => r.name)).toEqual(['Zoë Ångström', 'zoë ångström']);
  });

  it('a second respondent is told which organization and period they are joining', async () => {
    await session([]);
    const bob = await session([], { name: 'Bob' }, { respondent: 'Bob' });
    expect(bob.prompter.said).toContain('You are joining the assessment of Acme Ltd for 2026-Q4 (1 person has answered in this file).');
  });

  it('a respondent who has finished can change an answer from the list of answers', async () => {
    const q = questions.find((x): x is ChoiceQuestion => x.type === 'choice')!;
    await session([]);
    const before = sampleAnswer(model, q);
    const other = q.options.find((o) => o.id !== before)!.id;
    const element = model.elements.find((e) => e.id === q.element)!;
    const again = await session([pick(`${element.title} ${element.questions.indexOf(q) + 1}: `), other, pick('Done')], {}, { respondent: 'Alice' });
    expect(again.error).toBeUndefined();
    const menu = again.prompter.shown.find((s) => s.kind === 'select' && s.message === 'Change an answer?');
    expect(menu?.kind === 'select' && menu.choices.length).toBe(questions.length + 1);
    expect((await loaded()).respondents[0]!.answers.get(q.id)).toBe(other);
  });
});

describe('skipped questions (point 9)', () => {
  it('come back at the end of the session; the result says how many are still open', async () => {
    const [a, b] = questions.filter((q) => q.type !== 'multi');
    const skip = (q: Question) => (q.id === a!.id || q.id === b!.id ? pick('Skip for now') : sampleAnswer(model, q));
    let asks = 0;
    const first = await session([], { answer: (q) => (q.id === a!.id || q.id === b!.id ? (asks++ < 2 ? pick('Skip for now') : sampleAnswer(model, q)) : sampleAnswer(model, q)), answerSkipped: true });
    // mutation caught: without the closing offer, the two questions stay open and are never asked again
    expect(first.prompter.messages('confirm')).toContain('2 questions skipped: answer them now?');
    expect(asked(first.prompter).slice(-2)).toEqual([a!.id, b!.id]);
    expect(first.result!.open).toBe(0);

    await rm(file);
    const declined = await session([], { answer: skip, answerSkipped: false });
    expect(declined.result!.open).toBe(2);
    expect(declined.result!.answered).toBe(questions.length - 2);
  });
});

describe('groups', () => {
  it('offers the groups of the model when it declares some, and writes the id', async () => {
    const m: Model = { ...model, groups: [{ id: 'leadership', title: 'Leadership' }, { id: 'front-line', title: 'Front line' }] };
    const { prompter } = await session([], { group: 'Front line' }, {}, m);
    const shown = prompter.shown.find((s) => s.kind === 'select' && s.message === 'Your group (optional):');
    expect(shown?.kind === 'select' && shown.choices.map((c) => c.name)).toEqual(['No group (skip)', 'Leadership', 'Front line']);
    expect((await loaded(m)).respondents[0]!.group).toBe('front-line');
    expect(await readFile(file, 'utf8')).toContain('    group: front-line\n');
  });

  it('without model groups, offers those of the file, the common ones and a new name; skipping writes none', async () => {
    await session(['Acme Ltd', '2026-Q4', 'Alice', '', pick('Another group'), 'Night shift', INTERRUPT]);
    expect((await loaded()).respondents[0]!.group).toBe('Night shift');
    const bob = await session(['', pick('No group'), INTERRUPT], {}, { respondent: 'Bob' });
    const shown = bob.prompter.shown.find((s) => s.kind === 'select' && s.message === 'Your group (optional):');
    expect(shown?.kind === 'select' && shown.choices.map((c) => c.name)).toEqual(['No group (skip)', 'Night shift', ...COMMON_GROUPS, 'Another group…']);
    expect((await loaded()).respondents.map((r) => r.group)).toEqual(['Night shift', undefined]);
  });
});
