// `cxm assess` end to end in a real terminal (tmux): typed answers, Enter and arrow keys, a note,
// Ctrl-C (exit 130) and SIGTERM (exit 143) with the resume hint, resuming where it stopped; and the
// refusal to run without a terminal (exit 2). Without tmux these tests fail: CI installs it.

import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAnswers } from '../../src/assess/answers-file.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type ChoiceQuestion, type Model, type Question } from '../../src/model/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { singleLine } from '../../src/render/sanitize.js';
import { builtinModel, questionsOf } from './session-helpers.js';
import { shellQuote, Tmux, TMUX_MISSING, tmuxAvailable } from './tmux.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/cxm.js');
const execFileAsync = promisify(execFile);
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

describe('cxm assess in a terminal', () => {
  it('answers with the keyboard, stops on Ctrl-C with everything saved (130), and resumes at the next question', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'ctrl-c-'));
    const [q0, q1, q2] = [choiceAt(0), choiceAt(1), choiceAt(2)];

    const first = t.start(cwd, `${CXM} assess --answers answers.yaml`);
    await first.waitForLine('? Organization being assessed:');
    first.type('Acme Ltd');
    first.keys('Enter');
    await first.waitForLine('? Period (e.g. 2026-Q4):');
    first.type('2026-Q4');
    first.keys('Enter');
    await first.waitForLine('? Your name:');
    first.type('Alice Example');
    first.keys('Enter');
    await first.waitForLine('? Your role (optional):');
    first.type('Head of Service');
    first.keys('Enter');

    // question 1: Down once, Enter; then a note
    let screen = await first.waitForLine(promptOf(0));
    expect(screen).toContain('answers are saved to answers.yaml after every question');
    expect(screen).toContain(`${model.elements[0]!.title} (element 1 of ${model.elements.length})`);
    expect(screen).toContain('Skip for now');
    first.keys('Down', 'Enter');
    await first.waitForLine('? Note (optional, Enter to skip):');
    first.type('Only the board has seen it');
    first.keys('Enter');
    // question 2: Enter picks the highlighted (first) option; no note
    await first.waitForLine(promptOf(1));
    first.keys('Enter');
    await first.waitForLine('? Note (optional, Enter to skip):');
    first.keys('Enter');
    // question 3: Down twice
    await first.waitForLine(promptOf(2));
    first.keys('Down', 'Down', 'Enter');
    await first.waitForLine('? Note (optional, Enter to skip):');
    first.keys('Enter');
    await first.waitForLine(promptOf(3));
    first.keys('C-c');

    expect(await first.waitForExit()).toBe(130);
    screen = first.screen();
    expect(screen).toContain('Stopped. Every answer given so far is saved in answers.yaml.');
    expect(screen).toContain("To resume: cxm assess --answers answers.yaml --respondent 'Alice Example'");
    expect(screen).not.toMatch(/\bat .*\.js:\d+/); // no stack trace

    const saved = await answersIn(join(cwd, 'answers.yaml'));
    expect([saved.organization, saved.period]).toEqual(['Acme Ltd', '2026-Q4']);
    expect(saved.respondents.map((r) => [r.name, r.role])).toEqual([['Alice Example', 'Head of Service']]);
    expect([...saved.respondents[0]!.answers]).toEqual([
      [q0.id, q0.options[1]!.id],
      [q1.id, q1.options[0]!.id],
      [q2.id, q2.options[2]!.id],
    ]);
    expect([...saved.respondents[0]!.notes]).toEqual([[q0.id, 'Only the board has seen it']]);

    const second = t.start(cwd, `${CXM} assess --answers answers.yaml --respondent 'Alice Example'`);
    screen = await second.waitForLine(promptOf(3));
    expect(screen).toContain(`Resuming Alice Example: 3 of ${questions.length} questions answered.`);
    expect(screen).not.toContain('Organization being assessed');
    second.keys('C-c');
    expect(await second.waitForExit()).toBe(130);
    expect(second.screen()).toContain("To resume: cxm assess --answers answers.yaml --respondent 'Alice Example'");
    expect([...(await answersIn(join(cwd, 'answers.yaml'))).respondents[0]!.answers]).toHaveLength(3);
  });

  it('Ctrl-C before the first answer says that nothing was written, and writes nothing', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'nothing-'));
    const run = t.start(cwd, `${CXM} assess --answers answers.yaml`);
    await run.waitForLine('? Organization being assessed:');
    run.keys('C-c');
    expect(await run.waitForExit()).toBe(130);
    const screen = run.screen();
    expect(screen).toContain('Stopped before anything was answered; no file was written.');
    expect(screen).not.toContain('is saved in');
    expect(existsSync(join(cwd, 'answers.yaml'))).toBe(false);
  });

  it('completes a full assessment of the built-in model with the keyboard alone, ending with the Markdown report', async () => {
    const t = requireTmux();
    const cwd = await mkdtemp(join(dir, 'full-'));
    const session = t.start(cwd, `${CXM} assess --answers answers.yaml`);
    for (const [prompt, text] of [
      ['? Organization being assessed:', 'Acme Ltd'],
      ['? Period (e.g. 2026-Q4):', '2026-Q4'],
      ['? Your name:', 'Alice'],
      ['? Your role (optional):', 'Head of Service'],
    ] as const) {
      await session.waitForLine(prompt);
      session.type(text);
      session.keys('Enter');
    }
    const expected: [string, AnswerValue][] = [];
    const notes: [string, string][] = [];
    let helped = false;
    for (const [i, q] of questions.entries()) {
      await session.waitForLine(promptOf(i));
      if (q.type === 'multi') {
        // tick the first and the third option
        session.keys('Space', 'Down', 'Down', 'Space', 'Enter');
        expected.push([q.id, [q.options[0]!.id, q.options[2]!.id]]);
      } else {
        const count = q.type === 'scale' ? q.max - q.min + 1 : q.options.length;
        if (!helped && q.help) {
          // once: "Show why this question matters" (after the answers and n/a), then the same question again
          session.keys(...Array<string>(count + (q.notApplicable ? 1 : 0)).fill('Down'), 'Enter');
          const shown = await session.waitFor('the help', (s) => s.includes(singleLine(q.help!).trim().slice(0, 60)));
          expect(shown).toContain('(why it matters)');
          expect(shown).not.toMatch(/^ {4}Show why/m); // the answered line, not the choice
          await session.waitForLine(promptOf(i));
          helped = true;
        }
        const k = q.notApplicable ? count : i % count;
        session.keys(...Array<string>(k).fill('Down'), 'Enter');
        expected.push([q.id, q.notApplicable ? NOT_APPLICABLE : q.type === 'scale' ? q.min + k : q.options[k]!.id]);
      }
      await session.waitForLine('? Note (optional, Enter to skip):');
      if (i % 10 === 3) {
        session.type(`Note on question ${i + 1}: "quoted", #hash`);
        notes.push([q.id, `Note on question ${i + 1}: "quoted", #hash`]);
      }
      session.keys('Enter');
    }
    let screen = await session.waitForLine('? Write the Markdown report to answers.md?');
    session.type('y');
    session.keys('Enter');
    expect(await session.waitForExit(), session.screen()).toBe(0);
    screen = session.screen();
    if (process.env['CXM_SCREEN_DUMP']) await writeFile(process.env['CXM_SCREEN_DUMP'], screen);
    expect(screen).toContain('Answers saved to answers.yaml.');
    expect(screen).toContain('Report written to answers.md.');
    for (const e of model.elements) expect(screen).toMatch(new RegExp(`^${e.title}: [\\d.]+ of 100, `, 'm'));
    expect(screen).toMatch(/^Overall /m);
    // ✔ and ❯ are text symbols (inquirer's); nothing that renders as a coloured emoji
    expect(screen).not.toMatch(/\p{Emoji_Presentation}|\uFE0F/u);

    const saved = await answersIn(join(cwd, 'answers.yaml'));
    expect([...saved.respondents[0]!.answers]).toEqual(expected);
    expect([...saved.respondents[0]!.notes]).toEqual(notes);
    const markdown = await readFile(join(cwd, 'answers.md'), 'utf8');
    if (process.env['CXM_SCREEN_DUMP']) await writeFile(`${process.env['CXM_SCREEN_DUMP']}.md`, markdown);
    const report = scoreAssessment(model, saved);
    expect(markdown).toContain('Acme Ltd');
    for (const e of report.elements) expect(markdown).toContain(e.title);
    expect(markdown).toContain(model.levels.find((l) => l.id === report.overall.level)!.title);
    // the report is the one `cxm report` makes of the saved file, the answers file's SHA-256 included
    const { stdout } = await execFileAsync(process.execPath, [BIN, 'report', 'answers.yaml'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    expect(markdown).toBe(stdout);
    expect(markdown).toContain(`\`answers.yaml\` ${createHash('sha256').update(await readFile(join(cwd, 'answers.yaml'))).digest('hex')}`);
  }, 60_000); // about 80 prompts: a few seconds, more on a loaded CI machine

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
    await session.waitForLine(promptOf(0));
    session.keys('Down', 'Down', 'Down', 'Enter');
    await session.waitForLine('? Note (optional, Enter to skip):');

    process.kill(session.commandPid(/cxm\.js assess/), 'SIGTERM');
    expect(await session.waitForExit()).toBe(143);
    const screen = session.screen();
    expect(screen).toContain('Stopped. Every answer given so far is saved in answers.yaml.');
    expect(screen).toContain('To resume: cxm assess --answers answers.yaml --respondent Bob');
    const saved = await answersIn(join(cwd, 'answers.yaml'));
    expect(saved.respondents.map((r) => [r.name, [...r.answers]])).toEqual([['Bob', [[q0.id, q0.options[3]!.id]]]]);

    // SIGINT as a signal (Ctrl-C that lands between two prompts, or kill -INT) stops the same way, with 130
    const again = t.start(cwd, `${CXM} assess --answers answers.yaml --respondent Bob`);
    await again.waitForLine(promptOf(1));
    process.kill(again.commandPid(/cxm\.js assess/), 'SIGINT');
    expect(await again.waitForExit()).toBe(130);
    expect(again.screen()).toContain('To resume: cxm assess --answers answers.yaml --respondent Bob');
  });
});

describe('cxm assess without a terminal', () => {
  it('exits 2 at once, pointing to cxm report, and writes nothing', async () => {
    const cwd = await mkdtemp(join(dir, 'no-tty-'));
    const started = performance.now();
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'assess', '--answers', 'answers.yaml'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      // stdin stays open: the command must not wait for it
    });
    expect(run.code).toBe(2);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not one/);
    expect(run.stderr).toContain('cxm report');
    expect(existsSync(join(cwd, 'answers.yaml'))).toBe(false);
  });
});
