// A model directory → Model: its files read (file.ts), then the model rules (rules/model-rules.ts), then the
// Model built. Returns findings; never throws or prints for a user's mistake.

import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../domain/finding.js';
import type { Element, Level, Model, Option, Question, ScaleAnchor } from '../domain/types.js';
import { closest } from '../text/did-you-mean.js';
import { loadYamlFile, type LoadedFile } from './file.js';
import { findingAt, hasErrors } from './findings.js';
import { COMPLETE_MODEL_RULES, MANIFEST_RULES, MODEL_QUESTIONNAIRE_RULES, MODEL_RULES, type ModelQuestionnaire } from './rules/model-rules.js';
import { runRules } from './rules/rule.js';
import { own, type RawLevel, type RawModel, type RawQuestion, type RawQuestionnaire } from './schema/raw.js';
import { inputOf, type SourceFile } from './source-file.js';

export interface ModelResult {
  /** Undefined when the model has errors. */
  readonly model?: Model;
  readonly findings: Finding[];
  /** Every file of the model that was read (model.yaml first). */
  readonly files: readonly string[];
  /** What was read of each, by path, to echo the lines of findings without reading the files again. */
  readonly sources: ReadonlyMap<string, SourceFile>;
}

/** The model.yaml of a model given as a directory, or the manifest itself (a file of kind model may have any name). */
export function manifestPath(dirOrFile: string): string {
  return /\.(ya?ml|json)$/i.test(basename(dirOrFile)) ? dirOrFile : join(dirOrFile, 'model.yaml');
}

/** `options.manifest`: the manifest, when the caller has read it already (as a file of kind model). */
export async function loadModel(dirOrFile: string, options: { readonly manifest?: LoadedFile } = {}): Promise<ModelResult> {
  const manifest = manifestPath(dirOrFile);
  const dir = dirname(manifest);
  const read = options.manifest ?? (await loadYamlFile(manifest, { expect: 'model' }));
  const sources = new Map<string, SourceFile>();
  if (read.source) sources.set(manifest, read.source);
  const findings = [...read.findings];
  // after schema errors, the rules still run on the well-formed part: one run reports every independent mistake
  const loaded = read.data !== undefined ? read : read.partial;
  if (loaded === undefined) return { findings, files: [manifest], sources };
  const raw = loaded.data as RawModel;
  const subject = { raw, loaded };
  findings.push(...runRules(MANIFEST_RULES, subject));

  const files = [manifest];
  const elements: Element[] = [];
  const levelIds = raw.levels.map((l) => l.id);
  const questionnaires: ModelQuestionnaire[] = [];

  const listed = new Set<string>();
  let dirFiles: string[] | undefined;
  for (const [index, element] of raw.elements.entries()) {
    // a duplicate element is reported by the manifest's rules; reading its file again would report each question twice
    if (listed.has(element.id)) continue;
    listed.add(element.id);
    const fileName = element.file ?? `${element.id}.yaml`;
    const file = join(dir, fileName);
    const rel = relative(resolve(dir), resolve(file));
    if (rel.startsWith('..') || rel.startsWith(sep)) {
      findings.push(
        findingAt(loaded, ['elements', index, 'file'], 'questionnaire-outside-model', `"${fileName}" is outside the model directory: keep questionnaire files next to model.yaml`),
      );
      continue;
    }
    // by real path too: a questionnaire inside the folder that is a link to a file outside it is not read (nor echoed)
    if (await linksOutside(dir, file)) {
      findings.push(
        findingAt(loaded, element.file ? ['elements', index, 'file'] : ['elements', index, 'id'], 'questionnaire-outside-model', `"${fileName}" is a link to a file outside the model directory: copy the questionnaire into the model directory instead`),
      );
      continue;
    }
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      const guess = closest(fileName, (dirFiles ??= await yamlFilesIn(dir)).filter((name) => name !== basename(manifest)));
      findings.push(
        findingAt(
          loaded,
          element.file ? ['elements', index, 'file'] : ['elements', index, 'id'],
          'element-file-missing',
          guess !== undefined
            ? `the questionnaire file ${file} of element "${element.id}" does not exist: did you mean ${guess}?${element.file ? '' : ` (set file: ${guess})`}`
            : `the questionnaire file ${file} of element "${element.id}" does not exist: create it (cxm init copies the built-in one) or fix "file"`,
        ),
      );
      continue;
    }
    files.push(file);
    const readQ = await loadYamlFile(file);
    if (readQ.source) sources.set(file, readQ.source);
    findings.push(...readQ.findings);
    const q = readQ.data !== undefined ? readQ : readQ.partial;
    if (q === undefined) continue;
    if (q.kind !== 'questionnaire') {
      findings.push(findingAt(q, '/kind', 'element-file-kind', `element "${element.id}" needs a questionnaire here, but this file is of kind "${q.kind}": set kind: questionnaire`));
      continue;
    }
    const questionnaire: ModelQuestionnaire = { raw: q.data as RawQuestionnaire, loaded: q, element: element.id, levelIds, levelRule: raw.levelRule ?? 'mean' };
    findings.push(...runRules(MODEL_QUESTIONNAIRE_RULES, questionnaire));
    questionnaires.push(questionnaire);
    elements.push(buildElement(element.id, element.weight ?? 1, file, questionnaire.raw, raw.levels));
  }
  findings.push(...runRules(MODEL_RULES, { manifest: subject, questionnaires }));
  if (!hasErrors(findings) && elements.length === raw.elements.length) {
    findings.push(...runRules(COMPLETE_MODEL_RULES, { manifest: subject, elements }));
  }
  if (hasErrors(findings)) return { findings, files, sources };

  const model: Model = {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    overall: raw.overall ?? 'weakest-link',
    levelRule: raw.levelRule ?? 'mean',
    tolerance: raw.tolerance ?? 1,
    levels: raw.levels.map(
      (l): Level => ({ id: l.id, title: l.title, minScore: l.minScore, ...(l.description !== undefined ? { description: l.description } : {}) }),
    ),
    elements,
    inputs: [loaded, ...questionnaires.map((q) => q.loaded)].map((f) => inputOf(f.source!)),
    dir,
    groups: (raw.groups ?? []).map((g) => ({ id: g.id, title: g.title })),
    accepts: raw.accepts ?? [],
  };
  return { model, findings, files, sources };
}

