// Groups, gaps and anonymity through main() (in process): every output format of an anonymous report is
// searched for every respondent's name, role and answers-file name; the flags; unknown groups as findings.

import { cxmInProcess } from './in-process.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';
import { validateReport } from '../schemas.js';
import { tempDir } from '../temp.js';

const MODEL = join(ROOT, 'test/fixtures/groups/model');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cxm(args: readonly string[], cwd: string = ROOT): Promise<Run> {
  return cxmInProcess(args, { cwd });
}

interface Person {
  readonly name: string;
  readonly role: string;
  readonly group?: string;
  readonly answers: Readonly<Record<string, string | number>>;
  readonly note?: string;
}

// leadership rates itself high, the front line low: a perception gap. Farid names no group, so one
// person is outside the groups and the smallest group (back office, the last of equals) is hidden too.
const TEAM: readonly Person[] = [
  { name: 'Alice Martin', role: 'Chief Executive', group: 'leadership', answers: { 'strategy.statement': 'yes', 'strategy.days': 9, 'governance.owner': 'one' }, note: 'We wrote it last spring.' },
  { name: 'Bogdan Ilić', role: 'Finance Director', group: 'leadership', answers: { 'strategy.statement': 'yes', 'strategy.days': 8, 'governance.owner': 'one' } },
  { name: 'Chen Xiaoming', role: 'Operations Director', group: 'leadership', answers: { 'strategy.statement': 'some', 'strategy.days': 8, 'governance.owner': 'one' } },
  { name: 'Dana Okafor', role: 'Service Agent', group: 'front-line', answers: { 'strategy.statement': 'no', 'strategy.days': 4, 'governance.owner': 'nobody' }, note: 'Never seen a statement.' },
  { name: 'Ewa Larsen', role: 'Shop Lead', group: 'front-line', answers: { 'strategy.statement': 'no', 'strategy.days': 5, 'governance.owner': 'several' } },
  { name: 'Gül Aydın', role: 'Driver', group: 'front-line', answers: { 'strategy.statement': 'some', 'strategy.days': 3, 'governance.owner': 'nobody' } },
  { name: 'Hiro Tanaka', role: 'Field Engineer', group: 'front-line', answers: { 'strategy.statement': 'no', 'strategy.days': 4, 'governance.owner': 'nobody' } },
  { name: 'Ines Duarte', role: 'Accounts Clerk', group: 'back-office', answers: { 'strategy.statement': 'no', 'strategy.days': 6, 'governance.owner': 'several' } },
  { name: 'Jonas Berg', role: 'Returns Handler', group: 'back-office', answers: { 'strategy.statement': 'n/a', 'strategy.days': 6, 'governance.owner': 'several' } },
  { name: 'Kemal Yilmaz', role: 'Buyer', group: 'back-office', answers: { 'strategy.statement': 'some', 'strategy.days': 5, 'governance.owner': 'nobody' } },
  { name: 'Farid Haddad', role: 'Intern', answers: { 'strategy.statement': 'some', 'strategy.days': 5, 'governance.owner': 'several' } },
];

function fileName(p: Person): string {
  return `${p.name.toLowerCase().replace(/\s+/g, '-')}.yaml`;
}

/** One answers file per person, named after them (as a team collecting forms by e-mail would). */
function writeTeam(dir: string, period: string, extra: string = ''): string[] {
  return TEAM.map((p) => {
    const file = join(dir, period, fileName(p));
    const lines = [
      'kind: answers',
      'model: { id: team, version: 1.0.0 }',
      'organization: Acme Ltd',
      `period: ${period}`,
      extra,
      'respondents:',
      `  - name: ${JSON.stringify(p.name)}`,
      `    role: ${JSON.stringify(p.role)}`,
      ...(p.group !== undefined ? [`    group: ${p.group}`] : []),
      `    answers: ${JSON.stringify(p.answers)}`,
      ...(p.note !== undefined ? [`    notes: { strategy.statement: ${JSON.stringify(p.note)} }`] : []),
    ];
    writeFileSync(file, lines.filter((l) => l !== '').join('\n') + '\n');
    return file;
  });
}

