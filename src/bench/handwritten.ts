// Questionnaires as people write them (issue #30), for `npm run bench` and the agreement test of the two parse
// paths: where inputs.ts writes every file in one house style, these vary the way hand-written YAML does. Each
// file picks, at random (seeded, so that every run benchmarks the same bytes), among the forms people use:
//
// - options as one-line flow mappings with single-quoted labels holding commas and '' ("- {id: some, label: 'Some
//   could, each differently', score: 0.5}"), as flow mappings over two or three lines, or as block mappings;
// - scale labels as a flow mapping ("labels: {0: never, 10: every day}"), over several lines, or as a block;
// - help and intro texts folded (>-, >) over several lines followed by more keys, literal (|, |-) with bullets and
//   paragraphs, plain text wrapped over several lines, double-quoted text wrapped over lines, with escapes;
// - comments on lines of their own, after values, between list items; blank lines; a "---" first line;
// - recommendations as block lists (some items folded) or as flow sequences over several lines.
//
// A `warning` is a question without help or an option id YAML 1.1 reads as a boolean (yes, no); an `error` is a
// misspelled key (help, label) or a score written as text: findings of the schema, as ajv-cli reports them too (a
// syntax error would stop ajv-cli at that file, exit 2, and leave it less work than cxm).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENTS, LEVELS, random } from './inputs.js';
import { WORDS, type Flaw } from './inputs.js';


type Next = () => number;

