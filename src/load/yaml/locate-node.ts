// The node of a yaml Document at a JSON pointer, and its line:column: the full path's answer to "where is the
// value (or the key) a finding names". node-tree.ts answers the same for the fast path, to the same line:column.

import type { Document, Pair, YAMLMap, Node as YamlNode } from 'yaml';
import type { Position } from './line-index.js';
import { parsePointer } from './pointer.js';
import { yamlLib } from './yaml-library.js';

/** Pairs of a mapping by key, built once per mapping: a file with thousands of findings locates each in O(depth). */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!yamlLib().isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

/** Finds the YAML node at a pointer: the pair (for its key) and the value node. */
function nodeAt(doc: Document.Parsed, segments: readonly string[]): { key?: YamlNode; value?: YamlNode; found: number } {
  let node: YamlNode | null | undefined = doc.contents;
  let key: YamlNode | undefined;
  const seen = new Set<YamlNode>();
  let found = 0;
  for (const segment of segments) {
    while (node && yamlLib().isAlias(node) && !seen.has(node)) {
      seen.add(node);
      node = node.resolve(doc);
    }
    if (!node) break;
    let next: YamlNode | null | undefined;
    if (yamlLib().isMap(node)) {
      const pair = pairByKey(node, segment);
      if (!pair) break;
      key = pair.key as YamlNode;
      next = pair.value as YamlNode | null;
      if (next === null) {
        found++;
        return { key, value: key, found };
      }
    } else if (yamlLib().isSeq(node)) {
      const index = Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (item === undefined) break;
      key = undefined;
      next = item as YamlNode;
    } else break;
    node = next;
    found++;
  }
  return { ...(key ? { key } : {}), ...(node ? { value: node } : {}), found };
}

/** An unclosed quote runs on to the end of the file, where yaml reports it: the opening quote is where to look. */
export function openingQuote(doc: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  yamlLib().visit(doc, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) {
        start = node.range[0];
        return yamlLib().visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** line:column of the value (or, with `key`, of the key) at a JSON pointer in a parsed yaml Document. */
export function documentLocator(doc: Document.Parsed, toPosition: (offset: number) => Position): (pointer: string, target?: 'key' | 'value') => Position {
  return (pointer, target = 'value') => {
    const { key, value } = nodeAt(doc, parsePointer(pointer));
    const node = target === 'key' ? (key ?? value) : value;
    return toPosition(node?.range?.[0] ?? 0);
  };
}
