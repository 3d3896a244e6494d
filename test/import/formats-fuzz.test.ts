// Fuzzing what cxm import reads before the cells (fast-check, fixed seed): the encoding found from the bytes,
// the delimiter found from the header, and the .xlsx reader's entry (the zip unpacked under a budget, then
// read-excel-file). Any bytes give text or one finding, never a throw; text that was written in any encoding
// cxm reads comes back exactly; mutated workbooks give a workbook or a finding.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchHeader, questionLookup } from '../../src/import/columns.js';
import { decodeResponses } from '../../src/import/decode.js';
import { chooseDelimiter, readCsv } from '../../src/import/read-csv.js';
import { readWorkbook } from '../../src/import/read-xlsx.js';
import { unzip } from '../../src/import/zip.js';
import { loadModel } from '../../src/load/model.js';
import type { Model } from '../../src/domain/types.js';
import { runs } from '../fuzz-runs.js';
import { packWorkbook, workbook, workbookParts, type Cell } from './workbook.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHAPES = ['google-forms', 'microsoft-forms', 'surveymonkey', 'typeform'].map((s) => readFileSync(join(ROOT, `test/fixtures/import/responses/${s}.csv`), 'utf8'));

let model: Model;
let recognised: (cells: readonly string[]) => number;
beforeAll(async () => {
  model = (await loadModel(join(ROOT, 'test/fixtures/import/model'))).model!;
  const lookup = questionLookup(model.elements.flatMap((e) => e.questions.map((question) => ({ question, ids: [question.id] }))));
  const names = { person: new Map(), ignored: new Set<string>() };
  recognised = (cells) => cells.filter((c) => c.trim() !== '' && matchHeader(c, lookup, names).kind !== 'unknown').length;
});

