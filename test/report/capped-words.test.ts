// (1.2) Why an element stands below its score's level, in words (render/capped-words.ts), and that the terminal
// summary and the Markdown report say it. Levels 0/25/50/75; options none/some/most/all score 0-3.

import { describe, expect, it } from 'vitest';
import { cappedWords } from '../../src/render/capped-words.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSummary } from '../../src/render/terminal.js';
import { escapeMarkdownInline } from '../../src/text/sanitize.js';
import { buildReport } from '../../src/score/build-report.js';
import { answers, choice, element, model, respondent } from '../score/factories.js';

const top = { 'design.journey': 'all', 'design.touchpoints': 'all', 'design.back-office': 'all', 'design.return': 'all' };
const questions = (gate?: string) => [
  choice('design.journey'),
  choice('design.refunds', { text: 'How are refunds and credits decided?', ...(gate !== undefined ? { gate } : {}) }),
  choice('design.touchpoints'),
  choice('design.back-office'),
  choice('design.return'),
];
const plain = (s: string): string => s;

function reportOf(refunds: readonly string[], spec: { gate?: string; levelRule?: 'capped' | 'mean' } = {}) {
  const m = model([element('design', questions(spec.gate))], { levelRule: spec.levelRule ?? 'capped' });
  return buildReport(m, answers(refunds.map((r, i) => respondent(`R${i}`, { ...top, 'design.refunds': r }))));
}

describe('(1.2) cappedWords', () => {
  it('names the score, its level, the level the element stays at, and the capping question with its typical answer', () => {
    // refunds none for two of three, some for one: v = 1/9 → unconscious, cap ad-hoc; S = (4 + 1/9)/5 = 82.22
    // catches: levelOfScore and level swapped, the typical answer taken from the first respondent rather than the most
    const report = reportOf(['none', 'some', 'none']);
    expect(cappedWords(report, report.elements[0]!, plain)).toBe(
      'Design scores 82.22, Systematic on its score; it stays Ad hoc because “How are refunds and credits decided?” stands at Unconscious (most answered “Option none”).',
    );
  });

  it('says when the question is a condition of a level (its gate)', () => {
    // refunds some: L_q ad-hoc, cap repeatable by tolerance, ad-hoc by the gate repeatable
    // catches: the gate's words left out, or given when the question has reached its gate
    const report = reportOf(['some'], { gate: 'repeatable' });
    expect(cappedWords(report, report.elements[0]!, plain)).toBe(
      'Design scores 86.67, Systematic on its score; it stays Ad hoc because “How are refunds and credits decided?” stands at Ad hoc (most answered “Option some”), and the model makes it a condition of Repeatable.',
    );
  });

  it('says nothing for an element that is not capped, or under levelRule mean', () => {
    // catches: a sentence for every element (every renderer would repeat the level)
    expect(cappedWords(reportOf(['all']), reportOf(['all']).elements[0]!, plain)).toBeUndefined();
    const mean = reportOf(['none'], { levelRule: 'mean' });
    expect(cappedWords(mean, mean.elements[0]!, plain)).toBeUndefined();
  });

  it('escapes the texts it is given with the caller escape', () => {
    // catches: untrusted question text reaching Markdown unescaped
    const m = model([element('design', [choice('design.a', { text: 'Is *this* [done](x)?' }), choice('design.b'), choice('design.c'), choice('design.d')])], { levelRule: 'capped' });
    const report = buildReport(m, answers([respondent('R', { 'design.a': 'none', 'design.b': 'all', 'design.c': 'all', 'design.d': 'all' })]));
    const words = cappedWords(report, report.elements[0]!, escapeMarkdownInline)!;
    expect(words).toContain(escapeMarkdownInline('Is *this* [done](x)?'));
    expect(words).not.toContain('*this*');
  });

  it('the terminal summary and the Markdown element section carry the sentence', () => {
    // catches: a renderer not calling cappedWords
    const report = reportOf(['none']);
    const sentence = cappedWords(report, report.elements[0]!, plain)!;
    expect(renderSummary(report, { color: false, unicode: true })).toContain(sentence);
    expect(renderMarkdown(report)).toContain(cappedWords(report, report.elements[0]!, escapeMarkdownInline)!);
  });
});
