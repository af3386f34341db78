// Helpers for driving the annotator the way a reader does (mouse drags,
// keys) and for reading back what it shows and what it stored.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './app.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SAMPLE_PATH = join(ROOT, 'core', 'src', 'sample', 'un_meeting.txt');
export const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8');
export const STATE_KEY = 'rapporteur.state';

/** The default palette in digit-key order (docs/ANNOTATIONS.md). */
export const DEFAULT_TAGS = ['Claim', 'Commitment', 'Concern', 'Criticism', 'Proposal', 'Evidence'];

/** The Facts panel's group titles, by fact kind, in the panel's order. */
export const FACT_GROUPS = [
  ['quote', 'Quotes'],
  ['organization', 'Organizations'],
  ['country', 'Countries'],
  ['money', 'Money'],
  ['quantity', 'Quantities'],
  ['percent', 'Percentages'],
  ['date', 'Dates'],
  ['time', 'Times'],
  ['resolution', 'Resolutions'],
  ['document', 'Documents'],
];

const parsed = new Map();
/**
 * The native parser's reading of a file (`rapporteur-cli parse`), the
 * reference the app's panels must agree with. Built once per process.
 */
export function cliParse(path = SAMPLE_PATH) {
  if (!parsed.has(path)) {
    const json = execFileSync('cargo', ['run', '-q', '--bin', 'rapporteur-cli', '--', 'parse', path], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    parsed.set(path, JSON.parse(json));
  }
  return parsed.get(path);
}

/**
 * A fresh page in a context of its own (empty storage), closed when the
 * test `t` ends, whatever its outcome.
 */
export async function fresh(t, browser, options) {
  const app = await openApp(browser, options);
  t.after(() => app.context.close());
  return app;
}

/** Code points, the unit of every offset Rapporteur stores. */
export const codePoints = (text) => [...text];
export const slice = (text, start, end) => codePoints(text).slice(start, end).join('');

export const regions = (page) => ({
  document: page.getByRole('region', { name: 'Document' }),
  speakers: page.getByRole('region', { name: 'Speakers' }),
  facts: page.getByRole('region', { name: 'Facts' }),
  tags: page.getByRole('region', { name: 'Tags' }),
  annotations: page.getByRole('region', { name: 'Annotations' }),
});

export const textarea = (page) => page.getByRole('textbox', { name: 'Press release text' });

/** Replaces the release text and parses it at once with the Parse button. */
export async function loadText(page, text) {
  await textarea(page).fill(text);
  await page.getByRole('button', { name: 'Parse', exact: true }).click();
  const last = text.trim().split('\n').filter((line) => line.trim()).at(-1).trim();
  await page.waitForFunction(
    (last) => {
      const paragraphs = document.querySelectorAll('section.document .para');
      return paragraphs.length > 0 && paragraphs[paragraphs.length - 1].textContent.includes(last);
    },
    last,
  );
}

/**
 * Where a passage of the document is: finds `text` (its `occurrence`-th
 * match) in the text of the document's segments, scrolls it into view and
 * returns points just inside its first and last characters, plus the
 * passage's code-point offsets in the document text. Paragraphs are joined
 * with "\n" for the search, so passages should stay within one paragraph.
 * With `paneOnly`, only the document pane scrolls (to put the passage in its
 * middle, as far as it can), never the page around it.
 *
 * The points are measured, not assumed: paragraphs off screen are laid out
 * only once they scroll into view (`content-visibility: auto`), which can
 * move the passage after the scroll, so it is measured again after the
 * browser has drawn until two measures agree, and each point is checked to
 * hit the passage's own text.
 */
export async function locatePassage(page, text, { occurrence = 0, paneOnly = false } = {}) {
  let last = null;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await measurePassage(page, text, occurrence, paneOnly ? 'pane' : 'page');
    await settleScroll(page);
    const found = await measurePassage(page, text, occurrence, null);
    const same = (a, b) => a && b && ['from', 'to'].every((k) => a[k].x === b[k].x && a[k].y === b[k].y);
    if (found.hits && same(found, last)) return found;
    last = found;
  }
  throw new Error(`"${text}" did not hold still on screen: ${JSON.stringify(last)}`);
}

