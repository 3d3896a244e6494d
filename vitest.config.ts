import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // temporary files on tmpfs where there is one: every save is fsync'd, and a disk makes that the slowest part
    ...(existsSync('/dev/shm') ? { env: { TMPDIR: '/dev/shm' } } : {}),
    // end-to-end tests spawn bin/cxm.js; 2 cores, so keep the pool small
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
