// An assessment in progress and its file: a valid SPEC 2.3 answers file at every moment, rewritten
// atomically after every answer so that a crash or Ctrl-C loses nothing that was answered.

import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { AnswersDraft, DraftRespondent } from '../model/answers-draft.js';
import type { AnswerSet } from '../model/types.js';

export function draftFromAnswerSet(set: AnswerSet): AnswersDraft {
  return {
    model: { ...set.model },
    ...(set.organization !== undefined ? { organization: set.organization } : {}),
    ...(set.period !== undefined ? { period: set.period } : {}),
    ...(set.date !== undefined ? { date: set.date } : {}),
    respondents: set.respondents.map((r) => ({
      name: r.name,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.group !== undefined ? { group: r.group } : {}),
      answers: new Map(r.answers),
      notes: new Map(r.notes),
    })),
  };
}

export function draftAsAnswerSet(draft: AnswersDraft, file: string): AnswerSet {
  return {
    model: draft.model,
    ...(draft.organization !== undefined ? { organization: draft.organization } : {}),
    ...(draft.period !== undefined ? { period: draft.period } : {}),
    ...(draft.date !== undefined ? { date: draft.date } : {}),
    anonymous: false,
    respondents: draft.respondents.map((r) => ({
      name: r.name,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.group !== undefined ? { group: r.group } : {}),
      answers: r.answers,
      notes: r.notes,
      file,
    })),
    inputs: [],
  };
}

/** An object whose keys are data: a key such as __proto__ becomes an own property. */
export function record(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function serializeAnswers(draft: AnswersDraft): string {
  const data = record([
    ['kind', 'answers'],
    ['model', record([['id', draft.model.id], ['version', draft.model.version]])],
    ...(draft.organization !== undefined ? [['organization', draft.organization] as const] : []),
    ...(draft.period !== undefined ? [['period', draft.period] as const] : []),
    ...(draft.date !== undefined ? [['date', draft.date] as const] : []),
    ...(draft.anonymous === true ? [['anonymous', true] as const] : []),
    ...(draft.source !== undefined ? [['source', record([['file', draft.source.file], ['sha256', draft.source.sha256]])] as const] : []),
    [
      'respondents',
      draft.respondents.map((r) =>
        record([
          ['name', r.name],
          ...(r.role !== undefined ? [['role', r.role] as const] : []),
          ...(r.group !== undefined ? [['group', r.group] as const] : []),
          ['answers', record([...r.answers].map(([k, v]) => [k, Array.isArray(v) ? [...(v as readonly string[])] : v] as const))],
          ...(r.notes.size > 0 ? [['notes', record(r.notes)] as const] : []),
        ]),
      ),
    ],
  ]);
  return answersYaml(data);
}

/** Plain text that a YAML 1.1 reader may read as something else: a boolean, null, number, date, merge key. */
const MAYBE_MISREAD = /^[-+.\w:~<= ]*$/;

/**
 * Whether a YAML 1.1 reader (PyYAML, older tools, spreadsheets' importers) would read `text`, written
 * bare, as another value: `no` as false, `2026-11-22` as a date, `1:20` as 80, `010` as 8.
 */
export function misreadByYaml11(text: string): boolean {
  if (!MAYBE_MISREAD.test(text)) return false;
  if (text === '<<' || text === '=') return true;
  let misread = MISREAD_CACHE.get(text);
  if (misread === undefined) {
    try {
      misread = parse(text, { version: '1.1' }) !== text;
    } catch {
      misread = true;
    }
    // the same option ids and names come back at every save: each is parsed once
    if (MISREAD_CACHE.size >= 10_000) MISREAD_CACHE.clear();
    MISREAD_CACHE.set(text, misread);
  }
  return misread;
}
const MISREAD_CACHE = new Map<string, boolean>();

/**
 * An answers file's data (keys in the order to write them; see `record`) as the YAML cxm writes: lists of
 * option ids on one line, the model on one line, and every string a YAML 1.1 reader would misread quoted,
 * so that the file means the same to every reader. Shared by `cxm assess` and `cxm import`.
 */
export function answersYaml(data: Record<string, unknown>): string {
  const doc = new Document(data, { version: '1.2' });
  visit(doc, {
    // lists of option ids read best on one line: [nps, complaints]
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => typeof (i as { value?: unknown }).value === 'string')) node.flow = true;
    },
    // keys too: a question id `no` must not become the key false
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && misreadByYaml11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const model = doc.get('model', true);
  if (isMap(model)) model.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export class AnswerStore {
  /** Whether the file exists on disk: it did when the session began, or a save has written it. */
  written: boolean;

  constructor(
    readonly path: string,
    readonly draft: AnswersDraft,
    existed = false,
  ) {
    this.written = existed;
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.path, serializeAnswers(this.draft));
    this.written = true;
  }

  respondent(name: string): DraftRespondent | undefined {
    return this.draft.respondents.find((r) => r.name === name);
  }
}
