// Offline after the first visit, and updates that never mix versions: the
// service worker (assets/sw.js, written into each build by
// scripts/sw-manifest.sh) and the web app manifest, on the release build.
//
// Each test serves its own copy of the build on its own origin (so service
// worker registrations never meet), and takes the network away the two ways
// it goes: Playwright's `setOffline` for the page, and the server itself
// dropping every request (a service worker's own fetches are not affected by
// `setOffline`). Two "deploys" of one build are made by marking a copy of
// dist/: a string appended to the JavaScript glue (rapporteur.js) and a
// custom section added to the wasm, then the worker written again for that
// copy; an init script records, at every instantiation in the page, which
// glue instantiated which wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPersistent, sharedBrowser } from './support/app.mjs';
import { serve } from './support/server.mjs';
import { ROOT, SAMPLE_TEXT, annotate, exportVia, listedAnnotations, regions, stored } from './support/annotator.mjs';

const browser = sharedBrowser();
const DIST = process.env.RAPPORTEUR_DIST;
const MARK = 'rapporteur-e2e-build';
/** The file-name stem of the sample release, which these tests annotate (its symbol, `/` as `-`). */
const SAMPLE_STEM = SAMPLE_TEXT.match(/^([A-Z]+(?:\/[A-Z]+)*\/\d+)$/m)[1].replaceAll('/', '-');

/** A leb128-encoded unsigned integer. */
function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

/**
 * A copy of the release build marked `label` in its glue and its wasm, with
 * its service worker written again (a new version). With `wasmFrom`, the
 * copy's wasm is taken from that other copy after the worker is written: a
 * deploy caught half done, whose worker names files the server does not have.
 */
function deployCopy(t, label, { wasmFrom } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `rapporteur-deploy-${label}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(DIST, dir, { recursive: true });
  appendFileSync(join(dir, 'rapporteur.js'), `\nglobalThis.__rapporteurE2eGlue = ${JSON.stringify(label)};\n`);
  const name = Buffer.from(MARK);
  const payload = Buffer.concat([leb(name.length), name, Buffer.from(label)]);
  appendFileSync(join(dir, 'rapporteur_bg.wasm'), Buffer.concat([Buffer.from([0]), leb(payload.length), payload]));
  execFileSync('bash', [join(ROOT, 'scripts', 'sw-manifest.sh'), dir, 'release'], { stdio: 'ignore' });
  if (wasmFrom) writeFileSync(join(dir, 'rapporteur_bg.wasm'), readFileSync(join(wasmFrom, 'rapporteur_bg.wasm')));
  return dir;
}

/** The version a build's service worker was written with. */
function versionOf(dir) {
  const match = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const BUILD = \{ version: '([0-9a-f]{16})', caching: true,/m);
  assert.ok(match, `${dir}/sw.js is a release build's worker`);
  return match[1];
}

/** Runs in the page before its scripts: records which glue instantiated which wasm. */
function recordInstantiations(mark) {
  window.__instantiated = [];
  const record = (module) => {
    const [section] = WebAssembly.Module.customSections(module, mark);
    window.__instantiated.push({
      glue: globalThis.__rapporteurE2eGlue ?? null,
      wasm: section ? new TextDecoder().decode(section) : null,
    });
  };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (...args) {
    const result = await streaming.apply(this, args);
    record(result.module);
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    record(result.module ?? args[0]);
    return result;
  };
}

/** A page on `url` in a context that allows service workers; errors collected. */
async function openOn(t, url) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  t.after(() => context.close());
  await context.addInitScript(recordInstantiations, MARK);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await appReady(page);
  return { context, page, errors };
}

/** The app mounted and drawn (the sample on a first visit, the saved work after). */
async function appReady(page) {
  await regions(page).document.locator('.para').first().waitFor();
}

/** What this page instantiated: one { glue, wasm } per instantiation. */
const instantiated = (page) => page.evaluate(() => window.__instantiated);

/** Waits until the service worker of `version` is active and its cache complete; returns the cache names. */
async function activeVersion(page, version) {
  await page.waitForFunction(
    async (version) => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active?.state === 'activated' && (await caches.keys()).includes(`rapporteur-${version}`);
    },
    version,
    { timeout: 60_000, polling: 100 },
  );
  return page.evaluate(() => caches.keys());
}

/** The network gone, for the page and for its service worker. */
async function goOffline(context, server) {
  await context.setOffline(true);
  server.setDown(true);
}

async function goOnline(context, server) {
  server.setDown(false);
  await context.setOffline(false);
}

