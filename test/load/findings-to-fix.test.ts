// Issue 13: findings that lead straight to the fix. Each case names its fixture (test/fixtures/validate/) and
// every finding it must give, with exact position and message: nothing more, nothing less.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Yaml from 'yaml';
import { validatePaths } from '../../src/load/validate-paths.js';
import { explainSyntaxErrors } from '../../src/load/yaml/syntax-errors.js';
import { parseYaml } from '../../src/load/yaml/full-parse.js';
import type { Finding } from '../../src/domain/finding.js';
import { runs } from '../fuzz-runs.js';

const yaml = createRequire(import.meta.url)('yaml') as typeof Yaml;

const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const at = (path: string): string => join(FIXTURES, path);

interface Case {
  readonly name: string;
  readonly paths: readonly string[];
  readonly model?: string;
  /** `file:line:column severity code message`, file under test/fixtures/validate/. */
  readonly findings: readonly string[];
  readonly passedOver?: readonly string[];
}

const CASES: readonly Case[] = [
  // point 0 — mutation: skipping files whose kind is not ours (the old `continue`) loses both findings
  {
    name: 'a searched directory: a misspelled kind and a missing one are findings; other YAML is passed over, and counted',
    paths: ['searched'],
    findings: [
      'searched/no-kind.yaml:1:1 error missing-kind the file has no kind: add "kind: questionnaire" as its first line',
      'searched/questionaire.yaml:1:7 error unknown-kind unknown kind "questionaire": did you mean "questionnaire"?',
    ],
    passedOver: ['searched/report.json', 'searched/workflow.yaml'],
  },
  // point 1 — mutation: rules only on data that passed the schema (no `partial`) loses the duplicate option id
  {
    name: 'a schema error and a rule error of the same file, in one run',
    paths: ['files/schema-and-rule.yaml'],
    findings: [
      'files/schema-and-rule.yaml:9:5 error unknown-property unknown property "weigth": did you mean "weight"?',
      'files/schema-and-rule.yaml:13:15 error duplicate-option-id option id "some" is used twice in question "strategy.statement": make option ids unique within the question',
    ],
  },
  // point 2 — mutation: reporting yaml's errors as they come gives 10, 2, 10 and 1 errors in yaml's words
  {
    name: 'a tab in the indentation: one error that says to indent with spaces',
    paths: ['files/syntax-tab.yaml'],
    findings: ['files/syntax-tab.yaml:6:1 error yaml-syntax line 6 is indented with a tab: indent with spaces, not tabs: put 4 spaces before `text:` to align it with `id:` on line 5'],
  },
  {
    name: 'a line indented more than the key above it: one error at that line',
    paths: ['files/syntax-over-indent.yaml'],
    findings: ['files/syntax-over-indent.yaml:6:7 error yaml-syntax line 6 is indented more than the key above it: align `text:` with `id:` on line 5'],
  },
  {
    name: 'a line indented less than the key above it: one error at that line',
    paths: ['files/syntax-under-indent.yaml'],
    findings: ['files/syntax-under-indent.yaml:6:3 error yaml-syntax line 6 is indented less than the key above it: align `text:` with `id:` on line 5'],
  },
  {
    name: 'a missing comma in a { … } mapping: one error before the key that follows',
    paths: ['files/syntax-missing-comma.yaml'],
    findings: ['files/syntax-missing-comma.yaml:11:27 error yaml-syntax a comma is missing before `label:`: write `id: distinctive, label:` (the items of a { … } mapping are separated by commas)'],
  },
  // point 3 — mutation: dropping the same-file check in loadModel reports the duplicate twice
  {
    name: 'a question id used twice in one file: reported once',
    paths: ['models/duplicate-question-in-file'],
    findings: ['models/duplicate-question-in-file/strategy.yaml:12:9 error duplicate-question-id question id "strategy.statement" is used twice in this file: question ids must be unique'],
  },
  // point 4 — mutation: without the written text, the fix would read id: "true"
  {
    name: 'id: True is a boolean: quote it as written',
    paths: ['files/boolean-id.yaml'],
    findings: ['files/boolean-id.yaml:10:13 error wrong-type "id" must be a string, but YAML reads True as a boolean (true): quote it: id: "True"'],
  },
  // mutation: dropping the quote check warns on the quoted "no" of line 20 too; dropping the rule loses both warnings
  {
    name: 'plain yes/no/on/off ids: a warning with the quoted fix; quoted ones are fine',
    paths: ['files/yaml11-ids.yaml'],
    findings: [
      'files/yaml11-ids.yaml:10:15 warning yaml11-boolean-id plain no is the id "no" for cxm (YAML 1.2), but false for YAML 1.1 readers such as PyYAML and many CI tools: quote it: id: "no"',
      'files/yaml11-ids.yaml:12:13 warning yaml11-boolean-id plain yes is the id "yes" for cxm (YAML 1.2), but true for YAML 1.1 readers such as PyYAML and many CI tools: quote it: id: "yes"',
    ],
  },
  // point 5 — mutation: without accepts, valid/answers.yaml gives model-mismatch (and no score)
  {
    name: 'a derived model scores the answers of a model it accepts, with a warning',
    paths: ['valid/answers.yaml'],
    model: 'models/derived',
    findings: [
      'valid/answers.yaml:2:14 warning model-accepted recorded against tiny 1.0.0; scored with acme-cx 1.0.0, which accepts its answers: questions count by id or by "replaces", removed ones do not',
    ],
  },
  // mutation: going on to the answers after a model mismatch gives an unknown-question per question
  {
    name: 'answers of a newer version, or of a model neither given nor accepted: one error at model',
    paths: ['answers/newer-version.yaml', 'answers/other-model.yaml'],
    model: 'valid/model',
    findings: [
      'answers/newer-version.yaml:4:12 error model-mismatch this file was recorded against tiny 1.1.0, newer than the model given (tiny 1.0.0): pass --model DIR with the directory of tiny 1.1.0',
      'answers/other-model.yaml:2:14 error model-mismatch this file was recorded against acme-cx 1.0.0, but the model given is tiny 1.0.0, which neither is nor accepts it: pass --model DIR with the directory of model "acme-cx" (or list "acme-cx" in accepts of tiny\'s model.yaml)',
    ],
  },
  // mutation: looking models up by id alone leaves the answers without a model (model-mismatch)
  {
    name: 'validate finds the model beside the answers that accepts their model id',
    paths: ['models/derived', 'valid/answers.yaml'],
    findings: [
      'valid/answers.yaml:2:14 warning model-accepted recorded against tiny 1.0.0; scored with acme-cx 1.0.0, which accepts its answers: questions count by id or by "replaces", removed ones do not',
    ],
  },
  // point 6 — mutation: without the file list, no did-you-mean
  {
    name: 'a misspelled element file name: did you mean, at its line in model.yaml',
    paths: ['models/element-file-typo'],
    findings: [
      `models/element-file-typo/model.yaml:10:11 error element-file-missing the questionnaire file ${at('models/element-file-typo/stratgy.yaml')} of element "strategy" does not exist: did you mean strategy.yaml?`,
    ],
  },
  // mutation: treating the report as a file without kind suggests adding a kind
  {
    name: 'a report JSON named on the command line: said to be a report, not validated',
    paths: ['files/report.json'],
    findings: [
      'files/report.json:1:1 warning not-validated this is a report JSON written by cxm report -f json, not a file that cxm validate checks: cxm compare reads it as it stands; validate the answers files it was made from',
    ],
  },
  // mutation: leaving out the models found here from the did-you-mean
  {
    name: 'answers naming a model that is not at hand: the nearest model id',
    paths: ['valid/model', 'answers/model-id-typo.yaml'],
    findings: [
      'answers/model-id-typo.yaml:2:14 error model-mismatch this file was recorded against model "tinny" 1.0.0, which is not built in: pass --model with the directory of that model, or, if the id is misspelled, did you mean "tiny"?',
    ],
  },
  // mutation: the old model-directory shortcut (no search) leaves the answers file unchecked
  {
    name: 'an answers file inside a model directory is checked with the model',
    paths: ['models/with-answers'],
    findings: ['models/with-answers/answers-q4.yaml:6:27 error unknown-option "sme" is not an option of "strategy.statement": did you mean "some"?'],
  },
];

