// commander, as start-up needs it: the bundle with V8's code cache that the build writes to
// dist/vendor/ (src/build/bundle-commander.ts), or the package itself where there is no bundle (running
// from sources). A cache that another Node made is rejected by V8 and the bundle is compiled as usual.

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Commander from 'commander';

function loadCommander(): typeof Commander {
  const require = createRequire(import.meta.url);
  const file = fileURLToPath(new URL('../vendor/commander.cjs', import.meta.url));
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    // commander is CommonJS: required as such, it loads faster than through its ESM wrapper
    return require('commander') as typeof Commander;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(fileURLToPath(new URL('../vendor/commander.cache', import.meta.url)));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const loaded = { exports: {} as typeof Commander };
  (script.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, require, loaded, file, fileURLToPath(new URL('../vendor/', import.meta.url)));
  return loaded.exports;
}

export const commander = loadCommander();
