// The Markdown report's Mermaid chart (issue 16, item 8): each element's bar in its level's colour, the
// thresholds as lines, and a legend that says in words what each colour is.

import { describe, expect, it } from 'vitest';
import { levelColour } from '../../src/render/level-colours.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { LEVELS, simpleReport } from '../compare/report-factory.js';

function mermaid(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('```mermaid');
  return lines.slice(start + 1, lines.indexOf('```', start + 1));
}

describe('the Markdown chart of element scores', () => {
  const report = simpleReport('2026-Q4', { strategy: 80, design: 30, culture: 35, governance: null });
  const block = mermaid(renderMarkdown(report));

  it('draws one bar series per level shown, zero for elements at another level, in the level colours', () => {
    // mutation caught: one series for all elements (one colour), or a series whose zeros are misplaced
    expect(block.filter((l) => l.startsWith('    bar '))).toEqual(['    bar [0, 30, 35]', '    bar [80, 0, 0]']);
    const palette = /plotColorPalette: "([^"]+)"/.exec(block.join('\n'))![1]!.split(', ');
    expect(palette.slice(0, 2)).toEqual([levelColour(LEVELS, 'ad-hoc'), levelColour(LEVELS, 'systematic')]);
    expect(new Set(palette.slice(0, 2)).size).toBe(2);
  });

  it('marks each threshold with a flat line in the colour of the level it starts, and names every colour', () => {
    expect(block.filter((l) => l.startsWith('    line '))).toEqual(['    line [25, 25, 25]', '    line [50, 50, 50]', '    line [75, 75, 75]']);
    const palette = /plotColorPalette: "([^"]+)"/.exec(block.join('\n'))![1]!.split(', ');
    expect(palette.slice(2)).toEqual(['ad-hoc', 'repeatable', 'systematic'].map((id) => levelColour(LEVELS, id)));
    const markdown = renderMarkdown(report);
    // (#28) the colour-blind-safe ramp: purple, blue, green, yellow
    expect(markdown).toContain('| blue bars | elements at the Ad hoc level |');
    expect(markdown).toContain('| yellow bars | elements at the Systematic level |');
    expect(markdown).toContain('| green line at 50 | where Repeatable starts |');
    expect(markdown).toContain('Not charted, as not assessed: Governance.');
  });
});
