// The real package, as a user gets it: `npm pack`, installed from the tarball into a temporary prefix, then
// run from a directory outside the clone. Every other test runs from the checkout, where a file the package
// forgets to ship is still there; only this one sees the installed package.
//
// Mutations caught: `src/schemas` (or `questionnaires`, or `dist`) dropped from package.json "files" → cxm schema,
// init or validate fail here; a `prepare`/`install` script back in the manifest → the install-scripts warning is
// seen; init writing modelines into the package → the references dangle once the model directory moves.

import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../report/cxm.js';
import { tempDirForSuite } from '../temp.js';
import { expectExample } from '../golden.js';
import { TEST_TIMEOUT_MS } from '../deadlines.js';
import { workbook } from '../import/workbook.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

let work: string;
let installed: string;
let cxmBin: string;
let installLog: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The installed cxm, run in `cwd` (outside the clone), with only the environment a user has. */
async function cxm(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(cxmBin, args, { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: work, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: unknown; stdout: string; stderr: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  work = tempDirForSuite('cxm-package-');
  // dist/ is current (test/built.ts builds it before any test when it is not): pack it as it is
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  const tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  // the registry is reachable, but npm ci has just filled the cache with every dependency
  const prefix = join(work, 'prefix');
  const install = await run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: work });
  installLog = install.stdout + install.stderr;
  installed = join(prefix, 'lib/node_modules', pkg.name);
  cxmBin = join(prefix, 'bin/cxm');
  // npm pack and npm install took 190 s with eight CPU-bound processes beside the suite at load 40: twice a test's timeout
}, 2 * TEST_TIMEOUT_MS);

describe('the installed package', () => {
  it('installs without any install-scripts warning, and ships what runs, not the tooling', () => {
    expect(installLog).not.toMatch(/install-?scripts|allowScripts|prepare|postinstall/i);
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; license: string };
    expect(manifest.license).toBe('MIT');
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[script], script).toBeUndefined();
    expect(existsSync(join(installed, 'dist/bench'))).toBe(false);
    expect(existsSync(join(installed, 'dist/build'))).toBe(false);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    // only runtime dependencies were installed: no dev dependency is needed to run
    const deps = readdirSync(join(installed, 'node_modules'));
    for (const dev of ['vitest', 'typescript', 'eslint', 'fast-check', 'playwright-core', 'ajv-cli']) expect(deps, dev).not.toContain(dev);
  });

  it('prints its version and every schema, from a directory outside the clone', async () => {
    const cwd = join(work, 'elsewhere');
    mkdirSync(cwd, { recursive: true });
    const version = await cxm(cwd, '--version');
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    for (const kind of ['model', 'questionnaire', 'answers', 'report', 'comparison']) {
      const schema = await cxm(cwd, 'schema', kind);
      expect(schema.code, `${kind}: ${schema.stderr}`).toBe(0);
      expect((JSON.parse(schema.stdout) as { $id: string }).$id).toBe(`urn:cx-maturity:schema:${kind}`);
    }
  });

  it('cxm init writes a model whose $schema references resolve, also after the directory moves, and validates', async () => {
    const cwd = join(work, 'consultant');
    mkdirSync(cwd, { recursive: true });
    const init = await cxm(cwd, 'init', 'm');
    expect(init.code, init.stderr).toBe(0);
    const check = (dir: string): void => {
      const yamls = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
      expect(yamls.length).toBeGreaterThan(1);
      for (const file of yamls) {
        const match = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(dir, file), 'utf8'));
        expect(match, file).not.toBeNull();
        const target = resolve(dirname(join(dir, file)), match![1]!);
        expect(existsSync(target), `${file} → ${target}`).toBe(true);
        expect(target.startsWith(dir), `${file} points outside the model directory: ${target}`).toBe(true);
      }
    };
    check(join(cwd, 'm'));
    // committed, and checked out by a colleague somewhere else
    const moved = join(work, 'colleague', 'checkout', 'm');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(join(cwd, 'm'), moved);
    check(moved);
    const validate = await cxm(dirname(moved), 'validate', 'm');
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  });

  it('validates the built-in model, scores and reports the example, and compares the quarters', async () => {
    const cwd = join(work, 'manager');
    cpSync(join(ROOT, 'examples'), join(cwd, 'examples'), { recursive: true });
    const builtin = await cxm(cwd, 'validate');
    expect(builtin.code, builtin.stdout).toBe(0);
    const score = await cxm(cwd, 'score', 'examples/quarters/2026-Q4.yaml');
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout).toMatch(/Overall/);
    const report = await cxm(cwd, 'report', 'examples/quarters/2026-Q4.yaml');
    expect(report.code, report.stderr).toBe(0);
    expectExample(report.stdout, 'examples/acme-2026-q4.md', 'cxm report examples/quarters/2026-Q4.yaml (the installed package)');
    const quarters = readdirSync(join(cwd, 'examples/quarters')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/quarters/${f}`);
    const compare = await cxm(cwd, 'compare', ...quarters, '-f', 'markdown');
    expect(compare.code, compare.stderr).toBe(0);
    expectExample(compare.stdout, 'examples/quarters/comparison.md', `cxm compare ${quarters.join(' ')} -f markdown (the installed package)`);
  });

  it('imports a Microsoft Forms .xlsx workbook: the installed package ships what reads it', async () => {
    // catches: read-excel-file (or one of its dependencies) not a runtime dependency, or dist/import not shipped
    const cwd = join(work, 'survey');
    mkdirSync(cwd, { recursive: true });
    // the first question of the built-in model, by its text (model 1.2.0)
    const header = ['ID', 'Start time', 'Name', 'Where does your statement of the experience you want customers to talk about stand?'];
    writeFileSync(join(cwd, 'responses.xlsx'), workbook({ name: 'Form1', rows: [header, [1, new Date(Date.UTC(2026, 10, 22)), 'Zoë Ångström', null]] }));
    const imported = await cxm(cwd, 'import', 'responses.xlsx', '-o', 'answers.yaml');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('responses.xlsx: 1 respondent imported to answers.yaml');
    expect(readFileSync(join(cwd, 'answers.yaml'), 'utf8')).toContain('Zoë Ångström');
  });
});
