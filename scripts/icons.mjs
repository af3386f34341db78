// Renders the app icon (assets/icon.svg) to the PNG sizes the web app
// manifest lists (assets/icon-192.png, assets/icon-512.png), in Debian's
// Chromium with the e2e tests' playwright-core. Run it after changing the
// SVG; the PNGs are committed.
//
//   node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { chromium } = createRequire(`${root}tests/e2e/package.json`)('playwright-core');
const svg = readFileSync(`${root}assets/icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `${root}assets/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`icons: assets/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
