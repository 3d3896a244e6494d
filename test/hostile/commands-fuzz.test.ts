// Every command, on broken files, answers with findings and an exit code, never an uncaught error: the
// built-in model and the examples, mutated (lines deleted, duplicated, swapped, re-indented, random
// characters inserted) and replaced by random bytes, through the CLI's own entry point, main(), in
// process (what bin/cxm.js runs, without a process per call). Every finding cxm validate reports points
// at a line and column that exist in the file it names. (test/load/fuzz.test.ts fuzzes the loaders on
// the test fixtures; test/hostile/fuzz.test.ts the renderers.)

import { cxmInProcess } from '../cli/in-process.js';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyString } from '../any-string.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding.js';
import { ROOT } from '../report/cxm.js';
import { checkMarkdown, noControls } from './checks.js';
import { runs } from '../fuzz-runs.js';

const MODEL = join(ROOT, 'questionnaires/cx-maturity');
const MODEL_FILES = readdirSync(MODEL).filter((n) => n.endsWith('.yaml')).sort();
const EXAMPLES = ['examples/quarters/2026-Q4.yaml', 'examples/quarters/2026-Q2.yaml', 'examples/quarters/2026-Q3.yaml'];
const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'cxm-commands-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** main() as bin/cxm.js calls it, with its output captured. */
function cxm(...args: string[]): Promise<Run> {
  return cxmInProcess(args, { cwd: dir });
}

/** Exit 0 or 1 (files that exist are never an I/O error), no internal error, nothing raw on the screen. */
function expectHandled(run: Run, what: string): void {
  expect(run.stderr, what).not.toMatch(/internal error|\n\s+at /);
  expect([0, 1], `${what}: exit ${run.code}\n${run.stderr.slice(0, 2000)}`).toContain(run.code);
  noControls(run.stdout + run.stderr);
}

/** Lines as an editor shows them: a last line without a newline counts, an empty file has one. */
function expectInFile(findings: readonly Finding[], textOf: (file: string) => string): void {
  for (const f of findings) {
    const lines = textOf(f.file).split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const where = `${f.file}:${f.line}:${f.column} ${f.code} (${lines.length} lines)`;
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines.length, where).toBe(true);
    const length = lines[f.line - 1]!.replace(/\r$/, '').length;
    expect(Number.isInteger(f.column) && f.column >= 1 && f.column <= length + 1, `${where}, a line of ${length}`).toBe(true);
  }
}

type Mutation =
  | { kind: 'delete-line' | 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(':', '- ', ' ', '\n', '\t', '[', '{', '"', "'", '&a ', '*a', '!!binary ', '#', '|', '? ', '---\n', 'n/a', '-1', '1e999', '__proto__: 1\n', '\u001b[2J', '\u0085', '\uFEFF'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      anyString({ maxLength: 4 }),
    ),
  }),
);

function mutate(source: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const i = m.at % (source.length + 1);
    return source.slice(0, i) + m.text + source.slice(i);
  }
  const lines = source.split('\n');
  const i = m.at % lines.length;
  if (m.kind === 'swap-lines') {
    const j = m.with % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  } else if (m.kind === 'indent') {
    lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i]! : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
  } else if (m.kind === 'delete-line') lines.splice(i, 1);
  else lines.splice(i, 0, lines[i]!);
  return lines.join('\n');
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

