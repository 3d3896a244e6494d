// Untrusted text cannot become a link or a control sequence in any output, paths included; a flag that does
// nothing says so; numbers are quoted as written (#25 "smaller"). Each was red on the previous code: bare URLs and
// e-mail addresses came out of escapeMarkdownInline as they were (GitHub links them), the resume command and the
// answers path of cxm assess were printed raw, --min-group-size without --anonymous was silent, and
// 9007199254740993 was quoted as 9007199254740992.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resumeCommand, shellQuote } from '../../src/cli/assess.js';
import { escapeMarkdownInline } from '../../src/text/sanitize.js';
import { cxmInProcess } from '../cli/in-process.js';
import { runs } from '../fuzz-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'cxm-untrusted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * GFM's autolink literals (the "Autolinks (extension)" section of the GitHub Flavored Markdown spec), on text as
 * written: a backslash escape splits the text there, so an escaped `.`, `:` or `@` is no part of a match.
 */
const GFM_AUTOLINKS = [/(?:^|[\s*_~(])www\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]/i, /(?:https?|ftp):\/\/[A-Za-z0-9_-]/i, /[A-Za-z0-9+._-]@[A-Za-z0-9_-]+\.[A-Za-z0-9_-]/, /(?:mailto|xmpp):[A-Za-z0-9]/i];

describe('Markdown text', () => {
  it.each(['see www.example.com now', 'http://evil.example/x', 'HTTPS://Evil.example', 'mail alice@acme.example', 'ftp://files.example', 'mailto:bob@x.example', '(www.x.org)'])('%s cannot become a link on GitHub', (text) => {
    const escaped = escapeMarkdownInline(text);
    for (const pattern of GFM_AUTOLINKS) expect(escaped, `${pattern}`).not.toMatch(pattern);
    // and it reads the same: only backslashes were added
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(text);
  });

  it('for any text with URLs and addresses in it (property)', () => {
    const part = fc.constantFrom('www.', 'http://', 'https://', '@', '.', 'a', 'example', 'com', ' ', '(', 'mailto:', '_', 'W', ':', '/');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        const escaped = escapeMarkdownInline(text);
        for (const pattern of GFM_AUTOLINKS) expect(escaped).not.toMatch(pattern);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('paths and commands printed by cxm assess', () => {
  it('quote control characters so that the resume command shows as text and still runs', () => {
    const file = 'answers\u001b]8;;http://evil\u0007.yaml';
    const command = resumeCommand('cxm', { answers: file }, 'Ann\u001b[2J');
    // mutation caught: shellQuote wrapping control characters in '…' leaves ESC for the terminal to act on
    expect(command).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(command).toContain("$'answers\\x1b]8;;http://evil\\x07.yaml'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('flags and numbers', () => {
  it('--min-group-size without --anonymous: a warning that it does nothing', async () => {
    const run = await cxmInProcess(['report', '--min-group-size', '4', 'examples/quarters/2026-Q4.yaml']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('--min-group-size does nothing here: the report is not anonymous');
    const quiet = await cxmInProcess(['report', '--anonymous', '--min-group-size', '4', 'examples/quarters/2026-Q4.yaml']);
    expect(quiet.stderr).not.toContain('does nothing');
  });

  it('a number beyond 2^53 is quoted as written', async () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, 'kind: answers\nmodel: {id: team, version: 1.0.0}\nrespondents:\n  - name: A\n    answers: {strategy.days: 9007199254740993}\n');
    const run = await cxmInProcess(['validate', '--model', 'test/fixtures/groups/model', file]);
    expect(run.stdout + run.stderr).toContain('9007199254740993 is outside the scale');
  });
});
