// (1.2, #27) Targets and evidence through the commands, in process: validate's findings at their lines in the three
// formats, --as-of and --strict, --target over the file's targets, several files joined (evidence) or refused
// (different targets), old question ids, and what a report says about confidence and targets.
//
// Mutations caught (each checked red once): the expired check comparing `>` the wrong way (isCurrent); the
// expiry judged at the file's date when --as-of is given; no expiry-not-checked warning without a date;
// evidence under an old id dropped instead of counted for the new question; the files' evidence lists not joined
// (only the first file's); --target ELEMENT=LEVEL applied as the default; the file's targets winning over
// --target; a different targets: in a second file accepted; confidence counting claims as backing.

import { describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';
import { cxmInProcess } from '../cli/in-process.js';
import type { Report } from '../../src/domain/report.js';

const MODEL = 'test/fixtures/validate/valid/model';
const FIX = 'test/fixtures/targets';
const FINDINGS = `${FIX}/evidence-findings.yaml`;

async function cxm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cxmInProcess(args, { cwd: ROOT });
}

async function reportOf(...args: string[]): Promise<Report> {
  const run = await cxm('score', '--model', MODEL, '--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('cxm validate: targets and evidence', () => {
  it('reports each mistake at its line and column, in text', async () => {
    const run = await cxm('validate', '--model', MODEL, FINDINGS);
    expect(run.code).toBe(1);
    for (const line of [
      `${FINDINGS}:8:12 error unknown-level "hihg" is not a level of model tiny: did you mean "high"?`,
      `${FINDINGS}:9:3 error unknown-element "stratgy" is not an element of model tiny: did you mean "strategy"?`,
      `${FINDINGS}:12:118 warning evidence-expired this document ("Experience statement v3, intranet") expired on 2026-10-01, before 2026-11-22 (the date of the assessment)`,
      `${FINDINGS}:14:3 error unknown-question the evidence is for "strategy.statment", which is not a question of model tiny 1.0.0: did you mean "strategy.statement"?`,
      `${FINDINGS}:17:15 error invalid-value "memo" is not allowed for "kind": use one of "claim", "document", "observation", "metric"`,
    ]) {
      expect(run.stdout).toContain(line);
    }
  });

  it('gives the same findings in JSON, with their pointers', async () => {
    const run = await cxm('validate', '--model', MODEL, '-f', 'json', FINDINGS);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: { file: string; line: number; column: number; severity: string; code: string; pointer: string }[] };
    const mine = findings.filter((f) => f.file === FINDINGS).map(({ line, column, severity, code, pointer }) => ({ line, column, severity, code, pointer }));
    expect(mine).toEqual([
      { line: 8, column: 12, severity: 'error', code: 'unknown-level', pointer: '/targets/culture' },
      { line: 9, column: 3, severity: 'error', code: 'unknown-element', pointer: '/targets/stratgy' },
      { line: 12, column: 118, severity: 'warning', code: 'evidence-expired', pointer: '/evidence/strategy.statement/0/expires' },
      { line: 14, column: 3, severity: 'error', code: 'unknown-question', pointer: '/evidence/strategy.statment' },
      { line: 17, column: 15, severity: 'error', code: 'invalid-value', pointer: '/evidence/strategy.kpis/0/kind' },
    ]);
  });

  it('gives them as GitHub annotations', async () => {
    const run = await cxm('validate', '--model', MODEL, '-f', 'github', FINDINGS);
    expect(run.stdout).toContain(`::warning file=${FINDINGS},line=12,col=118,title=cxm evidence-expired::`);
    expect(run.stdout).toContain(`::error file=${FINDINGS},line=14,col=3,title=cxm unknown-question::`);
  });

  it('judges expiry at --as-of instead of the file\'s date', async () => {
    // the item expires 2026-10-01: current on 2026-10-01 itself, expired the day after
    const on = await cxm('validate', '--model', MODEL, '--as-of', '2026-10-01', FINDINGS);
    expect(on.stdout).not.toContain('evidence-expired');
    const after = await cxm('validate', '--model', MODEL, '--as-of', '2026-10-02', FINDINGS);
    expect(after.stdout).toContain(`${FINDINGS}:12:118 warning evidence-expired`);
    expect(after.stdout).toContain('before 2026-10-02 (--as-of)');
  });

  it('says once that expiry was not checked when there is no date, and --strict fails on it', async () => {
    const run = await cxm('validate', '--model', MODEL, `${FIX}/undated.yaml`);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/expiry-not-checked/g)).toHaveLength(1);
    expect(run.stdout).toContain(`${FIX}/undated.yaml:4:1 warning expiry-not-checked`);
    expect((await cxm('validate', '--strict', '--model', MODEL, `${FIX}/undated.yaml`)).code).toBe(1);
    // with a date to judge by, no such warning
    expect((await cxm('validate', '--model', MODEL, '--as-of', '2026-01-01', `${FIX}/undated.yaml`)).stdout).not.toContain('expiry-not-checked');
  });

  it('refuses an --as-of that is not a date (usage, exit 2)', async () => {
    const run = await cxm('validate', '--as-of', '2026-02-30', FINDINGS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give an ISO date that exists, e.g. 2026-11-22.');
  });
});

