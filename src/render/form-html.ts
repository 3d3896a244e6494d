// cxm form -f html: a printable questionnaire for workshops, one self-contained page (no script, no
// external resource), with boxes to tick; every text from the model escaped.

import type { Model, Question } from '../domain/types.js';
import { stripControls } from '../text/sanitize.js';

/** Text for an HTML element or a double-quoted attribute. */
function html(text: string): string {
  return stripControls(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #999; }
fieldset { border: none; margin: 0 0 1.2em; padding: 0; break-inside: avoid; }
legend { font-weight: 600; padding: 0; margin-bottom: .3em; }
label { display: block; margin: .15em 0 .15em 1.2em; }
.hint { font-style: italic; color: #444; margin: 0 0 .2em; }
.id { color: #555; font-size: .85em; font-family: monospace; }
.person label { display: inline-block; margin: 0 1.5em .5em 0; }
.line { display: inline-block; min-width: 14em; border-bottom: 1px solid #333; }
@media print { body { margin: 0; } h2 { break-after: avoid; } }
`;

function answers(question: Question, n: number): string[] {
  const name = `q${n}`;
  const box = (type: 'radio' | 'checkbox', value: string, label: string): string =>
    `<label><input type="${type}" name="${name}" value="${html(value)}"> ${html(label)}</label>`;
  const lines: string[] = [];
  switch (question.type) {
    case 'choice':
      lines.push('<p class="hint">Tick one.</p>', ...question.options.map((o) => box('radio', o.id, o.label)));
      break;
    case 'multi':
      lines.push('<p class="hint">Tick all that apply; if none does, leave every box unticked.</p>', ...question.options.map((o) => box('checkbox', o.id, o.label)));
      break;
    case 'scale':
      lines.push(`<p class="hint">Tick one, from ${question.min} to ${question.max}.</p>`);
      for (let v = question.min; v <= question.max; v++) {
        const label = question.labels.get(v);
        lines.push(box('radio', String(v), label !== undefined ? `${v} — ${label}` : String(v)));
      }
      break;
  }
  if (question.notApplicable) lines.push(box(question.type === 'multi' ? 'checkbox' : 'radio', 'n/a', 'Not applicable to us'));
  // (1.2) the evidence to look at before answering
  if (question.check !== undefined) lines.push(`<p class="hint">To check: ${html(question.check)}</p>`);
  return lines;
}

/** The opening lines of a printable page to fill in (the form, the checklist): its head, up to the open <main>. */
export function printablePageStart(title: string, style: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
}

export function renderFormHtml(model: Model): string {
  const out: string[] = [...printablePageStart(model.title, STYLE), `<h1>${html(model.title)}</h1>`];
  if (model.description !== undefined) out.push(`<p>${html(model.description)}</p>`);
  out.push('<fieldset class="person"><legend>About you</legend>');
  out.push('<label>Name <span class="line"></span></label>', '<label>Role <span class="line"></span></label>');
  if (model.groups.length > 0) {
    out.push('<div>Group:', ...model.groups.map((g) => `<label><input type="radio" name="group" value="${html(g.id)}"> ${html(g.title)}</label>`), '</div>');
  } else out.push('<label>Group <span class="line"></span></label>');
  out.push('</fieldset>');
  let n = 0;
  for (const [e, element] of model.elements.entries()) {
    out.push('<section>', `<h2>${e + 1}. ${html(element.title)}</h2>`);
    if (element.intro !== undefined) out.push(`<p>${html(element.intro)}</p>`);
    for (const question of element.questions) {
      n++;
      out.push('<fieldset>', `<legend>${n}. ${html(question.text)} <span class="id">${html(question.id)}</span></legend>`, ...answers(question, n), '</fieldset>');
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
