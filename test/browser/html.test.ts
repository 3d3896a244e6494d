/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report and comparison in a real browser: headless Chromium from the system (chromium.mjs; the
// tests fail, never skip, when it is missing), one launch for the whole file. They open the examples from
// file:// and check what a reader gets: no console error, no request beyond the file itself, every chart
// drawn with its table, every element's heading, no serious or critical axe-core violation, a bounded number
// of printed pages; and that hostile text from files shows as text and runs nothing.
// Run alone with: npx vitest run test/browser   (regenerate the examples with: npm run examples)

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Comparison } from '../../src/model/comparison.js';
import type { Report } from '../../src/model/report.js';
import { renderComparisonHtml } from '../../src/render/html/comparison.js';
import { renderReportHtml } from '../../src/render/html/report.js';
import { HOSTILE, hostileComparison, hostileReport } from '../html/factories.js';
import { ROOT } from '../report/cxm.js';
import { tempDir } from '../temp.js';
import { WAIT_MS } from '../deadlines.js';
import { launchChromium } from './chromium.mjs';

const REPORT = join(ROOT, 'examples/acme-2026-q4.html');
const COMPARISON = join(ROOT, 'examples/quarters/comparison.html');
const QUARTERS = ['2026-Q2', '2026-Q3', '2026-Q4'].map((q) => `examples/quarters/${q}.yaml`);

// launched once, by the first test that needs it; without Chromium every test fails with what to install
let launching: Promise<Browser> | undefined;
function browser(): Promise<Browser> {
  launching ??= launchChromium();
  return launching;
}
afterAll(async () => {
  await (await launching?.catch(() => undefined))?.close();
});

async function cxmJson<T>(args: readonly string[]): Promise<T> {
  let stdout = '';
  const code = await main(args, { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: ROOT });
  expect(code).toBe(0);
  return JSON.parse(stdout) as T;
}

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  /** Every URL the page asked for, the file itself included. */
  readonly requests: string[];
  /** alert(), confirm() and the like: script that ran. */
  readonly dialogs: string[];
}

async function open(file: string, options: { bypassCSP?: boolean } = {}): Promise<Opened> {
  const context = await (await browser()).newContext({ viewport: { width: 1100, height: 1400 }, ...options });
  // Playwright's own deadlines (30 s for a navigation or an action) are the machine's: long enough when it is busy
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const opened: Opened = { context, page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

/** Pages in a PDF: its /Type /Page objects. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** Every chart (svg[role=img]): its drawn size, and the rows of the table its aria-details names. */
async function charts(page: Page): Promise<{ title: string; width: number; height: number; tableRows: number }[]> {
  return page.$$eval('svg[role="img"]', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const table = document.getElementById(svg.getAttribute('aria-details') ?? '');
      const rows = table instanceof HTMLTableElement ? [...table.tBodies].reduce((sum, body) => sum + [...body.rows].filter((r) => r.getBoundingClientRect().height > 0).length, 0) : 0;
      return { title: svg.querySelector('title')?.textContent ?? '', width: box.width, height: box.height, tableRows: rows };
    }),
  );
}

