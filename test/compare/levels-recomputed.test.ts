// (1.2, #26 item 3) compare across model versions says when an earlier period's levels were recomputed under the
// capped rule of the model the comparison scores every period with.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/domain/comparison.js';
import { tempDir } from '../temp.js';
import { cxmInProcess } from '../cli/in-process.js';

const QUARTERS = join(import.meta.dirname, '..', '..', 'examples', 'quarters');

describe('(1.2) compare: levels recomputed under the capped rule', () => {
  it('names the period recorded with another version and each element the capped rule holds below its score', async () => {
    // catches: the warning missing (a reader would take the earlier period's levels for those it was given)
    const dir = tempDir('cxm-recomputed-');
    expect((await cxmInProcess(['init', 'm'], { cwd: dir })).code).toBe(0);
    const manifest = join(dir, 'm', 'model.yaml');
    // tolerance 0: any question below its element's level holds the element there
    const text = readFileSync(manifest, 'utf8').replace(/^(levelRule|tolerance):.*\n/gm, '');
    writeFileSync(manifest, `${text}levelRule: capped\ntolerance: 0\n`);
    const q3 = join(QUARTERS, '2026-Q3.yaml');
    const run = await cxmInProcess(['compare', '-f', 'json', '--model', join(dir, 'm'), q3, join(QUARTERS, '2026-Q4.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    const comparison = JSON.parse(run.stdout) as Comparison;
    const recomputed = comparison.warnings.filter((w) => w.code === 'levels-recomputed');
    expect(recomputed.length).toBe(1);
    // "…: Design Unconscious (Ad hoc on its score), Measurement …": each element with its level and its score's
    expect(recomputed[0]!.message).toMatch(/^\S*2026-Q3\.yaml: its levels were recomputed under the capped level rule of cx-maturity \S+, not the rule it was recorded with: [A-Z][a-z]+ [A-Z][a-z ]+ \([A-Z][a-z ]+ on its score\)(, [A-Z][a-z]+ [A-Z][a-z ]+ \([A-Z][a-z ]+ on its score\))*$/);
    // Q4 was recorded with the model's own version: its levels are its own
    expect(recomputed[0]!.message).not.toContain('2026-Q4');
  });

  it('says nothing under levelRule mean', async () => {
    // catches: the warning given whenever versions differ
    const run = await cxmInProcess(['compare', '-f', 'json', join(QUARTERS, '2026-Q3.yaml'), join(QUARTERS, '2026-Q4.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Comparison).warnings.map((w) => w.code)).not.toContain('levels-recomputed');
  });
});
