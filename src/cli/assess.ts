// cxm assess: the interactive questionnaire. Needs a terminal; saves after every answer; Ctrl-C
// (exit 130) and SIGTERM (exit 143) leave every answer saved and say how to resume.

import { existsSync, realpathSync } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { AnswerSet, Model } from '../domain/types.js';
import { loadAnswerSet } from '../load/answers.js';
import { draftAsAnswerSet, readAnswersDraft } from '../answers-file/read.js';
import { AnswerStore } from '../answers-file/store.js';
import type { AnswersDraft } from '../answers-file/draft.js';
import { inquirerPrompter, isInterruption } from '../assess/prompter.js';
import { runSession } from '../assess/session.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { acquireLock, lockPathOf } from '../io/file-lock.js';
import { renderMarkdown } from '../render/markdown.js';
import { singleLine } from '../text/sanitize.js';
import { renderSummary } from '../render/terminal.js';
import { buildReport } from '../score/build-report.js';
import { reportFindings, resolveModel } from './assessment.js';
import { EXIT, UsageError, unicodeAllowed, type Context } from './context.js';
import { ioReason, ioRemedy } from './output.js';

export interface AssessFlags {
  readonly model?: string;
  readonly answers: string;
  readonly respondent?: string;
  readonly from?: string;
  readonly elements?: string;
  readonly notes?: boolean;
  readonly review?: boolean;
}

/** Characters a terminal acts on (escape sequences, line breaks): quoted as $'\xHH' so that the command shows as text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!CONTROL.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  // bash's ANSI-C quoting: the same bytes when run, nothing the terminal would act on when shown
  return `$'${[...arg].map((c) => (c === "'" || c === '\\' ? `\\${c}` : CONTROL.test(c) ? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : c)).join('')}'`;
}

/**
 * The program as the person can run it again: `cxm` when the `cxm` on the PATH is this very script, else
 * the script's path (relative to the working directory when it is inside it), e.g. `bin/cxm.js`.
 */
export function programName(script: string | undefined, path: string | undefined, cwd: string): string {
  if (!script) return 'cxm';
  const real = (file: string): string | undefined => {
    try {
      return realpathSync(file);
    } catch {
      return undefined;
    }
  };
  const self = real(script);
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir && self !== undefined && real(join(dir, 'cxm')) === self) return 'cxm';
  }
  const rel = relative(cwd, script);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : script;
  return shown.includes('/') ? shown : `./${shown}`;
}

/** The command that resumes this session: the same answers file, model, respondent, elements, --from and --notes. */
export function resumeCommand(program: string, flags: AssessFlags, respondent: string | undefined): string {
  const args = [program, 'assess', '--answers', flags.answers];
  if (flags.model) args.push('--model', flags.model);
  if (respondent) args.push('--respondent', respondent);
  if (flags.elements) args.push('--elements', flags.elements);
  // without --from, a resumed session would offer the first option instead of last period's answer
  if (flags.from) args.push('--from', flags.from);
  if (flags.notes) args.push('--notes');
  return args.map(shellQuote).join(' ');
}

/** Why the answers file cannot be saved, in words, or undefined when it can: checked before the first question. */
async function cannotSave(file: string): Promise<string | undefined> {
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) return `${file} is a directory: name a file with --answers, e.g. --answers ${join(file, 'answers.yaml')}`;
  if (existing && !existing.isFile()) return undefined;
  // the answers are saved through a temporary file beside the target: try that once
  const dir = dirname(resolve(file));
  const probe = join(dir, `.${basename(file)}.${process.pid}.check.tmp`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await unlink(probe);
    return undefined;
  } catch (error) {
    const remedy = ioRemedy(error);
    return `cannot save answers in ${dirname(file)}: ${ioReason(error)}${remedy ? `; ${remedy}, or pass --answers with another path` : ''}. Nothing was asked and nothing was written`;
  }
}

export async function runAssess(context: Context, flags: AssessFlags): Promise<number> {
  if (context.stdin.isTTY !== true || context.stdout.isTTY !== true) {
    context.stderr.write(
      'cxm: assess asks questions in a terminal, and this is not one (input or output is redirected).\n' +
        'Run it in a terminal, or write an answers file by hand and score it with: cxm report ANSWERS.yaml\n',
    );
    return EXIT.usage;
  }
  const model = await resolveModel(context, flags.model, undefined, { briefWarnings: true });
  if (!model.ok) return model.exitCode;
  const program = programName(context.script, context.env['PATH'], context.cwd);

  const wanted = flags.elements?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (wanted) {
    const ids = model.value.elements.map((e) => e.id);
    const unknown = wanted.filter((id) => !ids.includes(id));
    if (unknown.length > 0) throw new UsageError(`unknown element${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --elements: use ${ids.join(', ')}`);
  }

  const unsaveable = await cannotSave(flags.answers);
  if (unsaveable) throw new UsageError(unsaveable);
  // one interview at a time on a file: a second one's saves would erase the first one's answers, and the other way round
  const lock = acquireLock(flags.answers);
  if ('heldBy' in lock) {
    const who = lock.heldBy.pid > 0 ? ` (process ${lock.heldBy.pid}${lock.heldBy.host && lock.heldBy.host !== hostname() ? ` on ${singleLine(lock.heldBy.host)}` : ''})` : '';
    throw new UsageError(
      `${singleLine(flags.answers)} is being answered in another cxm assess${who}: wait until it ends, or answer into a file of your own with --answers (cxm report reads several files as one team). If no interview is running, delete ${singleLine(lockPathOf(flags.answers))}`,
    );
  }
  try {
    return await interview(context, flags, model.value, program, wanted);
  } finally {
    lock.release();
  }
}

