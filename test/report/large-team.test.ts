// A report of 200 respondents reads well: no Markdown line runs on with every person's name and score,
// the whole report fits a few pages, and the JSON still holds every person's figures. The answers are
// generated from the built-in model as loaded (no question id or count written here).

import { describe, expect, it } from 'vitest';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { AnswerValue, Model } from '../../src/domain/types.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSummary } from '../../src/render/terminal.js';
import { buildReport } from '../../src/score/build-report.js';
import { answers, respondent } from '../score/factories.js';

const RESPONDENTS = 200;
const GROUPS = ['leadership', 'front line', 'back office', 'support functions', 'sales'];

/** A small deterministic generator (no Math.random: the same report every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
}

function team(model: Model, count: number) {
  const next = random(7);
  const questions = model.elements.flatMap((e) => e.questions);
  return Array.from({ length: count }, (_, r) => {
    const given: Record<string, AnswerValue> = {};
    for (const q of questions) {
      if (q.type === 'scale') given[q.id] = q.min + Math.floor(next() * (q.max - q.min + 1));
      else if (q.type === 'choice') given[q.id] = q.options[Math.floor(next() * q.options.length)]!.id;
      else given[q.id] = q.options.filter(() => next() < 0.5).map((o) => o.id);
    }
    const notes = r % 40 === 0 ? { [questions[0]!.id]: `A note from person ${r}.` } : {};
    return respondent(`Person ${r}`, given, { group: GROUPS[r % GROUPS.length]!, role: 'Staff', notes });
  });
}

describe('a report of 200 respondents', async () => {
  const loaded = await loadModel(builtinModelDir());
  const model = loaded.model!;
  const people = team(model, RESPONDENTS);
  const report = buildReport(model, answers(people, { model }));
  const markdown = renderMarkdown(report);
  const lines = markdown.split('\n');

  /** Printed pages: about 60 lines of 80 characters a page. */
  const pagesOf = (text: string): number => text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 80)), 0) / 60;
  // the same model answered by a team small enough to be named: what the model's own text costs
  const small = renderMarkdown(buildReport(model, answers(team(model, 5), { model })));

  it('has no unreasonably long Markdown line', () => {
    // before: the "Respondents:" line, each "By respondent" line and each disagreement ran to 3,000-4,000 characters
    // mutation caught: naming every respondent (namesRespondents() always true) gives lines of thousands of characters
    // the longest lines left are a next step quoting a long question and two option labels: the model's text
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longest.length, longest.slice(0, 200)).toBeLessThanOrEqual(800);
    expect(markdown).not.toContain('Person 17');
  });

  it('fits a few pages: a team of 200 costs little more paper than a team of 5', () => {
    // mutation caught: listing every person (or every disagreement) per element adds pages per respondent
    const pages = pagesOf(markdown);
    expect(pages).toBeLessThanOrEqual(pagesOf(small) + 3);
    expect(pages).toBeLessThanOrEqual(14);
  });

  it('shows counts and spreads instead of names, and scores by group', () => {
    expect(markdown).toContain(`Respondents: ${RESPONDENTS} in ${GROUPS.length} groups`);
    expect(markdown).toMatch(/Respondents' own scores \(\d+\): lowest [\d.]+, median [\d.]+, highest [\d.]+\./);
    expect(markdown).toContain('## By group');
    for (const g of GROUPS) expect(markdown).toContain(`| ${g} | ${RESPONDENTS / GROUPS.length} |`);
    // notes are kept, one a line
    expect(markdown).toContain('A note from person 40.');
    expect(renderSummary(report, { color: false, unicode: false }).split('\n').every((l) => l.length <= 200)).toBe(true);
  });

  it('keeps every person’s figures in the JSON', () => {
    for (const e of report.elements) expect(Object.keys(e.byRespondent)).toHaveLength(RESPONDENTS);
    expect(report.respondents).toHaveLength(RESPONDENTS);
    expect(report.elements[0]!.items[0]!.distribution!.reduce((n, d) => n + d.count, 0)).toBeGreaterThan(0);
  });
});
