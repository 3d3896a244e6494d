// The part of a file that is well-formed enough for the rules, when its schema check failed: so that one run
// reports a typo (`weigth`) and a duplicate option id together (changesets' config parse: schema, then rules
// on whatever is well-formed). Only what the rules can trust is kept, so they report no finding that follows
// from a schema error: an unknown property is dropped (it is ignored anyway), an item of the file's main list
// with any other error is left out, and an error anywhere else leaves nothing to run the rules on.

import type { FileKind } from '../kind-guess.js';
import { isRecord } from '../yaml/plain-data.js';
import type { Validator } from './validators.js';
import { parsePointer, pointerOf } from '../yaml/pointer.js';

/** The list of each kind whose items can be left out one by one: each item is checked by the rules on its own. */
const ITEMS: Record<FileKind, string> = {
  questionnaire: 'questions',
  answers: 'respondents',
  model: 'elements',
};

/** A deep copy of plain data; keys such as __proto__ stay data. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: copyOf(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let node = data;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

export interface WellFormedPart {
  readonly data: unknown;
  /** The pointer in the file of a pointer in `data` (items left out shift the indices of those after them). */
  readonly originalPointer: (pointer: string) => string;
}

/**
 * The file's data as far as it is well-formed, passing the schema of its kind; undefined when the errors are
 * where nothing can be left out (a top-level field, a level of a model). `validate` is the kind's validator.
 */
export function wellFormedPart(kind: FileKind, data: unknown, validate: Validator): WellFormedPart | undefined {
  const copy = copyOf(data);
  const list = ITEMS[kind];
  const items = isRecord(copy) ? copy[list] : undefined;
  const origin = Array.isArray(items) ? items.map((_, i) => i) : [];
  // each round removes what the errors name; a few rounds are enough (removing can reveal a list now too short)
  for (let round = 0; round < 4; round++) {
    if (validate(copy)) return { data: copy, originalPointer: (pointer) => originalPointer(pointer, list, origin) };
    const leftOut = new Set<number>();
    const unknown: { parent: Record<string, unknown>; key: string }[] = [];
    for (const error of validate.errors ?? []) {
      const segments = parsePointer(error.instancePath);
      const evidence = isRecord(copy) && kind === 'answers' ? copy['evidence'] : undefined;
      if (segments[0] === 'evidence' && segments.length >= 2 && isRecord(evidence)) {
        // (1.2) a question's evidence with a mistake is left out whole: its items are judged together (backed or not)
        unknown.push({ parent: evidence, key: segments[1]! });
      } else if (error.keyword === 'additionalProperties') {
        const parent = valueAt(copy, segments);
        if (isRecord(parent)) unknown.push({ parent, key: String(error.params['additionalProperty']) });
      } else if (segments[0] === list && segments.length >= 2 && /^\d+$/.test(segments[1]!)) {
        leftOut.add(Number(segments[1]));
      } else if (error.keyword !== 'oneOf' && error.keyword !== 'if') {
        return undefined;
      }
    }
    if (unknown.length === 0 && leftOut.size === 0) return undefined;
    for (const { parent, key } of unknown) delete parent[key];
    if (Array.isArray(items)) {
      for (const index of [...leftOut].sort((a, b) => b - a)) {
        items.splice(index, 1);
        origin.splice(index, 1);
      }
    }
  }
  return undefined;
}

function originalPointer(pointer: string, list: string, origin: readonly number[]): string {
  const segments = parsePointer(pointer);
  if (segments[0] !== list || segments[1] === undefined || !/^\d+$/.test(segments[1])) return pointer;
  return pointerOf([list, origin[Number(segments[1])] ?? Number(segments[1]), ...segments.slice(2)]);
}
