// The assessment flow, written against the Prompter seam and the AnswerStore: element by element,
// question by question, saving after every answer; resumes at the first unanswered question.

import type { Report } from '../model/report.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Element, type Model, type Question, type Respondent } from '../model/types.js';
import { formatScore } from '../render/number.js';
import { singleLine, stripControls } from '../render/sanitize.js';
import { answerValue, resolveAnswer, scoreAssessment } from '../score/score.js';
import { draftAsAnswerSet, type AnswerStore, type DraftRespondent } from './answers-file.js';
import type { Choice, Prompter } from './prompter.js';

export interface SessionOptions {
  readonly respondent?: string;
  /** Element ids to ask, in the model's order (default: all). */
  readonly elements?: readonly string[];
  /** Last period's answers, offered as defaults. */
  readonly previous?: AnswerSet;
  /** Today's date (ISO), recorded when the file has none. Passed in: the flow reads no clock. */
  readonly today?: string;
  /** Told the respondent's name as soon as it is known (for the resume hint after Ctrl-C). */
  readonly onRespondent?: (name: string) => void;
}

const HELP = Symbol('help');
const SKIP = Symbol('skip');
type Special = typeof HELP | typeof SKIP;

function text(s: string): string {
  return stripControls(s).trim();
}

/** An input that must not be blank: spaces alone would save an invalid file (an empty period or name). */
async function required(prompter: Prompter, message: string, defaultValue?: string): Promise<string> {
  for (;;) {
    const value = (await prompter.input(message, { required: true, ...(defaultValue ? { default: defaultValue } : {}) })).trim();
    if (value) return value;
  }
}

/** Questions of the chosen elements this respondent has not answered yet. */
export function unanswered(elements: readonly Element[], respondent: Respondent | DraftRespondent): Question[] {
  return elements.flatMap((e) =>
    e.questions.filter((q) => resolveAnswer(q, { ...respondent, file: '' }) === undefined),
  );
}

function previousDefault(question: Question, previous: Respondent | undefined): AnswerValue | undefined {
  if (!previous) return undefined;
  const value = resolveAnswer(question, previous);
  if (value === undefined) return undefined;
  if (value === NOT_APPLICABLE) return question.notApplicable ? value : undefined;
  return answerValue(question, value) === undefined ? undefined : value;
}

function previousRespondent(previous: AnswerSet | undefined, name: string): Respondent | undefined {
  if (!previous) return undefined;
  return previous.respondents.find((r) => r.name === name) ?? (previous.respondents.length === 1 ? previous.respondents[0] : undefined);
}

async function askQuestion(
  prompter: Prompter,
  question: Question,
  progress: string,
  defaultValue: AnswerValue | undefined,
): Promise<AnswerValue | undefined> {
  const message = `${progress}  ${singleLine(question.text)}`;
  const help = question.help ? text(question.help) : undefined;
  for (;;) {
    if (question.type === 'multi') {
      if (help) prompter.say(`  ${singleLine(help)}`);
      const choices: (Choice<string> & { checked?: boolean })[] = question.options.map((o) => ({
        value: o.id,
        name: singleLine(o.label),
        checked: Array.isArray(defaultValue) && (defaultValue as readonly string[]).includes(o.id),
      }));
      if (question.notApplicable) choices.push({ value: NOT_APPLICABLE, name: 'Not applicable to us', checked: defaultValue === NOT_APPLICABLE });
      const chosen = await prompter.checkbox(message, choices, 'space to tick, enter when done (nothing ticked = none of these)');
      if (chosen.includes(NOT_APPLICABLE)) return NOT_APPLICABLE;
      return chosen;
    }
    const choices: Choice<string | number | Special>[] = [];
    if (question.type === 'choice') {
      for (const o of question.options) choices.push({ value: o.id, name: singleLine(o.label) });
    } else {
      for (let v = question.min; v <= question.max; v++) {
        const label = question.labels.get(v);
        choices.push({ value: v, name: label ? `${v}  (${singleLine(label)})` : String(v) });
      }
    }
    if (question.notApplicable) choices.push({ value: NOT_APPLICABLE, name: 'Not applicable to us' });
    if (help) choices.push({ value: HELP, name: 'Show why this question matters', short: '(why it matters)' });
    choices.push({ value: SKIP, name: 'Skip for now', short: '(skipped)' });
    const picked = await prompter.select(message, choices, defaultValue as string | number | undefined);
    if (picked === HELP) {
      prompter.say(`  ${help ?? ''}`);
      continue;
    }
    if (picked === SKIP) return undefined;
    return picked;
  }
}

