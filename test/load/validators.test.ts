// The precompiled validators (ajv standalone code, dist/generated/validators.cjs, written by `npm run build`)
// must judge exactly as ajv compiling src/schemas/*.json at run time: the same boolean and the same errors,
// over the data of every fixture and fuzzed data.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, SCHEMA_KINDS, type SchemaKind, type Validator } from '../../src/load/schema/validators.js';
import { parseYaml } from '../../src/load/yaml/full-parse.js';
import { runs } from '../fuzz-runs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GENERATED = join(ROOT, 'dist/generated/validators.cjs');

type Validators = Record<SchemaKind, Validator>;
const STALE = '(after a change to src/schemas, run npm run build)';

let generatedValidators: Validators | undefined;
/** Called in each test, so that without a build every test fails, saying why (a failing beforeAll skips them). */
function generated(): Validators {
  if (!existsSync(GENERATED)) {
    throw new Error(`${GENERATED} is missing: run \`npm run build\` first (npm test does), then run the tests again`);
  }
  return (generatedValidators ??= createRequire(import.meta.url)(GENERATED) as Validators);
}

function dataFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => /\.(ya?ml|json)$/i.test(path) && statSync(path).isFile())
    .sort();
}

/** The data of every fixture (and of the built-in model and examples when present) that parses. */
function fixtureData(): { file: string; data: unknown }[] {
  const files = ['test/fixtures', 'questionnaires', 'examples'].flatMap((dir) => dataFilesUnder(join(ROOT, dir)));
  return files.flatMap((file) => {
    const parsed = parseYaml(new TextDecoder('utf-8').decode(readFileSync(file)), { file });
    return parsed.data === undefined ? [] : [{ file: file.slice(ROOT.length), data: parsed.data }];
  });
}

interface Judgement {
  readonly valid: boolean;
  readonly errors: readonly Record<string, unknown>[] | null;
}

/**
 * Strict deep equality of two schema objects (ajv's verbose errors carry the schema and its parent: the
 * standalone code's copies on one side, the parsed schema on the other), each pair of objects walked once:
 * thousands of errors point at the same few dozen.
 */
const knownEqual = new WeakMap<object, WeakSet<object>>();
function sameSchema(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return isDeepStrictEqual(a, b);
  if (knownEqual.get(a)?.has(b)) return true;
  if (!isDeepStrictEqual(a, b)) return false;
  if (!knownEqual.has(a)) knownEqual.set(a, new WeakSet());
  knownEqual.get(a)!.add(b);
  return true;
}

/** Every property of every error strictly equal (the schema and its parent through sameSchema). */
function sameJudgement(a: Judgement, b: Judgement): boolean {
  if (a.valid !== b.valid || (a.errors === null) !== (b.errors === null)) return false;
  if (a.errors === null || b.errors === null) return true;
  if (a.errors.length !== b.errors.length) return false;
  return a.errors.every((error, i) => {
    const other = b.errors![i]!;
    const keys = Object.keys(error);
    if (keys.join() !== Object.keys(other).join()) return false;
    return keys.every((key) => (key === 'schema' || key === 'parentSchema' ? sameSchema(error[key], other[key]) : isDeepStrictEqual(error[key], other[key])));
  });
}

/** toEqual (for its report of the difference), asked only where sameJudgement sees one. */
function expectSameVerdict(actual: Judgement, expected: Judgement, message: string): void {
  if (!sameJudgement(actual, expected)) expect(actual, message).toEqual(expected);
}

function judge(validate: Validator, data: unknown): Judgement {
  const valid = validate(data);
  // each call gives validate.errors a new array of new errors; what they point at (schema, data) is not changed
  return { valid, errors: (validate.errors ?? null) as Judgement['errors'] };
}

/** Data near our files: a valid or invalid file's data with one part replaced, removed or added. */
type Edit = { path: number[]; action: 'replace' | 'delete' | 'add'; value: unknown; key: string };

function applyEdit(data: unknown, edit: Edit): unknown {
  const copy = structuredClone(data);
  let node: unknown = copy;
  for (const step of edit.path) {
    const children = node !== null && typeof node === 'object' ? Object.keys(node) : [];
    if (children.length === 0) break;
    const child = (node as Record<string, unknown>)[children[step % children.length]!];
    if (child === null || typeof child !== 'object') {
      const key = children[step % children.length]!;
      if (edit.action === 'delete') delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = edit.value;
      return copy;
    }
    node = child;
  }
  if (node === null || typeof node !== 'object') return edit.value;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  if (edit.action === 'add' || keys.length === 0) {
    if (Array.isArray(record)) (record as unknown[]).push(edit.value);
    else record[edit.key] = edit.value;
  } else {
    const key = keys[edit.path.length % keys.length]!;
    if (edit.action === 'delete') {
      if (Array.isArray(record)) (record as unknown[]).splice(Number(key), 1);
      else delete record[key];
    } else record[key] = edit.value;
  }
  return copy;
}

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('choice', 'multi', 'scale', 'questionnaire', 'model', 'answers', 'n/a', '', 'a.b', 'Bad Id', '1.0.0', 1.0, 0, -1, 2.5, null, true, [], {}),
);
const edit: fc.Arbitrary<Edit> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 6 }),
  action: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
  value,
  key: fc.constantFrom('type', 'id', 'score', 'weight', 'extra', 'options', 'min', 'max', 'labels', '7', 'kind'),
});

describe('precompiled validators agree with a run-time compile of src/schemas', () => {
  let compiled: Validators;
  let fixtures: { file: string; data: unknown }[];
  beforeAll(async () => {
    compiled = (await compileAll()).validators;
    fixtures = fixtureData();
  });

  it('the build wrote a validator for every schema', () => {
    for (const kind of SCHEMA_KINDS) expect(typeof generated()[kind], kind).toBe('function');
  });

  it('on the data of every fixture, with every schema', () => {
    expect(fixtures.length).toBeGreaterThan(50);
    let valid = 0;
    for (const { file, data } of fixtures) {
      for (const kind of SCHEMA_KINDS) {
        const a = judge(generated()[kind], data);
        expectSameVerdict(a, judge(compiled[kind], data), `${file} as ${kind} ${STALE}`);
        if (a.valid) valid++;
      }
    }
    expect(valid).toBeGreaterThan(5); // both verdicts are exercised
  });

  it('on fuzzed data: fixtures edited, and random JSON', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.constantFrom(...SCHEMA_KINDS), (index, edits, kind) => {
        const base = fixtures[index % fixtures.length]!.data;
        const data = edits.reduce(applyEdit, base);
        expectSameVerdict(judge(generated()[kind], data), judge(compiled[kind], data), STALE);
      }),
      { numRuns: runs(1500) },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...SCHEMA_KINDS), (data, kind) => {
        expectSameVerdict(judge(generated()[kind], data), judge(compiled[kind], data), STALE);
      }),
      { numRuns: runs(500) },
    );
  });
});
