// YAML text → plain data, keeping the document so that a JSON pointer can be turned back into
// line:column when (and only when) a finding needs it. Hostile input is a finding, never a throw.
// This is the full path, for the text the fast path (fast-parse.ts) cannot judge.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Pair, YAMLMap, Node as YamlNode, ParsedNode } from 'yaml';
import type { Finding, FindingCode } from '../model/finding.js';
import { quote } from './quote.js';
import { explainSyntaxErrors } from './yaml-errors.js';
import { lineIndex, type Position } from './yaml/positions.js';

type YamlLibrary = typeof Yaml;
let yamlLibrary: YamlLibrary | undefined;
/**
 * The yaml package, loaded on first use: it costs ~30 ms to load, which a run whose files all pass the fast
 * path never pays. Loaded with require (yaml's entry for Node is CommonJS) so that locate() can stay synchronous.
 */
function yamlLib(): YamlLibrary {
  return (yamlLibrary ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}

/** Deepest nesting of collections accepted; real files need fewer than 10. */
export const MAX_DEPTH = 64;
/** Most nodes that aliases may expand to in one file: a billion-laughs file stops here. */
export const MAX_ALIAS_NODES = 10_000;

export type { Position };

export interface ParsedYaml {
  /** The plain data; undefined when the file could not be parsed at all. */
  readonly data: unknown;
  readonly findings: Finding[];
  /** line:column of the value (or, with `key`, of the key) at a JSON pointer. */
  locate(pointer: string, target?: 'key' | 'value'): Position;
}

const YAML_ERROR_CODES: Record<string, FindingCode> = {
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

const YAML_ADVICE: Partial<Record<FindingCode, string>> = {
  'yaml-multiple-documents': 'the file holds several YAML documents (separated by ---): keep one document per file',
  'yaml-unknown-tag': 'remove the tag; only plain YAML 1.2 values (strings, numbers, booleans, lists, mappings) are allowed',
  'yaml-too-deep': `the file nests lists and mappings more than ${MAX_DEPTH} levels deep: flatten it (real files need fewer than 10)`,
};

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + escapePointerSegment(String(s))).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // most pointers escape nothing: a file with thousands of findings looks up thousands of them
  if (!pointer.includes('~')) return segments;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const FLOW_BRACKET = /[[\]{}]/g;

/**
 * Depth of flow brackets, found before the YAML parser sees a hostile file (it can exhaust memory on them).
 * The regular expression jumps from bracket to bracket: several times faster than a loop over every character.
 */
function flowDepthOverflow(text: string): number {
  let depth = 0;
  FLOW_BRACKET.lastIndex = 0;
  for (let match = FLOW_BRACKET.exec(text); match !== null; match = FLOW_BRACKET.exec(text)) {
    const c = text.charCodeAt(match.index);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return match.index;
    } else if (depth > 0) depth--;
  }
  return -1;
}

/**
 * Depth of block nesting, for the same reason: indentation that keeps growing, and "- " or "? " repeated at
 * the start of a line ("- - - x"). An estimate (within a factor of two), enough to keep the parser far from its
 * recursion limit; the exact depth is checked on the parsed document.
 */
function blockDepthOverflow(text: string): number {
  const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n';
  const indents: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    while (i < end && text[i] === ' ') i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      const indent = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      if (depth > MAX_DEPTH) return i;
      let indicators = 0;
      while (i < end) {
        const c = text[i];
        if ((c === '-' || c === '?' || c === ':') && isBlank(text[i + 1])) {
          // the first indicator belongs to the collection of this indentation; each further one opens another
          if (++indicators > 1 && ++depth > MAX_DEPTH) return i;
          i++;
        } else if (c === '&' || c === '!') {
          while (i < end && !isBlank(text[i])) i++; // an anchor or a tag between indicators
        } else break;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      }
    }
    lineStart = end + 1;
  }
  return -1;
}

