// Headless Chromium from the system (Debian's `chromium` package), driven by playwright-core: no browser
// download, which does not work here. Shared by the browser tests and the example regeneration script.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The browser: $CXM_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CXM_CHROMIUM || '/usr/bin/chromium';

// --no-sandbox: the tests run as root in CI containers, where Chromium's sandbox cannot start
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Chromium, or fails with what to install: the browser tests never skip silently. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the HTML report is tested in a real browser. Install it (apt-get install chromium; .ci/run does this) or set CXM_CHROMIUM to a Chromium executable.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
