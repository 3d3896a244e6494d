// Untrusted text never reaches a screen or a report raw. test/fixtures/hostile/text holds a model
// and answers whose every text (titles, levels, questions, options, help, recommendations,
// organization, names, roles, notes; a period, in findings) carries terminal escapes (OSC 52 clipboard, OSC 8
// hyperlink, CSI clear screen), a carriage return, C1 controls, bidi overrides, HTML, Markdown
// table pipes and Mermaid label breakers. Each output is checked through the real bin/cxm.js.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/assess/session.js';
import { loadModel } from '../../src/load/model.js';
import { cxm, ROOT } from '../report/cxm.js';
import { validateReport } from '../schemas.js';
import { checkMarkdown, noControls } from './checks.js';
import { ScriptedPrompter, pick } from '../session/scripted-prompter.js';
import { openStore, responder } from '../session/session-helpers.js';
import { tempDir } from '../temp.js';

const DIR = 'test/fixtures/hostile/text';
const MODEL = `${DIR}/model`;
const ANSWERS = `${DIR}/answers.yaml`;

describe('untrusted text in reports', () => {
  it('Markdown report: no controls, no HTML, tables intact, Mermaid labels closed', async () => {
    const { code, stdout, stderr } = await cxm(['report', ANSWERS, '--model', MODEL]);
    expect(code, stderr).toBe(0);
    checkMarkdown(stdout);
    // the text is still there, escaped, not dropped
    expect(stdout).toContain('Acme \\<script\\>alert(1)\\</script\\> \\| Ltd');
    expect(stdout).toContain('Note \\<script\\>alert(1)\\</script\\> \\| pipe');
  });

  it('JSON report: the data as written, with every control escaped', async () => {
    const { code, stdout } = await cxm(['report', ANSWERS, '--model', MODEL, '-f', 'json']);
    expect(code).toBe(0);
    noControls(stdout);
    const report = JSON.parse(stdout) as { organization: string; respondents: { name: string }[] };
    expect(validateReport(report)).toBeUndefined();
    expect(report.organization).toBe('Acme \u001b]52;c;cm0gLXJmIH4=\u0007<script>alert(1)</script> | Ltd\r');
    expect(report.respondents[0]!.name).toBe('Alice \u001b[31m<b>|</b>\u202e');
  });

  it('HTML report and comparison: no controls, and the hostile text escaped, not markup', async () => {
    const dir = tempDir('cxm-hostile-');
    const earlier = join(dir, 'q3.yaml');
    writeFileSync(earlier, readFileSync(join(ROOT, ANSWERS), 'utf8').replace(/^period: 2026-Q4$/m, 'period: 2026-Q3'));
    for (const args of [['report', ANSWERS], ['compare', earlier, ANSWERS]]) {
      const { code, stdout, stderr } = await cxm([...args, '--model', MODEL, '-f', 'html']);
      expect(code, stderr).toBe(0);
      noControls(stdout);
      expect(stdout).not.toMatch(/<script|<b>|[\u202a-\u202e]/);
      expect(stdout).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; | Ltd');
    }
  });

  it('score summary for the terminal: no controls', async () => {
    const { code, stdout, stderr } = await cxm(['score', ANSWERS, '--model', MODEL]);
    expect(code).toBe(0);
    noControls(stdout + stderr);
    expect(stdout).toContain('Acme <script>alert(1)</script> | Ltd'); // a terminal shows text, it renders no HTML
  });

  it('compare in every format: no controls, Markdown checked like the report', async () => {
    const dir = tempDir('cxm-hostile-');
    const earlier = join(dir, 'q3.yaml');
    writeFileSync(earlier, readFileSync(join(ROOT, ANSWERS), 'utf8').replace('period: 2026-Q4', 'period: 2026-Q3').replace('strategy.statement: "yes"', 'strategy.statement: "no"'));
    for (const format of ['text', 'json', 'markdown']) {
      const { code, stdout, stderr } = await cxm(['compare', earlier, ANSWERS, '--model', MODEL, '-f', format]);
      expect(code, stderr).toBe(0);
      noControls(stdout + stderr);
      if (format === 'markdown') checkMarkdown(stdout);
      if (format === 'json') expect((JSON.parse(stdout) as { organization: string }).organization).toContain('\u001b]52;');
    }
  });
});

describe('untrusted text in findings', () => {
  it('validate: the quoted key and the echoed source line lose their controls in text, JSON and GitHub formats', async () => {
    const dir = tempDir('cxm-hostile-');
    // raw control bytes in the file itself (YAML forbids them, so the file is also a finding)
    const file = join(dir, 'raw-controls.yaml');
    writeFileSync(
      file,
      'kind: questionnaire\nelement: strategy\ntitle: "Strategy \u001b]52;c;ZXZpbA==\u0007\u001b[2J\r\u202e"\nwieght\u001b[8m: 2\nquestions: []\n',
    );
    for (const target of [file, `${DIR}/bad-questionnaire.yaml`]) {
      for (const format of ['text', 'json', 'github']) {
        const { code, stdout, stderr } = await cxm(['validate', target, '-f', format]);
        expect(code, `${target} ${format}`).toBe(1);
        noControls(stdout + stderr);
        if (format === 'json') expect(JSON.parse(stdout)).toHaveProperty('findings');
        if (format === 'github') {
          for (const line of stdout.split('\n').filter((l) => l.startsWith('::'))) expect(line).toMatch(/^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=cxm [a-z-]+::/);
        }
      }
    }
    // a period with controls is a period-format error (SPEC 2.3, 1.1) whose message shows them escaped
    const period = join(dir, 'period.yaml');
    writeFileSync(period, readFileSync(join(ROOT, ANSWERS), 'utf8').replace('period: 2026-Q4', 'period: "2026-Q4 \\e[2J\\e]52;c;ZXZpbA==\\a"'));
    for (const format of ['text', 'json', 'github']) {
      const { code, stdout, stderr } = await cxm(['validate', period, '--model', MODEL, '-f', format]);
      expect(code, format).toBe(1);
      noControls(stdout + stderr);
      expect(stdout + stderr, format).toContain('period-format');
    }
    const text = await cxm(['validate', `${DIR}/bad-questionnaire.yaml`]);
    // the controls are shown as escapes, so that the reader sees what to remove
    expect(text.stdout + text.stderr).toContain('bad-questionnaire.yaml:4:1 error unknown-property unknown property "wieght\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u202e": ');
  });
});

describe('untrusted text in an assessment', () => {
  it('cxm assess shows titles, intros, questions, options, help and scores without controls', async () => {
    const { model } = await loadModel(join(ROOT, MODEL));
    const dir = tempDir('cxm-hostile-');
    const store = await openStore(join(dir, 'answers.yaml'), model!);
    const prompter = new ScriptedPrompter(['Acme', '2026-Q4', 'Alice', '', pick('No group'), pick('Show why this question matters')], responder(model!));
    await runSession(model!, store, prompter, { today: '2026-11-22' });
    const everything = JSON.stringify(prompter.shown) + prompter.transcript.join('\n');
    expect(prompter.transcript.join('\n')).toContain('  Help\n'); // the help was shown, its OSC 52 gone
    expect(prompter.transcript.join('\n')).toContain('Intro red');
    // JSON.stringify writes C0 controls as \u escapes: look for those too
    expect(everything).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/);
    noControls(everything);
  });
});
