// The rules of a model (SPEC 2.2–2.4) that its schemas cannot say: of the manifest (model.yaml), of each
// questionnaire as part of the model, across the questionnaires, and, on a model without errors, that every level
// can be reached.

import type { Finding } from '../../domain/finding.js';
import type { LoadedFile } from '../file.js';
import { findingAt } from '../findings.js';
import type { RawModel } from '../schema/raw.js';
import { QUESTIONNAIRE_RULES, type QuestionnaireSubject } from './questionnaire-rules.js';
import { levelsReachable, type CompleteModel } from './reachable-levels.js';
import { repeatedIds, type Rule } from './rule.js';
import { YAML11_BOOLEANS, yaml11BooleanIds, type Yaml11Id } from './yaml11-ids.js';

/** A model's manifest that passed its schema (or its well-formed part). */
export interface ManifestSubject {
  readonly raw: RawModel;
  readonly loaded: LoadedFile;
}

/** A questionnaire file of the model, read for the element model.yaml lists it for. */
export interface ModelQuestionnaire extends QuestionnaireSubject {
  /** The id of the element model.yaml lists the file for. */
  readonly element: string;
}

/** The model as read: its manifest and the questionnaire files of its elements, in the manifest's order. */
export interface ModelSubject {
  readonly manifest: ManifestSubject;
  readonly questionnaires: readonly ModelQuestionnaire[];
}

const levelIdsUnique: Rule<ManifestSubject> = ({ raw, loaded }) =>
  repeatedIds(raw.levels, (level) => level.id).map(({ index, first }) =>
    findingAt(loaded, ['levels', index, 'id'], 'duplicate-level', `level "${raw.levels[index]!.id}" is already defined (level ${first + 1}): level ids must be unique`),
  );

const levelsAscending: Rule<ManifestSubject> = ({ raw, loaded }) => {
  const findings: Finding[] = [];
  for (const [i, level] of raw.levels.entries()) {
    const previous = raw.levels[i - 1];
    if (previous && level.minScore <= previous.minScore) {
      findings.push(
        findingAt(loaded, ['levels', i, 'minScore'], 'levels-not-ascending', `level "${level.id}" starts at ${level.minScore}, not above "${previous.id}" (${previous.minScore}): list levels in ascending order of minScore, each higher than the one before`),
      );
    }
  }
  return findings;
};

const firstLevelAtZero: Rule<ManifestSubject> = ({ raw, loaded }) => {
  const first = raw.levels[0];
  if (!first || first.minScore === 0) return [];
  return [findingAt(loaded, ['levels', 0, 'minScore'], 'first-level-not-zero', `the first level must start at minScore 0 (so every score has a level), not ${first.minScore}`)];
};

/** Ids that YAML 1.1 readers would read as booleans (yaml11-ids.ts); only those are listed. */
const manifestIdsReadAlike: Rule<ManifestSubject> = ({ raw, loaded }) => {
  const ids: Yaml11Id[] = [];
  const consider = (path: (string | number)[], value: string): void => {
    if (YAML11_BOOLEANS.has(value)) ids.push({ path, value });
  };
  consider(['id'], raw.id);
  raw.levels.forEach((level, i) => consider(['levels', i, 'id'], level.id));
  raw.elements.forEach((element, i) => consider(['elements', i, 'id'], element.id));
  (raw.groups ?? []).forEach((group, i) => consider(['groups', i, 'id'], group.id));
  (raw.accepts ?? []).forEach((id, i) => consider(['accepts', i], id));
  return ids.length === 0 ? [] : yaml11BooleanIds(loaded, ids);
};

const elementIdsUnique: Rule<ManifestSubject> = ({ raw, loaded }) =>
  repeatedIds(raw.elements, (element) => element.id).map(({ index }) =>
    findingAt(loaded, ['elements', index, 'id'], 'duplicate-element', `element "${raw.elements[index]!.id}" is listed twice: element ids must be unique`),
  );

