// cxm import of .xlsx workbooks (SPEC 1.2): the first sheet or --sheet, cells as shown, dates as ISO,
// findings at Sheet1!D7 with their numeric row and column; and hostile workbooks (a zip bomb, formulas, a
// million rows, a sheet that is no survey, damaged or foreign zips) each end with a finding, exit 1 and no
// stack trace, in the time and memory of a laptop. Every workbook is written here (test/import/workbook.ts).

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { zip } from '../../src/import/zip.js';
import { tempDir } from '../temp.js';
import { cxm, type Run } from './run.js';
import { packWorkbook, workbook, workbookParts, type Cell, type SheetSpec } from './workbook.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = join(ROOT, 'test/fixtures/import/model');

const HEADER: Cell[] = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Is there a written statement of the experience you want?', 'Which channels does the statement cover?', 'On how many days out of 10 does a customer get a great experience?'];
const when = new Date(Date.UTC(2026, 10, 22, 9, 30));
const ROWS: Cell[][] = [
  [1, when, when, 'zoe@example.com', 'Zoë Ångström', 'Partly, in some teams', 'Phone;Web shop;', 7],
  [2, when, when, 'jo@example.com', 'José Núñez', 'No, never discussed', null, 0],
];

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

async function importWorkbook(bytes: Buffer, ...flags: string[]): Promise<Run & { answers?: { name: string; answers: Record<string, unknown> }[] }> {
  const dir = tempDir('cxm-xlsx-');
  // a name without .xlsx: the bytes say what the file is
  const file = join(dir, 'responses.download');
  writeFileSync(file, bytes);
  const out = join(dir, 'answers.yaml');
  const run = await cxm(dir, 'import', file, '--model', MODEL, '-o', out, ...flags);
  const answers = existsSync(out) ? (parseYaml(readFileSync(out, 'utf8')) as { respondents: { name: string; answers: Record<string, unknown> }[] }).respondents : undefined;
  return { ...run, ...(answers !== undefined ? { answers } : {}) };
}

