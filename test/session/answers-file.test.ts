// serializeAnswers round trips: what the session writes, the project's own loader reads back as the
// same data, whatever a respondent typed (quotes, `: `, `#`, newlines, YAML keywords, numbers as text,
// __proto__), and the file passes the answers schema and checks against a model.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyString } from '../any-string.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { parse as parseYamlLib } from 'yaml';
import { answersData, answersYaml, misreadByYaml11, serializeAnswers, writtenDirectly } from '../../src/answers-file/write.js';
import type { AnswersDraft, DraftRespondent } from '../../src/answers-file/draft.js';
import { loadAnswerSet } from '../../src/load/answers.js';
import { parseYaml } from '../../src/load/yaml/full-parse.js';
import { NOT_APPLICABLE, type AnswerValue } from '../../src/domain/types.js';
import { choice, element, model, multi, scale } from '../score/factories.js';
import { runs } from '../fuzz-runs.js';

const HOSTILE = [
  'Acme "Ltd"',
  "O'Brien & Sons",
  'key: value',
  'a: b: c',
  '# not a comment',
  'text # and a comment',
  'line one\nline two',
  'trailing newline\n',
  '\n',
  '  leading and trailing  ',
  '',
  '__proto__',
  'constructor',
  'n/a',
  '1.0',
  '2026',
  '0x1F',
  '1e3',
  '.inf',
  '-.nan',
  'no',
  'yes',
  'true',
  'False',
  'null',
  '~',
  '- item',
  '[a, b]',
  '{a: b}',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`backtick`',
  '|',
  '>',
  '---',
  '...',
  '? key',
  'tab\there',
  'bell\u0007 and escape \u001b[31m',
  'nul \u0000 byte',
  'bidi \u202e override',
  'café, 東京, emoji 🎉',
  'x'.repeat(1500),
];

/** The plain data a draft stands for; keys become own properties even when they are __proto__. */
function plain(draft: AnswersDraft): unknown {
  const obj = (entries: Iterable<readonly [string, unknown]>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  };
  return obj([
    ['kind', 'answers'],
    ['model', obj([['id', draft.model.id], ['version', draft.model.version]])],
    ...(draft.organization !== undefined ? [['organization', draft.organization] as const] : []),
    ...(draft.period !== undefined ? [['period', draft.period] as const] : []),
    ...(draft.date !== undefined ? [['date', draft.date] as const] : []),
    [
      'respondents',
      draft.respondents.map((r) =>
        obj([
          ['name', r.name],
          ...(r.role !== undefined ? [['role', r.role] as const] : []),
          ['answers', obj([...r.answers].map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])] : v] as const))],
          ...(r.notes.size > 0 ? [['notes', obj(r.notes)] as const] : []),
        ]),
      ),
    ],
  ]);
}

