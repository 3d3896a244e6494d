// cxm report and cxm score through the real bin/cxm.js: the JSON report against its schema and
// SPEC 4, its input hashes, the same bytes every time, several files as one team, -o (atomic,
// and exit 2 where it cannot write), bad answers (exit 1, the findings of validate), a model
// version mismatch, and the terminal summary.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cxm, ROOT } from './cxm.js';
import { validateReport } from '../schemas.js';
import { tempDir } from '../temp.js';

const EXAMPLE = 'examples/quarters/2026-Q4.yaml';
const TINY = 'test/fixtures/validate/valid/model';

interface Report {
  schemaVersion: number;
  model: { id: string; version: string; title: string };
  organization?: string;
  period?: string;
  date?: string;
  respondents: { name: string; role?: string }[];
  overall: { score: number | null; level: string | null; method: string };
  elements: {
    id: string;
    title: string;
    score: number | null;
    level: string | null;
    answered: number;
    questions: number;
    byRespondent: Record<string, number | null>;
    recommendations: string[];
    items: { id: string; score: number | null; spread: number | null; answers: number; notes?: unknown }[];
  }[];
  warnings: { code: string; message: string }[];
  inputs: { file: string; sha256: string }[];
}

function tmp(): string {
  return tempDir('cxm-report-');
}

async function jsonReport(...args: string[]): Promise<Report> {
  const { code, stdout, stderr } = await cxm(['report', ...args, '-f', 'json']);
  expect(code, stderr).toBe(0);
  const report = JSON.parse(stdout) as Report;
  expect(validateReport(report)).toBeUndefined();
  return report;
}

