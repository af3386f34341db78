// The windowed document view at a reader's level, on 100,000 paragraphs
// with a press release at the end: only a window of paragraphs is in the
// page yet the scroll height is the whole document's and holds still; the
// last speaker, an entity's mention, an annotation and a match of the find
// box (Ctrl+F) are brought into view from far away; a mouse drag that
// scrolls across hundreds of paragraphs tags exactly the words where it
// started and ended; the keyboard opens, steps through and closes the find
// box, tags its match and scrolls the pane.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import { SAMPLE_TEXT, cliParse, fresh, offsetOf, regions, settleScroll, storedWith, targetText } from './support/annotator.mjs';
import { openText, paneState, scrollPane, waitOnScreen } from './support/window.mjs';

const browser = sharedBrowser();

const FILLER = 100_000;
const LINE = 'The record, continued.';
const TEXT = `${`${LINE}\n\n`.repeat(FILLER)}${SAMPLE_TEXT}`;
const PHRASE = 'Much of the contaminated land is farmland';

// The native parser's reading of the same text: where each paragraph starts.
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-window-'));
const path = join(dir, 'long.txt');
writeFileSync(path, TEXT);
const parsed = cliParse(path);
rmSync(dir, { recursive: true, force: true });
const TOTAL = parsed.paragraphs.length;

/** Opens the long text and waits until it is the document on show. */
async function openLong(t) {
  const app = await fresh(t, browser);
  await openText(app.page, 'long.txt', TEXT);
  await app.page.waitForFunction(
    () =>
      !document.querySelector('.parsing') &&
      document.querySelector('section.document').scrollHeight > 1_000_000 &&
      document.getElementById('para-0')?.textContent === 'The record, continued.',
    null,
    { timeout: 120_000 },
  );
  // The first heights measured refine the estimates once.
  await app.page.waitForTimeout(500);
  await settleScroll(app.page);
  return app;
}

const near = (a, b, tolerance) => Math.abs(a - b) <= tolerance * Math.max(a, b);

test('100,000 paragraphs: a window of them in the page, a scroll height for all that holds still, the end reached by scrolling', async (t) => {
  const { page, errors } = await openLong(t);
  assert.ok(TOTAL > FILLER, `${TOTAL} paragraphs`);
  const top = await paneState(page);
  assert.ok(top.mounted.length >= 10 && top.mounted.length < 400, `${top.mounted.length} paragraphs in the page`);
  assert.equal(top.mounted[0], 0);
  assert.ok(top.scrollHeight > FILLER * 20, `scroll height ${top.scrollHeight} stands for every paragraph`);

  // The middle: the paragraphs there, and no others far away.
  await scrollPane(page, Math.round(top.scrollHeight / 2));
  const middle = await paneState(page);
  assert.ok(middle.visible.length > 0, 'paragraphs on screen in the middle');
  const seen = middle.visible[0];
  assert.ok(near(seen, TOTAL / 2, 0.1), `paragraph ${seen} half way down ${TOTAL}`);
  assert.ok(middle.mounted.length < 400 && middle.mounted.every((i) => Math.abs(i - seen) < 400), 'only the window is in the page');
  assert.ok(near(middle.scrollHeight, top.scrollHeight, 0.03), `scroll height ${middle.scrollHeight} against ${top.scrollHeight}`);
  // What is on screen stays there: heights measured after the scroll do not move it.
  await page.waitForTimeout(300);
  await settleScroll(page);
  assert.deepEqual((await paneState(page)).visible.slice(0, 3), middle.visible.slice(0, 3));

  // Scrolling up a little keeps the reader's place too (paragraphs mounted above).
  await scrollPane(page, middle.scrollTop - 5 * middle.clientHeight);
  const above = await paneState(page);
  assert.ok(above.visible[0] < seen && seen - above.visible[0] < 400, `${above.visible[0]} just above ${seen}`);

  // The end: the release's last paragraph on screen.
  await scrollPane(page, 'end');
  await scrollPane(page, 'end');
  const end = await paneState(page);
  assert.ok(end.visible.includes(TOTAL - 1), `the last paragraph ${TOTAL - 1} on screen (${end.visible})`);
  assert.ok(end.mounted.length < 400, `${end.mounted.length} paragraphs in the page at the end`);
  assert.ok(near(end.scrollHeight, top.scrollHeight, 0.03), `scroll height ${end.scrollHeight} against ${top.scrollHeight}`);
  assert.deepEqual(errors, []);
});

