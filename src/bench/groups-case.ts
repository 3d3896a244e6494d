// Bench case (issue 17): a report of 2,000 respondents in 15 groups against the report of the same
// answers without groups, so that the difference is what groups and gaps cost. Target: well under a
// second more; the ratio target below allows 1.5× of a report that takes about a second.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../domain/types.js';
import { writeAnswers } from './inputs.js';

export const GROUPED_RESPONDENTS = 2000;
export const GROUP_COUNT = 15;

interface Command {
  readonly label: string;
  readonly args: readonly string[];
}

/** The two answers files: the bench's usual generated answers, and the same with each respondent in one of 15 groups. */
export function writeGroupedAnswers(dir: string, model: Model): { grouped: string; plain: string } {
  const plain = join(dir, 'answers-2000.yaml');
  const grouped = join(dir, 'answers-2000-groups.yaml');
  writeAnswers(plain, model, GROUPED_RESPONDENTS);
  let n = 0;
  // "  - {name: R00001, answers: …}" → "  - {name: R00001, group: department-7, answers: …}"
  const text = readFileSync(plain, 'utf8').replace(/^( {2}- \{name: [^,]+, )/gm, (head: string) => `${head}group: department-${(n++ % GROUP_COUNT) + 1}, `);
  writeFileSync(grouped, text);
  return { grouped, plain };
}

export function groupsCase(dir: string, model: Model, cxm: string, modelArgs: readonly string[]): { name: string; cxm: Command; baseline: Command; target: number } {
  const { grouped, plain } = writeGroupedAnswers(dir, model);
  return {
    name: `cxm report -f json, ${GROUPED_RESPONDENTS} respondents in ${GROUP_COUNT} groups vs the same answers without groups`,
    cxm: { label: 'cxm report (groups)', args: [cxm, 'report', '-f', 'json', ...modelArgs, grouped] },
    baseline: { label: 'cxm report (no groups)', args: [cxm, 'report', '-f', 'json', ...modelArgs, plain] },
    target: 1.5,
  };
}
