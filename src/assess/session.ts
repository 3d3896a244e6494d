// The assessment flow, written against the Prompter seam and the AnswerStore: element by element,
// question by question, saving after every answer; resumes at the first unanswered question. One prompt
// per question: notes, help and skipping are choices of the question's own list; skipped questions are
// offered again at the end; a respondent who has answered everything can change answers (review).

import { formatPeriod, nextPeriod, parsePeriod, periodAdvice, suggestPeriod } from '../domain/period.js';
import type { Report } from '../domain/report.js';
import { NOT_APPLICABLE, type AnswerSet, type AnswerValue, type Element, type Model, type Question, type Respondent } from '../domain/types.js';
import { formatScore } from '../render/number.js';
import { singleLine, stripControls } from '../text/sanitize.js';
import { answerValue, resolveAnswer, scoreAssessment, scoreOneElement } from '../score/score.js';
import { draftAsAnswerSet } from '../answers-file/read.js';
import type { AnswerStore } from '../answers-file/store.js';
import type { DraftRespondent } from '../answers-file/draft.js';
import { askEvidence, askTargets, evidenceCount, targetsAsked } from './targets-evidence.js';
import { isInterruption, type CheckboxChoice, type Choice, type Prompter } from './prompter.js';

export interface SessionOptions {
  readonly respondent?: string;
  /** Element ids to ask, in the model's order (default: all). */
  readonly elements?: readonly string[];
  /** Last period's answers, offered as defaults. */
  readonly previous?: AnswerSet;
  /** Today's date (ISO), recorded when the file has none. Passed in: the flow reads no clock. */
  readonly today?: string;
  /** Ask for a note after every answer (otherwise a note is a choice of each question). */
  readonly notes?: boolean;
  /** Offer to change answers already given, even when questions are left. */
  readonly review?: boolean;
  /** Told the respondent's name as soon as it is known (for the resume hint after Ctrl-C). */
  readonly onRespondent?: (name: string) => void;
}

const HELP = Symbol('help');
const SKIP = Symbol('skip');
const NOTE = Symbol('note');
const DONE = Symbol('done');
const OTHER = Symbol('other');
const EVIDENCE = Symbol('evidence');
type Special = typeof HELP | typeof SKIP | typeof NOTE | typeof EVIDENCE;

export const NOTE_PROMPT = 'Note (optional, Enter to skip):';
export const GROUP_PROMPT = 'Your group (optional):';
/** Groups offered when the model declares none and the file names none yet. */
export const COMMON_GROUPS = ['Leadership', 'Front line', 'Back office', 'Support functions'];

function text(s: string): string {
  return stripControls(s).trim();
}

/** A name as it is compared and stored: NFC (macOS types `ë` as e + ¨), trimmed. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim();
}

function sameIgnoringCase(a: string, b: string): boolean {
  return normalizeName(a).toLocaleLowerCase() === normalizeName(b).toLocaleLowerCase();
}

/** An input that must not be blank: spaces alone would save an invalid file (an empty period or name). */
async function required(prompter: Prompter, message: string, defaultValue?: string, validate?: (text: string) => true | string): Promise<string> {
  for (;;) {
    const value = (
      await prompter.input(message, { required: true, ...(defaultValue ? { default: defaultValue } : {}), ...(validate ? { validate } : {}) })
    ).trim();
    if (value && (!validate || validate(value) === true)) return value;
  }
}

/** Questions of the chosen elements this respondent has not answered yet. */
export function unanswered(elements: readonly Element[], respondent: Respondent | DraftRespondent): Question[] {
  return elements.flatMap((e) => e.questions.filter((q) => resolveAnswer(q, { ...respondent, file: '' }) === undefined));
}

function previousDefault(question: Question, previous: Respondent | DraftRespondent | undefined): AnswerValue | undefined {
  if (!previous) return undefined;
  const value = resolveAnswer(question, { ...previous, file: '' });
  if (value === undefined) return undefined;
  if (value === NOT_APPLICABLE) return question.notApplicable ? value : undefined;
  return answerValue(question, value) === undefined ? undefined : value;
}

