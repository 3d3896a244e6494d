// Inputs for `npm run bench`, generated (deterministically) into a directory: realistic questionnaires of
// about 4 KB, a stand-in for the built-in model when it is not there, and a large answers file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../domain/types.js';

export const ELEMENTS = ['strategy', 'understanding', 'design', 'measurement', 'governance', 'culture'] as const;
export const LEVELS = [
  { id: 'unconscious', title: 'Unconscious', minScore: 0 },
  { id: 'ad-hoc', title: 'Ad hoc', minScore: 25 },
  { id: 'repeatable', title: 'Repeatable', minScore: 50 },
  { id: 'systematic', title: 'Systematic', minScore: 75 },
] as const;

/** mulberry32: a small seeded generator, so that every run benchmarks the same bytes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORDS = (
  'customer experience team journey touchpoint service promise leaders every day front line back office ' +
  'return delivery complaint feedback survey measure standard goal shared behaviour culture owner decision ' +
  'design channel moment truth listen understand improve consistent great average good value brand story ' +
  'people process system habit review quarter meeting signal insight root cause'
).split(' ');

function sentence(next: () => number, words: number): string {
  const parts = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = parts.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

const CHOICE_LABELS = [
  "What's this? We have never discussed it",
  'Some leaders could, each differently',
  'Most could, in similar words',
  'Everyone could, in the same words',
];

/** A folded (>-) text of `lines` lines, indented by `indent` spaces, as the built-in questionnaires write them. */
function folded(next: () => number, indent: number, lines: number): string {
  const pad = ' '.repeat(indent);
  return ['>-', ...Array.from({ length: lines }, (_, i) => pad + sentence(next, 8) + (i === lines - 1 ? '.' : ','))].join('\n');
}

/** What a generated questionnaire holds beside valid content: nothing, a warning (a question without help) or an error. */
export type Flaw = 'none' | 'warning' | 'error';

/**
 * One questionnaire of about 4 KB in the style of the built-in model: a schema comment, folded (>-) intro and help
 * texts, choice, multi and scale questions with flow-style options, blank lines, recommendations for every level.
 * A `warning` leaves the first question without help (question-without-help); an `error` misspells its help as
 * "hepl" (unknown-property).
 */
export function questionnaireYaml(element: string, seed: number, flaw: Flaw = 'none'): string {
  const next = random(seed);
  const lines = [
    '# yaml-language-server: $schema=../../src/schemas/questionnaire.schema.json',
    'kind: questionnaire',
    `element: ${element}`,
    `title: ${element[0]!.toUpperCase()}${element.slice(1)}`,
    `intro: ${folded(next, 2, 2)}`,
    'questions:',
  ];
  for (let q = 0; q < 6; q++) {
    const id = `${element}.${sentence(next, 2).toLowerCase().replace(/ /g, '-')}-${q + 1}`;
    if (q > 0) lines.push('');
    lines.push(`  - id: ${id}`);
    if (q === 4) {
      lines.push('    type: multi', `    text: ${sentence(next, 10)}?`, `    help: ${folded(next, 6, 2)}`, '    options:');
      for (let o = 0; o < 5; o++) lines.push(`      - { id: signal-${o + 1}, label: "${sentence(next, 3)}", score: 1 }`);
    } else if (q === 5) {
      lines.push('    type: scale', '    notApplicable: true', `    text: ${sentence(next, 12)}?`, `    help: ${folded(next, 6, 2)}`);
      lines.push('    min: 0', '    max: 10', '    labels: { 0: never, 5: half the days, 10: every day }');
    } else {
      const help = `${flaw === 'error' && q === 0 ? 'hepl' : 'help'}: ${folded(next, 6, 2)}`;
      lines.push('    type: choice', ...(q % 2 === 1 ? ['    weight: 2'] : []), `    text: ${sentence(next, 10)}?`, ...(flaw === 'warning' && q === 0 ? [] : [`    ${help}`]), '    options:');
      CHOICE_LABELS.forEach((label, o) => lines.push(`      - { id: answer-${o + 1}, label: "${label}", score: ${o} }`));
    }
  }
  lines.push('', 'recommendations:');
  for (const level of LEVELS) lines.push(`  ${level.id}:`, `    - ${sentence(next, 10)}.`, `    - ${sentence(next, 8)}.`);
  return lines.join('\n') + '\n';
}

/** A model like the built-in one (model.yaml and six questionnaires), for when questionnaires/cx-maturity is not there yet. */
export function writeStandInModel(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const manifest = [
    'kind: model',
    'id: cx-maturity',
    'version: 1.0.0',
    'title: Customer Experience Maturity',
    'description: How mature an organization is at creating customer experience.',
    'overall: weakest-link',
    'levels:',
    ...LEVELS.map((l) => `  - { id: ${l.id}, title: ${l.title}, minScore: ${l.minScore}, description: ${l.title} experience }`),
    'elements:',
    ...ELEMENTS.map((e) => `  - id: ${e}`),
  ];
  writeFileSync(join(dir, 'model.yaml'), manifest.join('\n') + '\n');
  ELEMENTS.forEach((e, i) => writeFileSync(join(dir, `${e}.yaml`), questionnaireYaml(e, 1000 + i)));
}

/**
 * `count` questionnaire files of about 4 KB each, named q0001.yaml, …; returns their total size in bytes. With
 * `flawed`, 80% of them have a warning and 1% an error (spread evenly: files 5, 10, … are clean, 100, 200, … wrong).
 */
export function writeQuestionnaires(dir: string, count: number, flawed = false): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const flaw: Flaw = !flawed ? 'none' : (i + 1) % 100 === 0 ? 'error' : (i + 1) % 5 === 0 ? 'none' : 'warning';
    const text = questionnaireYaml(ELEMENTS[i % ELEMENTS.length]!, i + 1, flaw);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `q${String(i + 1).padStart(4, '0')}.yaml`), text);
  }
  return bytes;
}

/** An answers file for `model` with `respondents` respondents, one per line in flow style; returns its size in bytes. */
export function writeAnswers(file: string, model: Model, respondents: number): number {
  const next = random(42);
  const lines = [
    'kind: answers',
    `model: { id: ${model.id}, version: ${model.version} }`,
    'organization: Acme Ltd',
    'period: 2026-Q4',
    'date: 2026-11-22',
    'respondents:',
  ];
  const questions = model.elements.flatMap((e) => e.questions);
  for (let r = 0; r < respondents; r++) {
    const answers: string[] = [];
    for (const q of questions) {
      if (next() < 0.05) continue; // not answered
      let value: string;
      if (q.notApplicable && next() < 0.05) value = 'n/a';
      else if (q.type === 'scale') value = String(q.min + Math.floor(next() * (q.max - q.min + 1)));
      else if (q.type === 'choice') value = q.options[Math.floor(next() * q.options.length)]!.id;
      else value = `[${q.options.filter(() => next() < 0.5).map((o) => o.id).join(', ')}]`;
      answers.push(`${q.id}: ${value}`);
    }
    lines.push(`  - {name: R${String(r + 1).padStart(5, '0')}, answers: {${answers.join(', ')}}}`);
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
