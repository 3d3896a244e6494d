// An assessment in progress and its file: a valid SPEC 2.3 answers file at every moment, rewritten
// atomically after every answer so that a crash or Ctrl-C loses nothing that was answered.

import { Document, isMap, isSeq, visit } from 'yaml';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { AnswerSet, AnswerValue } from '../model/types.js';

export interface DraftRespondent {
  name: string;
  role?: string;
  /** (1.1) A group id of the model, or any text when it declares none. */
  group?: string;
  readonly answers: Map<string, AnswerValue>;
  readonly notes: Map<string, string>;
}

export interface AnswersDraft {
  readonly model: { readonly id: string; readonly version: string };
  organization?: string;
  period?: string;
  date?: string;
  /** (1.1) Reports never show names. */
  anonymous?: boolean;
  /** Where the answers came from when they were imported (cxm import): the file's name and SHA-256. */
  source?: { readonly file: string; readonly sha256: string };
  readonly respondents: DraftRespondent[];
}

export function draftFromAnswerSet(set: AnswerSet): AnswersDraft {
  return {
    model: { ...set.model },
    ...(set.organization !== undefined ? { organization: set.organization } : {}),
    ...(set.period !== undefined ? { period: set.period } : {}),
    ...(set.date !== undefined ? { date: set.date } : {}),
    respondents: set.respondents.map((r) => ({
      name: r.name,
      ...(r.role !== undefined ? { role: r.role } : {}),
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
      answers: r.answers,
      notes: r.notes,
      file,
    })),
    inputs: [],
  };
}

/** An object whose keys are data: a key such as __proto__ becomes an own property. */
function record(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
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
  const doc = new Document(data, { version: '1.2' });
  // lists of option ids read best on one line: [nps, complaints]
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => typeof (i as { value?: unknown }).value === 'string')) node.flow = true;
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

/** Words YAML 1.1 reads as booleans or null: never written plain, whatever reads the file. */
const AMBIGUOUS_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** Text that every YAML reader takes as this very string when written plain, in a block or in a flow list. */
const PLAIN_SAFE = /^[A-Za-z][\w./@()+-]*(?: [\w./@()+-]+)*$/;
/** Characters a double-quoted YAML scalar must escape beyond what JSON escapes (non-printable in YAML 1.2, line-break-like). */
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN_SAFE.test(value) && !AMBIGUOUS_WORDS.has(value.toLowerCase())) return value;
  // a JSON string is a YAML double-quoted scalar with the same value, once YAML's unprintables are escaped too
  return JSON.stringify(value).replace(YAML_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The same answers file as serializeAnswers, written directly: for tens of thousands of respondents (cxm import
 * of an organization-wide survey), where building a yaml Document takes many times longer than reading the
 * responses. Plain scalars only where no reader can take them for anything else; everything else double-quoted.
 * test/import/answers-writer.test.ts holds it to serializeAnswers: both parse to the same data.
 */
export function serializeAnswersFast(draft: AnswersDraft): string {
  // ids and option ids repeat on every respondent: each is judged once
  const known = new Map<string, string>();
  const scalarOf = (value: string): string => {
    let written = known.get(value);
    if (written === undefined) known.set(value, (written = scalar(value)));
    return written;
  };
  // respondents of a survey give the same answers again and again: the line of an answer is written once
  const lines = new Map<string, Map<AnswerValue, string>>();
  const answerLine = (id: string, value: AnswerValue): string => {
    let byValue = lines.get(id);
    if (!byValue) lines.set(id, (byValue = new Map()));
    let line = byValue.get(value);
    if (line === undefined) {
      const written = Array.isArray(value)
        ? `[${(value as readonly string[]).map(scalarOf).join(', ')}]`
        : typeof value === 'string'
          ? scalarOf(value)
          : String(value);
      line = `      ${scalarOf(id)}: ${written}`;
      // lists are remembered by identity: only the ones a reader shares (cxm import's) repeat
      if (byValue.size < 4096) byValue.set(value, line);
    }
    return line;
  };
  const out: string[] = ['kind: answers', `model: {id: ${scalar(draft.model.id)}, version: ${scalar(draft.model.version)}}`];
  if (draft.organization !== undefined) out.push(`organization: ${scalar(draft.organization)}`);
  if (draft.period !== undefined) out.push(`period: ${scalar(draft.period)}`);
  if (draft.date !== undefined) out.push(`date: ${scalar(draft.date)}`);
  if (draft.anonymous === true) out.push('anonymous: true');
  if (draft.source !== undefined) out.push('source:', `  file: ${scalar(draft.source.file)}`, `  sha256: ${scalar(draft.source.sha256)}`);
  if (draft.respondents.length === 0) out.push('respondents: []');
  else out.push('respondents:');
  for (const r of draft.respondents) {
    out.push(`  - name: ${scalar(r.name)}`);
    if (r.role !== undefined) out.push(`    role: ${scalar(r.role)}`);
    if (r.group !== undefined) out.push(`    group: ${scalar(r.group)}`);
    if (r.answers.size === 0) out.push('    answers: {}');
    else {
      out.push('    answers:');
      for (const [id, value] of r.answers) out.push(answerLine(id, value));
    }
    if (r.notes.size > 0) {
      out.push('    notes:');
      for (const [id, note] of r.notes) out.push(`      ${scalar(id)}: ${scalar(note)}`);
    }
  }
  return out.join('\n') + '\n';
}
