// The HTML renderers without a browser: the page is self-contained and deterministic, its CSP allows its own
// stylesheet and nothing else, hostile text is escaped everywhere (content, attributes, SVG, CSS), and each
// SPEC 1.1 section (next steps, groups, gaps, anonymity) is shown when the report has it.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderComparisonHtml } from '../../src/render/html/comparison.js';
import { cssString, html, htmlLines } from '../../src/render/html/escape.js';
import { renderReportHtml } from '../../src/render/html/report.js';
import { comparisonOf } from '../compare/checked.js';
import { simpleReport } from '../compare/report-factory.js';
import { HOSTILE, anonymousReport, fullReport, hostileComparison, hostileReport } from './factories.js';

function styleOf(page: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
}

function policyOf(page: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!;
}

/** Text content of the page with tags removed and entities decoded: what a reader sees. */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const comparison = comparisonOf([
  simpleReport('2026-Q2', { strategy: 20, design: 40 }, { organization: 'Acme' }),
  simpleReport('2026-Q3', { strategy: 55, design: null }, { organization: 'Acme' }),
  simpleReport('2026-Q4', { strategy: 80, design: 30 }, { organization: 'Acme' }),
]);

describe('the HTML page', () => {
  const pages = { report: renderReportHtml(fullReport()), comparison: renderComparisonHtml(comparison) };

  for (const [name, page] of Object.entries(pages)) {
    it(`${name}: one file, no script, nothing fetched, lang and landmarks`, () => {
      expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|https?:\/\//i);
      for (const landmark of ['<header class="masthead">', '<main id="main">', '<nav ', '<footer ']) expect(page).toContain(landmark);
      expect(page).toContain('<title>');
    });

    it(`${name}: the CSP forbids scripts and remote loads and allows exactly its own stylesheet by hash`, () => {
      const policy = policyOf(page);
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'none'");
      expect(policy).not.toContain('unsafe');
      // mutation caught: hashing anything but the exact text of the <style> element (the browser would drop the styles)
      const hash = createHash('sha256').update(styleOf(page), 'utf8').digest('base64');
      expect(policy).toContain(`style-src 'sha256-${hash}'`);
      expect(page.match(/<style>/g)).toHaveLength(1);
    });

    it(`${name}: the same input gives the same bytes`, () => {
      const again = name === 'report' ? renderReportHtml(fullReport()) : renderComparisonHtml(comparison);
      expect(again).toBe(page);
    });

    it(`${name}: a print stylesheet with the organization in the running header, page numbers, no orphan headings or split rows`, () => {
      const css = styleOf(page);
      expect(css).toMatch(/@media print \{/);
      expect(css).toMatch(/@page \{[\s\S]*@top-left \{ content: "Acme[^"]*"/);
      expect(css).toContain('counter(page)');
      expect(css).toMatch(/h2, h3, h4[^{]*\{ break-after: avoid/);
      expect(css).toMatch(/tr, figure[^{]*\{ break-inside: avoid/);
    });
  }
});

describe('escaping', () => {
  it('html() writes every markup character as an entity and drops controls and bidi overrides', () => {
    // mutation caught: dropping any one entity from the map
    expect(html(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(html('a\u202eb\u2066c\u001b[31md\r\ne')).toBe('abcd e');
    expect(htmlLines('one\ntwo <b>')).toBe('one\ntwo &lt;b&gt;');
  });

  it('cssString() leaves nothing that could end the string, the rule or the <style> element', () => {
    const css = cssString('a"b\\c</style>{};\n\u202e');
    expect(css).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e \\7b \\7d \\3b  "');
    expect(css.slice(1, -1)).not.toMatch(/["<>{};\n]/);
  });

  for (const [name, page] of [
    ['report', renderReportHtml(hostileReport())],
    ['comparison', renderComparisonHtml(hostileComparison())],
  ] as const) {
    it(`${name}: hostile text never becomes a tag, an attribute, a link or CSS, and still reads as written`, () => {
      // mutation caught: any text written without html() (each hostile text has a tag, a quote or both)
      expect(page).not.toMatch(/<(script|img|iframe)|<svg onload|<a href="(?!#)/i);
      expect(page).not.toMatch(/<[^>]*\son[a-z]+=/i);
      expect(page).not.toMatch(/href="(?!#)/);
      expect(page.match(/<\/style>/g)).toHaveLength(1);
      expect(page.match(/<\/title>/g)?.length).toBe(page.match(/<title[ >]/g)?.length);
      expect(page).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      // the running header in the CSS: letters, digits and spaces, everything else as hex escapes
      const header = /@top-left \{ content: "([^"]*)"/.exec(styleOf(page))![1]!;
      expect(header).toMatch(/^[A-Za-z0-9 \\]+$/);
      expect(header).toContain('javascript\\3a window');
      const text = visibleText(page);
      expect(text).toContain('javascript:window.__pwned = 3');
      if (name === 'report') for (const hostile of HOSTILE) expect(text).toContain(hostile.replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));
    });
  }
});

describe('the report page', () => {
  const page = renderReportHtml(fullReport());
  const text = visibleText(page);

  // (#28) page 1 an executive summary, then the roadmap, groups, the workshop agenda, the appendix, About last
  // mutation caught: a section dropped or moved (e.g. the appendix before the roadmap)
  it('has the summary first, then the roadmap, groups, the agenda, the appendix element by element, and About last', () => {
    const order = ['id="summary"', 'id="roadmap"', 'id="groups"', 'id="agenda"', 'id="elements"', 'id="element-1"', 'id="element-2"', 'id="element-3"', 'id="about"'].map((id) => page.indexOf(id));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const title of ['Strategy', 'Understanding', 'Design']) expect(page).toMatch(new RegExp(`<h3 id="element-\\d-title">${title}</h3>`));
    expect(text).toContain('Overall level');
    expect(text).toContain('What holds it back');
    expect(text).toContain('Recommendation for Design.');
  });

  // mutation caught: a second chart on page 1 (the radar) or a chart without its table
  it('draws one chart on page 1, the bars, pointing at the table that holds the same data', () => {
    const charts = page.match(/<svg class="chart [a-z]+" role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(1);
    for (const chart of charts) {
      const table = /aria-details="([^"]+)"/.exec(chart)![1]!;
      expect(page).toMatch(new RegExp(`<table id="${table}"[ >]`));
      expect(chart).toMatch(/aria-labelledby="[^"]+-title [^"]+-desc"/);
    }
    // one bar per element, in its level's colour and outlined; the thresholds dashed
    expect(page.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="22" rx="2" fill="#[0-9a-f]+" stroke=/g)).toHaveLength(3);
    expect(page.match(/stroke-dasharray="4 3"/g)?.length).toBe(3);
  });

  // mutation caught: a step that does not lead with its action, or shows the question id instead of its text
  it('leads each step with its action, then the question and what it gains', () => {
    expect(page).toContain('<p class="action">Map the install visit with the field team.</p>');
    expect(text).toContain('Question design.journey?');
    expect(text).toMatch(/\+16\.67 to Design, \+5\.56 overall/);
  });

  // mutation caught: suppressed groups listed with their size (2/1/1 identify people in a team of four)
  it('shows groups as a heatmap of elements by group, suppressed groups without figures or size, and the gaps', () => {
    expect(page).toMatch(/<table id="groups-table" class="heatmap keep">/);
    expect(page).toMatch(/<th scope="row">Leadership<\/th><td class="num">4<\/td><td class="heat tint-2">72\.5<span class="lvl">Repeatable<\/span><\/td>/);
    expect(text).toMatch(/Back office\s+–\s+Not shown: too few people/);
    expect(text).toMatch(/Strategy\s+Leadership\s+80\s+Front line\s+30\s+50/);
  });

  it('names who answered in About this report, where the report names them', () => {
    expect(text).toMatch(/Maria Lopez\s+\(Managing director/);
  });

  it('leaves out sections the report does not have', () => {
    const plain = renderReportHtml({ ...fullReport(), plan: undefined, groups: undefined, gaps: undefined });
    expect(plain).not.toContain('id="next-steps"');
    expect(plain).not.toContain('id="groups"');
  });
});

describe('an anonymous report', () => {
  const report = anonymousReport();
  const page = renderReportHtml(report);

  it('shows no respondent name anywhere, nor input file names, but the notes and the scores', () => {
    // mutation caught: any section that prints names without asking report.anonymous
    for (const name of ['Maria Lopez', 'James Okafor', 'Priya Shah']) expect(page).not.toContain(name);
    expect(page).not.toContain('maria-lopez.yaml');
    expect(page).not.toContain('Managing director');
    expect(visibleText(page)).toContain('3 respondents in 3 groups, anonymous');
    expect(visibleText(page)).toContain('Only the install visit is mapped.');
    expect(page).toContain('a'.repeat(64));
    // disagreements as counts of answers, not by person (#28: this row read "from Infinity to -Infinity")
    expect(visibleText(page)).toContain('3 answers');
    expect(page).not.toContain('Infinity');
  });
});

describe('the comparison page', () => {
  const page = renderComparisonHtml(comparison);
  const text = visibleText(page);

  it('draws the overall trend and one chart per element, each with its table', () => {
    const charts = page.match(/<svg class="chart trend (large|small)" role="img"[^>]*>/g) ?? [];
    expect(charts.map((c) => /trend (\w+)/.exec(c)![1])).toEqual(['large', 'small', 'small']);
    for (const chart of charts) expect(page).toMatch(new RegExp(`<table id="${/aria-details="([^"]+)"/.exec(chart)![1]!}"[ >]`));
    // the element not assessed in 2026-Q3: its line is broken there, not drawn through
    const design = /<svg class="chart trend small"[^>]*aria-details="element-2-table">[\s\S]*?<\/svg>/.exec(page)![0];
    expect(design.match(/<path d="([^"]*)"/)![1]!.match(/M/g)).toHaveLength(2);
  });

  it('says how the overall and each element moved, and shows every change', () => {
    expect(text).toMatch(/Overall the score rose/);
    expect(text).toMatch(/\+60\s+points since 2026-Q2 \([\d.]+ → [\d.]+\); Unconscious → Systematic ↑/);
    expect(text).toContain('2026-Q2 → 2026-Q3');
    expect(text).toContain('First → last: 2026-Q2 → 2026-Q4');
  });
});
