// One cell → one answer: options by id or label, multiple choices split against the known labels,
// scales, n/a; and the CSV cell neutralisation that keeps formulas out of spreadsheets.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuTime } from '../deadlines.js';
import { readCell } from '../../src/import/cells.js';
import { csvField, neutralizeCell, restoreCell } from '../../src/text/csv-cell.js';
import { chooseDelimiter, readCsv } from '../../src/import/read-csv.js';
import { oversizeNote, parseFileSize } from '../../src/cli/file-size.js';
import { suggestedLimit } from '../../src/text/file-size.js';
import type { Question } from '../../src/domain/types.js';
import { runs } from '../fuzz-runs.js';

const base = { element: 'x', weight: 1, replaces: [] as string[], notApplicable: false } as const;
const channels: Question = {
  ...base,
  id: 'x.channels',
  type: 'multi',
  text: 'Which channels?',
  options: [
    { id: 'contact', label: 'Phone, e-mail and chat', score: 1 },
    { id: 'phone', label: 'Phone', score: 1 },
    { id: 'web', label: 'Web shop', score: 1 },
    { id: 'stores', label: 'Stores', score: 1 },
    { id: 'kiosks', label: 'kiosks', score: 1 },
    { id: 'stores-kiosks', label: 'Stores, kiosks', score: 1 },
  ],
};
const journey: Question = {
  ...base,
  id: 'x.journey',
  type: 'choice',
  notApplicable: true,
  text: 'Mapped?',
  options: [
    { id: 'no', label: 'Not mapped', score: 0 },
    { id: 'whole', label: 'Mapped end to end', score: 1 },
    { id: 'whole-reviewed', label: 'Mapped end-to-end!', score: 2 },
  ],
};
const days: Question = { ...base, id: 'x.days', type: 'scale', text: 'Days?', min: 0, max: 10, labels: new Map([[0, 'never'], [10, 'every day']]) };

describe('readCell', () => {
  it('reads a choice by label, whatever the case, spacing and punctuation, or by id', () => {
    expect(readCell(journey, '  not   MAPPED. ')).toEqual({ kind: 'answer', value: 'no' });
    expect(readCell(journey, 'whole-reviewed')).toEqual({ kind: 'answer', value: 'whole-reviewed' });
  });

  it('reports a label that matches two options instead of choosing one', () => {
    // catches: taking the first match (byKey[0]) when a label names two options
    expect(readCell(journey, 'mapped end to end')).toMatchObject({ kind: 'problem', problems: [{ code: 'ambiguous-label' }] });
  });

  it('reads "N/A" and "Not applicable" as n/a where the question allows it, and refuses them where not', () => {
    expect(readCell(journey, 'N/A')).toEqual({ kind: 'answer', value: 'n/a' });
    expect(readCell(journey, 'Not applicable')).toEqual({ kind: 'answer', value: 'n/a' });
    expect(readCell(channels, 'N/A')).toMatchObject({ kind: 'problem', problems: [{ code: 'not-applicable-not-allowed' }] });
  });

  it('splits multiple choices joined with ", " (Google Forms) or "A;B;" (Microsoft Forms), labels with commas included', () => {
    expect(readCell(channels, 'Phone, e-mail and chat, Web shop')).toEqual({ kind: 'answer', value: ['contact', 'web'] });
    expect(readCell(channels, 'Phone, e-mail and chat;Web shop;')).toEqual({ kind: 'answer', value: ['contact', 'web'] });
    expect(readCell(channels, 'Phone, e-mail and chat')).toEqual({ kind: 'answer', value: ['contact'] });
    expect(readCell(channels, 'web;phone')).toEqual({ kind: 'answer', value: ['web', 'phone'] });
  });

  it('says so when a multiple choice can be split two ways, with both readings', () => {
    // catches: a split that keeps the first reading found (ways capped at 1)
    const result = readCell(channels, 'Web shop, Stores, kiosks');
    expect(result).toMatchObject({ kind: 'problem', problems: [{ code: 'ambiguous-label' }] });
    const message = (result as { problems: readonly { message: string }[] }).problems[0]!.message;
    expect(message).toContain('web;stores;kiosks');
    expect(message).toContain('web;stores-kiosks');
  });

  it('names each piece of a multiple choice that is no option, with a guess', () => {
    const result = readCell(channels, 'Web shp, Phone, Fax');
    expect(result).toMatchObject({ kind: 'problem' });
    const problems = (result as { problems: readonly { code: string; message: string }[] }).problems;
    expect(problems.map((p) => p.code)).toEqual(['unknown-option', 'unknown-option']);
    expect(problems[0]!.message).toContain('did you mean "Web shop"');
    expect(problems[1]!.message).toContain('"Fax"');
  });

  it('refuses an option chosen twice', () => {
    expect(readCell(channels, 'web;Web shop')).toMatchObject({ kind: 'problem', problems: [{ code: 'duplicate-answer' }] });
  });

  it('reads scales as whole numbers or by their labels, and refuses what is out of range or not a point', () => {
    expect(readCell(days, '7')).toEqual({ kind: 'answer', value: 7 });
    expect(readCell(days, 'Every day')).toEqual({ kind: 'answer', value: 10 });
    expect(readCell(days, '0 - never')).toEqual({ kind: 'answer', value: 0 });
    // catches: a range check with < max + 1 or without one
    expect(readCell(days, '11')).toMatchObject({ kind: 'problem', problems: [{ code: 'answer-out-of-range' }] });
    expect(readCell(days, '-1')).toMatchObject({ kind: 'problem', problems: [{ code: 'answer-out-of-range' }] });
    expect(readCell(days, '7.5')).toMatchObject({ kind: 'problem', problems: [{ code: 'answer-wrong-type' }] });
  });

  it('reads an empty cell as unanswered', () => {
    expect(readCell(days, '  ')).toEqual({ kind: 'empty' });
    expect(readCell(channels, '')).toEqual({ kind: 'empty' });
  });

  it('splits a cell of thousands of separators in linear time', async () => {
    const cell = Array.from({ length: 20_000 }, () => 'Phone').join(', ');
    // CPU time, not the wall clock, which a busy machine stretches (test/deadlines.ts)
    const { cpuMs } = await cpuTime(() => readCell(channels, cell));
    expect(cpuMs).toBeLessThan(2_000);
  });
});

