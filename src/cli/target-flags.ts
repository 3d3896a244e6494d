// (1.2) --target LEVEL and --target ELEMENT=LEVEL (repeatable), over the answers' targets.

import { closest } from '../text/did-you-mean.js';
import type { Targets } from '../domain/evidence.js';
import type { Model } from '../domain/types.js';

/**
 * The targets with the command line's applied: `--target LEVEL` replaces the default, `--target ELEMENT=LEVEL` that
 * element's entry (SPEC 3). An unknown level or element is a message saying what to write instead.
 */
export function withTargetFlags(model: Model, targets: Targets | undefined, flags: readonly string[]): { targets?: Targets; problems: string[] } {
  if (flags.length === 0) return { ...(targets !== undefined ? { targets } : {}), problems: [] };
  const problems: string[] = [];
  let fallback = targets?.default;
  const elements = new Map(targets?.elements ?? []);
  const levels = model.levels.map((l) => l.id);
  const elementIds = model.elements.map((e) => e.id);
  for (const flag of flags) {
    const [element, level] = flag.includes('=') ? (flag.split(/=(.*)/s, 2) as [string, string]) : [undefined, flag];
    const levelId = level.trim();
    if (element !== undefined && !elementIds.includes(element.trim())) {
      const guess = closest(element.trim(), elementIds);
      problems.push(`--target ${flag}: "${element}" is not an element of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use one of ${elementIds.join(', ')}`}`);
      continue;
    }
    if (!levels.includes(levelId)) {
      const guess = closest(levelId, levels);
      problems.push(`--target ${flag}: "${levelId}" is not a level of model ${model.id}${guess !== undefined ? `: did you mean "${guess}"?` : `: use one of ${levels.join(', ')}`}`);
      continue;
    }
    if (element === undefined) fallback = levelId;
    else elements.set(element.trim(), levelId);
  }
  return { targets: { ...(fallback !== undefined ? { default: fallback } : {}), elements }, problems };
}
