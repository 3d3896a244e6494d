// Where the built-in model lives: questionnaires/ at the package root (the same from src/ and dist/).

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from '../text/did-you-mean.js';

export const BUILTIN_MODEL_ID = 'cx-maturity';

export function questionnairesDir(): string {
  return fileURLToPath(new URL('../../questionnaires/', import.meta.url));
}

export function builtinModelDir(id: string = BUILTIN_MODEL_ID): string {
  return fileURLToPath(new URL(`../../questionnaires/${id}`, import.meta.url));
}

/** Ids of the models built in (the directories of questionnaires/ that hold a model.yaml). */
export function builtinModelIds(): string[] {
  try {
    return readdirSync(questionnairesDir(), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(questionnairesDir(), e.name, 'model.yaml')))
      .map((e) => e.name)
      .sort();
  } catch {
    return [BUILTIN_MODEL_ID];
  }
}

/**
 * What to do with answers recorded against a model that is neither built in nor given: pass its directory, or
 * fix a misspelled id. `others` are the ids of models at hand besides the built-in ones.
 */
export function notBuiltInMessage(id: string, version: string | undefined, others: readonly string[] = []): string {
  const guess = closest(id, [...new Set([...builtinModelIds(), ...others])]);
  const recorded = `model "${id}"${version !== undefined ? ` ${version}` : ''}`;
  return `this file was recorded against ${recorded}, which is not built in: pass --model with the directory of that model${guess !== undefined && guess !== id ? `, or, if the id is misspelled, did you mean "${guess}"?` : ''}`;
}
