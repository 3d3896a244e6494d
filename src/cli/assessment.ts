// Shared by score, report, compare and assess: the model (--model, else the built-in model the
// answers name) and the answers files, with findings printed to stderr and the exit code decided.

import { existsSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { AnswerSet, Model } from '../model/types.js';
import { loadAnswerSet, readAnswersHeader } from '../load/answers.js';
import { builtinModelDir, BUILTIN_MODEL_ID, notBuiltInMessage, questionnairesDir } from '../load/builtin.js';
import { findingAt, hasErrors, sortFindings } from '../load/finding-at.js';
import { loadModel, manifestPath } from '../load/model.js';
import { isIoFinding, readSourceFile } from '../load/source-file.js';
import { renderFindingsText } from '../render/findings.js';
import { singleLine } from '../render/sanitize.js';
import { EXIT, type Context } from './context.js';

/** Prints findings to stderr (with source lines) and returns the exit code they call for, if any. */
export async function reportFindings(context: Context, findings: readonly Finding[]): Promise<number | undefined> {
  if (findings.length === 0) return undefined;
  const sorted = sortFindings(findings);
  const sources = new Map<string, string>();
  for (const file of new Set(sorted.map((f) => f.file))) {
    const read = await readSourceFile(file);
    if ('source' in read) sources.set(file, read.source.text);
  }
  context.stderr.write(renderFindingsText(sorted, { color: context.color.stderr, sources }));
  if (sorted.some(isIoFinding)) return EXIT.usage;
  return hasErrors(sorted) ? EXIT.invalid : undefined;
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly exitCode: number };

/**
 * The model to score with: --model DIR, else the built-in model named by the first answers file (read within
 * `maxBytes`). With `briefWarnings`, a model whose findings are all warnings gets one line saying how many.
 */
export async function resolveModel(
  context: Context,
  modelFlag: string | undefined,
  answersFile?: string,
  options: { readonly briefWarnings?: boolean; readonly maxBytes?: number | undefined } = {},
): Promise<Loaded<Model>> {
  const briefWarnings = options.briefWarnings ?? false;
  let dir = modelFlag;
  if (dir === undefined) {
    let id = BUILTIN_MODEL_ID;
    const header = answersFile !== undefined ? await readAnswersHeader(answersFile, options.maxBytes) : undefined;
    if (header?.id !== undefined) id = header.id;
    dir = builtinModelDir(id);
    if (!existsSync(manifestPath(dir))) {
      const message = notBuiltInMessage(id, header?.version);
      if (header?.loaded.parsed) return { ok: false, exitCode: (await reportFindings(context, [findingAt(header.loaded, ['model', 'id'], 'model-mismatch', message)]))! };
      context.stderr.write(`cxm: ${singleLine(answersFile ?? 'the answers')}: ${message}\n`);
      return { ok: false, exitCode: EXIT.invalid };
    }
  } else if (!existsSync(manifestPath(dir))) {
    context.stderr.write(`cxm: no model at ${dir}: --model takes a directory that holds model.yaml\n`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const result = await loadModel(dir);
  const brief = briefWarnings && result.model !== undefined && result.findings.length > 0 && !hasErrors(result.findings);
  if (brief) {
    const n = result.findings.length;
    context.stderr.write(`cxm: the model has ${n} warning${n === 1 ? '' : 's'}; cxm validate ${modelFlag ?? dir} lists them.\n`);
  }
  const code = await reportFindings(context, brief ? [] : result.findings);
  if (code !== undefined || !result.model) return { ok: false, exitCode: code ?? EXIT.invalid };
  const model = result.model;
  return { ok: true, value: { ...model, inputs: model.inputs.map((i) => ({ ...i, file: displayPath(context, i.file) })) } };
}

export async function loadAssessment(
  context: Context,
  files: readonly string[],
  modelFlag: string | undefined,
  maxBytes?: number,
): Promise<Loaded<{ model: Model; answers: AnswerSet }>> {
  const model = await resolveModel(context, modelFlag, files[0], { maxBytes });
  if (!model.ok) return model;
  const result = await loadAnswerSet(files, model.value, maxBytes !== undefined ? { maxBytes } : {});
  const code = await reportFindings(context, result.findings);
  if (code !== undefined || !result.answers) return { ok: false, exitCode: code ?? EXIT.invalid };
  return { ok: true, value: { model: model.value, answers: result.answers } };
}

/** Paths in reports do not depend on where cxm is installed: built-in files are named as in the package. */
export function displayPath(context: Context, file: string): string {
  const builtin = relative(questionnairesDir(), file);
  if (!builtin.startsWith('..') && !isAbsolute(builtin)) return ['questionnaires', ...builtin.split(sep)].join('/');
  return isAbsolute(file) ? relative(context.cwd, file).split(sep).join('/') : file;
}
