// Untrusted input never throws: random text, random bytes and mutations of valid files give findings,
// and every finding points at a line (and column) that exists in the file.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { anyString } from '../any-string.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePaths } from '../../src/load/validate-paths.js';
import { loadYamlFile } from '../../src/load/file.js';
import { parseYaml } from '../../src/load/yaml/full-parse.js';
import type { Finding } from '../../src/domain/finding.js';
import { runs } from '../fuzz-runs.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const VALID_FILES = ['model.yaml', 'strategy.yaml', 'culture-questions.yaml'] as const;

/** Lines as an editor shows them: split on \n, a last line without a newline counts, an empty file has one. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

function positionProblem(position: { line: number; column: number }, text: string): string | undefined {
  const lines = linesOf(text);
  const { line, column } = position;
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} of ${lines.length}`;
  const length = lines[line - 1]!.length;
  if (!Number.isInteger(column) || column < 1 || column > length + 1) return `column ${column} of a line of ${length}`;
  return undefined;
}

function expectInFile(findings: readonly Finding[], textOf: (file: string) => string): void {
  for (const f of findings) {
    const problem = positionProblem(f, textOf(f.file));
    expect(problem, `${f.file}:${f.line}:${f.column} ${f.code}`).toBeUndefined();
  }
}

/** Text made of YAML's own punctuation, so that random input reaches the parser's corners. */
const yamlish = fc
  .array(
    fc.constantFrom(
      'kind: ', 'questionnaire', 'model', 'answers', '\n', '\r\n', '  ', '- ', ': ', '? ', '[', ']', '{', '}', ', ',
      '&a ', '*a', '&b ', '*b', '!!str ', '!!js/function ', '!x ', '"', "'", '\\', '# c', '|', '>-', '---\n', '...\n',
      'id', 'x', '1', '1.0', '0x1F', '.inf', '.nan', 'no', 'on', '~', 'null', '\t', 'é', '\u{1F600}', '\u0000', '\uFEFF',
      '__proto__', '%YAML 1.2\n', '<<: ',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(anyString({ maxLength: 200 }), yamlish);

const pointer = fc
  .array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat(5).map(String)), { maxLength: 5 })
  .map((segments) => segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join(''));

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(':', '-', ' ', '\n', '[', ']', '{', '"', "'", '&a', '*a', '!!', '#', '|', '\t', '? ', '0', 'x'), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'delete' || m.kind === 'duplicate' || m.kind === 'insert') {
    const i = text.length === 0 ? 0 : m.at % (text.length + 1);
    if (m.kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (m.kind === 'duplicate') return text.slice(0, i) + text.slice(i, i + 1) + text.slice(i);
    return text.slice(0, i) + m.text + text.slice(i);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  if (m.kind === 'delete-line') lines.splice(i, 1);
  else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
  else {
    const j = m.with % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.join('\n');
}

describe('fuzz: hostile input is a finding, never a throw', () => {
  let dir: string;
  let originals: Map<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxm-fuzz-'));
    originals = new Map();
    for (const name of VALID_FILES) originals.set(name, await readFile(join(FIXTURES, 'valid/model', name), 'utf8'));
    originals.set('answers.yaml', await readFile(join(FIXTURES, 'valid/answers.yaml'), 'utf8'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parseYaml: random text; findings and located pointers are inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.array(pointer, { maxLength: 3 }), (text, pointers) => {
        const parsed = parseYaml(text, { file: 'fuzz.yaml' });
        expectInFile(parsed.findings, () => text);
        for (const p of [...pointers, ...parsed.findings.map((f) => f.pointer)]) {
          expect(positionProblem(parsed.locate(p), text), p).toBeUndefined();
          expect(positionProblem(parsed.locate(p, 'key'), text), p).toBeUndefined();
        }
        if (parsed.findings.length === 0) expect(parsed.data).not.toBe(undefined);
      }),
      { numRuns: runs(400) },
    );
  });

  it('loadYamlFile: random bytes', async () => {
    const file = join(dir, 'bytes.yaml');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), yamlish.map((t) => new TextEncoder().encode(t))), async (bytes) => {
        await writeFile(file, bytes);
        const loaded = await loadYamlFile(file);
        const text = new TextDecoder('utf-8').decode(bytes);
        expectInFile(loaded.findings, () => text);
        expect(loaded.data === undefined || loaded.findings.length === 0).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  });

  it('validatePaths: mutations of a valid model and its answers', async () => {
    const modelDir = join(dir, 'model');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VALID_FILES, 'answers.yaml' as const),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (target, mutations) => {
          await rm(modelDir, { recursive: true, force: true });
          await cp(join(FIXTURES, 'valid/model'), modelDir, { recursive: true });
          await writeFile(join(dir, 'answers.yaml'), originals.get('answers.yaml')!);
          const text = mutations.reduce(mutate, originals.get(target)!);
          const path = target === 'answers.yaml' ? join(dir, target) : join(modelDir, target);
          await writeFile(path, text);
          const result = await validatePaths([modelDir, join(dir, 'answers.yaml')]);
          expectInFile(result.findings, (file) => (file === path ? text : file.endsWith('answers.yaml') ? originals.get('answers.yaml')! : originals.get(file.slice(modelDir.length + 1))!));
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
