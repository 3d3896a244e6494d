// The report as one HTML page to open, print and keep: a summary first (overall level and what holds it
// down, a radar and bars of the elements beside their table), the next steps, groups and their gaps when
// the report has them, then one section per element, the disagreements, warnings, method and inputs.
// The same content as the Markdown report (src/render/markdown.ts), laid out for reading. Pure.

import { confidenceSentence, isSelfReported, questionTextOf, targetWords, unsupportedWords } from '../assurance-words.js';
import type { PlanStep, RecordedAnswer, Report, ReportElement, ReportItem } from '../../model/report.js';
import { findLevel, groupTitle, levelTitle, withheldWhy } from '../levels.js';
import { DISAGREEMENT_SPREAD, ELEMENT_STEPS, SUMMARY_STEPS, disagreedQuestions, listedGaps, namesRespondents, respondentCount, weakestQuestions } from '../selection.js';
import { formatScore, formatSigned } from '../number.js';
import { barChart, radarChart } from './charts.js';
import { html, htmlLines } from './escape.js';
import { levelColour } from '../level-colours.js';
import { colophon, levelClass, renderPage } from './page.js';
import { methodParagraphs } from '../method-words.js';
import { plural } from '../plural.js';

/** A level as a coloured chip with its title (escaped). */
function chip(report: Report, id: string | null): string {
  return `<span class="chip ${levelClass(report.levels, id)}">${html(levelTitle(report, id))}</span>`;
}

function anonymous(report: Report): boolean {
  return report.anonymous === true;
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

function masthead(report: Report): string {
  const heading = report.organization ?? report.model.title;
  const kicker = [report.organization !== undefined ? report.model.title : 'Report', report.period].filter((s): s is string => s !== undefined && s !== '');
  const facts: [string, string][] = [];
  if (report.period) facts.push(['Period', html(report.period)]);
  if (report.date) facts.push(['Date', html(report.date)]);
  const count = respondentCount(report);
  const groups = (report.groups ?? []).length;
  const inGroups = groups > 0 ? ` in ${plural(groups, 'group')}` : '';
  if (count === 0) facts.push(['Respondents', 'none']);
  else if (anonymous(report)) {
    facts.push(['Respondents', `${plural(count, 'respondent')}${inGroups}, anonymous`]);
  } else if (!namesRespondents(report)) {
    facts.push(['Respondents', `${plural(count, 'respondent')}${inGroups}`]);
  } else {
    facts.push(['Respondents', report.respondents.map((r) => (r.role ? `${html(r.name)} <span class="muted">(${html(r.role)})</span>` : html(r.name))).join(', ')]);
  }
  facts.push(['Model', `${html(report.model.title)} <span class="muted">${html(report.model.id)} ${html(report.model.version)}</span>`]);
  return `<header class="masthead">
<p class="kicker">${kicker.map(html).join(' · ')}</p>
<h1>${html(heading)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}

function contents(sections: readonly (readonly [string, string])[]): string {
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${html(title)}</a></li>`).join('')}</ol></nav>`;
}

function elementTable(report: Report, tableId: string): string {
  const rows = report.elements.map(
    (e, i) => `<tr><th scope="row"><a href="#element-${i + 1}">${html(e.title)}</a></th><td class="num">${formatScore(e.score)}</td><td>${chip(report, e.level)}</td><td class="num">${e.answered} of ${e.questions}</td></tr>`,
  );
  rows.push(`<tr class="total"><th scope="row">Overall</th><td class="num">${formatScore(report.overall.score)}</td><td>${chip(report, report.overall.level)}</td><td></td></tr>`);
  return `<table id="${tableId}"><caption>Element scores (0–100) and levels</caption>
