// Charts drawn as inline SVG: a radar of the elements with the level bands as rings, horizontal bars
// coloured by level with the thresholds marked, and a line over periods on the level bands. Each chart
// has a <title> and a <desc>, and points with aria-details at the table that holds the same data.
// Pure and deterministic: coordinates rounded to 2 decimals.

import type { ReportLevel } from '../../domain/report.js';
import { levelTitle } from '../levels.js';
import { formatScore } from '../number.js';
import { INK, levelColour, NO_LEVEL, tint } from '../level-colours.js';
import { html, truncate } from './escape.js';

export interface ChartLabels {
  /** Unique in the page: the prefix of the ids of the chart's title and description. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  /** Id of the table that holds the chart's data. */
  readonly table: string;
}

export interface Datum {
  readonly label: string;
  readonly score: number | null;
  readonly level: string | null;
}

const MUTED = '#475467';
const GRID = '#98a2b3';
const ACCENT = '#1d3b66';

function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function svg(labels: ChartLabels, width: number, height: number, className: string, content: string): string {
  return (
    `<svg class="${className}" role="img" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" ` +
    `aria-labelledby="${labels.id}-title ${labels.id}-desc" aria-details="${labels.table}">` +
    `<title id="${labels.id}-title">${html(labels.title)}</title><desc id="${labels.id}-desc">${html(labels.desc)}</desc>` +
    `${content}</svg>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${content}</text>`;
}

/** Each level with the score range it covers: [minScore, next level's minScore or 100]. */
function bands(levels: readonly ReportLevel[]): { level: ReportLevel; from: number; to: number }[] {
  return levels
    .map((level, i) => ({ level, from: Math.max(0, level.minScore), to: Math.min(100, levels[i + 1]?.minScore ?? 100) }))
    .filter((b) => b.to > b.from);
}

function clamp(score: number): number {
  return Math.min(100, Math.max(0, score));
}

/** The elements on a radar: one spoke each, the level bands as rings from the centre (0) to the rim (100). */
export function radarChart(labels: ChartLabels, levels: readonly ReportLevel[], data: readonly Datum[]): string {
  const width = 520;
  const cx = width / 2;
  const cy = 222;
  const radius = 138;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / data.length;
  const at = (i: number, score: number): [number, number] => [cx + Math.cos(angle(i)) * radius * (score / 100), cy + Math.sin(angle(i)) * radius * (score / 100)];
  const ring = (score: number): string => data.map((_, i) => at(i, score).map(n).join(',')).join(' ');
  const parts: string[] = [];
  const levelBands = bands(levels);
  // the highest band first, each lower one drawn over the middle of the one above it
  for (const band of [...levelBands].reverse()) {
    parts.push(`<polygon points="${ring(band.to)}" fill="${tint(levelColour(levels, band.level.id), 0.16)}" stroke="${GRID}" stroke-width="1"/>`);
  }
  for (let i = 0; i < data.length; i++) {
    const [x, y] = at(i, 100);
    parts.push(`<line x1="${n(cx)}" y1="${n(cy)}" x2="${n(x)}" y2="${n(y)}" stroke="${GRID}" stroke-width="1"/>`);
  }
  const points = data.map((d, i) => at(i, clamp(d.score ?? 0)));
  parts.push(`<polygon points="${points.map((p) => p.map(n).join(',')).join(' ')}" fill="${ACCENT}" fill-opacity="0.2" stroke="${ACCENT}" stroke-width="2.5" stroke-linejoin="round"/>`);
  // each threshold on its ring, between the first two spokes, on a white halo
  const gap = -Math.PI / 2 + Math.PI / data.length;
  for (const band of levelBands.slice(1)) {
    const r = (radius * band.from) / 100;
    parts.push(text(cx + Math.cos(gap) * r, cy + Math.sin(gap) * r + 4, n(band.from), `font-size="12" text-anchor="middle" fill="${MUTED}" stroke="#fff" stroke-width="3" paint-order="stroke"`));
  }
  data.forEach((d, i) => {
    const [x, y] = points[i]!;
    if (d.score !== null) parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="6" fill="${levelColour(levels, d.level)}" stroke="#fff" stroke-width="1.5"/>`);
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const [lx, ly] = [cx + cos * (radius + 14), cy + sin * (radius + 14)];
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const dy = sin < -0.5 ? -22 : sin > 0.5 ? 14 : -4;
    parts.push(text(lx, ly + dy, html(truncate(d.label, 20)), `font-size="15" font-weight="700" text-anchor="${anchor}" fill="${INK}"`));
    const value = d.score === null ? 'not assessed' : `${formatScore(d.score)} · ${levelTitle({ levels }, d.level)}`;
    parts.push(text(lx, ly + dy + 17, html(truncate(value, 26)), `font-size="13.5" text-anchor="${anchor}" fill="${d.score === null ? MUTED : INK}"`));
  });
  // the rings' legend: each level's colour and range, two to a row
  const legendTop = cy + radius + 74;
  const columns = Math.min(2, Math.max(levelBands.length, 1));
  const slot = (width - 40) / columns;
  levelBands.forEach((band, i) => {
    const colour = levelColour(levels, band.level.id);
    const x = 20 + slot * (i % columns) + 40;
    const y = legendTop + Math.floor(i / columns) * 22;
    parts.push(`<rect x="${n(x)}" y="${n(y - 12)}" width="15" height="15" rx="2" fill="${tint(colour, 0.35)}" stroke="${colour}" stroke-width="1.5"/>`);
    parts.push(text(x + 21, y + 1, `${html(truncate(band.level.title, 16))} <tspan fill="${MUTED}" font-weight="400">${n(band.from)}–${n(band.to)}</tspan>`, `font-size="14" font-weight="600" fill="${INK}"`));
  });
  const height = legendTop + Math.ceil(levelBands.length / columns) * 22 - 8;
  return svg(labels, width, height, 'chart radar', parts.join(''));
}

/** One horizontal bar per datum, coloured by its level, over the level bands with each threshold marked. */
export function barChart(labels: ChartLabels, levels: readonly ReportLevel[], data: readonly Datum[]): string {
  // sized to be read at half an A4 column: no text under 14 units, drawn at about 0.7 of its size in print
  const width = 460;
  const labelWidth = 132;
  const x0 = labelWidth;
  const x1 = width - 58;
  const row = 36;
  const plotHeight = data.length * row;
  // band titles on two alternating lines where one line would run them together
  const levelBands = bands(levels);
  const titleFont = 15;
  const fits = levelBands.every((b) => truncate(b.level.title, 13).length * titleFont * 0.58 < ((x1 - x0) * (b.to - b.from)) / 100 - 2);
  const top = fits ? 30 : 50;
  const height = top + plotHeight + 30;
  const x = (score: number): number => x0 + ((x1 - x0) * clamp(score)) / 100;
  const parts: string[] = [];
  levelBands.forEach((band, i) => {
    const colour = levelColour(levels, band.level.id);
    parts.push(`<rect x="${n(x(band.from))}" y="${top}" width="${n(x(band.to) - x(band.from))}" height="${plotHeight}" fill="${tint(colour, 0.2)}"/>`);
    const y = fits || i % 2 === 1 ? top - 9 : top - 28;
    parts.push(text((x(band.from) + x(band.to)) / 2, y, html(truncate(band.level.title, 13)), `font-size="${titleFont}" font-weight="600" text-anchor="middle" fill="${INK}"`));
  });
  const ticks = [0, ...levelBands.slice(1).map((b) => b.from), 100];
  for (const tick of ticks) {
    const dashed = tick > 0 && tick < 100;
    parts.push(`<line x1="${n(x(tick))}" y1="${top}" x2="${n(x(tick))}" y2="${top + plotHeight + 4}" stroke="${dashed ? MUTED : GRID}" stroke-width="1"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(text(x(tick), top + plotHeight + 21, n(tick), `font-size="14" text-anchor="middle" fill="${MUTED}"`));
  }
  data.forEach((d, i) => {
    const y = top + i * row;
    parts.push(text(x0 - 8, y + row / 2 + 6, html(truncate(d.label, 14)), `font-size="17" text-anchor="end" fill="${INK}"`));
    if (d.score === null) {
      parts.push(text(x0 + 6, y + row / 2 + 6, 'not assessed', `font-size="15" fill="${MUTED}" font-style="italic"`));
      return;
    }
    const end = x(d.score);
    parts.push(`<rect x="${n(x0)}" y="${n(y + 7)}" width="${n(Math.max(end - x0, 1.5))}" height="${row - 14}" rx="2" fill="${levelColour(levels, d.level)}" stroke="${INK}" stroke-width="1"/>`);
    parts.push(text(end + 5, y + row / 2 + 6, formatScore(d.score), `font-size="16" font-weight="700" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke"`));
  });
  return svg(labels, width, height, 'chart bars', parts.join(''));
}

/** Scores over periods, on the level bands: a line through the periods with a score, dots coloured by level. */
export function trendChart(labels: ChartLabels, levels: readonly ReportLevel[], periods: readonly string[], data: readonly Omit<Datum, 'label'>[], size: 'large' | 'small'): string {
  const large = size === 'large';
  const width = large ? 600 : 320;
  const height = large ? 300 : 210;
  const left = 34;
  const right = large ? 104 : 12;
  const top = 16;
  const bottom = 30;
  const x = (i: number): number => (periods.length === 1 ? (left + width - right) / 2 : left + 24 + ((width - right - left - 48) * i) / (periods.length - 1));
  const y = (score: number): number => top + ((height - top - bottom) * (100 - clamp(score))) / 100;
  const font = large ? 14 : 13.5;
  const parts: string[] = [];
  for (const band of bands(levels)) {
    const colour = levelColour(levels, band.level.id);
    parts.push(`<rect x="${left}" y="${n(y(band.to))}" width="${n(width - right - left)}" height="${n(y(band.from) - y(band.to))}" fill="${tint(colour, 0.12)}"/>`);
    if (large) parts.push(text(width - right + 6, (y(band.from) + y(band.to)) / 2 + 4, html(truncate(band.level.title, 12)), `font-size="13" font-weight="600" fill="${INK}"`));
  }
  const ticks = [0, ...bands(levels).slice(1).map((b) => b.from), 100];
  for (const tick of ticks) {
    const dashed = tick > 0 && tick < 100;
    parts.push(`<line x1="${left}" y1="${n(y(tick))}" x2="${n(width - right)}" y2="${n(y(tick))}" stroke="${dashed ? MUTED : GRID}" stroke-width="1"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(text(left - 4, y(tick) + 3.5, n(tick), `font-size="${large ? 12.5 : 13}" text-anchor="end" fill="${MUTED}"`));
  }
  periods.forEach((p, i) => {
    parts.push(text(x(i), height - bottom + 17, html(truncate(p, large ? 16 : 10)), `font-size="${font}" text-anchor="middle" fill="${INK}"`));
  });
  // the line, broken where a period has no score
  let path = '';
  let drawing = false;
  data.forEach((d, i) => {
    if (d.score === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${n(x(i))} ${n(y(d.score))} `;
    drawing = true;
  });
  if (path !== '') parts.push(`<path d="${path.trim()}" fill="none" stroke="${ACCENT}" stroke-width="${large ? 3 : 2.5}" stroke-linejoin="round" stroke-linecap="round"/>`);
  data.forEach((d, i) => {
    if (d.score === null) {
      parts.push(text(x(i), y(50), 'n/a', `font-size="${font}" text-anchor="middle" fill="${MUTED}" font-style="italic"`));
      return;
    }
    parts.push(`<circle cx="${n(x(i))}" cy="${n(y(d.score))}" r="${large ? 6 : 5}" fill="${d.level === null ? NO_LEVEL : levelColour(levels, d.level)}" stroke="#fff" stroke-width="1.5"/>`);
    const above = d.score < 88;
    parts.push(text(x(i), y(d.score) + (above ? -11 : 20), formatScore(d.score), `font-size="${font}" font-weight="700" text-anchor="middle" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke"`));
  });
  return svg(labels, width, height, `chart trend ${size}`, parts.join(''));
}
