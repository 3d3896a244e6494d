// (1.2) The interview's targets and evidence (SPEC 2.3): where each element should be, asked once per assessment,
// and "Add evidence" beside "Add a note". Both are the assessment's, not one respondent's: they live in the draft's
// kept top-level keys (`targets:`, `evidence:`), which the one writer writes back, so what the file held is kept
// and what the interview adds is saved like an answer (at once, atomically).

import type { AnswersDraft } from '../answers-file/draft.js';
import type { AnswerStore } from '../answers-file/store.js';
import { EVIDENCE_KINDS, isIsoDate, type EvidenceKind, type Targets } from '../domain/evidence.js';
import type { Model, Question } from '../domain/types.js';
import { singleLine } from '../text/sanitize.js';
import type { Choice, Prompter } from './prompter.js';

export const TARGETS_PROMPT = 'Targets: the level each element should reach (optional):';
export const EVIDENCE_KIND_PROMPT = 'What kind of evidence?';
export const EVIDENCE_REF_PROMPT = 'Where to find it (a title, link or place):';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A top-level key the draft keeps as it was read (or as the interview set it). */
function kept(draft: AnswersDraft, key: string): unknown {
  return draft.kept?.find(([k]) => k === key)?.[1];
}

/** Sets a kept top-level key, in its place when the file had it, else after the others. */
function setKept(draft: AnswersDraft, key: string, value: unknown): void {
  const entries = [...(draft.kept ?? [])];
  const at = entries.findIndex(([k]) => k === key);
  if (at >= 0) entries[at] = [key, value];
  else entries.push([key, value]);
  draft.kept = entries;
}

