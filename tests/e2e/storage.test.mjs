// Storage faults: localStorage full or disabled, a damaged saved state, two
// tabs editing at once. In each, the work stays in memory and exportable,
// the reader is told, and no save silently destroys another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp } from './support/app.mjs';
import { STATE_KEY, fresh, listedAnnotations, regions, storedWith } from './support/annotator.mjs';
import {
  BACKUP_KEY,
  exportedQuotes,
  listedQuotes,
  rawStored,
  storedCount,
  storedQuotes,
  tagPassage,
} from './support/faults.mjs';

const browser = sharedBrowser();

const P1 = 'Clearance that arrives after the planting season is clearance that arrives a year late';
const P2 = 'Much of the contaminated land is farmland that nobody dares to plough';
const P3 = 'Denmark has funded survey work in the region since 2019';

const saveState = (page) => page.locator('.save-status').getAttribute('data-state');

test('localStorage full: a visible message, the work stays in memory and exports, and saves resume when there is room', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  // Every setItem fails as a full storage does, until the test frees it.
  await context.addInitScript(() => {
    window.__storageFull = true;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) {
        throw new DOMException(
          `Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`,
          'QuotaExceededError',
        );
      }
      return setItem.call(this, key, value);
    };
  });
  const { page, errors } = await openApp(browser, { context });
  await tagPassage(page, P1, 'Claim');
  await tagPassage(page, P2, 'Evidence');

  const problem = page.locator('.notice.storage[role="alert"]');
  await problem.waitFor();
  assert.equal(
    await problem.textContent(),
    'Autosave failed: local storage is full. Nothing is lost while this tab stays open; use Export JSON to keep a copy.',
  );
  assert.equal(await saveState(page), 'failed');
  assert.equal(await page.locator('.save-status').textContent(), 'Not saved');
  assert.equal(await rawStored(page), null, 'nothing reached storage');
  // Everything is still in memory: listed, drawn, and in the export.
  assert.deepEqual(await listedQuotes(page), [P1, P2].sort());
  assert.equal(await regions(page).document.locator('[data-annotations]').count() >= 2, true);
  assert.deepEqual(await exportedQuotes(page), [P1, P2].sort());

  // Room again: the next change saves everything and the message goes.
  await page.evaluate(() => {
    window.__storageFull = false;
  });
  await tagPassage(page, P3, 'Commitment');
  await problem.waitFor({ state: 'detached' });
  await storedWith(page, 3);
  assert.deepEqual(await storedQuotes(page), [P1, P2, P3].sort());
  assert.equal(await saveState(page), 'saved');
  assert.deepEqual(errors, []);
});

test('localStorage disabled: told at start, the app works, exports hold the work', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const { page, errors } = await openApp(browser, { context });
  const atStart = page.getByRole('alert').filter({ hasText: 'Autosave is off' });
  await atStart.waitFor();
  assert.equal(
    await atStart.locator('p').textContent(),
    'Autosave is off: local storage is disabled (SecurityError: Access is denied for this document.). ' +
      'Your work will not survive a reload; use Export JSON to keep it.',
  );
  // The sample is shown and can be annotated.
  await tagPassage(page, P1);
  await tagPassage(page, P3, 'Commitment');
  const problem = page.locator('.notice.storage[role="alert"]');
  await problem.waitFor();
  assert.match(await problem.textContent(), /^Autosave failed: local storage is disabled \(SecurityError/);
  assert.deepEqual(await listedQuotes(page), [P1, P3].sort());
  assert.deepEqual(await exportedQuotes(page), [P1, P3].sort());
  assert.deepEqual(errors, []);
});

/** Makes a real save with two annotations and returns its raw string. */
async function realSave(page) {
  await tagPassage(page, P1, 'Claim');
  await tagPassage(page, P2, 'Evidence');
  await storedWith(page, 2);
  return rawStored(page);
}

test('a cut-off saved state: text and readable annotations restored, the raw string kept as a backup, the reader told', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const raw = await realSave(page);
  const saved = JSON.parse(raw);
  assert.equal(saved.format, 'rapporteur-saved/1');
  // Cut in the middle of the second annotation, as a crash during a write
  // or a hand edit might leave it.
  const second = saved.annotations[1].id;
  const damaged = raw.slice(0, raw.indexOf(`"${second}"`) + 4);
  await page.evaluate(({ key, damaged }) => localStorage.setItem(key, damaged), { key: STATE_KEY, damaged });
  await page.reload();

  const message = page.getByRole('alert').filter({ hasText: 'Saved work was damaged' });
  await message.waitFor();
  const text = await message.locator('p').textContent();
  assert.match(text, /^Saved work was damaged; what could be read was restored\. Lost: .+\./);
  assert.ok(
    text.endsWith(`A copy of the saved data was kept in local storage under "${BACKUP_KEY}".`),
    text,
  );
  assert.equal(await rawStored(page, BACKUP_KEY), damaged, 'the backup is the raw string, untouched');
  // What could be read is back: the text and the first annotation.
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 1);
  assert.deepEqual(await listedQuotes(page), [P1]);
  assert.equal(await regions(page).document.locator('.para').first().textContent(), '9587th Meeting (PM)');
  // Work goes on: a new annotation saves a whole state; the backup stays.
  await tagPassage(page, P3, 'Commitment');
  await storedCount(page, 2);
  assert.deepEqual(await storedQuotes(page), [P1, P3].sort());
  assert.equal(await rawStored(page, BACKUP_KEY), damaged);
  assert.deepEqual(errors, []);
});