/** One measure of a passage (see locatePassage), scrolling it first if `scroll`. */
async function measurePassage(page, text, occurrence, scroll) {
  const found = await page.evaluate(
    ({ text, occurrence, scroll }) => {
      const root = document.querySelector('section.document');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement.closest('[data-start]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
      });
      let all = '';
      const pieces = [];
      let paragraph = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const para = node.parentElement.closest('.para');
        if (paragraph && para !== paragraph) all += '\n';
        paragraph = para;
        pieces.push({ node, at: all.length });
        all += node.data;
      }
      let index = -1;
      for (let i = 0; i <= occurrence; i += 1) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return { error: `"${text}" (occurrence ${occurrence}) is not in the document` };
      }
      const at = (unit) => {
        const piece = pieces.findLast((p) => p.at <= unit && unit < p.at + p.node.data.length);
        return { node: piece.node, offset: unit - piece.at };
      };
      // First and last characters, whole code points.
      const first = at(index);
      const lastUnit = index + text.length - 1;
      const lowSurrogate = /[\udc00-\udfff]/.test(all[lastUnit]);
      const last = at(lowSurrogate ? lastUnit - 1 : lastUnit);
      const charRect = ({ node, offset }, last) => {
        const range = document.createRange();
        const width = /[\ud800-\udbff]/.test(node.data[offset]) ? 2 : 1;
        range.setStart(node, offset);
        range.setEnd(node, offset + width);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        return last ? rects.at(-1) : rects[0];
      };
      const para = first.node.parentElement.closest('.para');
      if (scroll === 'pane') {
        const paraBox = para.getBoundingClientRect();
        const paneBox = root.getBoundingClientRect();
        root.scrollTop += paraBox.top - paneBox.top - (root.clientHeight - paraBox.height) / 2;
      } else if (scroll === 'page') {
        para.scrollIntoView({ block: 'center' });
      }
      const a = charRect(first, false);
      const b = charRect(last, true);
      if (!a || !b) return { error: `"${text}" has no visible box` };
      const inset = (rect) => Math.min(1, rect.width / 4);
      const segment = first.node.parentElement.closest('[data-start]');
      const before = first.node.data.slice(0, first.offset);
      const start = Number(segment.dataset.start) + [...before].length;
      const from = { x: a.left + inset(a), y: a.top + a.height / 2 };
      const to = { x: b.right - inset(b), y: b.top + b.height / 2 };
      // The mouse would land on this passage's paragraph, not on something
      // covering it or on the pane's edge.
      const hit = ({ x, y }) => para.contains(document.elementFromPoint(x, y));
      return { from, to, start, end: start + [...text].length, hits: hit(from) && hit(to) };
    },
    { text, occurrence, scroll },
  );
  if (found.error) throw new Error(found.error);
  return found;
}

/** The current DOM selection as text. */
export const selectionText = (page) => page.evaluate(() => String(window.getSelection()));

/** The target line of the Tags panel ("Selection: “…”"). */
export const targetText = (page) => page.locator('.tag-palette .target').textContent();

/**
 * Selects `text` in the document with a real mouse drag, from just inside
 * its first character to just inside its last, so the app reads the
 * selection on mouseup as it does for a reader. Waits until the Tags panel
 * shows the (snapped) selection as the target.
 */
export async function selectByMouse(page, text, options) {
  const { from, to, start, end } = await locatePassage(page, text, options);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  assert.equal(await selectionText(page), text, 'the mouse drag selected exactly the passage');
  await page.waitForFunction(() =>
    document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection:'),
  );
  return { start, end };
}

