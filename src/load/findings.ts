// Findings helpers, one home: building a finding at a JSON pointer of a loaded file (its position is looked up only
// here), whether any is an error or an I/O problem, and their stable order.

import type { Finding, FindingCode, Severity } from '../model/finding.js';
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
