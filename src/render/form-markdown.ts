// cxm form -f markdown: a printable questionnaire for workshops. Boxes to tick, one page per person.

import type { Model, Question } from '../domain/types.js';
import { codeSpan, escapeMarkdownInline } from '../text/sanitize.js';

function answerLines(question: Question): string[] {
  const lines: string[] = [];
  switch (question.type) {
    case 'choice':
      lines.push('*Tick one.*', '');
      for (const o of question.options) lines.push(`- [ ] ${escapeMarkdownInline(o.label)}`);
      break;
    case 'multi':
      lines.push('*Tick all that apply; if none does, leave every box unticked.*', '');
      for (const o of question.options) lines.push(`- [ ] ${escapeMarkdownInline(o.label)}`);
      break;
    case 'scale': {
      lines.push(`*Circle one, from ${question.min} to ${question.max}.*`, '');
      for (let v = question.min; v <= question.max; v++) {
        const label = question.labels.get(v);
        lines.push(`- [ ] ${v}${label !== undefined ? ` — ${escapeMarkdownInline(label)}` : ''}`);
      }
      break;
    }
  }
  if (question.notApplicable) lines.push('- [ ] Not applicable to us');
  return lines;
}

export function renderFormMarkdown(model: Model): string {
  const out: string[] = [`# ${escapeMarkdownInline(model.title)}`, ''];
  if (model.description !== undefined) out.push(escapeMarkdownInline(model.description), '');
  out.push('Name: ______________________________  Role: ______________________________', '');
  const groups = model.groups.map((g) => escapeMarkdownInline(g.title));
  out.push(groups.length > 0 ? `Group (tick one): ${groups.map((g) => `☐ ${g}`).join('  ')}` : 'Group: ______________________________', '');
  let n = 0;
  for (const [e, element] of model.elements.entries()) {
    out.push(`## ${e + 1}. ${escapeMarkdownInline(element.title)}`, '');
    if (element.intro !== undefined) out.push(escapeMarkdownInline(element.intro), '');
    for (const question of element.questions) {
      n++;
      out.push(`### ${n}. ${escapeMarkdownInline(question.text)}`, '');
      out.push(...answerLines(question), '');
      // (1.2) the evidence to look at before answering
      if (question.check !== undefined) out.push(`*To check:* ${escapeMarkdownInline(question.check)}`, '');
      out.push(`Question ${codeSpan(question.id)}`, '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
