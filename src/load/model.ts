// A model directory → Model. Second pass after the schemas: the rules a schema cannot say
// (SPEC 2.2–2.4). Returns findings; never throws or prints for a user's mistake.

import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Element, Level, Model, Option, Question } from '../model/types.js';
import { closest } from './did-you-mean.js';
import { findingAt, hasErrors } from './finding-at.js';
import { own, type RawModel, type RawQuestion, type RawQuestionnaire } from './schema/raw.js';
import { inputOf, type SourceFile } from './source-file.js';
import { yaml11BooleanIds } from './rules/yaml11-ids.js';
import { loadYamlFile, type LoadedFile } from './file.js';

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

  findings.push(...checkManifest(raw, loaded));

  const files = [manifest];
  const elements: Element[] = [];
  const questionsById = new Map<string, { question: RawQuestion; loaded: LoadedFile; path: (string | number)[] }>();
  const replacedBy = new Map<string, string>();
  const levelIds = raw.levels.map((l) => l.id);
  const questionnaires: { loaded: LoadedFile; raw: RawQuestionnaire }[] = [];

  const listed = new Set<string>();
  let dirFiles: string[] | undefined;
  for (const [index, element] of raw.elements.entries()) {
    // a duplicate element is reported by checkManifest; reading its file again would report each question twice
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
    const rq = q.data as RawQuestionnaire;
    if (rq.element !== element.id) {
      findings.push(
        findingAt(q, '/element', 'element-mismatch', `model.yaml lists this file for element "${element.id}", but it declares element "${rq.element}": make them the same`),
      );
    }
    findings.push(...checkQuestionnaire(rq, q, levelIds));
    questionnaires.push({ loaded: q, raw: rq });

    for (const [qi, question] of rq.questions.entries()) {
      const path = ['questions', qi, 'id'];
      const first = questionsById.get(question.id);
      // a repeat within one file is checkQuestionnaire's finding, reported once
      if (first && first.loaded !== q) {
        const at = findingAt(first.loaded, first.path, 'duplicate-question-id', '');
        findings.push(
          findingAt(q, path, 'duplicate-question-id', `question id "${question.id}" is already used at ${at.file}:${at.line}:${at.column}: question ids must be unique across the model`),
        );
      } else if (!first) questionsById.set(question.id, { question, loaded: q, path });
    }
    elements.push(buildElement(element.id, element.weight ?? 1, file, rq));
  }

  // replaces: an old id must not be a current question id, nor be claimed by two questions
  for (const { loaded: q, raw: rq } of questionnaires) {
    for (const [qi, question] of rq.questions.entries()) {
      for (const [ri, old] of (question.replaces ?? []).entries()) {
        const path = ['questions', qi, 'replaces', ri];
        if (questionsById.has(old)) {
          findings.push(findingAt(q, path, 'replaces-conflict', `"${old}" is still a question of this model, so "${question.id}" cannot replace it: remove it from replaces`));
        } else if (replacedBy.has(old) && replacedBy.get(old) !== question.id) {
          findings.push(findingAt(q, path, 'replaces-conflict', `"${old}" is already replaced by "${replacedBy.get(old)!}": an old id can count for one question only`));
        } else replacedBy.set(old, question.id);
      }
    }
  }

  if (!hasErrors(findings) && elements.length === raw.elements.length) {
    findings.push(...checkReachable(raw, elements, loaded));
  }
  if (hasErrors(findings)) return { findings, files, sources };

  const model: Model = {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    overall: raw.overall ?? 'weakest-link',
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

function checkManifest(raw: RawModel, loaded: LoadedFile): Finding[] {
  const findings: Finding[] = [];
  const seenLevels = new Map<string, number>();
  for (const [i, level] of raw.levels.entries()) {
    if (seenLevels.has(level.id)) {
      findings.push(findingAt(loaded, ['levels', i, 'id'], 'duplicate-level', `level "${level.id}" is already defined (level ${seenLevels.get(level.id)! + 1}): level ids must be unique`));
    } else seenLevels.set(level.id, i);
    const previous = raw.levels[i - 1];
    if (previous && level.minScore <= previous.minScore) {
      findings.push(
        findingAt(loaded, ['levels', i, 'minScore'], 'levels-not-ascending', `level "${level.id}" starts at ${level.minScore}, not above "${previous.id}" (${previous.minScore}): list levels in ascending order of minScore, each higher than the one before`),
      );
    }
  }
  const first = raw.levels[0];
  if (first && first.minScore !== 0) {
    findings.push(findingAt(loaded, ['levels', 0, 'minScore'], 'first-level-not-zero', `the first level must start at minScore 0 (so every score has a level), not ${first.minScore}`));
  }
  findings.push(
    ...yaml11BooleanIds(loaded, [
      { path: ['id'], value: raw.id },
      ...raw.levels.map((level, i) => ({ path: ['levels', i, 'id'], value: level.id })),
      ...raw.elements.map((element, i) => ({ path: ['elements', i, 'id'], value: element.id })),
      ...(raw.groups ?? []).map((group, i) => ({ path: ['groups', i, 'id'], value: group.id })),
      ...(raw.accepts ?? []).map((id, i) => ({ path: ['accepts', i], value: id })),
    ]),
  );
  const seenElements = new Map<string, number>();
  for (const [i, element] of raw.elements.entries()) {
    if (seenElements.has(element.id)) {
      findings.push(findingAt(loaded, ['elements', i, 'id'], 'duplicate-element', `element "${element.id}" is listed twice: element ids must be unique`));
    } else seenElements.set(element.id, i);
  }
  return findings;
}

/** The rules for one questionnaire file (standalone: levelIds undefined skips level checks). */
export function checkQuestionnaire(raw: RawQuestionnaire, loaded: LoadedFile, levelIds?: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const seenIds = new Set<string>();
  for (const [qi, question] of raw.questions.entries()) {
    const at = (...rest: (string | number)[]): (string | number)[] => ['questions', qi, ...rest];
    if (seenIds.has(question.id)) {
      findings.push(findingAt(loaded, at('id'), 'duplicate-question-id', `question id "${question.id}" is used twice in this file: question ids must be unique`));
    }
    seenIds.add(question.id);
    if (question.help === undefined || question.help.trim() === '') {
      findings.push(
        findingAt(loaded, at('id'), 'question-without-help', `question "${question.id}" has no help: add a help text saying why it matters`, { severity: 'warning' }),
      );
    }
    if (question.type === 'choice' || question.type === 'multi') {
      const options = question.options ?? [];
      const optionIds = new Set<string>();
      for (const [oi, option] of options.entries()) {
        if (optionIds.has(option.id)) {
          findings.push(findingAt(loaded, at('options', oi, 'id'), 'duplicate-option-id', `option id "${option.id}" is used twice in question "${question.id}": make option ids unique within the question`));
        }
        optionIds.add(option.id);
      }
      const scores = options.map((o) => o.score);
      if (question.type === 'choice' && scores.length > 1 && scores.every((s) => s === scores[0])) {
        findings.push(findingAt(loaded, at('options'), 'choice-scores-equal', `every option of "${question.id}" scores ${scores[0]}, so the question cannot tell teams apart: give the options different scores`));
      }
      if (question.type === 'multi' && scores.every((s) => s === 0)) {
        findings.push(findingAt(loaded, at('options'), 'multi-scores-zero', `every option of "${question.id}" scores 0, so the question can never score: give some options a score above 0`));
      }
    } else {
      const min = question.min ?? 0;
      const max = question.max ?? 0;
      if (min >= max) {
        findings.push(findingAt(loaded, at('max'), 'scale-range-empty', `max (${max}) must be greater than min (${min})`));
      }
      for (const key of Object.keys(question.labels ?? {})) {
        const n = Number(key);
        if (n < min || n > max) {
          findings.push(findingAt(loaded, at('labels', key), 'scale-label-out-of-range', `label ${key} is outside the scale ${min}..${max}: label a point of the scale`, { target: 'key' }));
        }
      }
    }
  }
  findings.push(
    ...yaml11BooleanIds(loaded, [
      { path: ['element'], value: raw.element },
      ...raw.questions.flatMap((question, qi) => [
        { path: ['questions', qi, 'id'], value: question.id },
        ...(question.options ?? []).map((option, oi) => ({ path: ['questions', qi, 'options', oi, 'id'], value: option.id })),
      ]),
      ...Object.keys(raw.recommendations ?? {}).map((key) => ({ path: ['recommendations', key], value: key, target: 'key' as const })),
    ]),
  );
  if (levelIds) {
    const keys = Object.keys(raw.recommendations ?? {});
    for (const key of keys) {
      if (!levelIds.includes(key)) {
        const guess = closest(key, levelIds);
        findings.push(
          findingAt(loaded, ['recommendations', key], 'unknown-recommendation-level', `"${key}" is not a level of the model${guess ? `: did you mean "${guess}"?` : `: use one of ${levelIds.join(', ')}`}`, { target: 'key' }),
        );
      }
    }
    const missing = levelIds.filter((id) => !keys.includes(id) || (raw.recommendations?.[id]?.length ?? 0) === 0);
    if (missing.length > 0) {
      findings.push(
        findingAt(loaded, raw.recommendations ? ['recommendations'] : [], 'missing-recommendations', `no recommendations for level${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add what a team at that level should do next`, {
          severity: 'warning',
          target: 'key',
        }),
      );
    }
  }
  return findings;
}

function buildQuestion(element: string, raw: RawQuestion): Question {
  const base = {
    id: raw.id,
    element,
    text: raw.text,
    ...(raw.help !== undefined ? { help: raw.help } : {}),
    weight: raw.weight ?? 1,
    notApplicable: raw.notApplicable ?? false,
    replaces: raw.replaces ?? [],
  };
  if (raw.type === 'scale') {
    return {
      ...base,
      type: 'scale',
      min: raw.min!,
      max: raw.max!,
      labels: new Map(own(raw.labels).map(([k, v]) => [Number(k), v])),
    };
  }
  const options: Option[] = (raw.options ?? []).map((o) => ({ id: o.id, label: o.label, score: o.score, ...(o.next !== undefined ? { next: o.next } : {}) }));
  return { ...base, type: raw.type, options };
}

function buildElement(id: string, weight: number, file: string, raw: RawQuestionnaire): Element {
  return {
    id,
    title: raw.title,
    ...(raw.intro !== undefined ? { intro: raw.intro } : {}),
    weight,
    file,
    questions: raw.questions.map((q) => buildQuestion(id, q)),
    recommendations: new Map(own(raw.recommendations)),
  };
}

/** Normalised values (0-1) a question can give. */
function questionValues(question: Question): number[] {
  if (question.type === 'scale') {
    const n = question.max - question.min;
    if (n > 1000) return [0, 1];
    return Array.from({ length: n + 1 }, (_, k) => k / n);
  }
  const scores = question.options.map((o) => o.score);
  if (question.type === 'choice') {
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    return scores.map((s) => (s - lo) / (hi - lo));
  }
  const total = scores.reduce((a, b) => a + b, 0);
  let sums = new Set<number>([0]);
  for (const s of scores) {
    sums = new Set([...sums, ...[...sums].map((x) => x + s)]);
    if (sums.size > 512) return [0, 1]; // dense enough
  }
  return [...sums].map((x) => x / total);
}

const MAX_STATES = 4096;

/**
 * Element scores reachable when every question is answered: exact for small questionnaires,
 * treated as dense (every score from 0 to 100) once the combinations grow large.
 */
export function reachableScores(element: Element): { scores?: number[]; dense: boolean } {
  const totalWeight = element.questions.reduce((a, q) => a + q.weight, 0);
  let sums = new Set<number>([0]);
  for (const question of element.questions) {
    const values = questionValues(question);
    const next = new Set<number>();
    for (const s of sums) {
      for (const v of values) next.add(Math.round((s + question.weight * v) * 1e9) / 1e9);
      if (next.size > MAX_STATES) return { dense: true }; // the set only grows: no need to finish it
    }
    sums = next;
  }
  return { scores: [...sums].map((s) => (100 * s) / totalWeight), dense: false };
}

function checkReachable(raw: RawModel, elements: readonly Element[], loaded: LoadedFile): Finding[] {
  const findings: Finding[] = [];
  const reach = elements.map(reachableScores);
  for (const [i, level] of raw.levels.entries()) {
    const upper = raw.levels[i + 1]?.minScore ?? Infinity;
    const reachable = reach.some((r) => r.dense || r.scores!.some((s) => s + 1e-9 >= level.minScore && s < upper - 1e-9));
    if (!reachable) {
      findings.push(
        findingAt(loaded, ['levels', i, 'minScore'], 'level-unreachable', `no element can score from ${level.minScore} up to ${upper === Infinity ? 100 : upper}, so level "${level.id}" can never be reached: adjust minScore or the questions' options`),
      );
    }
  }
  return findings;
}
