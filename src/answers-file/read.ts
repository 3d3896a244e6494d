// An answers file read back as a draft to be rewritten (cxm assess adding a respondent, cxm anonymize): the checked
// answers, and everything else the file holds at the top level, so that the writer loses nothing.

import type { Finding } from '../domain/finding.js';
import type { AnswerSet, Model } from '../domain/types.js';
import { checkAnswerSet } from '../load/answers.js';
import { loadYamlFile } from '../load/file.js';
import type { AnswersDraft } from './draft.js';

/** The top-level keys the draft holds as fields; every other key is kept as it was read. */
const MANAGED_KEYS = new Set(['kind', 'model', 'organization', 'period', 'date', 'anonymous', 'source', 'respondents']);

/** The top-level entries of an answers file's data that the writer does not manage, in the file's order. */
export function keptEntries(data: unknown): [string, unknown][] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).filter(([key]) => !MANAGED_KEYS.has(key));
}

/** A draft of checked answers; `data`, the file's own data, gives what the set does not carry (source, kept keys). */
export function draftFromAnswerSet(set: AnswerSet, data?: unknown): AnswersDraft {
  const raw = (data !== null && typeof data === 'object' ? data : {}) as { source?: { file?: unknown; sha256?: unknown } };
  const source = raw.source !== undefined && typeof raw.source.file === 'string' && typeof raw.source.sha256 === 'string' ? { file: raw.source.file, sha256: raw.source.sha256 } : undefined;
  const kept = keptEntries(data);
  return {
    model: { ...set.model },
    ...(set.organization !== undefined ? { organization: set.organization } : {}),
    ...(set.period !== undefined ? { period: set.period } : {}),
    ...(set.date !== undefined ? { date: set.date } : {}),
    ...(set.anonymous ? { anonymous: true } : {}),
    ...(source !== undefined ? { source } : {}),
    respondents: set.respondents.map((r) => ({
      name: r.name,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.group !== undefined ? { group: r.group } : {}),
      answers: new Map(r.answers),
      notes: new Map(r.notes),
    })),
    ...(kept.length > 0 ? { kept } : {}),
  };
}

/** The draft as the answers it stands for, to score while it is being written. */
export function draftAsAnswerSet(draft: AnswersDraft, file: string): AnswerSet {
  return {
    model: draft.model,
    ...(draft.organization !== undefined ? { organization: draft.organization } : {}),
    ...(draft.period !== undefined ? { period: draft.period } : {}),
    ...(draft.date !== undefined ? { date: draft.date } : {}),
    anonymous: draft.anonymous === true,
    respondents: draft.respondents.map((r) => ({
      name: r.name,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.group !== undefined ? { group: r.group } : {}),
      answers: r.answers,
      notes: r.notes,
      file,
    })),
    inputs: [],
  };
}

/** One answers file, checked against the model, as a draft to rewrite; no draft while it has errors. */
export async function readAnswersDraft(file: string, model: Model, options: { readonly maxBytes?: number } = {}): Promise<{ readonly draft?: AnswersDraft; readonly answers?: AnswerSet; readonly findings: Finding[] }> {
  const loaded = await loadYamlFile(file, { expect: 'answers', ...options });
  const { answers, findings } = checkAnswerSet([loaded], model);
  if (!answers) return { findings };
  return { draft: draftFromAnswerSet(answers, loaded.data), answers, findings };
}
