// The fast path: one parse per file gives the data and the position of whatever a finding points at. js-yaml
// parses a 4 KB file ~8× faster than yaml's parseDocument, but it keeps no positions and judges some corners of
// YAML differently. So:
//
//   1. a scan of the text (one regular expression, and the full path's own depth guard) turns away everything
//      whose meaning the two parsers might not share, or that the full path reports: anchors, aliases, tags,
//      directives, document markers (but a "---" that starts the file), block scalars other than | |- > >- (a comment
//      may follow) then a line with content, complex keys, empty keys
//      and list items, merge keys, __proto__, tabs, CR and other special characters, comments not after a
//      space, \U escapes beyond Unicode, too deep nesting;
//   2. js-yaml parses what is left, its plain scalars resolved by yaml's own YAML 1.2 core patterns; its listener
//      records the tree of nodes with their offsets (node-tree.ts) and declines empty values before a line break,
//      collections as keys, keys over 1024 characters, pairs in flow sequences and keys without values in flow
//      mappings, quoted text and flow collections over lines not indented as yaml wants them (nodeChecks; js-yaml
//      only warns of those, and its warnings are otherwise about what step 1 declines); duplicate keys and
//      non-finite numbers decline too;
//   3. the caller (load/file.ts) checks the kind and the schema, and the rules run on the data; a finding gets its
//      line:column from the recorded tree, as the full path's yaml Document would give it.
//
// Whenever step 1 or 2 declines, the full path (full-parse.ts) decides: it builds the yaml Document and reports
// what the fast path cannot judge (syntax errors, anchors and aliases, tags, duplicate keys, …).
// The one rule: the fast path never accepts text that the full path reports; when it accepts, its data is
// deep-equal to the full path's and every pointer has the same line:column, so a file gives the same findings
// whichever path reads it. test/load/fast-path.test.ts holds both paths to it, over every fixture and fuzzed
// mutations of them.

import { FAILSAFE_SCHEMA, Type, load, type LoadOptions, type State } from 'js-yaml';
import { MAX_DEPTH, depthOverflow } from './depth-guard.js';
import { NodeTree, contentStart, treeLocator, type ReadNode } from './node-tree.js';
import type { Locate } from './parsed-yaml.js';
import { parsePointer } from './pointer.js';

// The YAML 1.2 core schema, with yaml's own patterns (yaml/dist/schema/core): js-yaml's int and float also
// read 1_000, 0b101 and +.5 as numbers, which YAML 1.2 reads as strings.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Any of the four: one test per plain scalar, most of which are words that fail at the first character. */
const NOT_A_STRING = new RegExp([NULL, BOOL, INT, FLOAT].map((pattern) => pattern.source).join('|'));

/** Thrown for a value that the full path reports (an infinite number): the fast path declines the file. */
class NotExact extends Error {}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new NotExact('not a finite number');
  return value;
}

function coreScalar(text: string): null | boolean | number {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT.test(text)) {
    return finite(text[1] === 'o' ? parseInt(text.slice(2), 8) : text[1] === 'x' ? parseInt(text.slice(2), 16) : parseInt(text, 10));
  }
  // .inf and .nan parse to NaN here: finite() declines them, as the full path reports them
  return finite(parseFloat(text));
}

/** The characters a null, a boolean or a number can start with: most plain scalars are words that start otherwise. */
const FIRST_OF_NOT_A_STRING = new Uint8Array(128);
for (const c of '0123456789+-.~nNtTfF') FIRST_OF_NOT_A_STRING[c.charCodeAt(0)] = 1;

function notAString(text: string): boolean {
  const first = text.charCodeAt(0);
  // the empty text (first is NaN) is null
  return !(first < 128 && FIRST_OF_NOT_A_STRING[first] === 0) && NOT_A_STRING.test(text);
}

/** Plain scalars that are not strings (null, booleans, numbers); the tag is js-yaml's business, not ours. */
const YAML_12_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [new Type('tag:yaml.org,2002:core-scalar', { kind: 'scalar', resolve: notAString, construct: coreScalar })],
});

const OPTIONS = {
  schema: YAML_12_CORE,
  json: false, // duplicate keys throw
  maxDepth: MAX_DEPTH, // js-yaml 4.3's own recursion guard, under the full path's
} as LoadOptions;


/**
 * What the fast path leaves to the full path (step 1), as one regular expression: a native scan, cheaper than a
 * loop over the characters while the code is still cold, as it is in a CLI. Each part starts with its own rare
 * character and only then looks behind, so that the scan jumps from candidate to candidate. Conservative: text
 * that merely looks like a special construct (an "&" after a space in a string) is declined too, and goes the
 * full way. "Where a node may start" is after the start of the text or a line, a space, [ { , or :.
 */
