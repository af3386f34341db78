// Helpers for the windowed document view: what of the document is in the
// page, and scrolling its pane the way a reader's wheel or scrollbar does.
import { settleScroll } from './annotator.mjs';

/** Picks `contents` with the "Open file" button. */
export async function openText(page, name, contents) {
  await page.getByLabel('Open file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(contents) });
}

/**
 * The pane's state: paragraphs in the page (indices), scroll height and
 * position, and the paragraphs on screen (any part of them visible).
 */
export function paneState(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('section.document');
    const box = pane.getBoundingClientRect();
    const paragraphs = [...pane.querySelectorAll('.para')];
    const index = (p) => Number(p.id.replace('para-', ''));
    const visible = paragraphs.filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    return {
      mounted: paragraphs.map(index),
      visible: visible.map(index),
      scrollHeight: pane.scrollHeight,
      scrollTop: pane.scrollTop,
      clientHeight: pane.clientHeight,
    };
  });
}

/** Scrolls the pane to `top` (pixels; "end" for the bottom) and waits until it holds still. */
export async function scrollPane(page, top) {
  await page.evaluate((top) => {
    const pane = document.querySelector('section.document');
    pane.scrollTop = top === 'end' ? pane.scrollHeight : top;
  }, top);
  await settleScroll(page);
}

/** Waits until paragraph `index` is in the page and on screen in the pane. */
export async function waitOnScreen(page, index, timeout = 10_000) {
  await page
    .waitForFunction(
    (index) => {
      const p = document.getElementById(`para-${index}`);
      if (!p) return false;
      const r = p.getBoundingClientRect();
      const box = document.querySelector('section.document').getBoundingClientRect();
      return r.top >= box.top - 1 && r.top < box.bottom;
    },
    index,
    { timeout },
    )
    .catch(async (error) => {
      const state = await paneState(page);
      throw new Error(`paragraph ${index} is not on screen: ${JSON.stringify({ ...state, mounted: [state.mounted[0], state.mounted.at(-1)] })}: ${error.message}`);
    });
}

/**
 * The text of every paragraph of the document, in order, read by scrolling
 * the pane from top to bottom (a long document keeps only a window of its
 * paragraphs in the page). Leaves the pane at the top.
 */
export function allParagraphTexts(page) {
  return page.evaluate(async () => {
    const pane = document.querySelector('section.document');
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const texts = new Map();
    pane.scrollTop = 0;
    for (let step = 0; step < 100_000; step += 1) {
      await frame();
      for (const p of pane.querySelectorAll('.para')) texts.set(Number(p.id.slice(5)), p.textContent);
      if (pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 1) break;
      pane.scrollTop += pane.clientHeight / 2;
    }
    pane.scrollTop = 0;
    const count = Math.max(...texts.keys()) + 1;
    return Array.from({ length: count }, (_, i) => texts.get(i) ?? null);
  });
}
