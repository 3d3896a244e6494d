// (1.2) What an assessment records beyond the answers (SPEC 2.3): the level each element should reach (targets),
// and what backs the answers (evidence). Plain data, and the one rule of what counts as current and as backing.

/** SPEC 2.3: what an evidence item is. */
export const EVIDENCE_KINDS = ['claim', 'document', 'observation', 'metric'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** SPEC 3: the kinds that back an answer; a claim is somebody's word, which is what the answers are already. */
export const BACKING_KINDS: readonly EvidenceKind[] = ['document', 'observation', 'metric'];

export interface EvidenceItem {
  readonly kind: EvidenceKind;
  /** Where to find it. */
  readonly ref: string;
  readonly owner?: string;
  /** ISO dates. */
  readonly date?: string;
  readonly expires?: string;
}

/** `targets:` of an answers file (or the command line): level ids, by element id and for every element not named. */
export interface Targets {
  readonly default?: string;
  readonly elements: ReadonlyMap<string, string>;
}

export const NO_TARGETS: Targets = { elements: new Map() };

/**
 * SPEC 2.3: an item is current unless it expires before the as-of date (ISO dates compare as text); without an
 * as-of date every item is current (reports never depend on the clock).
 */
export function isCurrent(item: Pick<EvidenceItem, 'expires'>, asOf: string | undefined): boolean {
  return asOf === undefined || item.expires === undefined || item.expires >= asOf;
}

/** SPEC 3: whether a question's evidence backs its answer: a current item of a backing kind. */
export function isBacked(items: readonly EvidenceItem[] | undefined, asOf: string | undefined): boolean {
  return (items ?? []).some((item) => BACKING_KINDS.includes(item.kind) && isCurrent(item, asOf));
}

/** An ISO date that exists (2026-02-30 does not): it reads back the same. */
export function isIsoDate(text: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** The target of one element: its own entry, else the default, else none (SPEC 3). */
export function targetOf(targets: Targets, element: string): string | undefined {
  return targets.elements.get(element) ?? targets.default;
}