describe('every command on mutated and random files', () => {
  it('a mutated file of the built-in model: validate, score, report and compare with it as --model', async () => {
    const model = join(dir, 'model');
    cpSync(MODEL, model, { recursive: true });
    const originals = new Map(MODEL_FILES.map((name) => [join(model, name), readFileSync(join(model, name), 'utf8')]));
    const outcomes = { valid: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MODEL_FILES), mutations, async (name, edits) => {
        const target = join(model, name);
        const mutated = edits.reduce(mutate, originals.get(target)!);
        writeFileSync(target, mutated);
        try {
          const validate = await cxm('validate', model, '-f', 'json');
          expectHandled(validate, 'validate');
          const { findings } = JSON.parse(validate.stdout) as { findings: Finding[] };
          expectInFile(findings, (file) => (file === target ? mutated : originals.get(file)!));
          outcomes[validate.code === 0 ? 'valid' : 'invalid']++;
          const report = await cxm('report', join(ROOT, EXAMPLES[0]!), '--model', model);
          expectHandled(report, 'report');
          if (report.code === 0) checkMarkdown(report.stdout);
          expectHandled(await cxm('score', join(ROOT, EXAMPLES[0]!), '--model', model), 'score');
          expectHandled(await cxm('compare', join(ROOT, EXAMPLES[2]!), join(ROOT, EXAMPLES[0]!), '--model', model), 'compare');
          // a model that validate finds no error in scores; one it rejects is rejected by every command
          if (findings.some((f) => f.severity === 'error')) expect(report.code).toBe(1);
        } finally {
          writeFileSync(target, originals.get(target)!);
        }
      }),
      // both ways are taken whatever the seed: a blank first line leaves the model valid, a "[" at the start does not
      {
        numRuns: runs(25),
        examples: [
          ['model.yaml', [{ kind: 'insert', at: 0, text: '\n' }]],
          ['model.yaml', [{ kind: 'insert', at: 0, text: '[' }]],
        ],
      },
    );
    expect(outcomes.valid).toBeGreaterThan(0);
    expect(outcomes.invalid).toBeGreaterThan(0);
  });

  it('a mutated example answers file: validate, score, report and compare', async () => {
    const file = join(dir, 'answers.yaml');
    const outcomes = { scored: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXAMPLES), mutations, async (example, edits) => {
        const mutated = edits.reduce(mutate, text(example));
        writeFileSync(file, mutated);
        const validate = await cxm('validate', file, '-f', 'json');
        expectHandled(validate, 'validate');
        const { findings } = JSON.parse(validate.stdout) as { findings: Finding[] };
        expectInFile(
          findings.filter((f) => f.file === file),
          () => mutated,
        );
        const report = await cxm('report', file);
        expectHandled(report, 'report');
        if (report.code === 0) checkMarkdown(report.stdout);
        outcomes[report.code === 0 ? 'scored' : 'rejected']++;
        // validate and report agree on whether the file can be scored
        expect(report.code, validate.stdout).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
        expectHandled(await cxm('score', file, '--json'), 'score');
        const other = example === EXAMPLES[1] ? EXAMPLES[0]! : EXAMPLES[1]!;
        expectHandled(await cxm('compare', file, join(ROOT, other), '-f', 'json'), 'compare');
      }),
      // about 1 mutated file in 8 still scores; both ways are taken whatever the seed: a blank first line
      // always scores, a "[" at the start never does
      {
        numRuns: runs(40),
        examples: [
          [EXAMPLES[0]!, [{ kind: 'insert', at: 0, text: '\n' }]],
          [EXAMPLES[0]!, [{ kind: 'insert', at: 0, text: '[' }]],
        ],
      },
    );
    expect(outcomes.scored).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  it('random bytes as an answers file and as a questionnaire of the model', async () => {
    const model = join(dir, 'random-model');
    cpSync(MODEL, model, { recursive: true });
    const strategy = readFileSync(join(model, 'strategy.yaml'));
    const file = join(dir, 'random.yaml');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        writeFileSync(file, bytes);
        writeFileSync(join(model, 'strategy.yaml'), bytes);
        const decoded = new TextDecoder().decode(bytes);
        for (const args of [['validate', file, '-f', 'json'], ['validate', model, '-f', 'json']]) {
          const run = await cxm(...args);
          expectHandled(run, args.join(' '));
          const { findings } = JSON.parse(run.stdout) as { findings: Finding[] };
          expect(findings.length).toBeGreaterThan(0);
          expectInFile(
            findings.filter((f) => f.file === file || f.file.endsWith('strategy.yaml')),
            () => decoded,
          );
        }
        for (const args of [['score', file], ['report', file], ['compare', file, join(ROOT, EXAMPLES[0]!)], ['report', join(ROOT, EXAMPLES[0]!), '--model', model]]) {
          const run = await cxm(...args);
          expectHandled(run, args[0]!);
          expect(run.code, args.join(' ')).toBe(1);
        }
      }),
      { numRuns: runs(25) },
    );
    writeFileSync(join(model, 'strategy.yaml'), strategy);
  });
});
