// Hostile and broken input in the browser: 50 MB from "Open file" (parsed in
// the worker while the page keeps responding, and again when the library
// reopens it after a reload), past the 64 MB limit, binary
// junk and lone surrogates pasted, a long text folding the text box, 100,000
// tiny paragraphs (windowed), 10,000 speakers, empty and blank text, nested
// quotes, right-to-left text, combining marks and emoji in names. Nothing throws, and nothing already there is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser, openApp } from './support/app.mjs';
import { SAMPLE_TEXT, exportButton, exportMenu, fresh, readStored, regions, selectByMouse, stored, storedWith, textarea } from './support/annotator.mjs';
import { allParagraphTexts } from './support/window.mjs';
import { cspViolations, listedQuotes, storedQuotes, tagPassage, watchPage } from './support/faults.mjs';

const browser = sharedBrowser();

/** Picks `contents` (or the file at `path`) with the "Open file" button. */
async function openFile(page, name, contents) {
  const input = page.getByLabel('Open file');
  if (typeof contents === 'string' && contents.startsWith('/')) await input.setInputFiles(contents);
  else await input.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(contents) });
}

/** Pastes `text` into the emptied textarea as a browser's paste inserts it. */
async function paste(page, text) {
  await textarea(page).fill('');
  await textarea(page).focus();
  await page.evaluate((text) => document.execCommand('insertText', false, text), text);
}

/**
 * Dispatches a paste event carrying `text` into the text box, after what it
 * holds (`end`) or over all of it (`all`); whether the app took the paste.
 */