/** (1.2) tolerance counts only under levelRule: capped (SPEC 3). */
const toleranceUnderMean: Rule<ManifestSubject> = ({ raw, loaded }) =>
  raw.tolerance === undefined || raw.levelRule === 'capped'
    ? []
    : [
        findingAt(loaded, ['tolerance'], 'ignored-under-mean', `tolerance counts only under levelRule: capped, and this model's levelRule is ${raw.levelRule ?? 'mean (the default)'}: add levelRule: capped, or remove tolerance`, {
          severity: 'warning',
        }),
      ];

/** The rules of model.yaml, in the order they run. */
export const MANIFEST_RULES: readonly Rule<ManifestSubject>[] = [levelIdsUnique, levelsAscending, firstLevelAtZero, manifestIdsReadAlike, elementIdsUnique, toleranceUnderMean];

const declaresItsElement: Rule<ModelQuestionnaire> = ({ raw, loaded, element }) =>
  raw.element === element
    ? []
    : [findingAt(loaded, '/element', 'element-mismatch', `model.yaml lists this file for element "${element}", but it declares element "${raw.element}": make them the same`)];

/** The rules of each questionnaire of a model: the questionnaire's own, and that it is the element's. */
export const MODEL_QUESTIONNAIRE_RULES: readonly Rule<ModelQuestionnaire>[] = [declaresItsElement, ...QUESTIONNAIRE_RULES];

/** A question id used in two files; a repeat within one file is that file's finding (questionnaire-rules.ts). */
const questionIdsUniqueAcrossFiles: Rule<ModelSubject> = ({ questionnaires }) => {
  const findings: Finding[] = [];
  const first = new Map<string, { loaded: LoadedFile; path: (string | number)[] }>();
  for (const { raw, loaded } of questionnaires) {
    for (const [qi, question] of raw.questions.entries()) {
      const path = ['questions', qi, 'id'];
      const seen = first.get(question.id);
      if (seen === undefined) first.set(question.id, { loaded, path });
      else if (seen.loaded !== loaded) {
        const at = findingAt(seen.loaded, seen.path, 'duplicate-question-id', '');
        findings.push(
          findingAt(loaded, path, 'duplicate-question-id', `question id "${question.id}" is already used at ${at.file}:${at.line}:${at.column}: question ids must be unique across the model`),
        );
      }
    }
  }
  return findings;
};

/** An old id in `replaces` must not be a current question id, nor be claimed by two questions. */
const replacesConsistent: Rule<ModelSubject> = ({ questionnaires }) => {
  const findings: Finding[] = [];
  const current = new Set(questionnaires.flatMap(({ raw }) => raw.questions.map((q) => q.id)));
  const replacedBy = new Map<string, string>();
  for (const { raw, loaded } of questionnaires) {
    for (const [qi, question] of raw.questions.entries()) {
      for (const [ri, old] of (question.replaces ?? []).entries()) {
        const path = ['questions', qi, 'replaces', ri];
        if (current.has(old)) {
          findings.push(findingAt(loaded, path, 'replaces-conflict', `"${old}" is still a question of this model, so "${question.id}" cannot replace it: remove it from replaces`));
        } else if (replacedBy.has(old) && replacedBy.get(old) !== question.id) {
          findings.push(findingAt(loaded, path, 'replaces-conflict', `"${old}" is already replaced by "${replacedBy.get(old)!}": an old id can count for one question only`));
        } else replacedBy.set(old, question.id);
      }
    }
  }
  return findings;
};

/** The rules across the files of a model, once each has been checked. */
export const MODEL_RULES: readonly Rule<ModelSubject>[] = [questionIdsUniqueAcrossFiles, replacesConsistent];

/** The rules about the scores a model can give: they run only on a model without errors, every element read. */
export const COMPLETE_MODEL_RULES: readonly Rule<CompleteModel>[] = [levelsReachable];
