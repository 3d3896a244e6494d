// (1.2) The rules of an answers file's targets and evidence (SPEC 2.3, 3) that the schema cannot say: targets name
// elements and levels of the model, evidence is for questions of the model, an item past its expiry is a warning
// at the item, no date to judge expiry by is one warning, and the files of one set give the same targets.

import type { Finding } from '../../domain/finding.js';
import { isCurrent } from '../../domain/evidence.js';
import { closest } from '../../text/did-you-mean.js';
import { findingAt } from '../findings.js';
import { quote } from '../../text/quote.js';
import { own } from '../schema/raw.js';
import type { AnswerSetSubject, AnswersFile } from './answers-subjects.js';
import type { Rule } from './rule.js';

const DEFAULT_TARGET = 'default';

/** Each key of `targets` is `default` or an element of the model; each value a level of the model. */
const targetsKnown: Rule<AnswersFile> = ({ loaded, raw, model }) => {
  const findings: Finding[] = [];
  const elements = model.elements.map((e) => e.id);
  const levels = model.levels.map((l) => l.id);
  for (const [key, level] of own(raw.targets)) {
    if (key !== DEFAULT_TARGET && !elements.includes(key)) {
      const guess = closest(key, [DEFAULT_TARGET, ...elements]);
      findings.push(
        findingAt(loaded, ['targets', key], 'unknown-element', `${quote(key)} is not an element of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use "default" or one of ${elements.join(', ')}`}`, { target: 'key' }),
      );
    }
    if (!levels.includes(level)) {
      const guess = closest(level, levels);
      findings.push(
        findingAt(loaded, ['targets', key], 'unknown-level', `${quote(level)} is not a level of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use one of ${levels.join(', ')}`}`),
      );
    }
  }
  return findings;
};

/**
 * Evidence is for a question of the model (its id or an old one it replaces). Recorded against an older version (or
 * a model this one accepts), evidence for a question it dropped is a warning (it does not count), as the answers are.
 */
const evidenceKnown: Rule<AnswersFile> = ({ loaded, raw, model, questions, questionIds, recordedAgainst }) => {
  const findings: Finding[] = [];
  for (const [id] of own(raw.evidence)) {
    if (questions.has(id)) continue;
    if (recordedAgainst !== undefined) {
      findings.push(
        findingAt(loaded, ['evidence', id], 'unknown-question', `the evidence is for ${quote(id)}, a question of ${recordedAgainst.id} ${recordedAgainst.version} that ${model.id} ${model.version} does not have, so it backs nothing`, { severity: 'warning', target: 'key' }),
      );
      continue;
    }
    const guess = closest(id, questionIds);
    findings.push(
      findingAt(loaded, ['evidence', id], 'unknown-question', `the evidence is for ${quote(id)}, which is not a question of model ${model.id} ${model.version}${guess !== undefined ? `: did you mean "${guess}"?` : ': fix the question id'}`, { target: 'key' }),
    );
  }
  return findings;
};

/** An item that expired before the as-of date: a warning at its `expires`, with the date it was judged at. */
const evidenceCurrent: Rule<AnswersFile> = ({ loaded, raw, asOf, asOfFrom }) => {
  const findings: Finding[] = [];
  let undated: (string | number)[] | undefined;
  for (const [id, items] of own(raw.evidence)) {
    for (const [index, item] of items.entries()) {
      if (item.expires === undefined) continue;
      if (asOf === undefined) {
        undated ??= ['evidence'];
        continue;
      }
      if (isCurrent(item, asOf)) continue;
      findings.push(
        findingAt(
          loaded,
          ['evidence', id, index, 'expires'],
          'evidence-expired',
          `this ${item.kind} (${quote(item.ref)}) expired on ${item.expires}, before ${asOf} (${asOfFrom === 'flag' ? '--as-of' : 'the date of the assessment'}), so it no longer backs "${id}": renew it and update "expires", or remove it`,
          { severity: 'warning' },
        ),
      );
    }
  }
  if (undated !== undefined) {
    findings.push(
      findingAt(loaded, undated, 'expiry-not-checked', 'evidence expiry was not checked: there is no date to judge it by; add "date:" to the answers file or pass --as-of DATE (until then every item counts as current)', {
        severity: 'warning',
        target: 'key',
      }),
    );
  }
  return findings;
};

/** The targets and evidence rules of each file whose answers are for the model. */
export const EVIDENCE_FILE_RULES: readonly Rule<AnswersFile>[] = [targetsKnown, evidenceKnown, evidenceCurrent];

/** Targets as written, compared whatever their order. */
function targetsKey(targets: Record<string, string>): string {
  return JSON.stringify(own(targets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** SPEC 3: several answers files of one assessment must not give different targets. */
const sameTargets: Rule<AnswerSetSubject> = ({ files }) => {
  const first = files.find((f) => f.raw.targets !== undefined);
  if (first === undefined) return [];
  const expected = targetsKey(first.raw.targets!);
  return files
    .filter((f) => f !== first && f.raw.targets !== undefined && targetsKey(f.raw.targets) !== expected)
    .map((f) =>
      findingAt(f.loaded, ['targets'], 'answers-mismatch', `these targets differ from those in ${first.loaded.source!.file}: files read together describe one assessment with one set of targets; give them in one file, or the same in each`, {
        target: 'key',
      }),
    );
};

/** The targets rules across the files of one set. */
export const EVIDENCE_SET_RULES: readonly Rule<AnswerSetSubject>[] = [sameTargets];
