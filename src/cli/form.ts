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
}

export async function runForm(context: Context, flags: FormFlags): Promise<number> {
  const model = await resolveModel(context, flags.model);
  if (!model.ok) return model.exitCode;
  const render = flags.format === 'csv' ? renderFormCsv : flags.format === 'html' ? renderFormHtml : renderFormMarkdown;
  await writeOutput(context, flags.output, render(model.value), model.value.inputs.map((i) => i.file));
  return EXIT.ok;
}
