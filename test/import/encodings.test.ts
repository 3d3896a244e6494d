// cxm import of CSV as spreadsheets write it (SPEC 1.2, "What import reads"): the encoding from the bytes or
// --encoding, never a silent mis-decoding; the delimiter from the header row or --delimiter; an empty
// multiple-choice cell as none ticked; --skip-invalid-cells; findings in text, JSON and GitHub formats
// under the command's own name. In process, on the small test model.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tempDir } from '../temp.js';
import { cxm, type Run } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = join(ROOT, 'test/fixtures/import/model');
const BROKEN = join(ROOT, 'test/fixtures/import/responses/broken-cells.csv');

const HEADER = ['Name', 'Is there a written statement of the experience you want?', 'Which channels does the statement cover?', 'Is the customer journey mapped?'];
const ROWS = [
  ['Zoë', 'Partly, in some teams', 'Phone; Web shop', 'Mapped in parts'],
  ['Ådne', 'Yes, and everyone uses it', '', ''],
  ['Ola', '', '', 'Not mapped'],
];

interface JsonFinding {
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
}

interface Written {
  respondents: { name: string; answers: Record<string, unknown> }[];
}

function delimited(delimiter: string, rows = [HEADER, ...ROWS]): string {
  return rows.map((r) => r.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n') + '\r\n';
}

async function importBytes(bytes: Buffer, ...flags: string[]): Promise<Run & { written?: Written; file: string }> {
  const dir = tempDir('cxm-encodings-');
  const file = join(dir, 'responses.csv');
  writeFileSync(file, bytes);
  const out = join(dir, 'answers.yaml');
  const run = await cxm(dir, 'import', file, '--model', MODEL, '-o', out, ...flags);
  return { ...run, file, ...(existsSync(out) ? { written: parseYaml(readFileSync(out, 'utf8')) as Written } : {}) };
}

function noStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

const EXPECTED = [
  { name: 'Zoë', answers: { 'strategy.statement': 'partly', 'strategy.channels': ['phone', 'web'], 'design.journey': 'part' } },
  // channels left empty beside an answered statement: none ticked; design left wholly empty: unanswered
  { name: 'Ådne', answers: { 'strategy.statement': 'everywhere', 'strategy.channels': [] } },
  // strategy left wholly empty: its multiple choice unanswered too, not "none ticked"
  // (catches: every empty multi cell read as [], which would score an element the person skipped)
  { name: 'Ola', answers: { 'design.journey': 'no' } },
];

describe('encodings', () => {
  it('UTF-8 with and without a BOM, UTF-16LE and UTF-16BE with theirs, all read alike', async () => {
    // catches: a byte-order mark left in the first header, UTF-16 read as UTF-8
    const text = delimited(',');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    ]) {
      const run = await importBytes(bytes);
      expect(run.code, run.stderr).toBe(0);
      expect(run.written!.respondents).toEqual(EXPECTED);
    }
  });

  it('Windows-1252 without --encoding: an error at the line and column, naming --encoding windows-1252; with it, the accents intact', async () => {
    // catches: Windows-1252 bytes decoded as something else without a word, or a message without the flag to pass
    const bytes = Buffer.from(delimited(','), 'latin1');
    const refused = await importBytes(bytes, '-f', 'json');
    expect(refused.code).toBe(1);
    const { findings } = JSON.parse(refused.stdout) as { findings: JsonFinding[] };
    expect(findings).toMatchObject([{ line: 2, column: 3, code: 'file-not-utf8', severity: 'error' }]);
    expect(findings[0]!.message).toContain('pass --encoding windows-1252');
    expect(refused.stderr).toContain('nothing was written');
    const read = await importBytes(bytes, '--encoding', 'windows-1252');
    expect(read.code, read.stderr).toBe(0);
    expect(read.written!.respondents).toEqual(EXPECTED);
  });

  it('never decodes into wrong characters: UTF-8 named windows-1252, a mark that contradicts --encoding, bytes Windows-1252 lacks', async () => {
    // catches: "Zoë" written as "ZoÃ«" because the user named the wrong encoding
    const utf8 = await importBytes(Buffer.from(delimited(',')), '--encoding', 'windows-1252');
    expect(utf8.code).toBe(1);
    expect(utf8.stderr).toMatch(/responses\.csv:2:3 error file-not-utf8 the file is UTF-8 .*leave --encoding out/);
    // catches: the flag trusted over the byte-order mark
    const marked = await importBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delimited(','), 'utf16le')]), '--encoding', 'utf-8');
    expect(marked.code).toBe(1);
    expect(marked.stderr).toContain('byte-order mark of UTF-16LE, but --encoding names UTF-8');
    // catches: bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D read as control characters
    const odd = await importBytes(Buffer.concat([Buffer.from(delimited(','), 'latin1'), Buffer.from('Bo\x81,,,\r\n', 'latin1')]), '--encoding', 'cp1252');
    expect(odd.code).toBe(1);
    expect(odd.stderr).toMatch(/:5:3 error file-not-utf8 byte 0x81 .* no character of Windows-1252/);
    for (const run of [utf8, marked, odd]) noStackTrace(run);
  });

  it('UTF-16 without its mark: says which --encoding to pass, and reads the file with it', async () => {
    // catches: NUL bytes reported as "binary" without the way out
    const bytes = Buffer.from(delimited('\t'), 'utf16le');
    const refused = await importBytes(bytes);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('looks like UTF-16LE without its byte-order mark; pass --encoding utf-16le');
    // and big-endian likewise
    const be = await importBytes(Buffer.from(bytes).swap16());
    expect(be.stderr).toContain('pass --encoding utf-16be');
    const read = await importBytes(bytes, '--encoding', 'utf-16le');
    expect(read.code, read.stderr).toBe(0);
    expect(read.written!.respondents).toEqual(EXPECTED);
  });

  it('an encoding cxm does not read is a usage error (exit 2)', async () => {
    const run = await importBytes(Buffer.from(delimited(',')), '--encoding', 'ebcdic');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--encoding takes utf-8, utf-16le, utf-16be or windows-1252, not "ebcdic"');
  });
});