function previousRespondent(previous: AnswerSet | undefined, name: string): Respondent | undefined {
  if (!previous) return undefined;
  return (
    previous.respondents.find((r) => normalizeName(r.name) === name) ??
    previous.respondents.find((r) => sameIgnoringCase(r.name, name)) ??
    (previous.respondents.length === 1 ? previous.respondents[0] : undefined)
  );
}

/** The period typed at the prompt: a SPEC form, and not last period's. */
function periodCheck(previousPeriod: string | undefined): (typed: string) => true | string {
  return (typed) => {
    const value = typed.trim();
    if (!parsePeriod(value)) {
      const advice = suggestPeriod(value) !== undefined ? periodAdvice(value) : 'write a year (2026), half (2026-H2), quarter (2026-Q4), month (2026-11) or day (2026-11-22)';
      return `"${value}" is not a period cxm can order: ${advice}`;
    }
    if (previousPeriod !== undefined && value === previousPeriod) return `${value} is the period of last period's answers (--from): type this period's`;
    return true;
  };
}

/** An answer as the person chose it, in words: an option's label, labels one per line, a number. */
export function answerLabel(question: Question, value: AnswerValue): string {
  if (value === NOT_APPLICABLE) return 'Not applicable to us';
  if (question.type === 'scale') {
    const label = question.labels.get(value as number);
    return label ? `${String(value)} (${singleLine(label)})` : String(value);
  }
  const label = (id: string): string => singleLine(question.options.find((o) => o.id === id)?.label ?? id);
  if (Array.isArray(value)) return value.length === 0 ? 'None of these' : (value as readonly string[]).map(label).join('\n');
  return label(value as string);
}

type Outcome = { readonly kind: 'answer'; readonly value: AnswerValue } | { readonly kind: 'skip' };

class Interview {
  /** Questions skipped in this session, in the order asked. */
  readonly skipped: Question[] = [];

  constructor(
    private readonly prompter: Prompter,
    private readonly store: AnswerStore,
    private readonly respondent: DraftRespondent,
    private readonly options: SessionOptions,
  ) {}

  /** Asks one question until it is answered or skipped; a note asked for is saved on the way. */
  async ask(question: Question, progress: string, defaultValue: AnswerValue | undefined): Promise<Outcome> {
    const message = `${progress}  ${singleLine(question.text)}`;
    // (1.2) the evidence to look at before answering (`check:`) is shown after the help, on request
    const shown = [question.help ? text(question.help) : undefined, question.check ? `To check: ${text(question.check)}` : undefined].filter((t) => t !== undefined);
    const help = shown.length > 0 ? shown : undefined;
    let current = defaultValue;
    for (;;) {
      const picked = question.type === 'multi' ? await this.askMulti(question, message, help, current) : await this.askSingle(question, message, help, current);
      if (picked === HELP) {
        for (const line of help ?? []) this.prompter.say(`  ${line}`);
        continue;
      }
      if (picked === NOTE) {
        await this.askNote(question);
        continue;
      }
      if (picked === EVIDENCE) {
        await askEvidence(this.prompter, this.store, question, this.options.today);
        continue;
      }
      if (picked === SKIP) return { kind: 'skip' };
      if (Array.isArray(picked) && picked.length === 0) {
        // nothing ticked may be a slip of the finger: ask before recording "none of these"
        if (!(await this.prompter.confirm('Nothing ticked: none of these applies?', true))) {
          current = undefined;
          continue;
        }
      }
      return { kind: 'answer', value: picked as AnswerValue };
    }
  }

