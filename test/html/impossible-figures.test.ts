// (issue #28) What the client reads states the right figures: an anonymous 30-person survey said "0 respondents,
// anonymous" in the HTML header (the Markdown said 30), and every row of "Where the team disagrees" read
// "from Infinity to -Infinity" (the anonymous report has no one's values to take a minimum of). A named report
// above 10 respondents gives counts, not a name per person per question (a 5,000-person HTML was 18 MB).

import { describe, expect, it } from 'vitest';
import { cxm } from '../report/cxm.js';

async function report(file: string, format: string): Promise<string> {
  const run = await cxm(['report', file, '-f', format]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

const SURVEYS = ['test/fixtures/survey/team-30.yaml', 'test/fixtures/survey/team-30-anonymous.yaml', 'examples/quarters/2026-Q4.yaml'];

describe('the HTML and Markdown reports show no impossible figure', () => {
  // mutations caught: the masthead counting report.respondents (empty when anonymous) instead of respondentCount;
  // the disagreement row taking Math.min/max of no values (Infinity); either format printing undefined or NaN
  it.each(SURVEYS)('%s', async (file) => {
    for (const format of ['html', 'markdown']) {
      const out = await report(file, format);
      expect(out, format).not.toMatch(/Infinity|NaN|undefined|\b0 respondents/);
    }
  });

  it('states the anonymous survey\'s 30 respondents in the HTML header, as the Markdown does', async () => {
    const html = await report('test/fixtures/survey/team-30-anonymous.yaml', 'html');
    expect(html).toContain('<dt>Respondents</dt><dd>30 respondents in 4 groups, anonymous</dd>');
    expect(await report('test/fixtures/survey/team-30-anonymous.yaml', 'markdown')).toContain('Respondents: 30');
  });

  // mutation caught: the HTML naming each respondent beside each answer above NAMED_RESPONDENTS (selection.ts)
  it('gives counts, not names, above 10 respondents', async () => {
    const html = await report('test/fixtures/survey/team-30.yaml', 'html');
    // each name at most in the notes and nowhere per question: "Ana Adams" never beside an answer
    expect(html).not.toContain('Ana Adams');
    expect(html).toContain('<dt>Respondents</dt><dd>30 respondents in 4 groups</dd>');
  });
});
