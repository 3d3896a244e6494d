// Answers recorded against earlier versions of the built-in model keep scoring on the current one (SPEC 2.2, #26):
// test/fixtures/old-versions keeps the Acme example as it was recorded, 2026-Q3 against 1.0.0 and 2026-Q4 against
// 1.1.0. The expected figures were computed by hand from the model files (question and option `replaces`, SPEC 3
// with the capped rule), independently of src/score.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/score/score.js';
import { ROOT } from '../report/cxm.js';
import { answersFile, countedAnswers } from './counted.js';

const OLD = join(ROOT, 'test/fixtures/old-versions');

/** The questions a file answered that the current model dropped: one warning each, however many answered them. */
function droppedWarnings(warnings: readonly { code: string; message: string }[]): string[] {
  return warnings.filter((w) => w.code === 'unknown-question' && !w.message.startsWith('the note')).map((w) => /^"([^"]+)"/.exec(w.message)?.[1] ?? w.message);
}

describe('answers of 1.0.0 and 1.1.0 on the current built-in model', () => {
  // mutation caught: an option replaces removed (design.refunds-and-credits `procedure`, answered twice: 141 of 167),
  // or question replaces removed from design.returns-and-repairs
  it('2026-Q4, recorded against 1.1.0: 143 of 167 answers count, one warning for each of the six dropped questions', async () => {
    const { model, answers, warnings, recorded } = await answersFile(join(OLD, 'acme-2026-Q4-model-1.1.0.yaml'));
    expect([countedAnswers(model, answers), recorded]).toEqual([143, 167]);
    expect(droppedWarnings(warnings).sort()).toEqual(
      ['culture.recognition', 'design.designed-stages', 'design.resolved-first-time', 'measurement.visible', 'strategy.communicated', 'understanding.sources-acted-on'],
    );
    const report = scoreAssessment(model, answers);
    const scores = Object.fromEntries(report.elements.map((e) => [e.id, [e.score, e.level]]));
    expect(scores).toEqual({
      strategy: [expect.closeTo(53.4, 1), 'repeatable'],
      understanding: [expect.closeTo(44.0, 1), 'ad-hoc'],
      design: [expect.closeTo(33.3, 1), 'ad-hoc'],
      measurement: [expect.closeTo(43.1, 1), 'ad-hoc'],
      governance: [expect.closeTo(54.6, 1), 'repeatable'],
      culture: [expect.closeTo(38.8, 1), 'ad-hoc'],
    });
  });

  // mutation caught: design.returns-and-repairs without `replaces: [design.return-journey]` (fewer than 96 count), or
  // culture.bad-day's option replaces of `collapses` removed
  it('2026-Q3, recorded against 1.0.0: 96 of 144 answers count, and every element scores', async () => {
    const { model, answers, warnings, recorded } = await answersFile(join(OLD, 'acme-2026-Q3-model-1.0.0.yaml'));
    expect([countedAnswers(model, answers), recorded]).toEqual([96, 144]);
    expect(droppedWarnings(warnings)).toHaveLength(12);
    const report = scoreAssessment(model, answers);
    const scores = Object.fromEntries(report.elements.map((e) => [e.id, [e.score, e.level]]));
    expect(scores).toEqual({
      strategy: [expect.closeTo(45.3, 1), 'ad-hoc'],
      understanding: [expect.closeTo(45.0, 1), 'ad-hoc'],
      design: [expect.closeTo(25.0, 1), 'ad-hoc'],
      measurement: [expect.closeTo(39.1, 1), 'ad-hoc'],
      governance: [expect.closeTo(43.1, 1), 'ad-hoc'],
      culture: [expect.closeTo(35.0, 1), 'ad-hoc'],
    });
  });
});
