// The one rule of the fast path (src/load/fast-parse.ts): it never accepts a file that the full path rejects,
// and when it accepts, its data is the full path's, to the key order, -0 and the prototype. Checked over every
// fixture file (and the built-in model and examples when present) and over fuzzed mutations of them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionnaireYaml } from '../../src/bench/inputs.js';
import { fastParse } from '../../src/load/fast-parse.js';
import { checkQuestionnaire } from '../../src/load/model.js';
import type { RawQuestionnaire } from '../../src/load/raw.js';
import type { SourceFile } from '../../src/load/source-file.js';
import { FILE_KINDS, loadFast, loadFull, loadYamlSource, type FileKind, type LoadedFile } from '../../src/load/yaml-file.js';
import { parseYaml } from '../../src/load/yaml-source.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => /\.(ya?ml|json)$/i.test(path) && statSync(path).isFile())
    .sort();
}

const FILES = ['test/fixtures', 'questionnaires', 'examples'].flatMap((dir) => yamlFilesUnder(join(ROOT, dir)));
// not-utf8 and NUL fixtures never reach a parser (readSourceFile refuses them); their lenient decoding still may
const TEXTS = FILES.map((file) => ({ file: file.slice(ROOT.length), text: new TextDecoder('utf-8').decode(readFileSync(file)) }));
const GENERATED = ['strategy', 'culture'].map((element, i) => ({ file: `generated-${element}.yaml`, text: questionnaireYaml(element, i + 1) }));
const CORPUS = [...TEXTS, ...GENERATED];