  private extras(question: Question, help: readonly string[] | undefined): { value: Special | typeof NOT_APPLICABLE; name: string; short?: string }[] {
    const extras: { value: Special | typeof NOT_APPLICABLE; name: string; short?: string }[] = [];
    if (question.notApplicable) extras.push({ value: NOT_APPLICABLE, name: 'Not applicable to us' });
    if (!this.options.notes) extras.push({ value: NOTE, name: this.respondent.notes.has(question.id) ? 'Edit the note' : 'Add a note', short: '(note)' });
    // (1.2) beside the note: what backs the answer, recorded for the assessment
    const recorded = evidenceCount(this.store.draft, question);
    extras.push({ value: EVIDENCE, name: recorded > 0 ? `Add evidence (${recorded} recorded)` : 'Add evidence', short: '(evidence)' });
    if (help) extras.push({ value: HELP, name: 'Show why this question matters', short: '(why it matters)' });
    extras.push({ value: SKIP, name: 'Skip for now', short: '(skipped)' });
    return extras;
  }

  private async askSingle(question: Question, message: string, help: readonly string[] | undefined, current: AnswerValue | undefined): Promise<AnswerValue | Special> {
    const choices: Choice<string | number | Special>[] = [];
    if (question.type === 'choice') {
      for (const [i, o] of question.options.entries()) choices.push({ value: o.id, name: singleLine(o.label), key: String(i + 1) });
    } else if (question.type === 'scale') {
      for (let v = question.min; v <= question.max; v++) {
        const label = question.labels.get(v);
        choices.push({ value: v, name: label ? `${v}  (${singleLine(label)})` : String(v), key: String(v) });
      }
    }
    choices.push(...this.extras(question, help));
    return this.prompter.select(message, choices, current as string | number | undefined);
  }

  private async askMulti(question: Question, message: string, help: readonly string[] | undefined, current: AnswerValue | undefined): Promise<AnswerValue | Special> {
    if (question.type !== 'multi') throw new Error('askMulti needs a multi question');
    const ticked = Array.isArray(current) ? (current as readonly string[]) : [];
    const choices: CheckboxChoice<string | Special>[] = question.options.map((o) => ({ value: o.id, name: singleLine(o.label), checked: ticked.includes(o.id) }));
    for (const extra of this.extras(question, help)) choices.push({ ...extra, action: true });
    const chosen = await this.prompter.checkbox(message, choices, 'space ticks • ⏎ done (or ⏎ on a row below the options)');
    const special = chosen.find((c) => typeof c === 'symbol' || c === NOT_APPLICABLE);
    if (special !== undefined) return special;
    return chosen as string[];
  }

  /** Asks for the question's note and saves it; Ctrl-C while typing saves what was typed, then stops. */
  async askNote(question: Question): Promise<void> {
    const before = this.respondent.notes.get(question.id);
    let draft = '';
    let note: string;
    try {
      note = (await this.prompter.input(NOTE_PROMPT, { default: before ?? '', onDraft: (t) => (draft = t) })).trim();
    } catch (error) {
      if (isInterruption(error) && draft.trim() !== '' && draft.trim() !== before) {
        this.respondent.notes.set(question.id, draft.trim());
        await this.store.save();
      }
      throw error;
    }
    if (note) this.respondent.notes.set(question.id, note);
    else this.respondent.notes.delete(question.id);
    if ((note || undefined) !== before) await this.store.save();
  }

  async record(question: Question, value: AnswerValue): Promise<void> {
    this.respondent.answers.set(question.id, value);
    for (const old of question.replaces) this.respondent.answers.delete(old);
    await this.store.save();
    if (this.options.notes) await this.askNote(question);
  }
}

function elementScoreLine(model: Model, element: Element, set: AnswerSet, name: string): string {
  const scored = scoreOneElement(model, element, set.respondents.filter((r) => r.name === name));
  if (scored.score === null) return `${singleLine(element.title)}: not assessed yet.`;
  const level = model.levels.find((l) => l.id === scored.level);
  return `${singleLine(element.title)}: ${formatScore(scored.score)} of 100, ${singleLine(level?.title ?? scored.level ?? '')} (your answers).`;
}

export interface SessionResult {
  readonly respondent: string;
  readonly answered: number;
  /** Questions of the chosen elements still without an answer. */
  readonly open: number;
  readonly report: Report;
}

