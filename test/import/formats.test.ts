// cxm import of the exports consultants receive (SPEC 1.2, "What import reads"): the same responses as a
// Google Forms CSV, a European Excel CSV (";", BOM), Excel "Unicode text" (UTF-16LE, tabs), a Windows-1252
// re-save and a Microsoft Forms .xlsx import to answers that score exactly like the same answers typed as
// YAML, accents intact; an anonymous import names nobody, in its answers file or any report made from it.
// Each export is written here from the answers (no binary fixture), with the built-in model's texts.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { AnswerValue, Model, Question } from '../../src/domain/types.js';
import { tempDirForSuite } from '../temp.js';
import { answerArb, answersYaml, typedAnswers } from './answers-arb.js';
import { cxm } from './run.js';
import { workbook, type Cell } from './workbook.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** People whose names and roles need more than ASCII, all of it within Windows-1252. */
const PEOPLE = [
  { name: 'Zoë Ångström', role: 'Responsable qualité', email: 'zoe@example.com' },
  { name: 'José Núñez', role: 'Jefe de atención', email: 'jose@example.com' },
  { name: 'Françoise Brûlé', role: 'Directrice générale', email: 'francoise@example.com' },
  { name: 'Søren Kierkegård', role: 'Kundeservice', email: 'soren@example.com' },
  { name: 'Björn Müller', role: 'Geschäftsführer', email: 'bjoern@example.com' },
];

let model: Model;
let questions: Question[];
let dir: string;
/** Per sample: the values of each person's answers, in the order of `questions` (undefined: left empty). */
let samples: (AnswerValue | undefined)[][][];

beforeAll(async () => {
  model = (await loadModel(builtinModelDir())).model!;
  questions = model.elements.flatMap((e) => e.questions);
  dir = tempDirForSuite('cxm-formats-');
  samples = fc.sample(fc.tuple(...PEOPLE.map(() => fc.tuple(...questions.map(answerArb)))), { seed: 29, numRuns: 3 }).map((people) =>
    people.map((cells) => cells.map((c) => c.value)),
  );
});

/** How a survey tool writes an answer in a cell: option labels, multiple choices joined by `join`, N/A. */
function cellOf(question: Question, value: AnswerValue | undefined, join: (labels: string[]) => string): string {
  if (value === undefined) return '';
  if (value === 'n/a') return 'N/A';
  if (question.type === 'scale') return String(value);
  const label = (id: string): string => question.options.find((o) => o.id === id)!.label;
  return Array.isArray(value) ? (value.length === 0 ? '' : join(value.map(label))) : label(value as string);
}

/** The question as a survey tool heads its column: its text, on one line. */
const headerOf = (q: Question): string => q.text.replace(/\s+/g, ' ').trim();

/** One record of a delimited file, quoted where a spreadsheet quotes. */
function record(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter) + '\r\n';
}

/** Text in Windows-1252, byte by byte, through the table TextDecoder itself reads it with. */
function windows1252(text: string): Buffer {
  const decoder = new TextDecoder('windows-1252');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`${JSON.stringify(ch)} is not in Windows-1252: the test's texts must be`);
      return b;
    }),
  );
}

const TIME = (i: number): Date => new Date(Date.UTC(2026, 10, 22, 9, 30 + i, 0));

/** Microsoft Forms' columns before the questions, and each person's cells in them. */
const FORMS_HEADER = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Role'];
const formsJoin = (labels: string[]): string => labels.join(';') + ';';

interface Export {
  readonly file: string;
  readonly bytes: Buffer;
  readonly flags: string[];
}

function exportsOf(values: (AnswerValue | undefined)[][]): Export[] {
  const texts = questions.map(headerOf);
  const googleRows = [
    ['Timestamp', 'Email Address', 'Name', 'Role', ...texts],
    ...PEOPLE.map((p, i) => [`2026/11/22 9:${30 + i}:00 AM GMT+1`, p.email, p.name, p.role, ...questions.map((q, k) => cellOf(q, values[i]![k], (l) => l.join(', ')))]),
  ];
  const formsRows = [
    FORMS_HEADER.concat(texts),
    ...PEOPLE.map((p, i) => [String(i + 1), '11/22/26 9:30:00', '11/22/26 9:41:07', p.email, p.name, p.role, ...questions.map((q, k) => cellOf(q, values[i]![k], formsJoin))]),
  ];
  const semicolons = formsRows.map((r) => record(r, ';')).join('');
  const tabs = formsRows.map((r) => record(r, '\t')).join('');
  const sheet: Cell[][] = [
    FORMS_HEADER.concat(texts),
    ...PEOPLE.map((p, i): Cell[] => [
      i + 1,
      TIME(i),
      TIME(i + 10),
      p.email,
      p.name,
      p.role,
      ...questions.map((q, k): Cell => {
        const value = values[i]![k];
        // Excel keeps numbers as numbers
        return q.type === 'scale' && typeof value === 'number' ? value : cellOf(q, value, formsJoin) || null;
      }),
    ]),
  ];
  return [
    { file: 'google-forms.csv', bytes: Buffer.from(googleRows.map((r) => record(r, ',')).join(''), 'utf8'), flags: [] },
    { file: 'excel-european.csv', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(semicolons, 'utf8')]), flags: [] },
    // Excel saves "Unicode text" as .txt: the extension says nothing of the encoding
    { file: 'excel-unicode.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]), flags: [] },
    { file: 'resaved-1252.csv', bytes: windows1252(semicolons), flags: ['--encoding', 'windows-1252'] },
    { file: 'microsoft-forms.xlsx', bytes: workbook({ name: 'Form1', rows: sheet }), flags: [] },
  ];
}