test('an unreadable saved state: the app starts, the reader is told, the raw string is kept', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const raw = await realSave(page);
  // Damaged beyond reading: the format and text fields mangled.
  const damaged = raw.replace('"format":"rapporteur-saved/1"', '"format":7').replace('"text":"', '"text":0,"x":"');
  await page.evaluate(({ key, damaged }) => localStorage.setItem(key, damaged), { key: STATE_KEY, damaged });
  await page.reload();
  const message = page.getByRole('alert').filter({ hasText: 'Saved work' });
  await message.waitFor();
  const text = await message.locator('p').textContent();
  assert.ok(text.includes(`kept in local storage under "${BACKUP_KEY}"`), text);
  assert.equal(await rawStored(page, BACKUP_KEY), damaged);
  // The app works on: the sample is shown and can be annotated.
  await regions(page).document.getByText('For information media. Not an official record.').waitFor();
  await tagPassage(page, P3, 'Commitment');
  await storedCount(page, 1);
  assert.equal(await rawStored(page, BACKUP_KEY), damaged, 'a new save leaves the backup alone');
  assert.deepEqual(errors, []);
});

/** Two tabs of the app sharing one localStorage, as two browser tabs do. */
async function twoTabs(t) {
  const context = await browser.newContext();
  t.after(() => context.close());
  return { a: await openApp(browser, { context }), b: await openApp(browser, { context }) };
}

/** The notice a tab shows when another tab saved. */
const otherTab = (page) => page.locator('.notice.other-tab[role="alert"]');

test('two tabs annotating at once: the later save waits, "Merge both" keeps both tabs\' work, nothing is silently overwritten', async (t) => {
  const { a, b } = await twoTabs(t);

  // Tab A annotates and saves.
  await tagPassage(a.page, P1, 'Claim');
  await storedWith(a.page, 1);
  assert.deepEqual(await storedQuotes(a.page), [P1]);

  // Tab B hears of it and pauses its own autosave.
  await otherTab(b.page).waitFor();
  assert.match(
    await otherTab(b.page).locator('p').textContent(),
    /^Another tab of Rapporteur saved 1 annotation\(s\) on this document while this tab has 0\. Autosave is paused so that neither is lost\.$/,
  );
  await tagPassage(b.page, P2, 'Evidence');
  // Well past the autosave delay, A's save is still there, untouched.
  await b.page.waitForTimeout(1000);
  assert.deepEqual(await storedQuotes(a.page), [P1], "B's change did not overwrite A's save");
  assert.equal(await b.page.locator('.save-status').getAttribute('data-state'), 'saving');

  // B merges: both annotations in B, then in storage.
  await otherTab(b.page).getByRole('button', { name: 'Merge both' }).click();
  await otherTab(b.page).waitFor({ state: 'detached' });
  assert.deepEqual(await listedQuotes(b.page), [P1, P2].sort());
  await storedWith(b.page, 2);
  assert.deepEqual(await storedQuotes(b.page), [P1, P2].sort());

  // A hears of B's merged save and merges too.
  await otherTab(a.page).waitFor();
  assert.match(await otherTab(a.page).locator('p').textContent(), /saved 2 annotation\(s\) on this document while this tab has 1\./);
  await otherTab(a.page).getByRole('button', { name: 'Merge both' }).click();
  await otherTab(a.page).waitFor({ state: 'detached' });
  assert.deepEqual(await listedQuotes(a.page), [P1, P2].sort());
  await storedWith(a.page, 2);

  // Both tabs now hold the same work: A's save raises no new question in B.
  await b.page.waitForTimeout(1000);
  assert.equal(await otherTab(b.page).count(), 0, 'no endless back and forth between the tabs');
  assert.equal(await otherTab(a.page).count(), 0);
  assert.deepEqual(await storedQuotes(a.page), [P1, P2].sort());
  assert.deepEqual((await listedAnnotations(b.page)).length, 2);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});

test('two tabs on different texts: the other tab\'s document can be taken, and this tab\'s is not lost until the reader chooses', async (t) => {
  const { a, b } = await twoTabs(t);
  await tagPassage(a.page, P1, 'Claim');
  await storedWith(a.page, 1);
  // B pastes another release: its save would replace A's document.
  await otherTab(b.page).waitFor();
  await otherTab(b.page).getByRole('button', { name: 'Keep this tab\'s' }).click();
  const textarea = b.page.getByRole('textbox', { name: 'Press release text' });
  await textarea.fill('A different release.\n\nNothing in common with the sample.');
  await regions(b.page).document.getByText('Nothing in common with the sample.').waitFor();
  // B's save (the reader chose to keep B's) reaches A, which asks.
  await otherTab(a.page).filter({ hasText: 'saved a different document' }).waitFor();
  assert.equal(await otherTab(a.page).getByRole('button', { name: 'Merge both' }).count(), 0);
  // A's annotation is still in A while it decides, and exportable.
  assert.deepEqual(await listedQuotes(a.page), [P1]);
  assert.deepEqual(await exportedQuotes(a.page), [P1]);
  await otherTab(a.page).getByRole('button', { name: 'Use the other tab\'s' }).click();
  await regions(a.page).document.getByText('Nothing in common with the sample.').waitFor();
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});
