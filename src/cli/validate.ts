// cxm validate [PATH…] [-f text|json|github] [--model DIR] [--strict]

import { builtinModelDir } from '../load/builtin.js';
import { validatePaths } from '../load/validate-paths.js';
import { isIoFinding, sortFindings } from '../load/findings.js';
import {
  renderFindingsGithub,
  renderFindingsJson,
  renderFindingsText,
  summarize,
  summaryLine,
} from '../render/findings.js';
import { EXIT, type Context } from './context.js';
import { parseFileSize } from './file-size.js';
import { startProgress } from './progress.js';

export interface ValidateFlags {
  readonly format: 'text' | 'json' | 'github';
  readonly model?: string;
  readonly strict?: boolean;
  readonly maxFileSize?: string;
  /** (1.2) The date evidence expiry is judged at (default: each answers file's date). */
  readonly asOf?: string;
}

export async function runValidate(context: Context, paths: readonly string[], flags: ValidateFlags): Promise<number> {
  const targets = paths.length > 0 ? paths : [builtinModelDir()];
  const maxBytes = parseFileSize(flags.maxFileSize);
  const progress = startProgress(context);
  progress.step('checking files');
  const result = await validatePaths(targets, {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    maxBytes,
    ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
    onFile: (done, total) => progress.tick(done, total),
  });
  progress.done();
  const findings = sortFindings(result.findings);
  const summary = summarize(findings, result.files.length, result.passedOver.length);

  if (flags.format === 'json') context.stdout.write(renderFindingsJson(findings, summary));
  else if (flags.format === 'github') context.stdout.write(renderFindingsGithub(findings, summary));
  else {
    context.stdout.write(renderFindingsText(findings, { color: context.color.stdout, sources: result.sources }));
    context.stderr.write(`${summaryLine(summary)}\n`);
  }

  if (findings.some(isIoFinding)) return EXIT.usage;
  if (summary.errors > 0 || (flags.strict && summary.warnings > 0)) return EXIT.invalid;
  return EXIT.ok;
}