describe('CSV cells and formulas', () => {
  it('neutralises every cell a spreadsheet would run as a formula, as OWASP recommends', () => {
    for (const text of ['=HYPERLINK("http://evil","click")', '+1', '-2+3', '@SUM(1)', '\tx', '\rx']) {
      expect(neutralizeCell(text)).toBe(`'${text}`);
    }
    expect(neutralizeCell('plain')).toBe('plain');
    // an apostrophe before a formula character gains one more, so that reading back is exact
    expect(neutralizeCell("'=x")).toBe("''=x");
  });

  it('reads back every text as it was (fuzzed)', () => {
    // catches: restoreCell stripping a typed apostrophe that neutralizeCell did not add
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', ',') }), (text) => {
        expect(restoreCell(neutralizeCell(text))).toBe(text);
        expect(neutralizeCell(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { seed: 18, numRuns: runs(500) },
    );
  });

  it('writes a field that csv-parse reads back as the neutralised text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', ',', ';', '\n', '\r', '=', 'a', "'") }), (text) => {
        const read = readCsv('x.csv', `${csvField(text)},end\r\n`);
        expect('records' in read && restoreCell(read.records[0]!.cells[0]!)).toBe(text);
      }),
      { seed: 18, numRuns: runs(500) },
    );
  });
});

describe('readCsv', () => {
  it('chooses the delimiter whose header cells are known, not the most frequent character', () => {
    // catches: the delimiter guessed by counting characters (the texts hold more commas than the file has semicolons)
    const known = new Set(['ID', 'Start time', 'Yes, and more, and more']);
    const recognised = (cells: readonly string[]): number => cells.filter((c) => known.has(c)).length;
    expect(chooseDelimiter('ID;Start time;Yes, and more, and more\r\n1;2;3', recognised)).toEqual({ delimiter: ';', recognised: 3 });
    expect(chooseDelimiter('ID\tStart time\tYes, and more, and more\r\n', recognised)).toEqual({ delimiter: '\t', recognised: 3 });
    expect(chooseDelimiter('ID,Start time,"Yes, and more, and more"\r\n', recognised)).toEqual({ delimiter: ',', recognised: 3 });
    // nothing known whatever the delimiter: the caller says so
    expect(chooseDelimiter('a;b,c', recognised).recognised).toBe(0);
  });

  it('turns a quote that is never closed into a finding at the row where the record starts', () => {
    const read = readCsv('r.csv', 'Name,Q\nAnn,1\nBob,"unclosed\n');
    expect(read).toMatchObject({ finding: { file: 'r.csv', line: 3, code: 'csv-syntax' } });
  });
});

describe('--max-file-size', () => {
  it('reads sizes as people write them, and refuses what is not one', () => {
    expect(parseFileSize(undefined)).toBe(16 * 1024 * 1024);
    expect(parseFileSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseFileSize('100MB')).toBe(100_000_000);
    expect(parseFileSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseFileSize('2048')).toBe(2048);
    expect(() => parseFileSize('lots')).toThrow(/64MiB/);
    expect(() => parseFileSize('0')).toThrow();
  });

  it('tells the user when what cxm wrote is over the default limit, with a limit that reads it', () => {
    // catches: a note that is never given (bytes compared with the wrong limit) or a limit too small to read the file
    expect(oversizeNote('a.yaml', 16 * 1024 * 1024)).toBeUndefined();
    const note = oversizeNote('a.yaml', 70 * 1024 * 1024)!;
    expect(note).toContain('a.yaml takes 70 MiB');
    expect(note).toContain('--max-file-size 128MiB');
    expect(parseFileSize(suggestedLimit(70 * 1024 * 1024))).toBeGreaterThanOrEqual(70 * 1024 * 1024);
  });
});
