// The report shows its workings (issue 15): next steps in the summary and per element, weights in the element
// tables, each person's chosen option in the disagreements, a partial assessment flagged in the summary, and
// one number format everywhere.

import { describe, expect, it } from 'vitest';
import { formatScore, formatSigned } from '../../src/render/number.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSummary } from '../../src/render/terminal.js';
import { renderJson } from '../../src/render/json.js';
import { scoreAssessment } from '../../src/score/score.js';
import { answers, choice, element, model, multi, respondent, scale } from '../score/factories.js';
import { validateReport } from '../schemas.js';

const m = model([
  element('strategy', [choice('strategy.statement', { weight: 2, text: 'Is the statement written?' }), scale('strategy.days', { text: 'Days out of 10?' })]),
  element('design', [choice('design.map', { text: 'Is the journey mapped?' }), multi('design.parts', { text: 'Which parts are designed?' })]),
  element('culture', [choice('culture.hiring')]),
]);
const set = answers([
  respondent('Zoë', { 'strategy.statement': 'none', 'strategy.days': 4, 'design.map': 'some', 'design.parts': ['a'] }, { role: 'CEO' }),
  respondent('Wang', { 'strategy.statement': 'all', 'strategy.days': 6, 'design.map': 'some', 'design.parts': [] }),
]);
const report = scoreAssessment(m, set);

describe('Markdown report', () => {
  const markdown = renderMarkdown(report);

  it('lists the top next steps in the summary, the weakest element first, with from → to and the points', () => {
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Scores'));
    expect(summary).toContain('### Next steps');
    const first = report.plan![0]!;
    expect(report.overall.weakest).toContain(first.element);
    // mutation caught: a summary without the plan, or the plan in another order
    const steps = summary.split('\n').filter((l) => l.startsWith('1. '));
    expect(steps).toHaveLength(Math.min(5, report.plan!.length));
    expect(steps[0]).toBe(
      // design 22.92: c (2 of 4 points) for both → +25, more than the map's +16.67
      `1. **Design**: *Which parts are designed?*: add “Option c” (today: none). (+${first.elementPoints} to Design, +${first.overallPoints} overall; both respondents who answered move up; takes Design to Ad hoc.)`,
    );
  });

  it("lists each element's own steps in its section, before the model's recommendations", () => {
    const design = markdown.slice(markdown.indexOf('### Design'), markdown.indexOf('### Culture'));
    expect(design).toContain('Next steps for Design, from the answers:');
    expect(design).toContain('*Which parts are designed?*: add “Option c” (today: none).');
    expect(design).not.toContain('Is the statement written?');
  });

  it('shows the weights where they differ ("counts twice"), and no weight column where they do not', () => {
    const strategy = markdown.slice(markdown.indexOf('### Strategy'), markdown.indexOf('### Design'));
    expect(strategy).toContain('| Question | Counts | Score | Spread | Answers |');
    expect(strategy).toMatch(/Is the statement written\? <br> `strategy\.statement` \| twice \(weight 2\) \|/);
    expect(strategy).toMatch(/Days out of 10\? <br> `strategy\.days` \| once \(weight 1\) \|/);
    const design = markdown.slice(markdown.indexOf('### Design'), markdown.indexOf('### Culture'));
    expect(design).toContain('| Question | Score | Spread | Answers |');
  });

  it("shows each person's chosen option in the disagreements, not only their scores", () => {
    const section = markdown.slice(markdown.indexOf('## Where the team disagrees'));
    // mutation caught: dropping the choices from the line (scores only, as before)
    expect(section).toContain('- **Is the statement written?** (Strategy; spread 100): Zoë “Option none” (0), Wang “Option all” (100)');
  });

  it('flags a partial assessment under the overall level', () => {
    expect(markdown).toContain('**Partial assessment.** 1 of 3 elements was not assessed: this level describes Strategy and Design only.');
  });

  it('names no one in an anonymous report: no choices, no step answers', () => {
    const anonymous = scoreAssessment(m, { ...set, anonymous: true });
    const section = renderMarkdown(anonymous).slice(renderMarkdown(anonymous).indexOf('## Where the team disagrees'));
    expect(section).not.toContain('“Option none”');
    expect(renderJson(anonymous)).not.toContain('"choices"');
  });
});

describe('terminal summary', () => {
  const text = renderSummary(report, { color: false, unicode: false });

  it('shows the partial flag under the overall level, not again among the warnings', () => {
    expect(text).toContain('Partial assessment: 1 of 3 elements was not assessed: this level describes Strategy and Design only.');
    expect(text).not.toContain('warning: 1 of 3');
  });

  it('shows the first three next steps, in plain ASCII when the terminal is not Unicode', () => {
    const section = text.slice(text.indexOf('Next steps'));
    expect(section.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(3);
    expect(section).toContain('2. Design: Is the journey mapped?\n   from "Option some" to "Option most"\n');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('JSON report', () => {
  it('carries the plan, items[].choices and options, and validates against the schema', () => {
    const json = JSON.parse(renderJson(report)) as typeof report;
    expect(validateReport(json)).toBeUndefined();
    expect(json.plan).toEqual(report.plan);
    expect(json.elements[1]!.items[1]!.choices).toEqual({ Zoë: ['a'], Wang: [] });
    // multi and scale steps: lists and numbers as recorded
    expect(json.plan!.some((s) => Array.isArray(s.from))).toBe(true);
    expect(json.plan!.some((s) => typeof s.from === 'number')).toBe(true);
  });
});

describe('one number format', () => {
  it('is the JSON number, 2 decimals at most, no padding zeros', () => {
    // mutation caught: toFixed(2) (45.00) or rounding to 1 decimal (38.6)
    expect([45, 38.1, 38.57, 0, 100].map((x) => formatScore(x))).toEqual(['45', '38.1', '38.57', '0', '100']);
    expect(formatScore(1 / 3)).toBe('0.33');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(null, 'n/a')).toBe('n/a');
    expect([5.555, -3, 0, -0.001].map((x) => formatSigned(x))).toEqual(['+5.56', '−3', '0', '0']);
    expect(formatSigned(-2.5, '-')).toBe('-2.5');
  });

  it('is the same in the terminal and the Markdown for every score of the report', () => {
    const text = renderSummary(report, { color: false, unicode: false });
    const markdown = renderMarkdown(report);
    for (const e of report.elements.filter((x) => x.score !== null)) {
      expect(text).toMatch(new RegExp(`^${e.title} .* ${formatScore(e.score)}  `, 'm'));
      expect(markdown).toContain(`| ${e.title} | ${formatScore(e.score)} |`);
    }
  });
});
