// One file, read and parsed, its kind recognised and its schema checked. One parse per file: the fast path
// (fast-parse.ts) gives the data and the position of whatever a finding points at; text it cannot judge exactly
// goes the full path (yaml-source.ts). Either way the same checks follow, with the same findings.

import type { Finding } from '../model/finding.js';
import { closest } from './did-you-mean.js';
import { fastParse } from './fast-parse.js';
import { FILE_KINDS, kindFromKeys, type FileKind } from './kind-guess.js';
import { quote } from './quote.js';
import { checkSchema } from './schema-check.js';
import { readSourceFile, type SourceFile } from './source-file.js';
import { wellFormedPart } from './well-formed.js';
import { getValidators, type SchemaKind } from './validators.js';
import { parseYaml, type ParsedYaml } from './yaml-source.js';

export { FILE_KINDS, type FileKind } from './kind-guess.js';

export interface LoadedFile {
  readonly source?: SourceFile;
  readonly parsed?: ParsedYaml;
  /** The file's `kind:` when it is a known kind. */
  readonly kind?: FileKind;
  /** The data, when it parsed and passed the schema of `kind`. */
  readonly data?: unknown;
  readonly findings: Finding[];
  /** When the schema check failed: the well-formed part, as a file of its own for the rules (see well-formed.ts). */
  readonly partial?: LoadedFile;
  /** Of a partial file: the pointer in the file of a pointer in its data. */
  readonly originalPointer?: (pointer: string) => string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined;
  const kind = Object.prototype.hasOwnProperty.call(data, 'kind') ? data['kind'] : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

export interface LoadFileOptions {
  /** The kind the caller needs; another kind is an error. Without it, any known kind. */
  readonly expect?: FileKind;
  /** Files larger than this are refused (default MAX_FILE_BYTES; --max-file-size raises it). */
  readonly maxBytes?: number;
}

function isFileKind(kind: string | undefined): kind is FileKind {
  return (FILE_KINDS as readonly (string | undefined)[]).includes(kind);
}

/**
 * The files loaded last whose kind was recognised, by path. Commands read some files twice (cxm report reads an
 * answers file for the model it names, then the model, then the answers in full): a large file is parsed once.
 * The bytes are compared (SHA-256), so a file changed in between is loaded afresh; a recognised kind gives the
 * same result whatever kind was expected.
 */
const recentlyLoaded = new Map<string, LoadedFile>();
const RECENT_FILES = 16;

/** Reads, parses and schema-checks a file. Never throws for a user's mistake. */
export async function loadYamlFile(file: string, options: LoadFileOptions = {}): Promise<LoadedFile> {
  const read = await readSourceFile(file, options.maxBytes);
  if ('finding' in read) return { findings: [read.finding] };
  const recent = recentlyLoaded.get(file);
  if (
    recent?.kind !== undefined &&
    (options.expect === undefined || options.expect === recent.kind) &&
    recent.source?.sha256 === read.source.sha256
  ) {
    return recent;
  }
  const loaded = await loadYamlSource(read.source, options);
  recentlyLoaded.delete(file);
  if (loaded.kind !== undefined) recentlyLoaded.set(file, loaded);
  if (recentlyLoaded.size > RECENT_FILES) recentlyLoaded.delete(recentlyLoaded.keys().next().value!);
  return loaded;
}

/** Parses and schema-checks a file already read: the fast path when it can judge the text, else the full path. */
export async function loadYamlSource(source: SourceFile, options: LoadFileOptions = {}): Promise<LoadedFile> {
  return (await loadFast(source, options)) ?? (await loadFull(source, options));
}

/** The fast path: the file as loadFull loads it, findings and positions alike, or undefined when it cannot judge the text. */
export async function loadFast(source: SourceFile, options: LoadFileOptions = {}): Promise<LoadedFile | undefined> {
  const fast = fastParse(source.text);
  if (fast === undefined) return undefined;
  return checkParsed(source, { data: fast.data, findings: [], locate: fast.locate }, options);
}

/** The full path: yaml's Document, for any text, whatever it holds. */
export async function loadFull(source: SourceFile, options: LoadFileOptions = {}): Promise<LoadedFile> {
  return checkParsed(source, parseYaml(source.text, { file: source.file }), options);
}

/** The kind and the schema of parsed data. */
async function checkParsed(source: SourceFile, parsed: ParsedYaml, options: LoadFileOptions): Promise<LoadedFile> {
  const { file } = source;
  if (parsed.data === undefined) return { source, parsed, findings: parsed.findings };
  const findings = [...parsed.findings];
  const data = parsed.data;
  const at = (pointer: string): { line: number; column: number } => parsed.locate(pointer);
  const expected = options.expect ? `"${options.expect}"` : 'one of model, questionnaire, answers';

  if (!isRecord(data)) {
    findings.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'missing-kind',
      message:
        data === null
          ? `the file holds no data (it is empty, or only comments): it must be a mapping that starts with kind: ${expected}`
          : `the file must be a mapping that starts with kind: ${expected}, not ${Array.isArray(data) ? 'a list' : 'a single value'}`,
      pointer: '',
    });
    return { source, parsed, findings };
  }
  const kind = kindOf(data);
  if (kind === undefined) {
    const hasKind = Object.prototype.hasOwnProperty.call(data, 'kind');
    const value = data['kind'];
    const guessed = options.expect ?? kindFromKeys(data);
    const wanted = guessed ? `"kind: ${guessed}"` : 'kind: model, questionnaire or answers';
    findings.push({
      file,
      ...at(hasKind ? '/kind' : ''),
      severity: 'error',
      code: 'missing-kind',
      message: hasKind
        ? `kind must be ${expected}, not ${value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : JSON.stringify(value)}`
        : `the file has no kind: add ${wanted} as its first line`,
      pointer: hasKind ? '/kind' : '',
    });
    return { source, parsed, findings };
  }
  if (!isFileKind(kind) || (options.expect && kind !== options.expect)) {
    const guess = isFileKind(kind) ? undefined : closest(kind, FILE_KINDS);
    const needed = options.expect === 'answers' ? 'an answers file' : `a ${options.expect} file`;
    findings.push({
      file,
      ...at('/kind'),
      severity: 'error',
      code: 'unknown-kind',
      message: guess
        ? `unknown kind ${quote(kind)}: did you mean "${guess}"?`
        : options.expect
          ? `this file is of kind ${quote(kind)}, but ${needed} is needed here: name ${needed} (kind: ${options.expect})`
          : `unknown kind ${quote(kind)}: use ${expected}`,
      pointer: '/kind',
    });
    return { source, parsed, findings };
  }
  const validators = await getValidators();
  const schemaFindings = checkSchema(validators[kind satisfies SchemaKind], data, parsed, file, source.text);
  findings.push(...schemaFindings);
  if (schemaFindings.length === 0) return { source, parsed, kind, data, findings };
  const part = wellFormedPart(kind, data, validators[kind]);
  return { source, parsed, kind, findings, ...(part ? { partial: { source, parsed, kind, data: part.data, findings: [], originalPointer: part.originalPointer } } : {}) };
}