function clipboardPaste(page, text, where) {
  return page.evaluate(
    ({ text, where }) => {
      const area = document.querySelector('#release-text');
      area.focus();
      if (where === 'all') area.select();
      else area.setSelectionRange(area.value.length, area.value.length);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      area.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { text, where },
  );
}

/** Records the longest gap between animation frames (run in the page). */
function recordFrames() {
  const frames = { longest: 0, count: 0, last: performance.now(), on: true };
  window.__frames = frames;
  const tick = (now) => {
    frames.longest = Math.max(frames.longest, now - frames.last);
    frames.last = now;
    frames.count += 1;
    if (frames.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
/** Starts recording the longest gap between animation frames. */
const watchFrames = (page) => page.evaluate(recordFrames);
const stopFrames = (page) =>
  page.evaluate(() => {
    window.__frames.on = false;
    return window.__frames;
  });

/** Paragraphs in the page, and the pane's scroll height. */
const windowState = (page) =>
  page.evaluate(() => ({
    mounted: document.querySelectorAll('section.document .para').length,
    height: document.querySelector('section.document').scrollHeight,
  }));

/** Scrolls the pane to its end (twice: heights measured there correct it) and waits for paragraph `last`. */
async function scrollToEnd(page, last) {
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => {
      const pane = document.querySelector('section.document');
      pane.scrollTop = pane.scrollHeight;
    });
    await page.waitForTimeout(200);
  }
  await page.waitForFunction((last) => document.getElementById(`para-${last}`), last);
}

test('50 MB from "Open file": on show at once as its paragraphs, parsed off the page with progress, the page keeps responding, a window of it in the page, kept in the library and reopened from it after a reload the same way', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(watchPage);
  const { page, errors } = await openApp(browser, { context });
  // The sample release repeated to just under the 50 MB "Open file" limit.
  const copies = Math.floor((49 * 1024 * 1024) / Buffer.byteLength(SAMPLE_TEXT + '\n'));
  const path = join(tmpdir(), `rapporteur-e2e-${process.pid}-49mb.txt`);
  writeFileSync(path, (SAMPLE_TEXT + '\n').repeat(copies));
  t.after(() => rmSync(path, { force: true }));
  const paragraphsPerCopy = SAMPLE_TEXT.split('\n').filter((line) => line.trim()).length;
  const total = copies * paragraphsPerCopy;
  const firstLine = SAMPLE_TEXT.split('\n').find((line) => line.trim()).trim();
  const tagged = 'Much of the contaminated land is farmland that nobody dares to plough';

  // Work on the release on show first: something to undo there.
  await tagPassage(page, tagged, 'Evidence');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), false);

  await watchFrames(page);
  const started = Date.now();
  await openFile(page, 'big.txt', path);
  const progress = regions(page).document.locator('.parsing[role="status"]');
  await progress.waitFor();
  assert.match(
    await progress.textContent(),
    /^Finding speakers and facts in 49\.0 MB of text, in the background; the text can be read and searched meanwhile\.$/,
  );

  // While the worker reads it, the new text is on show as its paragraphs,
  // all of them (the scroll height stands for every one), with no speakers
  // or facts yet and nothing to tag.
  await page.waitForFunction(
    ({ first, total }) =>
      document.getElementById('para-0')?.textContent === first &&
      document.querySelector('section.document').scrollHeight > total * 20,
    { first: firstLine, total },
  );
  const outlined = (Date.now() - started) / 1000;
  assert.equal(await progress.count(), 1, 'the text is on show before it is parsed');
  assert.equal(await regions(page).speakers.locator('.empty').textContent(), 'Finding the speakers while the text is read…');
  assert.equal(await regions(page).facts.locator('.empty').textContent(), 'Finding the facts while the text is read…');
  assert.equal(await regions(page).document.locator('.turn-label, .fact, .annotated').count(), 0);
  // The page answers: a selection becomes the target, and its tag key says
  // why tagging waits instead of tagging the document no longer on show.
  await selectByMouse(page, tagged);
  await page.keyboard.press('1');
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('still being read'));
  assert.equal(await progress.count(), 1, 'the key was handled while the text was still being read');
  assert.equal(await regions(page).document.locator('.annotated').count(), 0);
  // Nor does Export make a file of the release no longer on show, or Undo
  // undo in it.
  await exportButton(page).click();
  await exportMenu(page).getByRole('menuitem', { name: 'Export JSON', exact: true }).click();
  await page.waitForFunction(() =>
    document.querySelector('.notice')?.textContent.includes('could not be made: this text is still being read'),
  );
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  // An import is refused before the file is read, our JSON or another tool's.
  await page.getByLabel('Import annotations').setInputFiles({
    name: 'earlier.annotations.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "rapporteur-annotations"}'),
  });
  await page.waitForFunction(() =>
    document
      .querySelector('.notice')
      ?.textContent.includes('earlier.annotations.json was not imported: this text is still being read'),
  );
  await page.getByLabel('Import annotations').setInputFiles({
    name: 'project.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from('{"text": "x", "label": []}\n'),
  });
  await page.waitForFunction(() =>
    document.querySelector('.notice')?.textContent.includes('project.jsonl was not imported: this text is still being read'),
  );
  assert.equal(await progress.count(), 1, 'both were refused while the text was still being read');

  // A reader who scrolled down meanwhile keeps their place when the parse
  // replaces the outline: the same paragraph at the top, where it was.
  await page.evaluate(() => {
    const pane = document.querySelector('section.document');
    pane.scrollTop = 0.4 * pane.scrollHeight;
  });
  await page.waitForTimeout(500);
  const topOfView = () =>
    page.evaluate(() => {
      const pane = document.querySelector('section.document');
      const top = pane.getBoundingClientRect().top;
      const first = [...pane.querySelectorAll('.para')].find((p) => p.getBoundingClientRect().bottom > top + 1);
      return first && { id: first.id, y: first.getBoundingClientRect().top - top };
    });
  const reading = await topOfView();
  assert.equal(await progress.count(), 1, 'the place was taken while the text was still being read');
  assert.ok(reading && reading.id !== 'para-0', `scrolled to ${reading?.id}`);

  // Parsed: the speakers, and a window of it in the page, the scroll height
  // standing for all.
  await progress.waitFor({ state: 'detached', timeout: 170_000 });
  await page.waitForTimeout(300);
  const parsedTop = await topOfView();
  assert.equal(parsedTop?.id, reading.id, 'the same paragraph at the top of the view');
  assert.ok(Math.abs(parsedTop.y - reading.y) <= 2, `at ${parsedTop.y} px, where it was at ${reading.y} px`);
  await regions(page).speakers.getByRole('button', { name: /KWAME ASANTE-BOAHEN/ }).first().waitFor();
  await page.waitForFunction((total) => document.querySelector('section.document').scrollHeight > total * 20, total);
  const seconds = (Date.now() - started) / 1000;
  const shown = await windowState(page);
  assert.ok(shown.mounted > 5 && shown.mounted < 1000, `${shown.mounted} paragraphs in the page`);
  const frames = await stopFrames(page);
  console.log(
    `  50 MB: ${(Buffer.byteLength(SAMPLE_TEXT + '\n') * copies / 1048576).toFixed(1)} MB, ${total} paragraphs, ` +
      `on show after ${outlined.toFixed(1)} s, parsed after ${seconds.toFixed(1)} s; longest gap between frames ${frames.longest.toFixed(0)} ms over ${frames.count} frames`,
  );
  // One second: a reader notices a stall but the page is not "dead"; the
  // worker keeps the parse itself off the page, and what remains on it
  // (rebuilding the document between frames, mounting its first window)
  // must stay well below that.
  assert.ok(frames.longest < 1000, `the page never froze for a second (longest frame gap ${frames.longest} ms)`);

  // The library in IndexedDB holds it (localStorage's 5 MB could not), as
  // a release of its own beside the sample; the text is not put in the textarea.
  await page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved', null, { timeout: 60_000 });
  assert.equal(await page.locator('.notice.storage').count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Library' }).locator('li.release').count(), 2);
  const stored = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('rapporteur');
        request.onsuccess = () => {
          const all = request.result.transaction('texts').objectStore('texts').getAll();
          // A text this long is kept as a Blob of its bytes; the sample as bytes.
          all.onsuccess = async () => {
            const texts = await Promise.all(
              all.result.map(async (t) => (t.text instanceof Blob ? await t.text.text() : new TextDecoder().decode(t.text))),
            );
            resolve({
              length: Math.max(...texts.map((text) => text.length)),
              blobs: all.result.filter((t) => t.text instanceof Blob).length,
            });
          };
        };
      }),
  );
  assert.equal(stored.length, (SAMPLE_TEXT + '\n').repeat(copies).length, 'the whole text is stored');
  assert.equal(stored.blobs, 1, 'the long text is stored as a Blob, the sample as bytes');
  assert.equal(await textarea(page).inputValue(), '');
  assert.match(await textarea(page).getAttribute('placeholder'), /too long to edit here/);
  // The end, by scrolling: still only a window in the page.
  await scrollToEnd(page, total - 1);
  assert.ok((await windowState(page)).mounted < 1000);
  assert.deepEqual(await cspViolations(page), [], 'the worker runs under the CSP');

  // A reload reopens it from the library as it came: on show at once, read
  // again in the worker (not on the page, which would hold it for seconds),
  // the page answering throughout, from its first frame.
  await context.addInitScript(recordFrames);
  await page.reload();
  await progress.waitFor({ timeout: 60_000 });
  await page.waitForFunction((first) => document.getElementById('para-0')?.textContent === first, firstLine);
  await progress.waitFor({ state: 'detached', timeout: 170_000 });
  await regions(page).speakers.getByRole('button', { name: /KWAME ASANTE-BOAHEN/ }).first().waitFor();
  const reopened = await stopFrames(page);
  console.log(`  50 MB reopened after a reload: longest gap between frames ${reopened.longest.toFixed(0)} ms over ${reopened.count} frames`);
  assert.ok(reopened.longest < 1000, `the page never froze for a second while reopening it (longest frame gap ${reopened.longest} ms)`);
  assert.equal(await page.getByRole('region', { name: 'Library' }).locator('li.release').count(), 2);
  assert.equal((await readStored(page)).text.length, (SAMPLE_TEXT + '\n').repeat(copies).length, 'the long release is the open one');
  assert.equal(await page.locator('.notice', { hasText: 'already in your library' }).count(), 0, 'no word of adding it again');
  assert.deepEqual(errors, []);
});

