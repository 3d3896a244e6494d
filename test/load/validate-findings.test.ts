// Every kind of bad file, through validatePaths: its code, severity and exact line:column.
// The expected positions were written by reading the fixtures (test/fixtures/validate/), not by running the code.

import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuTime } from '../deadlines.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { validatePaths } from '../../src/load/validate-paths.js';
import { loadModel } from '../../src/load/model.js';
import { MAX_FILE_BYTES, readSourceFile } from '../../src/load/source-file.js';
import type { Finding, FindingCode, Severity } from '../../src/domain/finding.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const at = (path: string): string => join(FIXTURES, path);
const VALID_MODEL = 'valid/model';

interface Case {
  /** What is validated, under test/fixtures/validate/. */
  readonly fixture: string | readonly string[];
  /** --model: the model answers files are checked against. */
  readonly model?: string;
  readonly code: FindingCode;
  /** The file the finding is in, under test/fixtures/validate/. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** What a did-you-mean message must suggest. */
  readonly suggests?: string;
}

const error = 'error' as const;
const warning = 'warning' as const;

// One row per expected finding; a fixture gives exactly its rows, nothing more.
const CASES: readonly Case[] = [
  // files and YAML
  { fixture: 'files/yaml-syntax.yaml', code: 'yaml-syntax', file: 'files/yaml-syntax.yaml', line: 4, column: 1, severity: error },
  { fixture: 'files/yaml-unclosed-quote.yaml', code: 'yaml-syntax', file: 'files/yaml-unclosed-quote.yaml', line: 3, column: 8, severity: error },
  // after yaml gives up on line 2, the rest of the file is stray tokens: each at its own line, none drifting past its line's end
  { fixture: 'files/crlf-unclosed-quote.yaml', code: 'yaml-syntax', file: 'files/crlf-unclosed-quote.yaml', line: 3, column: 8, severity: error },
  { fixture: 'files/yaml-stray-colon.yaml', code: 'yaml-syntax', file: 'files/yaml-stray-colon.yaml', line: 2, column: 1, severity: error },
  { fixture: 'files/yaml-stray-colon.yaml', code: 'yaml-syntax', file: 'files/yaml-stray-colon.yaml', line: 3, column: 6, severity: error },
  { fixture: 'files/yaml-stray-colon.yaml', code: 'yaml-syntax', file: 'files/yaml-stray-colon.yaml', line: 3, column: 8, severity: error },
  { fixture: 'files/yaml-duplicate-key.yaml', code: 'yaml-duplicate-key', file: 'files/yaml-duplicate-key.yaml', line: 4, column: 1, severity: error },
  { fixture: 'files/yaml-multiple-documents.yaml', code: 'yaml-multiple-documents', file: 'files/yaml-multiple-documents.yaml', line: 3, column: 1, severity: error },
  { fixture: 'files/yaml-unknown-tag.yaml', code: 'yaml-unknown-tag', file: 'files/yaml-unknown-tag.yaml', line: 3, column: 8, severity: error },
  // b, c, d expand to 8289 values; the first *d of e goes past 10,000
  { fixture: 'files/yaml-alias-bomb.yaml', code: 'yaml-alias-limit', file: 'files/yaml-alias-bomb.yaml', line: 6, column: 8, severity: error },
  { fixture: 'files/yaml-unknown-alias.yaml', code: 'yaml-syntax', file: 'files/yaml-unknown-alias.yaml', line: 3, column: 8, severity: error },
  { fixture: 'files/yaml-complex-key.yaml', code: 'yaml-complex-key', file: 'files/yaml-complex-key.yaml', line: 3, column: 3, severity: error },
  { fixture: 'files/yaml-infinite-number.yaml', code: 'invalid-value', file: 'files/yaml-infinite-number.yaml', line: 9, column: 13, severity: error },
  // the 65th [ of line 2
  { fixture: 'files/yaml-too-deep.yaml', code: 'yaml-too-deep', file: 'files/yaml-too-deep.yaml', line: 2, column: 72, severity: error },
  { fixture: 'files/not-utf8.yaml', code: 'file-not-utf8', file: 'files/not-utf8.yaml', line: 3, column: 13, severity: error },
  { fixture: 'files/nul-byte.yaml', code: 'file-not-utf8', file: 'files/nul-byte.yaml', line: 2, column: 13, severity: error },
  { fixture: 'files/empty.yaml', code: 'missing-kind', file: 'files/empty.yaml', line: 1, column: 1, severity: error },
  { fixture: 'files/top-level-list.yaml', code: 'missing-kind', file: 'files/top-level-list.yaml', line: 1, column: 1, severity: error },
  { fixture: 'files/top-level-scalar.yaml', code: 'missing-kind', file: 'files/top-level-scalar.yaml', line: 1, column: 1, severity: error },
  { fixture: 'files/missing-kind.yaml', code: 'missing-kind', file: 'files/missing-kind.yaml', line: 1, column: 1, severity: error },
  { fixture: 'files/unknown-kind.yaml', code: 'unknown-kind', file: 'files/unknown-kind.yaml', line: 2, column: 7, severity: error },
  // schema
  { fixture: 'files/proto-keys.yaml', code: 'unknown-property', file: 'files/proto-keys.yaml', line: 4, column: 1, severity: error },
  { fixture: 'files/proto-keys.yaml', code: 'unknown-property', file: 'files/proto-keys.yaml', line: 12, column: 5, severity: error },
  { fixture: 'files/unknown-property.yaml', code: 'unknown-property', file: 'files/unknown-property.yaml', line: 11, column: 5, severity: error, suggests: 'weight' },
  // CRLF line endings: the \r is not a column
  { fixture: 'files/crlf-unknown-property.yaml', code: 'unknown-property', file: 'files/crlf-unknown-property.yaml', line: 11, column: 5, severity: error, suggests: 'weight' },
  { fixture: 'files/missing-property.yaml', code: 'missing-property', file: 'files/missing-property.yaml', line: 5, column: 5, severity: error },
  { fixture: 'files/wrong-type.yaml', code: 'wrong-type', file: 'files/wrong-type.yaml', line: 10, column: 10, severity: error },
  { fixture: 'files/unknown-question-type.yaml', code: 'unknown-question-type', file: 'files/unknown-question-type.yaml', line: 8, column: 11, severity: error },
  { fixture: 'files/invalid-id.yaml', code: 'invalid-id', file: 'files/invalid-id.yaml', line: 2, column: 10, severity: error },
  // keys checked by a pattern: the finding is at the key, once
  { fixture: 'files/scale-label-not-integer.yaml', code: 'invalid-value', file: 'files/scale-label-not-integer.yaml', line: 11, column: 25, severity: error },
  { fixture: 'files/invalid-recommendation-key.yaml', code: 'invalid-id', file: 'files/invalid-recommendation-key.yaml', line: 13, column: 3, severity: error },
  { fixture: 'files/question-without-help.yaml', code: 'question-without-help', file: 'files/question-without-help.yaml', line: 5, column: 9, severity: warning },
  // YAML 1.2: 1.0 is a number, not the string a version must be
  { fixture: 'models/model-version-number', code: 'wrong-type', file: 'models/model-version-number/model.yaml', line: 3, column: 10, severity: error },
  { fixture: 'models/invalid-element-id', code: 'invalid-id', file: 'models/invalid-element-id/model.yaml', line: 9, column: 9, severity: error },
  // model rules
  { fixture: 'models/duplicate-question-id', code: 'duplicate-question-id', file: 'models/duplicate-question-id/culture.yaml', line: 11, column: 9, severity: error },
  { fixture: 'models/duplicate-option-id', code: 'duplicate-option-id', file: 'models/duplicate-option-id/strategy.yaml', line: 12, column: 15, severity: error },
  { fixture: 'models/element-file-missing', code: 'element-file-missing', file: 'models/element-file-missing/model.yaml', line: 10, column: 11, severity: error },
  { fixture: 'models/element-file-kind', code: 'element-file-kind', file: 'models/element-file-kind/strategy.yaml', line: 1, column: 7, severity: error },
  { fixture: 'models/element-mismatch', code: 'element-mismatch', file: 'models/element-mismatch/strategy.yaml', line: 2, column: 10, severity: error },
  { fixture: 'models/levels-not-ascending', code: 'levels-not-ascending', file: 'models/levels-not-ascending/model.yaml', line: 8, column: 44, severity: error },
  { fixture: 'models/first-level-not-zero', code: 'first-level-not-zero', file: 'models/first-level-not-zero/model.yaml', line: 6, column: 38, severity: error },
  { fixture: 'models/unknown-recommendation-level', code: 'unknown-recommendation-level', file: 'models/unknown-recommendation-level/strategy.yaml', line: 16, column: 3, severity: error, suggests: 'high' },
  // "hihg" is not "high", so high has no recommendations either
  { fixture: 'models/unknown-recommendation-level', code: 'missing-recommendations', file: 'models/unknown-recommendation-level/strategy.yaml', line: 14, column: 1, severity: warning },
  { fixture: 'models/choice-scores-equal', code: 'choice-scores-equal', file: 'models/choice-scores-equal/strategy.yaml', line: 10, column: 7, severity: error },
  { fixture: 'models/multi-scores-zero', code: 'multi-scores-zero', file: 'models/multi-scores-zero/strategy.yaml', line: 16, column: 7, severity: error },
  { fixture: 'models/scale-range-empty', code: 'scale-range-empty', file: 'models/scale-range-empty/strategy.yaml', line: 10, column: 10, severity: error },
  { fixture: 'models/scale-label-out-of-range', code: 'scale-label-out-of-range', file: 'models/scale-label-out-of-range/strategy.yaml', line: 14, column: 7, severity: error },
  // one question with options 0 and 1: every element scores 0 or 100, never from 50 up to 100
  { fixture: 'models/level-unreachable', code: 'level-unreachable', file: 'models/level-unreachable/model.yaml', line: 7, column: 44, severity: error },
  { fixture: 'models/replaces-conflict', code: 'replaces-conflict', file: 'models/replaces-conflict/strategy.yaml', line: 17, column: 37, severity: error },
  { fixture: 'models/questionnaire-outside-model', code: 'questionnaire-outside-model', file: 'models/questionnaire-outside-model/model.yaml', line: 10, column: 11, severity: error },
  // strategy.yaml is read once, so its question ids are not reported as duplicates of themselves
  { fixture: 'models/duplicate-element', code: 'duplicate-element', file: 'models/duplicate-element/model.yaml', line: 11, column: 9, severity: error },
  { fixture: 'models/duplicate-level', code: 'duplicate-level', file: 'models/duplicate-level/model.yaml', line: 8, column: 11, severity: error },
  { fixture: 'models/missing-recommendations', code: 'missing-recommendations', file: 'models/missing-recommendations/strategy.yaml', line: 14, column: 1, severity: warning },
  // a manifest not named model.yaml is recognised by its kind; its questionnaire's finding comes once
  { fixture: 'models/model-named-file', code: 'duplicate-option-id', file: 'models/model-named-file/strategy.yaml', line: 12, column: 15, severity: error },
  // answers against a model
  { fixture: 'answers/unknown-question.yaml', model: VALID_MODEL, code: 'unknown-question', file: 'answers/unknown-question.yaml', line: 6, column: 7, severity: error, suggests: 'strategy.statement' },
  { fixture: 'answers/unknown-option.yaml', model: VALID_MODEL, code: 'unknown-option', file: 'answers/unknown-option.yaml', line: 6, column: 27, severity: error, suggests: 'some' },
  { fixture: 'answers/unknown-multi-option.yaml', model: VALID_MODEL, code: 'unknown-option', file: 'answers/unknown-multi-option.yaml', line: 6, column: 28, severity: error },
  { fixture: 'answers/scale-out-of-range.yaml', model: VALID_MODEL, code: 'answer-out-of-range', file: 'answers/scale-out-of-range.yaml', line: 6, column: 28, severity: error },
  { fixture: 'answers/scale-not-integer.yaml', model: VALID_MODEL, code: 'wrong-type', file: 'answers/scale-not-integer.yaml', line: 6, column: 28, severity: error },
  { fixture: 'answers/scale-quoted.yaml', model: VALID_MODEL, code: 'answer-wrong-type', file: 'answers/scale-quoted.yaml', line: 6, column: 28, severity: error },
  { fixture: 'answers/not-applicable-not-allowed.yaml', model: VALID_MODEL, code: 'not-applicable-not-allowed', file: 'answers/not-applicable-not-allowed.yaml', line: 7, column: 28, severity: error },
  { fixture: 'answers/multi-not-a-list.yaml', model: VALID_MODEL, code: 'answer-wrong-type', file: 'answers/multi-not-a-list.yaml', line: 6, column: 22, severity: error },
  { fixture: 'answers/invalid-question-id.yaml', model: VALID_MODEL, code: 'invalid-id', file: 'answers/invalid-question-id.yaml', line: 7, column: 7, severity: error },
  { fixture: 'answers/duplicate-respondent.yaml', model: VALID_MODEL, code: 'duplicate-respondent', file: 'answers/duplicate-respondent.yaml', line: 7, column: 11, severity: error },
  { fixture: ['answers/duplicate-respondent-a.yaml', 'answers/duplicate-respondent-b.yaml'], model: VALID_MODEL, code: 'duplicate-respondent', file: 'answers/duplicate-respondent-b.yaml', line: 8, column: 11, severity: error },
  { fixture: 'answers/model-mismatch.yaml', model: VALID_MODEL, code: 'model-mismatch', file: 'answers/model-mismatch.yaml', line: 2, column: 14, severity: error },
  { fixture: 'answers/model-version-mismatch.yaml', model: VALID_MODEL, code: 'model-version-mismatch', file: 'answers/model-version-mismatch.yaml', line: 4, column: 12, severity: warning },
  { fixture: 'answers/empty-respondent.yaml', model: VALID_MODEL, code: 'empty-respondent', file: 'answers/empty-respondent.yaml', line: 7, column: 11, severity: warning },
  { fixture: 'answers/duplicate-answer.yaml', model: VALID_MODEL, code: 'duplicate-answer', file: 'answers/duplicate-answer.yaml', line: 7, column: 7, severity: warning },
  // a first-release period label: one error at the value, suggesting the rewrite
  { fixture: 'answers/period-format.yaml', model: VALID_MODEL, code: 'period-format', file: 'answers/period-format.yaml', line: 4, column: 9, severity: error },
  { fixture: 'answers/unknown-note.yaml', model: VALID_MODEL, code: 'unknown-question', file: 'answers/unknown-note.yaml', line: 8, column: 7, severity: warning },
  // the answers file names model "tiny", found beside it rather than through --model
  { fixture: [VALID_MODEL, 'answers/scale-out-of-range.yaml'], code: 'answer-out-of-range', file: 'answers/scale-out-of-range.yaml', line: 6, column: 28, severity: error },
];

