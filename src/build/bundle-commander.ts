// Build step: commander, the one package cxm loads before it knows the command, as one file with V8's
// code cache beside it (dist/vendor/). Start-up then skips resolving and compiling seven files, and
// node:child_process (which commander needs only for executable subcommands, which cxm has none of) is
// required when first used instead of at load. src/cli/commander.ts loads it; from sources, or when
// the cache was made by another Node, it falls back to require('commander') or a plain compile.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Commander from 'commander';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('commander'));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const target = fileURLToPath(new URL('../vendor/', import.meta.url));

// in dependency order; each file's require('./x.js') becomes a lookup in the bundle
const FILES = ['lib/error.js', 'lib/argument.js', 'lib/help.js', 'lib/option.js', 'lib/suggestSimilar.js', 'lib/command.js', 'index.js'];
const EAGER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const LAZY_CHILD_PROCESS = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";

let bundle = `// commander ${version} (MIT, see commander.LICENSE), bundled by src/build/bundle-commander.ts: do not edit.\n'use strict';\nconst modules = {};\nconst factories = {};\nfunction load(name) {\n  if (!modules[name]) {\n    modules[name] = { exports: {} };\n    factories[name](modules[name], modules[name].exports);\n  }\n  return modules[name].exports;\n}\n`;
for (const file of FILES) {
  let source = readFileSync(join(root, file), 'utf8');
  const name = file.replace(/^lib\//, '').replace(/\.js$/, '');
  source = source.replace(/require\('\.\/(?:lib\/)?(\w+)(?:\.js)?'\)/g, (_, module: string) => {
    if (!FILES.some((f) => f.endsWith(`/${module}.js`))) throw new Error(`commander ${version}: ${file} requires ./${module}, which the bundle does not hold`);
    return `load('${module}')`;
  });
  if (name === 'command') {
    if (!source.includes(EAGER_CHILD_PROCESS)) throw new Error(`commander ${version}: lib/command.js no longer requires node:child_process as the bundle expects; update src/build/bundle-commander.ts`);
    source = source.replace(EAGER_CHILD_PROCESS, LAZY_CHILD_PROCESS);
    if (/childProcess\.(?!spawn\()/.test(source)) throw new Error(`commander ${version}: lib/command.js uses more of node:child_process than spawn; update src/build/bundle-commander.ts`);
  }
  if (/require\('\.\.?\//.test(source)) throw new Error(`commander ${version}: ${file} has a relative require the bundle does not resolve`);
  bundle += `factories['${name}'] = function (module, exports) {\n${source}\n};\n`;
}
bundle += "module.exports = load('index');\n";

mkdirSync(target, { recursive: true });
const file = join(target, 'commander.cjs');
writeFileSync(file, bundle);
copyFileSync(join(root, 'LICENSE'), join(target, 'commander.LICENSE'));

// the code cache holds what a run compiles: run the bundle once through what cxm does at start-up
const script = new Script(Module.wrap(bundle), { filename: file });
const loaded = { exports: {} as typeof Commander };
(script.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, require, loaded, file, target);
const { Command, Option } = loaded.exports;
const program = new Command('cxm').version('0.0.0', '-V, --version').option('--no-color').exitOverride();
program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
program.command('validate').argument('[paths...]').addOption(new Option('-f, --format <format>').choices(['text']).default('text')).action(() => undefined);
for (const argv of [['--version'], ['validate', 'x', '-f', 'text'], ['--help']]) {
  try {
    program.parse(argv, { from: 'user' });
  } catch {
    // --version and --help end by throwing, under exitOverride
  }
}
writeFileSync(join(target, 'commander.cache'), script.createCachedData());
