// cxm anonymize (#25 item 1, SPEC 4.2): a named answers file → one that can be handed on. Fails before it existed
// (unknown command, exit 2); each case below names the mutation it catches.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmInProcess } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cxm-anonymize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MODEL = 'test/fixtures/groups/model';

const people = [
  ['Alice Martin', 'Chief Executive', 'leadership', 'yes', 9, 'alice@acme.example says hi'],
  ['Bogdan Ilić', 'Finance Director', 'leadership', 'some', 8, ''],
  ['Dana Okafor', 'Service Agent', 'front-line', 'no', 4, 'Never seen a statement.'],
  ['Ewa Larsen', 'Shop Lead', 'front-line', 'no', 5, ''],
] as const;

function answersFile(name: string, order: readonly number[]): string {
  const lines = ['kind: answers', 'model: {id: team, version: 1.0.0}', 'organization: Acme Ltd', 'period: 2026-Q4', 'source:', '  file: alice-export.csv', `  sha256: ${'b'.repeat(64)}`, 'respondents:'];
  for (const i of order) {
    const [n, role, group, statement, days, note] = people[i]!;
    lines.push(`  - name: ${n}`, `    role: ${role}`, `    group: ${group}`, '    answers:', `      strategy.statement: "${statement}"`, `      strategy.days: ${days}`);
    if (note) lines.push('    notes:', `      strategy.statement: ${note}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('cxm anonymize', () => {
  it('writes no name, role, e-mail, note or source; sets anonymous: true; the file scores as the original', async () => {
    const named = answersFile('named.yaml', [0, 1, 2, 3]);
    const out = join(dir, 'anonymous.yaml');
    const run = await cxmInProcess(['anonymize', '--model', MODEL, named, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const [n, role, , , , note] of people) {
      expect(text).not.toContain(n.split(' ')[0]!);
      expect(text).not.toContain(role);
      if (note) expect(text).not.toContain(note);
    }
    expect(text).not.toContain('@');
    expect(text).not.toContain('alice-export');
    expect(text).toContain('\nanonymous: true\n');
    // the scores are the same: nothing but who answered was taken out
    const before = JSON.parse((await cxmInProcess(['report', '--model', MODEL, '-f', 'json', named])).stdout) as { overall: unknown; elements: { score: unknown }[] };
    const after = JSON.parse((await cxmInProcess(['report', '--model', MODEL, '-f', 'json', out])).stdout) as { overall: unknown; anonymous: boolean; elements: { score: unknown }[] };
    expect(after.anonymous).toBe(true);
    expect(after.elements.map((e) => e.score)).toEqual(before.elements.map((e) => e.score));
  });

  it('orders respondents by their answers, not by the file: any file order gives the same file', async () => {
    // mutation caught: numbering respondents in the file's order (a roster's order names them)
    const a = await cxmInProcess(['anonymize', '--model', MODEL, answersFile('a.yaml', [0, 1, 2, 3])]);
    const b = await cxmInProcess(['anonymize', '--model', MODEL, answersFile('b.yaml', [3, 1, 0, 2])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const names = (parse(a.stdout) as { respondents: { name: string }[] }).respondents.map((r) => r.name);
    expect(names.every((n) => /^respondent-[0-9a-f]{8}-\d+$/.test(n))).toBe(true);
  });

  it('keeps the notes only with --keep-notes, and says so', async () => {
    const run = await cxmInProcess(['anonymize', '--model', MODEL, '--keep-notes', answersFile('notes.yaml', [0, 1, 2, 3])]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Never seen a statement.');
    expect(run.stderr).toContain("notes kept: they are the respondents' own words");
  });
});
