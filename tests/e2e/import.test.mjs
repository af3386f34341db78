// Import validation in the browser, for the cases exchange.test.mjs does
// not already cover (truncated JSON, another tool's JSON, wrong format,
// mismatched quotes, empty): missing fields, offsets out of range, ids used
// twice, UTF-16 offsets, a 100 MB file, binary files. Each is refused with a
// clear message and leaves the document, the annotations and the save as
// they were. Offsets inside a character are widened and said so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  codePoints,
  exportJson,
  fresh,
  highlights,
  importFile,
  listedAnnotations,
  loadText,
  regions,
  stored,
} from './support/annotator.mjs';
import { tagPassage } from './support/faults.mjs';

const browser = sharedBrowser();

const TEXT = [
  'Nordic Ministers Pledge 🎉 New Climate Fund',
  '',
  'JOSE\u0301 MARTI\u0301NEZ (Spain) said 🎉 the fund must reach farmers before the rains fail.',
  '',
  'ZOË ÅSTRÖM (Sweden) said the Nordic countries 👩‍🔬 will double their contribution by 2026.',
].join('\n');

/** Everything the reader has: list, highlights, document and the save. */
async function snapshot(page) {
  return {
    list: await listedAnnotations(page),
    drawn: [...(await highlights(page)).byId],
    paragraphs: await regions(page).document.locator('.para').allTextContents(),
    saved: await stored(page),
  };
}

async function refused(page, name, contents, expected) {
  if (typeof contents === 'string' && contents.startsWith('/')) {
    await page.getByLabel('Import annotations').setInputFiles(contents);
  } else {
    await importFile(page, name, contents);
  }
  const alert = page.getByRole('alert').filter({ hasText: name });
  await alert.waitFor();
  const message = await alert.locator('p').textContent();
  for (const part of [expected].flat()) assert.ok(message.includes(part), `${name}: "${part}" in\n${message}`);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
  return message;
}

test('invalid files are refused with a message naming each problem; the document and annotations stay untouched', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await loadText(page, TEXT);
  await tagPassage(page, 'the fund must reach farmers', 'Proposal');
  await tagPassage(page, 'will double their contribution', 'Commitment');
  const { raw } = await exportJson(page);
  const before = await snapshot(page);
  assert.equal(before.saved.annotations.length, 2);
  const valid = JSON.parse(raw);
  const edit = (change) => {
    const copy = structuredClone(valid);
    change(copy);
    return JSON.stringify(copy);
  };
  const [first, second] = valid.annotations;
  const length = codePoints(TEXT).length;
  const jsOffset = TEXT.indexOf('the fund must');

  const cases = [
    [
      'missing.annotations.json',
      edit((f) => {
        delete f.annotations[0].end;
        delete f.annotations[1].created;
        delete f.tags[0].name;
      }),
      ['the file has 3 problems:', '"end" is missing', '"created" is missing', '"name" is missing', 'Nothing was changed.'],
    ],
    ['no-document.annotations.json', edit((f) => delete f.document), 'file: "document" is missing'],
    [
      'range.annotations.json',
      edit((f) => {
        f.annotations[0].end = length + 10;
        f.annotations[1].start = f.annotations[1].end + 3;
      }),
      [`end ${length + 10} is past the end of the text (${length} code points)`, `is after end ${second.end}`],
    ],
    [
      'same-id.annotations.json',
      edit((f) => {
        f.annotations[1].id = f.annotations[0].id;
      }),
      `id "${first.id}" is also used by annotation 1`,
    ],
    [
      'utf16.annotations.json',
      edit((f) => {
        // What a tool counting UTF-16 code units (as JavaScript does) writes.
        f.annotations[0].start = jsOffset;
        f.annotations[0].end = jsOffset + 'the fund must reach farmers'.length;
        delete f.annotations[0].prefix;
        delete f.annotations[0].suffix;
      }),
      'the offsets count UTF-16 code units, as JavaScript does, but Rapporteur counts Unicode code points',
    ],
    ['picture.annotations.json', Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), 'the file is a PNG image'],
    ['latin1.annotations.json', Buffer.from(raw.replace('ZOË', 'ZO\xcb'), 'latin1'), 'the file is not UTF-8 text'],
    ['list.json', '[1, 2, 3]', 'the file holds a list of 3 items'],
    [
      'saved.json',
      // What the old single-document autosave wrote (rapporteur-saved/1).
      JSON.stringify({ format: 'rapporteur-saved/1', saved: '2025-01-01T00:00:00Z', text: before.saved.text, tags: before.saved.tags, annotations: before.saved.annotations, orphans: [] }),
      "the file is Rapporteur's autosave data, not an export",
    ],
  ];
  for (const [name, contents, expected] of cases) {
    await refused(page, name, contents, expected);
    const now = await snapshot(page);
    assert.deepEqual(now.list, before.list, `${name}: the list is unchanged`);
    assert.deepEqual(now.drawn, before.drawn, `${name}: the highlights are unchanged`);
    assert.deepEqual(now.paragraphs, before.paragraphs, `${name}: the document is unchanged`);
    assert.deepEqual(now.saved.annotations, before.saved.annotations, `${name}: the save is unchanged`);
    assert.deepEqual(now.saved.tags, before.saved.tags);
    assert.equal(now.saved.text, before.saved.text);
  }
  assert.deepEqual(errors, []);
});

