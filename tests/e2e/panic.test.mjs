// A panic in the app shows a visible error with "Export what you have", not
// a dead page, and loses nothing: the export holds the work made before the
// crash and a reload restores the library. Needs the debug build (only it
// has the Ctrl+Alt+Shift+P shortcut that panics on purpose): run.mjs serves
// it with --debug-dist, as `make test` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './support/app.mjs';
import { assertExportConsistent, listedAnnotations, readStored, regions, storedWith, until } from './support/annotator.mjs';
import { downloadText, tagPassage } from './support/faults.mjs';
import { openApp } from './support/app.mjs';

const debugUrl = process.env.RAPPORTEUR_DEBUG_URL;

const browser = sharedBrowser();

test(
  'a panic shows "Rapporteur stopped working" with "Export what you have"; the export and the autosave hold the work',
  { skip: debugUrl ? false : 'no debug build served (run.mjs --debug-dist=DIR)' },
  async (t) => {
    const previous = process.env.RAPPORTEUR_URL;
    process.env.RAPPORTEUR_URL = debugUrl;
    t.after(() => {
      process.env.RAPPORTEUR_URL = previous;
    });
    const { context, page, errors } = await openApp(browser);
    t.after(() => context.close());

    const passage = 'Clearance that arrives after the planting season is clearance that arrives a year late';
    await tagPassage(page, passage, 'Claim');
    const note = regions(page).annotations.getByRole('textbox', { name: 'Note' });
    await note.fill('Made just before the crash.');
    await note.blur();
    const saved = await storedWith(page, 1);
    await until(() => readStored(page), (state) => state?.annotations[0]?.note !== '', 'the note stored');

    // Crash the app on purpose.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+Shift+KeyP');
    const dialog = page.getByRole('alertdialog', { name: 'Rapporteur stopped working' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /deliberate panic \(Ctrl\+Alt\+Shift\+P, debug builds only\)/);
    assert.ok(errors.some((e) => e.includes('Rapporteur panicked')), errors.join('\n'));

    // The wasm is dead, but the link needs none.
    const link = dialog.getByRole('link', { name: 'Export what you have' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'SC-15802.annotations.json');
    const json = JSON.parse(await downloadText(download));
    assertExportConsistent(json);
    assert.deepEqual(
      json.annotations.map((a) => [a.id, a.exact, a.tag_name, a.note]),
      [[saved.annotations[0].id, passage, 'Claim', 'Made just before the crash.']],
    );
    assert.equal(json.document.text, saved.text);

    // A reload restores the autosave.
    await page.reload();
    await regions(page).annotations.locator('.annotation-list > li').first().waitFor();
    const list = await listedAnnotations(page);
    assert.equal(list.length, 1);
    assert.equal(list[0].quote, passage);
    assert.ok(list[0].meta.endsWith('note: Made just before the crash.'), list[0].meta);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
  },
);
