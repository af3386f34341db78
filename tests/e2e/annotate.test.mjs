// Annotating the sample: selecting with the mouse and the keyboard, tagging
// by button and by digit key, overlapping highlights, notes, undo and redo,
// and the whole flow from the keyboard. Each test has a fresh page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './support/app.mjs';
import {
  SAMPLE_TEXT,
  annotate,
  clickInDocument,
  codePoints,
  fresh,
  highlights,
  locatePassage,
  listedAnnotations,
  offsetOf,
  regions,
  selectByKeyboard,
  selectByMouse,
  settleScroll,
  slice,
  stored,
  storedWith,
  targetText,
} from './support/annotator.mjs';

const browser = sharedBrowser();

const HINT = /^Select text in the document/;

/** Each stored annotation is drawn exactly over its own text, and nothing else is. */
async function assertDrawnAsStored(page) {
  const state = await stored(page);
  const { byId } = await highlights(page);
  assert.deepEqual(
    [...byId.keys()].sort(),
    state.annotations.map((a) => a.id).sort(),
    'the highlighted ids are the stored annotations',
  );
  for (const a of state.annotations) {
    assert.deepEqual(
      byId.get(a.id),
      [{ start: a.start, end: a.end, text: slice(state.text, a.start, a.end) }],
      `annotation ${a.id} is highlighted over exactly its span`,
    );
  }
  return state;
}

test('a passage selected with the mouse snaps to whole words and "Claim" annotates it', async (t) => {
  const { page, errors } = await fresh(t, browser);
  assert.match(await targetText(page), HINT);

  // Dragged from inside "Clearance" to inside "season".
  await selectByMouse(page, 'learance that arrives after the planting seaso');
  const quote = 'Clearance that arrives after the planting season';
  assert.equal(await targetText(page), `Selection: “${quote}”`);

  await regions(page).tags.getByRole('button', { name: 'Claim', exact: true }).click();

  // What the reader sees: the list item, the highlight, the target cleared.
  await regions(page).annotations.locator('.annotation-list > li').first().waitFor();
  assert.deepEqual(await listedAnnotations(page), [
    { tag: 'Claim', quote, meta: 'IBRAHIM SALL-TOURÉ', selected: true },
  ]);
  assert.match(await targetText(page), HINT);
  const drawn = await highlights(page);
  assert.equal(drawn.byId.size, 1);
  const [[id, ranges]] = [...drawn.byId];
  assert.equal(ranges.length, 1);
  assert.equal(ranges[0].text, quote, 'the .annotated spans cover exactly the quote');
  assert.ok(drawn.spans.every((span) => span.selected), 'the new annotation is the selected one');

  // What is stored: the tag, and code-point offsets of the snapped words.
  const state = await storedWith(page, 1);
  assert.equal(state.text, SAMPLE_TEXT);
  const [annotation] = state.annotations;
  assert.equal(annotation.id, id);
  assert.equal(annotation.tag, 'claim');
  assert.equal(annotation.note, '');
  const start = offsetOf(SAMPLE_TEXT, quote);
  assert.deepEqual([annotation.start, annotation.end], [start, start + codePoints(quote).length]);
  const points = codePoints(state.text);
  const wordChar = /[\p{L}\p{N}]/u;
  assert.ok(!wordChar.test(points[annotation.start - 1]), 'the quote starts at a word edge');
  assert.ok(!wordChar.test(points[annotation.end]), 'the quote ends at a word edge');
  await assertDrawnAsStored(page);
  assert.deepEqual(errors, []);
});