function elementScoreLine(model: Model, element: Element, set: AnswerSet, name: string): string {
  const single: AnswerSet = { ...set, respondents: set.respondents.filter((r) => r.name === name) };
  const report = scoreAssessment(model, single);
  const scored = report.elements.find((e) => e.id === element.id);
  if (!scored || scored.score === null) return `${singleLine(element.title)}: not assessed yet.`;
  const level = model.levels.find((l) => l.id === scored.level);
  return `${singleLine(element.title)}: ${formatScore(scored.score)} of 100, ${singleLine(level?.title ?? scored.level ?? '')} (your answers).`;
}

export interface SessionResult {
  readonly respondent: string;
  readonly answered: number;
  readonly report: Report;
}

/** Runs the assessment; rejects with the prompter's interruption error on Ctrl-C (everything is saved by then). */
export async function runSession(model: Model, store: AnswerStore, prompter: Prompter, options: SessionOptions = {}): Promise<SessionResult> {
  const draft = store.draft;
  if (draft.organization === undefined) {
    // re-scoring a quarter later: the organization is the one of last period's answers
    draft.organization = await required(prompter, 'Organization being assessed:', options.previous?.organization);
    await store.save();
  }
  if (draft.period === undefined) {
    draft.period = await required(prompter, 'Period (e.g. 2026-Q4):');
    if (draft.date === undefined && options.today) draft.date = options.today;
    await store.save();
  }

  const name = options.respondent?.trim() || (await required(prompter, 'Your name:'));
  options.onRespondent?.(name);
  let respondent = store.respondent(name);
  const elements = model.elements.filter((e) => !options.elements || options.elements.includes(e.id));
  const total = elements.reduce((n, e) => n + e.questions.length, 0);
  const previous = previousRespondent(options.previous, name);
  if (respondent) {
    const done = total - unanswered(elements, respondent).length;
    prompter.say(`Resuming ${singleLine(name)}: ${done} of ${total} questions answered.`);
  } else {
    const lastRole = previous?.name === name ? previous.role : undefined;
    const role = (await prompter.input('Your role (optional):', lastRole ? { default: lastRole } : undefined)).trim();
    respondent = { name, ...(role ? { role } : {}), answers: new Map(), notes: new Map() };
    draft.respondents.push(respondent);
    await store.save();
  }
  if (previous) prompter.say(`Last period's answers of ${singleLine(previous.name)} are offered as defaults: change only what changed.`);

  const todo = new Set(unanswered(elements, respondent).map((q) => q.id));
  for (const [k, element] of elements.entries()) {
    const questions = element.questions;
    if (!questions.some((q) => todo.has(q.id))) continue;
    prompter.say('');
    prompter.say(`${singleLine(element.title)} (element ${k + 1} of ${elements.length})`);
    if (element.intro) prompter.say(text(element.intro));
    for (const [i, question] of questions.entries()) {
      if (!todo.has(question.id)) continue;
      const value = await askQuestion(prompter, question, `[${i + 1}/${questions.length}]`, previousDefault(question, previous));
      if (value === undefined) continue;
      respondent.answers.set(question.id, value);
      for (const old of question.replaces) respondent.answers.delete(old);
      await store.save();
      const before = respondent.notes.get(question.id);
      const note = (await prompter.input('Note (optional, Enter to skip):', { default: before ?? '' })).trim();
      if (note) respondent.notes.set(question.id, note);
      else respondent.notes.delete(question.id);
      if ((note || undefined) !== before) await store.save();
    }
    prompter.say(elementScoreLine(model, element, draftAsAnswerSet(draft, store.path), name));
  }
  const set = draftAsAnswerSet(draft, store.path);
  const answered = total - unanswered(elements, respondent).length;
  return { respondent: name, answered, report: scoreAssessment(model, set) };
}
