// Attacks on anonymity (#25, SPEC 4.2 1.2), as a curious manager would try them on one anonymous report or one
// anonymous comparison: no name and no per-person figure may come out. Each attack succeeds on the code before
// 1.2 (said at each test), through `main` in this process, as `cxm report` / `cxm compare` run.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswersDraft } from '../../src/answers-file/draft.js';
import { serializeAnswers } from '../../src/answers-file/write.js';
import type { Comparison } from '../../src/domain/comparison.js';
import type { Report } from '../../src/domain/report.js';
import type { AnswerValue } from '../../src/domain/types.js';
import { cxmInProcess } from '../cli/in-process.js';

const MODEL = resolve('test/fixtures/groups/model');
const dir = mkdtempSync(join(tmpdir(), 'cxm-attacks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Person {
  readonly name: string;
  readonly group?: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

function draftOf(people: readonly Person[], period = '2026-Q4'): AnswersDraft {
  return {
    model: { id: 'team', version: '1.0.0' },
    organization: 'Acme Ltd',
    period,
    respondents: people.map((p) => ({ name: p.name, ...(p.group !== undefined ? { group: p.group } : {}), answers: new Map(Object.entries(p.answers)), notes: new Map() })),
  };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function json<T>(args: readonly string[]): Promise<T> {
  const run = await cxmInProcess(args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const STATEMENT = ['no', 'some', 'yes'];
const OWNER = ['nobody', 'several', 'one'];
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('one anonymous report', () => {
  it('lists no hash that trying every roster name with every answer finds (#25 "the hashes name people")', async () => {
    // a file per person, written as cxm assess writes it: a fixed layout. Before 1.2 the report listed each answers
    // file's SHA-256, and this search named every person and recovered every answer.
    const roster = ['Alice Martin', 'Bogdan Ilić', 'Chen Xiaoming', 'Dana Okafor'];
    const team: Person[] = roster.map((name, i) => ({ name, answers: { 'strategy.statement': STATEMENT[i % 3]!, 'strategy.days': 3 + i, 'governance.owner': OWNER[(i + 1) % 3]! } }));
    const files = team.map((p, i) => write(`person-${i}.yaml`, serializeAnswers(draftOf([p]))));
    const report = await json<Report>(['report', '--model', MODEL, '--anonymous', '-f', 'json', ...files]);
    const listed = new Set(report.inputs.map((i) => i.sha256));
    let found = 0;
    for (const name of roster)
      for (const s of STATEMENT)
        for (let days = 0; days <= 10; days++)
          for (const o of OWNER) if (listed.has(sha256(serializeAnswers(draftOf([{ name, answers: { 'strategy.statement': s, 'strategy.days': days, 'governance.owner': o } }]))))) found++;
    expect(found).toBe(0);
    // the model's files only
    expect(report.inputs.every((i) => i.file.endsWith('.yaml') && !i.file.includes('person'))).toBe(true);
    expect(report.inputs).toHaveLength(3);
  });

  it('withholds a question one person answered team-wide, and every figure it could be worked out from', async () => {
    // four people; only Dana answered the statement (the others n/a). Before 1.2 the report showed it with
    // `answers: 1` and her score, and the element and overall scores beside the shown ones gave it again.
    const team: Person[] = [
      { name: 'A', answers: { 'strategy.statement': 'n/a', 'strategy.days': 5, 'governance.owner': 'one' } },
      { name: 'B', answers: { 'strategy.statement': 'n/a', 'strategy.days': 6, 'governance.owner': 'several' } },
      { name: 'C', answers: { 'strategy.statement': 'n/a', 'strategy.days': 7, 'governance.owner': 'nobody' } },
      { name: 'Dana', answers: { 'strategy.statement': 'yes', 'strategy.days': 8, 'governance.owner': 'one' } },
    ];
    const file = write('one-answered.yaml', serializeAnswers(draftOf(team)));
    const report = await json<Report>(['report', '--model', MODEL, '--anonymous', '-f', 'json', file]);
    const strategy = report.elements.find((e) => e.id === 'strategy')!;
    const statement = strategy.items.find((i) => i.id === 'strategy.statement')!;
    expect([statement.score, statement.withheld, statement.distribution]).toEqual([null, 'too-few-respondents', undefined]);
    // the element less its shown question would give Dana's answer: withheld; the overall less governance likewise
    expect([strategy.score, strategy.level, strategy.withheld]).toEqual([null, null, 'reveals-withheld']);
    expect([report.overall.score, report.overall.level, report.overall.withheld]).toEqual([null, null, 'reveals-withheld']);
    // no plan step on the withheld question (its `from` is Dana's answer)
    expect(report.plan?.some((s) => s.question === 'strategy.statement')).toBe(false);
    // the attack: Dana's value is 100 (yes); with the element shown, (2·E − days) would give it. Nothing gives it.
    const days = strategy.items.find((i) => i.id === 'strategy.days')!.score!;
    expect(strategy.score === null ? null : 2 * strategy.score - days).toBeNull();
    // and no format prints a withheld figure: the Markdown says why instead
    const md = await cxmInProcess(['report', '--model', MODEL, '--anonymous', file]);
    expect(md.stdout).toContain('are withheld: fewer than 3 people gave them a value');
    // withheld, not missing: the summary and the element say so (before: "No element could be scored")
    for (const format of ['markdown', 'html']) {
      const run = await cxmInProcess(['report', '--model', MODEL, '--anonymous', '-f', format, file]);
      expect(run.stdout, format).toContain('The overall score is withheld');
      expect(run.stdout, format).toContain('Score withheld: beside the scores shown, it would give away one that fewer than 3 people gave');
      expect(run.stdout, format).not.toContain('No element could be scored');
    }
  });

  it('counts the groups it does not show, never naming or sizing them (#25 "ceo-office (1) not shown")', async () => {
    const team: Person[] = [
      { name: 'CEO', group: 'leadership', answers: { 'strategy.days': 9 } },
      ...['F1', 'F2', 'F3'].map((name) => ({ name, group: 'front-line', answers: { 'strategy.days': 4 } })),
      ...['B1', 'B2', 'B3'].map((name) => ({ name, group: 'back-office', answers: { 'strategy.days': 5 } })),
    ];
    const file = write('groups.yaml', serializeAnswers(draftOf(team)));
    for (const format of ['json', 'markdown', 'html']) {
      const run = await cxmInProcess(['report', '--model', MODEL, '--anonymous', '-f', format, file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, format).not.toMatch(/Leadership|leadership/);
    }
    const report = await json<Report>(['report', '--model', MODEL, '--anonymous', '-f', 'json', file]);
    expect(report.suppressedGroups).toBeGreaterThan(0);
    expect(report.groups?.every((g) => !g.suppressed)).toBe(true);
  });
});

describe('one anonymous comparison', () => {
  const three: Person[] = [
    { name: 'A', answers: { 'strategy.statement': 'no', 'strategy.days': 4, 'governance.owner': 'nobody' } },
    { name: 'B', answers: { 'strategy.statement': 'some', 'strategy.days': 5, 'governance.owner': 'several' } },
    { name: 'C', answers: { 'strategy.statement': 'some', 'strategy.days': 6, 'governance.owner': 'nobody' } },
  ];
  // the newcomer's own values (0-100): statement yes → 100, days 10 → 100, owner one → 100
  const newcomer: Person = { name: 'New', answers: { 'strategy.statement': 'yes', 'strategy.days': 10, 'governance.owner': 'one' } };

  it('gives no newcomer answer by differencing two periods with one joiner (#25: 30 of 30 questions recovered)', async () => {
    const q3 = write('q3.yaml', serializeAnswers(draftOf(three, '2026-Q3')));
    const q4 = write('q4.yaml', serializeAnswers(draftOf([...three, newcomer], '2026-Q4')));
    const c = await json<Comparison>(['compare', '--model', MODEL, '--anonymous', '-f', 'json', q3, q4]);
    // the attack: per question, 4·s₂ − 3·s₁ is the newcomer's value wherever both scores are shown
    let recovered = 0;
    for (const change of c.changes)
      for (const e of change.elements) for (const d of e.drivers) if (d.fromScore !== null && d.toScore !== null && Math.abs(4 * d.toScore - 3 * d.fromScore - 100) < 0.1) recovered++;
    expect(recovered).toBe(0);
    expect(c.changes.every((ch) => ch.questionsWithheld === 'head-count-changed')).toBe(true);
    expect(c.warnings.map((w) => w.code)).toContain('questions-withheld');
    // with three who joined, the drivers are shown: the rule withholds only what singles someone out
    const more = write('q4-more.yaml', serializeAnswers(draftOf([...three, ...['N1', 'N2', 'N3'].map((name) => ({ ...newcomer, name }))], '2026-Q4')));
    const shown = await json<Comparison>(['compare', '--model', MODEL, '--anonymous', '-f', 'json', q3, more]);
    expect(shown.changes[0]!.questionsWithheld).toBeUndefined();
    expect(shown.changes[0]!.elements.some((e) => e.drivers.length > 0)).toBe(true);
  });

  it('applies the minimum to report JSON inputs as to answers files (#25: "ceo-office 0 → 66.67, 1 → 1 respondents")', async () => {
    const withCeo = (days: number, period: string): string => {
      const people: Person[] = [{ name: 'CEO', group: 'leadership', answers: { 'strategy.days': days } }, ...three.map((p) => ({ ...p, group: 'front-line' })), ...['X', 'Y', 'Z'].map((name) => ({ name, group: 'back-office', answers: { 'strategy.days': 5 } }))];
      return write(`ceo-${period}.yaml`, serializeAnswers(draftOf(people, period)));
    };
    const reports: string[] = [];
    for (const [days, period] of [[0, '2026-Q3'], [7, '2026-Q4']] as const) {
      const run = await cxmInProcess(['report', '--model', MODEL, '-f', 'json', withCeo(days, period)]);
      expect(run.code, run.stderr).toBe(0);
      reports.push(write(`report-${period}.json`, run.stdout));
    }
    const c = await json<Comparison>(['compare', '--anonymous', '-f', 'json', ...reports]);
    expect(c.changes.flatMap((ch) => ch.groups ?? []).map((g) => g.id)).not.toContain('leadership');
    for (const format of ['text', 'markdown', 'html']) {
      const run = await cxmInProcess(['compare', '--anonymous', '-f', format, ...reports]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, format).not.toContain('Leadership');
    }
  });
});