test('digit key "2" tags the selection as Commitment; a digit with nothing selected only explains', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await selectByMouse(page, 'will add $9 million this year');
  await page.keyboard.press('2');
  const state = await storedWith(page, 1);
  assert.equal(state.annotations[0].tag, 'commitment');
  assert.deepEqual(await listedAnnotations(page), [
    {
      tag: 'Commitment',
      quote: 'will add $9 million this year',
      meta: 'SOFIA MARCHETTI-RUIZ',
      selected: true,
    },
  ]);
  await assertDrawnAsStored(page);

  // The target was used up: another digit annotates nothing and says why.
  await page.keyboard.press('3');
  await page
    .getByRole('status')
    .filter({ hasText: 'Select a passage in the document first' })
    .waitFor();
  assert.equal((await stored(page)).annotations.length, 1);
  assert.equal((await listedAnnotations(page)).length, 1);
  assert.deepEqual(errors, []);
});

test('a selection made from the keyboard (double click, Shift+ArrowRight) is tagged by digit key', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await selectByKeyboard(page, 'Fear of buried charges');
  assert.equal(await targetText(page), 'Selection: “Fear of buried charges”');
  await page.keyboard.press('3');
  const state = await storedWith(page, 1);
  assert.equal(state.annotations[0].tag, 'concern');
  assert.equal(slice(state.text, state.annotations[0].start, state.annotations[0].end), 'Fear of buried charges');
  assert.deepEqual(
    (await listedAnnotations(page)).map((a) => [a.tag, a.quote]),
    [['Concern', 'Fear of buried charges']],
  );
  await assertDrawnAsStored(page);
  assert.deepEqual(errors, []);
});

test('overlapping and nested annotations all stay visible; clicks select the innermost, then cycle', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const quoteA = 'Fear of buried charges has emptied village markets and scattered the herders';
  const quoteB = 'scattered the herders who once crossed these plains, and armed groups recruit';
  const quoteC = 'village markets';
  const a = await annotate(page, quoteA, { tag: 'Claim' });
  const b = await annotate(page, quoteB, { tag: 'Concern' });
  const c = await annotate(page, quoteC, { key: '6' });

  const state = await assertDrawnAsStored(page);
  assert.equal(state.annotations.length, 3);
  const { spans, byId } = await highlights(page);
  assert.equal(byId.get(a.id)[0].text, quoteA);
  assert.equal(byId.get(b.id)[0].text, quoteB);
  assert.equal(byId.get(c.id)[0].text, quoteC);
  const idsOf = (text) => spans.find((span) => span.text === text)?.ids;
  assert.deepEqual(idsOf('village markets'), [c.id, a.id], 'the nested segment lists C (innermost) then A');
  assert.deepEqual(
    new Set(idsOf('scattered the herders')),
    new Set([a.id, b.id]),
    'the overlap lists both A and B',
  );
  assert.deepEqual(
    (await listedAnnotations(page)).map((x) => [x.tag, x.quote]),
    [
      ['Claim', quoteA],
      ['Evidence', quoteC],
      ['Concern', quoteB],
    ],
    'the list is in reading order',
  );

  // The selected annotation is the one whose segments are exactly those
  // marked .selected (a nested one's segments are a part of its parent's).
  const selectedId = async () => {
    const { spans } = await highlights(page);
    const marked = spans.map((span) => span.selected);
    const selected = [a, b, c]
      .map((x) => x.id)
      .filter((id) => spans.every((span, i) => span.ids.includes(id) === marked[i]));
    const listed = (await listedAnnotations(page)).filter((x) => x.selected).map((x) => x.quote);
    return { selected, listed };
  };
  const clickNested = async () => {
    await settleScroll(page);
    await clickInDocument(page, 'village markets');
    // No double click: the next click is a fresh one.
    await page.waitForTimeout(600);
  };

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('section.document .selected'));
  await clickNested();
  assert.deepEqual(await selectedId(), { selected: [c.id], listed: [quoteC] }, 'first click: innermost (C)');
  await clickNested();
  assert.deepEqual(await selectedId(), { selected: [a.id], listed: [quoteA] }, 'second click: the next out (A)');
  await clickNested();
  assert.deepEqual(await selectedId(), { selected: [c.id], listed: [quoteC] }, 'third click: back to C');

  // Delete removes the selected annotation only.
  await page.keyboard.press('Delete');
  const left = await storedWith(page, 2);
  assert.deepEqual(left.annotations.map((x) => x.id).sort(), [a.id, b.id].sort());
  await assertDrawnAsStored(page);
  assert.deepEqual(errors, []);
});