/** Finds the respondent `name` in the file: the same name after NFC, or, if the person confirms, one that differs only by case. */
async function findRespondent(prompter: Prompter, store: AnswerStore, name: string): Promise<DraftRespondent | undefined> {
  const respondents = store.draft.respondents;
  const same = respondents.find((r) => normalizeName(r.name) === name);
  if (same) return same;
  const near = respondents.find((r) => sameIgnoringCase(r.name, name));
  if (near && (await prompter.confirm(`"${singleLine(near.name)}" has answered in this file already: is that you?`, true))) return near;
  return undefined;
}

/** The group the respondent belongs to: the model's groups, else those of the file and the common ones, or a new name. */
async function askGroup(prompter: Prompter, model: Model, store: AnswerStore, lastGroup: string | undefined): Promise<string | undefined> {
  const choices: Choice<string | typeof SKIP | typeof OTHER>[] = [{ value: SKIP, name: 'No group (skip)', short: '(none)' }];
  if (model.groups.length > 0) {
    for (const g of model.groups) choices.push({ value: g.id, name: singleLine(g.title) });
  } else {
    const named: string[] = [];
    for (const g of [...store.draft.respondents.map((r) => r.group), ...COMMON_GROUPS]) {
      if (g !== undefined && !named.some((n) => sameIgnoringCase(n, g))) named.push(g);
    }
    for (const g of named) choices.push({ value: g, name: singleLine(g) });
    choices.push({ value: OTHER, name: 'Another group…', short: '(another)' });
  }
  const known = lastGroup !== undefined && choices.some((c) => c.value === lastGroup) ? lastGroup : undefined;
  const picked = await prompter.select(GROUP_PROMPT, choices, known);
  if (picked === SKIP) return undefined;
  if (picked === OTHER) return (await prompter.input('Name of your group (Enter for none):')).trim() || undefined;
  return picked;
}

/** Lets a respondent change answers already given: a list of the questions with their answers, until Done. */
async function review(interview: Interview, prompter: Prompter, elements: readonly Element[], respondent: DraftRespondent): Promise<void> {
  let last: Question | typeof DONE = DONE;
  for (;;) {
    const choices: Choice<Question | typeof DONE>[] = [{ value: DONE, name: 'Done: keep these answers', short: '(done)' }];
    for (const element of elements)
      for (const [i, q] of element.questions.entries()) {
        const value = previousDefault(q, respondent);
        const answer = value === undefined ? '(not answered)' : answerLabel(q, value).replace(/\n/g, '; ');
        choices.push({ value: q, name: `${singleLine(element.title)} ${i + 1}: ${singleLine(q.text)} → ${answer}`, short: `${singleLine(element.title)} ${i + 1}` });
      }
    const picked: Question | typeof DONE = await prompter.select<Question | typeof DONE>('Change an answer?', choices, last);
    if (picked === DONE) return;
    last = picked;
    const element = elements.find((e) => e.questions.includes(picked))!;
    const outcome = await interview.ask(picked, `[${element.questions.indexOf(picked) + 1}/${element.questions.length}]`, previousDefault(picked, respondent));
    if (outcome.kind === 'answer') await interview.record(picked, outcome.value);
  }
}

