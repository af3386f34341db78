// First load to interactive, on the release build from a local static
// server, in headless Chromium: each run in a new browser context (empty
// HTTP cache, no compiled-code cache, empty storage, so the app opens on
// its sample), one warm-up run first, medians reported. Then the offline
// check: a first visit until the service worker holds the build, and a
// reload with no network, timed to interactive the same way.
//
//   node tests/e2e/bench/load.bench.mjs dist [--runs N]
//
// Every time is measured inside the page from navigation start
// (performance.timeOrigin). "Interactive" is defined as: the app mounted,
// the sample's last paragraph in the DOM, and the app having answered an
// input. A probe injected before any page script waits for the last
// paragraph, at once selects a word of the first body paragraph and
// dispatches `mouseup` on it (what a reader's mouse selection does), and
// the time is taken when the tag palette shows that selection as its
// target: the wasm module received the event, updated its state and
// re-rendered.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../support/server.mjs';
import { launchBrowser } from '../support/app.mjs';
import { cliParse } from '../support/annotator.mjs';
import { ROOT, median } from './corpus.mjs';

/** Runs in the page before its own scripts: records the milestones. */
function probe(lastId) {
  const marks = {};
  window.__loadMarks = marks;
  const now = () => performance.now();
  const watch = new MutationObserver(() => {
    if (!marks.mounted && document.body?.firstElementChild) marks.mounted = now();
    if (!marks.rendered && document.getElementById(lastId)) {
      marks.rendered = now();
      // Answer an input at once: select a word of the first body paragraph,
      // as a mouse drag would, and release the mouse there.
      const para = document.querySelector('section.document p[id^="para-"]:not([id="para-0"])') ?? document.getElementById(lastId);
      const text = [...para.querySelectorAll('*')].concat(para).flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === 3 && n.textContent.trim().length > 4);
      const range = document.createRange();
      const start = text.textContent.search(/\S/);
      range.setStart(text, start);
      range.setEnd(text, start + 4);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      marks.input = now();
      para.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }
    if (marks.input && !marks.interactive && document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection:')) {
      marks.interactive = now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true, characterData: true });
}

async function oneLoad(browser, url, lastId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(probe, lastId);
    await page.goto(url);
    await page.waitForFunction(() => window.__loadMarks?.interactive, null, { timeout: 30_000 });
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return {
        html: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        wasm: wasm?.responseEnd ?? NaN,
        wasmBytes: wasm?.encodedBodySize ?? NaN,
        ...window.__loadMarks,
      };
    });
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    return marks;
  } finally {
    await context.close();
  }
}

export async function loadBench({ dist, runs = 9 }) {
  const server = await serve(dist);
  process.env.RAPPORTEUR_URL = server.url;
  const lastId = `para-${cliParse().paragraphs.length - 1}`;
  const browser = await launchBrowser();
  const samples = [];
  try {
    for (let run = -1; run < runs; run += 1) {
      const marks = await oneLoad(browser, server.url, lastId);
      process.stderr.write(`load: interactive at ${marks.interactive.toFixed(1)} ms (wasm in ${marks.wasm.toFixed(1)}, mounted ${marks.mounted.toFixed(1)}, sample rendered ${marks.rendered.toFixed(1)})\n`);
      if (run >= 0) samples.push(marks);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const keys = ['html', 'domContentLoaded', 'wasm', 'mounted', 'rendered', 'interactive'];
  const medians = Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))]));
  const spread = { min: Math.min(...samples.map((s) => s.interactive)), max: Math.max(...samples.map((s) => s.interactive)) };
  return { runs: samples.length, medians, spread, wasmBytes: samples[0]?.wasmBytes };
}

/**
 * One first visit, then the second with no network: a new context loads the
 * app online and is timed until its service worker holds the whole build
 * ("offline-ready", from navigation start); then the page loses the network
 * (Playwright's setOffline, and the server drops every request, since the
 * worker's own fetches ignore setOffline) and reloads, and the reload is
 * timed to interactive as in `oneLoad`, all from the worker's cache.
 */
