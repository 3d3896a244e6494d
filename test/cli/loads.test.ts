// What `cxm` loads before it answers: only commander at start-up, each command's code when it runs,
// ajv's compiler never (the validators are precompiled), and the `yaml` package only for YAML the
// fast path cannot judge (a finding alone does not need it). Traced with a resolve hook (ES modules)
// and a Module._load wrapper (CommonJS), both in test/cli/trace/.

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACE = join(ROOT, 'test/cli/trace');

/** Runs bin/cxm.js with the tracers; returns the packages (node_modules/NAME), our dist files and ajv's files it loaded. */
async function loads(...args: string[]): Promise<{ packages: Set<string>; files: Set<string>; ajv: string[] }> {
  const file = join(tempDir('cxm-loads-'), 'trace.txt');
  writeFileSync(file, '');
  await run(
    process.execPath,
    ['--require', join(TRACE, 'require.cjs'), '--import', join(TRACE, 'register.mjs'), join(ROOT, 'bin/cxm.js'), ...args],
    { cwd: ROOT, env: { ...process.env, CXM_TRACE_FILE: file, NO_COLOR: '1' } },
  ).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 1) throw error;
  });
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const packages = new Set<string>();
  const files = new Set<string>();
  const ajv: string[] = [];
  for (const line of lines) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line);
    if (pkg) packages.add(pkg[1]!);
    const inAjv = /node_modules\/ajv\/(.+)$/.exec(line);
    if (inAjv) ajv.push(inAjv[1]!);
    const dist = /\/dist\/(.+)$/.exec(line);
    if (dist && !pkg) files.add(dist[1]!);
  }
  return { packages, files, ajv };
}

describe('what cxm loads', () => {
  // commander comes from the build's bundle (dist/vendor/commander.cjs, src/build/bundle-commander.ts), with
  // V8's code cache: no package is resolved at start-up. Mutation caught: main.ts requiring 'commander' again.
  it('loads no package to print its version: commander comes from the bundle the build wrote', async () => {
    const { packages, files } = await loads('--version');
    expect([...packages]).toEqual([]);
    expect([...files].filter((f) => f.startsWith('cli/')).sort()).toEqual(['cli/commander.js', 'cli/context.js', 'cli/main.js']);
  });

  it('loads no package and no command for --help', async () => {
    const { packages, files } = await loads('--help');
    expect([...packages]).toEqual([]);
    expect([...files].filter((f) => f.startsWith('cli/')).sort()).toEqual(['cli/commander.js', 'cli/context.js', 'cli/main.js']);
  });

  it('validates valid files with precompiled validators: no ajv compiler, no yaml package, no inquirer, no scoring', async () => {
    const { packages, files, ajv } = await loads('validate', 'questionnaires/cx-maturity', 'examples/quarters/2026-Q4.yaml');
    expect([...packages].sort()).toEqual(['ajv', 'chalk', 'fast-deep-equal', 'js-yaml']);
    // the precompiled code requires ajv's small runtime helpers, never its compiler
    expect(ajv.every((f) => f.startsWith('dist/runtime/')), ajv.join(', ')).toBe(true);
    expect([...files].some((f) => f.startsWith('generated/validators'))).toBe(true);
    expect([...files].filter((f) => f.startsWith('score/') || f.startsWith('assess/'))).toEqual([]);
  });

  it('gives findings their positions without the yaml package, and loads it for YAML the fast path cannot judge', async () => {
    // an error and a warning: their positions come from the one fast parse (sending them down the full path fails here)
    const found = await loads('validate', 'test/fixtures/validate/files/unknown-property.yaml', 'test/fixtures/validate/files/question-without-help.yaml');
    expect(found.packages.has('yaml')).toBe(false);
    const { packages } = await loads('validate', 'test/fixtures/validate/files/yaml-syntax.yaml');
    expect(packages.has('yaml')).toBe(true);
  });

  it('imports survey responses without the yaml package: csv-parse reads, a direct writer writes', async () => {
    // catches: cxm import writing through serializeAnswers (a yaml Document), whose package costs start-up time
    const { packages } = await loads('import', 'test/fixtures/import/responses/typeform.csv', '--model', 'test/fixtures/import/model', '-o', '/dev/null');
    expect(packages.has('csv-parse')).toBe(true);
    expect(packages.has('yaml')).toBe(false);
  });
});