/**
 * Selects `text` with the keyboard: a double click takes its first word
 * (Chromium extends only a range selection from the keyboard in text that is
 * not editable), then Shift+ArrowRight extends the selection one character
 * at a time; the app reads it on keyup. For text without combining marks or
 * emoji, starting with a whole word.
 */
export async function selectByKeyboard(page, text, options) {
  const { from, start, end } = await locatePassage(page, text, options);
  await page.mouse.dblclick(from.x, from.y);
  const word = await selectionText(page);
  assert.ok(word.length > 0 && text.startsWith(word), `the double click selected "${word}"`);
  for (let i = word.length; i < text.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await selectionText(page), text, 'Shift+ArrowRight selected exactly the passage');
  await page.waitForFunction(
    (expected) => document.querySelector('.tag-palette .target')?.textContent.includes(expected),
    text.slice(word.length),
  );
  return { start, end };
}

/**
 * Clicks inside the first `text` of the document: in the middle of it when
 * it lies on one line, else just inside its first character (the middle of
 * a passage that wraps can fall outside it).
 */
export async function clickInDocument(page, text) {
  const { from, to } = await locatePassage(page, text);
  const oneLine = Math.abs(from.y - to.y) < 2;
  await page.mouse.click(oneLine ? (from.x + to.x) / 2 : from.x, from.y);
}

/**
 * The open release as the library stored it in IndexedDB, or null: its
 * text, the codebook's tags, its annotations and orphans (the fields of the
 * old autosave, so that tests read it alike). Never creates the database.
 */
export const readStored = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('rapporteur');
        request.onupgradeneeded = () => request.transaction.abort();
        request.onerror = () => resolve(null);
        request.onsuccess = () => {
          const db = request.result;
          const stores = ['settings', 'texts', 'annotations', 'codebook'];
          if (!stores.every((s) => db.objectStoreNames.contains(s))) {
            db.close();
            resolve(null);
            return;
          }
          const tx = db.transaction(stores, 'readonly');
          const get = (store, key) =>
            new Promise((done) => {
              const r = tx.objectStore(store).get(key);
              r.onsuccess = () => done(r.result ?? null);
              r.onerror = () => done(null);
            });
          (async () => {
            const settings = await get('settings', 'settings');
            const id = settings?.open;
            if (!id) return null;
            const [text, work, codebook] = await Promise.all([
              get('texts', id),
              get('annotations', id),
              get('codebook', 'codebook'),
            ]);
            if (!text) return null;
            return {
              id,
              // Bytes, or a Blob of them for a long text (src/app/library_db/texts.rs).
              text:
                typeof text.text === 'string'
                  ? text.text
                  : text.text instanceof Blob
                    ? await text.text.text()
                    : new TextDecoder().decode(text.text),
              tags: codebook?.tags ?? [],
              annotations: work?.annotations ?? [],
              // As the old autosave had them: the annotation's fields and its quote.
              orphans: (work?.orphans ?? []).map((o) => ({ ...o.annotation, ...o.quote })),
              revision: work?.revision ?? 0,
            };
          })().then((state) => {
            db.close();
            resolve(state);
          });
        };
      }),
  );

/** Every release the library stored: id, text, annotations. */
export const readLibrary = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('rapporteur');
        request.onupgradeneeded = () => request.transaction.abort();
        request.onerror = () => resolve(null);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['documents', 'texts', 'annotations', 'codebook'], 'readonly');
          const all = (store) =>
            new Promise((done) => {
              const r = tx.objectStore(store).getAll();
              r.onsuccess = () => done(r.result);
            });
          Promise.all([all('documents'), all('texts'), all('annotations'), all('codebook')]).then(
            async ([documents, stored, works, codebook]) => {
              db.close();
              // Bytes, or a Blob of them for a long text (src/app/library_db/texts.rs).
              const texts = await Promise.all(
                stored.map(async (t) => ({ id: t.id, text: t.text instanceof Blob ? await t.text.text() : t.text })),
              );
              resolve({
                codebook: codebook[0]?.tags ?? [],
                releases: documents.map((d) => ({
                  id: d.id,
                  summary: d.summary,
                  text: ((stored) => (stored instanceof Uint8Array ? new TextDecoder().decode(stored) : stored))(
                    texts.find((t) => t.id === d.id)?.text,
                  ),
                  annotations: works.find((w) => w.id === d.id)?.annotations ?? [],
                  orphans: works.find((w) => w.id === d.id)?.orphans ?? [],
                })),
              });
            },
          );
        };
      }),
  );

