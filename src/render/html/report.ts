// The report as one HTML page to open, print and hand over (issue #28). Page 1 is an executive summary: the
// level and what holds it back, each element's distance to its next level beside one chart, the first three
// actions, the largest gap between groups, who answered. Then the roadmap (the plan's first steps in phases
// that say what they achieve), the groups, a workshop agenda (the questions people disagree on most), an
// appendix element by element, and "About this report" (method, notes on the data, file hashes) last.
// What is shown is decided in ../selection.ts; this module only formats it. Pure.

import { confidenceSentence, isSelfReported, questionTextOf, targetWords, unsupportedWords } from '../assurance-words.js';
import type { PlanStep, RecordedAnswer, Report, ReportElement, ReportGap, ReportGroupScore, ReportItem } from '../../domain/report.js';
import { findLevel, groupTitle, levelTitle, withheldWhy } from '../levels.js';
import {
  ELEMENT_STEPS,
  PAGE_ONE_STEPS,
  agenda,
  distanceToNext,
  largestGap,
  levelOfScore,
  listedGaps,
  namesRespondents,
  respondentCount,
  roadmap,
  type AgendaItem,
  type Phase,
} from '../selection.js';
import { formatScore, formatSigned } from '../number.js';
import { barChart } from './charts.js';
import { html, htmlLines } from './escape.js';
import { levelColour } from '../level-colours.js';
import { levelClass, renderPage } from './page.js';
import { methodParagraphs } from '../method-words.js';
import { plural } from '../../text/plural.js';
import { holdsBack, portrait } from '../summary-words.js';

/** A level as a coloured chip with its title (escaped). */
function chip(report: Report, id: string | null): string {
  return `<span class="chip ${levelClass(report.levels, id)}">${html(levelTitle(report, id))}</span>`;
}

function anonymous(report: Report): boolean {
  return report.anonymous === true;
}

/** A group's title for people: its id made readable where the model gives it no title of its own. */
function groupName(report: Report, id: string): string {
  const title = groupTitle(report, id);
  return title === id ? readable(id) : title;
}

