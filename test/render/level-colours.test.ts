// (issue #28) The four level colours stay distinct for every reader: normal vision, protanopia, deuteranopia,
// tritanopia (the Machado, Oliveira & Fernandes 2009 matrices at full severity, applied in linear RGB) and a
// greyscale print (luminance alone). Distance: CIE76 ΔE in CIELAB (D65). Before #28 the red/amber/blue/green
// set was 8 ΔE apart under deuteranopia and 1.3 in greyscale (red and blue print as the same grey).
// Also: text on a level colour reads at 4.5:1 or better (white or ink, levelInk).

import { describe, expect, it } from 'vitest';
import type { ReportLevel } from '../../src/domain/report.js';
import { contrast, levelColour, levelInk } from '../../src/render/level-colours.js';

const LEVELS: ReportLevel[] = ['unconscious', 'ad-hoc', 'repeatable', 'systematic'].map((id, i) => ({ id, title: id, minScore: i * 25 }));

const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
} as const;

type Rgb = [number, number, number];
const linear = (hex: string): Rgb =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
const apply = (m: readonly (readonly number[])[], c: Rgb): Rgb => m.map((row) => Math.min(1, Math.max(0, row[0]! * c[0] + row[1]! * c[1] + row[2]! * c[2]))) as Rgb;
const grey = (c: Rgb): Rgb => {
  const y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  return [y, y, y];
};
function lab([r, g, b]: Rgb): Rgb {
  const [x, y, z] = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const VIEWS: [string, (c: Rgb) => Rgb][] = [
  ['normal vision', (c) => c],
  ...Object.entries(MACHADO).map(([name, m]): [string, (c: Rgb) => Rgb] => [name, (c) => apply(m, c)]),
  ['greyscale print', grey],
];

describe('level colours', () => {
  const colours = LEVELS.map((l) => levelColour(LEVELS, l.id));

  // mutation caught: going back to red/amber/blue/green (8.1 ΔE under deuteranopia, 1.3 in greyscale), or any
  // two anchors of similar lightness
  it.each(VIEWS)('every two levels are at least 20 ΔE apart for %s', (_, view) => {
    const seen = colours.map((c) => lab(view(linear(c))));
    for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) expect(deltaE(seen[i]!, seen[j]!), `${colours[i]} / ${colours[j]}`).toBeGreaterThanOrEqual(20);
  });

  it('keeps the levels in order of lightness in greyscale, lowest darkest', () => {
    const lightness = colours.map((c) => lab(grey(linear(c)))[0]);
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
  });

  // mutation caught: white text kept on the light green and yellow levels (2.5:1 and 1.2:1)
  it('puts text on each level colour at 4.5:1 or better', () => {
    for (const l of LEVELS) expect(contrast(levelColour(LEVELS, l.id), levelInk(LEVELS, l.id))).toBeGreaterThanOrEqual(4.5);
  });
});