/** Text without NUL (a NUL makes any file binary): letters of every script, and what matters to CSV. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', 'Ø', '€', '’', '"', ',', ';', '\t', '\r\n', '日', '😀'), fc.integer({ min: 1, max: 0x10ffff }).filter((c) => (c < 0xd800 || c > 0xdfff) && c !== 0xfeff).map((c) => String.fromCodePoint(c))) });

describe('encoding fuzz', () => {
  it('any bytes: text or one finding at a line and column, never a throw', () => {
    // catches: a decoder exception escaping (a stack trace), a finding at line 0
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(undefined, 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' as const), (bytes, named) => {
        const read = decodeResponses('r.csv', bytes, named);
        if ('finding' in read) {
          expect(read.finding.code).toBe('file-not-utf8');
          expect(read.finding.line).toBeGreaterThanOrEqual(1);
          expect(read.finding.column).toBeGreaterThanOrEqual(1);
        } else {
          expect(read.text).not.toContain('\u0000');
        }
      }),
      { seed: 29, numRuns: runs(1000) },
    );
  });

  it('text written as UTF-8 (with or without a BOM) or UTF-16 with its BOM comes back exactly, without --encoding', () => {
    // catches: a BOM kept in the text, UTF-16BE read little-endian, a lone surrogate pair split
    fc.assert(
      fc.property(text, (written) => {
        const le = Buffer.from(written, 'utf16le');
        const forms = [
          Buffer.from(written, 'utf8'),
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(written, 'utf8')]),
          Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
          Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
        ];
        for (const bytes of forms) {
          const read = decodeResponses('r.csv', bytes);
          // ASCII-only UTF-8 text beginning with zero-free bytes is never taken for UTF-16
          expect(read).toEqual({ text: written, encoding: bytes[0] === 0xff ? 'utf-16le' : bytes[0] === 0xfe ? 'utf-16be' : 'utf-8' });
        }
      }),
      { seed: 29, numRuns: runs(500) },
    );
  });

  it('Windows-1252 text with --encoding windows-1252 comes back exactly, or is refused: never other characters', () => {
    const decoder = new TextDecoder('windows-1252');
    // catches: a mis-decoding passed silently (bytes that are also UTF-8 read as Windows-1252)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }).map((b) => b.filter((x) => x !== 0)), (bytes) => {
        const read = decodeResponses('r.csv', bytes, 'windows-1252');
        if ('text' in read) expect(read.text).toBe(decoder.decode(bytes));
        else expect(read.finding.message).toMatch(/leave --encoding out/);
      }),
      { seed: 29, numRuns: runs(1000) },
    );
  });
});

describe('delimiter fuzz', () => {
  it('the same export with ",", ";" or tab: the delimiter is found and the records are the same', () => {
    // catches: a delimiter chosen by counting characters (labels and texts hold commas and semicolons)
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), (csv) => {
        const read = readCsv('r.csv', csv, ',');
        if (!('records' in read)) return;
        const records = read.records.map((r) => r.cells);
        for (const delimiter of [';', '\t'] as const) {
          const rewritten = records.map((cells) => cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n');
          const found = chooseDelimiter(rewritten, recognised);
          expect(found.delimiter).toBe(delimiter);
          const again = readCsv('r.csv', rewritten, found.delimiter);
          expect('records' in again && again.records.map((r) => r.cells)).toEqual(records);
        }
      }),
      { seed: 29, numRuns: runs(40) },
    );
  });

  it('any text: a delimiter and a count, never a throw', () => {
    fc.assert(
      fc.property(text, (written) => {
        const found = chooseDelimiter(written, recognised);
        expect([',', ';', '\t']).toContain(found.delimiter);
        expect(found.recognised).toBeGreaterThanOrEqual(0);
      }),
      { seed: 29, numRuns: runs(500) },
    );
  });
});

describe('workbook reader fuzz', () => {
  const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 20 }), fc.constant(null)) as fc.Arbitrary<Cell>;
  const sheet = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 });

  it('a workbook of any cells reads back as their text, row for row', async () => {
    // catches: cells shifted (a blank cell dropped), numbers or text changed on the way
    await fc.assert(
      fc.asyncProperty(sheet, async (rows) => {
        const read = await readWorkbook('r.xlsx', workbook({ name: 'Form1', rows }), undefined, 1024 * 1024);
        expect('workbook' in read, JSON.stringify(read)).toBe(true);
        if (!('workbook' in read)) return;
        const shown = (c: Cell): string => (c === null ? '' : typeof c === 'number' ? String(c) : (c as string).trim());
        const expected = rows.map((r) => r.map(shown));
        const got = read.workbook.records.map((r) => r.cells.map((c) => c.trim()));
        // trailing blank rows and columns are not kept by read-excel-file: compare what holds something
        for (let r = 0; r < expected.length; r++) for (let c = 0; c < expected[r]!.length; c++) if (expected[r]![c] !== '') expect(got[r]?.[c]).toBe(expected[r]![c]);
      }),
      { seed: 29, numRuns: runs(100) },
    );
  });

  it('mutated workbook bytes: a workbook or a finding, never a throw', async () => {
    const good = workbook({ name: 'Form1', rows: [['Name', 'Is the customer journey mapped?'], ['Ann', 'Mapped in parts']] });
    // catches: an exception of the zip reader or of read-excel-file escaping as a stack trace
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), fc.nat({ max: good.length }), async (edits, cut) => {
        const bytes = Buffer.from(good.subarray(0, Math.max(4, cut)));
        for (const [at, value] of edits) if (at >= 4 && at < bytes.length) bytes[at] = value;
        const read = await readWorkbook('r.xlsx', bytes, undefined, 1024 * 1024);
        if ('finding' in read) {
          expect(read.finding.line).toBe(1);
          expect(read.finding.message).not.toBe('');
        }
      }),
      { seed: 29, numRuns: runs(300) },
    );
  });

  it('mutated workbook XML: a workbook or a finding, never a throw', async () => {
    const parts = workbookParts([{ name: 'Form1', rows: [['Name', 'Is the customer journey mapped?'], ['Ann', 'Mapped in parts'], ['Bo', 3]] }]);
    const names = [...parts.keys()];
    // catches: an error of read-excel-file (damaged XML, cells out of order, a missing part) escaping as a stack trace
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('<', '>', '"', '&', '<c r="A1">', '</row>', '<f>1</f>', 'r="ZZZ0"', 't="s"', '<v>99</v>', '')), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          const changed = new Map(parts);
          for (const [name, at, cut, piece] of edits) {
            const xml = changed.get(name)!;
            const i = at % (xml.length + 1);
            changed.set(name, xml.slice(0, i) + piece + xml.slice(i + cut));
          }
          const read = await readWorkbook('r.xlsx', packWorkbook(changed), undefined, 1024 * 1024);
          if ('finding' in read) expect(read.finding.message).not.toBe('');
        },
      ),
      { seed: 29, numRuns: runs(300) },
    );
  });

  it('unzip never hands out more than its budget', () => {
    const good = workbook({ name: 'Form1', rows: [['Name'], ['Ann']] });
    // catches: the budget checked against the declared sizes instead of the inflated bytes
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (budget) => {
        try {
          const entries = unzip(good, () => true, budget);
          expect(entries.reduce((n, e) => n + e.data.length, 0)).toBeLessThanOrEqual(budget);
        } catch (error) {
          expect((error as Error).message).toMatch(/limit/);
        }
      }),
      { seed: 29, numRuns: runs(200) },
    );
  });
});
