// serializeAnswers in bulk (how cxm import writes tens of thousands of respondents) against
// serializeAnswers as yaml writes it (the interview's files): the same data, whatever the text (fuzzed,
// fixed seed), and read the same by YAML 1.2 and YAML 1.1 readers.

import fc from 'fast-check';
import { load as jsYamlLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeAnswers } from '../../src/answers-file/write.js';
import type { AnswersDraft, DraftRespondent } from '../../src/answers-file/draft.js';
import type { AnswerValue } from '../../src/domain/types.js';
import { runs } from '../fuzz-runs.js';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('no', 'Yes', 'ON', 'off', 'y', 'N', 'true', 'null', '~', '', ' x', 'x ', '- x', 'a: b', 'a #b', '#x', '[x]', '{x}', '1.0', '0x1F', '1e3', '2026-11-22', '.inf', '.NaN', '@x', '`x', '!x', '&x', '*x', '|', '>', '%x', "'x", '"x', 'x\ny', '\u0085', '\u2028', '\ufeff', '\u007f', 'é', '__proto__'),
  fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '-', '.', ':', '#', ',', '[', ']', '{', '}', '"', "'", '\\', '\n', '\t', '\u0085', '\u2028', 'é') }),
);
const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)?$/);
const answer: fc.Arbitrary<AnswerValue> = fc.oneof(id, fc.constant('n/a'), fc.integer({ min: -5, max: 100 }), fc.array(id, { maxLength: 4 }));
const respondent: fc.Arbitrary<DraftRespondent> = fc.record({
  name: text.filter((t) => t !== ''),
  role: fc.option(text, { nil: undefined }),
  group: fc.option(text, { nil: undefined }),
  answers: fc.array(fc.tuple(id, answer), { maxLength: 5 }).map((entries) => new Map(entries)),
  notes: fc.array(fc.tuple(id, text), { maxLength: 2 }).map((entries) => new Map(entries)),
}).map((r) => {
  const { role, group, ...rest } = r;
  return { ...rest, ...(role !== undefined ? { role } : {}), ...(group !== undefined ? { group } : {}) };
});
const draft: fc.Arbitrary<AnswersDraft> = fc
  .record({
    model: fc.record({ id, version: fc.constantFrom('1.0.0', '2.1', 'no') }),
    organization: fc.option(text, { nil: undefined }),
    period: fc.option(fc.constantFrom('2026', '2026-Q4', '2026-11', 'yes'), { nil: undefined }),
    date: fc.option(fc.constant('2026-11-22'), { nil: undefined }),
    anonymous: fc.option(fc.constant(true), { nil: undefined }),
    source: fc.option(fc.record({ file: text, sha256: fc.stringMatching(/^[0-9a-f]{64}$/) }), { nil: undefined }),
    respondents: fc.array(respondent, { maxLength: 4 }),
  })
  .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as AnswersDraft);

describe('serializeAnswers in bulk', () => {
  it('writes the data serializeAnswers writes, read alike as YAML 1.2 and YAML 1.1', () => {
    // catches: a plain scalar that a reader takes for something else (no → false in YAML 1.1, 1.0 → a number,
    // 2026-11-22 → a date), or an escape YAML does not know
    fc.assert(
      fc.property(draft, (d) => {
        const fast = serializeAnswers(d, { bulk: true });
        const expected = parse(serializeAnswers(d), { version: '1.2' }) as unknown;
        expect(parse(fast, { version: '1.2' })).toEqual(expected);
        expect(parse(fast, { version: '1.1' })).toEqual(expected);
        expect(jsYamlLoad(fast)).toEqual(expected);
      }),
      { seed: 18, numRuns: runs(400) },
    );
  });

  it('looks like serializeAnswers for everyday answers', () => {
    const d: AnswersDraft = {
      model: { id: 'cx-maturity', version: '1.0.0' },
      organization: 'Acme Ltd',
      respondents: [{ name: 'Ann Lee', group: 'front-line', answers: new Map<string, AnswerValue>([['a.b', 'most'], ['a.c', ['nps', 'complaints']], ['a.d', 7]]), notes: new Map() }],
    };
    expect(serializeAnswers(d, { bulk: true })).toBe(
      'kind: answers\nmodel: {id: cx-maturity, version: "1.0.0"}\norganization: Acme Ltd\nrespondents:\n  - name: Ann Lee\n    group: front-line\n    answers:\n      a.b: most\n      a.c: [nps, complaints]\n      a.d: 7\n',
    );
  });
});
