// (1.2, SPEC 4.1; issue #28) A change between two periods shows the periods' own figures in every format: its
// levels, scores and delta are those of `periods`; a like-for-like figure over the questions both answered is
// labelled as such and never shown as a level change. Over examples/quarters, Understanding falls from 45 (Ad hoc)
// in 2026-Q3 to 44.05 (Ad hoc) in 2026-Q4 (42.78 under model 1.1.0): before 1.2 every format said "Ad hoc → Repeatable ↑", and the Strategy
// card said +37.84 (21.97 → 59.81) above a chart of 21.98 → 51.44.

import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/domain/comparison.js';
import { cxm } from '../report/cxm.js';

const QUARTERS = ['2026-Q2', '2026-Q3', '2026-Q4'].map((q) => `examples/quarters/${q}.yaml`);

async function compare(format: string): Promise<string> {
  const run = await cxm(['compare', ...QUARTERS, '-f', format]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe('a comparison shows the periods\' own figures', () => {
  // mutation caught: like-for-like.ts giving the like-for-like scores and their levels as the change's own
  // (from/to/fromScore/toScore), or a delta that is not toScore − fromScore
  it('in JSON: every change\'s levels and scores are those of its periods, and the delta their difference', async () => {
    const c = JSON.parse(await compare('json')) as Comparison;
    const period = (label: string) => c.periods.find((p) => p.label === label)!;
    for (const change of c.changes) {
      const [a, b] = [period(change.from), period(change.to)];
      expect(change.overall).toMatchObject({ fromScore: a.overall.score, toScore: b.overall.score, from: a.overall.level, to: b.overall.level });
      expect(Math.abs(change.overall.delta! - (b.overall.score! - a.overall.score!))).toBeLessThanOrEqual(0.01 + 1e-9);
      change.elements.forEach((e, i) => {
        const [x, y] = [a.elements[i]!, b.elements[i]!];
        expect(e, `${change.from} → ${change.to} ${e.id}`).toMatchObject({ fromScore: x.score, toScore: y.score, from: x.level, to: y.level });
        expect(Math.abs(e.delta! - (y.score! - x.score!))).toBeLessThanOrEqual(0.01 + 1e-9);
      });
    }
    const q3q4 = c.changes.find((ch) => ch.from === '2026-Q3' && ch.to === '2026-Q4')!;
    const understanding = q3q4.elements.find((e) => e.id === 'understanding')!;
    expect(understanding).toMatchObject({ fromScore: 45, toScore: 44.05, delta: -0.95, from: 'ad-hoc', to: 'ad-hoc', direction: 'same' });
    // like for like, labelled: over the four questions both quarters answered, 45 → 50
    expect(understanding.likeForLike).toMatchObject({ fromScore: 45, toScore: 50, delta: 5 });
    expect(understanding.likeForLike!.over).toHaveLength(4);
    // the drivers add up to the like-for-like delta (within the rounding of each)
    const sum = understanding.drivers.reduce((s, d) => s + d.delta, 0);
    expect(Math.abs(sum - understanding.likeForLike!.delta!)).toBeLessThanOrEqual(0.005 * understanding.drivers.length + 0.01);
    const strategy = c.changes.at(-1)!.elements.find((e) => e.id === 'strategy')!;
    expect(strategy).toMatchObject({ fromScore: 24.31, toScore: 53.42, from: 'unconscious', to: 'repeatable' });
  });

  // mutation caught: a renderer reading the like-for-like figure as a level change ("Ad hoc → Repeatable") or
  // calling a fall a rise
  it('in text, Markdown and HTML: a fall is a fall, and no level change the periods do not show', async () => {
    for (const format of ['text', 'markdown', 'html']) {
      const out = await compare(format);
      expect(out, format).not.toMatch(/Understanding:? Ad hoc (->|→) Repeatable/);
      expect(out, format).not.toMatch(/Understanding[^\n]*rose[^\n]*\(45 → 44\.05\)/);
      expect(out, format).not.toMatch(/\(21\.97 (->|→) 59\.81\)/);
    }
    expect(await compare('markdown')).toContain('- Understanding fell 0.95 points (45 → 44.05); like for like, over the 4 questions both periods answered: 45 → 50 (+5):');
    expect(await compare('text')).toContain('Understanding v -0.95 (45 -> 44.05); like for like, over the 4 questions both periods answered: 45 -> 50 (+5)');
    const html = await compare('html');
    expect(html).toContain('<strong>Understanding</strong> fell 0.95 points (45 → 44.05); like for like');
    expect(html).toContain('Like for like: over the questions both periods answered (not a level)');
  });
});