/** The report of a file, without its inputs (the files differ; everything else must not). */
async function reportOf(file: string): Promise<unknown> {
  const run = await cxm(dir, 'report', '-f', 'json', file);
  expect(run.code, run.stderr).toBe(0);
  return { ...(JSON.parse(run.stdout) as object), inputs: undefined };
}

describe('the same responses from five exports', () => {
  it('score exactly like the same answers typed as YAML, names and roles with their accents', async () => {
    // catches: a BOM or UTF-16 read as UTF-8, ";" or tab not found from the header (commas in the model's
    // texts), Windows-1252 read as anything else, a workbook's cells or numbers read wrong, and an empty
    // multiple-choice cell read otherwise than the interview records it
    for (const [s, values] of samples.entries()) {
      const people = PEOPLE.map((p, i) => ({ name: p.name, role: p.role, answers: typedAnswers(model, questions, values[i]!) }));
      const typed = join(dir, `typed-${s}.yaml`);
      writeFileSync(typed, answersYaml(model, people));
      const expected = await reportOf(typed);
      for (const exported of exportsOf(values)) {
        const file = join(dir, `${s}-${exported.file}`);
        writeFileSync(file, exported.bytes);
        const out = join(dir, `${s}-${exported.file}.yaml`);
        const run = await cxm(dir, 'import', file, '--organization', 'Acme', '--period', '2026-Q4', '-o', out, ...exported.flags);
        expect(run.code, `${exported.file}: ${run.stderr}`).toBe(0);
        expect(run.stderr, exported.file).toContain(`${file}: 5 respondents imported to ${out}\n`);
        const written = parseYaml(readFileSync(out, 'utf8')) as { respondents: { name: string; role: string }[] };
        expect(written.respondents.map((r) => [r.name, r.role]), exported.file).toEqual(PEOPLE.map((p) => [p.name, p.role]));
        expect(await reportOf(out), exported.file).toEqual(expected);
      }
    }
  });
});

describe('--anonymous', () => {
  it('writes no name, role, e-mail or time, in an order from the answers, and says which columns it left out', async () => {
    const values = samples[0]!;
    const exported = exportsOf(values).find((e) => e.file.endsWith('.xlsx'))!;
    const file = join(dir, 'anonymous.xlsx');
    writeFileSync(file, exported.bytes);
    const out = join(dir, 'anonymous.yaml');
    const run = await cxm(dir, 'import', file, '--anonymous', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    // catches: the columns dropped without saying so
    expect(run.stderr).toContain('--anonymous: left out 6 columns that may name or date a person: "ID" (column 1), "Start time" (column 2), "Completion time" (column 3), "Email" (column 4), "Name" (column 5), "Role" (column 6)');
    const text = readFileSync(out, 'utf8');
    // catches: names, roles or e-mail addresses copied into the answers file (the flag only set)
    const identifying = PEOPLE.flatMap((p) => [p.name, p.role, p.email, p.name.split(' ')[0]!]);
    for (const word of [...identifying, '2026-11-22', '09:3']) expect(text).not.toContain(word);
    const written = parseYaml(text) as { anonymous: boolean; respondents: { name: string; role?: string; answers: Record<string, unknown> }[] };
    expect(written.anonymous).toBe(true);
    // catches: the responses file's name or hash kept (its bytes hold the names; SPEC 4.2: no hash that a roster can be tried against)
    const fileHash = (await import('node:crypto')).createHash('sha256').update(exported.bytes).digest('hex');
    expect(text).not.toContain('source:');
    expect(text).not.toContain(fileHash.slice(0, 8));
    expect(written.respondents.every((r) => r.role === undefined && /^respondent-[0-9a-f]{8}-\d+$/.test(r.name))).toBe(true);
    // the order comes from the answers: the same answers in another row order give the same file
    // catches: respondents kept in row order (a survey tool's order of answering, which dates them)
    const reversed = join(dir, 'reversed.xlsx');
    const rows = exportsOf(values.slice().reverse());
    writeFileSync(reversed, rows.find((e) => e.file.endsWith('.xlsx'))!.bytes);
    const again = await cxm(dir, 'import', reversed, '--anonymous', '-o', join(dir, 'reversed.yaml'));
    expect(again.code, again.stderr).toBe(0);
    const other = parseYaml(readFileSync(join(dir, 'reversed.yaml'), 'utf8')) as typeof written;
    expect(other.respondents.map((r) => r.answers)).toEqual(written.respondents.map((r) => r.answers));
    // every report made from it names nobody
    for (const format of ['markdown', 'html', 'json']) {
      const report = await cxm(dir, 'report', '-f', format, out);
      expect(report.code, report.stderr).toBe(0);
      for (const word of identifying) expect(report.stdout, `${format}: ${word}`).not.toContain(word);
    }
  });

  it('refuses --names-from-email beside it (usage, exit 2)', async () => {
    const run = await cxm(ROOT, 'import', 'test/fixtures/import/responses/google-forms.csv', '--model', 'test/fixtures/import/model', '--anonymous', '--names-from-email');
    // catches: names written from the e-mail addresses of an anonymous survey
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--anonymous writes no names');
  });
});
