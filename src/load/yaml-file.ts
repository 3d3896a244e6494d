// One file, read and parsed, its kind recognised and its schema checked.

import type { Finding } from '../model/finding.js';
import { checkSchema } from './schema-check.js';
import { readSourceFile, type SourceFile } from './source-file.js';
import { getValidators, type SchemaKind } from './validators.js';
import { parseYaml, type ParsedYaml } from './yaml-source.js';

export const FILE_KINDS = ['model', 'questionnaire', 'answers'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface LoadedFile {
  readonly source?: SourceFile;
  readonly parsed?: ParsedYaml;
  /** The file's `kind:` when it is a known kind. */
  readonly kind?: FileKind;
  /** The data, when it parsed and passed the schema of `kind`. */
  readonly data?: unknown;
  readonly findings: Finding[];
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
}

/** Reads, parses and schema-checks a file. Never throws for a user's mistake. */
export async function loadYamlFile(file: string, options: LoadFileOptions = {}): Promise<LoadedFile> {
  const read = await readSourceFile(file);
  if ('finding' in read) return { findings: [read.finding] };
  const { source } = read;
  const parsed = parseYaml(source.text, { file });
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
      message: `the file must be a mapping that starts with kind: ${expected}, not ${data === null ? 'empty' : Array.isArray(data) ? 'a list' : 'a single value'}`,
      pointer: '',
    });
    return { source, parsed, findings };
  }
  const kind = kindOf(data);
  if (kind === undefined) {
    findings.push({
      file,
      ...at(Object.prototype.hasOwnProperty.call(data, 'kind') ? '/kind' : ''),
      severity: 'error',
      code: 'missing-kind',
      message: `the file has no kind: add "kind: ${options.expect ?? 'questionnaire'}" (${expected}) as its first line`,
      pointer: Object.prototype.hasOwnProperty.call(data, 'kind') ? '/kind' : '',
    });
    return { source, parsed, findings };
  }
  if (!(FILE_KINDS as readonly string[]).includes(kind) || (options.expect && kind !== options.expect)) {
    findings.push({
      file,
      ...at('/kind'),
      severity: 'error',
      code: 'unknown-kind',
      message: options.expect
        ? `this file is of kind "${kind}", but ${options.expect === 'answers' ? 'an answers file' : `a ${options.expect} file`} is needed here`
        : `unknown kind "${kind}": use ${expected}`,
      pointer: '/kind',
    });
    return { source, parsed, findings };
  }
  const validators = await getValidators();
  const schemaFindings = checkSchema(validators[kind as SchemaKind], data, parsed, file);
  findings.push(...schemaFindings);
  return schemaFindings.length > 0
    ? { source, parsed, kind: kind as FileKind, findings }
    : { source, parsed, kind: kind as FileKind, data, findings };
}