test('a note typed on an annotation shows in the list and is stored; digits in it tag nothing', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const quote = 'the 2025 appeal for mine action of $418 million is 31 per cent funded';
  const created = await annotate(page, quote, { tag: 'Evidence' });
  await page.keyboard.press('Escape');
  const item = regions(page).annotations.getByRole('button', { name: /Evidence/ });
  await item.click();
  const note = regions(page).annotations.getByRole('textbox', { name: 'Note' });
  await note.click();
  const text = 'Check against the UNMAS portfolio: 31% of 418 m in 2025?';
  await page.keyboard.type(text);
  assert.equal(await note.inputValue(), text);
  // Leave the field; the list shows the note.
  await regions(page).annotations.getByRole('heading', { name: /Annotations/ }).click();
  await page.waitForFunction(
    (text) => document.querySelector('.annotation-list .annotation-meta')?.textContent.includes(text),
    text,
  );
  const [listed] = await listedAnnotations(page);
  assert.equal(listed.quote, quote);
  assert.equal(listed.meta, `the release · note: ${text}`);
  let state = await storedWith(page, 1);
  assert.equal(state.annotations[0].id, created.id);
  assert.equal(state.annotations[0].note, text, 'the digits went into the note, not to the shortcuts');

  // Typing the note was one step: Ctrl+Z takes it all back, Ctrl+Shift+Z restores it.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('.annotation-list .annotation-meta').textContent.includes('note'));
  assert.equal((await stored(page)).annotations[0].note, '');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelector('.annotation-list .annotation-meta').textContent.includes('note'));
  state = await stored(page);
  assert.equal(state.annotations[0].note, text);
  assert.deepEqual(errors, []);
});

test('undo and redo, with the toolbar buttons and with Ctrl+Z / Ctrl+Shift+Z', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  assert.equal(await undo.isDisabled(), true);
  const x = await annotate(page, 'Much of the contaminated land is farmland that nobody dares to plough', { tag: 'Claim' });
  const y = await annotate(page, 'She asked donors to commit for several years at a time', { key: '5' });
  const quotes = async () => (await listedAnnotations(page)).map((a) => a.quote);
  const ids = async () => (await stored(page)).annotations.map((a) => a.id);
  const both = ['Much of the contaminated land is farmland that nobody dares to plough', 'She asked donors to commit for several years at a time'];
  assert.deepEqual(await quotes(), both);

  // Buttons.
  await undo.click();
  await storedWith(page, 1);
  assert.deepEqual(await quotes(), [both[0]]);
  assert.deepEqual(await ids(), [x.id]);
  await assertDrawnAsStored(page);
  await undo.click();
  await storedWith(page, 0);
  assert.deepEqual(await quotes(), []);
  assert.equal((await highlights(page)).spans.length, 0, 'no highlight is left');
  assert.equal(await undo.isDisabled(), true);
  await redo.click();
  await storedWith(page, 1);
  await redo.click();
  await storedWith(page, 2);
  assert.equal(await redo.isDisabled(), true);
  assert.deepEqual(await quotes(), both);
  assert.deepEqual(await ids(), [x.id, y.id], 'redo brings back the same annotations');
  await assertDrawnAsStored(page);

  // Keys (Control; Meta is wired the same way for macOS).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await storedWith(page, 1);
  await page.keyboard.press('Control+z');
  await storedWith(page, 0);
  assert.deepEqual(await quotes(), []);
  await page.keyboard.press('Control+Shift+z');
  await storedWith(page, 1);
  assert.deepEqual(await quotes(), [both[0]]);
  await page.keyboard.press('Control+Shift+Z');
  await storedWith(page, 2);
  assert.deepEqual(await quotes(), both);
  assert.deepEqual(await ids(), [x.id, y.id]);
  await assertDrawnAsStored(page);

  // In the release textarea, Ctrl+Z is the field's own undo, not the annotations'.
  await page.getByRole('textbox', { name: 'Press release text' }).focus();
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  assert.deepEqual(await ids(), [x.id, y.id]);
  assert.deepEqual(errors, []);
});