function makeTeam(extra = ''): { dir: string; q3: string[]; q4: string[] } {
  const dir = tempDir('cxm-groups-');
  mkdirSync(join(dir, '2026-Q3'));
  mkdirSync(join(dir, '2026-Q4'));
  return { dir, q3: writeTeam(dir, '2026-Q3', extra), q4: writeTeam(dir, '2026-Q4', extra) };
}

/** The choices a command's -f takes, read from its help: a format added later is searched too. */
async function formats(command: string): Promise<string[]> {
  const help = (await cxm([command, '--help'])).stdout;
  const choices = /-f, --format <format>[^(]*\(choices: ([^)]*)\)/.exec(help.replace(/\s+/g, ' '));
  if (!choices) throw new Error(`no format choices in cxm ${command} --help`);
  return [...choices[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** Every piece of a person that names them: full name, each part of it, role, and their file's name. */
function identifying(p: Person): string[] {
  return [p.name, ...p.name.split(' '), p.role, fileName(p), fileName(p).replace(/\.yaml$/, '')];
}

describe('an anonymous report', () => {
  it('names no respondent in any output format of report, score and compare', async () => {
    const { dir, q3, q4 } = makeTeam();
    const outputs: [string, string][] = [];
    for (const format of await formats('report')) {
      const run = await cxm(['report', '--model', MODEL, '--anonymous', '-f', format, ...q4], dir);
      expect(run.code, run.stderr).toBe(0);
      outputs.push([`report -f ${format}`, run.stdout]);
    }
    for (const args of [[], ['--json']]) {
      const run = await cxm(['score', '--model', MODEL, '--anonymous', ...args, ...q4], dir);
      expect(run.code, run.stderr).toBe(0);
      outputs.push([`score ${args.join(' ')}`, run.stdout]);
    }
    // compare scores each period from one file: a period of the whole team is one file per period here
    const merged = (files: string[], period: string): string => {
      const file = join(dir, `team-${period}.yaml`);
      const respondents = files.map((f) => readFileSync(f, 'utf8').split('respondents:\n')[1]!).join('');
      writeFileSync(file, `kind: answers\nmodel: { id: team, version: 1.0.0 }\norganization: Acme Ltd\nperiod: ${period}\nrespondents:\n${respondents}`);
      return file;
    };
    const periods = [merged(q3, '2026-Q3'), merged(q4, '2026-Q4')];
    for (const format of await formats('compare')) {
      const run = await cxm(['compare', '--model', MODEL, '--anonymous', '-f', format, ...periods], dir);
      expect(run.code, run.stderr).toBe(0);
      outputs.push([`compare -f ${format}`, run.stdout]);
    }
    // the same report, not anonymous, names them: the search below can find a name where there is one
    const named = await cxm(['report', '--model', MODEL, '-f', 'json', ...q4], dir);
    for (const p of TEAM) expect(named.stdout).toContain(p.name);

    // mutation caught: keeping the answers files' names in `inputs` shows "alice-martin.yaml" in every report format
    for (const [what, text] of outputs) {
      expect(text.length, what).toBeGreaterThan(100);
      for (const p of TEAM) for (const word of identifying(p)) expect(text, `${what} shows "${word}"`).not.toContain(word);
    }
    const report = JSON.parse(outputs.find(([w]) => w === 'report -f json')![1]) as Record<string, unknown>;
    expect(validateReport(report)).toBeUndefined();
    // notes keep the respondents' own words, without names
    expect(outputs.find(([w]) => w === 'report -f markdown')![1]).toContain('Never seen a statement.');
  });

  it('is made by `anonymous: true` in any answers file, without the flag', async () => {
    const { dir, q4 } = makeTeam('anonymous: true');
    const run = await cxm(['report', '--model', MODEL, '-f', 'json', ...q4], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { anonymous: boolean; respondents: unknown[]; respondentCount: number };
    expect([report.anonymous, report.respondents, report.respondentCount]).toEqual([true, [], TEAM.length]);
  });

  it('hides small groups and says how many were merged and why; the gap between leaders and the front line shows', async () => {
    const { dir, q4 } = makeTeam();
    const run = await cxm(['report', '--model', MODEL, '--anonymous', ...q4], dir);
    expect(run.code, run.stderr).toBe(0);
    // Farid is in no group: 1 outside, so back office (3, the last of the smallest) is hidden too
    // (1.2) a group not shown is counted, never named or sized (#25: "ceo-office (1) not shown" told that the CEO took part)
    expect(run.stdout).not.toContain('Back office');
    expect(run.stdout).toContain('1 group is not shown: it has fewer than 3 people, or showing it would let a smaller one be worked out.');
    // and the people in no group are not told apart from those in the hidden group (1 + 3 would give its size)
    expect(run.stdout).toContain('4 respondents are in no group shown here');
    expect(run.stdout).toMatch(/## Perception gaps\n\n[^\n]+\n\n- \*\*Governance\*\* \(element\): Leadership 100; Front line 12\.5; 87\.5 points apart\./);
    // --min-group-size 5: leadership (3) and front line (4) are below it; everything is merged
    const strict = await cxm(['report', '--model', MODEL, '--anonymous', '--min-group-size', '5', '-f', 'json', ...q4], dir);
    const strictReport = JSON.parse(strict.stdout) as { groups: unknown[]; suppressedGroups: number };
    expect([strictReport.groups, strictReport.suppressedGroups]).toEqual([[], 3]);
  });
});

describe('flags', () => {
  it('refuse a minimum group size below 2 and a gap threshold outside 0-100 (exit 2)', async () => {
    for (const args of [
      ['--min-group-size', '1'],
      ['--min-group-size', 'three'],
      ['--gap-threshold', '101'],
      ['--gap-threshold', ''],
    ]) {
      const run = await cxm(['report', '--model', MODEL, ...args, 'test/fixtures/groups/unknown-group.yaml']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/give a (whole number of 2 or more|number of points from 0 to 100)/);
    }
  });

  it('--gap-threshold sets the threshold of the gaps', async () => {
    const { dir, q4 } = makeTeam();
    const json = async (...args: string[]): Promise<{ gaps: { difference: number }[]; gapThreshold: number }> =>
      JSON.parse((await cxm(['report', '--model', MODEL, '-f', 'json', ...args, ...q4], dir)).stdout) as { gaps: { difference: number }[]; gapThreshold: number };
    const all = await json('--gap-threshold', '0');
    const some = await json('--gap-threshold', '50');
    expect(some.gapThreshold).toBe(50);
    expect(some.gaps.every((g) => g.difference >= 50)).toBe(true);
    expect(some.gaps.length).toBeLessThan(all.gaps.length);
  });
});

describe('unknown groups', () => {
  it('are findings at the group value, with a did-you-mean, where the model declares its groups (exit 1)', async () => {
    const run = await cxm(['validate', '--model', MODEL, 'test/fixtures/groups/unknown-group.yaml']);
    expect(run.code).toBe(1);
    const findings = run.stdout + run.stderr;
    expect(findings).toContain('unknown-group.yaml:5:12 error unknown-group "leadershp" is not a group of model team: did you mean "leadership"?');
    // the title written for the id
    expect(findings).toContain('unknown-group.yaml:8:12 error unknown-group "Front line" is not a group of model team: did you mean "front-line"?');
    expect(findings).toContain('unknown-group.yaml:11:12 error unknown-group "warehouse" is not a group of model team: use one of leadership, front-line, back-office');
    expect(findings).not.toContain(':14:');
    const report = await cxm(['report', '--model', MODEL, 'test/fixtures/groups/unknown-group.yaml']);
    expect(report.code).toBe(1);
  });
});
