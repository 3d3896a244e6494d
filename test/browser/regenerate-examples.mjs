// Regenerates every example made from the example answers, in one command (`npm run examples`, which builds
// first): the Markdown and HTML report of examples/quarters/2026-Q4.yaml, the Markdown and HTML comparison of
// examples/quarters/, and page 1 of each HTML page as printed on A4 (PNG), shown in the README.
// The tests keep the four text files in sync with cxm; the screenshots are for people only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUARTERS = ['examples/quarters/2026-Q2.yaml', 'examples/quarters/2026-Q3.yaml', 'examples/quarters/2026-Q4.yaml'];

function cxm(...args) {
  execFileSync(process.execPath, [join(ROOT, 'bin/cxm.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

cxm('report', 'examples/quarters/2026-Q4.yaml', '-o', 'examples/acme-2026-q4.md');
cxm('report', 'examples/quarters/2026-Q4.yaml', '-f', 'html', '-o', 'examples/acme-2026-q4.html');
cxm('compare', ...QUARTERS, '-f', 'markdown', '-o', 'examples/quarters/comparison.md');
cxm('compare', ...QUARTERS, '-f', 'html', '-o', 'examples/quarters/comparison.html');

// the README shows page 1 as printed on A4: the PDF's first page, as a PNG (pdftoppm, from poppler-utils)
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 1180 } });
  const dir = mkdtempSync(join(tmpdir(), 'cxm-examples-'));
  for (const name of ['examples/acme-2026-q4', 'examples/quarters/comparison']) {
    await page.goto(pathToFileURL(join(ROOT, `${name}.html`)).href);
    writeFileSync(join(dir, 'page.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(ROOT, name)]);
    console.error(`Wrote ${name}.png`);
  }
  rmSync(dir, { recursive: true, force: true });
} finally {
  await browser.close();
}
