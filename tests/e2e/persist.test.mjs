// Autosave: after a reload the text, the annotations, their notes and the
// tags are all back, drawn where they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  ROOT,
  addTag,
  annotate,
  fresh,
  highlights,
  listedAnnotations,
  loadText,
  regions,
  stored,
  storedWith,
  tagButtons,
  textarea,
} from './support/annotator.mjs';

const browser = sharedBrowser();

const RELEASE = readFileSync(join(ROOT, 'tests', 'fixtures', 'press_release.txt'), 'utf8');

test('a reload restores the text, annotations, notes and tags', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await loadText(page, RELEASE);
  await annotate(page, 'a €240 million programme', { tag: 'Evidence' });
  await annotate(page, 'the yard would hire 120 apprentices', { key: '2' });
  await addTag(page, 'Follow-up');
  await annotate(page, 'publish the vessels’ energy use each quarter', { key: '7' });

  // A note on the first.
  await page.keyboard.press('Escape');
  await regions(page).annotations.getByRole('button', { name: /€240 million/ }).click();
  const note = regions(page).annotations.getByRole('textbox', { name: 'Note' });
  await note.fill('Is the €240 million in the annual report?');
  await note.blur();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.annotations-panel').textContent.includes('annual report'));

  const before = {
    input: await textarea(page).inputValue(),
    paragraphs: await regions(page).document.locator('.para').allTextContents(),
    list: await listedAnnotations(page),
    tags: await tagButtons(page),
    drawn: [...(await highlights(page)).byId],
    state: await storedWith(page, 3),
  };
  assert.equal(before.input, RELEASE);
  assert.equal(before.state.text, RELEASE);
  assert.equal(before.tags.at(-1).name, 'Follow-up');
  assert.equal(before.list.length, 3);
  assert.ok(before.list.some((item) => item.tag === 'Follow-up'));

  await page.reload();
  await regions(page).document.locator('.para').first().waitFor();
  await regions(page).annotations.locator('.annotation-list > li').nth(2).waitFor();

  assert.equal(await textarea(page).inputValue(), before.input, 'the text is back in the textarea');
  assert.deepEqual(await regions(page).document.locator('.para').allTextContents(), before.paragraphs);
  assert.deepEqual(await tagButtons(page), before.tags, 'the tags are back, the new one included');
  assert.deepEqual([...(await highlights(page)).byId], before.drawn, 'the highlights are where they were');
  const list = await listedAnnotations(page);
  assert.deepEqual(
    list.map(({ tag, quote, meta }) => ({ tag, quote, meta })),
    before.list.map(({ tag, quote, meta }) => ({ tag, quote, meta })),
  );
  assert.ok(list.some((item) => item.meta.endsWith('note: Is the €240 million in the annual report?')));
  const after = await stored(page);
  assert.deepEqual(after.annotations, before.state.annotations);
  assert.deepEqual(after.tags, before.state.tags);
  assert.deepEqual(errors, []);
});