/** Offset where the text nests too deep for the parsers to be safe on it, or -1: checked before any parser runs. */
export function depthOverflow(text: string): number {
  const flowOverflow = flowDepthOverflow(text);
  const blockOverflow = blockDepthOverflow(text);
  return flowOverflow < 0 || blockOverflow < 0 ? Math.max(flowOverflow, blockOverflow) : Math.min(flowOverflow, blockOverflow);
}

function plainYamlMessage(message: string): string {
  // yaml appends " at line L, column C:" and a code frame; we give our own position. Its advice
  // to call a library function ("please use YAML.parseAllDocuments()") is not for our users.
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/;\s*please use YAML\.\w+\(\)$/, '');
}

class Converter {
  aliasNodes = 0;
  readonly positions: { pointer: string; offset: number; code: FindingCode; message: string }[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  /** Collections being converted, to catch an alias inside the value it names. */
  private readonly open = new Set<YamlNode>();

  fail(code: FindingCode, offset: number, pointer: string, message: string): void {
    this.positions.push({ code, offset, pointer, message });
  }

  convert(node: YamlNode | null, path: (string | number)[], depth: number, viaAlias: boolean): unknown {
    if (node === null) return null;
    if (depth > MAX_DEPTH) {
      throw new TooDeep(node.range?.[0] ?? 0, pointerOf(path));
    }
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new AliasLimit(node.range?.[0] ?? 0, pointerOf(path));
    }
    // anchors count where they are written, not again where an alias repeats them (a later &name wins)
    if (node.anchor && !viaAlias) this.anchors.set(node.anchor, node);
    if (yamlLib().isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) {
        this.fail('yaml-syntax', node.range?.[0] ?? 0, pointerOf(path), `the alias *${node.source} has no anchor before it: define &${node.source} first`);
        return null;
      }
      if (this.open.has(target)) {
        this.fail('yaml-alias-limit', node.range?.[0] ?? 0, pointerOf(path), `the alias *${node.source} is inside the value it names, so it would repeat without end: write the value out`);
        return null;
      }
      if (viaAlias) return this.convert(target, path, depth + 1, true);
      try {
        return this.convert(target, path, depth + 1, true);
      } catch (error) {
        // point at the alias written in the file that expands too far, not somewhere inside its anchor
        if (error instanceof AliasLimit) throw new AliasLimit(node.range?.[0] ?? 0, pointerOf(path));
        if (error instanceof TooDeep) throw new TooDeep(node.range?.[0] ?? 0, pointerOf(path));
        throw error;
      }
    }
    if (yamlLib().isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        this.fail('invalid-value', node.range?.[0] ?? 0, pointerOf(path), 'infinite or NaN numbers are not allowed: write a finite number');
        return null;
      }
      if (typeof value === 'bigint') return Number(value);
      return value;
    }
    if (yamlLib().isMap(node)) {
      const out: Record<string, unknown> = {};
      this.open.add(node);
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        let key: string;
        if (keyNode === null || yamlLib().isScalar(keyNode)) {
          key = keyNode === null ? '' : String(keyNode.value);
        } else {
          this.fail('yaml-complex-key', keyNode.range?.[0] ?? 0, pointerOf(path), 'a mapping key must be a plain string, not a list or mapping');
          continue;
        }
        // checked here, not by yaml's uniqueKeys, which compares every pair with every other (minutes on a large map)
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          if (!viaAlias) {
            this.fail('yaml-duplicate-key', keyNode?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0] ?? 0, pointerOf([...path, key]), `${quote(key)} appears twice in this mapping: remove or rename one of them`);
          }
          continue;
        }
        const value = this.convert(pair.value as YamlNode | null, [...path, key], depth + 1, viaAlias);
        // defineProperty: a key such as __proto__ becomes data, never the object's prototype
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      this.open.delete(node);
      return out;
    }
    if (yamlLib().isSeq(node)) {
      this.open.add(node);
      const out = node.items.map((item, i) =>
        yamlLib().isPair(item) ? null : this.convert(item as YamlNode | null, [...path, i], depth + 1, viaAlias),
      );
      this.open.delete(node);
      return out;
    }
    return null;
  }
}

