// cxm import and cxm form, in process through main(): the shapes survey tools export, findings at the
// row and column a spreadsheet shows, nothing written while an error stands, the written file's validity;
// and the survey round trip: cxm form -f csv → rows filled in → cxm import → cxm report gives the same report
// as the same answers typed as YAML, on whatever the built-in model holds (ids, labels and counts are read
// from it), with answers drawn by fast-check (fixed seed).

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { csvRecord } from '../../src/text/csv-cell.js';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import { tempDir } from '../temp.js';
import { answersYaml, respondentArb, typedAnswers } from './answers-arb.js';
import { cxm } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = 'test/fixtures/import/model';
const RESPONSES = 'test/fixtures/import/responses';
const HOSTILE = 'test/fixtures/import/hostile-model';

interface Written {
  readonly source: { file: string; sha256: string };
  readonly respondents: { name: string; role?: string; group?: string; answers: Record<string, unknown> }[];
}

async function importFile(file: string, ...flags: string[]): Promise<{ code: number; stderr: string; data: Written }> {
  const run = await cxm(ROOT, 'import', file, '--model', MODEL, ...flags);
  return { code: run.code, stderr: run.stderr, data: parseYaml(run.stdout) as Written };
}

/** The first three rows of every shape hold the same answers. */
const SAME_ANSWERS = [
  { 'strategy.statement': 'partly', 'strategy.channels': ['contact', 'web'], 'design.journey': 'part', 'design.days': 7 },
  { 'strategy.statement': 'everywhere', 'strategy.channels': ['stores-kiosks'], 'design.journey': 'n/a', 'design.days': 10 },
  // an empty channels cell beside an answered question of its element: none ticked (catches: an empty multi cell read as unanswered)
  { 'strategy.statement': 'none', 'strategy.channels': [], 'design.journey': 'no', 'design.days': 0 },
];

