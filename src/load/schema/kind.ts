// The first check of parsed data: its `kind:`, which says which schema applies (SPEC 2.4). A missing or unknown
// kind is one finding that says what to write, guessed from the file's keys when it can be.

import type { Finding } from '../../domain/finding.js';
import { closest } from '../../text/did-you-mean.js';
import { FILE_KINDS, kindFromKeys, type FileKind } from '../kind-guess.js';
import { quote } from '../../text/quote.js';
import type { Locate } from '../yaml/parsed-yaml.js';
import { isRecord } from '../yaml/plain-data.js';

function kindOf(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined;
  const kind = Object.prototype.hasOwnProperty.call(data, 'kind') ? data['kind'] : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

function isFileKind(kind: string | undefined): kind is FileKind {
  return (FILE_KINDS as readonly (string | undefined)[]).includes(kind);
}

/** The kind of the data, or the finding that says why it has none of cxm's (or not the one `expect`ed). */
export function checkKind(data: unknown, locate: Locate, file: string, expect?: FileKind): { readonly kind: FileKind } | { readonly finding: Finding } {
  const expected = expect ? `"${expect}"` : 'one of model, questionnaire, answers';
  if (!isRecord(data)) {
    return {
      finding: {
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
      },
    };
  }
  const kind = kindOf(data);
  if (kind === undefined) {
    const hasKind = Object.prototype.hasOwnProperty.call(data, 'kind');
    const value = data['kind'];
    const guessed = expect ?? kindFromKeys(data);
    const wanted = guessed ? `"kind: ${guessed}"` : 'kind: model, questionnaire or answers';
    return {
      finding: {
        file,
        ...locate(hasKind ? '/kind' : ''),
        severity: 'error',
        code: 'missing-kind',
        message: hasKind
          ? `kind must be ${expected}, not ${value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : JSON.stringify(value)}`
          : `the file has no kind: add ${wanted} as its first line`,
        pointer: hasKind ? '/kind' : '',
      },
    };
  }
  if (!isFileKind(kind) || (expect && kind !== expect)) {
    const guess = isFileKind(kind) ? undefined : closest(kind, FILE_KINDS);
    const needed = expect === 'answers' ? 'an answers file' : `a ${expect} file`;
    return {
      finding: {
        file,
        ...locate('/kind'),
        severity: 'error',
        code: 'unknown-kind',
        message: guess
          ? `unknown kind ${quote(kind)}: did you mean "${guess}"?`
          : expect
            ? `this file is of kind ${quote(kind)}, but ${needed} is needed here: name ${needed} (kind: ${expect})`
            : `unknown kind ${quote(kind)}: use ${expected}`,
        pointer: '/kind',
      },
    };
  }
  return { kind };
}
