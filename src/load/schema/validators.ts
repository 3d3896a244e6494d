// JSON Schema validators. In the built package they are precompiled (ajv standalone code,
// written by src/build/compile-schemas.ts); from sources (tests) they are compiled at first use.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';

export const SCHEMA_KINDS = ['model', 'questionnaire', 'answers', 'report', 'comparison'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** One home for the ajv options, shared by the build and the run-time fallback. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  discriminator: true,
  verbose: true,
} as const;

export function schemaId(kind: SchemaKind): string {
  return `urn:cx-maturity:schema:${kind}`;
}

/** Location of a schema file; the same relative path from src/load/schema and dist/load/schema. */
export function schemaFile(kind: SchemaKind): URL {
  return new URL(`../../../src/schemas/${kind}.schema.json`, import.meta.url);
}

export function schemaText(kind: SchemaKind): string {
  return readFileSync(schemaFile(kind), 'utf8');
}

let validators: Record<SchemaKind, Validator> | undefined;

function loadPrecompiled(): Record<SchemaKind, Validator> | undefined {
  try {
    const require = createRequire(import.meta.url);
    return require('../../generated/validators.cjs') as Record<SchemaKind, Validator>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** Compiles every schema with ajv now: used from sources, and by the build to emit standalone code. */
export async function compileAll(withSource = false): Promise<{
  validators: Record<SchemaKind, Validator>;
  standalone?: string;
}> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: withSource } });
  for (const kind of SCHEMA_KINDS) ajv.addSchema(JSON.parse(schemaText(kind)) as object);
  const compiled = Object.fromEntries(
    SCHEMA_KINDS.map((kind) => [kind, ajv.getSchema(schemaId(kind)) as Validator]),
  ) as Record<SchemaKind, Validator>;
  if (!withSource) return { validators: compiled };
  const { default: standaloneModule } = await import('ajv/dist/standalone/index.js');
  const standalone = standaloneModule.default(ajv, Object.fromEntries(SCHEMA_KINDS.map((k) => [k, schemaId(k)])));
  return { validators: compiled, standalone };
}

export async function getValidators(): Promise<Record<SchemaKind, Validator>> {
  validators ??= loadPrecompiled() ?? (await compileAll()).validators;
  return validators;
}
