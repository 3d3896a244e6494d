// Fuzzing the CSV import (fast-check, fixed seed): survey exports mutated with the characters that matter
// to CSV and to matching never throw, and every finding points at a row and column that exist.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/import/read-csv.js';
import { importResponses, type ImportOptions } from '../../src/import/responses.js';
import { loadModel } from '../../src/load/model.js';
import type { Model } from '../../src/domain/types.js';
import { runs } from '../fuzz-runs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESPONSES = join(ROOT, 'test/fixtures/import/responses');
const SHAPES = ['google-forms', 'microsoft-forms', 'surveymonkey', 'typeform', 'broken-cells', 'unknown-column'].map((s) =>
  readFileSync(join(RESPONSES, `${s}.csv`), 'utf8'),
);
const OPTIONS: ImportOptions = {
  file: 'r.csv',
  names: { person: new Map(), ignored: new Set() },
  namesFromEmail: false,
  generatedName: (row) => `respondent-${row}`,
};

let model: Model;
beforeAll(async () => {
  model = (await loadModel(join(ROOT, 'test/fixtures/import/model'))).model!;
});

const PIECES = ['"', ',', ';', '\n', '\r\n', '\r', '\t', "'", '=', '-', '@', ' ', 'N/A', 'Phone', 'Stores, kiosks', '11', '\uFEFF', 'é', '[strategy.days]', ''];

/** A fixture with some pieces inserted, removed or replaced at random places. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SHAPES),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 8 }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, cut, piece] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + piece + out.slice(i + cut);
    }
    return out;
  });

describe('CSV import fuzz', () => {
  it('never throws, and every finding is at a row and a column that exist', () => {
    // catches: a finding at a record index (0-based) instead of a spreadsheet row, or a column past the row's cells
    fc.assert(
      fc.property(mutated, (text) => {
        const read = readCsv('r.csv', text);
        if ('finding' in read) {
          expect(read.finding.code).toBe('csv-syntax');
          expect(read.finding.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const result = importResponses(read.records, model, OPTIONS);
        const width = Math.max(...read.records.map((r) => r.cells.length));
        for (const f of [...result.headerFindings, ...result.rowFindings]) {
          expect(f.line >= 1 && f.line <= read.records.length, `${f.line}:${f.column} ${f.code}`).toBe(true);
          expect(f.column >= 1 && f.column <= Math.max(1, width), `${f.line}:${f.column} ${f.code}`).toBe(true);
          expect(f.message).not.toBe('');
        }
        // a finding about a data row points at the cell it is about, which holds something
        for (const f of result.rowFindings) {
          expect(read.records[f.line - 1]!.cells[f.column - 1]?.trim(), `${f.line}:${f.column} ${f.code}`).toBeTruthy();
        }
        // a row is either imported or listed as invalid
        const rowsWithErrors = new Set(result.rowFindings.filter((f) => f.severity === 'error').map((f) => f.line));
        expect(result.invalidRows).toEqual([...rowsWithErrors].sort((a, b) => a - b));
        expect(result.respondents.length + result.invalidRows.length).toBe(result.rows);
      }),
      { seed: 18, numRuns: runs(400) },
    );
  });

  it('reads any text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...PIECES) }), (text) => {
        const read = readCsv('r.csv', text);
        if ('records' in read) importResponses(read.records, model, OPTIONS);
      }),
      { seed: 18, numRuns: runs(400) },
    );
  });
});