describe('delimiters', () => {
  it('";" and tab found from the header though the texts hold commas; --delimiter names one', async () => {
    // catches: the delimiter chosen by counting characters (the header's commas outnumber its semicolons)
    for (const delimiter of [';', '\t']) {
      const run = await importBytes(Buffer.from(delimited(delimiter)));
      expect(run.code, run.stderr).toBe(0);
      expect(run.written!.respondents).toEqual(EXPECTED);
    }
    // catches: --delimiter ignored
    const named = await importBytes(Buffer.from(delimited(';')), '--delimiter', ';');
    expect(named.written!.respondents).toEqual(EXPECTED);
    const wrong = await importBytes(Buffer.from(delimited(';')), '--delimiter', 'tab');
    expect(wrong.code).toBe(1);
  });

  it('a header that names no question whichever the delimiter: a finding that says so, with --delimiter', async () => {
    // catches: a file of another kind read as one column of unknown text, with no word of the delimiter
    const run = await importBytes(Buffer.from('Budget|Q1|Q2\r\nTravel|100|200\r\n'), '-f', 'json');
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(findings[0]).toMatchObject({ line: 1, column: 1, code: 'csv-delimiter' });
    expect(findings[0]!.message).toContain('whether the cells are separated by ",", ";" or tabs');
    const usage = await importBytes(Buffer.from(delimited(',')), '--delimiter', '|');
    expect(usage.code).toBe(2);
  });

  it('--sheet on a CSV file is a usage error', async () => {
    const run = await importBytes(Buffer.from(delimited(',')), '--sheet', 'Form1');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--sheet is for workbooks');
  });
});

describe('--skip-invalid-cells', () => {
  it('keeps the rest of each respondent, each cell left unanswered listed as a warning at file:row:column', async () => {
    const dir = tempDir('cxm-skip-cells-');
    const out = join(dir, 'answers.yaml');
    // rows 5 (a duplicate respondent) and 6 (an unknown group) are not cells: they stay errors
    const alone = await cxm(dir, 'import', BROKEN, '--model', MODEL, '--skip-invalid-cells', '-o', out);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/broken-cells\.csv:2:4 warning unknown-option column "Which channels .*": left unanswered: "Web shp"/);
    expect(alone.stderr).toMatch(/broken-cells\.csv:5:1 error duplicate-respondent/);
    const both = await cxm(dir, 'import', BROKEN, '--model', MODEL, '--skip-invalid-cells', '--skip-invalid-rows', '-o', out);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).toContain('5 respondents imported to');
    expect(both.stderr).toContain('2 rows with errors left out (5, 6); 4 cells left unanswered');
    for (const [row, column] of [[2, 4], [3, 5], [4, 6], [7, 4]]) expect(both.stderr).toContain(`broken-cells.csv:${row}:${column} warning`);
    const written = parseYaml(readFileSync(out, 'utf8')) as Written;
    // catches: the whole row dropped for one cell (as --skip-invalid-rows does), or the bad cell read as "none ticked"
    expect(written.respondents.map((r) => [r.name, r.answers])).toEqual([
      ['Ann', { 'strategy.statement': 'partly', 'design.journey': 'part', 'design.days': 7 }],
      ['Bob', { 'strategy.statement': 'everywhere', 'strategy.channels': ['web'], 'design.days': 5 }],
      ['Cho', { 'strategy.statement': 'none', 'strategy.channels': [] }],
      ['Eve', { 'strategy.statement': 'partly', 'design.journey': 'n/a', 'design.days': 'n/a' }],
      ['Fay', { 'strategy.statement': 'everywhere', 'strategy.channels': ['web', 'phone'], 'design.journey': 'whole-reviewed', 'design.days': 9 }],
    ]);
  });
});

describe('findings formats', () => {
  it('-f github names cxm import, not cxm validate', async () => {
    // catches: the summary line of every import annotation run saying "cxm validate"
    const run = await cxm(ROOT, 'import', BROKEN, '--model', MODEL, '-f', 'github', '-o', join(tempDir('cxm-gh-'), 'a.yaml'));
    expect(run.stdout).toMatch(/^cxm import: 1 file checked: 6 errors, 0 warnings$/m);
    expect(run.stdout).not.toContain('cxm validate');
  });

  it('every error says what to do: the advice names --skip-invalid-cells', async () => {
    const run = await cxm(ROOT, 'import', BROKEN, '--model', MODEL);
    expect(run.stderr).toContain('or pass --skip-invalid-cells to leave the cells that cannot be read unanswered, or --skip-invalid-rows');
  });
});