function refused(run: Run, code: string | RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(typeof code === 'string' ? new RegExp(` error ${code} `) : code);
  expect(run.stderr).toContain('nothing was written');
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('.xlsx workbooks', () => {
  it('reads the first sheet: text, numbers and names with accents; an empty multiple choice is none ticked', async () => {
    // catches: the zip read as text ("byte 0x88 is not valid UTF-8"), numeric cells lost, the file kind taken from its name
    const run = await importWorkbook(workbook({ name: 'Form1', rows: [HEADER, ...ROWS] }, { name: 'Notes', rows: [['nothing here']] }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.answers).toEqual([
      { name: 'Zoë Ångström', answers: { 'strategy.statement': 'partly', 'strategy.channels': ['phone', 'web'], 'design.days': 7 } },
      { name: 'José Núñez', answers: { 'strategy.statement': 'none', 'strategy.channels': [], 'design.days': 0 } },
    ]);
  });

  it('--sheet reads another sheet, by its name in any case; a sheet it lacks is a finding listing the sheets', async () => {
    const bytes = workbook({ name: 'Summary', rows: [['Total', 2]] }, { name: 'Form 1', rows: [HEADER, ...ROWS] });
    // catches: --sheet ignored (the first sheet, which is no survey, read instead)
    const run = await importWorkbook(bytes, '--sheet', 'form 1');
    expect(run.code, run.stderr).toBe(0);
    expect(run.answers).toHaveLength(2);
    const missing = await importWorkbook(bytes, '--sheet', 'Responses');
    refused(missing, 'xlsx-no-sheet');
    expect(missing.stderr).toContain('the workbook has no sheet "Responses": its sheets are "Summary", "Form 1"; pass one of them to --sheet');
  });

  it('a finding names the sheet and cell (Form1!D7) and gives its numeric row and column, in text, JSON and GitHub formats', async () => {
    // catches: findings at a record index instead of the sheet's row, or without the cell a spreadsheet user looks for
    const rows: Cell[][] = [HEADER, ...ROWS, [3, when, when, 'x@example.com', 'Bo', 'Maybe', null, 12]];
    // rows 1-3 empty above the header: rows are the sheet's own
    const bytes = workbook({ name: 'Form 1', rows, firstRow: 4 });
    const text = await importWorkbook(bytes);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/responses\.download:7:6 error unknown-option 'Form 1'!F7: column "Is there a written statement/);
    expect(text.stderr).toMatch(/responses\.download:7:8 error answer-out-of-range 'Form 1'!H7: column "On how many days/);
    const json = await importWorkbook(bytes, '-f', 'json');
    const { findings } = JSON.parse(json.stdout) as { findings: JsonFinding[] };
    expect(findings.filter((f) => f.code !== 'missing-column').map((f) => [f.line, f.column, f.message.slice(0, 12)])).toEqual([
      [7, 6, "'Form 1'!F7:"],
      [7, 8, "'Form 1'!H7:"],
    ]);
    const github = await importWorkbook(bytes, '-f', 'github');
    expect(github.stdout).toContain(',line=7,col=8,title=cxm answer-out-of-range::\'Form 1\'!H7: column');
    expect(github.stdout).toMatch(/^cxm import: /m);
  });

  it('dates as ISO text, as the cell shows them', async () => {
    // catches: a date read as Excel's serial day number (46348.39…) or as JavaScript's long date text
    const rows: Cell[][] = [HEADER, [1, when, when, 'a@example.com', 'Ann', 'No, never discussed', null, new Date(Date.UTC(2026, 10, 22))]];
    const run = await importWorkbook(workbook({ name: 'Form1', rows }));
    expect(run.stderr).toMatch(/:2:8 error answer-wrong-type Form1!H2: column "On how many days .*": "2026-11-22" is not a point of the scale/);
  });
});

describe('hostile workbooks: a finding, exit 1, no stack trace, bounded time and memory', () => {
  it('a zip bomb stops at --max-file-size, whatever sizes its directory declares', async () => {
    const parts = workbookParts([{ name: 'Form1', rows: [HEADER, ...ROWS] }]);
    // 64 MiB of spaces inside the sheet's XML, deflated to about 64 KiB
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.replace('<sheetData>', `<sheetData>${' '.repeat(64 * 1024 * 1024)}`);
    const bytes = packWorkbook(new Map([...parts, ['xl/worksheets/sheet1.xml', sheet]]));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const run = await importWorkbook(bytes);
    // catches: the entries inflated without a cap (64 MiB read and parsed) or the cap taken from the declared sizes
    refused(run, 'file-too-large');
    expect(run.stderr).toContain('the workbook unpacks to more than the limit of 16 MiB (at its part "xl/worksheets/sheet1.xml")');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('a text longer than any cell can hold: refused before the workbook reader spends minutes on it', async () => {
    const parts = workbookParts([{ name: 'Form1', rows: [HEADER, ...ROWS] }]);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`);
    const started = performance.now();
    const run = await importWorkbook(packWorkbook(new Map([...parts, ['xl/worksheets/sheet1.xml', sheet]])));
    // catches: the guard gone (read-excel-file takes 83 s over 15 MiB of spaces between two tags)
    refused(run, /xlsx-unreadable the workbook's part "xl\/worksheets\/sheet1.xml" holds a text longer than any cell can/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a million rows: refused by the unpacked size, in seconds', async () => {
    const parts = workbookParts([{ name: 'Form1', rows: [HEADER] }]);
    const many = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(1_000_000);
    const bytes = packWorkbook(new Map([...parts, ['xl/worksheets/sheet1.xml', parts.get('xl/worksheets/sheet1.xml')!.replace('</sheetData>', `${many}</sheetData>`)]]));
    const started = performance.now();
    const run = await importWorkbook(bytes);
    // catches: a million rows parsed into memory before any limit applies
    refused(run, 'file-too-large');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('a formula cell is a finding at its cell: a formula is not an answer', async () => {
    const rows: Cell[][] = [HEADER, [1, when, when, 'a@example.com', 'Ann', { formula: 'IF(A1>0,"Partly, in some teams","")', value: 'Partly, in some teams' }, null, 3]];
    const run = await importWorkbook(workbook({ name: 'Form1', rows }));
    // catches: a formula's cached value taken for the respondent's answer
    refused(run, /responses\.download:2:6 error xlsx-formula Form1!F2: the cell holds a formula \(=IF\(A1>0,"Partly, in some teams",""\)\), not an answer: replace the formulas by their values/);
    expect(run.stderr).toContain('cxm: nothing was written: replace the formulas by their values and run cxm import again');
  });

  it('a sheet that is not a survey: the header is not the questions', async () => {
    const run = await importWorkbook(workbook({ name: 'Budget', rows: [['Item', 'Q1', 'Q2'], ['Travel', 100, 200]] }));
    // catches: a sheet of other data imported as respondents who answered nothing
    refused(run, 'unknown-column');
    expect(run.stderr).toContain('Budget!A1: column "Item" is not a question of model survey-test 1.0.0');
  });

  it('damaged, foreign, encrypted and old workbooks', async () => {
    const good = workbook({ name: 'Form1', rows: [HEADER, ...ROWS] });
    // catches (each): a stack trace from the zip reader or read-excel-file instead of a finding
    refused(await importWorkbook(good.subarray(0, good.length - 30)), /xlsx-unreadable the workbook is damaged/);
    refused(await importWorkbook(good.subarray(0, 2000)), /xlsx-unreadable the workbook is damaged/);
    const foreign = zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }], (d) => deflateRawSync(d));
    refused(await importWorkbook(foreign), /xlsx-unreadable the file is a zip archive but not an Excel workbook/);
    const encrypted = Buffer.from(good);
    // the "encrypted" flag of every central directory entry
    for (let at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) encrypted[at + 8]! |= 1;
    refused(await importWorkbook(encrypted), /xlsx-unreadable the workbook is protected by a password/);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    refused(await importWorkbook(xls), /xlsx-unreadable the file is an Excel 97-2003 workbook/);
    const parts = workbookParts([{ name: 'Form1', rows: [HEADER, ...ROWS] }]);
    const broken = packWorkbook(new Map([...parts, ['xl/workbook.xml', '<workbook><sheets><sheet name="Form1" r:id="rId1"/></sheets']]));
    const run = await importWorkbook(broken);
    expect(run.code, run.stderr).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('--encoding and --delimiter on a workbook are usage errors (exit 2)', async () => {
    const run = await importWorkbook(workbook({ name: 'Form1', rows: [HEADER, ...ROWS] } satisfies SheetSpec), '--delimiter', ';');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is an .xlsx workbook: --encoding and --delimiter are for CSV files');
  });
});
