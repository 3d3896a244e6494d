// What a failing example comparison says (test/golden.ts): the changed lines, the heading above them, the old and
// the new text with the changed part marked, for HTML what a reader sees; and how to regenerate the examples.
// Mutations caught: the heading taken from below the change (or not at all); the changed part marked off by one
// word; a pure insertion reported as a change of the line before it; the count of places or lines wrong.

import { describe, expect, it } from 'vitest';
import { exampleDifference, REGENERATE } from './golden.js';

const MARKDOWN = ['# Report', '', '## Scores', '', '| Element | Score | Level |', '|---|---:|---|', '| Strategy | 50 | Repeatable |', '| Design | 40 | Ad hoc |', '', '## Method', '', 'Weakest link.', ''];

describe('exampleDifference', () => {
  it('names the line, the heading above it and the changed figure, then how to regenerate', () => {
    const actual = MARKDOWN.map((l) => (l === '| Design | 40 | Ad hoc |' ? '| Design | 45 | Ad hoc |' : l));
    const message = exampleDifference(MARKDOWN.join('\n'), actual.join('\n'), 'examples/x.md', 'cxm report x.yaml', '/tmp/x.md');
    expect(message.split('\n')).toEqual([
      'examples/x.md is not what `cxm report x.yaml` writes now: 1 line differs, in 1 place (the file has 13 lines, the output 13 lines).',
      '',
      'line 8, under "## Scores":',
      '  ~ | Design | [-40-]{+45+} | Ad hoc |',
      '',
      'The whole new output: /tmp/x.md   (diff -u examples/x.md /tmp/x.md)',
      `If the change is meant, regenerate every example with: ${REGENERATE}   (then review the diff before committing)`,
    ]);
  });

  it('tells an inserted line from a changed one, and counts separate places', () => {
    const actual = [...MARKDOWN.slice(0, 8), '| Culture | 10 | Unconscious |', ...MARKDOWN.slice(8)].map((l) => (l === 'Weakest link.' ? 'Mean.' : l));
    const message = exampleDifference(MARKDOWN.join('\n'), actual.join('\n'), 'examples/x.md', 'cxm report x.yaml');
    expect(message).toContain('2 lines differ, in 2 places (the file has 13 lines, the output 14 lines)');
    expect(message).toContain('after line 8, under "## Scores":\n  + | Culture | 10 | Unconscious |\n');
    expect(message).toContain('line 12, under "## Method":\n  ~ [-Weakest link-]{+Mean+}.\n');
    expect(message).not.toContain('The whole new output');
  });

  it('in HTML: the nearest heading before the change on the same long line, and the words a reader sees', () => {
    const row = (score: string, level: string): string =>
      `<section id="scores"><h2 id="scores-title">Scores</h2><table><tr><th>Strategy</th><td>50</td><td>Repeatable</td></tr><tr><th>Design</th><td>${score}</td><td>${level}</td></tr></table></section>`;
    const expected = ['<!DOCTYPE html>', '<h1>Report &amp; plan</h1>', row('40', 'Ad hoc'), '<p>end</p>'].join('\n');
    const actual = ['<!DOCTYPE html>', '<h1>Report &amp; plan</h1>', row('45', 'Repeatable'), '<p>end</p>'].join('\n');
    const message = exampleDifference(expected, actual, 'examples/x.html', 'cxm report x.yaml -f html');
    expect(message).toContain('line 3, under "<h2> Scores":');
    expect(message).toContain('<th>Design</th><td>[-40</td><td>Ad hoc-]{+45</td><td>Repeatable+}</td></tr></table></section>');
    expect(message).toContain('      reads: Scores Strategy 50 Repeatable Design 40 Ad hoc\n        now: Scores Strategy 50 Repeatable Design 45 Repeatable');
    const markupOnly = exampleDifference(expected, expected.replace('<td>40</td>', '<td class="num">40</td>'), 'examples/x.html', 'cxm report x.yaml -f html');
    expect(markupOnly).toContain('(the text a reader sees there is the same: only markup changed)');
  });

  it('describes at most eight places and counts the rest', () => {
    const many = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    const changed = many.map((l, i) => (i % 4 === 0 ? `${l} changed` : l));
    const message = exampleDifference(many.join('\n'), changed.join('\n'), 'examples/x.md', 'cxm x');
    expect(message).toContain('10 lines differ, in 10 places');
    expect(message.match(/^line \d+:$/gm)).toHaveLength(8);
    expect(message).toContain('… and 2 more places.');
  });
});