/** "front-line" → "Front line". */
function readable(id: string): string {
  const words = id.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An item of the report together with the labels of its options, where the report carries them. */
type ItemWithOptions = ReportItem & { readonly options?: readonly { readonly id: string; readonly label: string }[] };

/** A recorded answer in words: option labels where the report has them, else the option ids as written. */
function answerText(item: ItemWithOptions | undefined, answer: RecordedAnswer | null): string {
  if (answer === null) return 'no answer';
  if (typeof answer === 'number') return String(answer);
  const options = item?.options;
  const label = (id: string): string => (id === 'n/a' ? 'not applicable' : (options?.find((o) => o.id === id)?.label ?? id));
  if (typeof answer === 'string') return label(answer);
  return answer.length === 0 ? 'none of them' : answer.map(label).join(', ');
}

function findItem(report: Report, questionId: string): { element: ReportElement; item: ReportItem } | undefined {
  for (const element of report.elements) {
    const item = element.items.find((i) => i.id === questionId);
    if (item) return { element, item };
  }
  return undefined;
}

/** "4 respondents in 3 groups", anonymous or not: who answered, in one phrase. */
function whoAnswered(report: Report): string {
  const count = respondentCount(report);
  if (count === 0) return 'no respondents';
  const groups = (report.groups ?? []).length;
  return `${plural(count, 'respondent')}${groups > 0 ? ` in ${plural(groups, 'group')}` : ''}${anonymous(report) ? ', anonymous' : ''}`;
}

function masthead(report: Report): string {
  const heading = report.organization ?? report.model.title;
  const kicker = [report.organization !== undefined ? report.model.title : 'Report', report.period].filter((s): s is string => s !== undefined && s !== '');
  const facts: [string, string][] = [];
  if (report.period) facts.push(['Period', html(report.period)]);
  if (report.date) facts.push(['Date', html(report.date)]);
  facts.push(['Respondents', html(whoAnswered(report))]);
  return `<header class="masthead">
<p class="kicker">${kicker.map(html).join(' · ')}</p>
<h1>${html(heading)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}

function contents(sections: readonly (readonly [string, string])[]): string {
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${html(title)}</a></li>`).join('')}</ol></nav>`;
}

// ---- page 1 ----

const HTML_WORDS = { escape: html, strong: (t: string): string => `<strong>${t}</strong>` };

/** The level's description, unless the elements stand so far apart that it portrays none of them. */
function portraitHtml(report: Report): string {
  const { description, apart } = portrait(report, HTML_WORDS);
  const level = findLevel(report, report.overall.level);
  if (description !== undefined) return `<p class="small"><strong>What ${html(level?.title ?? '')} means:</strong> ${description}</p>`;
  return apart !== undefined ? `<p class="small muted">${apart}</p>` : '';
}

/**
 * (1.2) Where the elements stand against their targets, in one line under the table: page 1 must not grow by a row
 * or a wrapped cell per element. The appendix gives each element's target in full.
 */
function targetsLine(report: Report): string {
  const withTarget = report.elements.filter((e) => e.target !== undefined);
  if (withTarget.length === 0) return '';
  const reached = withTarget.filter((e) => e.target?.reached === true).map((e) => html(e.title));
  const open = withTarget.filter((e) => e.target?.reached === false).map((e) => `${html(e.title)} (${html(levelTitle(report, e.target?.level ?? null))})`);
  const parts = [reached.length > 0 ? `reached by ${reached.join(', ')}` : '', open.length > 0 ? `not yet by ${open.join(', ')}` : ''].filter((p) => p !== '');
  return `<p class="small"><strong>Targets:</strong> ${parts.join('; ')}.</p>`;
}

function distanceCell(report: Report, element: ReportElement): string {
  const d = distanceToNext(report, element);
  if (element.score === null) return '<td class="muted">not assessed</td>';
  let words: string;
  if (d.capped.length > 0) words = `held by ${plural(d.capped.length, 'question')}`;
  else if (d.next === undefined) words = 'top level';
  else words = `${plural(d.points ?? 0, 'point')} to ${html(d.next.title)}`;
  return `<td>${words}</td>`;
}

function elementTable(report: Report, tableId: string): string {
  const rows = report.elements.map(
    (e, i) =>
      `<tr><th scope="row"><a href="#element-${i + 1}">${html(e.title)}</a></th><td class="num">${formatScore(e.score)}</td><td>${chip(report, e.level)}</td>${distanceCell(report, e)}</tr>`,
  );
  rows.push(`<tr class="total"><th scope="row">Overall</th><td class="num">${formatScore(report.overall.score)}</td><td>${chip(report, report.overall.level)}</td><td></td></tr>`);
  return `<table id="${tableId}" class="scores"><caption>Element scores (0–100), levels and the distance to the next level</caption>
<thead><tr><th scope="col">Element</th><th scope="col" class="num">Score</th><th scope="col">Level</th><th scope="col">To the next level</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** A plan step's action: the model's words, else the move itself. */
function actionOf(step: PlanStep): string {
  return step.next ?? `Move “${step.text}” from “${step.fromLabel}” to “${step.toLabel}”.`;
}

/** What a step is and gains, after its action: the question, and (in the appendix) the answers it moves between. */
function stepDetail(report: Report, step: PlanStep, withElement: boolean, withMove = false): string {
  const element = report.elements.find((e) => e.id === step.element);
  const title = element?.title ?? step.element;
  const move = !withMove ? '' : step.type === 'multi' ? `: add “${step.toLabel}”` : `: from “${step.fromLabel}” to “${step.toLabel}”`;
  const who = step.of === 1 ? 'the one respondent' : step.moves === step.of ? `all ${step.of} respondents` : `${step.moves} of ${step.of} respondents`;
  return `${withElement ? `<strong>${html(title)}</strong> · ` : ''}${html(step.text)}${html(move)} (${who}; ${html(formatSigned(step.elementPoints, '-'))} to ${html(title)}, ${html(formatSigned(step.overallPoints, '-'))} overall)`;
}