describe('targets and confidence in the report', () => {
  it('joins the evidence of several files and counts an old id for the question that replaces it', async () => {
    // part-b backs strategy.statement with a document; its metric for culture.days (now culture.consistency)
    // expired on 2026-11-01, before the assessment's date 2026-11-22 (part-a's)
    const dated = await reportOf(`${FIX}/part-a.yaml`, `${FIX}/part-b.yaml`);
    expect(dated.elements.map((e) => [e.id, e.confidence])).toEqual([
      ['strategy', 50],
      ['culture', 0],
    ]);
    expect(dated.overall.confidence).toBe(16.67);
    // joined, not replaced: the files in the other order back the same questions
    const reversed = await reportOf(`${FIX}/part-b.yaml`, `${FIX}/part-a.yaml`);
    expect(reversed.elements.map((e) => e.confidence)).toEqual([50, 0]);
    // judged on 2026-10-15, the metric is current: culture.consistency is backed through its old id
    const earlier = await reportOf('--as-of', '2026-10-15', `${FIX}/part-a.yaml`, `${FIX}/part-b.yaml`);
    expect(earlier.elements.map((e) => [e.id, e.confidence, e.unsupported])).toEqual([
      ['strategy', 50, ['strategy.kpis']],
      ['culture', 100, []],
    ]);
    expect(earlier.overall.confidence).toBe(83.33);
    // a claim alone backs nothing: part-a's claim on its own leaves strategy at 0
    const claimOnly = await reportOf(`${FIX}/part-a.yaml`);
    expect(claimOnly.elements[0]!.confidence).toBe(0);
    expect(claimOnly.warnings.map((w) => w.code)).not.toContain('self-reported');
  });

  it('refuses files of one assessment that give different targets, at the second file\'s targets', async () => {
    const run = await cxm('score', '--model', MODEL, `${FIX}/part-a.yaml`, `${FIX}/part-c-other-targets.yaml`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${FIX}/part-c-other-targets.yaml:5:1 error answers-mismatch these targets differ from those in ${FIX}/part-a.yaml`);
  });

  it('takes --target LEVEL as the default and --target ELEMENT=LEVEL for one element, over the file', async () => {
    const fromFile = await reportOf(`${FIX}/part-a.yaml`);
    expect(fromFile.elements.map((e) => e.target?.level)).toEqual(['high', 'high']);
    const flagged = await reportOf('--target', 'low', '--target', 'culture=high', `${FIX}/part-a.yaml`);
    expect(flagged.elements.map((e) => e.target?.level)).toEqual(['low', 'high']);
    const one = await reportOf('--target', 'strategy=low', `${FIX}/part-a.yaml`);
    expect(one.elements.map((e) => e.target?.level)).toEqual(['low', 'high']);
  });

  it('refuses a --target that names no level or element of the model (usage, exit 2)', async () => {
    const level = await cxm('score', '--model', MODEL, '--target', 'hihg', `${FIX}/part-a.yaml`);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('cxm: --target hihg: "hihg" is not a level of model tiny: did you mean "high"?');
    const element = await cxm('report', '--model', MODEL, '--target', 'cultur=high', `${FIX}/part-a.yaml`);
    expect(element.code).toBe(2);
    expect(element.stderr).toContain('"cultur" is not an element of model tiny: did you mean "culture"?');
    expect(element.stdout).toBe('');
  });

  it('says plainly, in every format, that answers without evidence are self-reported', async () => {
    const json = await reportOf('test/fixtures/validate/valid/answers.yaml');
    expect(json.warnings.map((w) => w.code)).toContain('self-reported');
    expect(json.overall.confidence).toBe(0);
    const markdown = await cxm('report', '--model', MODEL, 'test/fixtures/validate/valid/answers.yaml');
    expect(markdown.stdout).toContain("Self-reported: no evidence was recorded, so every answer rests on the respondents' word alone");
    const text = await cxm('score', '--model', MODEL, 'test/fixtures/validate/valid/answers.yaml');
    expect(text.stdout).toContain("Self-reported: no evidence was recorded");
  });

  it('shows where each element stands against its target in Markdown and the terminal', async () => {
    const markdown = await cxm('report', '--model', MODEL, '--target', 'culture=high', '--target', 'strategy=high', 'test/fixtures/validate/valid/answers.yaml');
    expect(markdown.stdout).toContain('| Element | Level today | Target | Gap | Blocked by | Confidence |');
    expect(markdown.stdout).toMatch(/\| Strategy \| Low \| High \(not reached\) \| [\d.]+ \|/);
    const text = await cxm('score', '--model', MODEL, '--target', 'high', 'test/fixtures/validate/valid/answers.yaml');
    expect(text.stdout).toMatch(/Strategy: target High: not reached, [\d.]+ points to go/);
    expect(text.stdout).toContain('towards the target');
  });

  // mutation caught: the comparison taking every period's target from the newest report (or none at all)
  it('compare shows, per period, how far each element was from that period\'s own target', async () => {
    const args = ['compare', '--model', MODEL, `${FIX}/q3.yaml`, `${FIX}/part-a.yaml`];
    const json = await cxm(...args, '-f', 'json');
    expect(json.code, json.stderr).toBe(0);
    const c = JSON.parse(json.stdout) as { periods: { elements: { id: string; target?: { level: string; reached: boolean; gap: number } }[] }[] };
    expect(c.periods.map((p) => p.elements.map((e) => [e.id, e.target?.level, e.target?.reached, e.target?.gap]))).toEqual([
      [
        ['strategy', 'high', false, 25],
        ['culture', 'low', true, 0],
      ],
      [
        ['strategy', 'high', true, 0],
        ['culture', 'high', true, 0],
      ],
    ]);
    expect((await cxm(...args, '-f', 'markdown')).stdout).toContain('| Strategy | High, 25 to go | High, reached |');
    expect((await cxm(...args)).stdout).toMatch(/Targets\n\s+2026-Q3\s+2026-Q4\n\s+Strategy\s+High, 25 to go\s+High, reached/);
    // mutation caught: the HTML comparison without the targets table (render/html/comparison.ts)
    expect((await cxm(...args, '-f', 'html')).stdout).toContain('<tr><th scope="row">Strategy</th><td data-label="2026-Q3">High, 25 to go</td><td data-label="2026-Q4">High, reached</td></tr>');
  });

  // mutation caught: the HTML report without the confidence sentence or the element's target (render/html/report.ts hook)
  it('the HTML report shows confidence beside each level and where each element stands against its target', async () => {
    const run = await cxm('report', '--model', MODEL, '-f', 'html', '--as-of', '2026-10-15', `${FIX}/part-a.yaml`, `${FIX}/part-b.yaml`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<p class="assurance small">Confidence 83.33%: the share of the answered questions (by weight) that a current document, observation or metric backs.</p>');
    expect(run.stdout).toMatch(/Score <strong>[\d.]+<\/strong> of 100; confidence 100%; /);
    expect(run.stdout).toContain('Target High: reached.');
    // mutation caught: page 1 without its one line of targets (render/html/report.ts targetsLine)
    expect(run.stdout).toMatch(/<strong>Targets:<\/strong> reached by /);
  });
});
