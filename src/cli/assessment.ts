// Shared by score, report, compare and assess: the model (--model, else the built-in model the
// answers name) and the answers files, with findings printed to stderr and the exit code decided.

import { existsSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../domain/finding.js';
import type { AnswerSet, Model } from '../domain/types.js';
import { answersHeader, checkAnswerSet } from '../load/answers.js';
import { builtinModelDir, BUILTIN_MODEL_ID, notBuiltInMessage, questionnairesDir } from '../load/builtin.js';
import { loadYamlFile, type LoadedFile } from '../load/file.js';
import { findingAt, hasErrors, isIoFinding, sortFindings } from '../load/findings.js';
import { loadModel, manifestPath } from '../load/model.js';
import { MAX_FILE_BYTES, readSourceFile, type SourceFile } from '../load/source-file.js';
import { renderFindingsText } from '../render/findings.js';
import { singleLine } from '../text/sanitize.js';
import { EXIT, type Context } from './context.js';
import { withTargetFlags } from './target-flags.js';

/**
 * Prints findings to stderr (with source lines) and returns the exit code they call for, if any. `sources`: what
 * was read of the files, by path; a file not in it is read for its lines.
 */
export async function reportFindings(context: Context, findings: readonly Finding[], sources: ReadonlyMap<string, SourceFile> = new Map()): Promise<number | undefined> {
  if (findings.length === 0) return undefined;
  const sorted = sortFindings(findings);
  const texts = new Map<string, string>();
  for (const file of new Set(sorted.map((f) => f.file))) {
    const known = sources.get(file);
    if (known !== undefined) {
      // lines are echoed from files within the default size limit only, as when each file was read again for them
      if (known.size <= MAX_FILE_BYTES) texts.set(file, known.text);
      continue;
    }
    const read = await readSourceFile(file);
    if ('source' in read) texts.set(file, read.source.text);
  }
  context.stderr.write(renderFindingsText(sorted, { color: context.color.stderr, sources: texts }));
  if (sorted.some(isIoFinding)) return EXIT.usage;
  return hasErrors(sorted) ? EXIT.invalid : undefined;
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly exitCode: number };

/**
 * The model to score with: --model DIR, else the built-in model named by the first answers file (read within
 * `maxBytes`, unless `answers` is that file already read). With `briefWarnings`, a model whose findings are all
 * warnings gets one line saying how many.
 */
export async function resolveModel(
  context: Context,
  modelFlag: string | undefined,
  answersFile?: string,
  options: { readonly briefWarnings?: boolean; readonly maxBytes?: number | undefined; readonly answers?: LoadedFile } = {},
): Promise<Loaded<Model>> {
  const briefWarnings = options.briefWarnings ?? false;
  let dir = modelFlag;
  if (dir === undefined) {
    let id = BUILTIN_MODEL_ID;
    const answers =
      options.answers ??
      (answersFile !== undefined ? await loadYamlFile(answersFile, { expect: 'answers', ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) }) : undefined);
    const header = answers !== undefined ? answersHeader(answers) : undefined;
    if (header?.id !== undefined) id = header.id;
    dir = builtinModelDir(id);
    if (!existsSync(manifestPath(dir))) {
      const message = notBuiltInMessage(id, header?.version);
      if (answers?.parsed) return { ok: false, exitCode: (await reportFindings(context, [findingAt(answers, ['model', 'id'], 'model-mismatch', message)], sourcesOf([answers])))! };
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
  const code = await reportFindings(context, brief ? [] : result.findings, result.sources);
  if (code !== undefined || !result.model) return { ok: false, exitCode: code ?? EXIT.invalid };
  const model = result.model;
  return { ok: true, value: { ...model, inputs: model.inputs.map((i) => ({ ...i, file: displayPath(context, i.file) })) } };
}

/** (1.2) --target and --as-of of the commands that score. */
export interface TargetOptions {
  readonly target?: readonly string[];
  readonly asOf?: string;
}

export async function loadAssessment(
  context: Context,
  files: readonly string[],
  modelFlag: string | undefined,
  maxBytes?: number,
  targetOptions: TargetOptions = {},
): Promise<Loaded<{ model: Model; answers: AnswerSet }>> {
  // each file is read once: for the model it names, for its answers, and for the lines of its findings
  const answers: LoadedFile[] = [];
  for (const file of files) answers.push(await loadYamlFile(file, { expect: 'answers', ...(maxBytes !== undefined ? { maxBytes } : {}) }));
  const model = await resolveModel(context, modelFlag, files[0], { maxBytes, ...(answers[0] !== undefined ? { answers: answers[0] } : {}) });
  if (!model.ok) return model;
  const result = checkAnswerSet(answers, model.value, { asOf: targetOptions.asOf });
  const code = await reportFindings(context, result.findings, sourcesOf(answers));
  if (code !== undefined || !result.answers) return { ok: false, exitCode: code ?? EXIT.invalid };
  const targeted = withTargets(context, model.value, result.answers, targetOptions.target ?? []);
  return targeted === undefined ? { ok: false, exitCode: EXIT.usage } : { ok: true, value: { model: model.value, answers: targeted } };
}

/** (1.2) The answers with --target applied over their targets; undefined (after saying why) when a flag names what the model lacks. */
export function withTargets(context: Context, model: Model, answers: AnswerSet, flags: readonly string[]): AnswerSet | undefined {
  const { targets, problems } = withTargetFlags(model, answers.targets, flags);
  for (const problem of problems) context.stderr.write(`cxm: ${singleLine(problem)}\n`);
  if (problems.length > 0) return undefined;
  return targets === undefined ? answers : { ...answers, targets };
}

/** What was read of each file, by path: reportFindings echoes lines from it instead of reading the files again. */
export function sourcesOf(files: readonly LoadedFile[]): Map<string, SourceFile> {
  return new Map(files.flatMap((f) => (f.source ? [[f.source.file, f.source] as const] : [])));
}

/** Paths in reports do not depend on where cxm is installed: built-in files are named as in the package. */
export function displayPath(context: Context, file: string): string {
  const builtin = relative(questionnairesDir(), file);
  if (!builtin.startsWith('..') && !isAbsolute(builtin)) return ['questionnaires', ...builtin.split(sep)].join('/');
  return isAbsolute(file) ? relative(context.cwd, file).split(sep).join('/') : file;
}

/** A flag that does nothing in this combination gets a warning that says so (#25): --min-group-size without anonymity. */
export function warnIgnoredTeamFlags(context: Context, flags: { readonly minGroupSize?: number }, anonymous: boolean): void {
  if (flags.minGroupSize !== undefined && !anonymous) {
    context.stderr.write('cxm: warning: --min-group-size does nothing here: the report is not anonymous (add --anonymous, or anonymous: true in an answers file), so every group is shown\n');
  }
}
