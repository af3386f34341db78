// Storage faults and the library in IndexedDB: the browser's storage full,
// IndexedDB unavailable, the old single-document autosave (intact or
// damaged) migrated into the library, two tabs editing at once. In each,
// the work stays in memory and exportable, the reader is told, and no
// write silently destroys another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp } from './support/app.mjs';
import {
  SAMPLE_TEXT,
  STATE_KEY,
  codePoints,
  listedAnnotations,
  loadText,
  readLibrary,
  readStored,
  regions,
  selectByMouse,
  storedWith,
  until,
} from './support/annotator.mjs';
import { BACKUP_KEY, exportedQuotes, listedQuotes, rawStored, storedQuotes, tagPassage } from './support/faults.mjs';

const browser = sharedBrowser();

const P1 = 'Clearance that arrives after the planting season is clearance that arrives a year late';
const P2 = 'Much of the contaminated land is farmland that nobody dares to plough';
const P3 = 'Denmark has funded survey work in the region since 2019';

const saveState = (page) => page.locator('.save-status').getAttribute('data-state');
const problem = (page) => page.locator('.notice.storage[role="alert"]');

test('storage full: a visible message, the work stays in memory and exports, and saves resume when there is room', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  // Every put fails as a full storage does, until the test frees it.
  await context.addInitScript(() => {
    window.__storageFull = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__storageFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  const { page, errors } = await openApp(browser, { context });
  await tagPassage(page, P1, 'Claim');
  await tagPassage(page, P2, 'Evidence');

  await problem(page).waitFor();
  assert.equal(
    await problem(page).locator('p').textContent(),
    "Changes are not being saved: the browser's storage for this site is full. Nothing is lost while this tab stays open; " +
      'use Export corpus in the Library to keep a copy, or delete releases to make room.',
  );
  assert.equal(await saveState(page), 'failed');
  assert.equal(await page.locator('.save-status').textContent(), 'Not saved');
  // Everything is still in memory: listed, drawn, and in the exports.
  assert.deepEqual(await listedQuotes(page), [P1, P2].sort());
  assert.ok((await regions(page).document.locator('[data-annotations]').count()) >= 2);
  assert.deepEqual(await exportedQuotes(page), [P1, P2].sort());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    problem(page).getByRole('button', { name: 'Download a copy of the library' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^rapporteur-corpus-\d{4}-\d\d-\d\d\.json$/);

  // Room again: the next change saves everything and the message goes.
  await page.evaluate(() => {
    window.__storageFull = false;
  });
  await tagPassage(page, P3, 'Commitment');
  await problem(page).waitFor({ state: 'detached' });
  await storedWith(page, 3);
  assert.deepEqual(await storedQuotes(page), [P1, P2, P3].sort());
  assert.equal(await saveState(page), 'saved');
  assert.deepEqual(errors, []);
});

for (const [how, script] of [
  [
    'window.indexedDB undefined',
    () => Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined }),
  ],
  [
    'indexedDB.open throwing',
    () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    },
  ],
]) {
  test(`IndexedDB unavailable (${how}): said plainly at start, the app works in memory, exports hold the work`, async (t) => {
    const context = await browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(script);
    const { page, errors } = await openApp(browser, { context });
    await problem(page).waitFor();
    assert.match(
      await problem(page).locator('p').textContent(),
      /^Your library is kept in memory only: IndexedDB is not available in this browser \(.+\)\. It will be lost when this tab closes; use Export corpus in the Library to keep it\.$/,
    );
    assert.equal(await page.locator('.save-status').textContent(), 'Not saved');
    assert.match(await page.locator('.storage-line').textContent(), /in memory only/);
    // The sample is shown and can be annotated; other releases can be added.
    await tagPassage(page, P1);
    await loadText(page, 'Another release.\n\nThe delegate of Chile said the fund must grow.');
    await tagPassage(page, 'the fund must grow', 'Concern');
    assert.equal(await page.getByRole('region', { name: 'Library' }).locator('li.release').count(), 2);
    // The corpus export holds both releases' work.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export corpus', exact: true }).click(),
    ]);
    const corpus = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
    const exact = corpus.releases.flatMap((r) => r.annotations.map((a) => a.exact)).sort();
    assert.deepEqual(exact, [P1, 'the fund must grow'].sort());
    assert.deepEqual(errors, []);
  });
}