test('two long files opened one after the other: the first stays on show until the second replaces it, and the release before them never comes back between', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const { page, errors } = await openApp(browser, { context });
  const sampleFirst = SAMPLE_TEXT.split('\n').find((line) => line.trim()).trim();
  // Two releases of their own, each over the worker's 2 MB: the sample
  // repeated under a headline of its own, so the first paragraph tells
  // which text is on show. 8 MB, so that the first is still being read
  // when the second is picked, even on a fast machine.
  const copies = Math.ceil((8 * 1024 * 1024) / Buffer.byteLength(SAMPLE_TEXT + '\n'));
  const files = ['FIRST LONG FILE OF THE DAY', 'SECOND LONG FILE OF THE DAY'].map((headline, i) => {
    const path = join(tmpdir(), `rapporteur-e2e-${process.pid}-long-${i}.txt`);
    writeFileSync(path, `${headline}\n\n` + (SAMPLE_TEXT + '\n').repeat(copies));
    t.after(() => rmSync(path, { force: true }));
    return { headline, path };
  });
  await page.waitForFunction((first) => document.getElementById('para-0')?.textContent === first, sampleFirst);

  // Every first paragraph the document pane holds, in order, as the DOM
  // changes (a state held for a single frame is recorded too).
  await page.evaluate(() => {
    const seen = [];
    window.__firstParagraphs = seen;
    const note = () => {
      const first = document.getElementById('para-0')?.textContent ?? null;
      if (seen[seen.length - 1] !== first) seen.push(first);
    };
    note();
    new MutationObserver(note).observe(document.querySelector('section.document'), {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const progress = regions(page).document.locator('.parsing[role="status"]');
  await openFile(page, 'first.txt', files[0].path);
  await page.waitForFunction((first) => document.getElementById('para-0')?.textContent === first, files[0].headline);
  assert.equal(await progress.count(), 1, 'the first file is on show while still being read');
  await openFile(page, 'second.txt', files[1].path);
  await page.waitForFunction((first) => document.getElementById('para-0')?.textContent === first, files[1].headline);
  await progress.waitFor({ state: 'detached', timeout: 60_000 });
  await regions(page).speakers.getByRole('button', { name: /KWAME ASANTE-BOAHEN/ }).first().waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('para-0')?.textContent), files[1].headline);

  // A moment with no first paragraph in the pane (between two windows) is
  // not a text on show.
  const seen = (await page.evaluate(() => window.__firstParagraphs))
    .filter((first) => first !== null)
    .filter((first, i, all) => i === 0 || all[i - 1] !== first);
  assert.deepEqual(seen, [sampleFirst, files[0].headline, files[1].headline]);
  assert.deepEqual(errors, []);
});

test('a text past the 64 MB limit is refused with a clear message; the document and annotations are kept', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await tagPassage(page, 'Much of the contaminated land is farmland that nobody dares to plough', 'Evidence');
  const before = await storedWith(page, 1);
  // 65 MB pasted into the text box: the paste event carries it (the app
  // takes a paste this long from the clipboard data, never into the box).
  const handled = await page.evaluate(() => {
    const area = document.querySelector('#release-text');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', 'The Council met. '.repeat(Math.ceil((65 * 1024 * 1024) / 17)));
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(handled, true, 'the app took the paste from the clipboard data');
  const alert = page.getByRole('alert').filter({ hasText: 'Rapporteur reads up to 64 MB' });
  await alert.waitFor({ timeout: 30_000 });
  assert.equal(
    await alert.locator('p').textContent(),
    'This text is 65.0 MB; Rapporteur reads up to 64 MB in a browser tab. The document shown was kept.',
  );
  // The document, the textarea, the annotation and the save are as before.
  await page.waitForFunction((sample) => document.querySelector('#release-text').value === sample, SAMPLE_TEXT);
  assert.equal(await regions(page).document.locator('.para').first().textContent(), '9587th Meeting (PM)');
  assert.deepEqual(await listedQuotes(page), ['Much of the contaminated land is farmland that nobody dares to plough']);
  assert.deepEqual((await stored(page)).annotations, before.annotations);
  assert.deepEqual(errors, []);
});

test('one 5 MB line pasted: taken from the clipboard after what the box held, parsed off the page, shown whole', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await paste(page, 'Intro line.\n\n');
  await regions(page).document.getByText('Intro line.', { exact: true }).waitFor();
  const sentence = 'The Council reaffirmed resolution 2349 (2017) and noted $45 million, 17 per cent, on 14 March 2024. ';
  const line = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length)).slice(0, 5 * 1024 * 1024);
  assert.equal(await clipboardPaste(page, line, 'end'), true);
  await page.waitForFunction(
    (length) => document.querySelectorAll('section.document .para')[1]?.textContent.length === length,
    line.length,
    { timeout: 60_000 },
  );
  // On show before it is parsed; the facts come with the parse.
  await page.locator('.parsing').waitFor({ state: 'detached', timeout: 60_000 });
  const shown = await regions(page).document.locator('.para').evaluateAll((ps) => ps.map((p) => p.textContent));
  assert.equal(shown.length, 2);
  assert.equal(shown[0], 'Intro line.');
  assert.equal(shown[1], line.trimEnd(), 'the line is shown whole, after what the box held');
  assert.ok((await regions(page).facts.locator('li').count()) > 0, 'facts found in the line');
  // The library in IndexedDB holds it (localStorage's 5 MB did not).
  const saved = (await stored(page)).text;
  assert.ok(saved.startsWith('Intro line.') && saved.includes(line.trimEnd()), 'stored whole');
  assert.equal(await page.locator('.notice.storage').count(), 0);
  assert.deepEqual(errors, []);
});

