// Editing the release under its annotations: they follow their words, one
// whose words are gone is kept as "Not placed", and a text that would leave
// most of them without a place is only taken after the reader confirms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  ROOT,
  SAMPLE_TEXT,
  annotate,
  codePoints,
  fresh,
  highlights,
  listedAnnotations,
  offsetOf,
  regions,
  slice,
  stored,
  textarea,
} from './support/annotator.mjs';

const browser = sharedBrowser();

const QUOTE_A = 'Fear of buried charges has emptied village markets and scattered the herders';
const QUOTE_B = 'Clearance that arrives after the planting season is clearance that arrives a year late';
const SENTENCE_A =
  'Fear of buried charges has emptied village markets and scattered the herders who once crossed these plains, and armed groups recruit among young men with no field left to farm.  ';

/** Puts `text` in the textarea and presses Parse. */
async function edit(page, text) {
  await textarea(page).fill(text);
  await page.getByRole('button', { name: 'Parse', exact: true }).click();
}

/** The quote of each placed annotation, by id, as the document draws it. */
async function drawnQuotes(page) {
  return new Map([...(await highlights(page)).byId].map(([id, ranges]) => [id, ranges.map((r) => r.text).join('')]));
}

test('annotations follow their words when the text is edited; deleted words are listed as "Not placed"', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const a = await annotate(page, QUOTE_A, { tag: 'Concern' });
  const b = await annotate(page, QUOTE_B, { tag: 'Claim' });

  // A sentence inserted before both passages.
  const inserted = 'The Council observed a minute of silence for the two deminers killed in June.  ';
  const edited = SAMPLE_TEXT.replace('Fear of buried charges', `${inserted}Fear of buried charges`);
  assert.notEqual(edited, SAMPLE_TEXT);
  await edit(page, edited);
  await page.getByRole('status').filter({ hasText: '2 annotation(s) moved with the edited text.' }).waitFor();
  await regions(page).document.getByText('observed a minute of silence', { exact: false }).waitFor();
  let drawn = await drawnQuotes(page);
  assert.equal(drawn.get(a.id), QUOTE_A, 'A is still on the same words');
  assert.equal(drawn.get(b.id), QUOTE_B, 'B is still on the same words');
  let state = await stored(page);
  assert.equal(state.text, edited);
  const placed = (id) => state.annotations.find((x) => x.id === id);
  const shift = codePoints(inserted).length;
  assert.equal(placed(a.id).start, a.start + shift);
  assert.equal(placed(b.id).start, b.start + shift);
  assert.equal(placed(a.id).start, offsetOf(edited, QUOTE_A));
  assert.equal(slice(edited, placed(b.id).start, placed(b.id).end), QUOTE_B);

  // A's sentence deleted: A has no place; B, half of them, keeps its own.
  const without = edited.replace(SENTENCE_A, '');
  assert.ok(!without.includes('village markets'));
  await edit(page, without);
  await page.getByRole('status').filter({ hasText: '1 annotation(s) could not be placed' }).waitFor();
  const panel = regions(page).annotations;
  await panel.getByRole('heading', { name: /Not placed/ }).waitFor();
  const orphans = await panel.locator('.orphan-list > li').evaluateAll((items) =>
    items.map((item) => [item.querySelector('.tag-name').textContent, item.querySelector('q').textContent]),
  );
  assert.deepEqual(orphans, [['Concern', QUOTE_A]]);
  assert.deepEqual(
    (await listedAnnotations(page)).map((x) => x.quote),
    [QUOTE_B],
  );
  drawn = await drawnQuotes(page);
  assert.deepEqual([...drawn], [[b.id, QUOTE_B]]);
  state = await stored(page);
  assert.equal(state.text, without);
  assert.deepEqual(state.orphans.map((o) => [o.id, o.exact]), [[a.id, QUOTE_A]]);
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no question was asked');

  // The sentence restored: the orphan finds its place again.
  await edit(page, edited);
  await page.waitForFunction(() => !document.querySelector('.annotations-panel .orphan-list'));
  drawn = await drawnQuotes(page);
  assert.equal(drawn.get(a.id), QUOTE_A);
  assert.equal(drawn.get(b.id), QUOTE_B);
  assert.deepEqual(errors, []);
});

test('a text that would orphan most annotations asks first: Cancel keeps the document, "Replace document" takes it', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const a = await annotate(page, QUOTE_A, { tag: 'Concern' });
  const b = await annotate(page, QUOTE_B, { tag: 'Claim' });
  // An edit of the release (most of it kept) that deletes the paragraphs
  // holding both passages. (Another release pasted over it would become a
  // release of its own in the library: nothing to ask.)
  const other = SAMPLE_TEXT.split('\n')
    .filter((line) => !line.includes(QUOTE_A) && !line.includes(QUOTE_B))
    .join('\n');
  assert.notEqual(other, SAMPLE_TEXT);

  await edit(page, other);
  const dialog = page.getByRole('alertdialog', { name: 'Replace the annotated document?' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /2 of 2 annotations cannot be placed/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await textarea(page).inputValue(), SAMPLE_TEXT, 'the textarea shows the document again');
  assert.equal((await stored(page)).text, SAMPLE_TEXT);
  assert.deepEqual((await listedAnnotations(page)).map((x) => x.quote), [QUOTE_A, QUOTE_B]);
  assert.equal((await drawnQuotes(page)).size, 2);

  await edit(page, other);
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Replace document' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('.annotations-panel .orphan-list'));
  const orphans = await regions(page).annotations.locator('.orphan-list q').allTextContents();
  assert.deepEqual(orphans.sort(), [QUOTE_A, QUOTE_B].sort());
  assert.deepEqual(await listedAnnotations(page), []);
  const state = await stored(page);
  assert.equal(state.text, other);
  assert.deepEqual(state.orphans.map((o) => o.id).sort(), [a.id, b.id].sort());
  assert.deepEqual(errors, []);
});
