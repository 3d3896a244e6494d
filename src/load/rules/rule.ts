// The second pass, after the schema: the rules a schema cannot say, over data that passed it (or the part of it
// that did, schema/well-formed.ts). Rules come in named lists, each rule on its own: a run reports every
// independent mistake, and a rule is added in one place, its list.

import type { Finding } from '../../model/finding.js';

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
