// cxm schema KIND: prints the JSON Schema of a kind of file.

import { schemaText, type SchemaKind } from '../load/schema/validators.js';
import { EXIT, type Context } from './context.js';

export async function runSchema(context: Context, kind: string): Promise<number> {
  context.stdout.write(schemaText(kind as SchemaKind));
  return EXIT.ok;
}
