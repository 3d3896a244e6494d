// (issue #28, #26 item 2) What page 1 and the Markdown summary say holds the level back: "improving this element
// is what raises the overall level" was printed when four elements shared the level, and the level's description
// was presented as the portrait of an organization whose elements stood two levels or more apart.

import { describe, expect, it } from 'vitest';
import { simpleReport } from '../compare/report-factory.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderReportHtml } from '../../src/render/html/report.js';
import { holdsBack, portrait } from '../../src/render/summary-words.js';

const plain = { escape: (t: string): string => t, strong: (t: string): string => t };

describe('what holds the level back', () => {
  // mutation caught: holdingElements() returning only overall.weakest (the one lowest element)
  it('names every element at the overall level, and says all must rise, when several share it', () => {
    const report = simpleReport('Q4', { strategy: 40, design: 30, culture: 35, governance: 60 });
    const [first] = holdsBack(report, plain);
    expect(first).toContain('3 of the 4 elements are at Ad hoc: Strategy, Design and Culture.');
    expect(first).toContain('the overall level reaches Repeatable only when all 3 do; the weakest, Design (30), is 20 points from it');
    for (const out of [renderMarkdown(report), renderReportHtml(report)]) expect(out).not.toContain('is what raises the overall level');
  });

  it('says raising the one element raises the level where it alone holds it', () => {
    const report = simpleReport('Q4', { strategy: 60, design: 30, culture: 55 });
    expect(holdsBack(report, plain)[0]).toContain('Design (30) is the only element at Ad hoc');
    expect(holdsBack(report, plain)[0]).toContain('raising Design to Repeatable (20 points away) raises the overall level');
  });

  // mutation caught: levelsFarApart() always false (the level's description shown as the portrait regardless)
  it('gives no level description as the portrait of elements two levels or more apart', () => {
    // the factory's levels carry no description: give them one
    const described = (r: ReturnType<typeof simpleReport>): typeof r => ({ ...r, levels: r.levels.map((l) => ({ ...l, description: `All about ${l.title}.` })) });
    const apart = described(simpleReport('Q4', { strategy: 80, design: 10, culture: 55 }));
    const near = described(simpleReport('Q4', { strategy: 55, design: 30, culture: 45 }));
    expect(portrait(apart, plain).description).toBeUndefined();
    expect(portrait(apart, plain).apart).toContain('two levels or more apart');
    expect(portrait(near, plain).description).toBe('All about Ad hoc.');
  });
});
