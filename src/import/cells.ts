// One survey cell → one recorded answer (SPEC 2.3): options by id or by label (case, spacing and
// punctuation insensitive), multiple choices split the way survey tools join them, scales as whole
// numbers (or a scale point's label), empty as unanswered, "N/A" as n/a where the question allows it.

import type { FindingCode } from '../domain/finding.js';
import { NOT_APPLICABLE, type AnswerValue, type Option, type Question } from '../domain/types.js';
import { closest } from '../text/did-you-mean.js';
import { quote } from '../text/quote.js';
import { normalizeText, NOT_APPLICABLE_WORDS } from './match-text.js';

/** Separators survey tools join multiple choices with: `;` (Microsoft Forms, with a trailing one), `, ` (Google Forms). */
const SEPARATOR = /\s*[;,]\s*/g;

export interface CellProblem {
  readonly code: FindingCode;
  /** What is wrong and what to change; the caller names the column. */
  readonly message: string;
}

export type CellResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'answer'; readonly value: AnswerValue }
  | { readonly kind: 'problem'; readonly problems: readonly CellProblem[] };

/** A question's options, indexed once for the thousands of cells that name them. */
export interface OptionIndex {
  readonly question: Question;
  /** Option ids by lower-case id and by normalised label; a label two options share lists both. */
  readonly byKey: ReadonlyMap<string, readonly string[]>;
  readonly labels: readonly string[];
  /** The most separator-cut pieces one label spans: bounds the work of splitting a cell. */
  readonly maxSpan: number;
}

const indexes = new WeakMap<Question, OptionIndex>();

export function optionIndex(question: Question): OptionIndex {
  let index = indexes.get(question);
  if (index) return index;
  const byKey = new Map<string, string[]>();
  const add = (key: string, id: string): void => {
    if (key === '') return;
    const ids = byKey.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byKey.set(key, ids);
  };
  const options: readonly Option[] = question.type === 'scale' ? [] : question.options;
  for (const option of options) {
    add(option.id.toLowerCase(), option.id);
    add(normalizeText(option.label), option.id);
  }
  const maxSpan = Math.max(1, ...options.map((o) => o.label.trim().split(SEPARATOR).length));
  index = { question, byKey, labels: options.map((o) => o.label), maxSpan };
  indexes.set(question, index);
  return index;
}

/** The option ids a piece of text names: by id exactly, or by label. */
function optionsNamed(index: OptionIndex, text: string): readonly string[] {
  const trimmed = text.trim();
  const byId = index.byKey.get(trimmed.toLowerCase()) ?? [];
  const byLabel = index.byKey.get(normalizeText(trimmed)) ?? [];
  if (byLabel.length === 0) return byId;
  const named = byId.length === 0 ? byLabel : [...new Set([...byId, ...byLabel])];
  // labels that differ only in case or punctuation: the one written exactly as the cell is meant
  if (named.length > 1 && index.question.type !== 'scale') {
    const exact = index.question.options.filter((o) => named.includes(o.id) && o.label.trim() === trimmed);
    if (exact.length === 1) return [exact[0]!.id];
  }
  return named;
}

function labelOf(question: Question, id: string): string {
  return question.type === 'scale' ? id : (question.options.find((o) => o.id === id)?.label ?? id);
}

function unknownOption(index: OptionIndex, text: string): CellProblem {
  const guess = closest(text.trim(), index.labels);
  const choices = index.labels.map((l) => quote(l)).join(', ');
  return {
    code: 'unknown-option',
    message: `${quote(text.trim())} is not an option of "${index.question.id}": ${guess !== undefined ? `did you mean ${quote(guess)}?` : `use one of ${choices}`}`,
  };
}

function ambiguous(index: OptionIndex, text: string, ids: readonly string[]): CellProblem {
  return {
    code: 'ambiguous-label',
    message: `${quote(text.trim())} matches ${ids.length} options of "${index.question.id}" (${ids.map((id) => `${id}: ${quote(labelOf(index.question, id))}`).join(', ')}): write the option id instead`,
  };
}

const RESULTS_PER_QUESTION = 4096;

/**
 * A reader of one question's cells that remembers its results: a survey's cells repeat the same few labels
 * thousands of times. A result is shared by every cell of the same text: never mutate it.
 */
export function cellReader(question: Question): (cell: string) => CellResult {
  const cache = new Map<string, CellResult>();
  return (cell) => {
    const known = cache.get(cell);
    if (known) return known;
    const result = readCell(question, cell);
    // free text (names in the wrong column, typos) would grow the cache without bound
    if (cache.size < RESULTS_PER_QUESTION) cache.set(cell, result);
    return result;
  };
}

/** The answer a cell records for a question. */
export function readCell(question: Question, cell: string): CellResult {
  const text = cell.trim();
  if (text === '') return { kind: 'empty' };
  switch (question.type) {
    case 'choice': {
      const index = optionIndex(question);
      const ids = optionsNamed(index, text);
      if (ids.length === 1) return { kind: 'answer', value: ids[0]! };
      if (ids.length > 1) return { kind: 'problem', problems: [ambiguous(index, text, ids)] };
      return notApplicable(question, text) ?? { kind: 'problem', problems: [unknownOption(index, text)] };
    }
    case 'multi': {
      const index = optionIndex(question);
      const whole = optionsNamed(index, text);
      if (whole.length === 1) return { kind: 'answer', value: [whole[0]!] };
      if (whole.length > 1) return { kind: 'problem', problems: [ambiguous(index, text, whole)] };
      return notApplicable(question, text) ?? splitMulti(index, text);
    }
    case 'scale':
      return readScale(question, text);
  }
}

