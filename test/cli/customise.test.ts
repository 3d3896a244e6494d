// The README's "Customising the model", in process: cxm init → the model gets an id of its own and accepts the
// built-in one → a question is renamed with `replaces` → last quarter's answers (recorded with the built-in
// model) are validated, scored, reported and compared with the new model. Question ids come from the loaded
// built-in model, not from this file.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinModelDir } from '../../src/load/builtin.js';
import { loadModel } from '../../src/load/model.js';
import type { Report } from '../../src/domain/report.js';
import { tempDir } from '../temp.js';
import { cxmInProcess } from './in-process.js';

function cxm(args: readonly string[], cwd: string): ReturnType<typeof cxmInProcess> {
  return cxmInProcess(args, { cwd });
}

describe('customising the model keeps old answers', () => {
  it('init → own id with accepts → rename a question with replaces → last quarter scores with the new model', async () => {
    const dir = tempDir('cxm-customise-');
    const builtin = (await loadModel(builtinModelDir())).model!;
    const element = builtin.elements[0]!;
    const renamed = element.questions[0]!;
    const kept = element.questions[1]!;
    const firstOption = (q: typeof renamed): string => (q.type === 'scale' ? String(q.max) : (q.options.at(-1)!.id));

    // 1. init, whose closing message says what to change
    const acme = join(dir, 'acme');
    const init = await cxm(['init', acme], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('give the model an id of its own');
    expect(init.stderr).toContain('"accepts: [cx-maturity]"');
    expect(init.stderr).toContain('replaces: [old-id]');

    // 2. an id of its own, accepting the built-in model's answers; one question renamed
    const manifest = join(dir, 'acme', 'model.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^id: cx-maturity$/m, 'id: acme-cx') + 'accepts: [cx-maturity]\n');
    const questionnaire = join(dir, 'acme', `${element.id}.yaml`);
    const newId = `${renamed.id}-v2`;
    const text = readFileSync(questionnaire, 'utf8');
    const idLine = new RegExp(`^( *)- id: ${renamed.id.replace(/\./g, '\\.')}$`, 'm');
    expect(text).toMatch(idLine);
    writeFileSync(questionnaire, text.replace(idLine, (_m, indent: string) => `${indent}- id: ${newId}\n${indent}  replaces: [${renamed.id}]`));

    // 3. last quarter's answers, recorded with the built-in model
    const answers = (period: string, name: string): string => {
      const file = join(dir, `${period}.yaml`);
      writeFileSync(
        file,
        [
          'kind: answers',
          `model: { id: cx-maturity, version: ${builtin.version} }`,
          `period: ${period}`,
          'respondents:',
          `  - name: ${name}`,
          '    answers:',
          `      ${renamed.id}: ${JSON.stringify(renamed.type === 'multi' ? [firstOption(renamed)] : renamed.type === 'scale' ? Number(firstOption(renamed)) : firstOption(renamed))}`,
          `      ${kept.id}: ${JSON.stringify(kept.type === 'multi' ? [firstOption(kept)] : kept.type === 'scale' ? Number(firstOption(kept)) : firstOption(kept))}`,
          '',
        ].join('\n'),
      );
      return file;
    };
    const q3 = answers('2026-Q3', 'Alice');
    const q4 = answers('2026-Q4', 'Bob');

    // mutation: without `accepts` in the model, each command below exits 1 with model-mismatch
    const validate = await cxm(['validate', '--model', acme, q3], dir);
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toContain(`${q3}:2:14 warning model-accepted recorded against cx-maturity ${builtin.version}; scored with acme-cx ${builtin.version}`);

    const score = await cxm(['score', '--model', acme, '--json', q3], dir);
    expect(score.code, score.stderr).toBe(0);
    const report = JSON.parse(score.stdout) as Report;
    expect(report.model.id).toBe('acme-cx');
    // mutation: dropping `replaces` from the index, the renamed question has no answer
    const item = report.elements.find((e) => e.id === element.id)!.items.find((i) => i.id === newId)!;
    expect(item.answers).toBe(1);
    expect(score.stderr).toContain('model-accepted');

    const markdown = await cxm(['report', '--model', acme, q3], dir);
    expect(markdown.code, markdown.stderr).toBe(0);

    const compare = await cxm(['compare', '--model', acme, '-f', 'json', q3, q4], dir);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('accepts them');
  });

  it('answers naming a model that is not built in: one finding at the id, with the nearest model id', async () => {
    const dir = tempDir('cxm-typo-');
    const file = join(dir, 'ans-id.yaml');
    writeFileSync(file, ['kind: answers', 'model: { id: cx-maturty, version: 1.0.0 }', 'respondents:', '  - name: Alice', ''].join('\n'));
    const run = await cxm(['score', file], dir);
    expect(run.code).toBe(1);
    // mutation: the old plain message ("ans-id.yaml were recorded against…") has no position and no did-you-mean
    expect(run.stderr).toContain(
      `${file}:2:14 error model-mismatch this file was recorded against model "cx-maturty" 1.0.0, which is not built in: pass --model with the directory of that model, or, if the id is misspelled, did you mean "cx-maturity"?`,
    );
  });

  it('answers of a newer version than the model: one error at model, whatever the command', async () => {
    const dir = tempDir('cxm-newer-');
    const builtin = (await loadModel(builtinModelDir())).model!;
    const question = builtin.elements[0]!.questions[0]!;
    const file = join(dir, 'next.yaml');
    writeFileSync(file, ['kind: answers', 'model:', '  id: cx-maturity', '  version: 99.0.0', 'respondents:', '  - name: Alice', '    answers:', `      ${question.id}-added-later: x`, `      other.added-later: y`, ''].join('\n'));
    for (const command of [['score'], ['report'], ['compare'], ['validate']]) {
      const run = await cxm([...command, file], dir);
      const output = run.stdout + run.stderr;
      expect(run.code, `${command[0]!}: ${output}`).toBe(1);
      // mutation: going on to the questions gives an unknown-question for each
      expect(output, command[0]).toContain(`${file}:4:12 error model-mismatch this file was recorded against cx-maturity 99.0.0, newer than the model given (cx-maturity ${builtin.version}): pass --model DIR`);
      expect(output, command[0]).not.toContain('unknown-question');
    }
  });
});
