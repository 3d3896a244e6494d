// Property tests for what parses and prints untrusted input (test/load/fuzz.test.ts fuzzes the
// loaders alone): the sanitizers never let a control through; any text in the organization, names,
// roles and notes gives a safe report; mutations of valid answers files load to findings or to
// answers that score and render without a throw.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyString } from '../any-string.js';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswerSet } from '../../src/load/answers.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { Model } from '../../src/domain/types.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { codeSpan, escapeMarkdownInline, escapeMermaidLabel, singleLine, stripControls } from '../../src/text/sanitize.js';
import { renderSummary } from '../../src/render/terminal.js';
import { scoreAssessment } from '../../src/score/score.js';
import { ROOT } from '../report/cxm.js';
import { checkMarkdown, noControls } from './checks.js';
import { runs } from '../fuzz-runs.js';

/** Strings rich in what attacks a terminal or a Markdown renderer, mixed with any Unicode. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\u001b[2J', '\u001b]52;c;ZXZpbA==\u0007', '\u001b]8;;https://evil.example\u001b\\', '\u001bP1$r\u001b\\', '\u009b31m',
        '\u009d0;title\u009c', '\u001b', '\r', '\n', '\t', '\u0000', '\u0007', '\u007f', '\u202e', '\u2066', '\u200f', '\u2028',
        '<script>', '</b>', '<img src=x onerror=alert(1)>', '|', '`', '*', '_', '[x](javascript:1)', '"', ';', '%%{init}%%', '#', '&amp;', '\\',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      anyString({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('sanitizers', () => {
  it('leave no control character, and keep what is printable', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const out of [stripControls(text), singleLine(text), escapeMarkdownInline(text), escapeMermaidLabel(text), codeSpan(text)]) noControls(out);
        expect(singleLine(text)).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(escapeMermaidLabel(text).replace(/#\d+;/g, '')).not.toMatch(/["%;<>`]/);
        expect(codeSpan(text).slice(1, -1)).not.toContain('`');
        // printable text goes through untouched
        const plain = text.replace(/[^\p{L}\p{N} ,.!?-]/gu, '');
        expect(stripControls(plain)).toBe(plain);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('reports of hostile answers', () => {
  let model: Model;
  let dir: string;
  let example: { respondents: { name: string; role?: string; answers: Record<string, unknown>; notes?: Record<string, string> }[] } & Record<string, unknown>;

  beforeAll(async () => {
    const loaded = await loadModel(builtinModelDir());
    model = loaded.model!;
    dir = mkdtempSync(join(tmpdir(), 'cxm-fuzz-report-'));
    example = (await import('yaml')).parse(readFileSync(join(ROOT, 'examples/quarters/2026-Q4.yaml'), 'utf8')) as typeof example;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('any organization, names, roles and notes, and any period form, give a safe Markdown report, terminal summary and JSON', async () => {
    const file = join(dir, 'answers.yaml');
    let rendered = 0;
    // a period is one of the SPEC 2.3 (1.1) forms: any other text is a period-format error, never rendered
    const period = fc.constantFrom('2026', '2026-H2', '2026-Q4', '2026-11', '2026-11-22');
    await fc.assert(
      fc.asyncProperty(hostile, period, fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 1, maxLength: 3 }), async (organization, period, people) => {
        const respondents = people.map(([name, role, note], i) => ({
          ...example.respondents[i % example.respondents.length]!,
          name: `${i} ${name}`,
          role,
          // two questions of the model, wherever they are (the built-in questions change between versions)
          notes: { [model.elements[0]!.questions[0]!.id]: note, [model.elements.at(-1)!.questions.at(-1)!.id]: note },
        }));
        writeFileSync(file, stringify({ ...example, organization, period, respondents }));
        const { answers, findings } = await loadAnswerSet([file], model);
        // names differ only in controls → a duplicate respondent; a blank note or role → a finding: both fine
        if (!answers) {
          expect(findings.some((f) => f.severity === 'error')).toBe(true);
          return;
        }
        const report = scoreAssessment(model, answers);
        checkMarkdown(renderMarkdown(report));
        noControls(renderSummary(report, { color: false, unicode: true }));
        const json = renderJson(report);
        noControls(json);
        expect((JSON.parse(json) as { organization: string }).organization).toBe(organization);
        rendered++;
      }),
      { numRuns: runs(60) },
    );
    expect(rendered).toBeGreaterThan(runs(60) / 3); // most runs reach the renderers (about 9 in 10)
  });

  it('mutations of a valid answers file give findings, or answers that score and render', async () => {
    const file = join(dir, 'mutated.yaml');
    const outcomes = { findings: 0, rendered: 0 };
    const text = readFileSync(join(ROOT, 'examples/quarters/2026-Q4.yaml'), 'utf8');
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), cut: fc.nat(3), insert: fc.constantFrom('', ':', '-', ' ', '\n', '[', '{', '"', '&a ', '*a', '!!str ', 'n/a', '7', '[]', '__proto__: 1\n') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let mutated = text;
        for (const e of edits) {
          const i = e.at % (mutated.length + 1);
          mutated = mutated.slice(0, i) + e.insert + mutated.slice(i + e.cut);
        }
        writeFileSync(file, mutated);
        const { answers, findings } = await loadAnswerSet([file], model);
        const lines = mutated.split('\n').length;
        for (const f of findings) {
          expect(f.line, `${f.code} ${f.message}`).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
        if (!answers) {
          outcomes.findings++;
          return;
        }
        outcomes.rendered++;
        const report = scoreAssessment(model, answers);
        for (const e of report.elements) if (e.score !== null) expect(e.score).toBeGreaterThanOrEqual(0);
        renderMarkdown(report);
        renderSummary(report, { color: true, unicode: true });
        renderJson(report);
      }),
      { numRuns: runs(150) },
    );
    // both ways are exercised
    expect(outcomes.findings).toBeGreaterThan(runs(150) / 15);
    expect(outcomes.rendered).toBeGreaterThan(0);
  });
});