/** The YAML files next to model.yaml, for a did-you-mean on a misspelled file name. */
async function yamlFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/i.test(name));
  } catch {
    return [];
  }
}

/** `levels`: the model's levels in order, which orders a scale's anchors and gives their scores. */
function buildQuestion(element: string, raw: RawQuestion, levels: readonly RawLevel[]): Question {
  const base = {
    id: raw.id,
    element,
    text: raw.text,
    ...(raw.help !== undefined ? { help: raw.help } : {}),
    weight: raw.weight ?? 1,
    notApplicable: raw.notApplicable ?? false,
    replaces: raw.replaces ?? [],
    ...(raw.gate !== undefined ? { gate: raw.gate } : {}),
    ...(raw.check !== undefined ? { check: raw.check } : {}),
  };
  if (raw.type === 'scale') {
    const rank = (id: string): number => levels.findIndex((l) => l.id === id);
    // an anchor at an unknown level is the rules' error (questionnaire-rules.ts); a model with errors is not returned
    const anchors: ScaleAnchor[] = own(raw.levels)
      .filter(([level]) => rank(level) >= 0)
      .map(([level, value]) => ({ level, value, minScore: levels[rank(level)]!.minScore }))
      .sort((a, b) => rank(a.level) - rank(b.level));
    return {
      ...base,
      type: 'scale',
      min: raw.min!,
      max: raw.max!,
      labels: new Map(own(raw.labels).map(([k, v]) => [Number(k), v])),
      anchors,
      ...(raw.next !== undefined ? { next: raw.next } : {}),
    };
  }
  const options: Option[] = (raw.options ?? []).map((o) => ({
    id: o.id,
    label: o.label,
    score: o.score,
    ...(o.next !== undefined ? { next: o.next } : {}),
    replaces: o.replaces ?? [],
  }));
  return { ...base, type: raw.type, options };
}

function buildElement(id: string, weight: number, file: string, raw: RawQuestionnaire, levels: readonly RawLevel[]): Element {
  return {
    id,
    title: raw.title,
    ...(raw.intro !== undefined ? { intro: raw.intro } : {}),
    weight,
    file,
    questions: raw.questions.map((q) => buildQuestion(id, q, levels)),
    recommendations: new Map(own(raw.recommendations)),
  };
}

/** Whether `file`, resolved through every link, lies outside `dir` (itself resolved): false when it does not exist. */
async function linksOutside(dir: string, file: string): Promise<boolean> {
  const [realDir, realFile] = await Promise.all([realpath(dir).catch(() => undefined), realpath(file).catch(() => undefined)]);
  if (realDir === undefined || realFile === undefined) return false;
  const rel = relative(realDir, realFile);
  return rel.startsWith('..') || isAbsolute(rel);
}