/** What a focused element shows as its focus ring. */
const focusRing = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    // A visually hidden file input shows its ring on its label.
    const shown = element.matches('input[type=file]') ? element.closest('label') : element;
    const style = getComputedStyle(shown);
    return {
      name: `${element.tagName.toLowerCase()} ${(element.getAttribute('aria-label') ?? element.textContent).trim().slice(0, 40)}`,
      focusVisible: element.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      tagButton: element.classList.contains('tag-button') ? element.firstChild.textContent : null,
      summary: element.classList.contains('annotation-summary'),
    };
  });

test('the whole flow works from the keyboard, with a visible focus ring at every stop', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const quote = 'Fear of buried charges has emptied village markets';
  await selectByKeyboard(page, quote);
  assert.equal(await targetText(page), `Selection: “${quote}”`);

  const stops = [];
  const tabTo = async (wanted) => {
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      stops.push(ring);
      if (wanted(ring)) return ring;
    }
    throw new Error(`not reached by Tab; stops: ${stops.map((s) => s.name).join(' | ')}`);
  };

  // Tab to the "Commitment" tag button and press Enter.
  await tabTo((ring) => ring.tagButton === 'Commitment');
  await page.keyboard.press('Enter');
  const state = await storedWith(page, 1);
  assert.equal(state.annotations[0].tag, 'commitment');
  assert.equal(slice(state.text, state.annotations[0].start, state.annotations[0].end), quote);

  // The new annotation is selected, its editor open: Tab on to its note.
  await regions(page).annotations.getByRole('textbox', { name: 'Note' }).waitFor();
  await tabTo((ring) => ring.name.startsWith('textarea Note'));
  assert.ok(stops.some((stop) => stop.summary), 'the annotation in the list is a Tab stop');
  await page.keyboard.type('Said twice.');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('.annotation-meta')?.textContent.includes('note: Said twice.'));
  assert.equal((await stored(page)).annotations[0].note, 'Said twice.');

  for (const stop of stops) {
    assert.ok(stop.focusVisible, `${stop.name} matches :focus-visible`);
    assert.match(stop.outline, /^solid 3px rgb\(242, 169, 0\)$/, `${stop.name} shows the focus ring (${stop.outline})`);
  }
  assert.deepEqual(errors, []);
});

/**
 * The middle of the visible part of `selector`'s element, checked to be on
 * screen and not covered, and on the side of the document pane (`before` or
 * `after` it in the page) that the test needs. Where a layout cannot give
 * such a point the test fails here and says why, instead of dragging to
 * wherever the element happens to be.
 */
async function pointOver(page, selector, side) {
  const point = await page.evaluate(
    ({ selector, side }) => {
      const element = document.querySelector(selector);
      const pane = document.querySelector('section.document');
      const order = pane.compareDocumentPosition(element);
      const where = order & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      if (where !== side) return { error: `${selector} comes ${where} the document pane, not ${side} it` };
      const box = element.getBoundingClientRect();
      const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
      const [left, right] = [Math.max(box.left, 0), Math.min(box.right, innerWidth)];
      if (bottom - top < 4 || right - left < 4) {
        const at = `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`;
        return { error: `${selector} is off screen (at ${at} in a ${innerWidth}×${innerHeight} window)` };
      }
      const [x, y] = [(left + right) / 2, (top + bottom) / 2];
      if (!element.contains(document.elementFromPoint(x, y))) return { error: `${selector} is covered at ${x},${y}` };
      return { x, y };
    },
    { selector, side },
  );
  if (point.error) assert.fail(point.error);
  return point;
}