const DECLINED = new RegExp(
  [
    // tab, CR and other controls; DEL and C1 controls (NEL among them); line and paragraph separators; BOM; non-characters
    /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/,
    // where a node may start: & anchor, * alias, ! tag, % directive, @ ` reserved, ? complex key, : an empty key
    // (or "a : b")
    /[&*!%@`?:](?<=(?:^|[\n [{,:]).)/,
    // block scalars but | |- > >- alone on the rest of their line and followed by a line with content: yaml reports
    // more-indented empty lines before the content, and keeps (+) trailing lines differently
    // (a comment may follow the header)
    /[|>](?<=(?:^|[\n [{,:]).)(?!-?(?: +#[^\n]*)?\n(?! *(?:\n|$)))/,
    // a comment must follow a space ("a#b" is left to the full path)
    /#(?<=[^\n ]#)/,
    // document markers
    /(?:---|\.\.\.)(?<=(?:^|\n)...)/,
    // an empty list item: js-yaml reads it and a less indented "- " on a later line as items of one list
    /-(?<=(?:^|[\n [{,:])-)(?: *(?:\n|$)| +#)/,
    // a key that must stay data, a merge key
    /__proto__|<</,
    // \U beyond U+10FFFF: yaml reports it, js-yaml makes up characters; an escaped line break before an empty line
    // in double quotes: yaml reads a space, js-yaml nothing
    /\\(?:U(?!00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4})|\n *\n)/,
  ]
    .map((part) => part.source)
    .join('|'),
);

/** A "---" that starts the one document, after comments and blank lines only: both parsers read it alike. */
const DOCUMENT_START = /^(?: *(?:#[^\n]*)?\n)*---(?: +#[^\n]*)? *\n/;

/** Whether the text stays within the YAML that js-yaml and yaml read alike, and is not too deep for the parsers. */
export function isPlainYaml(text: string): boolean {
  const start = DOCUMENT_START.exec(text);
  return !DECLINED.test(start === null ? text : text.slice(start[0].length)) && depthOverflow(text) < 0;
}

/** Whether the node just read is a block scalar (| or >): the one kind of scalar that spans lines here. */
function isBlockScalar(state: State, opened: number): boolean {
  if (state.kind !== 'scalar') return false;
  const first = state.input.charCodeAt(contentStart(state.input, opened));
  return first === 0x7c || first === 0x3e;
}

const SPACE = 0x20;
const LF = 0x0a;
const HASH = 0x23;

/** Longest implicit key let through: yaml reports a ":" more than 1024 characters after the key's start. */
const MAX_KEY_LENGTH = 1000;

/** Column (0-based) of an offset. */
function columnOf(input: string, offset: number): number {
  return offset - (input.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * A flow collection or a quoted scalar over several lines, held by a block collection (or the document): yaml wants
 * each of its lines indented more than that block collection, but for a flow collection's closing bracket, which may
 * stand at the block's own indentation ("key: [" … "]" under the key). js-yaml only warns (deficient indentation)
 * and goes on, so this is checked here, on every line of the node but blank ones, comment lines included (yaml may
 * take a comment less indented: declining it is merely slower). A node inside a flow collection is checked with it.
 */
function indentedEnough(input: string, open: readonly ReadNode[], start: number, end: number, flow: boolean): void {
  // the enclosing node: the nearest open node that starts elsewhere (js-yaml tries a node as the key of a block
  // mapping first, so the same node can be open twice)
  let indent = -1;
  for (let k = open.length - 1; k >= 0; k--) {
    const parent = contentStart(input, open[k]!.opened);
    if (parent === start) continue;
    const c = input.charCodeAt(parent);
    if (c === 0x5b || c === 0x7b) return;
    indent = columnOf(input, parent);
    break;
  }
  for (let i = input.indexOf('\n', start); i >= 0 && i < end; i = input.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (input.charCodeAt(j) === SPACE) j++;
    const c = input.charCodeAt(j);
    if (c === LF) continue;
    const column = j - i - 1;
    // yaml takes no comment at column 0 after plain text in a flow collection, even in the document's own
    if ((column > indent && (column > 0 || c !== HASH)) || (flow && column === indent && j === end - 1)) continue;
    throw new NotExact('a line not indented enough');
  }
}

/**
 * Checks on every node as js-yaml reads it (its listener: a node "opens" before the spaces and line breaks
 * ahead of it, and "closes" right after its last character):
 * - js-yaml reads an empty node followed by a less indented "- " as part of the wrong list, and puts an empty value
 *   elsewhere than yaml: an empty node before a line break is declined. Text and flow collections ({ … }, [ … ])
 *   over several lines are read alike where yaml finds their lines indented enough (indentedEnough).
 * - js-yaml turns a collection used as a key into the string "[object Object]" or "a,b"; yaml reports it. A flow
 *   collection is a key when a ":" follows it, or when it sits in a flow mapping without a ":" before it.
 * - js-yaml takes implicit keys of any length; yaml reports those over 1024 characters.
 */
function nodeChecks(tree: NodeTree): NonNullable<LoadOptions['listener']> {
  const opened = tree.open;
  return (event, state) => {
    if (event === 'open') {
      tree.opening(state);
      return;
    }
    const node = tree.closing(state);
    const input = state.input;
    const end = state.position;
    const last = input.charCodeAt(end - 1);
    const collection = state.kind === 'mapping' || state.kind === 'sequence';
    const flow = collection && (last === 0x5d || last === 0x7d);
    if (state.result === null && contentStart(input, node.opened) >= end) {
      // an empty node (a key without a value): where yaml puts it is not where js-yaml opened it when a line break
      // or a comment stands between it and its key
      if (state.line !== node.line) throw new NotExact('an empty node before a line break');
      let before = node.opened - 1;
      while (input.charCodeAt(before) === SPACE) before--;
      if (input.charCodeAt(before) === LF) throw new NotExact('an empty node after a line break');
    }
    if (state.line !== node.line && !(collection && !flow) && !isBlockScalar(state, node.opened)) {
      const start = contentStart(input, node.opened);
      const first = input.charCodeAt(start);
      if (flow || first === 0x22 || first === 0x27) indentedEnough(input, opened, start, end, flow);
    }
    if (collection && !flow) return;
    // a node followed by ":" is a key: yaml wants the ":" within 1024 characters of the key's start
    let after = end;
    while (input.charCodeAt(after) === SPACE) after++;
    if (input.charCodeAt(after) === 0x3a && (flow || after - node.opened > MAX_KEY_LENGTH)) throw new NotExact('a collection or a long key');
    if (!flow) return;
    // the enclosing collection: the nearest open node that starts elsewhere (js-yaml tries a node as the key of a
    // block mapping first, so the same collection can be open twice)
    const start = contentStart(input, node.opened);
    for (let k = opened.length - 1; k >= 0; k--) {
      const parentStart = contentStart(input, opened[k]!.opened);
      if (parentStart === start) continue;
      if (input.charCodeAt(parentStart) === 0x7b) {
        let before = start - 1;
        while (input.charCodeAt(before) === SPACE) before--;
        if (input.charCodeAt(before) !== 0x3a) throw new NotExact('a collection as a key');
      }
      break;
    }
  };
}

/** What the fast path gives: the data, and the position of whatever a finding points at. */
export interface FastParsed {
  readonly data: unknown;
  /** line:column of the value (or, with `key`, of the key) at a JSON pointer: the full path's answer. */
  readonly locate: Locate;
}

/**
 * The data of the text, and its positions, when the fast path can judge it exactly as the full path would
 * (steps 1 and 2); undefined when it cannot, and the full path must decide.
 */
export function fastParse(text: string, options: { readonly lazyPositions?: boolean } = {}): FastParsed | undefined {
  if (!isPlainYaml(text)) return undefined;
  return readTree(text, !(options.lazyPositions ?? text.length > LAZY_POSITIONS_CHARS));
}

/**
 * Above this size (in characters), the nodes' positions are not kept while the text is parsed: a file of 20,000
 * respondents has some 1.5 million nodes, whose record takes more memory than the data, and a file that large is
 * almost always one that cxm import wrote, without findings. When a finding does need a position, the text is
 * read again, this time keeping them (the same code on the same text: the same positions).
 */
export const LAZY_POSITIONS_CHARS = 1024 * 1024;

function readTree(text: string, keep: boolean): FastParsed | undefined {
  const tree = new NodeTree(keep);
  let data: unknown;
  try {
    data = load(text, { ...OPTIONS, listener: nodeChecks(tree) });
  } catch {
    return undefined; // a syntax error, a duplicate key, a number out of range, too deep: the full path says where
  }
  // an empty file: js-yaml has no document, yaml an empty one; either way a finding (no kind), so the full path
  if (data === undefined || tree.root === undefined) return undefined;
  if (!keep) {
    let locate: Locate | undefined;
    return { data, locate: (pointer, target) => (locate ??= readTree(text, true)!.locate)(pointer, target) };
  }
  const locateSegments = treeLocator(text, tree.root);
  return { data, locate: (pointer, target) => locateSegments(parsePointer(pointer), target) };
}
