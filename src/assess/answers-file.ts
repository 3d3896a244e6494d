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

/**
 * The answers file of a draft, as answersYaml writes it (the same bytes), written directly when every scalar in
 * it is one yaml writes on one line: the interview saves after every answer, and building a yaml Document each
 * time cost more than the rest of the save. (cxm import has a writer of its own, answers-fast.ts: it never loads
 * the yaml package, so it quotes more than yaml does; the interview's files stay as they always were.)
 */
export function serializeAnswers(draft: AnswersDraft): string {
  return writtenDirectly(draft) ?? answersYaml(answersData(draft));
}

/** The data of a draft, keys in the order to write them, for answersYaml. */
export function answersData(draft: AnswersDraft): Record<string, unknown> {
  return record([
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
}

/** How yaml writes one scalar in each place it can take in an answers file; undefined: not on one line. */
type Place = 'key' | 'value' | 'item';
const WRITTEN = new Map<string, string | undefined>();

/** The text yaml gives this scalar here, learnt from yaml itself on a one-entry document and remembered. */
function scalarAs(place: Place, value: string | number | boolean): string | undefined {
  const cacheKey = `${place}${typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'b'}${String(value)}`;
  if (WRITTEN.has(cacheKey)) return WRITTEN.get(cacheKey);
  const text = answersYaml(record([place === 'key' ? [String(value), 0] : ['k', place === 'item' ? [value] : value]]));
  const [prefix, suffix] = place === 'key' ? ['', ': 0\n'] : place === 'item' ? ['k: [', ']\n'] : ['k: ', '\n'];
  const inner = text.startsWith(prefix) && text.endsWith(suffix) ? text.slice(prefix.length, text.length - suffix.length) : undefined;
  // one line, and nothing that could be taken for the end of a key or of a list item
  const written = inner !== undefined && inner !== '' && !/[\n\r]/.test(inner) && !inner.startsWith('? ') ? inner : undefined;
  if (WRITTEN.size >= 10_000) WRITTEN.clear();
  WRITTEN.set(cacheKey, written);
  return written;
}

/** A key that an object puts before the others (an array index), and so the Document too. */
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * The draft written line by line in answersYaml's layout; undefined when a scalar needs more than one line, or a
 * key is a number (which the Document, built from an object, writes first).
 */
export function writtenDirectly(draft: AnswersDraft): string | undefined {
  const lines: string[] = ['kind: answers'];
  const line = (indent: string, key: string, value: string | number | boolean | undefined): boolean => {
    if (value === undefined) return true;
    const k = scalarAs('key', key);
    const v = scalarAs('value', value);
    if (k === undefined || v === undefined) return false;
    lines.push(`${indent}${k}: ${v}`);
    return true;
  };
  // the model is a flow mapping, where a scalar is written as in a flow list (a comma ends it there)
  const id = scalarAs('item', draft.model.id);
  const version = scalarAs('item', draft.model.version);
  if (id === undefined || version === undefined) return undefined;
  lines.push(`model: {id: ${id}, version: ${version}}`);
  if (!line('', 'organization', draft.organization) || !line('', 'period', draft.period) || !line('', 'date', draft.date)) return undefined;
  if (draft.anonymous === true) lines.push('anonymous: true');
  if (draft.source !== undefined) {
    lines.push('source:');
    if (!line('  ', 'file', draft.source.file) || !line('  ', 'sha256', draft.source.sha256)) return undefined;
  }
  lines.push(draft.respondents.length === 0 ? 'respondents: []' : 'respondents:');
  for (const r of draft.respondents) {
    for (const key of r.answers.keys()) if (INDEX_KEY.test(key)) return undefined;
    for (const key of r.notes.keys()) if (INDEX_KEY.test(key)) return undefined;
    const name = scalarAs('value', r.name);
    if (name === undefined) return undefined;
    lines.push(`  - name: ${name}`);
    if (!line('    ', 'role', r.role) || !line('    ', 'group', r.group)) return undefined;
    if (r.answers.size === 0) lines.push('    answers: {}');
    else {
      lines.push('    answers:');
      for (const [question, value] of r.answers) {
        if (!Array.isArray(value)) {
          if (!line('      ', question, value as string | number)) return undefined;
          continue;
        }
        const k = scalarAs('key', question);
        if (k === undefined) return undefined;
        const items: string[] = [];
        for (const item of value as readonly unknown[]) {
          const written = typeof item === 'string' ? scalarAs('item', item) : undefined;
          if (written === undefined) return undefined;
          items.push(written);
        }
        lines.push(`      ${k}: [${items.join(', ')}]`);
      }
    }
    if (r.notes.size > 0) {
      lines.push('    notes:');
      for (const [question, note] of r.notes) if (!line('      ', question, note)) return undefined;
    }
  }
  return lines.join('\n') + '\n';
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
 * so that the file means the same to every reader. The reference for the interview's files: serializeAnswers
 * writes these bytes, line by line where it can.
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
