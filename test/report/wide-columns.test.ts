// Wide characters (CJK) take two terminal columns: every table printed for a terminal pads by columns
// (render/columns.ts), not by code points, so that its columns line up whatever the script.

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Report, ReportGroup } from '../../src/domain/report.js';
import { groupMovesText } from '../../src/render/compare-groups.js';
import { renderComparisonText } from '../../src/render/compare-text.js';
import { groupLines } from '../../src/render/team-terminal.js';
import { comparisonOf } from '../compare/checked.js';
import { makeReport } from '../compare/report-factory.js';

const TITLES = { strategy: '戦略', design: 'Design', culture: '文化と行動規範' };

/** The column at which `marker` starts in each line that has it. */
function columnsOf(lines: readonly string[], marker: RegExp): number[] {
  return lines.filter((l) => marker.test(l)).map((l) => stringWidth(l.slice(0, l.search(marker))));
}

function withGroups(report: Report, scores: readonly number[]): Report {
  const group = (id: string, title: string, score: number): ReportGroup => ({
    id,
    title,
    respondents: 3,
    suppressed: false,
    overall: { score, level: 'ad-hoc' },
    elements: report.elements.map((e) => ({ id: e.id, score, level: 'ad-hoc' })),
  });
  return { ...report, groups: [group('sales', '営業チーム', scores[0]!), group('support', 'Support', scores[1]!), group('ops', 'Operations', scores[2]!)] };
}

describe('terminal columns with wide characters', () => {
  it('line up in the comparison table', () => {
    const q1 = makeReport({ period: '2026-Q1', elements: { strategy: { a: 50 }, design: { b: 70 }, culture: { c: 20 } }, titles: TITLES });
    const q2 = makeReport({ period: '2026-Q2', elements: { strategy: { a: 60 }, design: { b: 65 }, culture: { c: 30 } }, titles: TITLES });
    const lines = renderComparisonText(comparisonOf([q1, q2]), { color: false, unicode: false }).split('\n');
    const rows = lines.filter((l) => /^(Overall|戦略|Design|文化)/.test(l));
    expect(rows).toHaveLength(4);
    // the end of the first period's score (scores are right-aligned), before its level
    // mutation caught: padding by code points puts the CJK rows' scores 2 and 7 columns to the left
    expect(new Set(columnsOf(rows, /(?<=\d) [A-Z]/)).size).toBe(1);
  });

  it('line up in the groups of the score summary and of a comparison', () => {
    const report = makeReport({ period: '2026-Q1', elements: { strategy: { a: 40 } } });
    const groups = groupLines(withGroups(report, [40, 45, 50])).filter((l) => /\d{2}\.\d\d/.test(l));
    expect(groups).toHaveLength(3);
    expect(new Set(columnsOf(groups, /\d{2}\.\d\d/)).size).toBe(1);

    const later = makeReport({ period: '2026-Q2', elements: { strategy: { a: 60 } } });
    const moves = groupMovesText(comparisonOf([withGroups(report, [40, 45, 50]), withGroups(later, [60, 55, 50])]), false).filter((l) => / -> /.test(l) && /respondents/.test(l));
    expect(moves).toHaveLength(3);
    expect(new Set(columnsOf(moves, /\d/)).size).toBe(1);
  });
});
