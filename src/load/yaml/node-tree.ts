// Positions without a second parse: for the fast path (fast-parse.ts), the tree of the nodes js-yaml reads,
// recorded by its listener as it goes, enough to answer "where is the value (or the key) at this JSON pointer"
// exactly as the full path's yaml Document does (locate-node.ts), for the YAML the fast path accepts.
// test/load/fast-path.test.ts holds the two to the same line:column for every pointer of every file the fast
// path takes.

import type { State } from 'js-yaml';
import type { Position } from './line-index.js';

const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;

/** Offset of the first character at or after `from` that is not a space, a line break or in a comment. */
export function contentStart(input: string, from: number): number {
  let i = from;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === SPACE || c === LF) i++;
    else if (c === HASH) while (i < input.length && input.charCodeAt(i) !== LF) i++;
    else return i;
  }
}

/** One node as js-yaml read it: where it opened (before the spaces and line breaks ahead of it) and what it is. */
export interface ReadNode {
  /** Offset where js-yaml opened the node; its content starts at contentStart(text, opened). */
  readonly opened: number;
  /** 0-based line where it opened. */
  readonly line: number;
  kind: string | null;
  result: unknown;
  /** Offset right after its last character. */
  end: number;
  /** A mapping's keys and values in turn; a sequence's items (their number only, in a tree that keeps no nodes). */
  children: ReadNode[] | undefined;
  /** How many children it has, and the result of the first: what the checks of closing() need when none is kept. */
  count: number;
  firstResult: unknown;
  /** A mapping's value nodes by key, built on the first lookup. */
  byKey?: Map<string, number>;
}

/** Thrown by close() when the tree would not be yaml's: the fast path declines the file. */
export class NotATree extends Error {}

/**
 * Records js-yaml's nodes into a tree, from its listener's events. js-yaml sometimes reads a node inside another
 * that starts at the same place (it tries a value as the first key of a block mapping, and keeps the node when
 * no ":" follows): such a wrapper is replaced by the node it wraps. Each collection must end up with the children
 * yaml would give it (a key and a value per pair, an item per list entry): a flow sequence holding "a: b" pairs
 * or a flow mapping with a key but no ":" is not, and close() throws NotATree.
 */
export class NodeTree {
  /** Nodes opened and not yet closed, outermost first. */
  readonly open: ReadNode[] = [];
  root: ReadNode | undefined;

  /**
   * With `keep` false, the nodes are checked as they close but not kept (the root keeps no children): for a large file,
   * whose positions are found, when a finding needs one, by reading it again with a tree that keeps them.
   */
  constructor(private readonly keep: boolean = true) {}

  opening(state: State): void {
    this.open.push({ opened: state.position, line: state.line, kind: null, result: null, end: state.position, children: undefined, count: 0, firstResult: undefined });
  }

  /** Closes the innermost node, attaches it (or the node it wraps) to its parent, and returns it. */
  closing(state: State): ReadNode {
    const closed = this.open.pop()!;
    closed.kind = state.kind;
    closed.result = state.result;
    closed.end = state.position;
    let node = closed;
    const count = closed.count;
    if (count === 1 && Object.is(closed.firstResult, closed.result)) node = closed.children?.[0] ?? closed;
    else if (node.kind === 'mapping') {
      // a block mapping reads a key and a value per pair, and may end with an attempt at a key that read nothing;
      // a flow mapping (or a block mapping whose last value is one) may hold keys without values
      const flow = state.input.charCodeAt(node.end - 1) === 0x7d;
      if (flow ? count !== 2 * Object.keys(node.result as object).length : count % 2 !== 0) throw new NotATree('a mapping with a key but no value');
    } else if (node.kind === 'sequence') {
      if (count !== (node.result as unknown[]).length) throw new NotATree('a sequence holding pairs');
    } else {
      // a scalar: what it holds are js-yaml's attempts that read nothing (a "- |" item is first tried as a key)
      node.children = undefined;
    }
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) this.root = node;
    else {
      if (parent.count++ === 0) parent.firstResult = node.result;
      if (this.keep) (parent.children ??= []).push(node);
    }
    return closed;
  }
}

/** Mappings with more pairs than this get an index of their keys; a few pairs are searched in order. */
const INDEXED_PAIRS = 8;

/** Index of the key node of the first pair with this key in a mapping's children, or -1. */
function keyIndex(node: ReadNode, children: readonly ReadNode[], segment: string): number {
  if (children.length <= 2 * INDEXED_PAIRS) {
    for (let i = 0; i < children.length; i += 2) if (String(children[i]!.result) === segment) return i;
    return -1;
  }
  if (node.byKey === undefined) {
    node.byKey = new Map();
    for (let i = 0; i < children.length; i += 2) {
      const name = String(children[i]!.result);
      if (!node.byKey.has(name)) node.byKey.set(name, i);
    }
  }
  return node.byKey.get(segment) ?? -1;
}

/** The node a pointer leads to, as locate-node.ts's nodeAt finds it: the deepest node reached, and the key of its pair. */
function nodeAt(root: ReadNode, segments: readonly string[]): { key?: ReadNode; value: ReadNode } {
  let node = root;
  let key: ReadNode | undefined;
  for (const segment of segments) {
    const children = node.children ?? [];
    if (node.kind === 'mapping') {
      const at = keyIndex(node, children, segment);
      if (at < 0) break;
      key = children[at]!;
      node = children[at + 1]!;
    } else if (node.kind === 'sequence') {
      const index = Number(segment);
      const item = Number.isInteger(index) ? children[index] : undefined;
      if (item === undefined) break;
      key = undefined;
      node = item;
    } else break;
  }
  return { ...(key ? { key } : {}), value: node };
}

/**
 * line:column of an offset at or after where a node opened, counting lines from the node's own (js-yaml's line at
 * the open): a file with one finding is not indexed whole. Like lineIndex, the end of a text that ends with a
 * newline is the end of its last line (the fast path takes no CR).
 */
function positionFrom(text: string, node: ReadNode, offset: number): Position {
  const at = offset >= text.length && text.endsWith('\n') ? text.length - 1 : Math.min(offset, text.length);
  let line = node.line;
  for (let i = text.indexOf('\n', node.opened); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  return { line: line + 1, column: at - lineStart + 1 };
}

/** line:column of the value (or, with `key`, of the key) at a path of pointer segments, from the tree of a file's nodes. */
export function treeLocator(text: string, root: ReadNode): (segments: readonly string[], target?: 'key' | 'value') => Position {
  return (segments, target = 'value') => {
    const { key, value } = nodeAt(root, segments);
    const node = target === 'key' ? (key ?? value) : value;
    // a document of comments only has no node: yaml gives its start
    return node === root && node.kind === null ? { line: 1, column: 1 } : positionFrom(text, node, contentStart(text, node.opened));
  };
}