<thead><tr><th scope="col">Element</th><th scope="col" class="num">Score</th><th scope="col">Level</th><th scope="col" class="num">Questions answered</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
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
    const level = findLevel(report, overall.level);
    const ladder = [...report.levels]
      .map((l, i) => `<li class="lv-${i}${l.id === overall.level ? ' current' : ''}">${html(l.title)} <span class="muted">from ${l.minScore}</span>${l.id === overall.level ? ' · <strong>current</strong>' : ''}</li>`)
      .join('');
    const weakest = overall.weakest.map((id) => report.elements.find((e) => e.id === id)).filter((e): e is ReportElement => e !== undefined);
    const names = weakest.map((e) => `<strong>${html(e.title)}</strong> (${formatScore(e.score)}, ${html(levelTitle(report, e.level))})`).join(' and ');
    const holds =
      weakest.length === 0
        ? ''
        : overall.method === 'weakest-link'
          ? `<p>The weakest element is ${names}. A customer judges the whole experience by its weakest part, so the organization as a whole is rated at the level of its weakest element: improving ${weakest.length > 1 ? 'these elements' : 'this element'} is what raises the overall level.</p>`
          : `<p>The weakest element is ${names}. The overall level is the level of the weighted mean of the element scores.</p>`;
    parts.push(`<div class="headline">
<div class="verdict"><p class="label">Overall level</p><span class="level">${html(levelTitle(report, overall.level))}</span><p class="score">Score <strong>${formatScore(overall.score)}</strong> of 100</p>
<ol class="ladder" aria-label="The model's levels, lowest first">${ladder}</ol></div>
<div>${level?.description ? `<blockquote><p>${html(level.description)}</p></blockquote>` : ''}${holds}</div>
</div>`);
  }
  const assessed = report.elements.length;
  const data = report.elements.map((e) => ({ label: e.title, score: e.score, level: e.level }));
  const describe = report.elements.map((e) => `${e.title} ${e.score === null ? 'not assessed' : `${formatScore(e.score)} (${levelTitle(report, e.level)})`}`).join('; ');
  const thresholds = report.levels.map((l) => `${l.title} from ${l.minScore}`).join(', ');
  const charts: string[] = [];
  if (assessed >= 3) {
    charts.push(
      `<figure class="chart">${radarChart({ id: 'radar', title: 'Element scores on the levels', desc: `Radar of the element scores (0 at the centre, 100 at the rim), with the level bands as rings: ${thresholds}. ${describe}.`, table: 'scores-table' }, report.levels, data)}<figcaption>Each spoke is an element; the rings are the levels.</figcaption></figure>`,
    );
  }
  if (assessed > 0) {
    charts.push(
      `<figure class="chart">${barChart({ id: 'bars', title: 'Element scores by level', desc: `Bar per element, coloured by its level; dashed lines mark where each level starts: ${thresholds}. ${describe}.`, table: 'scores-table' }, report.levels, data)}<figcaption>Bars coloured by level; dashed lines are the level thresholds.</figcaption></figure>`,
    );
  }
  // (1.2) how sure the assessment is: one sentence (render/assurance-words.ts)
  const confidence = confidenceSentence(report);
  if (confidence !== undefined) parts.push(`<p class="assurance">${html(confidence)}</p>`);
  parts.push(`<div class="charts">${charts.join('\n')}</div>`, elementTable(report, 'scores-table'));
  return `<section id="summary" class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>\n${parts.join('\n')}\n</section>`;
}

function planSection(report: Report, plan: readonly PlanStep[]): string {
  const steps = plan.slice(0, SUMMARY_STEPS).map((step) => {
    const found = findItem(report, step.question);
    const element = report.elements.find((e) => e.id === step.element) ?? found?.element;
    const question = found?.item.text ?? step.question;
    const who =
      namesRespondents(report) && step.answers !== undefined && Object.keys(step.answers).length > 0
        ? `<p class="small muted">Answers that would change: ${Object.entries(step.answers)
            .map(([name, a]) => `${html(name)} → ${html(answerText(found?.item, a))}`)
            .join('; ')}.</p>`
        : '';
    return `<li><p class="what">${html(question)} <span class="muted">(${html(element?.title ?? step.element)})</span></p>
${step.next !== undefined ? `<p class="action">${html(step.next)}</p>` : ''}<p class="small">From “${html(step.fromLabel)}” to “${html(step.toLabel)}”: ${formatSigned(step.elementPoints, '-')} points for ${html(element?.title ?? step.element)}, ${formatSigned(step.overallPoints, '-')} overall.</p>${who}</li>`;
  });
  return `<section id="next-steps" aria-labelledby="next-steps-title"><h2 id="next-steps-title">Next steps</h2>
<p class="lead">The steps that raise the scores most, most useful first. Each moves one question up by one answer.</p>
<ol class="steps">${steps.join('\n')}</ol>${plan.length > steps.length ? `<p class="small muted">Each element's section lists its first steps; all ${plan.length} are in the JSON report (<code>cxm report -f json</code>).</p>` : ''}</section>`;
}