class TooDeep extends Error {
  constructor(
    readonly offset: number,
    readonly pointer: string,
  ) {
    super('too deep');
  }
}
class AliasLimit extends Error {
  constructor(
    readonly offset: number,
    readonly pointer: string,
  ) {
    super('alias limit');
  }
}

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
function openingQuote(doc: Document.Parsed, end: number): number | undefined {
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

export interface ParseOptions {
  readonly file: string;
}

export function parseYaml(text: string, { file }: ParseOptions): ParsedYaml {
  const toPosition = lineIndex(text);
  const findings: Finding[] = [];
  const add = (code: FindingCode, offset: number, pointer: string, message: string): void => {
    findings.push({ file, ...toPosition(offset), severity: 'error', code, message, pointer });
  };

  const overflow = depthOverflow(text);
  if (overflow >= 0) {
    add('yaml-too-deep', overflow, '', YAML_ADVICE['yaml-too-deep']!);
    return { data: undefined, findings, locate: () => toPosition(overflow) };
  }

  let doc: Document.Parsed<ParsedNode, true>;
  const parseOptions = { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, intAsBigInt: false } as const;
  try {
    doc = yamlLib().parseDocument(text, parseOptions);
  } catch (error) {
    // the parser's own recursion on hostile input
    if (error instanceof RangeError) {
      add('yaml-too-deep', 0, '', YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate: () => ({ line: 1, column: 1 }) };
    }
    throw error;
  }

  // mistakes explained in the person's words, one each, without the errors that only follow from them
  const { mistakes, rest } = explainSyntaxErrors(text, [...doc.errors, ...doc.warnings], (fixed) => {
    const again = yamlLib().parseDocument(fixed, parseOptions);
    return [...again.errors, ...again.warnings];
  });
  for (const mistake of mistakes) add('yaml-syntax', mistake.offset, '', mistake.message);
  for (const problem of rest) {
    const code = YAML_ERROR_CODES[problem.code] ?? 'yaml-syntax';
    const advice = YAML_ADVICE[code];
    const base = plainYamlMessage(problem.message);
    const quoteStart = problem.code === 'MISSING_CHAR' ? openingQuote(doc, problem.pos[0]) : undefined;
    if (quoteStart !== undefined) {
      const quote = text[quoteStart] ?? '"';
      add(code, quoteStart, '', `the string that starts here with ${quote} is never closed: add the closing ${quote}`);
      continue;
    }
    const message = advice ? `${advice} (${base})` : `${base}: fix the YAML syntax here`;
    add(code, problem.pos[0], '', message);
  }
  const locate = (pointer: string, target: 'key' | 'value' = 'value'): Position => {
    const { key, value } = nodeAt(doc, parsePointer(pointer));
    const node = target === 'key' ? (key ?? value) : value;
    return toPosition(node?.range?.[0] ?? 0);
  };
  if (findings.length > 0) {
    return { data: undefined, findings, locate };
  }

  const converter = new Converter();
  let data: unknown;
  try {
    data = converter.convert(doc.contents, [], 0, false);
  } catch (error) {
    if (error instanceof TooDeep) {
      add('yaml-too-deep', error.offset, error.pointer, YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate };
    }
    if (error instanceof AliasLimit) {
      add(
        'yaml-alias-limit',
        error.offset,
        error.pointer,
        `aliases (*name) expand to more than ${MAX_ALIAS_NODES} values: write the values out, or use fewer aliases`,
      );
      return { data: undefined, findings, locate };
    }
    if (error instanceof RangeError) {
      add('yaml-too-deep', 0, '', YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate };
    }
    throw error;
  }
  for (const p of converter.positions) add(p.code, p.offset, p.pointer, p.message);
  return { data: findings.length > 0 ? undefined : data, findings, locate };
}