test('after one visit the app opens with no network: the work is there, tagging, exports and the exchange module work', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const { context, page, errors } = await openOn(t, server.url);
  const version = versionOf(DIST);

  // The first visit: tag a passage; the worker installs the whole build.
  const made = await annotate(page, 'the head of the United Nations Mine Action Service', { tag: 'Claim' });
  assert.deepEqual(await activeVersion(page, version), [`rapporteur-${version}`]);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort(), `rapporteur-${version}`);
  for (const file of ['/index.html', '/boot.js', '/rapporteur.js', '/rapporteur_bg.wasm', '/parse-worker.js', '/exchange-worker.js', '/rapporteur-exchange.js', '/rapporteur-exchange_bg.wasm', '/app.css', '/favicon.svg', '/manifest.webmanifest', '/icon-192.png']) {
    assert.ok(cached.includes(file), `${file} is cached (cached: ${cached.join(', ')})`);
  }
  const before = await stored(page);

  // No network: a reload still opens the app, from the cache.
  await goOffline(context, server);
  await page.reload();
  await appReady(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker answers the page');
  await page.waitForFunction((id) => document.querySelector(`section.document [data-annotations~="${id}"]`) !== null, made.id);
  assert.deepEqual((await listedAnnotations(page)).map((a) => a.quote), ['the head of the United Nations Mine Action Service']);
  assert.deepEqual((await stored(page)).annotations, before.annotations, 'the saved work is intact');

  // Interactive: a new tag, our JSON export, and another tool's format (the
  // exchange module, fetched for the first time now, from the cache).
  await annotate(page, 'Unexploded shells and improvised devices', { key: '3' });
  assert.equal((await stored(page)).annotations.length, 2);
  const json = JSON.parse((await exportVia(page, 'Export JSON')).bytes.toString('utf8'));
  assert.equal(json.annotations.length, 2);
  const doccano = await exportVia(page, 'Export doccano JSONL');
  assert.equal(doccano.name, `${SAMPLE_STEM}.doccano.jsonl`);
  assert.equal(JSON.parse(doccano.bytes.toString('utf8').trim()).label.length, 2);

  // A new tab with no network opens the app too.
  const second = await context.newPage();
  await second.goto(server.url);
  await appReady(second);
  assert.equal((await listedAnnotations(second)).length, 2);
  await second.close();

  await goOnline(context, server);
  assert.deepEqual(errors, []);
});

test('the app installs: a manifest with name, icons, start URL, standalone display, theme colour', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  // A profile on disk: Chromium never installs apps from an incognito context.
  const profile = mkdtempSync(join(tmpdir(), 'rapporteur-profile-'));
  const context = await launchPersistent(profile);
  t.after(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(server.url);
  await appReady(page);
  await activeVersion(page, versionOf(DIST));
  const cdp = await context.newCDPSession(page);
  const { url, errors: manifestErrors } = await cdp.send('Page.getAppManifest', {});
  assert.equal(new URL(url).pathname, '/manifest.webmanifest');
  assert.deepEqual(manifestErrors, [], 'the manifest parses without a complaint');
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, 'Rapporteur');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#1d2330');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, server.url).href);
    assert.equal(response.status(), 200, `${icon.src} is served`);
    assert.equal(response.headers()['content-type'], icon.type);
    if (icon.type === 'image/png') {
      const png = await response.body();
      const side = Number(icon.sizes.split('x')[0]);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [side, side], `${icon.src} is ${icon.sizes}`);
    }
  }
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium finds nothing that stops installing the app');
  assert.deepEqual(errors, []);
});

test('a new deploy: the page keeps one version whole, a half-done deploy is never taken, and the update brings the new glue and wasm together', async (t) => {
  const one = deployCopy(t, 'one');
  const two = deployCopy(t, 'two');
  const half = deployCopy(t, 'half', { wasmFrom: one });
  const [v1, v2, vHalf] = [versionOf(one), versionOf(two), versionOf(half)];
  assert.equal(new Set([v1, v2, vHalf]).size, 3, 'each deploy is its own version');
  const server = await serve(one);
  t.after(() => server.close());
  const { page, errors } = await openOn(t, server.url);
  const made = await annotate(page, 'the head of the United Nations Mine Action Service', { tag: 'Claim' });
  await activeVersion(page, v1);
  const same = (label) => [{ glue: label, wasm: label }];
  assert.deepEqual(await instantiated(page), same('one'));
  await page.reload();
  await appReady(page);
  assert.deepEqual(await instantiated(page), same('one'), 'from the cache, the same version');

  // A deploy caught half done: its worker lists a wasm the server does not
  // have. It fails to install; the page stays on version one, whole.
  server.deploy(half);
  const attempt = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const settled = new Promise((resolve) => {
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'redundant' || worker.state === 'installed') resolve(worker.state);
        });
      });
    });
    await registration.update().catch(() => {});
    return settled;
  });
  assert.equal(attempt, 'redundant', 'the half deploy’s worker is thrown away');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`rapporteur-${v1}`], 'nothing of the half deploy is kept');
  await page.reload();
  await appReady(page);
  assert.deepEqual(await instantiated(page), same('one'));
  assert.equal(await page.locator('.update-banner').count(), 0);

  // The whole new deploy: it installs and waits; this page keeps version one
  // (its glue and wasm, and the new page it navigates to) until the reader
  // takes the update.
  server.deploy(two);
  await page.reload();
  await appReady(page);
  assert.deepEqual(await instantiated(page), same('one'), 'a new deploy does not change a page of the old one');
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Rapporteur is ready.' });
  await banner.waitFor({ timeout: 60_000 });
  assert.ok((await page.evaluate(() => caches.keys())).includes(`rapporteur-${v2}`), 'the new version is cached, whole, beside the old');
  const doccano = await exportVia(page, 'Export doccano JSONL');
  assert.equal(JSON.parse(doccano.bytes.toString('utf8').trim()).label.length, 1, 'the old page’s exchange worker still works');

  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await appReady(page);
  await page.waitForFunction(() => window.__instantiated?.length > 0);
  assert.deepEqual(await instantiated(page), same('two'), 'after the update: the new glue with the new wasm');
  await activeVersion(page, v2);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`rapporteur-${v2}`], 'the old version’s cache is gone');
  await page.waitForFunction((id) => document.querySelector(`section.document [data-annotations~="${id}"]`) !== null, made.id);

  // And version two now opens with no network.
  server.setDown(true);
  await page.context().setOffline(true);
  await page.reload();
  await appReady(page);
  assert.deepEqual(await instantiated(page), same('two'));
  await page.context().setOffline(false);
  server.setDown(false);
  assert.deepEqual(errors, []);
});