async function interview(context: Context, flags: AssessFlags, model: Model, program: string, wanted: string[] | undefined): Promise<number> {
  let draft: AnswersDraft;
  const existed = existsSync(flags.answers);
  if (existed) {
    // the file as it is, every key of it (anonymous, source, targets, evidence): the saves keep them all
    const existing = await readAnswersDraft(flags.answers, model);
    const code = await reportFindings(context, existing.findings);
    if (code !== undefined || !existing.draft) {
      context.stderr.write(`cxm: fix ${singleLine(flags.answers)} first, or choose another file with --answers\n`);
      return code ?? EXIT.invalid;
    }
    draft = existing.draft;
  } else {
    draft = { model: { id: model.id, version: model.version }, respondents: [] };
  }
  let previous: AnswerSet | undefined;
  if (flags.from) {
    const loaded = await loadAnswerSet([flags.from], model);
    const code = await reportFindings(context, loaded.findings);
    if (code !== undefined || !loaded.answers) return code ?? EXIT.invalid;
    previous = loaded.answers;
    if (previous.period !== undefined && previous.period === draft.period) {
      throw new UsageError(`${flags.from} (--from) holds the answers of ${previous.period}, the period of ${flags.answers} itself: pass last period's answers file`);
    }
  }
  const store = new AnswerStore(flags.answers, draft, existed);
  const controller = new AbortController();
  let terminated = false;
  const onTerm = (): void => {
    terminated = true;
    controller.abort();
  };
  // SIGINT as a signal: Ctrl-C between two prompts (in a prompt it is a key), or kill -INT
  const onInt = (): void => controller.abort();
  context.signals.on('SIGTERM', onTerm); // on, not once: signal-exit (inside inquirer) re-raises a signal nobody else listens to
  context.signals.on('SIGINT', onInt);
  // a terminal on both sides (checked above): the prompts read and draw on the streams themselves
  const prompter = await inquirerPrompter({
    signal: controller.signal,
    input: context.stdin as NodeJS.ReadableStream,
    output: context.stdout as NodeJS.WritableStream,
  });
  const today = new Date().toISOString().slice(0, 10);
  let respondent = flags.respondent;
  try {
    context.stdout.write(`${singleLine(model.title)}: answers are saved to ${singleLine(flags.answers)} after every question.\n`);
    const result = await runSession(model, store, prompter, {
      ...(respondent !== undefined ? { respondent } : {}),
      ...(wanted ? { elements: wanted } : {}),
      ...(previous ? { previous } : {}),
      ...(flags.notes ? { notes: true } : {}),
      ...(flags.review ? { review: true } : {}),
      today,
      onRespondent: (name) => {
        respondent = name;
      },
    });
    respondent = result.respondent;
    // the report of the saved file, as `cxm report` makes it (without names when the file is anonymous)
    const saved = await loadAnswerSet([flags.answers], model);
    const report = buildReport(model, saved.answers ?? draftAsAnswerSet(store.draft, flags.answers));
    context.stdout.write('\n' + renderSummary(report, { color: context.color.stdout, unicode: unicodeAllowed(context) }));
    context.stdout.write(`\nAnswers saved to ${singleLine(flags.answers)}.\n`);
    if (result.open > 0) {
      context.stdout.write(`${result.open} question${result.open === 1 ? ' is' : 's are'} still open. To answer ${result.open === 1 ? 'it' : 'them'}:\n  ${resumeCommand(program, flags, respondent)}\n`);
    }
    const reportPath = flags.answers.replace(/\.ya?ml$/i, '') + '.md';
    if (await prompter.confirm(`Write the Markdown report to ${singleLine(reportPath)}?`, true)) {
      await writeFileAtomic(reportPath, renderMarkdown(report));
      context.stdout.write(`Report written to ${singleLine(reportPath)}.\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (isInterruption(error)) {
      // the command on a line of its own, never wrapped by cxm, so that it can be copied whole
      if (store.written) {
        context.stderr.write(`\nStopped. Every answer given so far is saved in ${singleLine(flags.answers)}.\nTo resume:\n  ${resumeCommand(program, flags, respondent)}\n`);
      } else {
        context.stderr.write(`\nStopped before anything was answered; no file was written.\nTo start again:\n  ${resumeCommand(program, flags, respondent)}\n`);
      }
      return terminated ? EXIT.terminated : EXIT.interrupted;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      const remedy = ioRemedy(error);
      const saved = store.written ? `the answers given before this one are saved in ${singleLine(flags.answers)}` : 'nothing was saved';
      throw new UsageError(`cannot save ${singleLine(flags.answers)}: ${ioReason(error)}${remedy ? ` (${remedy})` : ''}; ${saved}`);
    }
    throw error;
  } finally {
    context.signals.removeListener('SIGTERM', onTerm);
    context.signals.removeListener('SIGINT', onInt);
  }
}
