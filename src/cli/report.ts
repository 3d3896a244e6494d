// cxm report ANSWERS… [--model DIR] [-f markdown|json] [-o FILE]

import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { scoreAssessment } from '../score/score.js';
import { loadAssessment } from './assessment.js';
import { parseFileSize } from './file-size.js';
import { EXIT, type Context } from './context.js';
import type { ReportFlags } from './main.js';
import { writeOutput } from './output.js';

export async function runReport(context: Context, files: readonly string[], flags: ReportFlags): Promise<number> {
  const loaded = await loadAssessment(context, files, flags.model, parseFileSize(flags.maxFileSize));
  if (!loaded.ok) return loaded.exitCode;
  const report = scoreAssessment(loaded.value.model, loaded.value.answers);
  const text = flags.format === 'json' ? renderJson(report) : renderMarkdown(report);
  await writeOutput(context, flags.output, text);
  return EXIT.ok;
}
