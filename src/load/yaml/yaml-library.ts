// The yaml package (the full path's parser), loaded on first use.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type YamlLibrary = typeof Yaml;
let yamlLibrary: YamlLibrary | undefined;

/**
 * The yaml package, loaded on first use: it costs ~30 ms to load, which a run whose files all pass the fast
 * path never pays. Loaded with require (yaml's entry for Node is CommonJS) so that locate() can stay synchronous.
 */
export function yamlLib(): YamlLibrary {
  return (yamlLibrary ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}
