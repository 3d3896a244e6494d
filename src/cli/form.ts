// cxm form [--model DIR] [-f csv|markdown|html] [-o FILE]: the questionnaire to send out.

import { renderFormCsv } from '../render/form-csv.js';
import { renderFormHtml } from '../render/form-html.js';
import { renderFormMarkdown } from '../render/form-markdown.js';
import { resolveModel } from './assessment.js';
import { EXIT, type Context } from './context.js';
import { writeOutput } from './output.js';

export interface FormFlags {
  readonly model?: string;
  readonly format: 'csv' | 'markdown' | 'html';
  readonly output?: string;
  /** (1.2) The evidence to gather before the workshop instead of the questionnaire (Markdown or HTML). */
  readonly checklist?: boolean;
}

export async function runForm(context: Context, flags: FormFlags): Promise<number> {
  if (flags.checklist && flags.format === 'csv') {
    context.stderr.write('cxm: the checklist is a page to read and fill in, not a response sheet: use -f markdown or -f html\n');
    return EXIT.usage;
  }
  const model = await resolveModel(context, flags.model);
  if (!model.ok) return model.exitCode;
  if (flags.checklist) {
    const { renderChecklistHtml, renderChecklistMarkdown } = await import('../render/checklist.js');
    await writeOutput(context, flags.output, (flags.format === 'html' ? renderChecklistHtml : renderChecklistMarkdown)(model.value));
    return EXIT.ok;
  }
  const render = flags.format === 'csv' ? renderFormCsv : flags.format === 'html' ? renderFormHtml : renderFormMarkdown;
  await writeOutput(context, flags.output, render(model.value));
  return EXIT.ok;
}
