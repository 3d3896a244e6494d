// A comparison over periods as one HTML page: the overall trend on the level bands beside its table, one
// small chart per element over the periods (each with its table), the scores and levels side by side, then
// one section per change with deltas, level changes and the questions that moved each element; warnings
// last. The same content as the Markdown comparison (src/render/compare-markdown.ts). Pure.

import type { Comparison, Direction, ElementChange, PeriodChange } from '../../domain/comparison.js';
import { comparisonHasTargets, comparisonTargetRows } from '../assurance-words.js';
import { elementTitle as titleOfElement, levelTitle as titleOfLevel } from '../levels.js';
import { formatScore, formatSigned } from '../number.js';
import { trendChart } from './charts.js';
import { html } from './escape.js';
import { levelClass, renderPage } from './page.js';
import { plural } from '../../text/plural.js';
import { likeForLikeReason, likeForLikeWords, moved as movedWords } from '../compare-words.js';

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The questions shown under each element's movement (the JSON has up to five). */
const HTML_DRIVERS = 3;

function arrow(direction: Direction | null): string {
  return direction === 'up' ? ' ↑' : direction === 'down' ? ' ↓' : '';
}

export function renderComparisonHtml(c: Comparison): string {
  const levels = c.levels;
  const levelTitle = (id: string | null): string => titleOfLevel(c, id);
  const chip = (id: string | null): string => `<span class="chip ${levelClass(levels, id)}">${html(levelTitle(id))}</span>`;
  const elementTitle = (id: string): string => titleOfElement(c, id);
  const first = c.periods[0]!;
  const lastPeriod = c.periods.at(-1)!;
  const labels = c.periods.map((p) => p.label);
  const span = `${first.label} → ${lastPeriod.label}`;
  const overallChange = c.changes.at(-1)!.overall;

  const body: string[] = [];
  body.push(`<header class="masthead">
<p class="kicker">CX maturity over time · ${html(span)}</p>
<h1>${html(c.organization ?? 'CX maturity over time')}</h1>
<dl class="facts"><dt>Periods</dt><dd>${c.periods.map((p) => `${html(p.label)}${p.date !== undefined ? ` <span class="muted">(${html(p.date)})</span>` : ''}`).join(', ')}</dd>
<dt>Model</dt><dd>${html(lastPeriod.model.id)} ${html(lastPeriod.model.version)} <span class="muted">(every period scored with it)</span></dd></dl>
</header>`);

  const sections: [string, string][] = [
    ['trend', 'Overall trend'],
    ['elements', 'Elements over time'],
    ['changes', 'Changes'],
    ['about', 'About this comparison'],
  ];
  body.push(`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`).join('')}</ol></nav>`);

  const main: string[] = [];
  // overall trend
  const o = overallChange;
  const moved =
    o.delta === null
      ? 'The overall score cannot be compared: a period has none.'
      : `Overall the score ${o.delta > 0 ? `rose ${plural(o.delta, 'point')}` : o.delta < 0 ? `fell ${plural(-o.delta, 'point')}` : 'did not move'} (${formatScore(o.fromScore)} → ${formatScore(o.toScore)}); the level ${
          o.from === o.to ? `stayed ${html(levelTitle(o.to))}` : `went from ${html(levelTitle(o.from))} to ${html(levelTitle(o.to))}${arrow(o.direction)}`
        }.`;
  const periodTable = (id: string, caption: string, cells: readonly { score: number | null; level: string | null }[]): string =>
    `<table id="${id}"><caption>${caption}</caption><thead><tr><th scope="col">Period</th><th scope="col" class="num">Score</th><th scope="col">Level</th></tr></thead><tbody>${c.periods
      .map((p, i) => `<tr><th scope="row">${html(p.label)}</th><td class="num">${formatScore(cells[i]!.score)}</td><td>${chip(cells[i]!.level)}</td></tr>`)
      .join('')}</tbody></table>`;
  const describe = (cells: readonly { score: number | null; level: string | null }[]): string =>
    c.periods.map((p, i) => `${p.label}: ${cells[i]!.score === null ? 'not assessed' : `${formatScore(cells[i]!.score)} (${levelTitle(cells[i]!.level)})`}`).join('; ');
  const thresholds = levels.map((l) => `${l.title} from ${l.minScore}`).join(', ');
  const overallCells = c.periods.map((p) => p.overall);
  // the scores and levels side by side, with the change from first to last: the trend chart's table
  const cell = (x: { score: number | null; level: string | null }, label: string): string =>
    x.score === null ? `<td class="num muted" data-label="${html(label)}">not assessed</td>` : `<td class="num" data-label="${html(label)}">${formatScore(x.score)} ${chip(x.level)}</td>`;
  const last = c.changes.at(-1)!;
  const changeCell = (delta: number | null): string => `<td class="num" data-label="Change">${delta === null ? '–' : html(formatSigned(delta))}</td>`;
  const scoresTable = `<table id="trend-table" class="scores reflow"><caption>Scores (0–100) and levels by period, and the change from ${html(first.label)} to ${html(last.to)}</caption><thead><tr><th scope="col">Element</th>${c.periods.map((p) => `<th scope="col" class="num">${html(p.label)}</th>`).join('')}<th scope="col" class="num">Change</th></tr></thead>
