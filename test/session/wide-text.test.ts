// Wide characters (CJK) take two terminal columns: the summary's bars stay in one column and the
// interview's lines wrap by columns, not by characters (point 11).

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/assess/prompter.js';
import { renderSummary } from '../../src/render/terminal.js';
import { makeReport } from '../compare/report-factory.js';

describe('wide characters', () => {
  it('keep the bars of the summary in one column', () => {
    const report = makeReport({
      period: '2026-Q4',
      elements: { strategy: { a: 50 }, design: { b: 70 }, culture: { c: 20 } },
      titles: { strategy: '戦略', design: 'Design', culture: '文化と行動規範' },
    });
    const lines = renderSummary(report, { color: false, unicode: false }).split('\n');
    const rows = lines.filter((l) => /[#.]{10}/.test(l));
    expect(rows).toHaveLength(4);
    // mutation caught: padding by code points puts the CJK rows' bars 2, 7 columns to the right
    const columns = rows.map((l) => stringWidth(l.slice(0, l.search(/[#.]{5}/))));
    expect(new Set(columns).size).toBe(1);
  });

  it('wrap the interview at 60 columns by display width, at word boundaries', () => {
    const text = '[1/6]  顧客が 語って ほしい 体験を 書いた 文書は ありますか 全員が 知っていますか 経営会議で 使われていますか';
    const lines = wrapWords(text, 56, '  ');
    expect(lines.length).toBeGreaterThan(1);
    // mutation caught: counting code points lets a line of 56 characters take up to 112 columns
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(56);
    expect(lines.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});
