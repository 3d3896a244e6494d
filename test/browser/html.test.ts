/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report and comparison in a real browser: headless Chromium from the system (chromium.mjs; the
// tests fail, never skip, when it is missing), one launch for the whole file. They open the examples from
// file:// and check what a reader gets: no console error, no request beyond the file itself, every chart
// drawn with its table, every element's heading, no serious or critical axe-core violation, a bounded number
// of printed pages; and that hostile text from files shows as text and runs nothing.
// Run alone with: npx vitest run test/browser   (regenerate the examples with: npm run examples)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Comparison } from '../../src/domain/comparison.js';
import type { Report } from '../../src/domain/report.js';
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

async function cxmText(args: readonly string[]): Promise<string> {
  let stdout = '';
  const code = await main(args, { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: ROOT });
  expect(code).toBe(0);
  return stdout;
}

async function cxmJson<T>(args: readonly string[]): Promise<T> {
  return JSON.parse(await cxmText(args)) as T;
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

// temporary directories of the concurrent tests below (tempDir's per-test clean-up does not run inside them)
const scratches: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-print-'));
  scratches.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

/** What a client document must show, besides what every page does (checkPage). */
interface Expected {
  readonly file: string;
  readonly elementTitles: readonly string[];
  readonly chartCount: number;
  /** (#28) The most A4 pages it may print on. */
  readonly maxPages: number;
  /** Words page 1 must hold (the level, the weakest element, the first steps' actions), whitespace-normalised. */
  readonly pageOne?: readonly string[];
  /** The respondent count the page states ("30 respondents"). */
  readonly respondents?: number;
}

const normalise = (text: string): string => text.replace(/[\s\u00ad]+/g, ' ').replace(/- /g, '-').trim();

/** The text of each printed page (pdftotext, from poppler-utils). */
function pdfText(pdf: Buffer): string[] {
  const dir = scratch();
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/**
 * How full each printed page is: the lowest row with ink in the page's content box (A4, margins 16 mm top and
 * bottom, the running header and page number left out), as a share of that box. Rendered by pdftoppm in grey.
 */
function pageFill(pdf: Buffer): number[] {
  const dir = scratch();
  writeFileSync(join(dir, 'page.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '24', join(dir, 'page.pdf'), join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = readFileSync(join(dir, f));
      // P5 header: magic, width, height, maxval, then one byte per pixel
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = data.subarray(header[0].length);
      const top = Math.ceil((height * 16) / 297);
      const bottom = Math.floor((height * (297 - 16)) / 297);
      let last = top;
      for (let y = top; y < bottom; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x]! < 200) last = y;
      return (last - top) / (bottom - top);
    });
}

async function checkPage(expected: Expected): Promise<void> {
  const { file, elementTitles, chartCount, maxPages } = expected;
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
    // (#28) no impossible figure, and the right head count
    // mutations caught: the masthead counting an anonymous report's empty roster ("0 respondents"); a
    // disagreement row of Math.min() over nothing ("Infinity")
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/Infinity|NaN|undefined|\b0 respondents/);
    if (expected.respondents !== undefined) expect(text).toContain(`${expected.respondents} respondents`);
    // (#28) no developer text in the client document
    expect(text).not.toMatch(/cxm report -f json|-f json|\.ya?ml\b|model-version-mismatch|element-not-assessed|partial-assessment/);
    // the limits of #28 are for A4; Letter is shorter, and gets two pages more
    for (const [format, most] of [['A4', maxPages], ['Letter', maxPages + 2]] as const) {
      const pages = pdfPages(await page.pdf({ format }));
      expect(pages, format).toBeGreaterThanOrEqual(2);
      expect(pages, format).toBeLessThanOrEqual(most);
    }
    const a4 = await page.pdf({ format: 'A4' });
    const printed = pdfText(a4);
    // (#28) page 1 holds the level, the weakest element and the first steps' actions
    // mutation caught: the steps moved after page 1 (they started on page 2 before #28)
    for (const words of expected.pageOne ?? []) expect(normalise(printed[0]!), 'page 1').toContain(normalise(words));
    // (#28) no page less than a third full but the last
    // mutation caught: a forced page break before a short section (the Q4 report had half-empty pages 5, 7, 12)
    const fill = pageFill(a4);
    fill.slice(0, -1).forEach((share, i) => expect(share, `page ${i + 1} of ${fill.length} is ${Math.round(share * 100)}% full`).toBeGreaterThanOrEqual(1 / 3));
    // (#28) chart text at least 7 pt in print: laid out at the A4 content width (182 mm), print media
    // mutation caught: the radar's 4.5-5 pt labels, or a chart drawn at half width with 12-unit text
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round((182 / 25.4) * 96), height: 1000 });
    const smallest = await page.$$eval('svg[role="img"]', (svgs) =>
      Math.min(
        ...svgs
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size') ?? 16) * scale * 0.75);
          }),
      ),
    );
    expect(smallest, 'smallest chart text in print, in pt').toBeGreaterThanOrEqual(7);
    await page.emulateMedia({ media: 'screen' });
    // (#28) never sideways at 390 px
    // mutation caught: a table with nowrap cells wider than a phone (the Q4 page was 586 px too wide)
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'scrollWidth at 390 px').toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1100, height: 1400 });
    expect(await seriousViolations(page), 'axe-core: serious and critical violations').toEqual([]);
  } finally {
    await context.close();
  }
}