function groupsSection(report: Report): string {
  const groups = report.groups ?? [];
  const gaps = report.gaps ?? [];
  const parts: string[] = [];
  if (groups.length > 0) {
    const head = `<tr><th scope="col">Group</th><th scope="col" class="num">Respondents</th><th scope="col" class="heat">Overall</th>${report.elements.map((e) => `<th scope="col" class="heat">${html(e.title)}</th>`).join('')}</tr>`;
    const cell = (score: number | null | undefined, level: string | null | undefined): string =>
      score === null || score === undefined
        ? '<td class="heat">–</td>'
        : `<td class="heat ${levelClass(report.levels, level ?? null, 'tint')}">${formatScore(score)}<span class="lvl">${html(levelTitle(report, level ?? null))}</span></td>`;
    const rows = groups.map((g) => {
      const name = `<th scope="row">${html(g.title)}</th><td class="num">${g.respondents}</td>`;
      if (g.suppressed) return `<tr>${name}<td colspan="${report.elements.length + 1}" class="muted">Not shown: too few respondents to keep their answers anonymous.</td></tr>`;
      const elementCells = report.elements.map((e) => {
        const s = g.elements?.find((x) => x.id === e.id);
        return cell(s?.score, s?.level);
      });
      return `<tr>${name}${cell(g.overall?.score, g.overall?.level)}${elementCells.join('')}</tr>`;
    });
    parts.push(`<table id="groups-table" class="heatmap keep"><caption>Scores (0–100) and levels by group; the cell colour is the level</caption><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>`);
  }
  if (gaps.length > 0) {
    const { listed, more } = listedGaps(gaps);
    const rows = listed.map((gap) => {
      const element = report.elements.find((e) => e.id === gap.element);
      const what = gap.question === null ? `<strong>${html(element?.title ?? gap.element)}</strong> (the element)` : `${html(findItem(report, gap.question)?.item.text ?? gap.question)} <span class="muted">(${html(element?.title ?? gap.element)})</span>`;
      return `<tr><td>${what}</td><td>${html(groupTitle(report, gap.high))} <span class="num">${formatScore(gap.scores[0])}</span></td><td>${html(groupTitle(report, gap.low))} <span class="num">${formatScore(gap.scores[1])}</span></td><td class="num">${formatScore(gap.difference)}</td></tr>`;
    });
    parts.push(`<h3 id="gaps-title">Where groups see it differently</h3>
<p class="lead">Elements and questions on which one group scores far higher than another, largest difference first: worth discussing together.</p>
<table aria-labelledby="gaps-title"><thead><tr><th scope="col">Element or question</th><th scope="col">Highest group</th><th scope="col">Lowest group</th><th scope="col" class="num">Difference</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>${more > 0 ? `<p class="small muted">${plural(more, 'smaller gap')} on single questions in the JSON report.</p>` : ''}`);
  }
  return `<section id="groups" aria-labelledby="groups-title"><h2 id="groups-title">Groups</h2>\n${parts.join('\n')}\n</section>`;
}

function meter(report: Report, score: number | null, level: string | null): string {
  if (score === null) return '';
  const width = Math.min(100, Math.max(0, score));
  return `<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="6" fill="#e4e7ec"/><rect width="${width}" height="6" fill="${levelColour(report.levels, level)}"/></svg>`;
}

