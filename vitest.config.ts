import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // end-to-end tests spawn bin/cxm.js; 2 cores, so keep the pool small
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