/** The first steps' actions, as page 1 must show them. */
function firstActions(report: Report): string[] {
  return (report.plan ?? []).slice(0, 3).map((s) => (s.next ?? s.text).slice(0, 40));
}

/** The weakest element's title and the overall level's, as page 1 must show them. */
function headline(report: Report): string[] {
  const level = report.levels.find((l) => l.id === report.overall.level)!.title;
  const weakest = report.overall.weakest.map((id) => report.elements.find((e) => e.id === id)!.title);
  return [level, ...weakest, ...firstActions(report)];
}

/** A report of the 30-person survey (named or anonymous) written to a temporary file; its JSON beside it. */
async function survey(name: 'team-30' | 'team-30-anonymous'): Promise<{ file: string; report: Report }> {
  const fixture = `test/fixtures/survey/${name}.yaml`;
  const report = await cxmJson<Report>(['report', fixture, '-f', 'json']);
  const file = join(scratch(), `${name}.html`);
  writeFileSync(file, await cxmText(['report', fixture, '-f', 'html']));
  return { file, report };
}

describe.concurrent('the HTML examples in Chromium', () => {
  it('examples/acme-2026-q4.html: no error, no request, one chart with its table, every element, at most 10 A4 pages, page 1 a summary, 390 px wide, no serious axe violation', async () => {
    const report = await cxmJson<Report>(['report', 'examples/quarters/2026-Q4.yaml', '-f', 'json']);
    await checkPage({ file: REPORT, elementTitles: report.elements.map((e) => e.title), chartCount: 1, maxPages: 10, pageOne: headline(report), respondents: 4 });
  });

  it('a 30-person survey in four groups, named: at most 14 pages, and no one named per question', async () => {
    const { file, report } = await survey('team-30');
    await checkPage({ file, elementTitles: report.elements.map((e) => e.title), chartCount: 1, maxPages: 14, pageOne: headline(report), respondents: 30 });
  });

  it('the same survey, anonymous: at most 12 pages, "30 respondents", nothing impossible', async () => {
    const { file, report } = await survey('team-30-anonymous');
    await checkPage({ file, elementTitles: report.elements.map((e) => e.title), chartCount: 1, maxPages: 12, pageOne: headline(report), respondents: 30 });
  });

  it('examples/quarters/comparison.html: the same, with the trend and a chart per element, at most 8 pages, every figure the periods\' own', async () => {
    const comparison = await cxmJson<Comparison>(['compare', ...QUARTERS, '-f', 'json']);
    await checkPage({ file: COMPARISON, elementTitles: comparison.elements.map((e) => e.title), chartCount: 1 + comparison.elements.length, maxPages: 8 });
    // (#28, SPEC 4.1) every figure of the scores table is the periods' own, and the change is first to last's
    // mutation caught: the 1.1 like-for-like scores shown as the change (Strategy +37.84 above a chart of 21.98 → 51.44)
    const { context, page } = await open(COMPARISON);
    try {
      const rows = await page.$$eval('#trend-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const last = comparison.changes.at(-1)!;
      const expectedRows = [
        [...comparison.periods.map((p) => p.overall.score), last.overall.delta],
        ...comparison.elements.map((_, i) => [...comparison.periods.map((p) => p.elements[i]!.score), last.elements[i]!.delta]),
      ];
      rows.forEach((cells, r) => {
        const figures = cells.map((c) => Number(/^[+−-]?[\d.]+/.exec(c.replace('−', '-'))?.[0] ?? NaN));
        expect(figures, `row ${r}`).toEqual(expectedRows[r]);
      });
    } finally {
      await context.close();
    }
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