function firstSteps(report: Report): string {
  const steps = (report.plan ?? []).slice(0, PAGE_ONE_STEPS);
  if (steps.length === 0) return '';
  return `<div class="first-steps"><h3 id="first-steps-title">First steps</h3><ol class="steps">${steps
    .map((s) => `<li><p class="action">${html(actionOf(s))}</p><p class="small muted">${stepDetail(report, s, true)}</p></li>`)
    .join('')}</ol>${(report.plan ?? []).length > steps.length ? '<p class="small muted">The roadmap that follows lays out the next steps in phases.</p>' : ''}</div>`;
}

function gapLine(report: Report): string {
  const gap = largestGap(report);
  if (gap === undefined) return '';
  const element = report.elements.find((e) => e.id === gap.element);
  const what = gap.question === null ? html(element?.title ?? gap.element) : `“${html(findItem(report, gap.question)?.item.text ?? gap.question)}”`;
  return `<p class="gap"><strong>Largest gap between groups:</strong> on ${what}, ${html(groupName(report, gap.high))} scores ${formatScore(gap.scores[0])} and ${html(groupName(report, gap.low))} ${formatScore(gap.scores[1])}, ${plural(gap.difference, 'point')} apart.</p>`;
}

function summary(report: Report): string {
  const overall = report.overall;
  const parts: string[] = [];
  if (overall.withheld !== undefined) {
    // (1.2) anonymous: withheld, not missing (src/score/anonymity.ts decides; the warnings say which)
    parts.push(`<p>The overall score is withheld: ${withheldWhy(report, overall.withheld)}.</p>`);
  } else if (overall.level === null) {
    parts.push('<p>No element could be scored: no respondent answered any question.</p>');
  } else {
    const ladder = [...report.levels]
      .map((l, i) => `<li class="lv-${i}${l.id === overall.level ? ' current' : ''}">${html(l.title)} <span class="muted">from ${l.minScore}</span></li>`)
      .join('');
    parts.push(`<div class="headline">
<div class="verdict"><p class="label">Overall level</p><span class="level">${html(levelTitle(report, overall.level))}</span><p class="score">Score <strong>${formatScore(overall.score)}</strong> of 100</p>
<ol class="ladder" aria-label="The model's levels, lowest first">${ladder}</ol></div>
<div class="holds"><h3 id="holds-title">What holds it back</h3>${holdsBack(report, HTML_WORDS).map((p) => `<p>${p}</p>`).join('')}${portraitHtml(report)}</div>
</div>`);
  }
  if (report.elements.some((e) => e.score !== null)) {
    const data = report.elements.map((e) => ({ label: e.title, score: e.score, level: e.level }));
    const describe = report.elements.map((e) => `${e.title} ${e.score === null ? 'not assessed' : `${formatScore(e.score)} (${levelTitle(report, e.level)})`}`).join('; ');
    const thresholds = report.levels.map((l) => `${l.title} from ${l.minScore}`).join(', ');
    parts.push(`<div class="overview"><figure class="chart">${barChart({ id: 'bars', title: 'Element scores by level', desc: `Bar per element over the level bands; dashed lines mark where each level starts: ${thresholds}. ${describe}.`, table: 'scores-table' }, report.levels, data)}</figure>
${elementTable(report, 'scores-table')}</div>`);
    parts.push(targetsLine(report));
  }
  // (1.2) how sure the assessment is: one sentence (render/assurance-words.ts)
  const confidence = confidenceSentence(report);
  if (confidence !== undefined) parts.push(`<p class="assurance small">${html(confidence)}</p>`);
  parts.push(firstSteps(report), gapLine(report));
  return `<section id="summary" class="summary" aria-labelledby="summary-title"><h2 id="summary-title" class="visually-hidden">Summary</h2>\n${parts.join('\n')}\n</section>`;
}

// ---- the roadmap ----

