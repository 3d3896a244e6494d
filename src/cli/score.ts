// cxm score ANSWERS… [--model DIR] [--json]: a summary for the terminal, or the report JSON.

import { renderJson } from '../render/json.js';
import { renderSummary } from '../render/terminal.js';
import { buildReport } from '../score/build-report.js';
import { loadAssessment, type TargetOptions } from './assessment.js';
import { parseFileSize } from './file-size.js';
import { EXIT, unicodeAllowed, type Context } from './context.js';
import type { ReportOptions } from '../score/build-report.js';

export interface ScoreFlags extends ReportOptions, TargetOptions {
  readonly model?: string;
  readonly json?: boolean;
  readonly maxFileSize?: string;
}

export async function runScore(context: Context, files: readonly string[], flags: ScoreFlags): Promise<number> {
  const loaded = await loadAssessment(context, files, flags.model, parseFileSize(flags.maxFileSize), flags);
  if (!loaded.ok) return loaded.exitCode;
  const report = buildReport(loaded.value.model, loaded.value.answers, flags);
  if (flags.json) context.stdout.write(renderJson(report));
  else context.stdout.write(renderSummary(report, { color: context.color.stdout, unicode: unicodeAllowed(context) }));
  return EXIT.ok;
}