async function offlineVisit(browser, server, lastId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(probe, lastId);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__loadMarks?.interactive, null, { timeout: 30_000 });
    const ready = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker.state !== 'activated') await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
      return performance.now();
    });
    const files = await page.evaluate(async () => {
      const [name] = (await caches.keys()).filter((n) => n.startsWith('rapporteur-'));
      return name ? (await (await caches.open(name)).keys()).length : 0;
    });
    await context.setOffline(true);
    server.setDown(true);
    await page.reload();
    await page.waitForFunction(() => window.__loadMarks?.interactive, null, { timeout: 30_000 });
    const offline = await page.evaluate(() => ({
      controlled: navigator.serviceWorker.controller !== null,
      online: navigator.onLine,
      ...window.__loadMarks,
    }));
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    if (!offline.controlled || offline.online) throw new Error('the second visit was not offline and answered by the service worker');
    return { ready, files, offline };
  } finally {
    server.setDown(false);
    await context.close();
  }
}

/** The offline check of `make bench`: `runs` first visits, each followed by a second one with no network. */
export async function offlineBench({ dist, runs = 5 }) {
  const server = await serve(dist);
  process.env.RAPPORTEUR_URL = server.url;
  const lastId = `para-${cliParse().paragraphs.length - 1}`;
  const browser = await launchBrowser();
  const samples = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const visit = await offlineVisit(browser, server, lastId);
      process.stderr.write(`offline: cached ${visit.files} files at ${visit.ready.toFixed(1)} ms; offline reload interactive at ${visit.offline.interactive.toFixed(1)} ms\n`);
      samples.push(visit);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    runs: samples.length,
    files: samples[0]?.files ?? 0,
    ready: median(samples.map((s) => s.ready)),
    interactive: median(samples.map((s) => s.offline.interactive)),
    rendered: median(samples.map((s) => s.offline.rendered)),
    spread: { min: Math.min(...samples.map((s) => s.offline.interactive)), max: Math.max(...samples.map((s) => s.offline.interactive)) },
  };
}

export function offlineTable({ runs, files, ready, interactive, rendered, spread }) {
  const f = (x) => `${x.toFixed(1)} ms`;
  return [
    `| Offline (median of ${runs} first visits, each followed by a reload with no network) | Time |`,
    '| --- | ---: |',
    `| First visit: the service worker active with the whole build cached (${files} files), from navigation start | ${f(ready)} |`,
    `| Second visit, network off: sample rendered (last paragraph in the DOM) | ${f(rendered)} |`,
    `| **Second visit, network off: interactive** (the app answered a selection) | **${f(interactive)}** (${spread.min.toFixed(1)} – ${spread.max.toFixed(1)}) |`,
  ].join('\n');
}

export function loadTable({ medians: m, spread, runs }) {
  const f = (x) => `${x.toFixed(1)} ms`;
  return [
    `| Milestone (from navigation start; median of ${runs} cold loads) | Time |`,
    '| --- | ---: |',
    `| HTML received | ${f(m.html)} |`,
    `| DOMContentLoaded | ${f(m.domContentLoaded)} |`,
    `| wasm received (rapporteur_bg.wasm, uncompressed from the local server) | ${f(m.wasm)} |`,
    `| App mounted (first element in body) | ${f(m.mounted)} |`,
    `| Sample rendered (last paragraph in the DOM) | ${f(m.rendered)} |`,
    `| **Interactive** (the app answered a selection: tag palette shows it) | **${f(m.interactive)}** (${spread.min.toFixed(1)} – ${spread.max.toFixed(1)}) |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 9;
  const dist = resolve(args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? join(ROOT, 'dist'));
  const result = await loadBench({ dist, runs });
  console.log(loadTable(result));
  console.log('');
  console.log(offlineTable(await offlineBench({ dist, runs: Math.min(runs, 5) })));
}
