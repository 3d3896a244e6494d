// Findings helpers, one home: building a finding at a JSON pointer of a loaded file (its position is looked up only
// here), whether any is an error or an I/O problem, and their stable order.

import type { Finding, FindingCode, Severity } from '../domain/finding.js';
import type { LoadedFile } from './file.js';
import { pointerOf } from './yaml/pointer.js';

export function findingAt(
  loaded: LoadedFile,
  path: readonly (string | number)[] | string,
  code: FindingCode,
  message: string,
  options: { severity?: Severity; target?: 'key' | 'value' } = {},
): Finding {
  const written = typeof path === 'string' ? path : pointerOf(path);
  // the rules may run on the well-formed part of a file (well-formed.ts), whose list indices are its own
  const pointer = loaded.originalPointer ? loaded.originalPointer(written) : written;
  const position = loaded.parsed ? loaded.parsed.locate(pointer, options.target ?? 'value') : { line: 1, column: 1 };
  return {
    file: loaded.source?.file ?? '',
    line: position.line,
    column: position.column,
    severity: options.severity ?? 'error',
    code,
    message,
    pointer,
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order: by file, line, column, then code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** A path that does not exist or cannot be read: a usage problem (exit 2), not a problem in a file's content. */
export function isIoFinding(finding: Finding): boolean {
  return finding.code === 'file-not-found' || finding.code === 'file-unreadable';
}

/**
 * A number as the file writes it, at `path`: a JavaScript number holds 9007199254740993 as 9007199254740992, and a
 * message must quote what the person wrote. The plain scalar at the value's position; `value` when there is none.
 */
export function writtenNumber(loaded: LoadedFile, path: readonly (string | number)[], value: number): string {
  if (Number.isSafeInteger(value) || !loaded.parsed || !loaded.source) return String(value);
  const written = loaded.originalPointer ? loaded.originalPointer(pointerOf(path)) : pointerOf(path);
  const { line, column } = loaded.parsed.locate(written, 'value');
  const text = loaded.source.text.split(/\r?\n/)[line - 1]?.slice(column - 1);
  return /^[-+]?[0-9][0-9_.eExXoObB+-]*/.exec(text ?? '')?.[0] ?? String(value);
}