describe('cxm report -f json', () => {
  it('is valid against the report schema and carries the fields of SPEC 4', async () => {
    const report = await jsonReport(EXAMPLE);
    const answers = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as {
      organization: string;
      period: string;
      date: string;
      model: { id: string; version: string };
      respondents: { name: string; role?: string }[];
    };
    expect(report.schemaVersion).toBe(1);
    expect(report.model).toMatchObject(answers.model);
    expect([report.organization, report.period, report.date]).toEqual([answers.organization, answers.period, answers.date]);
    expect(report.respondents.map((r) => ({ name: r.name, ...(r.role ? { role: r.role } : {}) }))).toEqual(
      answers.respondents.map((r) => ({ name: r.name, ...(r.role ? { role: r.role } : {}) })),
    );
    expect(report.elements.map((e) => e.id)).toEqual(['strategy', 'understanding', 'design', 'measurement', 'governance', 'culture']);
    expect(report.overall.method).toBe('weakest-link');
    // weakest link: the overall level is the lowest element level
    const order = ['unconscious', 'ad-hoc', 'repeatable', 'systematic'];
    const lowest = Math.min(...report.elements.map((e) => order.indexOf(e.level!)));
    expect(report.overall.level).toBe(order[lowest]);
    for (const e of report.elements) {
      expect(Object.keys(e.byRespondent)).toEqual(answers.respondents.map((r) => r.name));
      expect(e.items).toHaveLength(e.questions);
      expect(e.answered).toBe(e.items.filter((i) => i.answers > 0).length);
      expect(e.recommendations.length).toBeGreaterThan(0);
      for (const n of [e.score, ...e.items.map((i) => i.score), ...e.items.map((i) => i.spread)]) {
        if (n !== null) expect(Math.round(n * 100) / 100).toBe(n); // rounded to 2 decimals
      }
    }
  });

  it('lists the SHA-256 of every model and answers file it was made from', async () => {
    const report = await jsonReport(EXAMPLE);
    const files = report.inputs.map((i) => i.file);
    expect(files).toEqual([
      'questionnaires/cx-maturity/model.yaml',
      ...['strategy', 'understanding', 'design', 'measurement', 'governance', 'culture'].map((e) => `questionnaires/cx-maturity/${e}.yaml`),
      EXAMPLE,
    ]);
    for (const input of report.inputs) {
      expect(input.sha256).toBe(createHash('sha256').update(readFileSync(join(ROOT, input.file))).digest('hex'));
    }
  });

  it('gives the same bytes for the same inputs, in JSON and in Markdown', async () => {
    for (const format of ['json', 'markdown']) {
      const [a, b] = await Promise.all([cxm(['report', EXAMPLE, '-f', format]), cxm(['report', EXAMPLE, '-f', format])]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('reads one answers file per respondent as one team, whatever their order', async () => {
    const dir = tmp();
    const text = readFileSync(join(ROOT, EXAMPLE), 'utf8');
    const whole = parse(text) as { respondents: unknown[] } & Record<string, unknown>;
    const files = whole.respondents.map((respondent, i) => {
      const file = join(dir, `respondent-${i + 1}.yaml`);
      writeFileSync(file, stringify({ ...whole, respondents: [respondent] }));
      return file;
    });
    const together = await jsonReport(EXAMPLE);
    const split = await jsonReport(...files);
    const reversed = await jsonReport(...[...files].reverse());
    // notes are listed in the order of the respondents, so they are left out of the comparison
    const scores = (r: Report): unknown => [r.overall, r.elements.map((e) => [e.id, e.score, e.level, e.items.map((item) => ({ ...item, notes: undefined }))])];
    expect(scores(split)).toEqual(scores(together));
    expect(scores(reversed)).toEqual(scores(together));
    expect(split.respondents.map((r) => r.name).sort()).toEqual(together.respondents.map((r) => r.name).sort());
    expect(split.inputs.map((i) => i.file).slice(-files.length)).toEqual(files);
  });

  it('refuses two files of one respondent, at the second one', async () => {
    const dir = tmp();
    const copy = join(dir, 'copy.yaml');
    writeFileSync(copy, readFileSync(join(ROOT, EXAMPLE)));
    const { code, stdout, stderr } = await cxm(['report', EXAMPLE, copy]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`${copy.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ error duplicate-respondent`));
  });
});

describe('cxm report -o', () => {
  it('writes the file, says so on stderr, and prints nothing on stdout', async () => {
    const dir = tmp();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'an older report\n');
    const { code, stdout, stderr } = await cxm(['report', EXAMPLE, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe((await cxm(['report', EXAMPLE])).stdout);
    expect(readdirSync(dir)).toEqual(['report.md']); // no temporary file left beside it
  });

  it.each([
    ['a missing directory', (dir: string) => join(dir, 'no-such-dir', 'report.md'), /its directory does not exist/],
    ['a directory', (dir: string) => dir, /it is a directory/],
    ['a path through a file', (dir: string) => join(dir, 'file.txt', 'report.md'), /not a directory/],
  ])('into %s: exit 2, a clear message, nothing written', async (_what, target, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'file.txt'), 'x');
    const out = target(dir);
    const { code, stdout, stderr } = await cxm(['report', EXAMPLE, '-o', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('nothing was written');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });
});

describe('bad answers', () => {
  it.each(['unknown-question', 'unknown-option', 'scale-out-of-range', 'not-applicable-not-allowed', 'multi-not-a-list'])(
    '%s: exit 1 with the findings cxm validate gives, and no report',
    async (name) => {
      const file = `test/fixtures/validate/answers/${name}.yaml`;
      const dir = tmp();
      const out = join(dir, 'report.md');
      const report = await cxm(['report', file, '--model', TINY, '-o', out]);
      const score = await cxm(['score', file, '--model', TINY]);
      const validate = await cxm(['validate', file, '--model', TINY]);
      expect(report.code).toBe(1);
      expect(score.code).toBe(1);
      expect(validate.code).toBe(1);
      const findings = (stderr: string): string[] => stderr.split('\n').filter((l) => / (error|warning) [a-z-]+ /.test(l));
      expect(findings(validate.stdout + validate.stderr).length).toBeGreaterThan(0);
      expect(findings(report.stderr)).toEqual(findings(validate.stdout + validate.stderr));
      expect(findings(score.stderr)).toEqual(findings(report.stderr));
      expect(findings(report.stderr)[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+ error `));
      expect([report.stdout, score.stdout]).toEqual(['', '']);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('reports answers recorded against another model version, on stderr and in the report', async () => {
    const file = 'test/fixtures/validate/answers/model-version-mismatch.yaml';
    const { code, stdout, stderr } = await cxm(['report', file, '--model', TINY, '-f', 'json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+ warning model-version-mismatch`, 'm'));
    const report = JSON.parse(stdout) as Report;
    expect(validateReport(report)).toBeUndefined();
    expect(report.warnings.map((w) => w.code)).toContain('model-version-mismatch');
    const markdown = await cxm(['report', file, '--model', TINY]);
    expect(markdown.stdout).toMatch(/## Warnings[\s\S]*version/);
  });
});

describe('cxm score', () => {
  it('prints a line per element with an ASCII bar when not on a terminal, the overall level and the weakest element', async () => {
    const { code, stdout, stderr } = await cxm(['score', EXAMPLE]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/); // plain ASCII: output is a pipe
    const report = await jsonReport(EXAMPLE);
    const levels: Record<string, string> = { unconscious: 'Unconscious', 'ad-hoc': 'Ad hoc', repeatable: 'Repeatable', systematic: 'Systematic' };
    for (const e of report.elements) {
      const filled = Math.round(e.score! / 5);
      const line = `${e.title.padEnd(13)}  ${'#'.repeat(filled)}${'.'.repeat(20 - filled)} ${String(e.score).padStart(6)}  ${levels[e.level!]}`;
      expect(stdout.split('\n')).toContain(line);
    }
    // one number format: the JSON number as it is, no padding zeros (45, not 45.00)
    expect(stdout).toMatch(new RegExp(`^Overall .* ${String(report.overall.score)}  ${levels[report.overall.level!]}$`, 'm'));
    const weakest = [...report.elements].sort((a, b) => a.score! - b.score!)[0]!;
    expect(stdout).toContain(`Weakest: ${weakest.title} (${String(weakest.score)})`);
  });

  it('--json prints the report JSON, the same as cxm report -f json', async () => {
    const [score, report] = await Promise.all([cxm(['score', EXAMPLE, '--json']), cxm(['report', EXAMPLE, '-f', 'json'])]);
    expect(score.code).toBe(0);
    expect(score.stdout).toBe(report.stdout);
  });

  it('says which elements were not assessed', async () => {
    const dir = tmp();
    const whole = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as { respondents: { answers: Record<string, unknown> }[] };
    for (const r of whole.respondents) {
      for (const id of Object.keys(r.answers)) if (id.startsWith('culture.')) delete r.answers[id];
    }
    const file = join(dir, 'no-culture.yaml');
    writeFileSync(file, stringify(whole));
    const { code, stdout } = await cxm(['score', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Culture\s+\.{20}\s+n\/a\s+/m);
    expect(stdout).toMatch(/warning: .*Culture/);
    const report = await jsonReport(file);
    expect(report.elements.find((e) => e.id === 'culture')).toMatchObject({ score: null, level: null, answered: 0 });
    expect(report.warnings.map((w) => w.code)).toContain('element-not-assessed');
  });
});