function itemRow(report: Report, item: ReportItem): string {
  const na = item.notApplicable > 0 ? ` <span class="muted">(+${item.notApplicable} n/a)</span>` : '';
  const choices =
    namesRespondents(report) && item.choices !== undefined && Object.keys(item.choices).length > 0
      ? `<div class="small muted">Answers: ${Object.entries(item.choices)
          .map(([name, a]) => `${html(name)}: ${html(answerText(item, a))}`)
          .join('; ')}</div>`
      : '';
  const level = item.score === null ? null : levelOfScore(report, item.score);
  return `<tr><td>${html(item.text)} <span class="id">${html(item.id)}</span>${choices}</td><td class="num">${formatScore(item.score)}${meter(report, item.score, level)}</td><td class="num">${formatScore(item.spread)}</td><td class="num">${item.answers}${na}</td></tr>`;
}

/** The level a score falls in (for the question meters), by the model's thresholds. */
function levelOfScore(report: Report, score: number): string | null {
  let found: string | null = null;
  for (const level of report.levels) if (level.minScore <= score) found = level.id;
  return found;
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
  // (1.2) confidence beside the level, the target and the unbacked top answers below it (render/assurance-words.ts)
  const confidence = element.confidence !== undefined && element.confidence !== null && !isSelfReported(report) ? `; confidence ${formatScore(element.confidence)}%` : '';
  parts.push(`<p class="lead">Score <strong>${formatScore(element.score)}</strong> of 100, level <strong>${html(levelTitle(report, element.level))}</strong>${confidence}; ${element.answered} of ${plural(element.questions, 'question')} answered.</p>`);
  const target = targetWords(report, element, html, questionTextOf(report));
  const unsupported = unsupportedWords(element, html, questionTextOf(report));
  for (const words of [target, unsupported]) if (words !== undefined) parts.push(`<p class="small lead">${words.charAt(0).toUpperCase()}${words.slice(1)}.</p>`);
  const respondents = Object.entries(element.byRespondent);
  if (namesRespondents(report) && respondents.length > 1) {
    parts.push(`<p class="small lead">By respondent: ${respondents.map(([name, score]) => `${html(name)} <strong>${formatScore(score)}</strong>`).join(' · ')}</p>`);
  }
  parts.push(`<table class="keep"><caption>Questions of ${html(element.title)}: score and spread (0–100)</caption>
<thead><tr><th scope="col">Question</th><th scope="col" class="num">Score</th><th scope="col" class="num">Spread</th><th scope="col" class="num">Answers</th></tr></thead>
<tbody>${element.items.map((item) => itemRow(report, item)).join('\n')}</tbody></table>`);
  const weakest = weakestQuestions(element);
  if (weakest.length > 0) {
    parts.push(`<h4>Weakest questions</h4><ul>${weakest.map((i) => `<li>${html(i.text)} (${formatScore(i.score)})</li>`).join('')}</ul>`);
  }
  const notes = element.items.flatMap((item) => item.notes.map((note) => ({ item, ...note })));
  if (notes.length > 0) {
    const who = (respondent: string | undefined): string => (respondent === undefined || anonymous(report) ? '' : `<em>${html(respondent)}</em> `);
    parts.push(
      `<h4>Notes from respondents</h4><ul class="notes">${notes.map((note) => `<li>${who(note.respondent)}on <span class="id">${html(note.item.id)}</span>: <span class="note">${htmlLines(note.note)}</span></li>`).join('')}</ul>`,
    );
  }
  const steps = (report.plan ?? []).filter((s) => s.element === element.id);
  if (steps.length > 0) {
    const rest = steps.length - ELEMENT_STEPS;
    parts.push(
      `<h4>Next steps for ${html(element.title)}</h4><ol class="small">${steps
        .slice(0, ELEMENT_STEPS)
        .map((s) => `<li>${html(s.text)}: from “${html(s.fromLabel)}” to “${html(s.toLabel)}” (${formatSigned(s.elementPoints, '-')} points)</li>`)
        .join('')}</ol>${rest > 0 ? `<p class="small muted">${plural(rest, 'smaller step')} in the JSON report.</p>` : ''}`,
    );
  }
  if (element.recommendations.length > 0) {
    parts.push(`<h4>Next steps from the ${html(levelTitle(report, element.level))} level</h4><ol>${element.recommendations.map((r) => `<li>${html(r)}</li>`).join('')}</ol>`);
  }
  return `<section id="${id}" class="element" aria-labelledby="${id}-title">\n${parts.join('\n')}\n</section>`;
}

