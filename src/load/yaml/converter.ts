// The yaml package's Document → plain data, in the same shape as the fast path's (a key such as __proto__ stays
// data), reporting what plain data cannot hold: aliases without an anchor or inside their own value, complex keys,
// duplicate keys, non-finite numbers, nesting beyond MAX_DEPTH, and aliases that expand too far.

import type { Node as YamlNode } from 'yaml';
import type { FindingCode } from '../../domain/finding.js';
import { quote } from '../../text/quote.js';
import { MAX_DEPTH } from './depth-guard.js';
import { pointerOf } from './pointer.js';
import { yamlLib } from './yaml-library.js';

/** Most nodes that aliases may expand to in one file: a billion-laughs file stops here. */
export const MAX_ALIAS_NODES = 10_000;

export class Converter {
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

export class TooDeep extends Error {
  constructor(
    readonly offset: number,
    readonly pointer: string,
  ) {
    super('too deep');
  }
}
export class AliasLimit extends Error {
  constructor(
    readonly offset: number,
    readonly pointer: string,
  ) {
    super('alias limit');
  }
}
