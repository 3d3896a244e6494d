// Where the built-in model lives: questionnaires/ at the package root (the same from src/ and dist/).

import { fileURLToPath } from 'node:url';

export const BUILTIN_MODEL_ID = 'cx-maturity';

export function questionnairesDir(): string {
  return fileURLToPath(new URL('../../questionnaires/', import.meta.url));
}

export function builtinModelDir(id: string = BUILTIN_MODEL_ID): string {
  return fileURLToPath(new URL(`../../questionnaires/${id}`, import.meta.url));
}