/** Runs the assessment; rejects with the prompter's interruption error on Ctrl-C (everything is saved by then). */
export async function runSession(model: Model, store: AnswerStore, prompter: Prompter, options: SessionOptions = {}): Promise<SessionResult> {
  const draft = store.draft;
  const joining = draft.organization !== undefined && draft.period !== undefined;
  if (draft.organization === undefined) {
    // re-scoring a quarter later: the organization is the one of last period's answers
    draft.organization = await required(prompter, 'Organization being assessed:', options.previous?.organization);
    await store.save();
  }
  if (draft.period === undefined) {
    const lastPeriod = options.previous?.period !== undefined ? parsePeriod(options.previous.period) : undefined;
    const suggested = lastPeriod ? formatPeriod(nextPeriod(lastPeriod)) : undefined;
    draft.period = await required(prompter, 'Period (e.g. 2026-Q4):', suggested, periodCheck(options.previous?.period));
    if (draft.date === undefined && options.today) draft.date = options.today;
    await store.save();
  }

  const typed = normalizeName(options.respondent ?? '') || normalizeName(await required(prompter, 'Your name:'));
  let respondent = await findRespondent(prompter, store, typed);
  const name = respondent?.name ?? typed;
  options.onRespondent?.(name);
  const elements = model.elements.filter((e) => !options.elements || options.elements.includes(e.id));
  const total = elements.reduce((n, e) => n + e.questions.length, 0);
  const previous = previousRespondent(options.previous, name);
  const resumed = respondent !== undefined;
  if (respondent) {
    const done = total - unanswered(elements, respondent).length;
    prompter.say(`Resuming ${singleLine(name)}: ${done} of ${total} questions answered.`);
  } else {
    if (joining) {
      const others = draft.respondents.length;
      prompter.say(
        `You are joining the assessment of ${singleLine(draft.organization)} for ${singleLine(draft.period)}` +
          (others > 0 ? ` (${others} ${others === 1 ? 'person has' : 'people have'} answered in this file).` : '.'),
      );
    }
    const lastRole = previous && sameIgnoringCase(previous.name, name) ? previous.role : undefined;
    const role = (await prompter.input('Your role (optional):', lastRole ? { default: lastRole } : undefined)).trim();
    const lastGroup = previous && sameIgnoringCase(previous.name, name) ? previous.group : undefined;
    const group = await askGroup(prompter, model, store, lastGroup);
    respondent = { name, ...(role ? { role } : {}), ...(group !== undefined ? { group } : {}), answers: new Map(), notes: new Map() };
    draft.respondents.push(respondent);
    await store.save();
  }
  if (previous) prompter.say(`Last period's answers of ${singleLine(previous.name)} are offered as defaults: change only what changed.`);

  const interview = new Interview(prompter, store, respondent, options);
  const todo = new Set(unanswered(elements, respondent).map((q) => q.id));
  for (const [k, element] of elements.entries()) {
    const questions = element.questions;
    if (!questions.some((q) => todo.has(q.id))) continue;
    prompter.say('');
    prompter.say(`${singleLine(element.title)} (element ${k + 1} of ${elements.length})`);
    if (element.intro) prompter.say(text(element.intro));
    for (const [i, question] of questions.entries()) {
      if (!todo.has(question.id)) continue;
      const outcome = await interview.ask(question, `[${i + 1}/${questions.length}]`, previousDefault(question, previous));
      if (outcome.kind === 'skip') interview.skipped.push(question);
      else await interview.record(question, outcome.value);
    }
    prompter.say(elementScoreLine(model, element, draftAsAnswerSet(draft, store.path), name));
  }

  const skipped = interview.skipped.splice(0);
  if (skipped.length > 0) {
    prompter.say('');
    const n = skipped.length;
    if (await prompter.confirm(`${n} question${n === 1 ? '' : 's'} skipped: answer ${n === 1 ? 'it' : 'them'} now?`, true)) {
      for (const question of skipped) {
        const element = elements.find((e) => e.questions.includes(question))!;
        const outcome = await interview.ask(question, `[${element.questions.indexOf(question) + 1}/${element.questions.length}]`, previousDefault(question, previous));
        if (outcome.kind === 'answer') await interview.record(question, outcome.value);
      }
    }
  }
  // a respondent who comes back with nothing left to answer has come to change something
  if (options.review || (resumed && todo.size === 0)) await review(interview, prompter, elements, respondent);
  // (1.2) where the client wants to be: asked once per assessment, once its answers are in
  if (!targetsAsked(draft)) {
    prompter.say('');
    await askTargets(prompter, model, store, options.previous?.targets);
  }

  const set = draftAsAnswerSet(draft, store.path);
  const open = unanswered(elements, respondent).length;
  return { respondent: name, answered: total - open, open, report: scoreAssessment(model, set) };
}
