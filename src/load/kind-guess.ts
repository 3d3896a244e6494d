// Which kind a file without a (known) `kind:` looks like, from its keys: a searched directory passes over plain
// other YAML (CI configs, compose files) but must not pass over a cxm file whose kind is missing or misspelled.

import { closest } from '../text/did-you-mean.js';
import { isRecord } from './yaml/plain-data.js';

export const FILE_KINDS = ['model', 'questionnaire', 'answers'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Top-level keys that only cxm files have, with the kind each points to (generic keys such as title are left out). */
const KEYS_OF_KIND: readonly (readonly [string, FileKind])[] = [
  ['questions', 'questionnaire'],
  ['element', 'questionnaire'],
  ['recommendations', 'questionnaire'],
  ['respondents', 'answers'],
  ['levels', 'model'],
  ['elements', 'model'],
  ['accepts', 'model'],
];

/** A report or comparison JSON written by cxm: it has schemaVersion and no kind. */
export function cxmOutputKind(data: unknown): 'report' | 'comparison' | undefined {
  if (!isRecord(data) || Object.prototype.hasOwnProperty.call(data, 'kind') || !('schemaVersion' in data)) return undefined;
  return 'periods' in data || 'changes' in data ? 'comparison' : 'report';
}

/** The kind the file's keys suggest (the one with most keys), or undefined when none of them is cxm's. */
export function kindFromKeys(data: unknown): FileKind | undefined {
  if (!isRecord(data) || cxmOutputKind(data) !== undefined) return undefined;
  const votes = new Map<FileKind, number>();
  for (const [key, kind] of KEYS_OF_KIND) if (Object.prototype.hasOwnProperty.call(data, key)) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  const model = data['model'];
  if (isRecord(model) && 'id' in model && 'version' in model) votes.set('answers', (votes.get('answers') ?? 0) + 1);
  let best: FileKind | undefined;
  for (const [kind, n] of votes) if (best === undefined || n > votes.get(best)!) best = kind;
  return best;
}

/**
 * Whether a file in a searched directory is one of cxm's to judge: a kind of ours or close to one (a typo),
 * cxm's keys, or, for text that does not parse, a kind line of ours. Plainly other YAML is passed over.
 */
export function looksLikeCxmFile(data: unknown, text: string | undefined): boolean {
  if (isRecord(data)) {
    const kind = data['kind'];
    if (typeof kind === 'string' && closest(kind, FILE_KINDS) !== undefined) return true;
    return kindFromKeys(data) !== undefined;
  }
  if (data !== undefined || text === undefined) return false;
  // the text did not parse: judge by a kind line or cxm's keys at the start of a line
  const kindLine = /^kind:[ \t]*["']?([A-Za-z-]+)/m.exec(text);
  if (kindLine && closest(kindLine[1]!, FILE_KINDS) !== undefined) return true;
  return /^(?:questions|element|recommendations|respondents|levels|elements|accepts):/m.test(text);
}