/** Where two values differ (strictly: Object.is, key order, prototypes), or undefined. */
function difference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '/'}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || '/'}: kinds differ`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${path || '/'}: keys ${JSON.stringify(keysA)} vs ${JSON.stringify(keysB)}`;
  for (const key of keysA) {
    const found = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Parse level: whenever fastParse gives data, the full parse finds nothing and gives the same data. */
function expectParseAgreement(text: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const full = parseYaml(text, { file: 'x.yaml' });
  expect(full.findings, `fast path accepted what the full path reports:\n${text}`).toEqual([]);
  expect(difference(fast.data, full.data), `data differ:\n${text}`).toBeUndefined();
  return true;
}

const source = (text: string): SourceFile => ({ file: 'x.yaml', text, sha256: '' });
const accepted = (loaded: LoadedFile): boolean => loaded.data !== undefined && loaded.findings.length === 0;

/**
 * File level, for each expected kind: the loader (fast path first) and the full path alone decide alike, with the
 * same findings, kind and data; and where the fast path itself accepts, the full path accepts, with the same data.
 * Rules run on a fast-loaded file give the same findings, at the same positions, as on the full one.
 */
async function expectLoadAgreement(text: string): Promise<boolean> {
  let fastAccepted = false;
  for (const expectKind of [undefined, ...FILE_KINDS] as (FileKind | undefined)[]) {
    const options = expectKind ? { expect: expectKind } : {};
    const full = await loadFull(source(text), options);
    const loaded = await loadYamlSource(source(text), options);
    const fast = await loadFast(source(text), options);
    expect(accepted(loaded), text).toBe(accepted(full));
    expect(loaded.findings, text).toEqual(full.findings);
    expect(loaded.kind, text).toBe(full.kind);
    expect(difference(loaded.data, full.data), text).toBeUndefined();
    if (fast !== undefined) {
      fastAccepted = true;
      expect(accepted(full), `fast path accepted what the full path rejects:\n${text}`).toBe(true);
      expect(difference(fast.data, full.data), text).toBeUndefined();
      if (fast.kind === 'questionnaire') {
        const levels = ['low', 'high'];
        expect(checkQuestionnaire(fast.data as RawQuestionnaire, fast, levels)).toEqual(checkQuestionnaire(full.data as RawQuestionnaire, full, levels));
      }
    }
  }
  return fastAccepted;
}

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-line' | 'duplicate-line' | 'indent' | 'dedent'; at: number }
  | { kind: 'swap-lines'; at: number; with: number };

/** YAML's significant characters, and small pieces of YAML. */
const SIGNIFICANT = [':', '-', '[', ']', '{', '}', '&', '*', '!', '?', '%', '#', "'", '"', '\n', '\t', '\r', ' ', ',', '|', '>', '@', '`', '~', '.', '\\', '>-\n', '|\n', '|+\n', '\n   \n'];
const PIECES = ['\u{1F600}', '  ', ': ', '- ', '\n  ', '\n- ', '\n  - ', '[]', '{}', '[a, b]', '{a: 1}', '"x"', "'x'", '0x1F', '0o17', '1_0', '+.5', '1e3', '-0', '.inf', 'null', 'True', 'no', '&a ', '*a', '!!str ', '? ', '---\n', '...\n', '%YAML 1.2\n', '<<: ', '__proto__', '\\u00e9', '\\U0001F600', '\\U00110000', 'é', '\u2028', '\uFEFF', `${'k'.repeat(1030)}: `];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'indent' as const, 'dedent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  if (m.kind === 'duplicate') return text.slice(0, at) + text.slice(at, at + 1) + text.slice(at);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  const lines = text.split('\n');
  const i = m.at % lines.length;
  if (m.kind === 'delete-line') lines.splice(i, 1);
  else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
  else if (m.kind === 'indent') lines[i] = ' ' + lines[i]!;
  else if (m.kind === 'dedent') lines[i] = lines[i]!.replace(/^ /, '');
  else if (m.kind === 'swap-lines') {
    const j = m.with % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.join('\n');
}

/** Random YAML-like text built from tokens that reach the corners both parsers must agree on. */
const yamlish = fc
  .array(
    fc.constantFrom(
      'kind: ', 'questionnaire', 'a', 'key', 'x y', '1', '-1', '+1', '0o17', '0x1F', '0X1', '0b1', '1_0', '1.5', '1.', '.5', '+.5', '1e3',
      '-0', '00', 'true', 'True', 'yes', 'null', '~', ': ', ':', '- ', '-', '\n', '\n  ', '\n    ', '\n ', '\n- ', '\n  - ', '[', ']',
      '{', '}', ', ', ',', '"', "'", '\\', '\\"', "''", '\\n', '\\x41', ' #c', '#', ' ', 'é', '[a, b]', '{a: 1}', '"[", ', 'it\'s',
      'a"b', 'x:y', 'a,b', '-a', '1:2',
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('fast path and full path agree', () => {
  it(`on every fixture file (${FILES.length}) and generated questionnaires`, async () => {
    let fastAccepted = 0;
    for (const { text } of CORPUS) {
      expectParseAgreement(text);
      if (await expectLoadAgreement(text)) fastAccepted++;
    }
    // the agreement must be tested where it matters: the fast path takes most valid files
    expect(fastAccepted).toBeGreaterThan(20);
  });

  it('the fast path takes the valid files of the fixtures and generated ones', async () => {
    const valid = [...TEXTS.filter(({ file }) => file.includes('/valid/')), ...GENERATED];
    expect(valid.length).toBeGreaterThan(3);
    for (const { file, text } of valid) expect(fastParse(text), file).toBeDefined();
  });

  it('on mutations of every fixture: parse level', () => {
    let fastAccepted = 0;
    fc.assert(
      fc.property(fc.nat(CORPUS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }), (index, mutations) => {
        if (expectParseAgreement(mutations.reduce(mutate, CORPUS[index]!.text))) fastAccepted++;
      }),
      { numRuns: 3000 },
    );
    expect(fastAccepted).toBeGreaterThan(300);
  });

  it('on mutations of the files the fast path takes: file level, with the schemas and rules', async () => {
    const bases: string[] = [];
    for (const { text } of CORPUS) if (await loadFast(source(text))) bases.push(text);
    let fastAccepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, mutations) => {
        if (await expectLoadAgreement(mutations.reduce(mutate, bases[index]!))) fastAccepted++;
      }),
      { numRuns: 500 },
    );
    expect(fastAccepted).toBeGreaterThan(50);
  });

  it('on random block scalars', () => {
    const header = fc.constantFrom('>', '>-', '|', '|-', '>+', '|2');
    const line = fc
      .tuple(fc.nat(6), fc.constantFrom('text', 'more text', '# not a comment', '- x', 'a: b', '', 'x  ', '"q"', '[a]', 'é'))
      .map(([indent, text]) => ' '.repeat(indent) + text);
    const entry = fc.record({ header, extra: fc.nat(4), first: fc.constantFrom('first', 'a b', '# x', '- y', '', '      '), lines: fc.array(line, { maxLength: 6 }) });
    const doc = fc
      .tuple(fc.boolean(), fc.array(entry, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '\n', '\n\n', '\n  \n', '\nend: x\n', '\n# c\n', '   '))
      .map(([list, entries, tail]) =>
        entries.map((e, i) => `${list ? '- ' : `k${i}: `}${e.header}\n${' '.repeat(1 + e.extra)}${[e.first, ...e.lines].join('\n')}`).join('\n') + tail,
      );
    let fastAccepted = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (expectParseAgreement(text)) fastAccepted++;
      }),
      { numRuns: 2000 },
    );
    // about 110 of the 2,000 (varying with the seed) are block scalars the fast path takes
    expect(fastAccepted).toBeGreaterThan(40);
  });

  it('on random YAML-like text', () => {
    let fastAccepted = 0;
    fc.assert(
      fc.property(yamlish, (text) => {
        if (expectParseAgreement(text)) fastAccepted++;
      }),
      { numRuns: 3000 },
    );
    expect(fastAccepted).toBeGreaterThan(100);
  });

  it.each([
    ['a number YAML 1.2 reads as a string', 'a: 1_000\nb: 0b11\nc: +.5\nd: 0X1F\n'],
    ['numbers in every form YAML 1.2 has', 'a: 0o17\nb: 0x1F\nc: -0\nd: 1e3\ne: .5\nf: 1.\ng: +12\n'],
    ['null and booleans', 'a: ~\nb: Null\nc: TRUE\nd: False\ne: yes\nf: on\n'],
    ['keys that are numbers', '1: a\n1.5: b\n0x10: c\n'],
    ['block scalars', 'a: >-\n  folded\n  text\n\n    more indented\n  end\nb: |\n  literal\n   text\n\n# c\nc:\n  - >\n    item\n'],
    ['a long value', `a: ${'v '.repeat(800)}\nb: [${'w'.repeat(1100)}]\n`],
    ['characters beyond the BMP', 'a: "\\U0001F600 \\U0010FFFF \u{1F600}"\n\u{1F600}: x\n'],
  ])('%s: the same data', (_name, text) => {
    expect(expectParseAgreement(text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   text\n'],
    ['a block scalar that keeps trailing lines', 'a: |+\n  text\n\n'],
    ['a block scalar that starts with an empty line', 'a: |-\n      \n    text\n'],
    ['a comment after a block scalar header', 'a: > # c\n  text\n'],
    ['a complex key', '? a\n: b\n'],
    ['a flow collection as a key', '[a, b]: c\n'],
    ['a flow mapping as a key in a flow mapping', 'a: {{b: 1}, c: 2}\n'],
    ['a flow collection over two lines', 'a: [b,\n  c]\n'],
    ['a quoted string over two lines', 'a: "b\n  c"\n'],
    ['an empty list item', 'a:\n  -\n- b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['keys that collide as strings', '1: a\n"1": b\n'],
    ['an infinite number', 'a: .inf\n'],
    ['a number too large', `a: 1e400\n`],
    ['__proto__', '__proto__: 1\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {d: 2}\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['a BOM', '\uFEFFa: 1\n'],
    ['too deep', 'a: ' + '['.repeat(70) + ']'.repeat(70) + '\n'],
    ['a key over 1024 characters', 'k'.repeat(1100) + ': 1\n'],
    ['an escape beyond Unicode', 'a: "\\U00110000"\n'],
    ['a key over 1024 characters in a flow sequence', `a: [${'k'.repeat(1100)}: 1]\n`],
  ])('%s: left to the full path', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});
