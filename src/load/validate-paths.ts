// `cxm validate PATH…` (SPEC 2.4): the paths discovered (discover.ts), each model loaded with its rules, each other
// file recognised by its kind and checked (a questionnaire on its own, answers against their model), and the
// lines of the files with findings kept for printing.

import { resolve } from 'node:path';
import type { Finding } from '../domain/finding.js';
import type { Model } from '../domain/types.js';
import { builtinModelDir, BUILTIN_MODEL_ID, notBuiltInMessage } from './builtin.js';
import { findingAt } from './findings.js';
import type { FirstAppearance } from './rules/answers-rules.js';
import { checkQuestionnaire } from './rules/questionnaire-rules.js';
import { discover } from './discover.js';
import type { RawAnswers, RawQuestionnaire } from './schema/raw.js';
import { MAX_FILE_BYTES, type SourceFile } from './source-file.js';
import { cxmOutputKind, looksLikeCxmFile } from './kind-guess.js';
import { loadYamlFile, type LoadedFile } from './file.js';

export interface ValidateOptions {
  /** Model to check answers files against (default: the built-in model they name). */
  readonly model?: string;
  /** Files larger than this are refused (default MAX_FILE_BYTES; --max-file-size raises it). */
  readonly maxBytes?: number;
  /** (1.2) The date evidence expiry is judged at (default: each answers file's date). */
  readonly asOf?: string;
  /** Told after each file of the directories and paths given (not the models' own): the progress line (cli/progress.ts). */
  readonly onFile?: (done: number, total: number) => void;
}

export interface ValidateResult {
  readonly findings: Finding[];
  /** Files checked, in order. */
  readonly files: string[];
  /** Text of each file checked that has findings, for printing source lines under them. */
  readonly sources: Map<string, string>;
  /** YAML files of searched directories that are plainly not cxm files (nor like one), passed over. */
  readonly passedOver: string[];
}

/**
 * The code for models and answers (model.js, answers.js and their rules) is imported where a run first meets one:
 * a run over questionnaires alone never loads it, as a run whose files all take the fast path never loads the full
 * path (file.ts).
 */
export async function validatePaths(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const { findings, modelDirs, looseFiles, searched } = await discover(paths);
  // each path resolved once: a run over thousands of files would resolve each of them four times
  const absolute = new Map<string, string>();
  const abs = (file: string): string => {
    let path = absolute.get(file);
    if (path === undefined) absolute.set(file, (path = resolve(file)));
    return path;
  };
  const files: string[] = [];

  const modelFiles = new Set<string>();
  const sources = new Map<string, string>();
  // what the models read, to echo the lines of their findings without reading the files again
  const modelSources = new Map<string, SourceFile>();
  const models = new Map<string, Model>();
  const modelDirsSeen = new Set<string>();
  for (const dir of modelDirs) {
    // "m", "m/" and "m/model.yaml" are one model
    if (modelDirsSeen.has(abs(dir))) continue;
    modelDirsSeen.add(abs(dir));
    const result = await (await import('./model.js')).loadModel(dir);
    findings.push(...result.findings);
    for (const [file, source] of result.sources) modelSources.set(file, source);
    for (const file of result.files) {
      modelFiles.add(abs(file));
      files.push(file);
    }
    if (result.model) models.set(result.model.id, result.model);
  }

  let explicitModel: Model | undefined;
  if (options.model !== undefined) {
    const result = await (await import('./model.js')).loadModel(options.model);
    findings.push(...result.findings);
    for (const [file, source] of result.sources) modelSources.set(file, source);
    files.push(...result.files.filter((f) => !modelFiles.has(abs(f))));
    explicitModel = result.model;
  }

  const assessments = new Map<string, Map<string, FirstAppearance>>();
  const looseSeen = new Set<string>();
  const passedOver: string[] = [];
  // the text of each loose file with findings, so that it is not read again for its source lines
  const texts = new Map<string, string>();
  let done = 0;
  for (const { file, explicit } of looseFiles) {
    options.onFile?.(done++, looseFiles.length);
    const path = abs(file);
    if (modelFiles.has(path) || looseSeen.has(path)) continue;
    looseSeen.add(path);
    const loaded = await loadYamlFile(file, options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {});
    const findingsBefore = findings.length;
    const output = cxmOutputKind(loaded.parsed?.data);
    if (!explicit && (output !== undefined || !isCxmFile(loaded))) {
      // a searched directory may hold any YAML: what is plainly not a cxm file (nor like one) is passed over, and counted
      passedOver.push(file);
      continue;
    }
    if (output !== undefined) {
      findings.push({
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        code: 'not-validated',
        message: `this is a ${output} JSON written by cxm ${output === 'report' ? 'report -f json' : 'compare -f json'}, not a file that cxm validate checks: cxm compare reads it as it stands; validate the answers files it was made from`,
        pointer: '',
      });
      continue;
    }
    files.push(file);
    // after schema errors, the rules still run on the well-formed part
    const wellFormed = loaded.data !== undefined ? loaded : loaded.partial;
    if (loaded.kind === 'answers' && wellFormed !== undefined) {
      findings.push(...loaded.findings);
      const model = explicitModel ?? (await modelForAnswers(loaded, models, findings));
      if (model) {
        findings.push(...(await import('./answers.js')).checkAnswerSet([loaded], model, { asOf: options.asOf }).findings.filter((f) => f.file === file));
        findings.push(...(await respondentsInOtherFiles(wellFormed, assessments)));
      }
    } else if (loaded.kind === 'questionnaire' && wellFormed !== undefined) {
      findings.push(...loaded.findings, ...checkQuestionnaire(wellFormed.data as RawQuestionnaire, wellFormed));
    } else if (loaded.kind === 'model') {
      // a manifest with another name than model.yaml: its questionnaires are checked with it
      const { loadModel, manifestPath } = await import('./model.js');
      const result = await loadModel(file, manifestPath(file) === file ? { manifest: loaded } : {});
      findings.push(...result.findings);
      for (const [f, source] of result.sources) modelSources.set(f, source);
      for (const f of result.files) {
        if (!modelFiles.has(abs(f)) && !looseSeen.has(abs(f))) files.push(f);
        modelFiles.add(abs(f));
      }
      if (result.model && !models.has(result.model.id)) models.set(result.model.id, result.model);
    } else findings.push(...loaded.findings);
    if (findings.length > findingsBefore && loaded.source) texts.set(file, loaded.source.text);
  }

  // a directory with nothing to check is most likely a wrong path: say so rather than "no problems"
  const checked = new Set(files.map((f) => abs(f)));
  for (const { dir, models: found, files: candidates } of searched) {
    if (found === 0 && !candidates.some((f) => checked.has(abs(f)))) {
      findings.push({
        file: dir,
        line: 1,
        column: 1,
        severity: 'warning',
        code: 'no-files',
        message: 'no model, questionnaire or answers file here (a file is recognised by its kind:): check the path',
        pointer: '',
      });
    }
  }

  const withFindings = new Set(findings.map((f) => f.file));
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  for (const file of files) {
    if (sources.has(file) || !withFindings.has(file)) continue;
    const text = texts.get(file);
    if (text !== undefined) {
      sources.set(file, text);
      continue;
    }
    // lines are echoed only from files within the size limit of the run (a model is read whatever the limit)
    const source = modelSources.get(file);
    if (source !== undefined && source.size <= limit) sources.set(file, source.text);
  }
  return { findings: withoutRepeats(findings), files, sources, passedOver };
}

