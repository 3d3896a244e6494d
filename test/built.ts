// Every test runs against the build of today's sources: the in-process tier imports dist/ (see vitest.config.ts)
// and the isolated tier starts bin/cxm.js, which runs dist/. This global setup of `npm test` (and of any
// `npx vitest run`) builds first when dist/ is missing or older than anything it is built from (src/,
// tsconfig.json, package.json), and says so; when the build is current it costs nothing, as make would.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the build writes last (src/build/bundle-commander.ts). */
const LAST_OUTPUT = join(ROOT, 'dist/vendor/commander.cache');

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

/** The newest change to what the build reads. */
function newestSource(): number {
  let newest = Math.max(mtime(join(ROOT, 'tsconfig.json')), mtime(join(ROOT, 'package.json')));
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtime(join(entry.parentPath, entry.name)));
  }
  return newest;
}

function builtAt(): number | undefined {
  try {
    return mtime(LAST_OUTPUT);
  } catch {
    return undefined;
  }
}

export default function setup(): void {
  const built = builtAt();
  if (built !== undefined && built >= newestSource()) return;
  process.stderr.write(built === undefined ? 'building dist/ (npm run build)\n' : 'dist/ is older than src/: building it again (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
