// A component re-renders only when what it shows changes, proved on the
// debug build driven like a reader (real mouse drags, keys, typing): debug
// builds count each component's renders in `window.__rapporteurRenders`
// (src/app/renders.rs). Needs the debug build: run.mjs serves it with
// --debug-dist, as `make test` does. tests/browser.rs proves the same at
// the component level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, sharedBrowser } from './support/app.mjs';
import { locatePassage, regions, selectByMouse, settleScroll, storedWith } from './support/annotator.mjs';
import { openText, paneState } from './support/window.mjs';

const debugUrl = process.env.RAPPORTEUR_DEBUG_URL;
const browser = sharedBrowser();

const PASSAGE = 'Much of the contaminated land is farmland';

/** Starts counting renders from zero. */
const resetRenders = (page) => page.evaluate(() => (window.__rapporteurRenders = {}));

/** The renders counted since the last reset, once two frames have passed. */
async function renders(page) {
  return page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done({ ...window.__rapporteurRenders }))),
      ),
  );
}

function assertNotRendered(counts, names, what) {
  for (const name of names) {
    assert.equal(counts[name] ?? 0, 0, `${what} re-rendered ${name} (${JSON.stringify(counts)})`);
  }
}

test(
  'hovering, selecting, tagging, typing a note and choosing a speaker re-render only what shows the change',
  { skip: debugUrl ? false : 'no debug build served (run.mjs --debug-dist=DIR)' },
  async (t) => {
    const previous = process.env.RAPPORTEUR_URL;
    process.env.RAPPORTEUR_URL = debugUrl;
    t.after(() => {
      process.env.RAPPORTEUR_URL = previous;
    });
    const { context, page, errors } = await openApp(browser);
    t.after(() => context.close());
    // Let the first renders and the parse debounce settle.
    await page.waitForTimeout(600);
    assert.ok((await renders(page)).App >= 1, 'the debug build counts renders');

    // Hovering over the panels and the document changes nothing on show.
    await resetRenders(page);
    const { from, to } = await locatePassage(page, PASSAGE);
    for (const region of [regions(page).speakers, regions(page).facts, regions(page).annotations]) {
      await region.hover();
    }
    await page.mouse.move(from.x, from.y, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    assert.deepEqual(await renders(page), {}, 'hovering re-rendered nothing');

    // Selecting text: only the Tags panel shows the new target.
    await resetRenders(page);
    await selectByMouse(page, PASSAGE);
    let counts = await renders(page);
    assert.ok(counts.TagPalette >= 1, JSON.stringify(counts));
    assertNotRendered(
      counts,
      ['DocumentView', 'ParagraphList', 'Paragraph', 'SpeakersPanel', 'FactsPanel', 'HeaderCard', 'InputPanel', 'AnnotationsPanel'],
      'selecting text',
    );

    // Tagging with the digit key: the one paragraph holding the passage.
    const paragraph = await page.evaluate(() => {
      const node = getSelection().getRangeAt(0).startContainer;
      return Number(node.parentElement.closest('.para').id.replace('para-', ''));
    });
    await resetRenders(page);
    await page.keyboard.press('1');
    await storedWith(page, 1);
    await page.locator('section.document .annotated').first().waitFor();
    counts = await renders(page);
    assert.equal(counts.Paragraph, 1, `one paragraph re-rendered (${JSON.stringify(counts)})`);
    assert.equal(counts[`Paragraph ${paragraph}`], 1, `it is paragraph ${paragraph}, which holds the passage`);
    assertNotRendered(counts, ['SpeakersPanel', 'FactsPanel', 'HeaderCard', 'InputPanel'], 'tagging');

    // Typing a note: the Annotations panel, never the document.
    const note = regions(page).annotations.getByRole('textbox', { name: 'Note' });
    await note.click();
    await resetRenders(page);
    await note.pressSequentially('Drought and displacement');
    await page.waitForFunction(() =>
      document.querySelector('.annotations-panel .annotation-meta')?.textContent.endsWith('Drought and displacement'),
    );
    counts = await renders(page);
    // Each keystroke renders the panel, but a busy browser may fold two
    // keystrokes into one render: the panel must have rendered, the rest not.
    assert.ok(counts.AnnotationsPanel >= 1, JSON.stringify(counts));
    assertNotRendered(
      counts,
      ['DocumentView', 'ParagraphList', 'Paragraph', 'SpeakersPanel', 'FactsPanel', 'HeaderCard', 'InputPanel', 'TagPalette'],
      'typing a note',
    );

    // Choosing a speaker: the Speakers panel and the paragraphs of the
    // turns, not the Facts panel. (Leaving the note field first ends the
    // note's undo step, a change of the annotations.)
    await note.blur();
    await renders(page);
    await resetRenders(page);
    const speaker = regions(page).speakers.getByRole('button', { pressed: false }).first();
    await speaker.click();
    await page.locator('section.document .focus').first().waitFor();
    counts = await renders(page);
    assert.ok(counts.SpeakersPanel >= 1, JSON.stringify(counts));
    assert.ok(counts.Paragraph >= 1 && counts.Paragraph < 10, `the turns' paragraphs only (${JSON.stringify(counts)})`);
    assertNotRendered(counts, ['FactsPanel', 'HeaderCard', 'InputPanel', 'AnnotationsPanel', 'TagPalette'], 'choosing a speaker');

    assert.deepEqual(errors, []);
  },
);

test(
  'on a long document, scrolling re-renders the window only, and tagging one paragraph',
  { skip: debugUrl ? false : 'no debug build served (run.mjs --debug-dist=DIR)' },
  async (t) => {
    const previous = process.env.RAPPORTEUR_URL;
    process.env.RAPPORTEUR_URL = debugUrl;
    t.after(() => {
      process.env.RAPPORTEUR_URL = previous;
    });
    const { context, page, errors } = await openApp(browser);
    t.after(() => context.close());
    const text = Array.from({ length: 5_000 }, (_, i) => `Entry ${i} of the long record, kept for the reader.`).join('\n\n');
    await openText(page, 'long.txt', text);
    await page.waitForFunction(() => document.getElementById('para-0')?.textContent.startsWith('Entry 0 of'));
    await page.waitForTimeout(600);
    await renders(page);

    // Scrolling three screens down: the list and the paragraphs it mounts.
    const before = await paneState(page);
    await resetRenders(page);
    await page.evaluate(() => {
      const pane = document.querySelector('section.document');
      pane.scrollTop += 3 * pane.clientHeight;
    });
    await settleScroll(page);
    let counts = await renders(page);
    const after = await paneState(page);
    assert.ok(counts.ParagraphList >= 1, JSON.stringify(counts));
    const stayed = after.mounted.filter((i) => before.mounted.includes(i));
    assert.ok(stayed.length > 0, 'some paragraphs stayed in the page');
    for (const i of stayed) assert.equal(counts[`Paragraph ${i}`] ?? 0, 0, `paragraph ${i} stayed and did not re-render`);
    assert.ok(counts.Paragraph <= after.mounted.length, `only paragraphs coming into the page rendered (${counts.Paragraph})`);
    assertNotRendered(
      counts,
      ['App', 'DocumentView', 'FindBox', 'SpeakersPanel', 'FactsPanel', 'HeaderCard', 'InputPanel', 'AnnotationsPanel', 'TagPalette'],
      'scrolling',
    );

    // Tagging a passage there: its paragraph only.
    const index = after.visible[1];
    const passage = `Entry ${index} of the long record`;
    await selectByMouse(page, passage);
    await resetRenders(page);
    await page.keyboard.press('1');
    await storedWith(page, 1);
    await page.locator('section.document .annotated').first().waitFor();
    counts = await renders(page);
    assert.equal(counts.Paragraph, 1, `one paragraph re-rendered (${JSON.stringify(counts)})`);
    assert.equal(counts[`Paragraph ${index}`], 1);
    assertNotRendered(counts, ['SpeakersPanel', 'FactsPanel', 'HeaderCard', 'InputPanel'], 'tagging');
    assert.deepEqual(errors, []);
  },
);
