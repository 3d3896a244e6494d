// cxm init and cxm schema, in process through main() (test/package/ runs them from the installed package).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { cxmInProcess } from './in-process.js';

const root = join(import.meta.dirname, '..', '..');

/** cxm ARGS…, with paths relative to `cwd` made absolute (main() reads paths as given). */
function cxm(cwd: string, ...args: string[]): ReturnType<typeof cxmInProcess> {
  return cxmInProcess(
    args.map((a, i) => (i > 0 && !a.startsWith('-') ? resolve(cwd, a) : a)),
    { cwd },
  );
}

/** Every `$schema` reference in the YAML files of `dir`, resolved against the file that makes it. */
function schemaReferences(dir: string): { file: string; schema: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const first = readFileSync(join(dir, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file}: ${first}`).not.toBeNull();
      return { file, schema: resolve(dirname(join(dir, file)), match![1]!) };
    });
}

describe('cxm init', () => {
  // Mutations caught: modelines pointing into the package (../../src/schemas, an absolute path) break after the
  // move below; not copying the schemas leaves the references dangling; a stale copy differs from the shipped one.
  it('copies the built-in model with its schemas; every $schema reference resolves, also after the directory moves', async () => {
    const cwd = tempDir('cxm-init-');
    const { code, stderr } = await cxm(cwd, 'init', 'models/acme');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`cxm validate ${join(cwd, 'models/acme')}`);
    const dir = join(cwd, 'models/acme');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual(readdirSync(join(root, 'questionnaires/cx-maturity')).filter((f) => f.endsWith('.yaml')).sort());
    for (const kind of ['model', 'questionnaire', 'answers']) {
      expect(readFileSync(join(dir, 'schemas', `${kind}.schema.json`), 'utf8')).toBe(readFileSync(join(root, `src/schemas/${kind}.schema.json`), 'utf8'));
    }
    for (const { file, schema } of schemaReferences(dir)) {
      expect(schema, file).toBe(join(dir, 'schemas', file === 'model.yaml' ? 'model.schema.json' : 'questionnaire.schema.json'));
    }
    // committed and checked out elsewhere: the references move with the files
    const moved = join(tempDir('cxm-moved-'), 'checkout', 'model');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(dir, moved);
    for (const { file, schema } of schemaReferences(moved)) expect(existsSync(schema), `${file} → ${schema}`).toBe(true);
    const check = await cxm(cwd, 'validate', moved);
    expect(check.code, check.stdout).toBe(0);
  });

  it('refuses to overwrite without --force (exit 2, nothing changed), and overwrites with it', async () => {
    const cwd = tempDir('cxm-init-');
    expect((await cxm(cwd, 'init', 'm')).code).toBe(0);
    writeFileSync(join(cwd, 'm/strategy.yaml'), 'edited\n');
    const refused = await cxm(cwd, 'init', 'm');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(join(cwd, 'm/strategy.yaml'), 'utf8')).toBe('edited\n');
    expect((await cxm(cwd, 'init', 'm', '--force')).code).toBe(0);
    expect(readFileSync(join(cwd, 'm/strategy.yaml'), 'utf8')).toContain('kind: questionnaire');
  });

  it('refuses a target that is a file (exit 2)', async () => {
    const cwd = tempDir('cxm-init-');
    writeFileSync(join(cwd, 'taken'), 'x');
    const { code, stderr } = await cxm(cwd, 'init', 'taken');
    expect(code).toBe(2);
    expect(stderr).toMatch(/taken exists and is not a directory/);
  });

  it('refuses a directory it cannot create (exit 2), in words, and writes nothing', async () => {
    const cwd = tempDir('cxm-init-');
    writeFileSync(join(cwd, 'file'), 'x');
    const { code, stdout, stderr } = await cxm(cwd, 'init', 'file/model');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cxm: cannot create ${join(cwd, 'file/model')}: a part of the path is not a directory; nothing was written\n`);
    expect(readdirSync(cwd)).toEqual(['file']);
  });
});

describe('cxm schema', () => {
  it.each(['model', 'questionnaire', 'answers', 'report', 'comparison'])('prints the %s schema as it is shipped', async (kind) => {
    const { code, stdout } = await cxmInProcess(['schema', kind]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(root, `src/schemas/${kind}.schema.json`), 'utf8'));
    expect((JSON.parse(stdout) as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('refuses an unknown kind with exit 2', async () => {
    const { code, stderr } = await cxmInProcess(['schema', 'bogus']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/model, questionnaire, answers, report, comparison/);
  });
});
