// Start-up does not grow with the number of commands: main() declares only the command named on the
// command line (none for --version), and all of them only where the help or a mistyped name needs them.
// Counted in process through commander's own Command.prototype.command, which every declaration calls.

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type * as commander from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cxmProcess, ROOT } from '../report/cxm.js';
import { cxmInProcess } from './in-process.js';

const { Command } = createRequire(import.meta.url)('commander') as typeof commander;

/** The names of the commands main() declared for these arguments, and what it printed. */
async function declared(args: readonly string[]): Promise<{ names: string[]; code: number; out: string }> {
  const spy = vi.spyOn(Command.prototype, 'command');
  const run = await cxmInProcess(args);
  const names = spy.mock.calls.map((call) => String(call[0]).split(' ')[0]!);
  spy.mockRestore();
  return { names, code: run.code, out: run.stdout + run.stderr };
}

const ALL = ['validate', 'schema', 'init', 'score', 'report', 'compare', 'assess', 'form', 'import', 'anonymize'];

afterEach(() => vi.restoreAllMocks());

describe('start-up', () => {
  // mutation caught: declaring every command whatever the arguments (what the first release did)
  it('declares only the command named, however it is asked for', async () => {
    expect((await declared(['validate', '--help'])).names).toEqual(['validate']);
    expect((await declared(['--no-color', 'report', '--help'])).names).toEqual(['report']);
    expect((await declared(['schema', 'model'])).names).toEqual(['schema']);
    const version = await declared(['--version']);
    expect(version).toMatchObject({ names: [], code: 0 });
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  // mutation caught: declaring only the named command also for `help`, which then knows no command
  it('declares every command for the help, no command, or a mistyped one', async () => {
    for (const args of [['--help'], ['help', 'validate'], [], ['valdate']]) {
      const run = await declared(args);
      expect(run.names, args.join(' ')).toEqual(ALL);
    }
    const mistyped = await declared(['valdate']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.out).toContain('(Did you mean validate?)');
    const help = await declared(['help', 'validate']);
    expect(help.out).toContain('Usage: cxm validate [options] [paths...]');
  });

  it('gives a command the same help whether or not the others are declared', async () => {
    // the help of `cxm help NAME` (every command declared) and of `cxm NAME --help` (one) are the same text
    for (const name of ALL) {
      const alone = await cxmInProcess([name, '--help']);
      const among = await cxmInProcess(['help', name]);
      expect(alone.stdout, name).toBe(among.stdout);
      expect(alone.code).toBe(0);
    }
  });
});

// bin/cxm.js loads commander from the bundle the build writes (dist/vendor/, src/build/bundle-commander.ts);
// the tests in process load the package. Both must be the same commander.
describe('the commander bundle', () => {
  it("is accepted with its code cache by this Node (a rejected cache would cost start-up its gain)", () => {
    const file = join(ROOT, 'dist/vendor/commander.cjs');
    const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(join(ROOT, 'dist/vendor/commander.cache')) });
    expect(script.cachedDataRejected).toBe(false);
    expect(readFileSync(join(ROOT, 'dist/vendor/commander.LICENSE'), 'utf8')).toMatch(/^\(The MIT License\)|MIT/);
  });

  // mutation caught: a bundle that leaves out or rewrites part of commander (help, suggestions, choices)
  it('gives the same help, usage errors and suggestions as the package', async () => {
    for (const args of [['--help'], ['validate', '--help'], ['report', '--help'], ['valdate'], ['validate', '-f', 'xml'], ['--version']]) {
      const bundled = await cxmProcess(args);
      const packaged = await cxmInProcess(args);
      expect(bundled, args.join(' ')).toEqual(packaged);
    }
  });
});
