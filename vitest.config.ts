import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/deadlines.js';

/**
 * The tests that need a real process: a terminal (tmux), a browser, the installed package, signals and
 * kills, and what a process loads at start-up; also module mocks, which need a fresh module registry.
 * Everything else runs in process through main() and shares one module registry per worker.
 */
const ISOLATED = [
  'test/browser/**/*.test.ts',
  'test/cli/loads.test.ts',
  'test/cli/bin.test.ts',
  'test/cli/start-up.test.ts',
  'test/crash/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/session/crash.test.ts',
  'test/session/terminal.test.ts',
  'test/targets/terminal.test.ts',
  'test/hostile/corpus-bin.test.ts',
  'test/hostile/unreadable-dir.test.ts',
];

/**
 * The in-process tier imports the build (dist/, what bin/cxm.js and the package run) natively, instead of
 * having Vite transform src/ in every worker: a test's `../../src/x.js` is read as `dist/x.js`, which Node
 * loads itself (about 2 s less of the tier's 20, in paired runs). test/built.ts builds first when dist/ is
 * missing or older than src/. CXM_TEST_SOURCES=1 runs src/ through Vite instead (watch mode, a debugger, a
 * source line in a stack trace).
 */
const FROM_BUILD = process.env['CXM_TEST_SOURCES'] !== '1';
const DIST = fileURLToPath(new URL('./dist/', import.meta.url));

/** The slowest first (they mostly wait on other processes), so that the in-process files fill the gaps. */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => (spec.project.name === 'isolated' ? 0 : 1);
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/built.ts'],
    // temporary files on tmpfs where there is one: every save is fsync'd, and a disk makes that the slowest part
    ...(existsSync('/dev/shm') ? { env: { TMPDIR: '/dev/shm' } } : {}),
    // 2 cores; the isolated tests spend most of their time waiting on the processes they start
    pool: 'forks',
    maxWorkers: 2,
    // long enough for a busy machine (test/deadlines.ts): a timeout only decides how long a hang takes to fail
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        extends: true,
        ...(FROM_BUILD ? { resolve: { alias: [{ find: /^(?:\.\.\/)+src\/(.*\.js)$/, replacement: `${DIST}$1` }] } } : {}),
        test: {
          name: 'in-process',
          include: ['test/**/*.test.ts'],
          exclude: ISOLATED,
          isolate: false,
          // a larger young generation: these workers allocate much and keep little (fewer scavenges, ~4% faster)
          execArgv: ['--max-semi-space-size=32'],
          ...(FROM_BUILD ? { server: { deps: { external: [/\/dist\//] } } } : {}),
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
