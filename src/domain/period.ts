// Periods of SPEC 2.3 (1.1): `2026` (a year), `2026-H2` (a half), `2026-Q4` (a quarter), `2026-11` (a
// month), `2026-11-22` (a day). Ordered by the day they start, then by length (a year before its first
// half, quarter, month and day). Pure: parsing, order, the next period, and the rewrite of a label that
// people commonly write instead (`Q4 2026` → `2026-Q4`).

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** The half (1–2), quarter (1–4) or month (1–12) within the year; 1 for a year. */
  readonly part: number;
  /** The day of the month for a day; 1 otherwise. */
  readonly day: number;
}

/** Longer periods first among those that start on the same day. */
const LENGTH_RANK: Record<PeriodKind, number> = { year: 0, half: 1, quarter: 2, month: 3, day: 4 };
/** Months per part of each kind (a day is within its month). */
const MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1, day: 1 };

const FORMS = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])(?:-(\d{2}))?))?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A period of one of the SPEC forms, or undefined (a label of another form, or a day that does not exist). */
export function parsePeriod(text: string): Period | undefined {
  const m = FORMS.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[2]) return { kind: 'half', year, part: Number(m[2]), day: 1 };
  if (m[3]) return { kind: 'quarter', year, part: Number(m[3]), day: 1 };
  if (m[4]) {
    const month = Number(m[4]);
    if (m[5] === undefined) return { kind: 'month', year, part: month, day: 1 };
    const day = Number(m[5]);
    if (day < 1 || day > daysInMonth(year, month)) return undefined;
    return { kind: 'day', year, part: month, day };
  }
  return { kind: 'year', year, part: 1, day: 1 };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatPeriod(p: Period): string {
  const year = String(p.year).padStart(4, '0');
  switch (p.kind) {
    case 'year':
      return year;
    case 'half':
      return `${year}-H${p.part}`;
    case 'quarter':
      return `${year}-Q${p.part}`;
    case 'month':
      return `${year}-${pad2(p.part)}`;
    case 'day':
      return `${year}-${pad2(p.part)}-${pad2(p.day)}`;
  }
}

/** The month (1–12) in which a period starts. */
function startMonth(p: Period): number {
  return (p.part - 1) * MONTHS[p.kind] + 1;
}

/** Negative when a comes first: the earlier start, then the longer period. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || startMonth(a) - startMonth(b) || a.day - b.day || LENGTH_RANK[a.kind] - LENGTH_RANK[b.kind];
}

/** The period of the same kind that follows (2026-Q4 → 2027-Q1, 2026-12-31 → 2027-01-01). */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return { ...p, year: p.year + 1 };
  if (p.kind === 'day') {
    if (p.day < daysInMonth(p.year, p.part)) return { ...p, day: p.day + 1 };
    return p.part < 12 ? { ...p, part: p.part + 1, day: 1 } : { ...p, year: p.year + 1, part: 1, day: 1 };
  }
  const parts = 12 / MONTHS[p.kind];
  return p.part < parts ? { ...p, part: p.part + 1 } : { ...p, year: p.year + 1, part: 1 };
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A two-digit year as people write it in a label ('26 → 2026); four digits as they are. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function monthOf(name: string): number | undefined {
  const i = MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase());
  // "mar", "march": a prefix of the month's name, three letters at least
  if (i < 0 || name.length < 3) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]!;
  return full.startsWith(name.toLowerCase()) ? i + 1 : undefined;
}

const SEP = String.raw`[\s/\-_.,']*`;
const YEAR = String.raw`(\d{4}|'\d{2})`;
const REWRITES: readonly [RegExp, (m: RegExpExecArray) => Period | undefined][] = [
  // Q4 2026, Q4/2026, q4-26, 4Q 2026
  [new RegExp(`^Q\\s*([1-4])${SEP}${YEAR}$`, 'i'), (m) => ({ kind: 'quarter', year: fullYear(m[2]!.replace("'", '')), part: Number(m[1]), day: 1 })],
  [new RegExp(`^([1-4])\\s*Q${SEP}${YEAR}$`, 'i'), (m) => ({ kind: 'quarter', year: fullYear(m[2]!.replace("'", '')), part: Number(m[1]), day: 1 })],
  // 2026 Q4, 2026Q4, 2026-q4, 2026/Q4
  [new RegExp(`^(\\d{4})${SEP}Q\\s*([1-4])$`, 'i'), (m) => ({ kind: 'quarter', year: Number(m[1]), part: Number(m[2]), day: 1 })],
  // H2 2026, 2026 H2, 2026h2
  [new RegExp(`^H\\s*([12])${SEP}${YEAR}$`, 'i'), (m) => ({ kind: 'half', year: fullYear(m[2]!.replace("'", '')), part: Number(m[1]), day: 1 })],
  [new RegExp(`^(\\d{4})${SEP}H\\s*([12])$`, 'i'), (m) => ({ kind: 'half', year: Number(m[1]), part: Number(m[2]), day: 1 })],
  // 2026/11, 2026-1, 2026.11
  [/^(\d{4})[\s/\-_.]+(\d{1,2})$/, (m) => ({ kind: 'month', year: Number(m[1]), part: Number(m[2]), day: 1 })],
  // 11/2026, 1-2026
  [/^(\d{1,2})[\s/\-_.]+(\d{4})$/, (m) => ({ kind: 'month', year: Number(m[2]), part: Number(m[1]), day: 1 })],
  // Nov 2026, November 2026, 2026 November
  [/^([a-z]+)\.?[\s/\-_.,']*(\d{4})$/i, (m) => monthPeriod(m[1]!, m[2]!)],
  [/^(\d{4})[\s/\-_.,]*([a-z]+)$/i, (m) => monthPeriod(m[2]!, m[1]!)],
  // 2026/11/22, 2026.11.22, 2026-1-5
  [/^(\d{4})[\s/\-_.]+(\d{1,2})[\s/\-_.]+(\d{1,2})$/, (m) => ({ kind: 'day', year: Number(m[1]), part: Number(m[2]), day: Number(m[3]) })],
  // FY, CY and "year" prefixes are not rewritten: a fiscal year need not be the calendar year
];

function monthPeriod(name: string, year: string): Period | undefined {
  const month = monthOf(name);
  return month === undefined ? undefined : { kind: 'month', year: Number(year), part: month, day: 1 };
}

/**
 * The SPEC form of a label people commonly write for a period (`Q4 2026` → `2026-Q4`, `H2 2026` →
 * `2026-H2`, `11/2026` → `2026-11`), or undefined when there is none to suggest (or the label is one).
 */
export function suggestPeriod(text: string): string | undefined {
  const trimmed = text.trim();
  if (parsePeriod(trimmed)) return trimmed === text ? undefined : trimmed;
  for (const [pattern, build] of REWRITES) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const candidate = build(m);
    if (!candidate) continue;
    const label = formatPeriod(candidate);
    // the rewrite must itself be a period (no month 13, no 31 February)
    if (parsePeriod(label)) return label;
  }
  return undefined;
}

/** What to tell someone who wrote `text` where a period goes: the rewrite, or to choose a form. */
export function periodAdvice(text: string): string {
  const suggestion = suggestPeriod(text);
  return suggestion !== undefined ? `write ${suggestion}` : 'write the period in one of the forms';
}