/** The old autosave format (rapporteur-saved/1) for the sample, with a custom tag, a note and an orphan. */
function oldSave() {
  const points = codePoints(SAMPLE_TEXT);
  const at = (quote) => {
    const start = codePoints(SAMPLE_TEXT.slice(0, SAMPLE_TEXT.indexOf(quote))).length;
    return { start, end: start + codePoints(quote).length };
  };
  const when = '2025-03-01T10:00:00.000Z';
  return {
    format: 'rapporteur-saved/1',
    saved: when,
    text: SAMPLE_TEXT,
    tags: [
      { id: 'claim', name: 'Claim', color: '#56b4e9' },
      { id: 't-old', name: 'Old code', color: '#aabbcc' },
    ],
    annotations: [
      { id: 'old-1', tag: 't-old', note: 'kept from the old save', ...at(P1), created: when, modified: when },
      { id: 'old-2', tag: 'claim', note: '', ...at(P2), created: when, modified: when },
    ],
    orphans: [
      {
        id: 'old-3',
        tag: 'claim',
        note: 'lost its place long ago',
        start: 0,
        end: 5,
        created: when,
        modified: when,
        exact: 'a passage that is gone',
        prefix: '',
        suffix: '',
      },
    ],
    _points: points.length,
  };
}

/** A context whose localStorage holds `raw` under the old key before the first load (once). */
async function withOldSave(raw) {
  const context = await browser.newContext();
  await context.addInitScript(
    ({ key, raw }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, raw);
        sessionStorage.setItem('seeded', '1');
      }
    },
    { key: STATE_KEY, raw },
  );
  return context;
}

test('the old autosave is migrated into the library on first start, nothing lost, and only then removed', async (t) => {
  const save = oldSave();
  delete save._points;
  const context = await withOldSave(JSON.stringify(save));
  t.after(() => context.close());
  const { page, errors } = await openApp(browser, { context });
  await regions(page).annotations.locator('.annotation-list > li').nth(1).waitFor();
  const list = await listedAnnotations(page);
  assert.deepEqual(list.map((a) => a.quote).sort(), [P1, P2].sort());
  assert.ok(list.some((a) => a.tag === 'Old code' && a.meta.endsWith('note: kept from the old save')));
  await regions(page).annotations.locator('.orphan-list q').filter({ hasText: 'a passage that is gone' }).waitFor();
  // In the library (one release: the save's text, not a second sample), then removed.
  const library = await until(() => readLibrary(page), (l) => l?.releases[0]?.annotations.length === 2, 'the migrated release');
  assert.equal(library.releases.length, 1);
  assert.equal(library.releases[0].text, SAMPLE_TEXT);
  assert.deepEqual(library.releases[0].orphans.map((o) => o.annotation.id), ['old-3']);
  assert.ok(library.codebook.some((tag) => tag.name === 'Old code'));
  await until(() => rawStored(page), (raw) => raw === null, 'the old save removed');
  // A reload reads the library alone, all there.
  await page.reload();
  await regions(page).annotations.locator('.annotation-list > li').nth(1).waitFor();
  assert.deepEqual((await listedAnnotations(page)).map((a) => a.quote).sort(), [P1, P2].sort());
  assert.equal(await page.getByRole('region', { name: 'Library' }).locator('li.release').count(), 1);
  assert.deepEqual(errors, []);
});

test('a cut-off old save: what could be read is migrated, the raw string kept as a backup, the reader told', async (t) => {
  const save = oldSave();
  delete save._points;
  const raw = JSON.stringify(save);
  // Cut in the middle of the second annotation, as a crash during a write might leave it.
  const damaged = raw.slice(0, raw.indexOf('"old-2"') + 4);
  const context = await withOldSave(damaged);
  t.after(() => context.close());
  const { page, errors } = await openApp(browser, { context });
  const message = page.getByRole('alert').filter({ hasText: 'Saved work was damaged' });
  await message.waitFor();
  const text = await message.locator('p').textContent();
  assert.match(text, /^Saved work was damaged; what could be read was restored\. Lost: .+\./);
  assert.ok(text.endsWith(`A copy of the saved data was kept in local storage under "${BACKUP_KEY}".`), text);
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 1);
  assert.deepEqual(await listedQuotes(page), [P1]);
  assert.equal(await regions(page).document.locator('.para').first().textContent(), '9587th Meeting (PM)');
  await until(() => rawStored(page), (raw) => raw === null, 'the old save removed once migrated');
  assert.equal(await rawStored(page, BACKUP_KEY), damaged, 'the backup is the raw string, untouched');
  assert.deepEqual(await storedQuotes(page), [P1]);
  // Work goes on: a new annotation is saved in the library; the backup stays.
  await tagPassage(page, P3, 'Commitment');
  await until(() => storedQuotes(page), (quotes) => quotes.length === 2, 'the new annotation stored');
  assert.deepEqual(await storedQuotes(page), [P1, P3].sort());
  assert.equal(await rawStored(page, BACKUP_KEY), damaged);
  assert.deepEqual(errors, []);
});

