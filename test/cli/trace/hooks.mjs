// Module resolve hook (runs on the loader thread): appends each resolved URL to $CXM_TRACE_FILE.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.CXM_TRACE_FILE) appendFileSync(process.env.CXM_TRACE_FILE, `${result.url}\n`);
  return result;
}
