// The built-in model (questionnaires/cx-maturity) as content: its scoring is sane at the extremes, and
// breadth alone cannot lift an element a level. Everything is derived from the loaded model, so the
// test holds whatever the questions are.
//
// The "ad hoc option" of a choice question is its highest option whose normalised score lies in
// [ad-hoc minScore, repeatable minScore) (else its highest option below repeatable).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { AnswerValue, ChoiceQuestion, Level, Model, Question } from '../../src/domain/types.js';
import { scoreAssessment } from '../../src/score/score.js';
import { cxm } from '../report/cxm.js';
import { answers, respondent } from '../score/factories.js';

let loaded: Promise<Model> | undefined;
/** The built-in model, loaded once for the whole file. */
function builtin(): Promise<Model> {
  loaded ??= loadModel(builtinModelDir()).then(({ model, findings }) => {
    if (!model) throw new Error(`the built-in model does not load: ${findings.map((f) => f.message).join('; ')}`);
    return model;
  });
  return loaded;
}

function level(model: Model, id: string): Level {
  const found = model.levels.find((l) => l.id === id);
  if (!found) throw new Error(`the built-in model has no level ${id}`);
  return found;
}

function normalised(question: ChoiceQuestion, score: number): number {
  const scores = question.options.map((o) => o.score);
  const min = Math.min(...scores);
  return (100 * (score - min)) / (Math.max(...scores) - min);
}

function adHocOption(model: Model, question: ChoiceQuestion): string {
  const low = level(model, 'ad-hoc').minScore;
  const high = level(model, 'repeatable').minScore;
  const byScore = [...question.options].sort((a, b) => b.score - a.score);
  const inBand = byScore.find((o) => normalised(question, o.score) >= low && normalised(question, o.score) < high);
  const below = inBand ?? byScore.find((o) => normalised(question, o.score) < high);
  if (!below) throw new Error(`${question.id} has no option below repeatable`);
  return below.id;
}

/** The level whose band holds a normalised value (0-100). */
function levelOfValue(model: Model, value: number): string {
  return [...model.levels].reverse().find((l) => l.minScore <= value)!.id;
}

function lowest(question: Question): AnswerValue {
  if (question.type === 'scale') return question.min;
  if (question.type === 'multi') return [];
  return [...question.options].sort((a, b) => a.score - b.score)[0]!.id;
}

function highest(question: Question): AnswerValue {
  if (question.type === 'scale') return question.max;
  if (question.type === 'multi') return question.options.map((o) => o.id);
  return [...question.options].sort((a, b) => b.score - a.score)[0]!.id;
}

/** Ad hoc options on choices, every box ticked on multis, every scale at its top. */
function adHocWithBreadth(model: Model, question: Question): AnswerValue {
  return question.type === 'choice' ? adHocOption(model, question) : highest(question);
}

function levelsWhenAnswering(model: Model, answer: (q: Question) => AnswerValue): Record<string, string | null> {
  const all = Object.fromEntries(model.elements.flatMap((e) => e.questions.map((q) => [q.id, answer(q)])));
  const report = scoreAssessment(model, answers([respondent('Everyone', all)], { model }));
  return Object.fromEntries(report.elements.map((e) => [e.id, e.level]));
}

function everyElementAt(model: Model, levelId: string): Record<string, string> {
  return Object.fromEntries(model.elements.map((e) => [e.id, levelId]));
}

describe('the built-in model: scoring sanity', () => {
  // mutation caught: levelFor searching from the second level, so that nothing can be Unconscious
  it('scores the lowest answers Unconscious in every element', async () => {
    const model = await builtin();
    expect(levelsWhenAnswering(model, lowest)).toEqual(everyElementAt(model, 'unconscious'));
  });

  // mutation caught: a multi or scale weighted like a weight-2 choice (measurement.kpis at weight 2 reaches
  // Repeatable), or an element made only of multis and scales
  it('keeps the ad hoc options Ad hoc in every element, with every multi box ticked and every scale at its top', async () => {
    const model = await builtin();
    expect(levelsWhenAnswering(model, (q) => adHocWithBreadth(model, q))).toEqual(everyElementAt(model, 'ad-hoc'));
  });

  // mutation caught: levelFor never reaching the last level (searching levels.slice(0, -1))
  it('scores the top answers Systematic in every element', async () => {
    const model = await builtin();
    expect(levelsWhenAnswering(model, highest)).toEqual(everyElementAt(model, 'systematic'));
  });
});

