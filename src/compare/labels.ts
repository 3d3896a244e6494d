// How a comparison names its periods: a blank label counts as absent, each period gets a label of its own,
// and messages quote the labels they name.

import type { Report } from '../domain/report.js';

/** A label that is blank counts as absent. */
export function present(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

/** A label (period, organization, question id) as a message quotes it. */
export function quoted(s: string): string {
  return `"${s}"`;
}

/** Unique labels, in period order: the period; with the date where periods share it; else the date. */
export function periodLabels(ordered: readonly Report[]): string[] {
  const periodCounts = new Map<string, number>();
  for (const r of ordered) {
    const p = present(r.period);
    if (p !== undefined) periodCounts.set(p, (periodCounts.get(p) ?? 0) + 1);
  }
  const used = new Set<string>();
  return ordered.map((r) => {
    const period = present(r.period);
    const date = present(r.date);
    let label: string;
    if (period === undefined) label = date ?? 'unlabelled';
    else if ((periodCounts.get(period) ?? 0) > 1 && date !== undefined) label = `${period} (${date})`;
    else label = period;
    // a period label may equal another assessment's date: number the later one
    const base = label;
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
    used.add(label);
    return label;
  });
}
