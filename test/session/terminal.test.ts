// `cxm assess` end to end in a real terminal (tmux): typed answers, Enter, digits and arrow keys, a note
// on request, a period rewritten, a skipped question answered at the end, Ctrl-C (exit 130) and SIGTERM
// (exit 143) with the resume hint (with --from, naming the program as run), resuming where it stopped under
// the same name in another Unicode form; an unwritable answers path; and the refusal to run without a
// terminal (exit 2). Without tmux these tests fail: CI installs it.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAnswers } from '../../src/answers-file/write.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type ChoiceQuestion, type Model, type Question } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { singleLine } from '../../src/text/sanitize.js';
import { cxmProcess, ended, spawnCxm } from '../report/cxm.js';
import { within } from '../deadlines.js';
import { builtinModel, questionsOf } from './session-helpers.js';
import { shellQuote, Tmux, TMUX_MISSING, tmuxAvailable } from './tmux.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/cxm.js');
const CXM = `${shellQuote(process.execPath)} ${shellQuote(BIN)}`;

let model: Model;
let questions: Question[];
let dir: string;
let tmux: Tmux | undefined;

beforeAll(async () => {
  model = await builtinModel();
  questions = questionsOf(model);
  dir = await mkdtemp(join(tmpdir(), 'cxm-terminal-'));
  if (tmuxAvailable()) tmux = new Tmux(dir);
});
afterAll(async () => {
  tmux?.killServer();
  await rm(dir, { recursive: true, force: true });
});

function requireTmux(): Tmux {
  if (!tmux) throw new Error(TMUX_MISSING);
  return tmux;
}

/** The start of question i's prompt line as the terminal shows it, "? [k/n]  text…": long texts are wrapped after it. */
function promptOf(i: number): string {
  const q = questions[i]!;
  const element = model.elements.find((e) => e.id === q.element)!;
  return `? [${element.questions.indexOf(q) + 1}/${element.questions.length}]  ${singleLine(q.text).trim().slice(0, 60)}`;
}

function choiceAt(i: number): ChoiceQuestion {
  const q = questions[i]!;
  if (q.type !== 'choice') throw new Error(`the test expects question ${i} (${q.id}) to be a choice question`);
  return q;
}

async function answersIn(file: string): Promise<AnswerSet> {
  const { answers, findings } = await loadAnswerSet([file], model);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  return answers!;
}

/** The resume command the screen shows, on the line after "To resume:". */
function resumeHint(screen: string): string {
  const lines = screen.split('\n');
  const at = lines.findIndex((l) => l.startsWith('To resume:'));
  if (at < 0) throw new Error(`no resume hint on the screen:\n${screen}`);
  return lines[at + 1]!.trim();
}

/** Rows below the answers of a list: n/a where allowed, "Add a note", (1.2) "Add evidence", the help where there is one, "Skip for now". */
function rowsAfterAnswers(q: Question): string[] {
  return [...(q.notApplicable ? ['n/a'] : []), 'note', 'evidence', ...(q.help ? ['help'] : []), 'skip'];
}

function answerCount(q: Question): number {
  return q.type === 'scale' ? q.max - q.min + 1 : q.options.length;
}

/** Down presses from the first row to one of the rows after the answers. */
function downTo(q: Question, row: string): string[] {
  return Array<string>(answerCount(q) + rowsAfterAnswers(q).indexOf(row)).fill('Down');
}