function phaseSection(report: Report, phase: Phase, index: number, numbers: Map<PlanStep, number>): string {
  const title = html(phase.element.title);
  const same = phase.toLevel === phase.fromLevel;
  const where = `${same ? 'still' : 'reaching'} ${html(levelTitle(report, phase.toLevel))}`;
  const then = phase.next === undefined ? '' : phase.next.points > 0 ? `; ${html(phase.next.title)} needs ${plural(phase.next.points, 'more point')}` : '';
  const achieves = `${phase.steps.length === 1 ? 'This step takes' : `These ${phase.steps.length} steps take`} ${title} from ${formatScore(phase.fromScore)} to ${formatScore(phase.toScore)}: ${where}${then}.`;
  const steps = phase.steps
    .map((s) => `<li value="${numbers.get(s)}"><p class="action">${html(actionOf(s))}</p><p class="small muted">${stepDetail(report, s, false)}</p></li>`)
    .join('');
  const levels = same ? chip(report, phase.toLevel) : `${chip(report, phase.fromLevel)} → ${chip(report, phase.toLevel)}`;
  return `<section class="phase" aria-labelledby="phase-${index + 1}-title"><h3 id="phase-${index + 1}-title">Phase ${index + 1} · ${title} <span class="small">${levels}</span></h3>
<p class="achieves">${achieves}</p><ol class="steps">${steps}</ol></section>`;
}

function roadmapSection(report: Report): string {
  const { phases, more } = roadmap(report);
  if (phases.length === 0) return '';
  const numbers = new Map((report.plan ?? []).map((s, i) => [s, i + 1]));
  const why =
    report.overall.method === 'weakest-link'
      ? 'The organization is rated at its weakest element, so the steps come in the order that lifts the weakest first.'
      : 'The steps that add most to the overall score come first.';
  return `<section id="roadmap" aria-labelledby="roadmap-title"><h2 id="roadmap-title">Roadmap</h2>
<p class="lead">What to change, from the team's own answers, grouped by the element each phase raises. Each step moves one question up by one answer for the people who gave the typical answer; the points are what the scores gain once they can answer higher. ${why} The numbers are the order to take the steps in.</p>
${phases.map((p, i) => phaseSection(report, p, i, numbers)).join('\n')}
${more > 0 ? `<p class="small muted">${plural(more, 'further step')}, each worth less, follow; the appendix lists each element's next ones.</p>` : ''}</section>`;
}

// ---- groups ----

