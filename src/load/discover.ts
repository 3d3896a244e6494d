// `cxm validate PATH…` (SPEC 2.4): files are recognised by their kind; a directory with
// model.yaml is a model; any other directory is searched for models and files of a known kind.

import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Model } from '../model/types.js';
import { loadAnswerSet, readAnswersHeader } from './answers.js';
import { builtinModelDir, BUILTIN_MODEL_ID } from './builtin.js';
import { findingAt } from './finding-at.js';
import { checkQuestionnaire, loadModel } from './model.js';
import type { RawQuestionnaire } from './raw.js';
import { readSourceFile } from './source-file.js';
import { kindOf, loadYamlFile } from './yaml-file.js';

export interface ValidateOptions {
  /** Model to check answers files against (default: the built-in model they name). */
  readonly model?: string;
}

export interface ValidateResult {
  readonly findings: Finding[];
  /** Files checked, in order. */
  readonly files: string[];
  /** Text of each file checked, for printing source lines under findings. */
  readonly sources: Map<string, string>;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const MAX_FILES = 100_000;

async function walk(dir: string, out: { models: string[]; files: string[] }): Promise<void> {
  if (out.files.length + out.models.length > MAX_FILES) return;
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((e) => e.isFile() && e.name === 'model.yaml')) {
    out.models.push(dir);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      await walk(path, out);
    } else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name) && entry.name !== 'model.yaml') {
      out.files.push(path);
    }
  }
}

export async function validatePaths(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const findings: Finding[] = [];
  const files: string[] = [];
  const modelDirs: string[] = [];
  const looseFiles: { file: string; explicit: boolean }[] = [];

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      findings.push({ file: path, line: 1, column: 1, severity: 'error', code: 'file-not-found', message: 'no such file or directory: check the path', pointer: '' });
      continue;
    }
    if (info.isDirectory()) {
      const hasManifest = await stat(join(path, 'model.yaml')).then(
        (s) => s.isFile(),
        () => false,
      );
      if (hasManifest) modelDirs.push(path);
      else {
        const found = { models: [] as string[], files: [] as string[] };
        await walk(path, found);
        modelDirs.push(...found.models);
        looseFiles.push(...found.files.map((file) => ({ file, explicit: false })));
      }
    } else if (basename(path) === 'model.yaml') {
      modelDirs.push(dirname(path));
    } else looseFiles.push({ file: path, explicit: true });
  }

  const modelFiles = new Set<string>();
  const sources = new Map<string, string>();
  const models = new Map<string, Model>();
  for (const dir of [...new Set(modelDirs)]) {
    const result = await loadModel(dir);
    findings.push(...result.findings);
    for (const file of result.files) {
      modelFiles.add(resolve(file));
      files.push(file);
    }
    if (result.model) models.set(result.model.id, result.model);
  }

  let explicitModel: Model | undefined;
  if (options.model !== undefined) {
    const result = await loadModel(options.model);
    findings.push(...result.findings);
    files.push(...result.files.filter((f) => !modelFiles.has(resolve(f))));
    explicitModel = result.model;
  }

  for (const { file, explicit } of looseFiles) {
    if (modelFiles.has(resolve(file))) continue;
    const loaded = await loadYamlFile(file);
    if (!explicit) {
      // a searched directory may hold any YAML: only files of our kinds are ours to judge
      const kind = kindOf(loaded.parsed?.data);
      if (kind !== 'questionnaire' && kind !== 'answers' && kind !== 'model') continue;
    }
    files.push(file);
    if (loaded.kind === 'answers' && loaded.data !== undefined) {
      findings.push(...loaded.findings);
      const model = explicitModel ?? (await modelForAnswers(file, models, findings));
      if (model) findings.push(...(await loadAnswerSet([file], model)).findings.filter((f) => f.file === file));
    } else if (loaded.kind === 'questionnaire' && loaded.data !== undefined) {
      findings.push(...loaded.findings, ...checkQuestionnaire(loaded.data as RawQuestionnaire, loaded));
    } else if (loaded.kind === 'model') {
      findings.push(...(await loadModel(file)).findings);
    } else findings.push(...loaded.findings);
  }

  for (const file of files) {
    if (sources.has(file)) continue;
    const read = await readSourceFile(file);
    if ('source' in read) sources.set(file, read.source.text);
  }
  return { findings, files, sources };
}

async function modelForAnswers(file: string, models: Map<string, Model>, findings: Finding[]): Promise<Model | undefined> {
  const header = await readAnswersHeader(file);
  const id = header.id ?? BUILTIN_MODEL_ID;
  const known = models.get(id);
  if (known) return known;
  if (id !== BUILTIN_MODEL_ID) {
    findings.push(
      findingAt(header.loaded, ['model', 'id'], 'model-mismatch', `recorded against model "${id}", which is not built in: pass --model with its directory`),
    );
    return undefined;
  }
  const result = await loadModel(builtinModelDir());
  findings.push(...result.findings);
  if (result.model) models.set(id, result.model);
  return result.model;
}
