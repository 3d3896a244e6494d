// One file through the first stages: read (source-file.ts), parsed (yaml/), its kind recognised and its schema
// checked (schema/). One parse per file: the fast path (yaml/fast-parse.ts) gives the data and the position of
// whatever a finding points at; text it cannot judge exactly goes the full path (yaml/full-parse.ts). Either way
// the same checks follow, with the same findings. Each file is read once: callers pass the LoadedFile along.

import type { Finding } from '../domain/finding.js';
import { fastParse } from './yaml/fast-parse.js';
import type { FileKind } from './kind-guess.js';
import { checkKind } from './schema/kind.js';
import { checkSchema } from './schema/schema-check.js';
import { readSourceFile, type SourceFile } from './source-file.js';
import { wellFormedPart } from './schema/well-formed.js';
import { getValidators, type SchemaKind } from './schema/validators.js';
import type { ParsedYaml } from './yaml/parsed-yaml.js';

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

export interface LoadFileOptions {
  /** The kind the caller needs; another kind is an error. Without it, any known kind. */
  readonly expect?: FileKind;
  /** Files larger than this are refused (default MAX_FILE_BYTES; --max-file-size raises it). */
  readonly maxBytes?: number;
}

/** Reads, parses and schema-checks a file. Never throws for a user's mistake. */
export async function loadYamlFile(file: string, options: LoadFileOptions = {}): Promise<LoadedFile> {
  const read = await readSourceFile(file, options.maxBytes);
  if ('finding' in read) return { findings: [read.finding] };
  return loadYamlSource(read.source, options);
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

/** The full path: yaml's Document, for any text, whatever it holds. Its code, like the yaml package, is loaded when a file needs it. */
export async function loadFull(source: SourceFile, options: LoadFileOptions = {}): Promise<LoadedFile> {
  const { parseYaml } = await import('./yaml/full-parse.js');
  return checkParsed(source, parseYaml(source.text, { file: source.file }), options);
}

/** The kind and the schema of parsed data. */
async function checkParsed(source: SourceFile, parsed: ParsedYaml, options: LoadFileOptions): Promise<LoadedFile> {
  const { file } = source;
  if (parsed.data === undefined) return { source, parsed, findings: parsed.findings };
  const checked = checkKind(parsed.data, parsed.locate, file, options.expect);
  if ('finding' in checked) return { source, parsed, findings: [...parsed.findings, checked.finding] };
  const { kind } = checked;
  const data = parsed.data;
  const findings = [...parsed.findings];
  const validators = await getValidators();
  const schemaFindings = checkSchema(validators[kind satisfies SchemaKind], data, parsed, file, source.text);
  findings.push(...schemaFindings);
  if (schemaFindings.length === 0) return { source, parsed, kind, data, findings };
  const part = wellFormedPart(kind, data, validators[kind]);
  return { source, parsed, kind, findings, ...(part ? { partial: { source, parsed, kind, data: part.data, findings: [], originalPointer: part.originalPointer } } : {}) };
}