/** Checks that a point is inside the window (so the mouse can press there). */
async function assertOnScreen(page, { x, y }, what) {
  const { width, height } = page.viewportSize();
  assert.ok(x >= 0 && y >= 0 && x < width && y < height, `${what} (${x},${y}) is on screen (${width}×${height})`);
}

/** Which ends of the DOM selection lie inside the document pane. */
const selectionEndsInDocument = (page) =>
  page.evaluate(() => {
    const range = getSelection().getRangeAt(0);
    const root = document.querySelector('section.document');
    return [root.contains(range.startContainer), root.contains(range.endContainer)];
  });

// Both overshoot tests measure where things are rather than assume it: the
// page is scrolled to the top of the workspace, as a reader scrolls past the
// Library to read (the header, the document pane and the Tags panel stay in
// the window there), then only the document pane scrolls to the passage,
// and the point the drag ends on is checked to be on screen over the
// element named. A first version scrolled the whole page to the passage,
// which moved the Tags panel off screen whenever the left column was taller
// than the window, so the drag ended above the page and selected backwards.

/** Scrolls the page so that the workspace starts under the sticky header. */
async function scrollToWorkspace(page) {
  await page.evaluate(() => {
    const header = document.querySelector('.site-header').getBoundingClientRect().height;
    const top = document.querySelector('main.workspace').getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - header);
  });
  const pane = await page.locator('section.document').boundingBox();
  const { height } = page.viewportSize();
  assert.ok(pane.y >= 0 && pane.y + pane.height <= height, `the document pane is in the window: ${JSON.stringify(pane)}`);
}
test('a drag that overshoots the document pane onto the Tags panel selects up to the end of the text', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await scrollToWorkspace(page);
  const { from, start } = await locatePassage(page, 'We cannot call a war over', { paneOnly: true });
  await assertOnScreen(page, from, 'the start of the passage');
  const target = await pointOver(page, '.tag-palette', 'after');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  assert.deepEqual(
    await selectionEndsInDocument(page),
    [true, false],
    'the selection starts in the document and ends outside it',
  );
  await page.waitForFunction(() =>
    document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection: “We cannot call a war'),
  );
  await page.keyboard.press('1');
  const state = await storedWith(page, 1);
  const [annotation] = state.annotations;
  assert.equal(annotation.start, start);
  assert.equal(annotation.end, codePoints(state.text.trimEnd()).length, 'the annotation ends where the text does');
  assert.ok(slice(state.text, annotation.start, annotation.end).endsWith('Not an official record.'));
  assert.deepEqual(errors, []);
});

test('a drag that overshoots the document pane onto the page header selects from the start of the text', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await scrollToWorkspace(page);
  const passage = 'Fear of buried charges has emptied village markets';
  const { to, end } = await locatePassage(page, passage, { paneOnly: true });
  await assertOnScreen(page, to, 'the end of the passage');
  const target = await pointOver(page, '.site-header .tagline', 'before');
  await page.mouse.move(to.x, to.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  assert.deepEqual(
    await selectionEndsInDocument(page),
    [false, true],
    'the selection starts outside the document and ends in it',
  );
  const firstLine = SAMPLE_TEXT.split('\n')[0];
  await page.waitForFunction(
    (firstLine) => document.querySelector('.tag-palette .target')?.textContent.startsWith(`Selection: “${firstLine}`),
    firstLine,
  );
  await page.keyboard.press('1');
  const state = await storedWith(page, 1);
  const [annotation] = state.annotations;
  assert.equal(annotation.start, 0, 'the annotation starts where the text does');
  assert.equal(annotation.end, end);
  assert.ok(slice(state.text, annotation.start, annotation.end).endsWith(passage));
  assert.deepEqual(errors, []);
});