/** Polls `read` until `ok` holds of its result (10 s at most). */
export async function until(read, ok, what = 'the condition') {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * The open release as stored, or null, once the library has written the
 * last change ("All changes saved" in the header).
 */
export async function stored(page) {
  await page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state !== 'saving');
  return readStored(page);
}

/** Waits until the open release is stored with `count` annotations, and returns it. */
export async function storedWith(page, count) {
  await until(() => readStored(page), (state) => state?.annotations.length === count, `${count} stored annotation(s)`);
  return stored(page);
}

/**
 * What the document draws for each annotation id: the code-point ranges
 * its highlighted segments cover (adjacent segments merged), and their text.
 */
export async function highlights(page) {
  const spans = await page.evaluate(() =>
    [...document.querySelectorAll('section.document [data-annotations]')].map((span) => ({
      start: Number(span.dataset.start),
      text: span.textContent,
      ids: span.dataset.annotations.split(' '),
      annotated: span.classList.contains('annotated'),
      selected: span.classList.contains('selected'),
    })),
  );
  const byId = new Map();
  for (const span of spans) {
    assert.ok(span.annotated, 'a segment with data-annotations has the class "annotated"');
    const end = span.start + codePoints(span.text).length;
    for (const id of span.ids) {
      const ranges = byId.get(id) ?? [];
      const lastRange = ranges.at(-1);
      if (lastRange && lastRange.end === span.start) {
        lastRange.end = end;
        lastRange.text += span.text;
      } else {
        ranges.push({ start: span.start, end, text: span.text });
      }
      byId.set(id, ranges);
    }
  }
  return { spans, byId };
}

/** The Annotations list as the reader sees it. */
export async function listedAnnotations(page) {
  return page.locator('.annotations-panel .annotation-list > li').evaluateAll((items) =>
    items.map((item) => ({
      tag: item.querySelector('.tag-chip').textContent,
      quote: item.querySelector('q').textContent,
      meta: item.querySelector('.annotation-meta').textContent,
      selected: item.classList.contains('selected'),
    })),
  );
}

/** Code points around `start..end`, as exports carry them. */
export function context(text, start, end) {
  const points = codePoints(text);
  return {
    exact: points.slice(start, end).join(''),
    prefix: points.slice(Math.max(0, start - 32), start).join(''),
    suffix: points.slice(end, end + 32).join(''),
  };
}

/** The Export menu button, and its menu. */
export const exportButton = (page) => page.getByRole('button', { name: 'Export', exact: true });
export const exportMenu = (page) => page.getByRole('menu', { name: 'Export' });

/**
 * Opens the Export menu with the mouse and chooses the entry named `item`
 * ("Export JSON", "Export doccano JSONL", …); resolves to the download's
 * name and bytes once it is saved.
 */
export async function exportVia(page, item) {
  await exportButton(page).click();
  const entry = exportMenu(page).getByRole('menuitem', { name: item, exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), entry.click()]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes };
}

/** Exports with "Export JSON" and returns the file's name and parsed content. */
export async function exportJson(page) {
  const { name, bytes } = await exportVia(page, 'Export JSON');
  const raw = bytes.toString('utf8');
  return { name, raw, json: JSON.parse(raw) };
}