function groupsSection(report: Report): string {
  const groups = report.groups ?? [];
  const gaps = report.gaps ?? [];
  const parts: string[] = [];
  const min = report.minGroupSize;
  if (groups.length > 0) {
    const head = `<tr><th scope="col">Group</th><th scope="col" class="num">People</th><th scope="col" class="heat">Overall</th>${report.elements.map((e) => `<th scope="col" class="heat">${html(e.title)}</th>`).join('')}</tr>`;
    const cell = (figure: ReportGroupScore | undefined): string => {
      if (figure?.withheld === true) return `<td class="heat withheld">withheld<span class="lvl">see note</span></td>`;
      if (figure === undefined || figure.score === null) return '<td class="heat muted">not assessed</td>';
      return `<td class="heat ${levelClass(report.levels, figure.level, 'tint')}">${formatScore(figure.score)}<span class="lvl">${html(levelTitle(report, figure.level))}</span></td>`;
    };
    const rows = groups.map((g) => {
      // a suppressed group shows no size: with the others', it could single people out
      if (g.suppressed) {
        return `<tr><th scope="row">${html(groupName(report, g.id))}</th><td class="num muted">–</td><td colspan="${report.elements.length + 1}" class="muted">Not shown: too few people to keep their answers anonymous${min !== undefined ? ` (fewer than ${min}, or revealed by subtraction)` : ''}.</td></tr>`;
      }
      const elementCells = report.elements.map((e) => cell(g.elements?.find((x) => x.id === e.id)));
      return `<tr><th scope="row">${html(groupName(report, g.id))}</th><td class="num">${g.respondents}</td>${cell(g.overall)}${elementCells.join('')}</tr>`;
    });
    parts.push(`<div class="wide"><table id="groups-table" class="heatmap keep"><caption>Scores (0–100) and levels by group; the cell's tint is the level</caption><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table></div>`);
    if (groups.some((g) => g.elements?.some((e) => e.withheld === true) ?? false)) {
      parts.push(`<p class="small muted">Withheld: fewer than ${min ?? 'the minimum'} of the group answered a question behind the figure, or the figure would reveal others' answers by subtraction.</p>`);
    }
  }
  if (gaps.length > 0) {
    // the elements' gaps here; the questions' widest are on the workshop agenda, with the answers behind them
    const onAgenda = new Set(agenda(report).map((a) => a.item.id));
    const { listed: all } = listedGaps(gaps);
    const listed = all.filter((g) => g.question === null);
    const more = gaps.filter((g) => g.question !== null).length;
    const agendaNote = more === 0 ? '' : `${plural(more, 'question')} also ${more === 1 ? 'divides' : 'divide'} the groups by ${report.gapThreshold ?? 25} points or more; ${[...gaps].filter((g) => g.question !== null && onAgenda.has(g.question)).length > 0 ? 'the widest are on the workshop agenda.' : 'the workshop agenda lists the widest answers.'}`;
    const rows = listed.map((gap: ReportGap) => {
      const element = report.elements.find((e) => e.id === gap.element);
      const what =
        gap.question === null
          ? `<strong>${html(element?.title ?? gap.element)}</strong>`
          : `${html(findItem(report, gap.question)?.item.text ?? gap.question)} <span class="muted">(${html(element?.title ?? gap.element)})</span>`;
      return `<tr><td>${what}</td><td>${html(groupName(report, gap.high))} <span class="num">${formatScore(gap.scores[0])}</span></td><td>${html(groupName(report, gap.low))} <span class="num">${formatScore(gap.scores[1])}</span></td><td class="num">${formatScore(gap.difference)}</td></tr>`;
    });
    parts.push(`<h3 id="gaps-title">Where groups see it differently</h3>
${rows.length > 0 ? `<p class="lead">Elements on which one group scores far higher than another, largest difference first.</p>
<table aria-labelledby="gaps-title"><thead><tr><th scope="col">Element</th><th scope="col">Highest group</th><th scope="col">Lowest group</th><th scope="col" class="num">Difference</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : ''}${agendaNote !== '' ? `<p class="small">${agendaNote}</p>` : ''}`);
  }
  return `<section id="groups" aria-labelledby="groups-title"><h2 id="groups-title">Groups</h2>\n${parts.join('\n')}\n</section>`;
}

// ---- the workshop agenda ----

function agendaAnswers(report: Report, item: ReportItem): string {
  if (namesRespondents(report) && item.choices !== undefined && Object.keys(item.choices).length > 0) {
    return Object.entries(item.choices)
      .map(([name, a]) => `${html(name)}: ${html(answerText(item, a))}`)
      .join('; ');
  }
  if (item.distribution === undefined) return `${plural(item.answers, 'answer')}, ${formatScore(item.spread)} points apart`;
  return item.distribution
    .filter((d) => d.count > 0)
    .map((d) => `${html(d.label)} <strong>×${d.count}</strong>`)
    .join(' · ');
}

function agendaItem(report: Report, entry: AgendaItem): string {
  const { element, item, gap } = entry;
  const ends =
    gap === undefined
      ? ''
      : `<p class="small">Furthest apart: ${html(groupName(report, gap.high))} (${formatScore(gap.scores[0])}) and ${html(groupName(report, gap.low))} (${formatScore(gap.scores[1])}).</p>`;
  return `<li><p class="what">${html(item.text)} <span class="muted">(${html(element.title)})</span></p><p class="small">${agendaAnswers(report, item)}</p>${ends}</li>`;
}

function agendaSection(report: Report): string {
  const items = agenda(report);
  if (items.length === 0) return '';
  return `<section id="agenda" aria-labelledby="agenda-title"><h2 id="agenda-title">Workshop agenda: where views differ</h2>
<p class="lead">The questions on which people${(report.groups ?? []).length > 0 ? ' or groups' : ''} answered furthest apart, widest first. The score averages the difference away; each is worth an hour together before acting on it. Under each, the answers given${namesRespondents(report) ? ', by person' : ' and how many gave each'}.</p>
<ol class="agenda">${items.map((entry) => agendaItem(report, entry)).join('\n')}</ol></section>`;
}

// ---- the appendix ----

function meter(report: Report, score: number | null, level: string | null): string {
  if (score === null) return '';
  const width = Math.min(100, Math.max(0, score));
  return `<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="6" fill="#e4e7ec"/><rect width="${width}" height="6" fill="${levelColour(report.levels, level)}"/></svg>`;
}

function itemRow(report: Report, item: ReportItem): string {
  const na = item.notApplicable > 0 ? ` <span class="muted">(+${item.notApplicable} n/a)</span>` : '';
  const level = item.score === null ? null : levelOfScore(report, item.score);
  return `<tr><td>${html(item.text)}</td><td class="num">${formatScore(item.score)}${meter(report, item.score, level)}</td><td class="num">${formatScore(item.spread)}</td><td class="num">${item.answers}${na}</td></tr>`;
}

function elementSection(report: Report, element: ReportElement, index: number): string {
  const id = `element-${index + 1}`;
  const head = `<div class="element-head"><h3 id="${id}-title">${html(element.title)}</h3>${chip(report, element.level)}</div>`;
  if (element.withheld !== undefined) {
    return `<section id="${id}" class="element" aria-labelledby="${id}-title">${head}<p>Score withheld: ${withheldWhy(report, element.withheld)}.</p></section>`;
  }
  if (element.score === null) {
    return `<section id="${id}" class="element" aria-labelledby="${id}-title">${head}<p>Not assessed: none of its ${plural(element.questions, 'question')} was answered.</p></section>`;
  }
  const parts: string[] = [head];
  // (1.2) confidence beside the score; the target and the unbacked top answers below it (render/assurance-words.ts)
  const confidence = element.confidence !== undefined && element.confidence !== null && !isSelfReported(report) ? `; confidence ${formatScore(element.confidence)}%` : '';
  const respondents = Object.entries(element.byRespondent);
  const by =
    namesRespondents(report) && respondents.length > 1
      ? ` By respondent: ${respondents.map(([name, score]) => `${html(name)} <strong>${formatScore(score)}</strong>`).join(' · ')}.`
      : element.respondentScores !== undefined && element.respondentScores.respondents > 1
        ? ` Respondents' own scores: lowest ${formatScore(element.respondentScores.lowest)}, median ${formatScore(element.respondentScores.median)}, highest ${formatScore(element.respondentScores.highest)}.`
        : '';
  parts.push(`<p class="small">Score <strong>${formatScore(element.score)}</strong> of 100${confidence}; ${element.answered} of ${plural(element.questions, 'question')} answered.${by}</p>`);
  for (const words of [targetWords(report, element, html, questionTextOf(report)), unsupportedWords(element, html, questionTextOf(report))]) {
    if (words !== undefined) parts.push(`<p class="small">${words.charAt(0).toUpperCase()}${words.slice(1)}.</p>`);
  }
  parts.push(`<table class="questions"><caption>Questions of ${html(element.title)}: score and spread (0–100)</caption>
<thead><tr><th scope="col">Question</th><th scope="col" class="num">Score</th><th scope="col" class="num">Spread</th><th scope="col" class="num">Answers</th></tr></thead>
<tbody>${element.items.map((item) => itemRow(report, item)).join('\n')}</tbody></table>`);
  // the element's next steps beyond those the roadmap already lays out
  const inRoadmap = new Set(roadmap(report).phases.flatMap((p) => p.steps));
  const steps = (report.plan ?? []).filter((s) => s.element === element.id && !inRoadmap.has(s)).slice(0, ELEMENT_STEPS);
  if (steps.length > 0) {
    parts.push(`<h4>Next steps for ${html(element.title)} after the roadmap</h4><ol class="small">${steps.map((s) => `<li><strong>${html(actionOf(s))}</strong> <span class="muted">${stepDetail(report, s, false, true)}</span></li>`).join('')}</ol>`);
  }
  const notes = element.items.flatMap((item) => item.notes.map((note) => ({ item, ...note })));
  if (notes.length > 0) {
    const who = (respondent: string | undefined): string => (respondent === undefined || anonymous(report) ? '' : `<em>${html(respondent)}</em> `);
    parts.push(
      `<h4>Notes from respondents</h4><ul class="notes small">${notes.map((note) => `<li>${who(note.respondent)}on “${html(note.item.text)}”: <span class="note">${htmlLines(note.note)}</span></li>`).join('')}</ul>`,
    );
  }
  if (element.recommendations.length > 0) {
    parts.push(`<p class="small"><strong>What the model recommends at ${html(levelTitle(report, element.level))}:</strong> ${element.recommendations.map(html).join(' ')}</p>`);
  }
  return `<section id="${id}" class="element" aria-labelledby="${id}-title">\n${parts.join('\n')}\n</section>`;
}

// ---- about this report ----

function about(report: Report): string {
  const parts: string[] = [];
  parts.push(...methodParagraphs(report, html).map((p) => `<p>${p}</p>`));
  if (report.warnings.length > 0) {
    parts.push(`<h3 id="data-notes-title">Notes on the data</h3><ul class="warnings">${report.warnings.map((w) => `<li class="warning">${html(w.message)}</li>`).join('')}</ul>`);
  }
  if (namesRespondents(report) && report.respondents.length > 0) {
    const who = report.respondents.map((r) => {
      const about = [r.role, r.group === undefined ? undefined : groupName(report, r.group)].filter((s): s is string => s !== undefined && s !== '');
      return `${html(r.name)}${about.length > 0 ? ` <span class="muted">(${about.map(html).join(', ')})</span>` : ''}`;
    });
    parts.push(`<h3 id="who-title">Who answered</h3><p>${who.join('; ')}.</p>`);
  }
  // each file by what it is, in words: no file paths in the client's document
  const what = (file: string): string => {
    const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
    if (base === 'model') return 'the model';
    const element = report.elements.find((e) => e.id === base);
    if (element !== undefined) return `the ${element.title} questionnaire`;
    return anonymous(report) ? 'answers' : `the answers (${base})`;
  };
  const files = report.inputs.map((input) => `<li><code>${input.sha256}</code> <span class="muted">${html(what(input.file))}</span></li>`);
  parts.push(`<h3 id="inputs-title">The files it was made from</h3>
<p class="small">SHA-256 of every file this report was made from, so that anyone can check later that it belongs to them${anonymous(report) ? ' (file names left out: a file per person would name the person)' : ''}:</p>
<ul class="inputs">${files.join('')}</ul>
<p class="small muted">Made by cxm with the model ${html(report.model.title)} (${html(report.model.id)} ${html(report.model.version)}). Print this page, or save it as PDF from the browser's print dialog.</p>`);
  return `<footer id="about" class="about" aria-labelledby="about-title"><h2 id="about-title">About this report</h2>\n${parts.join('\n')}\n</footer>`;
}

export function renderReportHtml(report: Report): string {
  const subject = [report.organization, report.period].filter((s): s is string => s !== undefined && s !== '');
  const sections: [string, string][] = [['summary', 'Summary']];
  const main: string[] = [summary(report)];
  const road = roadmapSection(report);
  if (road !== '') {
    sections.push(['roadmap', 'Roadmap']);
    main.push(road);
  }
  if ((report.groups?.length ?? 0) > 0 || (report.gaps?.length ?? 0) > 0) {
    sections.push(['groups', 'Groups']);
    main.push(groupsSection(report));
  }
  const talk = agendaSection(report);
  if (talk !== '') {
    sections.push(['agenda', 'Workshop agenda']);
    main.push(talk);
  }
  sections.push(['elements', 'Appendix: element by element'], ['about', 'About this report']);
  main.push(
    `<section id="elements" class="appendix" aria-labelledby="elements-title"><h2 id="elements-title">Appendix: element by element</h2>\n${report.elements.map((e, i) => elementSection(report, e, i)).join('\n')}\n</section>`,
  );
  const body = [masthead(report), contents(sections), `<main id="main">\n${main.join('\n')}\n</main>`, about(report)];
  return renderPage({
    title: `${report.model.title}${subject.length > 0 ? `: ${subject.join(', ')}` : ''}`,
    runningHeader: subject.length > 0 ? subject.join(' · ') : report.model.title,
    runningTitle: report.model.title,
    levels: report.levels,
    body: body.join('\n'),
  });
}