describe('the built-in model: content', () => {
  // mutation caught: `next:` removed from any choice option below the top (#26: every step has its action)
  it('gives every choice option below the top a next step, every multi option and every scale question one', async () => {
    const model = await builtin();
    const missing: string[] = [];
    for (const q of model.elements.flatMap((e) => e.questions)) {
      if (q.type === 'scale') {
        if (!q.next?.trim()) missing.push(q.id);
        continue;
      }
      const top = Math.max(...q.options.map((o) => o.score));
      for (const o of q.options) if ((q.type === 'multi' || o.score < top) && !o.next?.trim()) missing.push(`${q.id} ${o.id}`);
    }
    expect(missing).toEqual([]);
  });

  // mutation caught: a choice option listed out of order, or two options scoring the same, so that the step from
  // one answer does not lead to the answer listed above it
  it('lists the options of every choice question with strictly increasing scores, one in the band of each level', async () => {
    const model = await builtin();
    for (const q of model.elements.flatMap((e) => e.questions).filter((x): x is ChoiceQuestion => x.type === 'choice')) {
      const scores = q.options.map((o) => o.score);
      for (let i = 1; i < scores.length; i++) expect(scores[i]!, `${q.id} option ${i + 1}`).toBeGreaterThan(scores[i - 1]!);
      const levels = q.options.map((o) => levelOfValue(model, normalised(q, o.score)));
      expect(levels[0], q.id).toBe('unconscious');
      expect(levels.at(-1), q.id).toBe('systematic');
      // one option per level: the four levels in order (#26: ad-hoc behaviour is Ad hoc, not the bottom)
      expect(levels, q.id).toEqual(model.levels.map((l) => l.id));
    }
  });

  // mutation caught: a question without its evidence prompt, or help that tells how much a question counts
  it('gives every question a check: and help that does not say how much the question counts', async () => {
    const model = await builtin();
    for (const q of model.elements.flatMap((e) => e.questions)) {
      expect(q.check?.trim(), q.id).toBeTruthy();
      expect(q.help ?? '', q.id).not.toMatch(/\bcounts? (half|double|twice)|\bweight\b|To check:/i);
    }
  });

  // mutation caught: longer option labels or checks (#26: the printable form of 1.1.0 was about 4,200 words)
  it('prints a form of at most 3,200 words (cxm form -f markdown)', async () => {
    const { code, stdout } = await cxm(['form', '-f', 'markdown']);
    expect(code).toBe(0);
    expect(stdout.split(/\s+/).filter((w) => w !== '').length).toBeLessThanOrEqual(3200);
  });

  // mutation caught: a question's `check:` left out of the printable forms (render/form-markdown.ts, form-html.ts)
  it('prints each question\'s evidence prompt (check:) in the Markdown and HTML forms', async () => {
    const model = await builtin();
    const checks = model.elements.flatMap((e) => e.questions.map((q) => q.check!));
    const markdown = (await cxm(['form', '-f', 'markdown'])).stdout;
    const page = (await cxm(['form', '-f', 'html'])).stdout;
    for (const check of checks) {
      expect(markdown).toContain(`*To check:* ${check}`);
      expect(page).toContain(`To check: ${check.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;')}`);
    }
  });

  // mutation caught: a question added beyond the one-hour workshop (#26: at most 36)
  it('asks at most 36 questions', async () => {
    const model = await builtin();
    expect(model.elements.flatMap((e) => e.questions).length).toBeLessThanOrEqual(36);
  });

  // mutation caught: a multi given the weight of a main question (1.0.0's ticking every box added ~14 points)
  it('lets ticking every box of a multi add at most 10 points to its element', async () => {
    const model = await builtin();
    for (const element of model.elements) {
      const total = element.questions.reduce((sum, q) => sum + q.weight, 0);
      for (const q of element.questions.filter((x) => x.type === 'multi')) {
        expect((100 * q.weight) / total, q.id).toBeLessThanOrEqual(10);
      }
    }
  });

  // mutation caught: `id: no` written unquoted (cxm reads YAML 1.2 and takes it as a string, but a YAML 1.1
  // reader such as PyYAML takes it for false)
  it('quotes every id that YAML 1.1 would read as a boolean', async () => {
    const model = await builtin();
    const plainBoolean = /^\s*(?:-\s+)?(?:\{\s*)?id:\s+(?:y|n|yes|no|on|off|true|false)\s*(?:[,}#]|$)/im;
    for (const { file } of model.inputs) expect(readFileSync(file, 'utf8'), file).not.toMatch(plainBoolean);
  });

  // mutation caught: a level's recommendations removed from one element
  it('has a recommendation for every level of every element', async () => {
    const model = await builtin();
    for (const element of model.elements) {
      for (const l of model.levels) expect(element.recommendations.get(l.id)?.length ?? 0, `${element.id} ${l.id}`).toBeGreaterThan(0);
    }
  });
});