const pick = <T>(next: Next, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const chance = (next: Next, p: number): boolean => next() < p;

function words(next: Next, count: number): string {
  return Array.from({ length: count }, () => pick(next, WORDS)).join(' ');
}

function sentence(next: Next, count: number, end = '.'): string {
  const text = words(next, count);
  return text[0]!.toUpperCase() + text.slice(1) + end;
}

/** A label as people write it: commas, an apostrophe, parentheses, a colon after a word. */
function label(next: Next): string {
  return pick(next, [
    () => `${sentence(next, 2, '')}, ${words(next, 3)}`,
    () => `Some ${words(next, 1)} could, each differently`,
    () => `We don't ${words(next, 3)} (yet)`,
    () => `${sentence(next, 3, '')}: ${words(next, 2)}`,
    () => sentence(next, 5, ''),
    () => `Most could, in similar words`,
  ])();
}

/** A scalar written in one of the quoting styles, on one line. */
function inline(next: Next, text: string): string {
  const style = next();
  if (style < 0.45) return `'${text.replace(/'/g, "''")}'`;
  if (style < 0.75) return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  // plain only where it stays one string: no ": " or " #", no leading indicator, no flow characters
  return /: |\s#|^[-?:,[\]{}#&*!|>'"%@`]|[,[\]{}]/.test(text) ? `"${text}"` : text;
}

/** A long text under `key` at `indent`, in one of the multi-line styles people use, or on one line. */
function longText(next: Next, indent: number, key: string, lines: number): string[] {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  const body = Array.from({ length: lines }, (_, i) => sentence(next, 7 + Math.floor(next() * 5), i === lines - 1 ? '.' : ','));
  const style = next();
  if (style < 0.4) return [`${pad}${key}: >-`, ...body.map((line) => inner + line)];
  if (style < 0.5) return [`${pad}${key}: >`, ...body.map((line) => inner + line)];
  if (style < 0.6) {
    // two paragraphs, the second a list: literal keeps the lines
    return [`${pad}${key}: |`, ...body.map((line) => inner + line), '', `${inner}To check:`, `${inner}- ${words(next, 4)}`, `${inner}- ${words(next, 5)}`];
  }
  if (style < 0.65) return [`${pad}${key}: |-`, ...body.map((line) => inner + line)];
  if (style < 0.75) {
    // a folded text with a paragraph break and a more indented line
    return [`${pad}${key}: >-`, inner + body[0]!, '', ...body.slice(1).map((line) => inner + line), `${inner}  ${words(next, 3)}`, inner + 'End.'];
  }
  if (style < 0.87) {
    // plain text wrapped over several lines, as an editor wraps it
    const plain = body.map((line) => line.replace(/[:#]/g, ''));
    return [`${pad}${key}: ${plain[0]}`, ...plain.slice(1).map((line) => inner + line)];
  }
  if (style < 0.95) {
    // double-quoted, wrapped, with an escape
    return [`${pad}${key}: "${body[0]!.replace(/"/g, '')}`, ...body.slice(1, -1).map((line) => inner + line), `${inner}${body[body.length - 1]!} \\"Quoted\\" \\u00e9."`];
  }
  return [`${pad}${key}: ${inline(next, body.join(' '))}`];
}

interface Option {
  readonly id: string;
  readonly label: string;
  readonly score: number | string;
  readonly next?: string;
}

/** An option list item at `indent` (the "- "), in one of the forms people use. */
function optionLines(next: Next, indent: number, option: Option, form: number): string[] {
  const pad = ' '.repeat(indent);
  const fields = [`id: ${option.id}`, `label: ${inline(next, option.label)}`, `score: ${option.score}`, ...(option.next ? [`next: ${inline(next, option.next)}`] : [])];
  const comment = chance(next, 0.1) ? `  # ${words(next, 2)}` : '';
  if (form < 0.55) return [`${pad}- {${fields.join(', ')}}${comment}`];
  if (form < 0.7) return [`${pad}- { ${fields.join(', ')} }${comment}`];
  if (form < 0.82) {
    // a flow mapping over lines: the continuation indented under the first key
    return [`${pad}- { ${fields.slice(0, 2).join(', ')},`, `${pad}    ${fields.slice(2).join(', ')} }${comment}`];
  }
  if (form < 0.88) {
    return [`${pad}- {`, ...fields.map((field, i) => `${pad}    ${field}${i < fields.length - 1 ? ',' : ''}`), `${pad}  }`];
  }
  return [`${pad}- ${fields[0]}${comment}`, ...fields.slice(1).map((field) => `${pad}  ${field}`)];
}

const SCORES = [[0, 1, 2, 3], [0, 0.5, 1], [0, 0.25, 0.5, 0.75, 1], [0, 1, 2, 3, 4]] as const;
const OPTION_IDS = ['never', 'some', 'most', 'always', 'everyone', 'partly', 'written', 'shared', 'none', 'tested'];

/**
 * One questionnaire as a person writes it, of 4 to 10 KB. `warning` gives it one warning, `error` one error (see
 * the file's header); `none` leaves it valid and without warnings.
 */
export function handwrittenQuestionnaire(element: string, seed: number, flaw: Flaw = 'none'): string {
  const next = random(seed * 7919 + 13);
  const lines: string[] = [];
  if (chance(next, 0.6)) lines.push('# yaml-language-server: $schema=../schemas/questionnaire.schema.json');
  if (chance(next, 0.3)) lines.push(`# ${sentence(next, 6)}`, `# Owner: ${words(next, 2)} (review every quarter)`);
  if (chance(next, 0.1)) lines.push('---');
  lines.push('kind: questionnaire', `element: ${element}`, `title: ${inline(next, element[0]!.toUpperCase() + element.slice(1))}`);
  lines.push(...longText(next, 0, 'intro', 2 + Math.floor(next() * 3)));
  lines.push('', 'questions:');
  const count = 5 + Math.floor(next() * 6);
  const warningKind = next() < 0.75 ? 'no-help' : 'yaml11';
  const errorKind = pick(next, ['misspelled', 'score-text', 'misspelled', 'label'] as const);
  const optionForm = next(); // most files keep one form for their options
  for (let q = 0; q < count; q++) {
    if (q > 0 && chance(next, 0.7)) lines.push('');
    if (chance(next, 0.25)) lines.push(`  # ${sentence(next, 4)}`);
    const id = `${element}.${words(next, 2).replace(/ /g, '-')}-${q + 1}`;
    const type = q % 4 === 3 ? 'scale' : q % 5 === 2 ? 'multi' : 'choice';
    lines.push(`  - id: ${id}`, `    type: ${type}`);
    if (chance(next, 0.3)) lines.push(`    weight: ${pick(next, ['2', '1.5', '3', '0.5'])}`);
    if (chance(next, 0.15)) lines.push('    notApplicable: true');
    if (chance(next, 0.08)) lines.push(`    replaces: [${element}.old-${q + 1}]`);
    const text = chance(next, 0.7) ? [`    text: ${inline(next, `${sentence(next, 8 + Math.floor(next() * 8), '')}?`)}`] : longText(next, 4, 'text', 2 + Math.floor(next() * 2));
    lines.push(...text);
    const withoutHelp = flaw === 'warning' && warningKind === 'no-help' && q === 0;
    if (!withoutHelp) {
      const help = longText(next, 4, 'help', 2 + Math.floor(next() * 4));
      if (flaw === 'error' && errorKind === 'misspelled' && q === 1) help[0] = help[0]!.replace('help:', 'hepl:');
      lines.push(...help);
    }
    if (type === 'scale') {
      const max = pick(next, [4, 5, 10]);
      lines.push('    min: 0', `    max: ${max}`);
      const labels = [`0: ${pick(next, ['never', 'not at all', "'no, never'"])}`, `${max}: ${pick(next, ['every day', 'always', '"yes, always"'])}`];
      if (chance(next, 0.3)) labels.splice(1, 0, `${max >> 1}: half the time`);
      const form = next();
      if (form < 0.6) lines.push(`    labels: {${labels.join(', ')}}`);
      else if (form < 0.75) lines.push(`    labels: { ${labels[0]},`, `              ${labels.slice(1).join(', ')} }`);
      else lines.push('    labels:', ...labels.map((l) => `      ${l}`));
      continue;
    }
    lines.push('    options:');
    const scores = pick(next, SCORES);
    const ids = [...OPTION_IDS].sort(() => next() - 0.5).slice(0, scores.length);
    if (flaw === 'warning' && warningKind === 'yaml11' && q === 0) ids[0] = pick(next, ['yes', 'no', 'on', 'off']);
    scores.forEach((score, o) => {
      const option: Option = {
        id: ids[o]!,
        label: label(next),
        score: flaw === 'error' && errorKind === 'score-text' && q === 0 && o === 1 ? `'${score}'` : score,
        ...(o < scores.length - 1 && chance(next, 0.4) ? { next: sentence(next, 9) } : {}),
      };
      const form = chance(next, 0.8) ? optionForm : next();
      lines.push(...optionLines(next, 6, option, form));
      if (chance(next, 0.04)) lines.push(`      # ${words(next, 3)}`);
    });
  }
  lines.push('', 'recommendations:');
  for (const level of LEVELS) {
    const items = Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next, 8 + Math.floor(next() * 8)));
    const form = next();
    if (form < 0.2) {
      lines.push(`  ${level.id}: [`, ...items.map((item, i) => `    ${inline(next, item)}${i < items.length - 1 ? ',' : ''}`), '  ]');
    } else if (form < 0.3) {
      lines.push(`  ${level.id}:`, ...items.map((item) => `    - >-\n      ${item.replace(/, /, ',\n      ')}`));
    } else {
      lines.push(`  ${level.id}:`, ...items.map((item) => `    - ${inline(next, item)}${chance(next, 0.1) ? '  # ' + words(next, 2) : ''}`));
    }
  }
  const text = lines.join('\n') + '\n';
  return flaw === 'error' && errorKind === 'label' ? text.replace('label: ', 'lable: ') : text;
}

/**
 * `count` hand-written questionnaires in `dir` (h0001.yaml, …), 80% with a warning and 1% with an error as in
 * issue #30 (files 5, 10, … clean; 100, 200, … wrong); returns their total size in bytes.
 */
export function writeHandwrittenQuestionnaires(dir: string, count: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const flaw: Flaw = (i + 1) % 100 === 0 ? 'error' : (i + 1) % 5 === 0 ? 'none' : 'warning';
    const text = handwrittenQuestionnaire(ELEMENTS[i % ELEMENTS.length]!, i + 1, flaw);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `h${String(i + 1).padStart(4, '0')}.yaml`), text);
  }
  return bytes;
}
