// The in-process tier runs the code the build emits (dist/, what the package ships) rather than transforming
// src/ for every worker: see vitest.config.ts. This global setup makes sure dist/ is the build of today's
// src/: when any file under src/ is newer than the build's last output, it builds first and says so.
// (`npm test` builds anyway; this is for `npx vitest run some.test.ts` after an edit.)

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the build writes last (src/build/bundle-commander.ts). */
const LAST_OUTPUT = join(ROOT, 'dist/vendor/commander.cache');

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(LAST_OUTPUT).mtimeMs;
  } catch {
    return -1;
  }
}

export default function setup(): void {
  if (process.env['CXM_TEST_SOURCES'] === '1') return;
  if (builtAt() >= newestUnder(join(ROOT, 'src'))) return;
  process.stderr.write('dist/ is older than src/: building it first (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
