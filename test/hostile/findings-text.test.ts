// Findings quote file content (a respondent's name, an answer, a key, a file name): in every format of
// cxm validate, and in the messages of compare, that content reaches the screen or the CI log without a
// control sequence, and the reader sees what to change (invisible characters written as \u escapes).
// The GitHub format escapes workflow-command data and properties; a hostile answers file cannot make
// cxm read a model from elsewhere.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { anyString } from '../any-string.js';
import { afterAll, describe, expect, it } from 'vitest';
import { questionnairesDir } from '../../src/load/builtin.js';
import { quote } from '../../src/text/quote.js';
import type { Finding, FindingCode } from '../../src/domain/finding.js';
import { escapeGithubData, escapeGithubProperty, renderFindingsGithub, renderFindingsJson, renderFindingsText } from '../../src/render/findings.js';
import { cxm, ROOT } from '../report/cxm.js';
import { noControls } from './checks.js';
import { runs } from '../fuzz-runs.js';

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const CLEAR = '\u001b[2J';
const dir = mkdtempSync(join(tmpdir(), 'cxm-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Undoes the workflow-command escaping, as the GitHub runner does. */
function unescapeGithub(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** The built-in model's version, so that no version warning joins the findings this file counts. */
const BUILTIN_VERSION = /^version: (\S+)$/m.exec(readFileSync(join(ROOT, 'questionnaires/cx-maturity/model.yaml'), 'utf8'))![1]!;

// raw control characters in the file (inside quoted strings, where YAML takes them), and escaped ones
const answers = join(dir, 'hostile-answers.yaml');
writeFileSync(
  answers,
  [
    'kind: answers',
    `model: { id: cx-maturity, version: ${BUILTIN_VERSION} }`,
    'respondents:',
    `  - { name: "Ann ${OSC52}${CLEAR}", answers: { strategy.experience-statement: bogus } }`,
    `  - name: "Ann ${OSC52}${CLEAR}"`,
    '    answers:',
    '      strategy.experience-statement: "\\e[2Jevil\\r|<script>"',
    '      measurement.kpis: ["100%0A::error file=x::pwned", "\\e]8;;https://evil.example\\e\\\\link"]',
    '',
  ].join('\n'),
);

describe.concurrent('cxm validate on hostile answers', () => {
  it('text: no controls, invisible characters shown as escapes, the caret under the value', async () => {
    const { code, stdout, stderr } = await cxm(['validate', answers]);
    expect(code).toBe(1);
    noControls(stdout + stderr);
    expect(stdout).toContain(':7:38 error unknown-option "\\u001b[2Jevil|<script>" is not an option of "strategy.experience-statement"');
    expect(stdout).toContain(':5:11 error duplicate-respondent respondent "Ann \\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J" already appears in');
    // the source line without its controls, and the caret under "bogus", not as far right as the controls were long
    const lines = stdout.split('\n');
    const echoed = lines.findIndex((l) => l.startsWith('    4 | '));
    expect(lines[echoed]).toBe('    4 |   - { name: "Ann ", answers: { strategy.experience-statement: bogus } }');
    expect(lines[echoed + 1]!.indexOf('^')).toBe(lines[echoed]!.indexOf('bogus'));
  });

  it('json: the messages as data, every control escaped', async () => {
    const { code, stdout } = await cxm(['validate', answers, '-f', 'json']);
    expect(code).toBe(1);
    noControls(stdout);
    const { findings } = JSON.parse(stdout) as { findings: Finding[] };
    expect(findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual(['4:83 unknown-option', '5:11 duplicate-respondent', '7:38 unknown-option', '8:26 unknown-option', '8:57 unknown-option']);
    expect(findings[2]!.message).toMatch(/^"\\u001b\[2Jevil\r\|<script>" is not an option/);
  });

  it('github: one annotation a line, data and properties escaped, no controls', async () => {
    const { code, stdout } = await cxm(['validate', answers, '-f', 'github']);
    expect(code).toBe(1);
    noControls(stdout);
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(5);
    for (const line of annotations) expect(line).toMatch(/^::error file=[^:,\r\n]*,line=\d+,col=\d+,title=cxm [a-z-]+::[^\r\n]+$/);
    // "%0A" written in the file stays text: the runner must not read it as a line break
    const pct = annotations.find((l) => l.includes('100'))!;
    expect(pct).toContain('"100%250A::error file=x::pwned" is not an option');
    expect(unescapeGithub(pct.slice(pct.indexOf('::', 2) + 2))).toMatch(/^"100%0A::error file=x::pwned" is not an option/);
  });

  it('github: file names with : , % and line breaks are escaped as properties', async () => {
    const searched = join(dir, 'names');
    mkdirSync(searched);
    const name = `a:b,c%2C\r\n${OSC52}.yaml`;
    writeFileSync(join(searched, name), 'kind: questionnaire\nelement: strategy\n');
    const { code, stdout } = await cxm(['validate', searched, '-f', 'github']);
    expect(code).toBe(1);
    noControls(stdout);
    const [annotation] = stdout.split('\n');
    const file = /^::error file=([^,]*),line=1,col=1,title=cxm missing-property::/.exec(annotation!)?.[1];
    expect(file, annotation).toBe(escapeGithubProperty(join(searched, 'a:b,c%2C\r\n.yaml')));
    expect(unescapeGithub(file!)).toBe(join(searched, 'a:b,c%2C\r\n.yaml'));
  });
});

describe('cxm compare: messages that quote the files', () => {
  it('organizations that differ are named without their control sequences', async () => {
    const earlier = join(dir, 'q3.yaml');
    // the newest example moved back a quarter: recorded against the current model, so no version warning comes first
    const text = readFileSync(join(ROOT, 'examples/quarters/2026-Q4.yaml'), 'utf8').replace(/^period: .*$/m, 'period: 2026-Q3');
    writeFileSync(earlier, text.replace(/^organization: .*$/m, `organization: "Evil\\e]52;c;ZXZpbA==\\a\\e[2J\\r Corp"`));
    const { code, stdout, stderr } = await cxm(['compare', earlier, 'examples/quarters/2026-Q4.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    noControls(stderr);
    expect(stderr).toMatch(/^cxm: the assessments are of different organizations: "Evil Corp" \(2026-Q3\), "Acme Home Services" \(2026-Q4\); compare one organization at a time/);
  });
});

describe('a model id that is a path', () => {
  it('is an invalid id at its line, and no file outside the built-in models is read', async () => {
    // a manifest elsewhere, named by climbing out of the built-in models' directory
    const secret = join(dir, 'secret');
    mkdirSync(secret);
    writeFileSync(join(secret, 'model.yaml'), 'kind: model\nid: SECRET-MARKER\n');
    const id = relative(questionnairesDir(), secret);
    expect(id.startsWith('..')).toBe(true);
    const file = join(dir, 'path-id.yaml');
    writeFileSync(file, `kind: answers\nmodel: { id: "${id}", version: 1.0.0 }\nrespondents: []\n`);
    for (const command of ['score', 'report', 'validate']) {
      const { code, stdout, stderr } = await cxm([command, file]);
      expect(code, command).toBe(1);
      expect(stdout + stderr).not.toContain('SECRET-MARKER');
      expect(stdout + stderr).toContain(`${file}:2:14 error invalid-id "${id}" is not a valid id`);
    }
  });
});

describe('printers of findings, on any text', () => {
  const text = anyString({ maxLength: 80 });
  const hostileText = fc.oneof(
    text,
    fc.array(fc.constantFrom(OSC52, CLEAR, '\u001b]8;;x\u001b\\', '\u009b1m', '\r', '\n', '\r\n', '%', '%0A', ':', ',', '::', '\u202e', '\t', 'x', ' '), { maxLength: 10 }).map((p) => p.join('')),
  );
  const finding = fc.record({
    file: hostileText,
    line: fc.integer({ min: 1, max: 20 }),
    column: fc.integer({ min: 1, max: 100 }),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    code: fc.constantFrom<FindingCode>('unknown-option', 'yaml-syntax', 'file-not-utf8'),
    message: hostileText,
    pointer: text,
  });

  it('quote(): every hidden character shown as an escape, the rest as it is', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const quoted = quote(value);
        noControls(quoted.replace(/[\r\n]/g, '')); // line breaks stay, for each printer to show its way
        const visible = (text: string): string => text.replace(/[^\t\n\r\u0020-\u007e\u00a0-\u200d\u2010-\u2029\u202f-\u2065\u206a-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        if ([...value].length <= 60) expect(quoted).toBe(`"${visible(value)}"`);
        else expect(quoted.endsWith('..."')).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it('GitHub escaping: no line break, no : or , in properties, and the runner reads back the text', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const data = escapeGithubData(value);
        const property = escapeGithubProperty(value);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
        expect(unescapeGithub(data)).toBe(value);
        expect(unescapeGithub(property)).toBe(value);
      }),
      { numRuns: runs(500) },
    );
  });

  it('text, JSON and GitHub: no control character; GitHub one annotation a line; text with the source lines', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 4 }), fc.array(hostileText, { maxLength: 20 }), (findings, sourceLines) => {
        const summary = { files: 1, errors: findings.length, warnings: 0, passedOver: 0 };
        const sources = new Map(findings.map((f) => [f.file, sourceLines.join('\n')]));
        noControls(renderFindingsText(findings, { color: false, sources }));
        const json = renderFindingsJson(findings, summary);
        noControls(json);
        expect((JSON.parse(json) as { findings: Finding[] }).findings).toEqual(findings);
        const github = renderFindingsGithub(findings, summary);
        noControls(github);
        const lines = github.split('\n');
        expect(lines).toHaveLength(findings.length + 2); // one line each, the summary, the final newline
        for (const [i, f] of findings.entries()) expect(lines[i]).toMatch(new RegExp(`^::${f.severity} file=[^:,]*,line=${f.line},col=${f.column},title=cxm ${f.code}::`));
      }),
      { numRuns: runs(300) },
    );
  });
});
