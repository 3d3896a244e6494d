// YAML 1.1 traps. cxm reads YAML 1.2, where `no`, `yes`, `on` and `off` are strings; YAML 1.1 readers (PyYAML,
// many CI tools) read them, plain, as booleans. And `True` is a boolean in both: an id written so needs quotes.

import type { Finding } from '../../domain/finding.js';
import { findingAt } from '../findings.js';
import type { LoadedFile } from '../file.js';
import { quotedFix, writtenAt } from '../yaml/written-at.js';

/** The plain scalars YAML 1.1 reads as booleans (yaml.org/type/bool.html). */
export const YAML11_BOOLEANS: ReadonlySet<string> = new Set(
  ['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]),
);

/**
 * Whether the text holds the value written plain anywhere (as a value, or with `key`, as a key): a cheap test that
 * spares a file whose such ids are all quoted the full parse that positions need.
 */
function writtenPlainSomewhere(text: string, value: string, key: boolean): boolean {
  const pattern = key ? `(?:^|[\\s{,])${value}[ \\t]*:` : `[:\\[{,-][ \\t]+${value}[ \\t]*(?:$|[,}\\]#\\r])`;
  return new RegExp(pattern, 'm').test(text);
}

/**
 * A warning for each id (at `paths`) that is written as a plain YAML 1.1 boolean: fine for cxm, but a YAML 1.1
 * reader of the same file reads false or true, not the id. Quoted ids are left alone.
 */
/** An id to check: where it is (with `key`, the key itself is the id) and what it is. */
export interface Yaml11Id {
  readonly path: (string | number)[];
  readonly value: string;
  readonly target?: 'key';
}

export function yaml11BooleanIds(loaded: LoadedFile, ids: readonly Yaml11Id[]): Finding[] {
  const text = loaded.source?.text;
  if (text === undefined) return [];
  const findings: Finding[] = [];
  for (const { path, value, target } of ids) {
    if (!YAML11_BOOLEANS.has(value) || !writtenPlainSomewhere(text, value, target === 'key')) continue;
    const finding = findingAt(loaded, path, 'yaml11-boolean-id', '', { severity: 'warning', ...(target ? { target } : {}) });
    const written = writtenAt(text, finding);
    if (written !== value) continue; // quoted (or not where we looked): nothing to fix
    const key = target === 'key' ? undefined : path[path.length - 1];
    const reads = /^(?:y|yes|true|on)$/i.test(value) ? 'true' : 'false';
    const fix = target === 'key' ? `"${value}":` : quotedFix(key === undefined ? undefined : String(key), value);
    findings.push({
      ...finding,
      message: `plain ${value} is the id "${value}" for cxm (YAML 1.2), but ${reads} for YAML 1.1 readers such as PyYAML and many CI tools: quote it: ${fix}`,
    });
  }
  return findings;
}
