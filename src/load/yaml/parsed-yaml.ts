// What parsing a file gives, whichever path parsed it (fast-parse.ts or full-parse.ts): the data, the findings,
// and the line:column of any value a finding names.

import type { Finding } from '../../domain/finding.js';
import type { Position } from './line-index.js';

/** line:column of the value (or, with `key`, of the key) at a JSON pointer. */
export type Locate = (pointer: string, target?: 'key' | 'value') => Position;

export interface ParsedYaml {
  /** The plain data; undefined when the file could not be parsed at all. */
  readonly data: unknown;
  readonly findings: Finding[];
  readonly locate: Locate;
}