const line = (f: Finding): string => `${f.file.startsWith(FIXTURES) ? f.file.slice(FIXTURES.length) : f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;

describe('findings that lead straight to the fix (issue 13)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await validatePaths(c.paths.map(at), c.model ? { model: at(c.model) } : {});
      expect(result.findings.map(line).sort()).toEqual([...c.findings].sort());
      expect(result.passedOver.map((f) => f.slice(FIXTURES.length)).sort()).toEqual([...(c.passedOver ?? [])]);
    });
  }

  it('"validate m" and "validate ." in m check the same files', async () => {
    // mutation: the old shortcut for a directory with model.yaml checks 3 files here, the search 4
    const byPath = await validatePaths([at('models/with-answers')]);
    const byDot = await validatePaths([at('models/with-answers/.')]);
    expect(byDot.files.map((f) => f.replace('/./', '/'))).toEqual(byPath.files);
    expect(byPath.files.map((f) => f.slice(FIXTURES.length))).toContain('models/with-answers/answers-q4.yaml');
  });

  it('two mistakes in one file: one finding each, no cascade', () => {
    // mutation: stopping after the first accepted fix gives one finding
    const text = ['kind: questionnaire', 'questions:', '  - id: a', '      text: T', '    type: choice', '    options:', '      - { id: x label: X, score: 0 }', ''].join('\n');
    const parsed = explainSyntaxErrors(text, reparse(text), reparse);
    expect(parsed.mistakes.map((m) => m.message)).toEqual([
      'line 4 is indented more than the key above it: align `text:` with `id:` on line 3',
      'a comma is missing before `label:`: write `id: x, label:` (the items of a { … } mapping are separated by commas)',
    ]);
    expect(parsed.rest).toEqual([]);
  });
});

function reparse(text: string): { code: string; pos: [number, number] }[] {
  const doc = yaml.parseDocument(text, { version: '1.2', prettyErrors: false });
  return [...doc.errors, ...doc.warnings].map((e) => ({ code: e.code, pos: e.pos }));
}

describe('syntax explanations on fuzzed layout mistakes', () => {
  const base = readFileSync(at('valid/model/strategy.yaml'), 'utf8');
  const lines = base.split('\n');

  it('one line moved left or right, or given a tab: never a throw, and at most one finding for the one mistake', () => {
    // mutation: accepting every candidate fix without parsing again reports cascades (2 or more findings)
    fc.assert(
      fc.property(fc.nat(lines.length - 2), fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constant('tab' as const)), (index, change) => {
        const mutated = [...lines];
        const line = mutated[index]!;
        mutated[index] = change === 'tab' ? line.replace(/^ */, '\t') : change >= 0 ? ' '.repeat(change) + line : line.replace(new RegExp(`^ {0,${-change}}`), '');
        const text = mutated.join('\n');
        const parsed = parseYaml(text, { file: 'x.yaml' });
        const syntax = parsed.findings.filter((f) => f.code === 'yaml-syntax');
        expect(syntax.length, text).toBeLessThanOrEqual(1);
        for (const f of syntax) expect(f.line, `${f.message}\n${text}`).toBeGreaterThanOrEqual(index);
      }),
      { seed: 13, numRuns: runs(300) },
    );
  });
});
