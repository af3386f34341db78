// Helpers for the reliability tests: tagging without waiting on autosave
// (which may be failing on purpose), reading what the page shows and
// stores, and watching the page for things that must not happen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STATE_KEY, exportJson, listedAnnotations, readStored, regions, selectByMouse, until } from './annotator.mjs';

export const BACKUP_KEY = 'rapporteur.state.backup';

/**
 * Selects `passage` with the mouse and tags it with the tag button `tag`;
 * resolves once the Annotations list has one more item. Unlike
 * `annotate()` it does not wait for autosave, so it works with storage
 * full or disabled.
 */
export async function tagPassage(page, passage, tag = 'Claim') {
  const before = (await listedAnnotations(page)).length;
  await selectByMouse(page, passage);
  await regions(page).tags.getByRole('button', { name: tag, exact: true }).click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('.annotations-panel .annotation-list > li').length === count,
    before + 1,
  );
}

/** The raw string under `key` in this page's localStorage, or null. */
export const rawStored = (page, key = STATE_KEY) =>
  page.evaluate((key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }, key);

/** Waits until the library holds the open release with `count` annotations. */
export async function storedCount(page, count) {
  await until(() => readStored(page), (state) => state?.annotations.length === count, `${count} stored annotation(s)`);
}

/** The exact quotes of the open release's stored annotations (none when nothing is stored). */
export async function storedQuotes(page) {
  const state = await readStored(page);
  if (state === null) return [];
  const points = [...state.text];
  return state.annotations.map((a) => points.slice(a.start, a.end).join('')).sort();
}

/** The quotes the Annotations list shows, sorted. */
export const listedQuotes = async (page) => (await listedAnnotations(page)).map((a) => a.quote).sort();

/** Exports with "Export JSON" and returns the exact quotes it holds, sorted. */
export async function exportedQuotes(page) {
  const { json } = await exportJson(page);
  assert.equal(json.format, 'rapporteur-annotations/1');
  return json.annotations.map((a) => a.exact).sort();
}

/** Reads a download's contents as text. */
export async function downloadText(download) {
  return readFileSync(await download.path(), 'utf8');
}

/**
 * Installed before the app loads (context.addInitScript): collects
 * Content-Security-Policy violations and dialogs into `window.__faults`.
 */
export function watchPage() {
  window.__faults = { csp: [], dialogs: 0 };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__faults.csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
}

/** The CSP violations the page saw so far. */
export const cspViolations = (page) => page.evaluate(() => window.__faults?.csp ?? []);
