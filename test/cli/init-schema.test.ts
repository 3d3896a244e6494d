// cxm init and cxm schema through the real bin/cxm.js.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

async function cxm(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [join(root, 'bin/cxm.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cxm init', () => {
  it('copies the built-in model, whose modelines point at the shipped schemas, and the copy validates', async () => {
    const cwd = tempDir('cxm-init-');
    const { code, stderr } = await cxm(cwd, 'init', 'models/acme');
    expect(code).toBe(0);
    expect(stderr).toContain('cxm validate models/acme');
    const files = readdirSync(join(cwd, 'models/acme')).sort();
    expect(files).toEqual(readdirSync(join(root, 'questionnaires/cx-maturity')).filter((f) => f.endsWith('.yaml')).sort());
    for (const file of files) {
      const first = readFileSync(join(cwd, 'models/acme', file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file}: ${first}`).not.toBeNull();
      const schema = resolve(dirname(join(cwd, 'models/acme', file)), match![1]!);
      expect(existsSync(schema), schema).toBe(true);
      expect(schema).toBe(join(root, 'src/schemas', file === 'model.yaml' ? 'model.schema.json' : 'questionnaire.schema.json'));
    }
    const check = await cxm(cwd, 'validate', 'models/acme');
    expect(check.code).toBe(0);
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
    expect(stderr).toBe('cxm: cannot create file/model: a part of the path is not a directory; nothing was written\n');
    expect(readdirSync(cwd)).toEqual(['file']);
  });
});

describe('cxm schema', () => {
  it.each(['model', 'questionnaire', 'answers', 'report', 'comparison'])('prints the %s schema as it is shipped', async (kind) => {
    const { code, stdout } = await cxm(root, 'schema', kind);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(root, `src/schemas/${kind}.schema.json`), 'utf8'));
    expect((JSON.parse(stdout) as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('refuses an unknown kind with exit 2', async () => {
    const { code, stderr } = await cxm(root, 'schema', 'bogus');
    expect(code).toBe(2);
    expect(stderr).toMatch(/model, questionnaire, answers, report, comparison/);
  });
});
