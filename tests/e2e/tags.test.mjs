// The tag editor: add, rename, recolour, use, refuse to delete a used tag,
// then delete it with its annotations (one undo step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './support/app.mjs';
import {
  DEFAULT_TAGS,
  addTag,
  annotate,
  fresh,
  highlights,
  listedAnnotations,
  openTagEditor,
  stored,
  storedWith,
  tagButtons,
} from './support/annotator.mjs';

const browser = sharedBrowser();

test('a new tag is added, renamed, recoloured and used; deleting it is refused while used, then done with its annotations', async (t) => {
  const { page, errors } = await fresh(t, browser);
  assert.deepEqual((await tagButtons(page)).map((b) => b.name), DEFAULT_TAGS);

  await addTag(page, 'Follow-up');
  let buttons = await tagButtons(page);
  assert.deepEqual(buttons.at(-1), { name: 'Follow-up', key: '7', color: buttons.at(-1).color });
  assert.match(buttons.at(-1).color, /^#[0-9a-f]{6}$/);
  const added = (await stored(page)).tags.at(-1);
  assert.equal(added.name, 'Follow-up');

  const tags = await openTagEditor(page);
  // A name another tag has (ignoring case) is refused.
  await tags.getByRole('textbox', { name: 'Name of Follow-up' }).fill('claim');
  await tags.getByRole('textbox', { name: 'Name of Follow-up' }).press('Tab');
  await page.getByRole('alert').filter({ hasText: 'There is already a tag named' }).waitFor();
  assert.equal((await tagButtons(page)).at(-1).name, 'Follow-up');
  assert.equal(
    await tags.getByRole('textbox', { name: 'Name of Follow-up' }).inputValue(),
    'Follow-up',
    'the refused name does not stay in the field',
  );

  // Rename.
  await tags.getByRole('textbox', { name: 'Name of Follow-up' }).fill('Check later');
  await tags.getByRole('textbox', { name: 'Name of Follow-up' }).press('Tab');
  await tags.locator('.tag-buttons').getByRole('button', { name: 'Check later', exact: true }).waitFor();
  // Recolour.
  await tags.getByLabel('Colour of Check later').fill('#aa3377');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.tag-button')].some((b) => b.style.getPropertyValue('--tag').trim() === '#aa3377'),
  );
  buttons = await tagButtons(page);
  assert.deepEqual(buttons.at(-1), { name: 'Check later', key: '7', color: '#aa3377' });
  let state = await stored(page);
  assert.deepEqual(state.tags.at(-1), { id: added.id, name: 'Check later', color: '#aa3377' }, 'same id, new name and colour');

  // Use it, by its digit.
  const used = await annotate(page, 'A field that cannot be ploughed is a harvest lost every season', { key: '7', occurrence: 1 });
  assert.equal(used.tag, added.id);
  assert.deepEqual(
    (await listedAnnotations(page)).map((x) => [x.tag, x.quote]),
    [['Check later', 'A field that cannot be ploughed is a harvest lost every season']],
  );
  const style = await page.locator(`section.document [data-annotations~="${used.id}"]`).first().getAttribute('style');
  assert.match(style, /--tag: #aa3377/, 'the highlight has the new colour');
  const other = await annotate(page, 'Some 640,000 people cannot safely reach their fields', { tag: 'Evidence' });

  // Deleting a used tag is refused, with the reason.
  await tags.getByRole('button', { name: 'Delete tag Check later', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The tag "Check later" is used by 1 annotation' });
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /delete those too, or move them to another tag first/);
  state = await stored(page);
  assert.equal(state.tags.length, 7);
  assert.equal(state.annotations.length, 2);
  assert.equal((await tagButtons(page)).length, 7);

  // "Delete with annotations" removes the tag and what uses it, nothing else.
  await tags.getByRole('button', { name: 'Delete tag Check later and its annotations' }).click();
  await storedWith(page, 1);
  assert.deepEqual((await tagButtons(page)).map((b) => b.name), DEFAULT_TAGS);
  state = await stored(page);
  assert.deepEqual(state.annotations.map((x) => x.id), [other.id]);
  assert.deepEqual([...(await highlights(page)).byId.keys()], [other.id]);
  assert.deepEqual((await listedAnnotations(page)).map((x) => x.tag), ['Evidence']);

  // One step: undo brings both back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await storedWith(page, 2);
  assert.equal((await tagButtons(page)).at(-1).name, 'Check later');
  assert.deepEqual([...(await highlights(page)).byId.keys()].sort(), [used.id, other.id].sort());
  assert.deepEqual(errors, []);
});
