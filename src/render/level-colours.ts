// Level colours, shared by the HTML charts and the Markdown chart: the lowest level red, then amber, blue,
// and the highest green. Each has a contrast of at least 4.5:1 on white (white text on it too), and every
// chart prints the level's title or score beside it or in a legend, so that colour never carries meaning alone.

import type { ReportLevel } from '../model/report.js';
import { levelRank } from './levels.js';

const ANCHORS: readonly (readonly [number, number, number])[] = [
  [0xb4, 0x23, 0x18], // red, 6.6:1 on white
  [0xb5, 0x47, 0x08], // amber, 5.4:1
  [0x17, 0x5c, 0xd3], // blue, 6.0:1
  [0x06, 0x76, 0x47], // green, 5.7:1
];

/** Not assessed, and anything without a level. */
export const NO_LEVEL = '#5b6472';

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
  // between anchors, a mix of the two: darkened a little so that the mix keeps its contrast
  const mix = ANCHORS[low]!.map((c, i) => (c + (ANCHORS[high]![i]! - c) * t) * (t === 0 ? 1 : 0.9));
  return hex(mix);
}

/** A light tint of a colour (toward white), for backgrounds behind dark text. */
export function tint(colour: string, strength: number): string {
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return hex(rgb.map((c) => 255 - (255 - c) * strength));
}

const ANCHOR_NAMES = ['red', 'amber', 'blue', 'green'] as const;

/** The colour of a level in words (the nearest of red, amber, blue, green), for legends in plain text. */
export function levelColourName(levels: readonly ReportLevel[], id: string | null): string {
  if (id === null || !levels.some((l) => l.id === id)) return 'grey';
  return ANCHOR_NAMES[Math.round(levelRank({ levels }, id) * (ANCHORS.length - 1))]!;
}
