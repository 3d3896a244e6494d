// (1.2) cxm form --checklist: the evidence to gather before the workshop, element by element (each question's
// `check:`), with space to note where it was found. A consultant sends it to the client a week ahead; what comes
// back becomes the answers file's `evidence:`. Markdown and a printable HTML page; every text from the model escaped.

import type { Model, Question } from '../domain/types.js';
import { html } from './html/escape.js';
import { printablePageStart } from './form-html.js';
import { codeSpan, escapeMarkdownInline as md } from '../text/sanitize.js';

const INTRO =
  'For each question, find what shows the true answer before the workshop, and note where it was found: a document and its version, a report or dashboard, something seen on the floor, or the person who can say. In the workshop each note becomes evidence for the answer: a document, an observation or a metric backs it; a claim is somebody\'s word and does not.';

/** What to look at for a question: its `check:`, else a plain request for whatever shows the answer. */
function whatToCheck(question: Question): string {
  return question.check ?? 'Whatever shows the answer today (the model names nothing in particular).';
}

function checked(model: Model): { withCheck: number; all: number } {
  const questions = model.elements.flatMap((e) => e.questions);
  return { withCheck: questions.filter((q) => q.check !== undefined).length, all: questions.length };
}

export function renderChecklistMarkdown(model: Model): string {
  const out: string[] = [`# ${md(model.title)}: evidence to gather before the workshop`, ''];
  out.push('Organization: ______________________________  Workshop date: ______________', '');
  out.push(md(INTRO), '');
  const { withCheck, all } = checked(model);
  if (withCheck < all) out.push(`*The model names what to check for ${withCheck} of its ${all} questions; for the others, bring whatever shows the answer.*`, '');
  for (const [e, element] of model.elements.entries()) {
    out.push(`## ${e + 1}. ${md(element.title)}`, '');
    for (const question of element.questions) {
      out.push(`### ${md(question.text)}`, '', codeSpan(question.id), '');
      out.push(`**To check:** ${md(whatToCheck(question))}`, '');
      out.push('- [ ] Found in: ______________________________________________');
      out.push('- Kind: ☐ document ☐ observation ☐ metric ☐ claim   Owner: ________________');
      out.push('- Dated: ____________  Valid until: ____________', '');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #999; }
section.question { margin: 0 0 1.4em; break-inside: avoid; }
h3 { font-size: 1em; margin: 0 0 .2em; }
.id { color: #555; font-size: .85em; font-family: monospace; }
.check { margin: .2em 0 .4em; }
.fill { display: grid; grid-template-columns: max-content 1fr; gap: .35em .8em; align-items: end; }
.fill span.line { border-bottom: 1px solid #333; min-height: 1.3em; }
.note { font-style: italic; color: #444; }
@media print { body { margin: 0; } h2 { break-after: avoid; } }
`;

export function renderChecklistHtml(model: Model): string {
  const { withCheck, all } = checked(model);
  const out: string[] = [
    ...printablePageStart(`${model.title}: evidence to gather`, STYLE),
    `<h1>${html(model.title)}: evidence to gather before the workshop</h1>`,
    '<div class="fill"><span>Organization</span><span class="line"></span><span>Workshop date</span><span class="line"></span></div>',
    `<p>${html(INTRO)}</p>`,
  ];
  if (withCheck < all) out.push(`<p class="note">The model names what to check for ${withCheck} of its ${all} questions; for the others, bring whatever shows the answer.</p>`);
  for (const [e, element] of model.elements.entries()) {
    out.push(`<h2>${e + 1}. ${html(element.title)}</h2>`);
    for (const question of element.questions) {
      out.push(
        '<section class="question">',
        `<h3>${html(question.text)} <span class="id">${html(question.id)}</span></h3>`,
        `<p class="check"><strong>To check:</strong> ${html(whatToCheck(question))}</p>`,
        '<div class="fill"><span>Found in</span><span class="line"></span><span>Kind</span><span>☐ document ☐ observation ☐ metric ☐ claim</span><span>Owner</span><span class="line"></span><span>Dated / valid until</span><span class="line"></span></div>',
        '</section>',
      );
    }
  }
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
