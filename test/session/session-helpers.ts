// What the session tests share: the built-in model, an AnswerStore opened the way `cxm assess` opens
// one, and a responder that answers any question of a model in a fixed, varied way.

import { existsSync } from 'node:fs';
import { readAnswersDraft } from '../../src/answers-file/read.js';
import { AnswerStore } from '../../src/answers-file/store.js';
import type { AnswersDraft } from '../../src/answers-file/draft.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import { NOT_APPLICABLE, type AnswerValue, type Model, type Question } from '../../src/domain/types.js';
import { singleLine } from '../../src/text/sanitize.js';
import { pick, type Answer, type Responder, type Shown } from './scripted-prompter.js';
import { TARGETS_PROMPT } from '../../src/assess/targets-evidence.js';

export async function builtinModel(): Promise<Model> {
  const { model, findings } = await loadModel(builtinModelDir());
  if (!model) throw new Error(`the built-in model does not load: ${JSON.stringify(findings)}`);
  return model;
}

export function questionsOf(model: Model): Question[] {
  return model.elements.flatMap((e) => e.questions);
}

/** Opens the answers file as runAssess does: the existing file's draft, or a new one. */
export async function openStore(path: string, model: Model): Promise<AnswerStore> {
  let draft: AnswersDraft = { model: { id: model.id, version: model.version }, respondents: [] };
  if (existsSync(path)) {
    const read = await readAnswersDraft(path, model);
    if (!read.draft) throw new Error(`${path} does not load: ${JSON.stringify(read.findings)}`);
    draft = read.draft;
  }
  return new AnswerStore(path, draft);
}

/** Prompts of the session that are lists but not questions: the group, the review menu. */
export const SETUP_LISTS = ['Your group (optional):', 'Change an answer?', TARGETS_PROMPT];

/** The question a prompt asks about ("[3/6]  text"), or undefined for the other prompts. */
export function questionOf(model: Model, message: string): Question | undefined {
  const text = message.replace(/^\[\d+\/\d+\]\s+/, '');
  if (text === message) return undefined;
  return questionsOf(model).find((q) => singleLine(q.text) === text);
}

/** A fixed but varied answer to each question: the n-th question gets option n mod k, and so on. */
export function sampleAnswer(model: Model, question: Question): AnswerValue {
  const n = questionsOf(model).indexOf(question);
  switch (question.type) {
    case 'choice':
      return question.options[n % question.options.length]!.id;
    case 'scale':
      return question.min + (n % (question.max - question.min + 1));
    case 'multi':
      return question.options.filter((_, i) => (i + n) % 2 === 0).map((o) => o.id);
  }
}

export interface RespondentScript {
  readonly organization?: string;
  readonly period?: string;
  readonly name?: string;
  readonly role?: string;
  /** The group's name as listed (default: no group). */
  readonly group?: string;
  /** The answer to "N questions skipped: answer them now?" (default: no). */
  readonly answerSkipped?: boolean;
  /** The answer to a question; default sampleAnswer. */
  readonly answer?: (question: Question) => AnswerValue | Answer;
  /** The note after a question; default none. */
  readonly note?: (question: Question) => string;
  /** (1.2) The choice, by its name, at the targets asked at the end (default: no targets). */
  readonly targets?: string;
}

/** Answers every prompt of a session: the opening inputs, each question, each note, the report confirm. */
export function responder(model: Model, script: RespondentScript = {}): Responder {
  let last: Question | undefined;
  const noted = new Set<string>();
  return (shown: Shown): Answer => {
    if (shown.kind === 'confirm') return / skipped: answer/.test(shown.message) ? (script.answerSkipped ?? false) : true;
    if (shown.kind === 'select' && shown.message === 'Your group (optional):') return pick(script.group ?? 'No group');
    if (shown.kind === 'select' && shown.message === 'Change an answer?') return pick('Done');
    if (shown.kind === 'select' && shown.message === TARGETS_PROMPT) return pick(script.targets ?? 'No targets for now');
    if (shown.kind === 'input') {
      if (shown.message.startsWith('Organization')) return script.organization ?? 'Acme Ltd';
      if (shown.message.startsWith('Period')) return script.period ?? '2026-Q4';
      if (shown.message.startsWith('Your name')) return script.name ?? 'Alice';
      if (shown.message.startsWith('Your role')) return script.role ?? 'Head of Service';
      if (shown.message.startsWith('Note')) return last && script.note ? script.note(last) : '';
      if (shown.message.startsWith('Name of your group')) return script.group ?? '';
      throw new Error(`unexpected input prompt: ${shown.message}`);
    }
    const question = questionOf(model, shown.message);
    if (!question) throw new Error(`a ${shown.kind} prompt for no question of the model: ${shown.message}`);
    last = question;
    // a note is asked for with "Add a note" before the answer (or after each answer with --notes)
    const note = script.note?.(question);
    if (note && !noted.has(question.id) && shown.choices.some((c) => c.name === 'Add a note')) {
      noted.add(question.id);
      return pick('Add a note');
    }
    const answer = script.answer ? script.answer(question) : sampleAnswer(model, question);
    if (answer === NOT_APPLICABLE && shown.kind === 'checkbox') return [NOT_APPLICABLE];
    return answer;
  };
}