interface Group {
  readonly name: string;
  readonly fixture: readonly string[];
  readonly model?: string;
  readonly cases: Case[];
}

function groups(cases: readonly Case[]): Group[] {
  const byName = new Map<string, Group>();
  for (const c of cases) {
    const fixture = typeof c.fixture === 'string' ? [c.fixture] : c.fixture;
    const name = fixture.join(' + ') + (c.model ? ` (--model ${c.model})` : '');
    const group = byName.get(name) ?? { name, fixture, ...(c.model ? { model: c.model } : {}), cases: [] };
    group.cases.push(c);
    byName.set(name, group);
  }
  return [...byName.values()];
}

const shape = (f: Pick<Finding, 'code' | 'file' | 'line' | 'column' | 'severity'>): string =>
  `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function validateGroup(group: Group): Promise<Finding[]> {
  const result = await validatePaths(
    group.fixture.map(at),
    group.model ? { model: at(group.model) } : {},
  );
  return result.findings;
}

/** Lines of a file as an editor shows them (a last line without a newline counts; an empty file has one). */
async function linesOf(file: string): Promise<string[]> {
  const text = new TextDecoder('utf-8').decode(await readFile(file));
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function expectPositionsInFile(findings: readonly Finding[]): Promise<void> {
  for (const f of findings) {
    const lines = await linesOf(f.file);
    expect(f.line, shape(f)).toBeGreaterThanOrEqual(1);
    expect(f.line, shape(f)).toBeLessThanOrEqual(lines.length);
    expect(f.column, shape(f)).toBeGreaterThanOrEqual(1);
    expect(f.column, shape(f)).toBeLessThanOrEqual(lines[f.line - 1]!.replace(/\r$/, '').length + 1);
  }
}

describe('validatePaths: each bad file gives its code at its line:column', () => {
  for (const group of groups(CASES)) {
    it(group.name, async () => {
      const findings = await validateGroup(group);
      const expected = group.cases.map((c) => shape({ ...c, file: at(c.file) })).sort(byText);
      expect(findings.map(shape).sort(byText)).toEqual(expected);
      for (const c of group.cases.filter((c) => c.suggests !== undefined)) {
        const finding = findings.find((f) => f.code === c.code && f.line === c.line && f.column === c.column)!;
        expect(finding.message).toContain(`did you mean "${c.suggests!}"`);
      }
      await expectPositionsInFile(findings);
    });
  }

  it('every finding has a JSON pointer and a message', async () => {
    for (const group of groups(CASES)) {
      for (const f of await validateGroup(group)) {
        expect(typeof f.pointer, shape(f)).toBe('string');
        expect(f.pointer === '' || f.pointer.startsWith('/'), shape(f)).toBe(true);
        expect(f.message.length, shape(f)).toBeGreaterThan(10);
      }
    }
  });
});

describe('valid files', () => {
  it('a valid model and valid answers give no finding', async () => {
    const result = await validatePaths([at(VALID_MODEL), at('valid/answers.yaml')]);
    expect(result.findings).toEqual([]);
    expect(result.files).toHaveLength(4);
  });

  it('YAML 1.2 core schema: no, yes, on and off stay strings, so they are valid option ids (written plain, a warning for YAML 1.1 readers)', async () => {
    const result = await validatePaths([at('files/yaml12-core-schema.yaml')]);
    expect(result.findings.map((f) => [f.severity, f.code, f.line])).toEqual([10, 11, 12, 13].map((line) => ['warning', 'yaml11-boolean-id', line]));
    const model = await loadModel(at(VALID_MODEL));
    const strategy = model.model!.elements.find((e) => e.id === 'strategy')!;
    const statement = strategy.questions.find((q) => q.id === 'strategy.statement')!;
    expect(statement.type === 'choice' && statement.options.map((o) => o.id)).toEqual(['no', 'some', 'yes']);
  });

  it('a directory with nothing of ours in it is a warning at the directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxm-nothing-'));
    try {
      await writeFile(join(dir, 'config.yaml'), 'name: not ours\n');
      const result = await validatePaths([dir]);
      expect(result.findings.map((f) => [f.file, f.line, f.column, f.severity, f.code])).toEqual([[dir, 1, 1, 'warning', 'no-files']]);
      expect(result.files).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('"m", "m/" and "m/model.yaml" are one model, checked once', async () => {
    const result = await validatePaths([
      at('models/duplicate-level'),
      at('models/duplicate-level/'),
      at('models/duplicate-level/model.yaml'),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(['duplicate-level']);
    expect(result.files).toHaveLength(2);
  });
});

describe('hostile files are findings, quickly', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxm-validate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // bounds on CPU time, not on the wall clock, which a busy machine stretches tenfold (test/deadlines.ts)
  it('an alias bomb (billion laughs) stops in well under a second', async () => {
    const { result, cpuMs } = await cpuTime(() => validatePaths([at('files/yaml-alias-bomb.yaml')]));
    expect(cpuMs).toBeLessThan(1000);
    expect(result.findings.map((f) => f.code)).toEqual(['yaml-alias-limit']);
  });

  it('an alias inside the value it names is a finding at the alias', async () => {
    const file = join(dir, 'recursive-alias.yaml');
    await writeFile(file, 'kind: questionnaire\nelement: &e [a, *e]\n');
    const result = await validatePaths([file]);
    expect(result.findings.map((f) => [f.code, f.line, f.column])).toEqual([['yaml-alias-limit', 2, 17]]);
  });

  it.each([
    ['100,000 [', 'kind: questionnaire\ntitle: ' + '['.repeat(100_000) + '\n', 2, 72],
    ['100,000 {', 'kind: questionnaire\ntitle: ' + '{'.repeat(100_000) + '\n', 2, 72],
    // "- - - … x": the 65th "- " opens the 65th list
    ['100,000 "- " on one line', 'kind: questionnaire\ntitle:\n' + '- '.repeat(100_000) + 'x\n', 3, 129],
    // each line one deeper than the one before: line 65 holds the 65th mapping
    ['2,000 lines, each indented one more', Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' x\n', 65, 65],
  ])('%s: yaml-too-deep, not a crash', async (_name, text, line, column) => {
    const file = join(dir, 'deep.yaml');
    await writeFile(file, text);
    // twice: the second hostile file used to kill the process once the first had exhausted the stack
    for (let i = 0; i < 2; i++) {
      const { result, cpuMs } = await cpuTime(() => validatePaths([file]));
      expect(cpuMs).toBeLessThan(1000);
      expect(result.findings.map((f) => [f.code, f.line, f.column])).toEqual([['yaml-too-deep', line, column]]);
    }
  });

  it('a file over MAX_FILE_BYTES is refused before it is read', async () => {
    const file = join(dir, 'huge.yaml');
    const handle = await open(file, 'w');
    await handle.truncate(MAX_FILE_BYTES + 1); // sparse: no megabytes written
    await handle.close();
    const result = await validatePaths([file]);
    expect(result.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([['file-too-large', 'error', 1, 1]]);
  });

  it('the size cap: a file of exactly the limit is read, one byte more is not', async () => {
    const file = join(dir, 'small.yaml');
    await writeFile(file, 'kind: model');
    expect('source' in (await readSourceFile(file, 11))).toBe(true);
    const over = await readSourceFile(file, 10);
    expect('finding' in over && over.finding.code).toBe('file-too-large');
  });

  it('thousands of keys with thousands of findings stay fast (no quadratic lookups)', async () => {
    const file = join(dir, 'many-keys.yaml');
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    await writeFile(file, `kind: questionnaire\nelement: strategy\ntitle: T\nquestions: [{ id: a.b, text: T, help: H, type: scale, min: 0, max: 2 }]\n${keys}\n`);
    const { result, cpuMs } = await cpuTime(() => validatePaths([file]));
    expect(cpuMs).toBeLessThan(5000);
    expect(result.findings).toHaveLength(20_000);
    expect(result.findings.every((f) => f.code === 'unknown-property')).toBe(true);
    expect(Math.max(...result.findings.map((f) => f.line))).toBe(20_004);
    expect(result.findings.every((f) => f.column === 1)).toBe(true);
  });

  it('a key written twice as 1 and "1" is a duplicate key, not a silent overwrite', async () => {
    const file = join(dir, 'one-and-one.yaml');
    await writeFile(file, 'kind: questionnaire\nlabels:\n  1: low\n  "1": high\n');
    const result = await validatePaths([file]);
    expect(result.findings.map((f) => [f.code, f.line, f.column])).toEqual([['yaml-duplicate-key', 4, 3]]);
  });

  it('__proto__ and constructor keys are data: no prototype is polluted', async () => {
    const result = await validatePaths([at('files/proto-keys.yaml')]);
    expect(result.findings.map((f) => f.pointer).sort()).toEqual(['/__proto__', '/questions/0/constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('answers files of one assessment', () => {
  it('loadAnswerSet: a respondent in two files is a duplicate, at the second', async () => {
    const { model } = await loadModel(at(VALID_MODEL));
    const result = await loadAnswerSet([at('answers/duplicate-respondent-a.yaml'), at('answers/duplicate-respondent-b.yaml')], model!);
    expect(result.answers).toBeUndefined();
    expect(result.findings.map(shape)).toEqual([
      shape({ code: 'duplicate-respondent', file: at('answers/duplicate-respondent-b.yaml'), line: 8, column: 11, severity: 'error' }),
    ]);
  });

  it('loadAnswerSet: files read together must be of one period (answers-mismatch, at the second file\'s value)', async () => {
    const { model } = await loadModel(at(VALID_MODEL));
    const dir = await mkdtemp(join(tmpdir(), 'cxm-mismatch-'));
    try {
      const text = await readFile(at('answers/duplicate-respondent-b.yaml'), 'utf8');
      const other = join(dir, 'next-quarter.yaml');
      await writeFile(other, text.replace('period: 2026-Q4', 'period: 2027-Q1').replace('name: Alice', 'name: Carol'));
      const result = await loadAnswerSet([at('answers/duplicate-respondent-a.yaml'), other], model!);
      expect(result.answers).toBeUndefined();
      const line = text.split('\n').findIndex((l) => l.startsWith('period:')) + 1;
      expect(result.findings.map(shape)).toEqual([shape({ code: 'answers-mismatch', file: other, line, column: 9, severity: 'error' })]);
      expect(result.findings[0]!.message).toContain('cxm compare');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('validate: files of another period may have the same respondents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxm-periods-'));
    try {
      const text = await readFile(at('answers/duplicate-respondent-b.yaml'), 'utf8');
      await writeFile(join(dir, 'next-quarter.yaml'), text.replace('period: 2026-Q4', 'period: 2027-Q1'));
      const files = [at('answers/duplicate-respondent-a.yaml'), join(dir, 'next-quarter.yaml')];
      expect((await validatePaths(files, { model: at(VALID_MODEL) })).findings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
