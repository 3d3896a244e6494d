// Level colours, shared by the HTML charts and the Markdown chart: a dark-to-light ramp (purple, blue, green,
// yellow: the viridis scale's anchors), lowest level darkest. Chosen to stay apart for every reader: under
// simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009, full severity) and in greyscale print
// every two levels differ by at least 20 ΔE (CIELAB), and their lightness runs 15, 42, 67, 91, so that greys
// keep the order (test/render/level-colours.test.ts computes it). Colour never carries meaning alone: every
// chip, bar and cell also says its level in words. Text on a level colour is white or ink, whichever reads
// better (levelInk, at least 4.5:1).

import type { ReportLevel } from '../domain/report.js';
import { levelRank } from './levels.js';

const ANCHORS: readonly (readonly [number, number, number])[] = [
  [0x44, 0x01, 0x54], // purple
  [0x31, 0x68, 0x8e], // blue
  [0x35, 0xb7, 0x79], // green
  [0xfd, 0xe7, 0x25], // yellow
];

/** Not assessed, and anything without a level. */
export const NO_LEVEL = '#5b6472';
/** The page's ink: text on a light level colour. */
export const INK = '#1b1f24';

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a level by its position among the model's levels (any number of levels). */
export function levelColour(levels: readonly ReportLevel[], id: string | null): string {
  if (id === null || !levels.some((l) => l.id === id)) return NO_LEVEL;
  const position = levelRank({ levels }, id) * (ANCHORS.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, ANCHORS.length - 1);
  const t = position - low;
  return hex(ANCHORS[low]!.map((c, i) => c + (ANCHORS[high]![i]! - c) * t));
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The text colour on a level's colour: white or ink, whichever contrasts more. */
export function levelInk(levels: readonly ReportLevel[], id: string | null): string {
  const colour = levelColour(levels, id);
  return contrast(colour, '#ffffff') >= contrast(colour, INK) ? '#ffffff' : INK;
}

/** A light tint of a colour (toward white), for backgrounds behind dark text. */
export function tint(colour: string, strength: number): string {
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return hex(rgb.map((c) => 255 - (255 - c) * strength));
}

const ANCHOR_NAMES = ['purple', 'blue', 'green', 'yellow'] as const;

/** The colour of a level in words (the nearest of purple, blue, green, yellow), for legends in plain text. */
export function levelColourName(levels: readonly ReportLevel[], id: string | null): string {
  if (id === null || !levels.some((l) => l.id === id)) return 'grey';
  return ANCHOR_NAMES[Math.round(levelRank({ levels }, id) * (ANCHORS.length - 1))]!;
}
