import { describe, expect, it } from 'vitest';
import { schemaId } from '../../src/load/schema/validators.js';
import { compareChecked, comparisonSchema, validateComparison } from './checked.js';
import { makeReport } from './report-factory.js';

// a comparison with every optional field present: organization, dates, drivers, added/removed questions
const comparison = compareChecked([
  makeReport({ period: '2026-Q1', date: '2026-02-01', organization: 'Acme', elements: { strategy: { a: 10, b: 90 } } }),
  makeReport({ period: '2026-Q2', date: '2026-05-01', organization: 'Acme', elements: { strategy: { a: 60, c: 20 } } }),
  makeReport({ period: '2026-Q3', date: '2026-08-01', organization: 'Acme', elements: { strategy: { a: 80, c: null } } }),
]);

type Obj = Record<string, unknown>;

function json(): Obj {
  return JSON.parse(JSON.stringify(comparison)) as Obj;
}

const period0 = (c: Obj): Obj => (c['periods'] as Obj[])[0]!;
const change0 = (c: Obj): Obj => (c['changes'] as Obj[])[0]!;
const elementChange0 = (c: Obj): Obj => (change0(c)['elements'] as Obj[])[0]!;
const driver0 = (c: Obj): Obj => (elementChange0(c)['drivers'] as Obj[])[0]!;

describe('comparison.schema.json', () => {
  it('is the schema the loader registers as kind comparison', () => {
    expect((comparisonSchema as { $id: string }).$id).toBe(schemaId('comparison'));
  });

  it('accepts what compareReports produces, with every optional field present', () => {
    const c = json();
    expect(c['organization']).toBe('Acme');
    expect(period0(c)['date']).toBe('2026-02-01');
    expect(driver0(c)).toBeDefined();
    expect(validateComparison(c)).toBe(true);
  });

  // the build compiles it strictly alongside the other schemas (npm run build, which npm test runs first, fails on
  // a schema ajv rejects), and test/load/validators.test.ts holds that code to a compile at run time

  const mutations: [string, (c: Obj) => void][] = [
    ['an unknown top-level property', (c) => (c['extra'] = 1)],
    ['another schemaVersion', (c) => (c['schemaVersion'] = 2)],
    ['no warnings', (c) => delete c['warnings']],
    ['an unknown property in a period', (c) => (period0(c)['extra'] = 1)],
    ['a period without label', (c) => delete period0(c)['label']],
    ['a score above 100', (c) => ((period0(c)['overall'] as Obj)['score'] = 100.5)],
    ['one period only', (c) => (c['periods'] as Obj[]).splice(1)],
    ['an unknown change kind', (c) => (change0(c)['kind'] = 'sideways')],
    ['a change without overall', (c) => delete change0(c)['overall']],
    ['a bad direction', (c) => (elementChange0(c)['direction'] = 'sideways')],
    ['an element change without questionsAdded', (c) => delete elementChange0(c)['questionsAdded']],
    ['a driver with an unknown property', (c) => (driver0(c)['extra'] = 1)],
    ['a null driver delta', (c) => (driver0(c)['delta'] = null)],
    ['more than 5 drivers', (c) => (elementChange0(c)['drivers'] = Array.from({ length: 6 }, () => driver0(c)))],
    ['a warning without code', (c) => (c['warnings'] = [{ message: 'x' }])],
  ];
  it.each(mutations)('rejects %s', (_name, mutate) => {
    const c = json();
    mutate(c);
    expect(validateComparison(c)).toBe(false);
  });
});