test('a long text folds the text box away, opened or pasted; the reader unfolds it to edit, and a short text opens it again', async (t) => {
  const { page, errors } = await fresh(t, browser);
  // About 400 KB: past the fold, well under what the box can edit.
  const long = `${'The record, continued at length.\n\n'.repeat(12_000)}${SAMPLE_TEXT}`;
  const area = page.locator('#release-text');
  const folded = page.locator('.input-panel .folded-text');
  const firstIs = (text) => page.waitForFunction((text) => document.getElementById('para-0')?.textContent === text, text);

  await openFile(page, 'long.txt', long);
  await folded.waitFor();
  await firstIs('The record, continued at length.');
  assert.equal(
    await folded.evaluate((p) => p.firstChild.textContent),
    'This text is 0.4 MB, too long to keep in the text box while you read: it is shown in the Document pane. ',
  );
  assert.equal(await area.isVisible(), false, 'the box is folded away');
  assert.equal(await area.inputValue(), '', 'and the long text was not put in it');

  // Unfolded on request: the whole text, the caret in it, edits parsed.
  await folded.getByRole('button', { name: 'Edit the text' }).click();
  await textarea(page).waitFor();
  assert.equal(await textarea(page).inputValue(), long);
  await page.waitForFunction(() => document.activeElement?.id === 'release-text');
  await area.evaluate((a) => a.setSelectionRange(0, 0));
  await page.keyboard.insertText('Edited first line.\n\n');
  await firstIs('Edited first line.');
  assert.equal(await area.isVisible(), true, 'typing in the unfolded box keeps it open');
  assert.equal(await folded.count(), 0);

  // A short text from elsewhere opens the box with it.
  await page.getByRole('button', { name: 'Load sample' }).click();
  await page.waitForFunction((sample) => document.querySelector('#release-text').value === sample, SAMPLE_TEXT);
  assert.equal(await area.isVisible(), true);
  assert.equal(await folded.count(), 0);

  // A long paste is taken from the clipboard and folds the box.
  assert.equal(await clipboardPaste(page, long, 'all'), true, 'the app took the long paste');
  await folded.waitFor();
  await firstIs('The record, continued at length.');
  assert.equal(await area.isVisible(), false);

  // A long text put in the box another way (a script, an input method) folds it once read.
  await folded.getByRole('button', { name: 'Edit the text' }).click();
  await page.getByRole('button', { name: 'Load sample' }).click();
  await page.waitForFunction(() => !document.querySelector('.input-panel .folded-text'));
  await area.evaluate((a, text) => {
    a.value = text;
    a.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, long.replace('The record', 'The typed record'));
  await folded.waitFor();
  await firstIs('The typed record, continued at length.');
  assert.deepEqual(errors, []);
});

test('text typed into the box past the fold keeps it open, the caret in it', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const fold = 256 * 1024;
  // Ten bytes short of the fold: the box is open with it.
  const head = `${SAMPLE_TEXT}\n\n`;
  const filler = 'The record, continued at length.\n\n'.repeat(9_000).slice(0, fold - 10 - Buffer.byteLength(head));
  const text = head + filler;
  assert.equal(Buffer.byteLength(text), fold - 10);
  const area = page.locator('#release-text');
  const folded = page.locator('.input-panel .folded-text');
  await area.evaluate((a, text) => {
    a.value = text;
    a.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await page.waitForFunction((n) => document.querySelector('#release-text').value.length === n, text.length);
  assert.equal(await area.isVisible(), true);

  // Typed at the top, key by key: the fold is crossed at the eleventh byte.
  await area.evaluate((a) => {
    a.focus();
    a.setSelectionRange(0, 0);
  });
  await page.keyboard.type('Typed first.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('para-0')?.textContent === 'Typed first.');
  assert.equal(await folded.count(), 0, 'no fold line');
  assert.equal(await area.isVisible(), true, 'the box stays open');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'release-text', 'the caret stays in it');
  const value = await area.inputValue();
  assert.ok(Buffer.byteLength(value) > fold, 'past the fold');
  assert.equal(value, `Typed first.\n\n${text}`);
  assert.deepEqual(await area.evaluate((a) => [a.selectionStart, a.selectionEnd]), [14, 14]);

  // Typing goes on where it was, and is parsed.
  await page.keyboard.type('Second.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('para-1')?.textContent === 'Second.');
  assert.equal(await area.isVisible(), true);
  assert.deepEqual(errors, []);
});

/** Random UTF-16 code units: controls, NULs, lone surrogates and all. */
function junk(length, seed) {
  let state = seed;
  const units = [];
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const pick = (state >>> 0) % 10;
    if (pick === 0) units.push(0xd800 + ((state >>> 8) % 0x800)); // a lone surrogate
    else if (pick === 1) units.push((state >>> 8) % 0x20); // a control, NUL included
    else if (pick === 2) units.push(0x0a);
    else units.push((state >>> 8) % 0xffff);
  }
  return String.fromCharCode(...units);
}

test('pasted binary junk and lone surrogates show as text, with U+FFFD for what cannot be held, and no error', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const text = `Junk Release\n\nANA said \ud800 “hello \udfff”\n\n${junk(20_000, 0x2545f491)}\n\nThe last line.`;
  await paste(page, text);
  await regions(page).document.getByText('Junk Release', { exact: true }).waitFor();
  // Every paragraph, read by scrolling: a long document is windowed.
  const paragraphs = await allParagraphTexts(page);
  assert.equal(paragraphs.at(-1), 'The last line.');
  assert.ok(paragraphs.every((p) => p !== null), 'every paragraph was seen');
  assert.equal(paragraphs[0], 'Junk Release');
  assert.equal(paragraphs[1], 'ANA said \ufffd “hello \ufffd”', 'lone surrogates become U+FFFD');
  assert.ok(paragraphs.length > 100);
  // Autosave holds it (as well-formed text) and a reload brings it back.
  const saved = await stored(page);
  assert.ok(saved.text.includes('ANA said \ufffd “hello \ufffd”'));
  await page.reload();
  await regions(page).document.getByText('Junk Release', { exact: true }).waitFor();
  assert.deepEqual(await allParagraphTexts(page), paragraphs);

  // A binary file from "Open file": decoded with U+FFFD, and the reader is told.
  const bytes = Buffer.alloc(30_000);
  for (let i = 0, s = 7; i < bytes.length; i += 1) bytes[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  await page.getByLabel('Open file').setInputFiles({ name: 'junk.txt', mimeType: 'text/plain', buffer: bytes });
  await page.getByRole('status').filter({ hasText: 'Some bytes of junk.txt were not valid UTF-8' }).waitFor();
  await page.waitForFunction(() => document.querySelector('section.document').textContent.includes('\ufffd'));
  assert.deepEqual(errors, []);
});

test('empty and whitespace-only text: an empty document, no error; an empty file is refused', async (t) => {
  const { page, errors } = await fresh(t, browser);
  for (const blank of ['', ' \t \n\n\u00a0\u3000\r\n  ']) {
    await paste(page, 'Something first.');
    await regions(page).document.getByText('Something first.').waitFor();
    await textarea(page).fill(blank);
    await page.getByRole('button', { name: 'Parse', exact: true }).click();
    await regions(page).document.getByText('Paste a press release or load the sample to begin.').waitFor();
    assert.equal(await regions(page).document.locator('.para').count(), 0);
    assert.equal(await regions(page).speakers.getByText('No speakers found.').count(), 1);
  }
  await openFile(page, 'blank.txt', '  \n\n\t ');
  await page.getByRole('alert').filter({ hasText: 'blank.txt holds no text.' }).waitFor();
  assert.deepEqual(errors, []);
});

test('100,000 tiny paragraphs: a window of them in the page, the end reached by scrolling, without error', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const text = Array.from({ length: 100_000 }, (_, i) => `P${i}.`).join('\n\n');
  const started = Date.now();
  await openFile(page, 'tiny.txt', text);
  await page.waitForFunction(() => document.querySelector('section.document').scrollHeight > 100_000 * 20, null, {
    timeout: 60_000,
  });
  console.log(`  100,000 paragraphs: on screen after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await regions(page).document.locator('.para').first().textContent(), 'P0.');
  const first = await windowState(page);
  assert.ok(first.mounted > 5 && first.mounted < 400, `${first.mounted} paragraphs in the page`);
  await scrollToEnd(page, 99_999);
  assert.equal(await regions(page).document.locator('.para').last().textContent(), 'P99999.');
  const end = await windowState(page);
  assert.ok(end.mounted < 400, `${end.mounted} paragraphs in the page at the end`);
  assert.ok(Math.abs(end.height - first.height) < 0.03 * first.height, `scroll height ${end.height} against ${first.height}`);
  assert.equal((await stored(page)).text, text, 'autosave holds it (0.9 MB)');
  assert.deepEqual(errors, []);
});

const COUNTRIES = ['Chile', 'Spain', 'Sweden', 'Japan', 'Brazil', 'Norway', 'Guyana', 'Netherlands', 'Greece', 'Kenya'];
const FIRST = ['ANA', 'BORIS', 'CARMEN', 'DAVID', 'ELENA', 'FARID', 'GRETA', 'HUGO', 'IRINA', 'JONAS', 'KEMAL', 'LUCIA', 'MATEO', 'NADIA', 'OSCAR', 'PAULA', 'RAFAEL', 'SOFIA', 'TOMAS', 'ULLA', 'VIKTOR', 'WANDA', 'XAVIER', 'YASMIN', 'ZORAN'];
const LAST = ['ABARA', 'BELLINI', 'CORDOVA', 'DUMAS', 'EKWUEME', 'FONSECA', 'GUNNARSSON', 'HALVORSEN', 'IBARRA', 'JANSSEN', 'KOVACS', 'LINDGREN', 'MORENO', 'NOVAK', 'OKAFOR', 'PETERSEN', 'QUISPE', 'ROSSI', 'SANTOS', 'TANAKA'];

test('10,000 speakers: all listed in order, 200 at first, "Show all" shows every one', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const names = Array.from({ length: 10_000 }, (_, i) => `${FIRST[i % 25]} ${LAST[Math.floor(i / 25) % 20]} ${LAST[Math.floor(i / 500) % 20]}`);
  assert.equal(new Set(names).size, 10_000);
  const text = [
    '9999th Meeting (AM)\nSC/99999\n1 January 2025\n\nThe Council Hears Ten Thousand Speakers\n\nStatements\n',
    ...names.map((name, i) => `${name} (${COUNTRIES[i % COUNTRIES.length]}) said that her delegation supports the draft, turn ${i}.\n`),
    'For information media. Not an official record.\n',
  ].join('\n');
  const started = Date.now();
  await openFile(page, 'speakers.txt', text);
  const count = regions(page).speakers.locator('h2 .count');
  await page.waitForFunction(() => document.querySelector('.speakers-panel h2 .count')?.textContent === '10000', null, {
    timeout: 60_000,
  });
  console.log(`  10,000 speakers: listed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await count.textContent(), '10000');
  const items = regions(page).speakers.locator('.speaker-list > li');
  assert.equal(await items.count(), 200, 'capped at 200 until asked');
  await regions(page).speakers.getByRole('button', { name: 'Show all 10000' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.speakers-panel .speaker-list > li').length === 10_000);
  const shown = await regions(page).speakers.locator('.speaker-name').allTextContents();
  assert.deepEqual(shown, names, 'every speaker, once, in order');
  // The filter finds one among them.
  await regions(page).speakers.getByRole('searchbox', { name: 'Filter speakers' }).fill(names[9_999]);
  await page.waitForFunction(() => document.querySelectorAll('.speakers-panel .speaker-list > li').length === 1);
  assert.deepEqual(errors, []);
});

test('right-to-left text, combining marks and emoji in names: listed, annotatable, stored exactly', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const text = [
    '9000th Meeting (PM)',
    'SC/90000',
    '2 February 2025',
    '',
    'Statements',
    '',
    'ΑΘΗΝΑ ΠΑΠΑΔΟΠΟΥΛΟΥ (Greece) said the Mediterranean needs a plan.',
    '',
    'JOSE\u0301 MARTI\u0301NEZ (Spain) said “the fund must reach farmers”.',
    '',
    'ZOË 🌍 ÅSTRÖM (Sweden) said 🎉 the Nordic countries 👩‍🔬 will double aid.',
    '',
    'قال الممثل إن المجلس “يجب أن يتحرك الآن”.',
    '',
    'הנציג אמר כי “המועצה חייבת לפעול” ב־14 במרץ 2024.',
    '',
    `Deep ${'“‘«'.repeat(2_000)}quotes that never close, and Z\u0335\u030da\u0336\u031bl\u0334g\u0337o${'\u0301'.repeat(500)}.`,
  ].join('\n');
  await paste(page, text);
  await regions(page).document.getByText('Deep', { exact: false }).waitFor();
  const names = await regions(page).speakers.locator('.speaker-name').allTextContents();
  assert.ok(names.includes('ΑΘΗΝΑ ΠΑΠΑΔΟΠΟΥΛΟΥ'), names.join(' | '));
  assert.ok(names.includes('JOSE\u0301 MARTI\u0301NEZ'), names.join(' | '));
  // Each paragraph shows exactly its line: RTL text, marks and emoji intact.
  const paragraphs = await regions(page).document.locator('.para').allTextContents();
  for (const line of text.split('\n').filter((l) => l.trim() && !/^(ΑΘΗΝΑ|JOSE|ZOË)/.test(l))) {
    assert.ok(paragraphs.includes(line), `shown: ${line.slice(0, 40)}`);
  }
  // Annotate José's turn (with its combining accents) from its label.
  await regions(page).document.getByRole('button', { name: 'JOSE\u0301 MARTI\u0301NEZ' }).click();
  await regions(page).tags.getByRole('button', { name: 'Claim', exact: true }).click();
  const saved = await storedWith(page, 1);
  const [a] = saved.annotations;
  const quote = [...saved.text].slice(a.start, a.end).join('');
  assert.ok(quote.startsWith('JOSE\u0301 MARTI\u0301NEZ (Spain) said'), quote);
  assert.deepEqual(await storedQuotes(page), [quote]);
  assert.ok((await readStored(page)).text.includes('ΑΘΗΝΑ'));
  assert.deepEqual(errors, []);
});