function disagreements(report: Report): string {
  const items = disagreedQuestions(report);
  if (items.length === 0) return '';
  const rows = items.map(({ element, item }) => {
    const values = Object.entries(item.byRespondent).filter((entry): entry is [string, number] => entry[1] !== null);
    const shown = namesRespondents(report)
      ? values.map(([name, v]) => `${html(name)} ${formatScore(v)}`).join(', ')
      : item.distribution === undefined
        ? `${plural(item.answers, 'answer')}`
        : item.distribution.filter((d) => d.count > 0).map((d) => `${html(d.label)} ×${d.count}`).join('; ');
    return `<tr><td>${html(item.text)}</td><td>${html(element.title)}</td><td class="num">${formatScore(item.spread)}</td><td>${shown}</td></tr>`;
  });
  return `<section id="disagreements" aria-labelledby="disagreements-title"><h2 id="disagreements-title">Where the team disagrees</h2>
<p class="lead">Questions on which respondents' answers are ${DISAGREEMENT_SPREAD} points or more apart. Each is worth discussing: people see the same organization differently, and the score hides it.</p>
<table class="keep"><thead><tr><th scope="col">Question</th><th scope="col">Element</th><th scope="col" class="num">Spread</th><th scope="col">${namesRespondents(report) ? 'By respondent' : 'Answers given'}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

function method(report: Report): string {
  return `<section id="method" aria-labelledby="method-title"><h2 id="method-title">Method</h2>
${methodParagraphs(report, html).map((p) => `<p>${p}</p>`).join('\n')}</section>`;
}

function inputs(report: Report): string {
  const files = report.inputs.map((input) => `<li><code>${input.sha256}</code> ${anonymous(report) ? '' : `<span class="id">${html(input.file)}</span>`}</li>`);
  return `<section id="inputs" aria-labelledby="inputs-title"><h2 id="inputs-title">Inputs</h2>
<p>SHA-256 of every file this report was made from${anonymous(report) ? ' (file names left out: a file per person would name the person)' : ''}:</p>
<ul class="inputs">${files.join('')}</ul></section>`;
}

export function renderReportHtml(report: Report): string {
  const subject = [report.organization, report.period].filter((s): s is string => s !== undefined && s !== '');
  const sections: [string, string][] = [['summary', 'Summary']];
  const body: string[] = [masthead(report)];
  const main: string[] = [summary(report)];
  if (report.plan !== undefined && report.plan.length > 0) {
    sections.push(['next-steps', 'Next steps']);
    main.push(planSection(report, report.plan));
  }
  if ((report.groups?.length ?? 0) > 0 || (report.gaps?.length ?? 0) > 0) {
    sections.push(['groups', 'Groups']);
    main.push(groupsSection(report));
  }
  sections.push(['elements', 'Elements']);
  main.push(
    `<section id="elements" class="break-before" aria-labelledby="elements-title"><h2 id="elements-title">Elements</h2>\n${report.elements.map((e, i) => elementSection(report, e, i)).join('\n')}\n</section>`,
  );
  const disagreed = disagreements(report);
  if (disagreed !== '') {
    sections.push(['disagreements', 'Where the team disagrees']);
    main.push(disagreed);
  }
  if (report.warnings.length > 0) {
    sections.push(['warnings', 'Warnings']);
    main.push(
      `<section id="warnings" aria-labelledby="warnings-title"><h2 id="warnings-title">Warnings</h2><ul class="warnings">${report.warnings.map((w) => `<li class="warning">${html(w.message)} <code>${html(w.code)}</code></li>`).join('')}</ul></section>`,
    );
  }
  sections.push(['method', 'Method'], ['inputs', 'Inputs']);
  main.push(method(report), inputs(report));
  body.push(contents(sections), `<main id="main">\n${main.join('\n')}\n</main>`);
  body.push(colophon(report.model));
  return renderPage({
    title: `${report.model.title}${subject.length > 0 ? `: ${subject.join(', ')}` : ''}`,
    runningHeader: subject.length > 0 ? subject.join(' · ') : report.model.title,
    runningTitle: report.model.title,
    levels: report.levels,
    body: body.join('\n'),
  });
}
