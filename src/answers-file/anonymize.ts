// An answers file made fit to hand on (cxm anonymize; cxm import --anonymous numbers its respondents here too): no
// name, role or e-mail, respondents numbered in an order derived from their answers (never the file's, which
// may follow a roster), notes only when asked for, `anonymous: true` set. Pure.

import { createHash } from 'node:crypto';
import type { AnswersDraft, DraftRespondent } from './draft.js';

export interface AnonymizeOptions {
  /** Keep the notes: they are the respondents' own words, and may name or describe them. */
  readonly keepNotes?: boolean;
}

/** A respondent's answers (and notes, when kept) as one canonical text: what the order is derived from. */
function canonical(r: DraftRespondent, keepNotes: boolean): string {
  const sorted = <V>(map: ReadonlyMap<string, V>): [string, V][] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([r.group ?? null, sorted(r.answers), keepNotes ? sorted(r.notes) : []]);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The respondents in an order that depends on their answers alone: sorted by a hash of each one's answers. The
 * same answers in any file order give the same order; people with the same answers are interchangeable.
 */
export function answersOrder<T>(respondents: readonly T[], key: (r: T) => string): T[] {
  const keyed = respondents.map((r) => ({ r, k: key(r) }));
  const hashed = keyed.map(({ r, k }) => ({ r, h: sha256(k), k }));
  hashed.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return hashed.map(({ r }) => r);
}

/** Evidence items keep what they say, not who owns them. */
function withoutOwners(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOwners);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'owner') continue;
    Object.defineProperty(out, key, { value: withoutOwners(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Respondents without names, roles, e-mails or (unless kept) notes, numbered in the answers' order. The names'
 * prefix is a hash of the answers alone (what the file holds anyway): two files reported together stay apart.
 */
export function anonymousRespondents(respondents: readonly DraftRespondent[], keepNotes = false): DraftRespondent[] {
  const ordered = answersOrder(respondents, (r) => canonical(r, keepNotes));
  const prefix = sha256(ordered.map((r) => canonical(r, keepNotes)).join('\n')).slice(0, 8);
  return ordered.map((r, i) => ({
    name: `respondent-${prefix}-${i + 1}`,
    ...(r.group !== undefined ? { group: r.group } : {}),
    answers: new Map(r.answers),
    notes: keepNotes ? new Map(r.notes) : new Map<string, string>(),
  }));
}

/** The draft without names, roles, e-mails or (unless kept) notes, numbered in the answers' order, anonymous. */
export function anonymizeDraft(draft: AnswersDraft, options: AnonymizeOptions = {}): AnswersDraft {
  // `source:` goes: the name of a responses file and the hash of a file full of names point back at people
  const kept = draft.kept;
  return {
    model: draft.model,
    ...(draft.organization !== undefined ? { organization: draft.organization } : {}),
    ...(draft.period !== undefined ? { period: draft.period } : {}),
    ...(draft.date !== undefined ? { date: draft.date } : {}),
    anonymous: true,
    respondents: anonymousRespondents(draft.respondents, options.keepNotes === true),
    ...(kept !== undefined ? { kept: kept.map(([key, value]) => [key, key === 'evidence' ? withoutOwners(value) : value] as const) } : {}),
  };
}
