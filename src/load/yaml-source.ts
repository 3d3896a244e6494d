// YAML text → plain data, keeping the document so that a JSON pointer can be turned back into
// line:column when (and only when) a finding needs it. Hostile input is a finding, never a throw.

import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type Node as YamlNode,
  type ParsedNode,
} from 'yaml';
import type { Finding, FindingCode } from '../model/finding.js';

/** Deepest nesting of collections accepted; real files need fewer than 10. */
export const MAX_DEPTH = 64;
/** Most nodes that aliases may expand to in one file: a billion-laughs file stops here. */
export const MAX_ALIAS_NODES = 10_000;

export type Position = { readonly line: number; readonly column: number };

export interface ParsedYaml {
  /** The plain data; undefined when the file could not be parsed at all. */
  readonly data: unknown;
  readonly findings: Finding[];
  /** line:column of the value (or, with `key`, of the key) at a JSON pointer. */
  locate(pointer: string, target?: 'key' | 'value'): Position;
}

const YAML_ERROR_CODES: Record<string, FindingCode> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

const YAML_ADVICE: Partial<Record<FindingCode, string>> = {
  'yaml-duplicate-key': 'a key appears twice in the same mapping: remove or rename one of them',
  'yaml-multiple-documents': 'the file holds several YAML documents (separated by ---): keep one document per file',
  'yaml-unknown-tag': 'remove the tag; only plain YAML 1.2 values (strings, numbers, booleans, lists, mappings) are allowed',
  'yaml-too-deep': `the file nests collections too deeply (more than ${MAX_DEPTH} levels)`,
};

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + escapePointerSegment(String(s))).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Depth of flow brackets, found before the YAML parser sees a hostile file (it can exhaust memory on them). */
function flowDepthOverflow(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

function plainYamlMessage(message: string): string {
  // yaml appends " at line L, column C:" and a code frame; we give our own position
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class Converter {
  aliasNodes = 0;
  readonly positions: { pointer: string; offset: number; code: FindingCode; message: string }[] = [];
  private readonly anchors = new Map<string, YamlNode>();

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
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = this.anchors.get((node as Alias).source);
      if (!target) {
        this.fail('yaml-syntax', node.range?.[0] ?? 0, pointerOf(path), `the alias *${(node as Alias).source} has no anchor before it: define &${(node as Alias).source} first`);
        return null;
      }
      return this.convert(target, path, depth + 1, true);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        this.fail('invalid-value', node.range?.[0] ?? 0, pointerOf(path), 'infinite or NaN numbers are not allowed: write a finite number');
        return null;
      }
      if (typeof value === 'bigint') return Number(value);
      return value;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        let key: string;
        if (keyNode === null || isScalar(keyNode)) {
          key = keyNode === null ? '' : String(keyNode.value);
        } else {
          this.fail('yaml-complex-key', keyNode.range?.[0] ?? 0, pointerOf(path), 'a mapping key must be a plain string, not a list or mapping');
          continue;
        }
        const value = this.convert(pair.value as YamlNode | null, [...path, key], depth + 1, viaAlias);
        // defineProperty: a key such as __proto__ becomes data, never the object's prototype
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        isPair(item) ? null : this.convert(item as YamlNode | null, [...path, i], depth + 1, viaAlias),
      );
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

/** Finds the YAML node at a pointer: the pair (for its key) and the value node. */
function nodeAt(doc: Document.Parsed, segments: readonly string[]): { key?: YamlNode; value?: YamlNode; found: number } {
  let node: YamlNode | null | undefined = doc.contents;
  let key: YamlNode | undefined;
  const seen = new Set<YamlNode>();
  let found = 0;
  for (const segment of segments) {
    while (node && isAlias(node) && !seen.has(node)) {
      seen.add(node);
      node = (node as Alias).resolve(doc) as YamlNode | undefined;
    }
    if (!node) break;
    let next: YamlNode | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      key = pair.key as YamlNode;
      next = pair.value as YamlNode | null;
      if (next === null) {
        found++;
        return { key, value: key, found };
      }
    } else if (isSeq(node)) {
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

export interface ParseOptions {
  readonly file: string;
}

export function parseYaml(text: string, { file }: ParseOptions): ParsedYaml {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const findings: Finding[] = [];
  const add = (code: FindingCode, offset: number, pointer: string, message: string): void => {
    findings.push({ file, ...toPosition(offset), severity: 'error', code, message, pointer });
  };

  const overflow = flowDepthOverflow(text);
  if (overflow >= 0) {
    // still count lines, so that the position is right
    lineCounter.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
    add('yaml-too-deep', overflow, '', YAML_ADVICE['yaml-too-deep']!);
    return { data: undefined, findings, locate: () => toPosition(overflow) };
  }

  let doc: Document.Parsed<ParsedNode, true>;
  try {
    doc = parseDocument(text, {
      lineCounter,
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      prettyErrors: false,
      keepSourceTokens: false,
      intAsBigInt: false,
    });
  } catch (error) {
    // the parser's own recursion on hostile input
    if (error instanceof RangeError) {
      add('yaml-too-deep', 0, '', YAML_ADVICE['yaml-too-deep']!);
      return { data: undefined, findings, locate: () => ({ line: 1, column: 1 }) };
    }
    throw error;
  }

  for (const problem of [...doc.errors, ...doc.warnings]) {
    const code = YAML_ERROR_CODES[problem.code] ?? 'yaml-syntax';
    const advice = YAML_ADVICE[code];
    const base = plainYamlMessage(problem.message);
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
    data = converter.convert(doc.contents as YamlNode | null, [], 0, false);
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
