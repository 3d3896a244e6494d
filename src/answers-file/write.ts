// The one writer of answers files (SPEC 2.3): the interview's autosave, cxm import and cxm anonymize all write
// through serializeAnswers, so that the keys, their order and the keys it does not manage (`targets:`,
// `evidence:`, any later one) are decided here once.
//
// One layout, two ways of writing a scalar: as the yaml package writes it (the interview's files, byte for byte
// what a yaml Document gives, learnt from yaml and remembered), or `bulk` (cxm import of tens of thousands of
// respondents: never loads yaml, plain only where no reader can take the text for anything else, else quoted).

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { AnswerValue } from '../domain/types.js';
import type { AnswersDraft } from './draft.js';

type YamlLib = typeof Yaml;
let yamlLib: YamlLib | undefined;
/** The yaml package, loaded on first use: cxm import writes in bulk and starts faster without it. */
function yaml(): YamlLib {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}

export interface WriteOptions {
  /** Quote what is not plainly safe instead of asking yaml how it writes each scalar: for very large files. */
  readonly bulk?: boolean;
}

/** The answers file of a draft. Without `bulk`, the bytes answersYaml(answersData(draft)) gives. */
export function serializeAnswers(draft: AnswersDraft, options: WriteOptions = {}): string {
  if (options.bulk === true) return writtenLines(draft, BULK)!;
  return writtenLines(draft, AS_YAML) ?? answersYaml(answersData(draft));
}

/** An object whose keys are data: a key such as __proto__ becomes an own property. */
export function record(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
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
    ...(draft.kept ?? []),
  ]);
}

/** Where a scalar stands: a key, a value after `key: `, or an item of a flow list (a comma ends it there). */
type Place = 'key' | 'value' | 'item';

/** How one scalar is written in a place; undefined: not on one line (the whole file then goes through yaml). */
interface ScalarStyle {
  write(place: Place, value: string | number | boolean): string | undefined;
  /** Whether a key that is an array index may be written in the Map's order (a Document built from an object puts it first). */
  readonly indexKeysInOrder: boolean;
}

const WRITTEN = new Map<string, string | undefined>();

/** The text yaml gives this scalar here, learnt from yaml itself on a one-entry document and remembered. */
const AS_YAML: ScalarStyle = {
  indexKeysInOrder: false,
  write(place, value) {
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
  },
};

/** Words YAML 1.1 reads as booleans or null: never written plain, whatever reads the file. */
const AMBIGUOUS_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** Text that every YAML reader takes as this very string when written plain, in a block or in a flow list. */
const PLAIN_SAFE = /^[A-Za-z][\w./@()+-]*(?: [\w./@()+-]+)*$/;
/** Characters a double-quoted YAML scalar must escape beyond what JSON escapes (non-printable in YAML 1.2, line-break-like). */
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Plain where no reader can take the text for anything else; else a JSON string, which YAML reads alike. */
const BULK: ScalarStyle = {
  indexKeysInOrder: true,
  write(_place, value) {
    if (typeof value !== 'string') return String(value);
    if (PLAIN_SAFE.test(value) && !AMBIGUOUS_WORDS.has(value.toLowerCase())) return value;
    return JSON.stringify(value).replace(YAML_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  },
};

/** A key that an object puts before the others (an array index), and so the Document too. */
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * The draft written line by line in answersYaml's layout; undefined when a scalar cannot be written on one line in
 * this style, or a key is a number that a Document would move.
 */
export function writtenDirectly(draft: AnswersDraft): string | undefined {
  return writtenLines(draft, AS_YAML);
}

function writtenLines(draft: AnswersDraft, style: ScalarStyle): string | undefined {
  // ids, option ids and answers repeat on every respondent: each is judged once, each answer line written once
  const known = new Map<string, string | undefined>();
  const scalar = (place: Place, value: string | number | boolean): string | undefined => {
    if (typeof value !== 'string') return style.write(place, value);
    const cacheKey = place + value;
    if (known.has(cacheKey)) return known.get(cacheKey);
    const written = style.write(place, value);
    known.set(cacheKey, written);
    return written;
  };
  const answerLines = new Map<string, Map<AnswerValue, string | undefined>>();
  const answerLine = (id: string, value: AnswerValue): string | undefined => {
    let byValue = answerLines.get(id);
    if (!byValue) answerLines.set(id, (byValue = new Map<AnswerValue, string | undefined>()));
    if (byValue.has(value)) return byValue.get(value);
    const k = scalar('key', id);
    let v: string | undefined;
    if (Array.isArray(value)) {
      const items = (value as readonly unknown[]).map((item) => (typeof item === 'string' ? scalar('item', item) : undefined));
      v = items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
    } else v = scalar('value', value as string | number);
    const line = k !== undefined && v !== undefined ? `      ${k}: ${v}` : undefined;
    // lists are remembered by identity: only the ones a reader shares (cxm import's) repeat
    if (byValue.size < 4096) byValue.set(value, line);
    return line;
  };

  const lines: string[] = ['kind: answers'];
  const line = (indent: string, key: string, value: string | number | boolean | undefined): boolean => {
    if (value === undefined) return true;
    const k = scalar('key', key);
    const v = scalar('value', value);
    if (k === undefined || v === undefined) return false;
    lines.push(`${indent}${k}: ${v}`);
    return true;
  };
  // the model is a flow mapping, where a scalar is written as in a flow list
  const id = scalar('item', draft.model.id);
  const version = scalar('item', draft.model.version);
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
    if (!style.indexKeysInOrder) {
      for (const key of r.answers.keys()) if (INDEX_KEY.test(key)) return undefined;
      for (const key of r.notes.keys()) if (INDEX_KEY.test(key)) return undefined;
    }
    const name = scalar('value', r.name);
    if (name === undefined) return undefined;
    lines.push(`  - name: ${name}`);
    if (!line('    ', 'role', r.role) || !line('    ', 'group', r.group)) return undefined;
    if (r.answers.size === 0) lines.push('    answers: {}');
    else {
      lines.push('    answers:');
      for (const [question, value] of r.answers) {
        const written = answerLine(question, value);
        if (written === undefined) return undefined;
        lines.push(written);
      }
    }
    if (r.notes.size > 0) {
      lines.push('    notes:');
      for (const [question, note] of r.notes) if (!line('      ', question, note)) return undefined;
    }
  }
  const text = lines.join('\n') + '\n';
  // what the writer does not manage is written as yaml writes it, one top-level key at a time (as a Document would)
  return (draft.kept ?? []).reduce((out, entry) => out + answersYaml(record([entry])), text);
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
      misread = yaml().parse(text, { version: '1.1' }) !== text;
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
 * so that the file means the same to every reader. The reference: serializeAnswers writes these bytes, line by
 * line where it can.
 */
export function answersYaml(data: Record<string, unknown>): string {
  const { Document, isMap, isScalar, isSeq, visit } = yaml();
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
