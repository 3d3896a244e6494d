// The second pass, after the schema: the rules a schema cannot say, over data that passed it (or the part of it
// that did, schema/well-formed.ts). Rules come in named lists, each rule on its own: a run reports every
// independent mistake, and a rule is added in one place, its list.

import type { Finding } from '../../domain/finding.js';

/** One rule: the findings it has about a subject (a file with what it is checked against, a respondent, …). */
export type Rule<S> = (subject: S) => Finding[];

/** The findings of every rule of a list, in the list's order. */
export function runRules<S>(rules: readonly Rule<S>[], subject: S): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < rules.length; i++) {
    const found = rules[i]!(subject);
    // most rules find nothing: spreading their empty lists into the findings costs more than the rules
    if (found.length > 0) findings.push(...found);
  }
  return findings;
}

/** Each item whose id an item before it already has: its index, and the index of the first item with that id. */
export function repeatedIds<T>(items: readonly T[], idOf: (item: T) => string): { index: number; first: number }[] {
  const repeats: { index: number; first: number }[] = [];
  const firstIndex = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    const id = idOf(items[index]!);
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else repeats.push({ index, first });
  }
  return repeats;
}
