// A real pseudo-terminal for end-to-end tests: one tmux server per test file on its own socket, so
// that parallel runs never meet. Commands run in detached sessions of 120x40; the screen is read with
// capture-pane and waited on by polling (every 50 ms, up to a deadline long enough for a busy machine,
// test/deadlines.ts), never by fixed sleeps.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WAIT_MS } from '../deadlines.js';

export const TMUX_MISSING = 'tmux is not installed, and the end-to-end terminal tests need it: apt-get install tmux (CI installs it in .ci/run)';

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export class Tmux {
  readonly socket = `cxm-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly config: string;
  private count = 0;

  constructor(private readonly dir: string) {
    // no user configuration; no status line, so the command has all 40 rows; keep a pane after its command exits
    this.config = join(dir, 'tmux.conf');
    writeFileSync(this.config, ['set -g status off', 'set -g remain-on-exit on', 'set -g history-limit 5000', 'set -g default-shell /bin/sh', ''].join('\n'));
  }

  tmux(...args: string[]): string {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['TMUX'];
    delete env['TMUX_PANE'];
    return execFileSync('tmux', ['-L', this.socket, '-f', this.config, ...args], { encoding: 'utf8', env, timeout: WAIT_MS });
  }

  /** Starts `command` (a /bin/sh command line) in a new session; its exit code is written to a file. */
  start(cwd: string, command: string): Session {
    const name = `s${++this.count}`;
    const exitFile = join(this.dir, `${name}.exit`);
    // the exit code appears whole or not at all
    const line = `cd ${shellQuote(cwd)} && ${command}; echo $? > ${shellQuote(exitFile)}.part && mv ${shellQuote(exitFile)}.part ${shellQuote(exitFile)}`;
    this.tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', line);
    return new Session(this, name, exitFile);
  }

  /** Ends the server and everything it runs. */
  killServer(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

/** Pids whose parent is `pid` (Linux /proc; the children file where the kernel has it, else every stat). */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export class Session {
  constructor(
    private readonly server: Tmux,
    readonly name: string,
    private readonly exitFile: string,
  ) {}

  /** The screen and its scrollback, wrapped lines joined, trailing blank lines dropped. */
  screen(): string {
    return this.server.tmux('capture-pane', '-p', '-J', '-S', '-1000', '-t', this.name).replace(/\s+$/, '');
  }

  /** Presses keys (tmux key names: Enter, Down, C-c, ...). */
  keys(...keys: string[]): void {
    this.server.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Types text literally. */
  type(text: string): void {
    this.server.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** The pid of the command the shell of the pane is running (the shell's only child). */
  commandPid(match: RegExp): number {
    const shell = Number(this.server.tmux('list-panes', '-t', this.name, '-F', '#{pane_pid}').trim());
    const children = childrenOf(shell);
    const pid = children.find((p) => match.test(readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ')));
    if (pid === undefined) throw new Error(`no child of the pane's shell (${shell}) matches ${match}: ${children.join(', ')}`);
    return pid;
  }

  exitCode(): number | undefined {
    return existsSync(this.exitFile) ? Number(readFileSync(this.exitFile, 'utf8').trim()) : undefined;
  }

  /** Polls the screen until `test` holds; fails with the screen as it last was. */
  async waitFor(what: string, test: (screen: string) => boolean, timeoutMs = WAIT_MS): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = this.screen();
      if (test(screen)) return screen;
      if (performance.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; the screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for a line of the screen that starts with `prefix` (the active prompt shows "? "). */
  waitForLine(prefix: string, timeoutMs?: number): Promise<string> {
    return this.waitFor(`a line starting "${prefix}"`, (s) => s.split('\n').some((l) => l.startsWith(prefix)), timeoutMs);
  }

  /** Waits for the command to end; returns its exit code. */
  async waitForExit(timeoutMs = WAIT_MS): Promise<number> {
    await this.waitFor('the command to exit', () => this.exitCode() !== undefined, timeoutMs);
    return this.exitCode()!;
  }
}