describe.concurrent('cxm assess in a terminal', () => {
  it('answers with the keyboard, stops on Ctrl-C with everything saved (130), names the program as run, and resumes under the same name in another Unicode form', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'ctrl-c-'));
    const [q0, q1, q2] = [choiceAt(0), choiceAt(1), choiceAt(2)];
    const file = join(cwd, 'answers.yaml');

    // run as bin/cxm.js from the package directory, with no cxm on the PATH
    const first = t.start(ROOT, `PATH=/usr/bin:/bin ${shellQuote(process.execPath)} bin/cxm.js assess --answers ${shellQuote(file)}`);
    for (const [prompt, text] of [
      ['? Organization being assessed:', 'Acme Ltd'],
      ['? Period (e.g. 2026-Q4):', '2026-Q4'],
      ['? Your name:', 'Zoë Ångström'],
      ['? Your role (optional):', 'Head of Service'],
    ] as const) {
      await first.waitForLine(prompt);
      first.type(text);
      first.keys('Enter');
    }
    await first.waitForLine('? Your group (optional):');
    first.keys('Down', 'Down', 'Enter');

    // question 1: "Add a note", the note, then Down once, Enter
    let screen = await first.waitForLine(promptOf(0));
    expect(screen).toContain(`answers are saved to ${file} after every question`);
    expect(screen).toContain(`${model.elements[0]!.title} (element 1 of ${model.elements.length})`);
    expect(screen).toContain('Skip for now');
    first.keys(...downTo(q0, 'note'), 'Enter');
    await first.waitForLine('? Note (optional, Enter to skip):');
    first.type('Only the board has seen it');
    first.keys('Enter');
    await first.waitFor('the question again', (s) => s.split('\n').filter((l) => l.startsWith(promptOf(0))).length === 1 && s.includes('(note)'));
    first.keys('Down', 'Enter');
    // question 2: Enter picks the highlighted (first) option; question 3: its number
    await first.waitForLine(promptOf(1));
    first.keys('Enter');
    await first.waitForLine(promptOf(2));
    first.type('3');
    first.keys('Enter');
    // trap 6: Ctrl-C while typing a note keeps the note
    await first.waitForLine(promptOf(3));
    first.keys(...downTo(questions[3]!, 'note'), 'Enter');
    await first.waitForLine('? Note (optional, Enter to skip):');
    first.type('ask finance');
    await first.waitFor('the note typed', (s) => s.includes('? Note (optional, Enter to skip): ask finance'));
    first.keys('C-c');

    expect(await first.waitForExit()).toBe(130);
    screen = first.screen();
    expect(screen).toContain(`Stopped. Every answer given so far is saved in ${file}.`);
    // point 11: the program as it was run, on a line of its own
    expect(resumeHint(screen)).toBe(`bin/cxm.js assess --answers ${file} --respondent 'Zoë Ångström'`);
    expect(screen).not.toMatch(/\bat .*\.js:\d+/); // no stack trace

    const saved = await answersIn(file);
    expect([saved.organization, saved.period]).toEqual(['Acme Ltd', '2026-Q4']);
    expect(saved.respondents.map((r) => [r.name, r.role, r.group])).toEqual([['Zoë Ångström', 'Head of Service', 'Front line']]);
    expect([...saved.respondents[0]!.answers]).toEqual([
      [q0.id, q0.options[1]!.id],
      [q1.id, q1.options[0]!.id],
      [q2.id, q2.options[2]!.id],
    ]);
    expect([...saved.respondents[0]!.notes]).toEqual([
      [q0.id, 'Only the board has seen it'],
      [questions[3]!.id, 'ask finance'],
    ]);

    // point 5: the name as macOS types it (decomposed) is the same person
    const second = t.start(cwd, `${CXM} assess --answers answers.yaml --respondent ${shellQuote('Zoë Ångström'.normalize('NFD'))}`);
    screen = await second.waitForLine(promptOf(3));
    expect(screen).toContain(`Resuming Zoë Ångström: 3 of ${questions.length} questions answered.`);
    expect(screen).not.toContain('Organization being assessed');
    second.keys('C-c');
    expect(await second.waitForExit()).toBe(130);
    expect((await answersIn(file)).respondents).toHaveLength(1);
  });

  it('Ctrl-C before the first answer says that nothing was written; an answers path that cannot be written stops before the first question', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'nothing-'));
    const run = t.start(cwd, `${CXM} assess --answers answers.yaml`);
    await run.waitForLine('? Organization being assessed:');
    run.keys('C-c');
    expect(await run.waitForExit()).toBe(130);
    let screen = run.screen();
    expect(screen).toContain('Stopped before anything was answered; no file was written.');
    expect(screen).not.toContain('is saved in');
    expect(existsSync(join(cwd, 'answers.yaml'))).toBe(false);

    // trap 4: a path whose parent is a regular file (unwritable even for root)
    await writeFile(join(cwd, 'a-file'), '');
    const blocked = t.start(cwd, `${CXM} assess --answers a-file/answers.yaml`);
    expect(await blocked.waitForExit()).toBe(2);
    screen = blocked.screen();
    // mutation caught: without the check before the first question, the organization is asked first
    expect(screen).not.toContain('Organization being assessed');
    expect(screen).toContain('cannot save answers in a-file: a part of the path is not a directory');
    expect(screen).not.toContain('ENOTDIR');
  });

  it('completes a full assessment of the built-in model with the keyboard, one prompt per question: digits on scales, a period rewritten, a skipped question answered at the end', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'full-'));
    const session = t.start(cwd, `${CXM} assess --answers answers.yaml`);
    await session.waitForLine('? Organization being assessed:');
    session.type('Acme Ltd');
    session.keys('Enter');
    // point 3: a first-release period label is refused with its rewrite
    await session.waitForLine('? Period (e.g. 2026-Q4):');
    session.type('Q4 2026');
    session.keys('Enter');
    await session.waitFor('the rewrite', (s) => s.includes('"Q4 2026" is not a period cxm can order: write 2026-Q4'));
    session.keys('C-u');
    session.type('2026-Q4');
    session.keys('Enter');
    for (const [prompt, text] of [
      ['? Your name:', 'Alice'],
      ['? Your role (optional):', 'Head of Service'],
    ] as const) {
      await session.waitForLine(prompt);
      session.type(text);
      session.keys('Enter');
    }
    await session.waitForLine('? Your group (optional):');
    session.keys('Enter');

    const expected = new Map<string, AnswerValue>();
    let helped = false;
    const skipped = questions.findIndex((q) => q.type === 'choice' && q.help);
    /** Answers question i with keys; returns the answer the keys give. */
    const answer = async (i: number): Promise<void> => {
      const q = questions[i]!;
      if (q.type === 'multi') {
        // tick the first and the third option
        session.keys('Space', 'Down', 'Down', 'Space', 'Enter');
        expected.set(q.id, [q.options[0]!.id, q.options[2]!.id]);
      } else if (q.type === 'scale') {
        // point 2: the value typed is the value recorded, two digits included
        const value = q.max >= 10 ? q.max : q.min + (i % (q.max - q.min + 1));
        session.type(String(value));
        session.keys('Enter');
        expected.set(q.id, value);
      } else if (q.notApplicable) {
        session.keys(...downTo(q, 'n/a'), 'Enter');
        expected.set(q.id, NOT_APPLICABLE);
      } else {
        const k = i % q.options.length;
        session.keys(...Array<string>(k).fill('Down'), 'Enter');
        expected.set(q.id, q.options[k]!.id);
      }
    };
    for (const [i, q] of questions.entries()) {
      await session.waitForLine(promptOf(i));
      if (i === skipped) {
        session.keys(...downTo(q, 'skip'), 'Enter');
        continue;
      }
      if (!helped && q.help && q.type !== 'multi') {
        // once: "Show why this question matters", then the same question again
        session.keys(...downTo(q, 'help'), 'Enter');
        const shown = await session.waitFor('the help', (s) => s.includes(singleLine(q.help!).trim().slice(0, 60)));
        expect(shown).toContain('(why it matters)');
        await session.waitFor('the question again', (s) => s.split('\n').filter((l) => l.startsWith(promptOf(i))).length === 1 && s.includes('(why it matters)'));
        helped = true;
      }
      await answer(i);
    }
    // point 9: the skipped question comes back at the end
    await session.waitForLine('? 1 question skipped: answer it now?');
    session.keys('Enter');
    await session.waitFor('the skipped question again', (s) => s.split('\n').some((l) => l.startsWith(promptOf(skipped))));
    await answer(skipped);
    // (1.2) the targets, once per assessment: Enter takes "No targets for now"
    await session.waitForLine('? Targets: the level each element should reach (optional):');
    session.keys('Enter');
    await session.waitForLine('? Write the Markdown report to answers.md?');
    session.type('y');
    session.keys('Enter');
    expect(await session.waitForExit(), session.screen()).toBe(0);
    const screen = session.screen();
    if (process.env['CXM_SCREEN_DUMP']) await writeFile(process.env['CXM_SCREEN_DUMP'], screen);
    expect(screen).toContain('Answers saved to answers.yaml.');
    expect(screen).not.toContain('still open');
    expect(screen).toContain('Report written to answers.md.');
    for (const e of model.elements) expect(screen).toMatch(new RegExp(`^${e.title}: [\\d.]+ of 100, `, 'm'));
    expect(screen).toMatch(/^Overall /m);
    // ✔ and ❯ are text symbols; nothing that renders as a coloured emoji
    expect(screen).not.toMatch(/\p{Emoji_Presentation}|\uFE0F/u);
    // point 7: one prompt per question plus the setup (organization, period, name, role, group) and the report offer;
    // the help shown once and the skipped question asked again are the only others
    // mutation caught: a note prompt after every answer doubles the count
    const answered = screen.split('\n').filter((l) => l.startsWith('✔ ')).length;
    expect(answered).toBe(questions.length + 5 + 1 + 1 /* help */ + 2 /* skipped, then the offer */ + 1 /* (1.2) targets */);

    const saved = await answersIn(join(cwd, 'answers.yaml'));
    expect(new Map(saved.respondents[0]!.answers)).toEqual(expected);
    const markdown = await readFile(join(cwd, 'answers.md'), 'utf8');
    const report = scoreAssessment(model, saved);
    expect(markdown).toContain('Acme Ltd');
    for (const e of report.elements) expect(markdown).toContain(e.title);
    // the report is the one `cxm report` makes of the saved file, the answers file's SHA-256 included
    const { stdout } = await cxmProcess(['report', 'answers.yaml'], { cwd });
    expect(markdown).toBe(stdout);
    expect(markdown).toContain(`\`answers.yaml\` ${createHash('sha256').update(await readFile(join(cwd, 'answers.yaml'))).digest('hex')}`);
  });

  it("resumes a session started with --from with last period's answers still offered (trap 1), through the printed command", async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'from-'));
    // cxm on the PATH is this package's bin/cxm.js: the hint names it cxm
    await mkdir(join(cwd, 'path'));
    await symlink(BIN, join(cwd, 'path', 'cxm'));
    const path = `PATH=${shellQuote(`${join(cwd, 'path')}:${dirname(process.execPath)}:/usr/bin:/bin`)}`;
    const previous = new Map<string, AnswerValue>(questions.map((q) => [q.id, highest(q)]));
    await writeFile(
      join(cwd, '2026-Q4.yaml'),
      serializeAnswers({ model: { id: model.id, version: model.version }, organization: 'Acme Ltd', period: '2026-Q4', respondents: [{ name: 'Bob', answers: previous, notes: new Map() }] }),
    );
    const first = t.start(cwd, `${path} cxm assess --from 2026-Q4.yaml --answers 2027-Q1.yaml --respondent Bob`);
    await first.waitForLine('? Organization being assessed:');
    first.keys('Enter');
    // the next period is offered; Enter takes it
    await first.waitFor('the next period offered', (s) => s.split('\n').some((l) => l.startsWith('? Period (e.g. 2026-Q4):') && l.includes('2027-Q1')));
    first.keys('Enter');
    await first.waitForLine('? Your role (optional):');
    first.keys('Enter');
    await first.waitForLine('? Your group (optional):');
    first.keys('Enter');
    await first.waitForLine(promptOf(0));
    first.keys('Enter');
    await first.waitForLine(promptOf(1));
    first.keys('C-c');
    expect(await first.waitForExit()).toBe(130);
    const hint = resumeHint(first.screen());
    // mutation caught: a hint without --from resumes with the first option highlighted, and Enter records the lowest
    expect(hint).toBe('cxm assess --answers 2027-Q1.yaml --respondent Bob --from 2026-Q4.yaml');

    const second = t.start(cwd, `${path} ${hint}`);
    await second.waitForLine(promptOf(1));
    second.keys('Enter');
    await second.waitForLine(promptOf(2));
    second.keys('C-c');
    expect(await second.waitForExit()).toBe(130);
    const saved = await answersIn(join(cwd, '2027-Q1.yaml'));
    expect(saved.period).toBe('2027-Q1');
    expect([...saved.respondents[0]!.answers]).toEqual(questions.slice(0, 2).map((q) => [q.id, previous.get(q.id)]));
  });

  it('stops on SIGTERM (143) and on a SIGINT signal (130) with everything saved, and says how to resume', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'sigterm-'));
    const q0 = choiceAt(0);
    await writeFile(
      join(cwd, 'answers.yaml'),
      serializeAnswers({ model: { id: model.id, version: model.version }, organization: 'Acme Ltd', period: '2026-Q4', respondents: [] }),
    );
    const session = t.start(cwd, `${CXM} assess --answers answers.yaml --respondent Bob`);
    await session.waitForLine('? Your role (optional):');
    session.keys('Enter');
    await session.waitForLine('? Your group (optional):');
    session.keys('Enter');
    await session.waitForLine(promptOf(0));
    session.keys('Down', 'Down', 'Down', 'Enter');
    await session.waitForLine(promptOf(1));

    process.kill(session.commandPid(/cxm\.js assess/), 'SIGTERM');
    expect(await session.waitForExit()).toBe(143);
    const screen = session.screen();
    expect(screen).toContain('Stopped. Every answer given so far is saved in answers.yaml.');
    expect(resumeHint(screen)).toMatch(/cxm(\.js)? assess --answers answers\.yaml --respondent Bob$/);
    const saved = await answersIn(join(cwd, 'answers.yaml'));
    expect(saved.respondents.map((r) => [r.name, [...r.answers]])).toEqual([['Bob', [[q0.id, q0.options[3]!.id]]]]);

    // SIGINT as a signal (Ctrl-C that lands between two prompts, or kill -INT) stops the same way, with 130
    const again = t.start(cwd, `${CXM} assess --answers answers.yaml --respondent Bob`);
    await again.waitForLine(promptOf(1));
    process.kill(again.commandPid(/cxm\.js assess/), 'SIGINT');
    expect(await again.waitForExit()).toBe(130);
    expect(resumeHint(again.screen())).toMatch(/assess --answers answers\.yaml --respondent Bob$/);
  });
});

/** The best answer to each question: the highest-scoring option, the top of the scale, every option. */
function highest(q: Question): AnswerValue {
  if (q.type === 'scale') return q.max;
  if (q.type === 'multi') return q.options.map((o) => o.id);
  return [...q.options].sort((a, b) => b.score - a.score)[0]!.id;
}

describe('cxm assess without a terminal', () => {
  it('exits 2 at once, pointing to cxm report, and writes nothing', async () => {
    const cwd = await mkdtemp(join(dir, 'no-tty-'));
    // stdin is a pipe that stays open and gets nothing: the command must end without reading it ("at once" is
    // that state, not a time: a command that waits for input never ends, and fails here at the deadline)
    // mutation caught: prompting without a terminal (the prompt waits on the open pipe)
    const child = spawnCxm(['assess', '--answers', 'answers.yaml'], { cwd });
    const run = await within(ended(child), 'cxm assess to end without a terminal, its input open and empty (it waits for input)').finally(() => child.kill('SIGKILL'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not one/);
    expect(run.stderr).toContain('cxm report');
    expect(existsSync(join(cwd, 'answers.yaml'))).toBe(false);
  });
});