describe('cxm import: the shapes survey tools export', () => {
  it.each(['google-forms', 'microsoft-forms', 'surveymonkey', 'typeform'])('%s', async (shape) => {
    const { code, stderr, data } = await importFile(`${RESPONSES}/${shape}.csv`);
    expect(code, stderr).toBe(0);
    // metadata columns (timestamps, ids, IP addresses, network ids) are recognised: no finding at all
    expect(stderr).toBe(`${RESPONSES}/${shape}.csv: ${shape === 'google-forms' ? 4 : 3} respondents imported to stdout\n`);
    expect(data.respondents.slice(0, 3).map((r) => r.answers)).toEqual(SAME_ANSWERS);
  });

  it('Google Forms: groups from the department column, by title or id; no name, so no e-mail as a name', async () => {
    const { data } = await importFile(`${RESPONSES}/google-forms.csv`);
    expect(data.respondents.map((r) => r.group)).toEqual(['front-line', 'leadership', 'front-line', undefined]);
    expect(data.respondents.map((r) => r.name).join(' ')).not.toContain('@');
    expect(data.respondents[3]!.answers).toEqual({ 'strategy.statement': 'partly', 'strategy.channels': ['web', 'stores', 'phone'] });
  });

  it('Microsoft Forms: names, "Anonymous" as no name, a name over two lines as one', async () => {
    const { data } = await importFile(`${RESPONSES}/microsoft-forms.csv`);
    expect(data.respondents.map((r) => r.name)).toEqual(['Ann Lee', expect.stringMatching(/^respondent-[0-9a-f]{8}-3$/), 'Cho Park']);
  });

  it('SurveyMonkey: first and last name make the name', async () => {
    const { data } = await importFile(`${RESPONSES}/surveymonkey.csv`);
    expect(data.respondents.slice(0, 2).map((r) => r.name)).toEqual(['Ann Lee', 'Bob Stone']);
  });

  it('--names-from-email names respondents without a name by their address', async () => {
    const { data } = await importFile(`${RESPONSES}/google-forms.csv`, '--names-from-email');
    expect(data.respondents.map((r) => r.name)).toEqual(['ann@example.com', 'bob@example.com', 'cho@example.com', 'dee@example.com']);
  });

  it('generated names are stable, and unique across imports reported together', async () => {
    const google = await importFile(`${RESPONSES}/google-forms.csv`);
    const again = await importFile(`${RESPONSES}/google-forms.csv`);
    const typeform = await importFile(`${RESPONSES}/typeform.csv`);
    expect(again.data.respondents.map((r) => r.name)).toEqual(google.data.respondents.map((r) => r.name));
    // catches: names from the row alone ("respondent-2" in both files)
    const all = [...google.data.respondents, ...typeform.data.respondents].map((r) => r.name);
    expect(new Set(all).size).toBe(all.length);

    const dir = tempDir('cxm-import-');
    await cxm(ROOT, 'import', `${RESPONSES}/google-forms.csv`, '--model', MODEL, '--period', '2026-Q4', '-o', join(dir, 'a.yaml'));
    await cxm(ROOT, 'import', `${RESPONSES}/typeform.csv`, '--model', MODEL, '--period', '2026-Q4', '-o', join(dir, 'b.yaml'));
    const report = await cxm(ROOT, 'report', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--model', MODEL, '-f', 'json');
    expect(report.code, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as { respondents: unknown[] }).respondents).toHaveLength(7);
  });

  it('writes an answers file that validates and records its source: the file name and SHA-256', async () => {
    const dir = tempDir('cxm-import-');
    const out = join(dir, 'answers.yaml');
    const file = `${RESPONSES}/microsoft-forms.csv`;
    const run = await cxm(ROOT, 'import', file, '--model', MODEL, '--organization', 'Acme', '--period', '2026-Q4', '--date', '2026-11-22', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    const written = parseYaml(readFileSync(out, 'utf8')) as Written & Record<string, unknown>;
    expect(written.source).toEqual({ file: 'microsoft-forms.csv', sha256: createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex') });
    expect(written).toMatchObject({ kind: 'answers', organization: 'Acme', period: '2026-Q4', date: '2026-11-22' });
    const validate = await cxm(ROOT, 'validate', out, '--model', MODEL);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    // catches: a source field the schema does not allow
    const schema = await cxm(ROOT, 'schema', 'answers');
    expect(schema.stdout).toContain('"source"');
  });

  it('--anonymous marks the answers anonymous', async () => {
    const run = await cxm(ROOT, 'import', `${RESPONSES}/typeform.csv`, '--model', MODEL, '--anonymous');
    expect((parseYaml(run.stdout) as { anonymous?: boolean }).anonymous).toBe(true);
  });
});

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

describe('cxm import: findings at row:column', () => {
  it('a broken header: the unknown column, and a near miss with "did you mean"', async () => {
    const out = join(tempDir('cxm-import-'), 'answers.yaml');
    const run = await cxm(ROOT, 'import', `${RESPONSES}/unknown-column.csv`, '--model', MODEL, '-f', 'json', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('cxm: nothing was written: fix the header row and run cxm import again\n');
    const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.line, f.column, f.code])).toEqual([
      [1, 2, 'unknown-column'],
      [1, 4, 'unknown-column'],
    ]);
    expect(findings[2]!.message).toContain('did you mean "Is the customer journey mapped?"');
  });

  it('--ignore-column leaves a column out', async () => {
    const out = join(tempDir('cxm-import-'), 'answers.yaml');
    const run = await cxm(ROOT, 'import', `${RESPONSES}/unknown-column.csv`, '--model', MODEL, '--ignore-column', 'favourite colour', '-f', 'json', '-o', out);
    const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(findings.map((f) => [f.line, f.column])).not.toContainEqual([1, 2]);
  });

  it('broken cells: each at its row (header row 1) and 1-based column, naming the header and the cell', async () => {
    const dir = tempDir('cxm-import-');
    const out = join(dir, 'answers.yaml');
    const run = await cxm(ROOT, 'import', `${RESPONSES}/broken-cells.csv`, '--model', MODEL, '-f', 'json', '-o', out);
    expect(run.code).toBe(1);
    // nothing is written while an error stands
    expect(existsSync(out)).toBe(false);
    const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(findings.map((f) => [f.file, f.line, f.column, f.code])).toEqual([
      [`${RESPONSES}/broken-cells.csv`, 2, 4, 'unknown-option'],
      [`${RESPONSES}/broken-cells.csv`, 3, 5, 'ambiguous-label'],
      [`${RESPONSES}/broken-cells.csv`, 4, 6, 'answer-out-of-range'],
      [`${RESPONSES}/broken-cells.csv`, 5, 1, 'duplicate-respondent'],
      [`${RESPONSES}/broken-cells.csv`, 6, 2, 'unknown-group'],
      [`${RESPONSES}/broken-cells.csv`, 7, 4, 'ambiguous-label'],
    ]);
    expect(findings[0]!.message).toMatch(/^column "Which channels does the statement cover\? \[strategy.channels\]": "Web shp" is not an option .*did you mean "Web shop"/);
    expect(findings[1]!.message).toContain('"Mapped End to End" matches 2 options');
    expect(findings[2]!.message).toContain('"11" is outside the scale');
    expect(findings[3]!.message).toContain('already answered on row 2');
  });

  it('-f github: workflow commands at the row and column', async () => {
    const run = await cxm(ROOT, 'import', `${RESPONSES}/broken-cells.csv`, '--model', MODEL, '-f', 'github', '-o', join(tempDir('cxm-import-'), 'a.yaml'));
    expect(run.stdout).toContain(`::error file=${RESPONSES}/broken-cells.csv,line=4,col=6,title=cxm answer-out-of-range::`);
  });

  it('-f text: file:row:column, severity, code, message', async () => {
    const run = await cxm(ROOT, 'import', `${RESPONSES}/broken-cells.csv`, '--model', MODEL);
    expect(run.stderr).toContain(`${RESPONSES}/broken-cells.csv:3:5 error ambiguous-label column`);
    expect(run.stderr).toContain('nothing was written');
  });

  it('--skip-invalid-rows writes the good rows and lists the others', async () => {
    const dir = tempDir('cxm-import-');
    const out = join(dir, 'answers.yaml');
    const run = await cxm(ROOT, 'import', `${RESPONSES}/broken-cells.csv`, '--model', MODEL, '--skip-invalid-rows', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('6 rows with errors left out (2, 3, 4, 5, 6, 7)');
    expect(run.stderr).toContain(':4:6 warning answer-out-of-range row left out');
    const written = parseYaml(readFileSync(out, 'utf8')) as Written;
    expect(written.respondents.map((r) => r.name)).toEqual(['Fay']);
    expect(written.respondents[0]!.answers).toEqual({ 'strategy.statement': 'everywhere', 'strategy.channels': ['web', 'phone'], 'design.journey': 'whole-reviewed', 'design.days': 9 });
  });

  it('a CSV syntax error is a finding at its row, and an empty file says what to do', async () => {
    const dir = tempDir('cxm-import-');
    writeFileSync(join(dir, 'bad.csv'), 'Name,strategy.statement\nAnn,none\nBob,"none\n');
    const bad = await cxm(dir, 'import', join(dir, 'bad.csv'), '--model', join(ROOT, MODEL));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:3:\d+ error csv-syntax a quoted cell is never closed/);
    writeFileSync(join(dir, 'header.csv'), 'Name,strategy.statement\n');
    const empty = await cxm(dir, 'import', join(dir, 'header.csv'), '--model', join(ROOT, MODEL));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no-respondents');
  });

  it('-f json without -o is a usage error: both would go to stdout', async () => {
    const run = await cxm(ROOT, 'import', `${RESPONSES}/typeform.csv`, '--model', MODEL, '-f', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-o FILE');
  });

  it('a missing file exits 2; a file over --max-file-size is refused with the flag that reads it', async () => {
    const missing = await cxm(ROOT, 'import', 'no-such.csv', '--model', MODEL);
    expect(missing.code).toBe(2);
    const big = await cxm(ROOT, 'import', `${RESPONSES}/google-forms.csv`, '--model', MODEL, '--max-file-size', '100');
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/file-too-large .*pass --max-file-size 16MiB/);
    const raised = await cxm(ROOT, 'import', `${RESPONSES}/google-forms.csv`, '--model', MODEL, '--max-file-size', '1KiB');
    expect(raised.code, raised.stderr).toBe(0);
    const usage = await cxm(ROOT, 'import', `${RESPONSES}/google-forms.csv`, '--model', MODEL, '--max-file-size', 'lots');
    expect(usage.code).toBe(2);
  });
});

describe('--max-file-size on the commands that read answers', () => {
  it('refuses a file over the limit given, and reads it under the default', async () => {
    const out = join(tempDir('cxm-import-'), 'answers.yaml');
    await cxm(ROOT, 'import', `${RESPONSES}/google-forms.csv`, '--model', MODEL, '-o', out);
    // catches: a flag that does not reach the loader (the file is read under the default 16 MiB)
    for (const command of ['report', 'score', 'compare', 'validate']) {
      const small = await cxm(ROOT, command, out, '--model', MODEL, '--max-file-size', '100');
      expect(small.code, `${command}: ${small.stdout}${small.stderr}`).toBe(1);
      expect(small.stdout + small.stderr).toContain('file-too-large');
    }
    for (const command of ['report', 'score', 'validate']) {
      const read = await cxm(ROOT, command, out, '--model', MODEL, '--max-file-size', '1MiB');
      expect(read.code, `${command}: ${read.stderr}`).toBe(0);
    }
  });
});

describe('cxm form', () => {
  it('-f csv: name, role, group, then one column per question with its id in brackets', async () => {
    const run = await cxm(ROOT, 'form', '--model', MODEL, '-f', 'csv');
    expect(run.code).toBe(0);
    const [header] = parseCsv(run.stdout, { bom: true });
    expect(header).toEqual([
      'Name',
      'Role',
      'Group',
      'Is there a written statement of the experience you want? [strategy.statement]',
      'Which channels does the statement cover? [strategy.channels]',
      'Is the customer journey mapped? [design.journey]',
      'On how many days out of 10 does a customer get a great experience? [design.days]',
    ]);
  });

  it('-f markdown and -f html: the questions, options with boxes, scale labels, n/a where allowed', async () => {
    const markdown = (await cxm(ROOT, 'form', '--model', MODEL, '-f', 'markdown')).stdout;
    expect(markdown).toContain('## 2. Design');
    expect(markdown).toContain('- [ ] Phone, e-mail and chat');
    expect(markdown).toContain('- [ ] 10 — every day');
    expect(markdown.match(/Not applicable to us/g)).toHaveLength(2);
    const html = (await cxm(ROOT, 'form', '--model', MODEL, '-f', 'html')).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<input type="checkbox" name="q2" value="contact"> Phone, e-mail and chat</label>');
    expect(html).toContain('<label><input type="radio" name="group" value="front-line"> Front line</label>');
  });

  it('escapes hostile model text in HTML and Markdown', async () => {
    const html = (await cxm(ROOT, 'form', '--model', HOSTILE, '-f', 'html')).stdout;
    expect(html).not.toContain('"http://evil"');
    expect(html).toContain('=HYPERLINK(&#34;http://evil&#34;');
    const markdown = (await cxm(ROOT, 'form', '--model', HOSTILE, '-f', 'markdown')).stdout;
    expect(markdown).not.toMatch(/^=HYPERLINK/m);
  });
});

describe('safe to open in a spreadsheet', () => {
  it('no cell of the form CSV begins with a formula character', async () => {
    const run = await cxm(ROOT, 'form', '--model', HOSTILE, '-f', 'csv');
    const [header] = parseCsv(run.stdout, { bom: true });
    // catches: csvField without neutralizeCell
    for (const cell of header!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(header).toContain(`'=HYPERLINK("http://evil","click") [strategy.formula]`);
  });

  it('quotes a cell holding a semicolon, which European Excel reads as the delimiter', async () => {
    // Mutation caught: `;` dropped from the characters that make cxm quote a CSV cell (text/csv-cell.ts,
    // /[",;\r\n]/ → /[",\r\n]/): Excel set to a semicolon list separator would split the header in two.
    const dir = tempDir('cxm-form-');
    cpSync(join(ROOT, MODEL), dir, { recursive: true });
    const strategy = join(dir, 'strategy.yaml');
    writeFileSync(strategy, readFileSync(strategy, 'utf8').replace('text: Is there a written statement of the experience you want?', 'text: "Is there a written statement; one everyone can repeat?"'));
    const run = await cxm(ROOT, 'form', '--model', dir, '-f', 'csv');
    expect(run.code, run.stderr).toBe(0);
    const header = run.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toContain(',"Is there a written statement; one everyone can repeat? [strategy.statement]",');
  });

  it('import reads neutralised cells back as the text they were', async () => {
    const dir = tempDir('cxm-import-');
    const form = (await cxm(ROOT, 'form', '--model', HOSTILE, '-f', 'csv')).stdout;
    // the labels, as a spreadsheet would save them after cxm wrote them: with the apostrophe
    writeFileSync(join(dir, 'r.csv'), form + [`Ann,,,"'@SUM(1+1)*cmd|' /C calc'!A0","''=already quoted;plain",'-1`, `Bob,,,'-2+3,"'\r=carriage",'+1`].join('\r\n') + '\r\n');
    const run = await cxm(dir, 'import', join(dir, 'r.csv'), '--model', join(ROOT, HOSTILE));
    expect(run.code, run.stderr).toBe(0);
    const data = parseYaml(run.stdout) as Written;
    expect(data.respondents.map((r) => r.answers)).toEqual([
      { 'strategy.formula': 'at', 'strategy.tabs': ['apostrophe', 'plain'], 'strategy.scale': -1 },
      { 'strategy.formula': 'minus', 'strategy.tabs': ['cr'], 'strategy.scale': 1 },
    ]);
  });
});

describe('round trip: form → fill in → import → report', () => {
  it('gives the report of the same answers typed as YAML', async () => {
    const loaded = await loadModel(builtinModelDir());
    const model = loaded.model!;
    const dir = tempDir('cxm-round-trip-');
    const form = await cxm(ROOT, 'form', '-f', 'csv');
    expect(form.code).toBe(0);
    const [header] = parseCsv(form.stdout, { bom: true });
    // the question of each column, by the id cxm form wrote in brackets
    const byId = new Map(model.elements.flatMap((e) => e.questions).map((q) => [q.id, q]));
    const questions = header!.slice(3).map((h) => byId.get(/\[([^\]]+)\]$/.exec(h)![1]!)!);
    expect(questions.length).toBe(byId.size);

    const samples = fc.sample(fc.array(respondentArb(questions), { minLength: 1, maxLength: 6 }), { seed: 18, numRuns: 4 });
    for (const [s, rows] of samples.entries()) {
      const people = rows.map((cells, i) => ({
        name: `Person ${s}-${i}`,
        role: i % 2 === 0 ? 'Lead' : '=Front line',
        answers: typedAnswers(model, questions, cells.map((c) => c.value)),
      }));
      const csv = form.stdout + rows.map((cells, i) => csvRecord([people[i]!.name, people[i]!.role, '', ...cells.map((c) => c.cell)])).join('');
      writeFileSync(join(dir, `r${s}.csv`), csv);
      writeFileSync(join(dir, `typed${s}.yaml`), answersYaml(model, people));
      const imported = await cxm(ROOT, 'import', join(dir, `r${s}.csv`), '--organization', 'Acme', '--period', '2026-Q4', '-o', join(dir, `imported${s}.yaml`));
      expect(imported.code, imported.stderr).toBe(0);

      const fromImport = await cxm(ROOT, 'report', '-f', 'json', join(dir, `imported${s}.yaml`));
      const fromTyped = await cxm(ROOT, 'report', '-f', 'json', join(dir, `typed${s}.yaml`));
      expect(fromImport.code, fromImport.stderr).toBe(0);
      expect(fromTyped.code, fromTyped.stderr).toBe(0);
      // the inputs are different files; everything else is the same report
      const strip = (text: string): unknown => ({ ...(JSON.parse(text) as object), inputs: undefined });
      expect(strip(fromImport.stdout)).toEqual(strip(fromTyped.stdout));
    }
  });
});
