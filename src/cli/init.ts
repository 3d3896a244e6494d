// cxm init [DIR]: copies the built-in model into DIR to customise, with the JSON Schemas its files need in
// DIR/schemas/. Every file's first line points editors at them by a relative path, so the references hold
// wherever DIR is committed, checked out or moved, with or without cx-maturity installed.

import { readdir, readFile, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.js';
import { builtinModelDir } from '../load/builtin.js';
import { EXIT, UsageError, type Context } from './context.js';
import { ioReason } from './output.js';

const MODELINE = /^# yaml-language-server: \$schema=\S*?([a-z]+\.schema\.json)\s*$/m;
/** Where the copied schemas go, relative to DIR (and so to every copied file). */
const SCHEMA_DIR = 'schemas';
const SCHEMA_KINDS = ['model', 'questionnaire', 'answers'] as const;

export async function runInit(context: Context, dir: string, flags: { force?: boolean }): Promise<number> {
  const source = builtinModelDir();
  const names = (await readdir(source)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const existing = await stat(dir).then(
    (s) => s,
    () => undefined,
  );
  if (existing && !existing.isDirectory()) throw new UsageError(`${dir} exists and is not a directory: name a new or existing directory`);
  const clashes: string[] = [];
  for (const name of names) {
    if (await stat(join(dir, name)).then(() => true, () => false)) clashes.push(join(dir, name));
  }
  if (clashes.length > 0 && !flags.force) {
    throw new UsageError(`${dir} already holds a model (${clashes.length === 1 ? clashes[0] : `${clashes.length} of its files, e.g. ${clashes[0]}`}): choose another directory, or pass --force to overwrite`);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create ${dir}: ${ioReason(error)}; nothing was written`);
  }
  const write = async (file: string, text: string): Promise<void> => {
    try {
      await writeFileAtomic(file, text);
    } catch (error) {
      throw new UsageError(`cannot write ${file}: ${ioReason(error)}`);
    }
  };
  // the schemas of what a model directory holds: model, questionnaires, and answers kept beside them
  const schemas = new URL('../../src/schemas/', import.meta.url);
  try {
    await mkdir(join(dir, SCHEMA_DIR), { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create ${join(dir, SCHEMA_DIR)}: ${ioReason(error)}; nothing else was written`);
  }
  for (const kind of SCHEMA_KINDS) {
    const name = `${kind}.schema.json`;
    await write(join(dir, SCHEMA_DIR, name), await readFile(fileURLToPath(new URL(name, schemas)), 'utf8'));
  }
  for (const name of names) {
    const text = await readFile(join(source, name), 'utf8');
    await write(join(dir, name), text.replace(MODELINE, (_line, file: string) => `# yaml-language-server: $schema=${SCHEMA_DIR}/${file}`));
  }
  context.stderr.write(
    `Copied the built-in model (${names.length} files) into ${dir}, with the JSON Schemas editors use in ${join(dir, SCHEMA_DIR)}.\n` +
      `In ${join(dir, 'model.yaml')}, give the model an id of its own (id: acme-cx, say; never cx-maturity, whose versions are not yours) and add "accepts: [cx-maturity]" so that answers recorded with the built-in model still score.\n` +
      `Edit the questionnaires; when you rename a question, give it "replaces: [old-id]" so that earlier answers count for it.\n` +
      `Check with: cxm validate ${dir}\nScore last quarter's answers with it: cxm score ANSWERS.yaml --model ${dir}\n`,
  );
  return EXIT.ok;
}
