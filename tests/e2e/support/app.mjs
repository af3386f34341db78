// Opens the app in Debian's Chromium, the way the tests and benchmarks need it:
// the same fonts, window size and device scale on every machine, so that
// what is on screen where does not depend on what the machine happens to have.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Where the app is served; run.mjs and the benchmark set it before launching. */
export function appUrl() {
  return process.env.RAPPORTEUR_URL;
}

/** Chromium flags that work as root on these machines with no network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The only fonts Chromium sees (support/fonts.conf): Debian's fonts-dejavu-core. */
const FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));
const FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Every context's window: the size and scale the tests' layouts are measured in. */
export const LAYOUT = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

export function launchBrowser() {
  if (!appUrl()) throw new Error('RAPPORTEUR_URL is not set: run the tests through tests/e2e/run.mjs');
  if (!existsSync(FONT_FILE)) {
    throw new Error(`${FONT_FILE} is missing: run scripts/setup.sh test (it installs fonts-dejavu-core)`);
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
}

/**
 * A browser with a profile on disk in `userDataDir` (not incognito, as every
 * other context is): what Chromium needs before it calls an app installable.
 * Resolves to its one context; closing it closes the browser.
 */
export function launchPersistent(userDataDir, options = {}) {
  if (!appUrl()) throw new Error('RAPPORTEUR_URL is not set: run the tests through tests/e2e/run.mjs');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    ...LAYOUT,
    ...options,
  });
}

/**
 * The browser the tests of one file share: launched before them, closed
 * after. Tests only ever open contexts on it, so that is what it offers.
 * Its contexts block the app's service worker unless a test allows it
 * (`{ serviceWorkers: 'allow' }`, as offline.test.mjs does): the other tests
 * watch and reroute the page's requests, which a worker answering from its
 * cache, or precaching in the background, would hide from them.
 */
export function sharedBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return { newContext: (options) => browser.newContext({ ...LAYOUT, serviceWorkers: 'block', ...options }) };
}

/**
 * A fresh page (its own storage) with the app loaded and rendered. Errors the
 * page throws or logs are collected in `errors` so tests can assert none.
 */
export async function openApp(browser, options = {}) {
  const context = options.context ?? (await browser.newContext(options.contextOptions));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // What a test sets up on the page before the app's first script runs.
  if (options.before) await options.before(page);
  await page.goto(appUrl());
  await page.getByRole('region', { name: 'Document' }).waitFor();
  return { context, page, errors };
}
