// cxm compare in process through main(): ordering, formats, the example kept in sync, bad inputs.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../schemas.js';
import { tempDir } from '../temp.js';
import { cxmInProcess } from './in-process.js';
import { expectExample } from '../golden.js';

const root = join(import.meta.dirname, '..', '..');
const Q = (q: string): string => `examples/quarters/2026-${q}.yaml`;

/** cxm ARGS… in process through main(); relative paths are read from the clone. */
function cxm(...args: string[]): ReturnType<typeof cxmInProcess> {
  return cxmInProcess(args, { cwd: root });
}

describe('cxm compare', () => {
  it('keeps examples/quarters/comparison.md in sync (npm run examples regenerates it)', async () => {
    const { code, stdout } = await cxm('compare', Q('Q4'), Q('Q2'), Q('Q3'), '-f', 'markdown');
    expect(code).toBe(0);
    expectExample(stdout, 'examples/quarters/comparison.md', `cxm compare ${Q('Q4')} ${Q('Q2')} ${Q('Q3')} -f markdown`);
  });

  it('orders periods whatever the argument order, and prints JSON valid against its schema', async () => {
    const a = await cxm('compare', Q('Q3'), Q('Q4'), Q('Q2'), '-f', 'json');
    const b = await cxm('compare', Q('Q2'), Q('Q3'), Q('Q4'), '-f', 'json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const comparison = JSON.parse(a.stdout) as { periods: { period: string }[]; changes: { from: string; to: string; kind: string }[] };
    expect(comparison.periods.map((p) => p.period)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(comparison.changes.map((c) => `${c.kind} ${c.from}>${c.to}`)).toEqual([
      'consecutive 2026-Q2>2026-Q3',
      'consecutive 2026-Q3>2026-Q4',
      'first-to-last 2026-Q2>2026-Q4',
    ]);
    expect(schemaErrors('comparison', comparison)).toBeUndefined();
  });

  it('takes a report JSON as one period, as it stands', async () => {
    const dir = tempDir('cxm-compare-');
    const report = await cxm('report', Q('Q4'), '-f', 'json');
    writeFileSync(join(dir, 'q4.json'), report.stdout);
    const mixed = await cxm('compare', Q('Q2'), join(dir, 'q4.json'), '-f', 'json');
    const plain = await cxm('compare', Q('Q2'), Q('Q4'), '-f', 'json');
    expect(mixed.code).toBe(0);
    expect(JSON.parse(mixed.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('prints a table for the terminal with the deltas first to last', async () => {
    const [{ code, stdout }, json] = await Promise.all([cxm('compare', Q('Q2'), Q('Q3'), Q('Q4')), cxm('compare', Q('Q2'), Q('Q3'), Q('Q4'), '-f', 'json')]);
    expect(code).toBe(0);
    type Comparison = {
      levels: { id: string; title: string }[];
      periods: { elements: { id: string; score: number; level: string }[] }[];
      changes: { kind: string; elements: { id: string; delta: number }[] }[];
    };
    const c = JSON.parse(json.stdout) as Comparison;
    const title = (level: string): string => c.levels.find((l) => l.id === level)!.title;
    const firstToLast = c.changes.find((ch) => ch.kind === 'first-to-last')!;
    const cells = c.periods.map((p) => p.elements.find((e) => e.id === 'governance')!).map((e) => `${e.score} ${title(e.level)}`);
    const delta = firstToLast.elements.find((e) => e.id === 'governance')!.delta;
    const escape = (s: string): string => s.replace(/[.+^]/g, (ch) => `\\${ch}`);
    expect(stdout).toMatch(new RegExp(`Governance\\s+${cells.map(escape).join('\\s+')}\\s+[\\^v=] [+-]?${escape(String(Math.abs(delta)))}`));
    expect(stdout).not.toMatch(/\u001b/);
  });

  it('warns where answers were recorded against another model version, and still compares', async () => {
    const { code, stdout, stderr } = await cxm('compare', 'test/fixtures/compare/old-version-2026-Q2.yaml', Q('Q4'), '-f', 'json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/old-version-2026-Q2\.yaml:3:\d+ warning model-version-mismatch/);
    const warnings = (JSON.parse(stdout) as { warnings: { code: string }[] }).warnings;
    expect(warnings.map((w) => w.code)).toContain('model-version-mismatch');
  });

  it('counts a question renamed through replaces as the same question, like for like', async () => {
    // 2026-Q3 was recorded against tiny 0.9.0 as culture.days: 2 (of 0-10); 2026-Q4 as culture.consistency: 8.
    // culture: 2/10 -> 20, 8/10 -> 80, so +60, all of it from the renamed question (the only one);
    // strategy unchanged at 50 (some = 1 of 0..2 -> 0.5; [nps] = 1 of 2 -> 0.5);
    // overall, weights strategy 1 and culture 2: (50 + 2*20)/3 = 30 -> (50 + 2*80)/3 = 70.
    const { code, stdout, stderr } = await cxm(
      'compare', 'test/fixtures/compare/renamed/2026-Q4.yaml', 'test/fixtures/compare/renamed/2026-Q3.yaml',
      '--model', 'test/fixtures/validate/valid/model', '-f', 'json',
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/renamed\/2026-Q3\.yaml:3:\d+ warning model-version-mismatch/);
    type Change = { overall: { delta: number }; elements: { id: string; delta: number; drivers: { question: string; delta: number }[]; questionsAdded: string[]; questionsRemoved: string[] }[] };
    const { changes } = JSON.parse(stdout) as { changes: Change[] };
    expect(changes).toHaveLength(1);
    expect(changes[0]!.overall.delta).toBe(40);
    const culture = changes[0]!.elements.find((e) => e.id === 'culture')!;
    expect(culture.delta).toBe(60);
    expect(culture.drivers.map((d) => [d.question, d.delta])).toEqual([['culture.consistency', 60]]);
    expect([culture.questionsAdded, culture.questionsRemoved]).toEqual([[], []]);
  });

  it.each([
    ['different organizations', ['test/fixtures/compare/other-org-2026-Q3.yaml', Q('Q4')], 1, /different organizations/],
    ['the same period twice', [Q('Q3'), 'test/fixtures/compare/same-period-2026-Q3.yaml'], 1, /2026-Q3.*appears in 2 assessments/],
    ['one period only', [Q('Q3')], 1, /at least 2 periods/],
    ['a missing file', [Q('Q3'), 'examples/quarters/nope.yaml'], 2, /nope\.yaml:1:1 error file-not-found/],
    ['a directory', [Q('Q3'), 'examples'], 2, /examples.*directory/],
    ['an answers file with an unknown option', ['test/fixtures/validate/answers/unknown-option.yaml', Q('Q4')], 1, /unknown-option/],
  ])('refuses %s with a clear message', async (_name, files, exit, message) => {
    const dir = tempDir('cxm-compare-');
    const out = join(dir, 'out.md');
    const { code, stdout, stderr } = await cxm('compare', ...files, '-f', 'markdown', '-o', out);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