/** An object whose keys are data (a question id such as __proto__ stays a key). */
function own(entries: Iterable<readonly [string, unknown]>): Raw {
  const out: Raw = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

// ---- evidence ----

/** How many evidence items the assessment records for a question (under its id or an old one it replaces). */
export function evidenceCount(draft: AnswersDraft, question: Question): number {
  const evidence = kept(draft, 'evidence');
  if (!isRecord(evidence)) return 0;
  return [question.id, ...question.replaces].reduce((n, id) => {
    const items = Object.hasOwn(evidence, id) ? evidence[id] : undefined;
    return n + (Array.isArray(items) ? items.length : 0);
  }, 0);
}

/** Appends (or, with `index`, replaces) one item of a question's evidence; returns its index. */
function putEvidence(draft: AnswersDraft, questionId: string, item: Raw, index?: number): number {
  const before = kept(draft, 'evidence');
  const evidence = own(isRecord(before) ? Object.entries(before) : []);
  const items = Array.isArray(evidence[questionId]) ? [...(evidence[questionId] as unknown[])] : [];
  const at = index ?? items.length;
  items[at] = item;
  Object.defineProperty(evidence, questionId, { value: items, enumerable: true, writable: true, configurable: true });
  setKept(draft, 'evidence', evidence);
  return at;
}

/** The kinds of evidence in words, as the interview offers them. */
const EVIDENCE_WORDS: Readonly<Record<EvidenceKind, string>> = {
  document: 'A document: a procedure, a map, minutes',
  observation: 'An observation: seen on the floor or in a system',
  metric: 'A metric: a figure from a report or dashboard',
  claim: "A claim: somebody's word (it does not back the answer)",
};

function optionalDate(typed: string): true | string {
  const value = typed.trim();
  return value === '' || isIsoDate(value) ? true : `"${value}" is not a date: write it as 2026-11-22, or leave it empty`;
}

/**
 * Records one piece of evidence for a question: its kind, where to find it, then its owner and dates, each optional.
 * Saved as soon as it says where to find it, and again with each later field: Ctrl-C keeps what was given.
 */
export async function askEvidence(prompter: Prompter, store: AnswerStore, question: Question, today: string | undefined): Promise<void> {
  const kind = await prompter.select<EvidenceKind>(EVIDENCE_KIND_PROMPT, EVIDENCE_KINDS.map((k) => ({ value: k, name: EVIDENCE_WORDS[k] })), 'document');
  const ref = (await prompter.input(EVIDENCE_REF_PROMPT, { required: true })).trim();
  if (ref === '') return;
  const item: Raw = { kind, ref };
  const index = putEvidence(store.draft, question.id, item);
  await store.save();
  const more = async (key: string, message: string, defaultValue?: string): Promise<void> => {
    const value = (await prompter.input(message, { ...(defaultValue !== undefined ? { default: defaultValue } : {}), ...(key === 'owner' ? {} : { validate: optionalDate }) })).trim();
    if (value === '') return;
    item[key] = value;
    putEvidence(store.draft, question.id, { ...item }, index);
    await store.save();
  };
  await more('owner', 'Owner (optional):');
  await more('date', 'Dated (ISO date, optional):', today);
  await more('expires', 'Valid until (ISO date, optional):');
  prompter.say(`Evidence recorded for this question (${evidenceCount(store.draft, question)} in all).`);
}

// ---- targets ----

/** Whether the assessment has been asked for its targets: the file records them, or records that there are none. */
export function targetsAsked(draft: AnswersDraft): boolean {
  return kept(draft, 'targets') !== undefined;
}

/** Targets in words: "Repeatable for every element; Governance: Systematic". */
function targetsWords(model: Model, targets: Targets): string {
  const title = (id: string): string => singleLine(model.levels.find((l) => l.id === id)?.title ?? id);
  const parts = [
    ...(targets.default !== undefined ? [`${title(targets.default)} for every element`] : []),
    ...model.elements.filter((e) => targets.elements.has(e.id)).map((e) => `${singleLine(e.title)}: ${title(targets.elements.get(e.id)!)}`),
  ];
  return parts.length === 0 ? 'none' : parts.join('; ');
}

const KEEP = Symbol('keep');
const NONE = Symbol('none');
const ALL = Symbol('all');
const EACH = Symbol('each');

/**
 * Asks where each element should be: no targets, one level for every element, or element by element; last
 * period's targets (--from) are offered first. No targets is recorded as `targets: {}`, so nobody is asked again.
 */
export async function askTargets(prompter: Prompter, model: Model, store: AnswerStore, previous: Targets | undefined): Promise<void> {
  const known = (id: string | undefined): id is string => id !== undefined && model.levels.some((l) => l.id === id);
  const last: Targets | undefined =
    previous !== undefined
      ? {
          ...(known(previous.default) ? { default: previous.default } : {}),
          elements: new Map([...previous.elements].filter(([e, l]) => model.elements.some((x) => x.id === e) && known(l))),
        }
      : undefined;
  const hasLast = last !== undefined && (last.default !== undefined || last.elements.size > 0);
  const choices: Choice<symbol>[] = [
    ...(hasLast ? [{ value: KEEP, name: `Last period's: ${targetsWords(model, last)}`, short: "(last period's)" }] : []),
    { value: NONE, name: 'No targets for now', short: '(none)' },
    { value: ALL, name: 'One level for every element', short: '(one level)' },
    { value: EACH, name: 'Element by element', short: '(by element)' },
  ];
  const picked = await prompter.select(TARGETS_PROMPT, choices, hasLast ? KEEP : NONE);
  const levels: Choice<string | typeof NONE>[] = model.levels.map((l) => ({ value: l.id, name: singleLine(l.title) }));
  let targets: Targets = { elements: new Map() };
  if (picked === KEEP) targets = last!;
  else if (picked === ALL) {
    const level = await prompter.select('Level for every element:', levels, last?.default ?? model.levels[Math.min(2, model.levels.length - 1)]!.id);
    if (level !== NONE) targets = { default: level, elements: new Map() };
  } else if (picked === EACH) {
    const elements = new Map<string, string>();
    for (const element of model.elements) {
      const before = last?.elements.get(element.id) ?? last?.default;
      const level = await prompter.select(`Target for ${singleLine(element.title)}:`, [{ value: NONE, name: 'No target', short: '(none)' }, ...levels], before ?? NONE);
      if (level !== NONE) elements.set(element.id, level);
    }
    targets = { elements };
  }
  setKept(store.draft, 'targets', own([...(targets.default !== undefined ? [['default', targets.default] as const] : []), ...targets.elements]));
  await store.save();
  prompter.say(`Targets: ${targetsWords(model, targets)}.`);
}