/** Two tabs of the app sharing one profile, as two browser tabs do. */
async function twoTabs(t) {
  const context = await browser.newContext();
  t.after(() => context.close());
  const a = await openApp(browser, { context });
  await storedWith(a.page, 0);
  return { context, a, b: await openApp(browser, { context }) };
}

const OTHER = 'General Assembly\n\nThe Assembly debated the budget.\n\nThe delegate of Chile said the budget must fund the mission.';

/**
 * Selects `passage` and tags it, then waits until the Annotations list
 * shows it (another tab's work may arrive at the same time).
 */
async function tagAndSee(page, passage, tag) {
  await selectByMouse(page, passage);
  await regions(page).tags.getByRole('button', { name: tag, exact: true }).click();
  await page.waitForFunction(
    (passage) => [...document.querySelectorAll('.annotations-panel .annotation-list q')].some((q) => q.textContent === passage),
    passage,
  );
}

test('two tabs tag the same release and different releases at once: nothing is lost, and after a reload all is there', async (t) => {
  const { a, b } = await twoTabs(t);
  // Both tag the sample at the same time, each its own passage.
  await Promise.all([tagAndSee(a.page, P1, 'Claim'), tagAndSee(b.page, P2, 'Evidence')]);
  // B adds a release and tags it while A tags a third passage of the sample.
  await Promise.all([
    (async () => {
      await loadText(b.page, OTHER);
      await tagAndSee(b.page, 'the budget must fund the mission', 'Concern');
    })(),
    tagAndSee(a.page, P3, 'Commitment'),
  ]);
  // A hears of B's work: the other release is listed, the sample holds all three.
  await a.page.getByRole('region', { name: 'Library' }).locator('li.release').nth(1).waitFor();
  await a.page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 3);
  const library = await until(
    () => readLibrary(a.page),
    (l) => l?.releases.length === 2 && l.releases.reduce((n, r) => n + r.annotations.length, 0) === 4,
    "both tabs' work stored",
  );
  const quotes = (release) => release.annotations.map((x) => codePoints(release.text).slice(x.start, x.end).join('')).sort();
  const sample = library.releases.find((r) => r.text === SAMPLE_TEXT);
  const other = library.releases.find((r) => r.text === OTHER);
  assert.deepEqual(quotes(sample), [P1, P2, P3].sort());
  assert.deepEqual(quotes(other), ['the budget must fund the mission']);
  // After a reload of both, all there, in both.
  for (const tab of [a, b]) {
    await tab.page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved');
    await tab.page.reload();
    await tab.page.getByRole('region', { name: 'Library' }).locator('li.release').nth(1).waitFor();
    await tab.page
      .getByRole('region', { name: 'Library' })
      .locator('li.release')
      .filter({ hasText: 'SC/15802' })
      .getByRole('button')
      .first()
      .click();
    await tab.page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 3);
    assert.deepEqual(await listedQuotes(tab.page), [P1, P2, P3].sort());
  }
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});

test("a tag in one tab reaches the other, which reads back only the release's annotations, not its text or summary", async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const a = await openApp(browser, { context });
  await storedWith(a.page, 0);
  // Every read of a record in tab B, by store, from its first script on.
  const b = await openApp(browser, { context, before: async (page) => page.addInitScript(() => {
    window.__reads = [];
    for (const method of ['get', 'getAll', 'openCursor']) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (...args) {
        window.__reads.push(`${this.name}.${method}`);
        return original.apply(this, args);
      };
    }
  }) });
  // B has read its library, every text included (just after its first
  // paint); from here on, only what it hears.
  await b.page.waitForFunction(() => window.__reads.includes('texts.getAll'));
  await b.page.evaluate(() => { window.__reads = []; });
  await tagAndSee(a.page, P1, 'Claim');
  // B shows A's annotation without being touched.
  await b.page.waitForFunction(
    (passage) => [...document.querySelectorAll('.annotations-panel .annotation-list q')].some((q) => q.textContent === passage),
    P1,
  );
  const reads = await b.page.evaluate(() => window.__reads);
  assert.ok(reads.includes('annotations.get'), `B read ${JSON.stringify(reads)}`);
  assert.deepEqual(reads.filter((read) => !read.startsWith('annotations.')), [], 'B read no text and no document record');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});
