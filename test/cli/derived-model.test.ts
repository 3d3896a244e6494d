// (1.1, #26 item 5) A model made by the README's recipe (cxm init, an id of its own, accepts: [cx-maturity]) scores
// answers recorded with any version of the built-in model exactly as the built-in model does: the same scores,
// levels, plan and groups, and the same answers left out, with a warning per dropped question instead of an error.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.js';
import { tempDir } from '../temp.js';
import { cxmInProcess } from './in-process.js';

const ROOT = join(import.meta.dirname, '..', '..');
const QUARTERS = join(ROOT, 'examples', 'quarters');

/** The report without what names the model it was scored with (id, title, its files, the warning naming it). */
function scoresOf(report: Report): unknown {
  const rest = Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'model' && key !== 'inputs'));
  return { ...rest, warnings: report.warnings.filter((w) => w.code !== 'model-mismatch' && w.code !== 'model-version-mismatch') };
}

/** Each finding's position, severity and code, the model's own words left out. */
const positions = (stderr: string): string[] => stderr.split('\n').flatMap((line) => /^(\S+:\d+:\d+ \w+ [a-z-]+)/.exec(line)?.[1] ?? []);

describe('a derived model scores answers of the model it accepts like that model', () => {
  const answersFiles = readdirSync(QUARTERS).filter((f) => f.endsWith('.yaml'));

  it.each(answersFiles)('%s: the same report as the built-in model gives, findings at the same places', async (file) => {
    // catches: answers of an accepted model checked as if recorded against this model's own version (the 36 errors of
    // 2026-Q3, recorded with 1.0.0: every dropped question an unknown-question error), or scored differently
    const dir = tempDir('cxm-derived-');
    const init = await cxmInProcess(['init', 'acme'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const manifest = join(dir, 'acme', 'model.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8').replace(/^id: cx-maturity$/m, 'id: acme-cx')}accepts: [cx-maturity]\n`);
    const answers = join(QUARTERS, file);

    const builtin = await cxmInProcess(['report', '-f', 'json', answers]);
    const derived = await cxmInProcess(['report', '-f', 'json', '--model', join(dir, 'acme'), answers]);
    expect(builtin.code, builtin.stderr).toBe(0);
    expect(derived.code, derived.stderr).toBe(0);
    const [b, d] = [JSON.parse(builtin.stdout) as Report, JSON.parse(derived.stdout) as Report];
    expect(d.model.id).toBe('acme-cx');
    expect(scoresOf(d)).toEqual(scoresOf(b));
    // the same findings at the same places; only the one naming the model differs (model-version-mismatch or none
    // for the built-in model, model-accepted for the derived one)
    const naming = (code: string): boolean => code.endsWith('model-version-mismatch') || code.endsWith('model-accepted');
    expect(positions(derived.stderr).filter((p) => !naming(p))).toEqual(positions(builtin.stderr).filter((p) => !naming(p)));
    expect(positions(derived.stderr).some((p) => p.endsWith('warning model-accepted'))).toBe(true);
    expect(derived.stderr).not.toMatch(/ error /);
  });
});