test('a 100 MB file is refused by its size before it is read', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await tagPassage(page, 'Much of the contaminated land is farmland that nobody dares to plough', 'Evidence');
  const before = await snapshot(page);
  // A sparse file: 100 MB on paper, nothing on disk.
  const path = join(tmpdir(), `rapporteur-e2e-${process.pid}-100mb.annotations.json`);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 100 * 1024 * 1024);
  closeSync(fd);
  t.after(() => rmSync(path, { force: true }));
  const message = await refused(page, '100mb.annotations.json', path, '100mb.annotations.json is 100.0 MB; Rapporteur opens files of up to 50 MB.');
  assert.equal(message, `rapporteur-e2e-${process.pid}-100mb.annotations.json is 100.0 MB; Rapporteur opens files of up to 50 MB.`);
  // The same for a release text.
  await page.getByLabel('Open file').setInputFiles(path);
  await page.getByRole('alert').filter({ hasText: 'is 100.0 MB; Rapporteur opens files of up to 50 MB.' }).waitFor();
  const now = await snapshot(page);
  assert.deepEqual(now.list, before.list);
  assert.deepEqual(now.paragraphs, before.paragraphs);
  assert.deepEqual(now.saved.annotations, before.saved.annotations);
  assert.deepEqual(errors, []);
});

test('offsets inside a character are widened to the whole character, and the reader is told', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await loadText(page, TEXT);
  const now = '2025-04-02T15:00:00.000Z';
  const at = (quote) => codePoints(TEXT.slice(0, TEXT.indexOf(quote))).length;
  const jose = at('JOSE');
  const scientist = at('👩');
  const file = {
    format: 'rapporteur-annotations/1',
    document: { text: TEXT },
    tags: [{ id: 'claim', name: 'Claim', color: '#cc3333' }],
    annotations: [
      // Ends between the E and its combining acute accent.
      { id: 'a-1', tag: 'claim', start: jose, end: jose + 4, exact: 'JOSE', created: now, modified: now },
      // Ends inside the ZWJ sequence 👩‍🔬.
      { id: 'a-2', tag: 'claim', start: scientist, end: scientist + 1, exact: '👩', created: now, modified: now },
    ],
  };
  await importFile(page, 'split.annotations.json', JSON.stringify(file));
  const status = page.getByRole('status').filter({ hasText: 'Imported 2 annotation(s) from split.annotations.json.' });
  await status.waitFor();
  assert.ok(
    (await status.textContent()).includes('2 started or ended inside a character (between a letter and its accent, or inside an emoji) and now cover(s) the whole character.'),
  );
  const saved = await stored(page);
  const quotes = saved.annotations.map((a) => codePoints(saved.text).slice(a.start, a.end).join('')).sort();
  assert.deepEqual(quotes, ['JOSE\u0301', '👩‍🔬'].sort());
  const { byId } = await highlights(page);
  assert.equal(byId.get('a-1')[0].text, 'JOSE\u0301');
  assert.deepEqual(errors, []);
});
