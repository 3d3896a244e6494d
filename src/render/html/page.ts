// The page shell of every HTML output: one self-contained file, inline CSS, no script, nothing fetched.
// A Content-Security-Policy meta forbids scripts, remote loads, forms and plugins; the stylesheet is allowed
// by its hash, so no other style (injected or not) applies either. System fonts only.

import { createHash } from 'node:crypto';
import type { ReportLevel } from '../../domain/report.js';
import { levelColour, levelInk, NO_LEVEL, tint } from '../level-colours.js';
import { cssString, html } from './escape.js';

export interface PageOptions {
  /** The document title (raw text; escaped here). */
  readonly title: string;
  /** Printed at the top left of every page: organization and period (raw text; escaped here). */
  readonly runningHeader: string;
  /** Printed at the top right of every page (raw text). */
  readonly runningTitle: string;
  /** The model's levels, ascending: each gets a class `lv-N` (colour) and `tint-N` (light background). */
  readonly levels: readonly ReportLevel[];
  /** The body's inner HTML, already escaped. */
  readonly body: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #475467; --line: #d0d5dd; --soft: #f2f4f7; --accent: #1d3b66; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: ${FONT}; color: var(--ink); background: #fff; line-height: 1.5; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; }
.page { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header.masthead { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: .95rem; font-weight: 600; letter-spacing: .02em; }
h1 { font-size: 2.1rem; line-height: 1.15; margin: .25rem 0 .5rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 .9rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.2rem; line-height: 1.3; margin: 2rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p, ul, ol { margin: .5rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 0; font-size: .95rem; }
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; }
nav.toc { font-size: .9rem; margin: 0 0 1.5rem; }
nav.toc h2 { font-size: 1rem; border: 0; margin: 0 0 .3rem; padding: 0; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; list-style: none; padding: 0; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .3rem; color: var(--muted); font-size: .85rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
code, .id { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
.chip { display: inline-block; padding: .05rem .55rem; border-radius: .8rem; border: 1px solid rgba(0,0,0,.35); font-weight: 600; font-size: .85em; white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.headline { display: grid; grid-template-columns: minmax(12rem, 15rem) 1fr; gap: 1.5rem; align-items: start; }
.holds h3, .first-steps h3 { margin: 0 0 .3rem; font-size: 1.1rem; }
.holds p { margin: .3rem 0; }
.overview { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr); gap: 1rem 1.5rem; align-items: start; margin: 1rem 0 .5rem; }
.overview table { margin: 0; }
.first-steps { margin: .8rem 0 .4rem; }
p.gap { margin: .6rem 0 0; padding: .4rem .7rem; background: var(--soft); border-radius: .3rem; }
.phase h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .7rem; margin: 1.2rem 0 .2rem; }
.achieves { margin: .2rem 0 .4rem; font-weight: 600; }
ol.agenda { padding-left: 1.4rem; }
ol.agenda li { margin: 0 0 .7rem; }
ol.agenda .what { font-weight: 600; margin: 0; }
ol.agenda p { margin: .1rem 0; }
.wide { overflow-x: auto; }
.withheld { color: var(--muted); font-style: italic; }
footer.about { margin-top: 2.5rem; }
footer.about h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
td, th, p, li { overflow-wrap: break-word; }
.verdict { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.2rem; background: var(--soft); }
.verdict .label { margin: 0; color: var(--muted); font-weight: 600; font-size: .9rem; }
.verdict .level { display: block; font-size: 2rem; font-weight: 700; line-height: 1.2; margin: .2rem 0; }
.verdict .score { margin: 0; font-size: 1rem; }
blockquote { margin: .6rem 0; padding: .2rem 0 .2rem 1rem; border-left: 4px solid var(--line); color: var(--ink); }
ol.ladder { list-style: none; padding: 0; margin: .8rem 0 0; display: flex; flex-direction: column-reverse; gap: .2rem; font-size: .85rem; }
ol.ladder li { padding: .15rem .5rem; border-radius: .3rem; border: 1px solid transparent; }
ol.ladder li.current { font-weight: 700; border-color: var(--ink); background: #fff; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem 2rem; align-items: start; margin: 1rem 0; }
.charts.trend-pair { grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr); }
figure { margin: 0; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 36rem; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1.2rem 1.5rem; }
.multiples h3 { margin: 0 0 .1rem; font-size: 1.05rem; }
.multiples p { margin: .3rem 0 0; }
.multiples table { font-size: .8rem; margin: .3rem 0 0; }
svg text { font-family: ${FONT}; }
svg.meter { display: block; width: 6rem; height: .45rem; margin-top: .25rem; }
.element-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .8rem; }
.element-head h3 { margin-right: .2rem; }
.steps { padding-left: 2rem; }
.steps li { margin: 0 0 .9rem; padding-left: .2rem; }
.steps .what { font-weight: 600; }
.steps .action { margin: .1rem 0; font-weight: 600; }
.steps p { margin: .1rem 0; }
.note { white-space: pre-line; }
.notes li { margin-bottom: .4rem; }
.heat { text-align: center; font-variant-numeric: tabular-nums; }
.heat .lvl { display: block; font-size: .75rem; }
.warning { border-left: 4px solid #b54708; background: #fffaeb; padding: .4rem .8rem; margin: .4rem 0; list-style: none; }
ul.warnings { padding: 0; }
ul.inputs { list-style: none; padding: 0; font-size: .8rem; }
ul.inputs li { overflow-wrap: anywhere; margin: .15rem 0; }
@media (max-width: 40rem) {
  .headline, .charts.trend-pair, .overview, .multiples { grid-template-columns: 1fr; }
  h1 { font-size: 1.7rem; }
  .page { padding: 1rem .8rem 2rem; }
  th, td { padding: .3rem .25rem; hyphens: auto; }
  .num, thead th.num { white-space: normal; }
  .num .chip { display: table; margin: .15rem 0 0 auto; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.reflow tr { display: block; border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.reflow th[scope="row"] { display: block; border: 0; padding: 0; }
  table.reflow td { display: inline-block; border: 0; padding: .1rem .7rem .1rem 0; text-align: left; }
  table.reflow td::before { content: attr(data-label) " "; color: var(--muted); font-size: .8rem; }
  table.reflow .num .chip { display: inline-block; margin: 0; }
  table.scores td:nth-child(4), table.questions td:nth-child(3), table.questions th:nth-child(3) { font-size: .8rem; }
  table.heatmap { font-size: .75rem; }
  .heat .lvl { display: none; }
}
@media print {
  html { font-size: 9.5pt; line-height: 1.4; }
  #summary { break-after: page; page-break-after: always; }
  #summary h3 { margin-top: 3mm; }
  .overview { grid-template-columns: 1fr 1.15fr; gap: 4mm 6mm; margin: 3mm 0; }
  .first-steps .steps li { margin-bottom: 1.5mm; }
  .appendix .element { margin-bottom: 2mm; }
  .appendix h3 { margin-top: 4mm; }
  .appendix table { font-size: .8rem; margin: 1mm 0 2mm; }
  .appendix caption { display: none; }
  .appendix h4 { margin: 2mm 0 1mm; font-size: .9rem; }
  .appendix p, .appendix li { margin: .5mm 0; }
  svg.meter { display: none; }
  .phase, ol.agenda li, .first-steps { break-inside: avoid; page-break-inside: avoid; }
  .wide { overflow: visible; }
  .page { max-width: none; padding: 0; }
  nav.toc, .skip { display: none; }
  h2, h3, h4, .element-head, caption { break-after: avoid; page-break-after: avoid; }
  tr, figure, .verdict, blockquote, .steps li, .notes li, .warning, .multiples > section, .keep, .element-head + p { break-inside: avoid; page-break-inside: avoid; }
  h3 + p, h4 + ol, h4 + ul, .element-head + p { break-before: avoid; page-break-before: avoid; }
  thead { display: table-header-group; }
  .break-before { break-before: page; page-break-before: always; }
  header.masthead { margin-bottom: 4mm; }
  h2 { margin-top: 6mm; }
  .charts { grid-template-columns: 1fr 1fr; gap: 4mm 8mm; margin: 3mm 0; }
  .charts.trend-pair { grid-template-columns: 1fr; }
  .multiples { grid-template-columns: 1fr 1fr; gap: 4mm 8mm; }
  .multiples figure.chart svg { max-height: 52mm; }
  .multiples table { display: none; }
  figure.trend-figure svg { max-height: 70mm; }
  figure.chart svg { max-height: 64mm; }
  th, td { padding: .18rem .4rem; }
  .lead { break-after: avoid; page-break-after: avoid; }
  ol.ladder { margin-top: 2mm; }
  .verdict .level { font-size: 1.6rem; }
  .verdict { padding: 3mm 4mm; }
  figcaption { display: none; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function levelClasses(levels: readonly ReportLevel[]): string {
  const rules = levels.map((l, i) => {
    const colour = levelColour(levels, l.id);
    return `.lv-${i} { background: ${colour}; color: ${levelInk(levels, l.id)}; }\n.tint-${i} { background: ${tint(colour, 0.22)}; }\nol.ladder li.lv-${i} { background: ${tint(colour, 0.18)}; color: inherit; border-left: 6px solid ${colour}; }`;
  });
  rules.push(`.lv-none { background: ${NO_LEVEL}; }\n.tint-none { background: #fff; }`);
  return rules.join('\n');
}

function printMarginBoxes(runningHeader: string, runningTitle: string): string {
  const box = `font-family: ${FONT}; font-size: 8pt; color: #475467;`;
  return `@page {
  margin: 16mm 14mm 16mm;
  @top-left { content: ${cssString(runningHeader)}; ${box} }
  @top-right { content: ${cssString(runningTitle)}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
}
`;
}

/** The class name of a level's colour (`lv-N`), `lv-none` for none. */
export function levelClass(levels: readonly ReportLevel[], id: string | null, prefix: 'lv' | 'tint' = 'lv'): string {
  const index = id === null ? -1 : levels.findIndex((l) => l.id === id);
  return index < 0 ? `${prefix}-none` : `${prefix}-${index}`;
}

export function renderPage(options: PageOptions): string {
  const css = `${CSS}${levelClasses(options.levels)}\n${printMarginBoxes(options.runningHeader, options.runningTitle)}`;
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  const policy = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cxm">
<title>${html(options.title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<div class="page">
${options.body}
</div>
</body>
</html>
`;
}