<tbody><tr class="total"><th scope="row">Overall</th>${c.periods.map((p) => cell(p.overall, p.label)).join('')}${changeCell(last.overall.delta)}</tr>
${c.elements.map((e, i) => `<tr><th scope="row">${html(e.title)}</th>${c.periods.map((p) => cell(p.elements[i] ?? { score: null, level: null }, p.label)).join('')}${changeCell(last.elements[i]?.delta ?? null)}</tr>`).join('\n')}</tbody></table>`;
  // (1.2) how far each element was from its own target in each period (render/assurance-words.ts, as in text and Markdown)
  const targetsTable = comparisonHasTargets(c)
    ? `<table id="targets-table" class="reflow"><caption>Each element against the target its period set</caption><thead><tr><th scope="col">Element</th>${c.periods.map((p) => `<th scope="col">${html(p.label)}</th>`).join('')}</tr></thead>
<tbody>${comparisonTargetRows(c, elementTitle, (id) => levelTitle(id), 'no target')
        .map(([element, ...cells]) => `<tr><th scope="row">${html(element ?? '')}</th>${cells.map((t, i) => `<td data-label="${html(c.periods[i]!.label)}">${html(t)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`
    : '';
  main.push(`<section id="trend" aria-labelledby="trend-title"><h2 id="trend-title">Overall trend</h2>
<p class="lead">${moved}</p>
<figure class="chart trend-figure">${trendChart({ id: 'trend-overall', title: 'Overall score by period', desc: `Overall score (0-100) per period on the level bands (${thresholds}). ${describe(overallCells)}.`, table: 'trend-table' }, levels, labels, overallCells, 'large')}</figure>
${scoresTable}
${targetsTable}
</section>`);

  // small multiples
  const multiples = c.elements.map((e, index) => {
    const cells = c.periods.map((p) => p.elements[index] ?? { score: null, level: null });
    const id = `element-${index + 1}`;
    const change = overallChangeOf(index);
    return `<section aria-labelledby="${id}-title"><h3 id="${id}-title">${html(e.title)}</h3><figure class="chart">${trendChart({ id: `${id}-chart`, title: `${e.title} by period`, desc: `${e.title} score (0-100) per period on the level bands. ${describe(cells)}.`, table: `${id}-table` }, levels, labels, cells, 'small')}</figure>
${change}${periodTable(`${id}-table`, `${html(e.title)} by period`, cells)}</section>`;
  });
  main.push(`<section id="elements" aria-labelledby="elements-title"><h2 id="elements-title">Elements over time</h2>
<p class="lead">One chart per element, on the same scale and level bands.</p>
<div class="multiples">${multiples.join('\n')}</div></section>`);

  main.push(`<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">Changes</h2>\n${c.changes.map((change, i) => changeSection(change, i)).join('\n')}\n</section>`);

  body.push(`<main id="main">\n${main.join('\n')}\n</main>`);
  // notes on the data in the client's words: no file paths, no warning codes; each said once
  const notes = [...new Set(c.warnings.map((w) => w.message.replace(/^\S+\.(?:ya?ml|json): /i, '')))];
  body.push(`<footer id="about" class="about" aria-labelledby="about-title"><h2 id="about-title">About this comparison</h2>
<p class="small">Every period is scored with one model (${html(lastPeriod.model.id)} ${html(lastPeriod.model.version)}), so that the comparison is like for like. Each change shows the periods' own scores and levels; where two periods answered different questions, a like-for-like change over the questions both answered is shown beside it, labelled, and never as a level.</p>
${notes.length > 0 ? `<h3 id="data-notes-title">Notes on the data</h3><ul class="warnings">${notes.map((m) => `<li class="warning">${html(m)}</li>`).join('')}</ul>` : ''}
<p class="small muted">Made by cxm. Print this page, or save it as PDF from the browser's print dialog.</p></footer>`);

  return renderPage({
    title: `CX maturity over time${c.organization !== undefined ? `: ${c.organization}` : ''}, ${span}`,
    runningHeader: [c.organization, span].filter((s): s is string => s !== undefined && s !== '').join(' · '),
    runningTitle: 'CX maturity over time',
    levels,
    body: body.join('\n'),
  });

  /** "+27.62 points, Unconscious → Ad hoc ↑" for an element from the first period to the last. */
  function overallChangeOf(index: number): string {
    const e = c.changes.at(-1)!.elements[index];
    if (e === undefined || e.delta === null) return '<p class="small muted">No change to show: not assessed in both the first and the last period.</p>';
    const level = e.from === e.to ? `still ${html(levelTitle(e.to))}` : `${html(levelTitle(e.from))} → ${html(levelTitle(e.to))}${arrow(e.direction)}`;
    // the periods' own figures, as the chart shows them; a like-for-like figure beside them, labelled
    const like = e.likeForLike === undefined ? '' : `<br><span class="muted">${html(capitalised(likeForLikeWords(e.likeForLike)))}</span>`;
    return `<p class="small"><strong>${formatSigned(e.delta)}</strong> ${Math.abs(e.delta) === 1 ? 'point' : 'points'} since ${html(first.label)} (${formatScore(e.fromScore)} → ${formatScore(e.toScore)}); ${level}${like}</p>`;
  }

  function changeSection(change: PeriodChange, index: number): string {
    const id = `change-${index + 1}`;
    const from = html(change.from);
    const to = html(change.to);
    const heading = change.kind === 'first-to-last' ? `First → last: ${from} → ${to}` : `${from} → ${to}`;
    const levelCell = (e: { from: string | null; to: string | null; direction: Direction | null }): string =>
      e.from === e.to ? chip(e.to) : `${chip(e.from)} → ${chip(e.to)}${arrow(e.direction)}`;
    const row = (name: string, e: { fromScore: number | null; toScore: number | null; delta: number | null; from: string | null; to: string | null; direction: Direction | null }, total = false): string =>
      `<tr${total ? ' class="total"' : ''}><th scope="row">${name}</th><td class="num" data-label="${from}">${formatScore(e.fromScore)}</td><td class="num" data-label="${to}">${formatScore(e.toScore)}</td><td class="num" data-label="Change">${formatSigned(e.delta)}</td><td data-label="Level">${levelCell(e)}</td></tr>`;
    const parts: string[] = [
      `<h3 id="${id}-title">${heading}</h3>`,
      `<table class="keep reflow"><thead><tr><th scope="col">Element</th><th scope="col" class="num">${from}</th><th scope="col" class="num">${to}</th><th scope="col" class="num">Change</th><th scope="col">Level</th></tr></thead><tbody>${row('Overall', change.overall, true)}${change.elements.map((e) => row(html(elementTitle(e.id)), e)).join('')}</tbody></table>`,
    ];
    const alike = [
      ...(change.overall.likeForLike !== undefined ? [['Overall', change.overall.likeForLike] as const] : []),
      ...change.elements.flatMap((e) => (e.likeForLike !== undefined ? [[elementTitle(e.id), e.likeForLike] as const] : [])),
    ];
    if (alike.length > 0) {
      parts.push(
        `<p class="small">${html(likeForLikeReason(change.from, change.to))}</p><table class="keep reflow"><caption>Like for like: over the questions both periods answered (not a level)</caption><thead><tr><th scope="col">Like for like</th><th scope="col" class="num">Questions</th><th scope="col" class="num">${from}</th><th scope="col" class="num">${to}</th><th scope="col" class="num">Change</th></tr></thead><tbody>${alike
          .map(([name, like]) => `<tr><th scope="row">${html(name)}</th><td class="num" data-label="Questions">${like.over.length}</td><td class="num" data-label="${from}">${formatScore(like.fromScore)}</td><td class="num" data-label="${to}">${formatScore(like.toScore)}</td><td class="num" data-label="Change">${formatSigned(like.delta)}</td></tr>`)
          .join('')}</tbody></table>`,
      );
    }
    const explained = change.elements.map((e) => explain(e)).filter((s): s is string => s !== undefined);
    if (explained.length > 0) {
      parts.push(`<h4>What moved, and the questions behind it</h4><p class="small muted lead">Points each question added to or took from the element score; its own score before → after.</p><ul class="drivers">${explained.join('')}</ul>`);
    }
    const reshaped = change.elements.filter((e) => e.questionsAdded.length > 0 || e.questionsRemoved.length > 0);
    if (reshaped.length > 0) {
      parts.push(
        `<p class="small">Questions asked in one period only (new, or changed in meaning): ${reshaped
          .map((e) => `${html(elementTitle(e.id))} ${[e.questionsAdded.length > 0 ? `${e.questionsAdded.length} new` : '', e.questionsRemoved.length > 0 ? `${e.questionsRemoved.length} dropped` : ''].filter((b) => b !== '').join(', ')}`)
          .join('; ')}.</p>`,
      );
    }
    return `<section aria-labelledby="${id}-title">\n${parts.join('\n')}\n</section>`;
  }

  function explain(e: ElementChange): string | undefined {
    if (e.delta === null) return undefined;
    const title = html(elementTitle(e.id));
    const drivers = e.drivers.length === 0 ? '' : `<ul>${e.drivers.slice(0, HTML_DRIVERS).map((d) => `<li><span class="num">${formatSigned(d.delta)}</span> ${html(d.text)} <span class="muted">(${formatScore(d.fromScore)} → ${formatScore(d.toScore)})</span></li>`).join('')}</ul>`;
    if (e.delta === 0 && e.likeForLike === undefined) return e.drivers.length === 0 ? undefined : `<li>${title} did not move: these changes cancelled out:${drivers}</li>`;
    const like = e.likeForLike === undefined ? '' : `; ${html(likeForLikeWords(e.likeForLike))}`;
    return `<li><strong>${title}</strong> ${movedWords(e.delta)} (${formatScore(e.fromScore)} → ${formatScore(e.toScore)})${like}${drivers === '' ? '.' : `:${drivers}`}</li>`;
  }
}