function notApplicable(question: Question, text: string): CellResult | undefined {
  if (!NOT_APPLICABLE_WORDS.has(normalizeText(text))) return undefined;
  if (question.notApplicable) return { kind: 'answer', value: NOT_APPLICABLE };
  return {
    kind: 'problem',
    problems: [{ code: 'not-applicable-not-allowed', message: `"${question.id}" does not allow n/a: choose an answer, or leave the cell empty if it was not answered` }],
  };
}

function readScale(question: Extract<Question, { type: 'scale' }>, text: string): CellResult {
  const range = `a whole number from ${question.min} to ${question.max}`;
  if (/^[+-]?\d+$/.test(text)) {
    const value = Number(text);
    if (value < question.min || value > question.max) {
      return { kind: 'problem', problems: [{ code: 'answer-out-of-range', message: `${quote(text)} is outside the scale of "${question.id}": answer with ${range}` }] };
    }
    return { kind: 'answer', value };
  }
  // a scale point's label ("never"), or a tool's "7 - often"
  const key = normalizeText(text);
  for (const [point, label] of question.labels) {
    const labelKey = normalizeText(label);
    if (key === labelKey || key === normalizeText(`${point} ${label}`)) return { kind: 'answer', value: point };
  }
  const leading = /^([+-]?\d+)(?:\s*[-–—:]\s*|\s+)\p{L}/u.exec(text)?.[1];
  if (leading !== undefined) return readScale(question, leading);
  return notApplicable(question, text) ?? {
    kind: 'problem',
    problems: [{ code: 'answer-wrong-type', message: `${quote(text)} is not a point of the scale of "${question.id}": answer with ${range}` }],
  };
}

/**
 * Splits a multiple-choice cell into options. Labels may themselves hold commas, so the cell is cut at every
 * separator and consecutive pieces are joined back where together they name an option: every way of reading
 * the cell is counted, and a cell that reads two ways is a finding, not a guess.
 */
function splitMulti(index: OptionIndex, text: string): CellResult {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  // empty pieces: a trailing `;` (Microsoft Forms), doubled separators
  const parts = pieces.filter((p) => p.end > p.start);
  const n = parts.length;
  const named = (i: number, j: number): readonly string[] => optionsNamed(index, text.slice(parts[i]!.start, parts[j]!.end));
  // ways[i]: how many readings the pieces from i on have (2 means "more than one"), and the first reading's next step
  const ways: number[] = Array<number>(n + 1).fill(0);
  const step: { end: number; id: string }[] = Array<{ end: number; id: string }>(n + 1);
  ways[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i; j < Math.min(n, i + index.maxSpan); j++) {
      const ids = named(i, j);
      if (ids.length === 0 || ways[j + 1] === 0) continue;
      ways[i] = Math.min(2, ways[i]! + ids.length * ways[j + 1]!);
      step[i] ??= { end: j + 1, id: ids[0]! };
    }
  }
  if (ways[0] === 1) {
    const chosen: string[] = [];
    for (let i = 0; i < n; i = step[i]!.end) chosen.push(step[i]!.id);
    const unique = [...new Set(chosen)];
    if (unique.length !== chosen.length) {
      const twice = chosen.find((id, k) => chosen.indexOf(id) !== k)!;
      return { kind: 'problem', problems: [{ code: 'duplicate-answer', message: `${quote(labelOf(index.question, twice))} is chosen twice: list each option once` }] };
    }
    return { kind: 'answer', value: unique };
  }
  if (ways[0]! > 1) {
    // two of the readings, to show: a step is taken only where the rest of the cell can still be read
    const readings: string[][] = [];
    const walk = (i: number, so: string[]): void => {
      if (readings.length >= 2) return;
      if (i === n) {
        readings.push(so);
        return;
      }
      for (let j = i; j < Math.min(n, i + index.maxSpan) && readings.length < 2; j++) {
        if (ways[j + 1] === 0) continue;
        for (const id of named(i, j)) walk(j + 1, [...so, id]);
      }
    };
    walk(0, []);
    const shown = readings.map((r) => r.join(';')).join('" or "');
    return {
      kind: 'problem',
      problems: [{ code: 'ambiguous-label', message: `${quote(text)} can be read as "${shown}", because labels hold the separator: write the option ids separated by ";" instead` }],
    };
  }
  // no reading: name each piece that no option covers
  const covered = Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++)
    for (let j = i; j < Math.min(n, i + index.maxSpan); j++) if (named(i, j).length > 0) for (let k = i; k <= j; k++) covered[k] = true;
  const problems = parts.filter((_, k) => !covered[k]).map((p) => unknownOption(index, text.slice(p.start, p.end)));
  return { kind: 'problem', problems: problems.length > 0 ? problems : [unknownOption(index, text)] };
}