/** Deep entries, so that a __proto__ key is compared as data, not as a prototype. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, canonical(v)]);
  return value;
}

function parsedBack(draft: AnswersDraft): unknown {
  const text = serializeAnswers(draft);
  const { data, findings } = parseYaml(text, { file: 'answers.yaml' });
  expect(findings, text).toEqual([]);
  return data;
}

function respondent(name: string, answers: [string, AnswerValue][], notes: [string, string][] = [], role?: string): DraftRespondent {
  return { name, ...(role !== undefined ? { role } : {}), answers: new Map(answers), notes: new Map(notes) };
}

describe('serializeAnswers → parseYaml', () => {
  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s survives as every kind of string in the file', (_, s) => {
    const draft: AnswersDraft = {
      model: { id: 'cx-maturity', version: s || '1.0.0' },
      organization: s,
      period: s,
      date: s,
      respondents: [
        respondent(s, [
          [s, s],
          [`q.${s}`, [s, s, 'plain']],
          ['q.scale', 7],
        ], [[s, s]], s),
      ],
    };
    expect(canonical(parsedBack(draft))).toEqual(canonical(plain(draft)));
  });

  it('keeps __proto__ as an ordinary key: a respondent name, a question id, a note id', () => {
    const draft: AnswersDraft = {
      model: { id: 'cx-maturity', version: '1.0.0' },
      respondents: [respondent('__proto__', [['__proto__', 'n/a'], ['constructor', ['__proto__']]], [['__proto__', '{"polluted": true}']])],
    };
    const data = parsedBack(draft) as { respondents: { name: string; answers: Record<string, unknown>; notes: Record<string, unknown> }[] };
    const [r] = data.respondents;
    expect(r!.name).toBe('__proto__');
    expect(Object.getOwnPropertyNames(r!.answers)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(r!.answers, '__proto__')!.value).toBe('n/a');
    expect(Object.getPrototypeOf(r!.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps numbers numbers and numeric-looking strings strings', () => {
    const draft: AnswersDraft = {
      model: { id: 'cx-maturity', version: '1.0' },
      period: '2026',
      respondents: [respondent('1', [['q.a', 0], ['q.b', 10], ['q.c', '10'], ['q.d', '1.0'], ['q.e', ['1', '2']], ['q.f', -3]])],
    };
    const data = parsedBack(draft) as { model: { version: unknown }; period: unknown; respondents: { name: unknown; answers: Record<string, unknown> }[] };
    expect(data.model.version).toBe('1.0');
    expect(data.period).toBe('2026');
    expect(data.respondents[0]!.name).toBe('1');
    expect(data.respondents[0]!.answers).toEqual({ 'q.a': 0, 'q.b': 10, 'q.c': '10', 'q.d': '1.0', 'q.e': ['1', '2'], 'q.f': -3 });
  });

  it('writes what a person can read: the model on one line, lists of option ids on one line', () => {
    const text = serializeAnswers({
      model: { id: 'cx-maturity', version: '1.0.0' },
      organization: 'Acme Ltd',
      period: '2026-Q4',
      date: '2026-11-22',
      respondents: [respondent('Alice', [['strategy.statement', 'most'], ['measurement.kpis', ['nps', 'complaints']], ['culture.consistency', 7], ['design.return-journey', 'n/a'], ['x.none', []]], [['measurement.kpis', 'NPS only for the web shop']], 'Head of Service')],
    });
    expect(text).toBe(
      [
        'kind: answers',
        'model: {id: cx-maturity, version: 1.0.0}',
        'organization: Acme Ltd',
        'period: 2026-Q4',
        // a YAML 1.1 reader would read a bare 2026-11-22 as a timestamp
        'date: "2026-11-22"',
        'respondents:',
        '  - name: Alice',
        '    role: Head of Service',
        '    answers:',
        '      strategy.statement: most',
        '      measurement.kpis: [nps, complaints]',
        '      culture.consistency: 7',
        '      design.return-journey: n/a',
        '      x.none: []',
        '    notes:',
        '      measurement.kpis: NPS only for the web shop',
        '',
      ].join('\n'),
    );
  });

  it('round-trips any strings and answers (property)', () => {
    const str = fc.oneof(anyString({ maxLength: 30 }), fc.constantFrom(...HOSTILE));
    const value: fc.Arbitrary<AnswerValue> = fc.oneof(str, fc.array(str, { maxLength: 4 }), fc.integer({ min: -1000, max: 1000 }));
    const draftArb = fc.record(
      {
        organization: str,
        period: str,
        date: str,
        respondents: fc.array(
          fc.record(
            {
              name: str,
              role: str,
              answers: fc.array(fc.tuple(str, value), { maxLength: 5 }),
              notes: fc.array(fc.tuple(str, str), { maxLength: 3 }),
            },
            { requiredKeys: ['name', 'answers', 'notes'] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['respondents'] },
    );
    fc.assert(
      fc.property(draftArb, (d) => {
        const draft: AnswersDraft = {
          model: { id: 'cx-maturity', version: '1.0.0' },
          ...d,
          respondents: d.respondents.map((r) => respondent(r.name, r.answers, r.notes, r.role)),
        };
        expect(canonical(parsedBack(draft))).toEqual(canonical(plain(draft)));
      }),
      { numRuns: runs(300) },
    );
  });
});

// The interview writes the file line by line (writtenDirectly) rather than through a yaml Document at every
// save; the Document (answersYaml) stays the reference. Mutation caught: any scalar, key or list written otherwise
// than yaml writes it (a padded flow list, "1.0.0" quoted, "no" bare, a key yaml makes explicit with "? ").
describe('the file written line by line is the yaml Document, byte for byte', () => {
  const str = fc.oneof(anyString({ maxLength: 30 }), fc.constantFrom(...HOSTILE), fc.stringMatching(/^[a-z][a-z0-9 ./()-]{0,20}$/));
  const value: fc.Arbitrary<AnswerValue> = fc.oneof(str, fc.array(str, { maxLength: 4 }), fc.integer({ min: -1000, max: 1000 }));
  const draftArb: fc.Arbitrary<AnswersDraft> = fc
    .record(
      {
        model: fc.record({ id: str, version: str }),
        organization: str,
        period: str,
        date: str,
        anonymous: fc.constant(true),
        source: fc.record({ file: str, sha256: str }),
        respondents: fc.array(
          fc.record({ name: str, role: str, group: str, answers: fc.array(fc.tuple(str, value), { maxLength: 5 }), notes: fc.array(fc.tuple(str, str), { maxLength: 3 }) }, { requiredKeys: ['name', 'answers', 'notes'] }),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['model', 'respondents'] },
    )
    .map((d) => ({ ...d, respondents: d.respondents.map((r) => ({ ...respondent(r.name, r.answers, r.notes, r.role), ...(r.group !== undefined ? { group: r.group } : {}) })) }));

  // about 7 drafts in 10 are written line by line; the rest have a text on several lines, or a number as a key
  it('for any draft', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        expect(serializeAnswers(draft)).toBe(answersYaml(answersData(draft)));
      }),
      { numRuns: runs(400) },
    );
  });

  // mutation caught: a line-by-line writer that gives up on everyday text (every save back through the Document)
  it('and writes every file of everyday text line by line', async () => {
    const { readFileSync } = await import('node:fs');
    for (const example of ['examples/quarters/2026-Q2.yaml', 'examples/quarters/2026-Q3.yaml', 'examples/quarters/2026-Q4.yaml']) {
      const set = parseYamlLib(readFileSync(new URL(`../../${example}`, import.meta.url), 'utf8')) as {
        model: { id: string; version: string };
        organization: string;
        period: string;
        respondents: { name: string; role?: string; group?: string; answers: Record<string, AnswerValue>; notes?: Record<string, string> }[];
      };
      const draft: AnswersDraft = {
        model: set.model,
        organization: set.organization,
        period: set.period,
        respondents: set.respondents.map((r) => ({ ...respondent(r.name, Object.entries(r.answers), Object.entries(r.notes ?? {}), r.role), ...(r.group ? { group: r.group } : {}) })),
      };
      const written = writtenDirectly(draft);
      expect(written, example).toBeDefined();
      expect(written).toBe(answersYaml(answersData(draft)));
    }
  });
});

describe('serializeAnswers → loadAnswerSet (schema and model checks)', () => {
  // option ids that YAML would read as booleans, null or numbers if written bare
  const m = model([
    element('strategy', [
      choice('strategy.words', { options: [['no', 0], ['yes', 1], ['true', 2], ['null', 3]] }),
      choice('strategy.numbers', { options: [['1', 0], ['0x10', 1], ['1e3', 2], ['0o7', 3]] }),
      multi('strategy.where', { options: [['no', 1], ['off', 1], ['y', 1], ['on', 2]] }),
      scale('strategy.days', { min: 0, max: 10, notApplicable: true }),
    ]),
  ]);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxm-answers-file-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function roundTrip(draft: AnswersDraft, name: string) {
    const file = join(dir, `${name}.yaml`);
    await writeFile(file, serializeAnswers(draft));
    return loadAnswerSet([file], m);
  }

  const people = HOSTILE.filter((s) => s !== '');

  it('reads back names, roles, notes, organization and period with hostile text, and option ids YAML would misread', async () => {
    const answersFor = (i: number): [string, AnswerValue][] => [
      ['strategy.words', ['no', 'yes', 'true', 'null'][i % 4]!],
      ['strategy.numbers', ['1', '0x10', '1e3', '0o7'][i % 4]!],
      ['strategy.where', [['no', 'off'], ['y', 'on'], [], ['on']][i % 4]!],
      ['strategy.days', i % 5 === 0 ? NOT_APPLICABLE : i % 11],
    ];
    const draft: AnswersDraft = {
      model: { id: 'test-model', version: '1.0.0' },
      organization: 'Acme "Ltd": #1\nsecond line',
      period: '2026-Q4',
      date: '2026-11-22',
      respondents: people.map((name, i) => respondent(name, answersFor(i), [['strategy.words', HOSTILE[(i + 1) % HOSTILE.length]!]], HOSTILE[(i + 2) % HOSTILE.length])),
    };
    const { answers, findings } = await roundTrip(draft, 'hostile');
    expect(findings).toEqual([]);
    expect(answers!.organization).toBe(draft.organization);
    expect(answers!.period).toBe('2026-Q4');
    expect(answers!.date).toBe('2026-11-22');
    expect(answers!.respondents.map((r) => [r.name, r.role, [...r.answers], [...r.notes]])).toEqual(
      draft.respondents.map((r) => [r.name, r.role, [...r.answers], [...r.notes]]),
    );
  });

  it('reads back any printable name, role and note (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(anyString({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 3 }),
        anyString({ maxLength: 40 }),
        anyString({ maxLength: 40 }),
        async (names, role, note) => {
          const draft: AnswersDraft = {
            model: { id: 'test-model', version: '1.0.0' },
            organization: note,
            period: '2026-Q4',
            respondents: names.map((n) => respondent(n, [['strategy.words', 'no'], ['strategy.days', 3]], [['strategy.days', note]], role)),
          };
          const { answers, findings } = await roundTrip(draft, `p${run++}`);
          expect(findings).toEqual([]);
          expect(answers!.organization).toBe(note);
          expect(answers!.respondents.map((r) => [r.name, r.role, r.notes.get('strategy.days')])).toEqual(names.map((n) => [n, role, note]));
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe('YAML 1.1 readers read what cxm writes as the same strings', () => {
  // the words and forms a YAML 1.1 reader (PyYAML, js-yaml's timestamps) turns into booleans, null, numbers, dates
  const WORDS = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'true', 'false', 'null', 'Null', '~', '2026-11-22', '2026-11-22 10:00:00', '1:20', '0x10', '010', '1_000', '0b101', '.5', '+1', '<<', '=', '.inf', '.NaN'];
  const draft: AnswersDraft = {
    model: { id: 'cx-maturity', version: '1.0.0' },
    organization: 'no',
    period: '2026',
    date: '2026-11-22',
    respondents: WORDS.map((w) => respondent(w, [[w, w], [`q.${w}`, [w, 'plain']]], [[w, w]], w)),
  };
  const text = serializeAnswers(draft);

  it('quotes each of them, values and keys, and reads back the same with a YAML 1.1 schema', () => {
    for (const w of WORDS) expect(misreadByYaml11(w), w).toBe(true);
    // mutation caught: without the Scalar visitor in answersYaml, yes/no/on/off are written bare and read back as booleans
    expect(canonical(parseYamlLib(text, { version: '1.1' }))).toEqual(canonical(plain(draft)));
    expect(canonical(jsYaml.load(text))).toEqual(canonical(plain(draft)));
    expect(text).toContain('organization: "no"');
    expect(text).toContain('date: "2026-11-22"');
  });

  it('leaves ordinary text bare', () => {
    for (const w of ['Acme Ltd', '2026-Q4', '1.0.0', 'strategy.vision', 'Head of Service', 'n/a']) expect(misreadByYaml11(w), w).toBe(false);
    expect(text).toContain('model: {id: cx-maturity, version: 1.0.0}');
  });
});
