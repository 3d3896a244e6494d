// cxm report ANSWERS… [--model DIR] [-f markdown|json|html] [-o FILE] [--anonymous] [--min-group-size N] [--gap-threshold N]

import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { buildReport } from '../score/build-report.js';
import { loadAssessment, type TargetOptions } from './assessment.js';
import { parseFileSize } from './file-size.js';
import { EXIT, type Context } from './context.js';
import type { ReportOptions } from '../score/build-report.js';
import { writeOutput } from './output.js';

export interface ReportFlags extends ReportOptions, TargetOptions {
  readonly model?: string;
  readonly format: 'markdown' | 'json' | 'html';
  readonly output?: string;
  readonly maxFileSize?: string;
}

export async function runReport(context: Context, files: readonly string[], flags: ReportFlags): Promise<number> {
  const loaded = await loadAssessment(context, files, flags.model, parseFileSize(flags.maxFileSize), flags);
  if (!loaded.ok) return loaded.exitCode;
  const report = buildReport(loaded.value.model, loaded.value.answers, flags);
  const text =
    flags.format === 'json'
      ? renderJson(report)
      : flags.format === 'html'
        ? // loaded only when asked for: most runs never need the HTML renderer
          (await import('../render/html/report.js')).renderReportHtml(report)
        : renderMarkdown(report);
  await writeOutput(context, flags.output, text);
  return EXIT.ok;
}