/** Whether a file of a searched directory is cxm's to judge: a known kind, a file like one, or one that could not be read. */
function isCxmFile(loaded: LoadedFile): boolean {
  if (loaded.kind !== undefined || loaded.source === undefined) return true;
  return looksLikeCxmFile(loaded.parsed?.data, loaded.source.text);
}

/** A questionnaire checked on its own and again with the model found after it gives some findings twice. */
function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.code}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * SPEC 2.3: the answers files of one assessment are one set of respondents, so a name must not appear in two
 * of them. Files with the same model, organization and period are one assessment; without a period, no grouping.
 */
async function respondentsInOtherFiles(loaded: LoadedFile, assessments: Map<string, Map<string, FirstAppearance>>): Promise<Finding[]> {
  const raw = loaded.data as RawAnswers;
  if (raw.period === undefined) return [];
  const key = JSON.stringify([raw.model.id, raw.organization ?? null, raw.period]);
  let names = assessments.get(key);
  if (!names) assessments.set(key, (names = new Map<string, FirstAppearance>()));
  const { repeatedRespondents } = await import('./rules/answers-rules.js');
  return repeatedRespondents({ loaded, raw }, names, { period: raw.period });
}

async function modelForAnswers(loaded: LoadedFile, models: Map<string, Model>, findings: Finding[]): Promise<Model | undefined> {
  // the model a file names is read within the default size limit, as when the file was read again for it: a larger
  // file (--max-file-size) names none, and is checked against the built-in model
  const header = loaded.source !== undefined && loaded.source.size > MAX_FILE_BYTES ? {} : (await import('./answers.js')).answersHeader(loaded);
  const id = header.id ?? BUILTIN_MODEL_ID;
  // the model of that id, else a model found here that accepts it (SPEC 2.1, derived models)
  const known = models.get(id) ?? [...models.values()].find((m) => m.accepts.includes(id));
  if (known) return known;
  if (id !== BUILTIN_MODEL_ID) {
    findings.push(findingAt(loaded, ['model', 'id'], 'model-mismatch', notBuiltInMessage(id, header.version, [...models.keys()])));
    return undefined;
  }
  const result = await (await import('./model.js')).loadModel(builtinModelDir());
  findings.push(...result.findings);
  if (result.model) models.set(id, result.model);
  return result.model;
}