test('the last speaker, an entity, a find match and an annotation far down are mounted, brought into view and marked; the keyboard drives the find box', async (t) => {
  const { page, errors } = await openLong(t);
  const pane = regions(page).document;

  // The last speaker of the Speakers panel: the first paragraph of their turns.
  const speaker = regions(page).speakers.locator('button.speaker').last();
  const name = await speaker.locator('.speaker-name').textContent();
  const expected = parsed.speakers.find((s) => s.name === name).paragraphs[0];
  assert.ok(expected > FILLER, `${name} speaks at paragraph ${expected}`);
  await speaker.click();
  await waitOnScreen(page, expected);
  assert.ok((await page.locator(`#para-${expected} .focus`).count()) > 0, 'the turn is highlighted');

  // An entity of the Facts panel: its first mention, far down too.
  await scrollPane(page, 0);
  await regions(page).facts.locator('button.entity').first().click();
  await page.waitForFunction(() => {
    const box = document.querySelector('section.document').getBoundingClientRect();
    return [...document.querySelectorAll('section.document .focus')].some((span) => {
      const r = span.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
  });
  const mention = await page.evaluate(() => Number(document.querySelector('section.document .focus').closest('.para').id.slice(5)));
  assert.ok(mention > FILLER, `the mention is in paragraph ${mention}`);

  // Ctrl+F opens the app's find box, not the browser's; the match is found
  // in a paragraph not in the page, brought into view, drawn and targeted.
  await scrollPane(page, 0);
  assert.equal(await page.locator(`#para-${parsed.paragraphs.length - 1}`).count(), 0, 'the end is not in the page');
  await page.keyboard.press('Control+f');
  const box = page.getByRole('search', { name: 'Find in document' });
  const field = box.getByRole('searchbox', { name: 'Find in document' });
  await field.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Find in document');
  const occurrences = SAMPLE_TEXT.toLowerCase().split(PHRASE.toLowerCase()).length - 1;
  await page.keyboard.type(PHRASE.toLowerCase());
  await box.getByText(`1 of ${occurrences}`, { exact: true }).waitFor();
  const start = offsetOf(TEXT, PHRASE);
  const paragraph = parsed.paragraphs.findIndex((p) => p.start <= start && start < p.end);
  await waitOnScreen(page, paragraph);
  assert.equal(await page.locator(`#para-${paragraph} .focus`).first().textContent(), PHRASE, 'the match is drawn');
  assert.ok((await targetText(page)).startsWith(`Selection: “${PHRASE}`), await targetText(page));
  if (occurrences > 1) {
    await page.keyboard.press('Enter');
    await box.getByText(`2 of ${occurrences}`, { exact: true }).waitFor();
    await page.keyboard.press('Shift+Enter');
    await box.getByText(`1 of ${occurrences}`, { exact: true }).waitFor();
  }
  // Escape closes it and gives the keyboard back to the document; the match
  // is still the target, and the digit key tags it.
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Document');
  await page.keyboard.press('1');
  const [annotation] = (await storedWith(page, 1)).annotations;
  assert.equal(annotation.start, start);
  assert.equal(annotation.end, start + [...PHRASE].length);

  // The keyboard scrolls the pane it left the focus in, and the window follows.
  await scrollPane(page, 0);
  await pane.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('PageDown');
  await settleScroll(page);
  const paged = await paneState(page);
  assert.ok(paged.scrollTop > 3 * paged.clientHeight, `PageDown scrolled to ${paged.scrollTop}`);
  assert.ok(paged.visible.length > 0 && paged.visible.every((i) => paged.mounted.includes(i)), 'what is on screen is in the page');

  // The annotation, chosen in the Annotations panel from here (Escape first
  // drops the entity's focus, which a jump would prefer, and the selection).
  await page.keyboard.press('Escape');
  await regions(page).annotations.locator('button.annotation-summary').first().click();
  await waitOnScreen(page, paragraph);
  assert.ok((await page.locator(`#para-${paragraph} .selected`).count()) > 0, 'the annotation is drawn selected');
  assert.deepEqual(errors, []);
});

test('a mouse drag from one paragraph across hundreds of others, scrolling with the wheel, tags the words where it started and ended', async (t) => {
  const { page, errors } = await openLong(t);
  // Points just inside the first character of "record" in paragraph 3, and
  // just inside the last character of "continued" in a paragraph on screen.
  const point = (index, word, last) =>
    page.evaluate(
      ({ index, word, last }) => {
        const para = document.getElementById(`para-${index}`);
        const node = para.querySelector('[data-start]').firstChild;
        const at = node.data.indexOf(word) + (last ? word.length - 1 : 0);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const r = range.getBoundingClientRect();
        return { x: last ? r.right - 1 : r.left + 1, y: r.top + r.height / 2 };
      },
      { index, word, last },
    );
  const from = await point(3, 'record', false);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 5, { steps: 3 });
  for (let i = 0; i < 12; i += 1) {
    await page.mouse.wheel(0, 2_000);
    await page.waitForTimeout(50);
  }
  await settleScroll(page);
  const scrolled = await paneState(page);
  assert.ok(scrolled.mounted.includes(3), 'the paragraph where the drag began is still in the page');
  const endIndex = scrolled.visible[Math.floor(scrolled.visible.length / 2)];
  assert.ok(endIndex > 300, `the drag ends at paragraph ${endIndex}`);
  const mountedBetween = scrolled.mounted.filter((i) => i > 3 && i < endIndex).length;
  assert.ok(mountedBetween < endIndex - 4, 'most paragraphs the selection spans are not in the page');
  const to = await point(endIndex, 'continued', true);
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection:'));
  await page.keyboard.press('1');
  const [annotation] = (await storedWith(page, 1)).annotations;
  const startOf = (index) => parsed.paragraphs[index].start;
  assert.equal(annotation.start, startOf(3) + LINE.indexOf('record'));
  assert.equal(annotation.end, startOf(endIndex) + LINE.indexOf('continued') + 'continued'.length);
  assert.deepEqual(errors, []);
});