/** Picks `contents` as the file of "Import annotations". */
export async function importFile(page, name, contents) {
  await importFiles(page, [[name, contents]]);
}

/** Picks several files at once for "Import annotations": [name, contents] pairs. */
export async function importFiles(page, files) {
  await page.getByLabel('Import annotations').setInputFiles(
    files.map(([name, contents]) => ({
      name,
      mimeType: name.endsWith('.zip') ? 'application/zip' : name.endsWith('.json') ? 'application/json' : 'text/plain',
      buffer: Buffer.from(contents),
    })),
  );
}

/** Checks every annotation of an export against its own document text. */
export function assertExportConsistent(json) {
  assert.equal(json.format, 'rapporteur-annotations/1');
  const { text } = json.document;
  assert.equal(json.document.text_length, codePoints(text).length, 'text_length counts code points');
  for (const annotation of json.annotations) {
    const { exact, prefix, suffix } = context(text, annotation.start, annotation.end);
    const label = `annotation ${annotation.id} at ${annotation.start}..${annotation.end}`;
    assert.equal(exact, annotation.exact, `${label}: exact is the text at its code-point offsets`);
    assert.equal(annotation.prefix, prefix, `${label}: prefix is the 32 code points before`);
    assert.equal(annotation.suffix, suffix, `${label}: suffix is the 32 code points after`);
    assert.match(annotation.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.match(annotation.modified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  }
}

/**
 * Selects `passage` with the mouse and tags it, with the tag button named
 * `tag` or with the digit `key`. Resolves to the new stored annotation.
 */
export async function annotate(page, passage, { tag, key, occurrence } = {}) {
  const before = (await stored(page))?.annotations ?? [];
  await selectByMouse(page, passage, { occurrence });
  if (key) {
    await page.keyboard.press(key);
  } else {
    await regions(page).tags.getByRole('button', { name: tag ?? 'Claim', exact: true }).click();
  }
  const after = await storedWith(page, before.length + 1);
  const known = new Set(before.map((a) => a.id));
  const created = after.annotations.find((a) => !known.has(a.id));
  await page.waitForFunction(
    (id) => document.querySelector(`section.document [data-annotations~="${id}"]`) !== null,
    created.id,
  );
  return created;
}

/** The code-point offset of the first `quote` in `text` at or after `from`. */
export function offsetOf(text, quote, from = 0) {
  const unit = text.indexOf(quote, from);
  assert.ok(unit >= 0, `"${quote}" is in the text`);
  return codePoints(text.slice(0, unit)).length;
}

/** Waits until the document pane and the page have stopped scrolling. */
export async function settleScroll(page) {
  await page.evaluate(
    () =>
      new Promise((done) => {
        const pane = document.querySelector('section.document');
        const where = () => `${pane.scrollTop}|${window.scrollY}`;
        let last = where();
        let still = 0;
        const tick = () => {
          const now = where();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Opens "Edit tags" (once) and returns the Tags region. */
export async function openTagEditor(page) {
  const tags = regions(page).tags;
  const details = tags.locator('details.tag-editor');
  if (!(await details.evaluate((d) => d.open))) await tags.getByText('Edit tags').click();
  await tags.getByRole('textbox', { name: 'New tag name' }).waitFor();
  return tags;
}

/** Adds a tag with the editor and waits for its button. */
export async function addTag(page, name) {
  const tags = await openTagEditor(page);
  await tags.getByRole('textbox', { name: 'New tag name' }).fill(name);
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await tags.locator('.tag-buttons').getByRole('button', { name, exact: true }).waitFor();
}

/** The tag buttons: name, digit shortcut and colour. */
export async function tagButtons(page) {
  return page.locator('.tag-palette .tag-buttons .tag-button').evaluateAll((buttons) =>
    buttons.map((b) => ({
      name: b.firstChild.textContent,
      key: b.getAttribute('aria-keyshortcuts'),
      color: b.style.getPropertyValue('--tag').trim(),
    })),
  );
}