/** axe-core's serious and critical violations on the page (injected: the context must bypass the page's CSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: { resultTypes: string[] }): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}

async function checkPage(file: string, elementTitles: readonly string[], chartCount: number, maxPages: number): Promise<void> {
  // one page for every check; its CSP is bypassed only so that axe-core can be injected at the end (the
  // hostile-text tests below open pages under their CSP, and test/html checks the style hash)
  const { context, page, errors, requests, dialogs } = await open(file, { bypassCSP: true });
  try {
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests, 'requests beyond the file itself').toEqual([pathToFileURL(file).href]);
    const drawn = await charts(page);
    expect(drawn).toHaveLength(chartCount);
    for (const chart of drawn) {
      expect(chart.width, chart.title).toBeGreaterThan(100);
      expect(chart.height, chart.title).toBeGreaterThan(100);
      expect(chart.tableRows, `${chart.title}: its table`).toBeGreaterThan(0);
    }
    const headings = await page.$$eval('h3', (hs) => hs.map((h) => h.textContent ?? ''));
    for (const title of elementTitles) expect(headings).toContain(title);
    const levels = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i} skips a level`).toBeLessThanOrEqual(1));
    for (const format of ['A4', 'Letter']) {
      const pages = pdfPages(await page.pdf({ format }));
      expect(pages, format).toBeGreaterThanOrEqual(2);
      expect(pages, format).toBeLessThanOrEqual(maxPages);
    }
    expect(await seriousViolations(page), 'axe-core: serious and critical violations').toEqual([]);
  } finally {
    await context.close();
  }
}

describe.concurrent('the HTML examples in Chromium', () => {
  // the built-in model's 42 questions and a team of four print on about 16 pages: the bound catches what grows with
  // the team or the plan (a page per respondent, every step listed), not the model's own length
  it('examples/acme-2026-q4.html: no error, no request, charts with tables, every element, at most 20 pages on A4 and on Letter, no serious axe violation', async () => {
    const report = await cxmJson<Report>(['report', 'examples/quarters/2026-Q4.yaml', '-f', 'json']);
    // radar and bars
    await checkPage(REPORT, report.elements.map((e) => e.title), 2, 20);
  });

  it('examples/quarters/comparison.html: the same, with the trend and a chart per element, at most 10 pages', async () => {
    const comparison = await cxmJson<Comparison>(['compare', ...QUARTERS, '-f', 'json']);
    await checkPage(COMPARISON, comparison.elements.map((e) => e.title), 1 + comparison.elements.length, 10);
  });

  it('the request watch sees a request that leaves the file (so that its silence above means something)', async () => {
    const file = join(tempDir('cxm-html-'), 'leaky.html');
    writeFileSync(file, '<!doctype html><title>leak</title><img src="http://127.0.0.1:9/pixel.png" alt="">');
    const { context, requests } = await open(file);
    await context.close();
    expect(requests).toContain('http://127.0.0.1:9/pixel.png');
  });
});

describe.concurrent('hostile text in the browser', () => {
  const comparison = hostileComparison();
  const cases = [
    // a report shows every text of the report (the factory uses each hostile text at least once)
    ['report', renderReportHtml(hostileReport()), HOSTILE],
    // a comparison shows the organization and the elements in full (level titles only where a period has them)
    ['comparison', renderComparisonHtml(comparison), [comparison.organization!, ...comparison.elements.map((e) => e.title)]],
  ] as const;
  for (const [name, html, texts] of cases) {
    it(`${name}: every hostile text shows as text, nothing runs, nothing is fetched, no link or handler is made`, async () => {
      const file = join(tempDir('cxm-html-'), `${name}.html`);
      writeFileSync(file, html);
      const { context, page, errors, requests, dialogs } = await open(file);
      try {
        expect(dialogs).toEqual([]);
        // under the page's CSP: a stylesheet refused (its hash not matching) would be a console error
        expect(errors).toEqual([]);
        expect(await page.$eval('header.masthead', (h) => getComputedStyle(h).borderBottomWidth)).toBe('4px');
        expect(requests).toEqual([pathToFileURL(file).href]);
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
          dangerous: document.querySelectorAll('script, img, iframe, object, embed, style:not(head > style), a[href^="javascript:" i]').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
          links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((href) => !href.startsWith('#')),
          visible: getComputedStyle(document.body).display,
          text: document.body.innerText,
          title: document.title,
        }));
        expect(state.pwned).toBeNull();
        expect(state.dangerous).toBe(0);
        expect(state.handlers).toEqual([]);
        expect(state.links).toEqual([]);
        expect(state.visible).toBe('block');
        // shown as written, bidi overrides and isolates removed
        const shown = (text: string): string => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
        for (const text of texts) expect(state.text + state.title).toContain(shown(text));
        expect(state.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      } finally {
        await context.close();
      }
    });
  }
});

describe('regeneration', () => {
  it('the screenshots the README shows exist beside the examples', () => {
    for (const png of ['examples/acme-2026-q4.png', 'examples/quarters/comparison.png']) {
      expect(readFileSync(join(ROOT, png)).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
