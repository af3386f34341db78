// The library: releases added by paste, "Open files" and a drop, kept in
// IndexedDB across reloads; the views across releases (people and
// delegations, codes by delegation, search) with the right counts, each
// line opening its release at its place; the CSV and corpus exports read
// back exactly (the CSV by Python's csv module); a corpus imported into a
// fresh profile restores everything; the codebook shared and exchanged;
// deletion with undo; the whole library exported in every other tool's
// format from the Export menu. Accessible names throughout, as a reader's tools
// find them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  ROOT,
  SAMPLE_TEXT,
  codePoints,
  exportVia,
  fresh,
  listedAnnotations,
  loadText,
  readLibrary,
  regions,
  selectByMouse,
  until,
} from './support/annotator.mjs';
import {
  checkBrat,
  checkDoccano,
  checkLabelStudio,
  checkLabelStudioConfig,
  checkXmi,
} from './support/exchange-checks.mjs';
import { downloadText } from './support/faults.mjs';
import { readZip } from './support/zip.mjs';

const browser = sharedBrowser();

const fixture = (name) => readFileSync(join(ROOT, 'tests', 'fixtures', 'library', `${name}.txt`), 'utf8');
const GRAIN = fixture('sc-grain-corridor');
const FOOD = fixture('ga-food-security');
const MARITIME = fixture('sc-maritime-security');
const RURAL = fixture('ecosoc-rural-women');

const library = (page) => page.getByRole('region', { name: 'Library' });
const releaseItems = (page) => library(page).locator('li.release');
const people = (page) => page.getByRole('region', { name: 'People and delegations' });
const codes = (page) => page.getByRole('region', { name: 'Codes by delegation' });
const searchRegion = (page) => page.getByRole('region', { name: 'Search' });

/** Adds files with "Open files", through the file chooser it opens. */
async function openFiles(page, files) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    library(page).getByRole('button', { name: 'Open files', exact: true }).click(),
  ]);
  assert.ok(chooser.isMultiple(), 'the picker takes several files');
  await chooser.setFiles(files.map(([name, text, mimeType = 'text/plain']) => ({ name, mimeType, buffer: Buffer.from(text) })));
}

/** Opens the release whose list item holds `text`. */
async function openRelease(page, text) {
  await releaseItems(page).filter({ hasText: text }).locator('button.release-open').click();
  await page.waitForFunction(
    (text) => document.querySelector('.releases li.release.open')?.textContent.includes(text),
    text,
  );
}

/** Selects `passage` and tags it; waits until the Annotations list shows it. */
async function tag(page, passage, name) {
  await selectByMouse(page, passage);
  await regions(page).tags.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (passage) => [...document.querySelectorAll('.annotations-panel .annotation-list q')].some((q) => q.textContent === passage),
    passage,
  );
}

const saved = (page) =>
  page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved');

/** The four fixture releases added with "Open files" and three passages tagged. */
async function tagged(t) {
  const app = await fresh(t, browser);
  const { page } = app;
  await openFiles(page, [
    ['grain.txt', GRAIN],
    ['food.txt', FOOD],
    ['maritime.txt', MARITIME],
    ['rural.txt', RURAL],
  ]);
  await until(() => releaseItems(page).count(), (n) => n === 5, 'five releases listed');
  await openRelease(page, 'SC/16021');
  await tag(page, 'the convoys were delayed by security checks', 'Concern');
  await openRelease(page, 'GA/12688');
  await tag(page, 'unilateral sanctions are the main obstacle', 'Concern');
  await tag(page, 'humanitarian corridors had saved lives', 'Claim');
  await saved(page);
  return app;
}

test('three releases added by paste, "Open files" and a drop; tagged in two; after a reload all three are there with their annotations', async (t) => {
  const { page, errors } = await fresh(t, browser);
  // The first visit: the sample is the library's first release.
  await until(() => releaseItems(page).count(), (n) => n === 1, 'the sample listed');
  assert.match(await releaseItems(page).first().textContent(), /SC\/15802/);

  // 1. Pasted over the sample: a release of its own, the sample kept.
  await loadText(page, GRAIN);
  await until(() => releaseItems(page).count(), (n) => n === 2, 'the pasted release listed');
  assert.match(await library(page).locator('li.release.open').textContent(), /Security Council Urges Safe Passage/);

  // 2. "Open files": an .html page (its text extracted) and, again, the pasted text.
  const html = `<!doctype html><html><head><title>x</title><script>window.__pwned = 1</script></head><body><nav>Menu</nav><main>${FOOD.split('\n\n')
    .map((p) => `<p>${p.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('\n')}</main></body></html>`;
  await openFiles(page, [['food.html', html, 'text/html'], ['grain-again.txt', GRAIN]]);
  const notice = page.getByRole('status').filter({ hasText: 'Added 1 release(s) to the library: food.html.' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Already in the library, not added again: grain-again\.txt \(as “SC\/16021”\)/);
  await until(() => releaseItems(page).count(), (n) => n === 3, 'the html release listed');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'nothing in the page ran');

  // 3. Dropped on the page: a drop target shows while dragging.
  const data = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'maritime.txt', { type: 'text/plain' }));
    return data;
  }, MARITIME);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: data });
  await page.locator('.drop-target').waitFor();
  assert.match(await page.locator('.drop-target').textContent(), /Drop \.txt or \.html files/);
  await page.dispatchEvent('body', 'drop', { dataTransfer: data });
  await page.locator('.drop-target').waitFor({ state: 'detached' });
  await until(() => releaseItems(page).count(), (n) => n === 4, 'the dropped release listed');
  assert.match(await library(page).locator('li.release.open').textContent(), /SC\/16040/, 'the dropped release is open');

  // Tag in two of them.
  await tag(page, 'shipping lanes are the arteries of the world economy', 'Claim');
  await openRelease(page, 'GA/12688');
  await tag(page, 'unilateral sanctions are the main obstacle', 'Concern');
  await tag(page, 'rural women produce most of the food', 'Evidence');
  await saved(page);

  // Reload: every release is there, each with its annotations.
  await page.reload();
  await until(() => releaseItems(page).count(), (n) => n === 4, 'four releases after the reload');
  assert.match(await library(page).locator('li.release.open').textContent(), /GA\/12688/, 'the release open before is open again');
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 2);
  assert.deepEqual((await listedAnnotations(page)).map((a) => [a.tag, a.quote]), [
    ['Concern', 'unilateral sanctions are the main obstacle'],
    ['Evidence', 'rural women produce most of the food'],
  ]);
  assert.match(await releaseItems(page).filter({ hasText: 'SC/16040' }).textContent(), /1 annotation\(s\)/);
  await openRelease(page, 'SC/16040');
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 1);
  assert.equal((await listedAnnotations(page))[0].quote, 'shipping lanes are the arteries of the world economy');
  await openRelease(page, 'SC/16021');
  assert.equal((await listedAnnotations(page)).length, 0);
  await openRelease(page, 'SC/15802');
  assert.equal(await regions(page).document.locator('.para').first().textContent(), SAMPLE_TEXT.split('\n')[0]);
  assert.deepEqual(errors, []);
});

test('a release of more than 1 MB is kept as a Blob of its bytes: after a reload it opens whole, tagged, and search finds its last words', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await until(() => releaseItems(page).count(), (n) => n === 1, 'the sample listed');
  // A long release of our own: the grain corridor meeting, its debate
  // continued for a megabyte and a half, with an end of its own.
  const filler = Array.from(
    { length: 9500 },
    (_, i) => `The representative of delegation ${i + 1} said the corridor must stay open through the winter, and that the ports of departure need inspections that do not delay the ships.`,
  ).join('\n\n');
  const last = 'The meeting ended with a minute of silence for the crew of the Baltic Sentinel.';
  const long = `${GRAIN.trim()}\n\n${filler}\n\n${last}\n`;
  assert.ok(Buffer.byteLength(long) > 1.5 * 1024 * 1024 && Buffer.byteLength(long) < 2 * 1024 * 1024, `${Buffer.byteLength(long)} bytes`);
  await openFiles(page, [['long.txt', long]]);
  await until(() => releaseItems(page).count(), (n) => n === 2, 'the long release listed');
  await openRelease(page, 'SC/16021');
  await tag(page, 'the convoys were delayed by security checks', 'Concern');
  await saved(page);

  // Stored: the long text as a Blob, the sample as bytes; both whole.
  const shapes = await page.evaluate(
    () =>
      new Promise((resolve) => {
        indexedDB.open('rapporteur').onsuccess = (event) => {
          const db = event.target.result;
          const all = db.transaction('texts').objectStore('texts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map((t) => (t.text instanceof Blob ? 'Blob' : t.text.constructor.name)).sort());
          };
        };
      }),
  );
  assert.deepEqual(shapes, ['Blob', 'Uint8Array']);
  const stored = await readLibrary(page);
  assert.deepEqual(stored.releases.map((r) => r.text.length).sort((a, b) => a - b), [SAMPLE_TEXT.length, long.length].sort((a, b) => a - b));
  assert.ok(stored.releases.some((r) => r.text === long), 'the long text is stored exactly');

  // After a reload the long release opens whole (read back from its Blob),
  // with its annotation, and search, which reads every text, finds its end.
  await page.reload();
  await until(() => releaseItems(page).count(), (n) => n === 2, 'both releases after the reload');
  await openRelease(page, 'SC/15802');
  await openRelease(page, 'SC/16021');
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 1);
  assert.equal((await listedAnnotations(page))[0].quote, 'the convoys were delayed by security checks');
  assert.equal(await regions(page).document.locator('.para').first().textContent(), GRAIN.trim().split('\n')[0]);
  const box = searchRegion(page).getByRole('searchbox', { name: 'Search the library' });
  await box.fill('Baltic Sentinel');
  await searchRegion(page).getByRole('status').filter({ hasText: '1 match(es) in 1 release(s).' }).waitFor();
  const hit = searchRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button');
  assert.equal(await hit.locator('.kwic-release').textContent(), 'SC/16021');
  await hit.click();
  await page.waitForFunction(
    (last) => [...document.querySelectorAll('section.document .para')].some((p) => p.textContent === last),
    last,
  );
  assert.deepEqual(errors, []);
});

test('the views across the library show the right counts, update as you tag, and open each line at its place', async (t) => {
  const { page, errors } = await tagged(t);

  // People and delegations: one delegation under its printed forms.
  const russia = people(page).getByRole('button', { name: /^Russian Federation/ });
  assert.match(await russia.textContent(), /4 turn\(s\) in 4 meeting\(s\)/);
  assert.match(await people(page).getByRole('button', { name: /^Malta/ }).textContent(), /3 turn\(s\) in 3 meeting\(s\)/);
  await russia.click();
  const turns = people(page).getByRole('list', { name: 'Turns of Russian Federation' }).getByRole('button');
  assert.equal(await turns.count(), 4);
  const food = turns.filter({ hasText: 'GA/12688' });
  assert.match(await food.textContent(), /unilateral sanctions are the main obstacle/);
  await food.click();
  await page.waitForFunction(() => document.querySelector('section.document .para.marked')?.textContent.includes('The representative of the Russian Federation said that unilateral sanctions'));
  assert.match(await library(page).locator('li.release.open').textContent(), /GA\/12688/);

  // Codes by delegation: the heat map and its table agree.
  const cell = (row, tagName) => codes(page).locator(`svg .cell[data-row="${row}"][data-tag="${tagName}"]`);
  assert.equal(await cell('Russian Federation', 'Concern').getAttribute('data-count'), '2');
  assert.equal(await cell('United Kingdom', 'Claim').getAttribute('data-count'), '1');
  const table = codes(page).getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const row = await table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Russian Federation', exact: true }) }).locator('td').allTextContents();
  assert.equal(row[headers.indexOf('Concern') - 1], '2');
  // It updates as you tag.
  await tag(page, 'his country had shipped 200,000 tonnes free of charge', 'Concern');
  await until(() => cell('Russian Federation', 'Concern').getAttribute('data-count'), (n) => n === '3', 'the count updated');
  // A cell chosen from the keyboard lists its passages; each opens at its place.
  await cell('Russian Federation', 'Concern').focus();
  await page.keyboard.press('Enter');
  const passages = codes(page).getByRole('list', { name: 'Passages: Concern for Russian Federation' }).getByRole('button');
  assert.equal(await passages.count(), 3);
  assert.match(await passages.first().textContent(), /SC\/16021.*the convoys were delayed by security checks/);
  await passages.first().click();
  await page.waitForFunction(() => document.querySelector('.releases li.release.open')?.textContent.includes('SC/16021'));
  await page.waitForFunction(() => document.querySelector('.annotations-panel .annotation-list li.selected q')?.textContent === 'the convoys were delayed by security checks');

  // Search: a phrase in two releases, whatever its case; a hit opens selected.
  const box = searchRegion(page).getByRole('searchbox', { name: 'Search the library' });
  await box.fill('HUMANITARIAN Corridors');
  await searchRegion(page).getByRole('status').filter({ hasText: '4 match(es) in 2 release(s).' }).waitFor();
  const hits = searchRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button');
  assert.equal(await hits.count(), 4);
  assert.deepEqual(
    [...new Set(await hits.locator('.kwic-release').allTextContents())].sort(),
    ['GA/12688', 'SC/16021'],
  );
  const hit = hits.filter({ hasText: 'The representative of Malta' });
  assert.match(await hit.textContent(), /humanitarian corridors must be protected/);
  await hit.click();
  await page.waitForFunction(() => document.querySelector('.tag-palette .target')?.textContent === 'Selection: “humanitarian corridors”');
  assert.match(await library(page).locator('li.release.open').textContent(), /SC\/16021/);
  // Accents folded too (two fixture meetings).
  await box.fill('sergio franca');
  await searchRegion(page).getByRole('status').filter({ hasText: '2 match(es) in 2 release(s).' }).waitFor();
  assert.deepEqual((await hits.locator('mark').allTextContents()).sort(), ['SÉRGIO FRANÇA', 'SÉRGIO FRANÇA']);
  // And in the sample's names, written either way.
  await box.fill('Acuna');
  await searchRegion(page).getByRole('status').filter({ hasText: /match\(es\) in 1 release\(s\)\.$/ }).waitFor();
  assert.ok((await hits.locator('mark').allTextContents()).every((m) => m === 'ACUÑA' || m === 'Acuña'));
  assert.deepEqual(errors, []);
});

test('Export CSV and Export corpus read back exactly; the corpus restores everything in a fresh profile', async (t) => {
  const { page, errors } = await tagged(t);
  // A note with quotes, commas, a line break and emoji.
  const note = 'He said "no", then: "yes, maybe"\nand left 🎉🇲🇹';
  await page.keyboard.press('Escape');
  await regions(page).annotations.getByRole('button', { name: /humanitarian corridors had saved lives/ }).click();
  const field = regions(page).annotations.getByRole('textbox', { name: 'Note' });
  await field.fill(note);
  await field.blur();
  await saved(page);
  const stored = await readLibrary(page);
  const all = stored.releases.flatMap((r) =>
    r.annotations.map((a) => ({ ...a, exact: codePoints(r.text).slice(a.start, a.end).join(''), release: r })),
  );
  assert.equal(all.length, 3);

  // CSV, read by Python's csv module.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    library(page).getByRole('button', { name: 'Export CSV', exact: true }).click(),
  ]);
  assert.match(csvDownload.suggestedFilename(), /^rapporteur-library-\d{4}-\d\d-\d\d\.csv$/);
  const csvPath = join(tmpdir(), `rapporteur-e2e-${process.pid}.csv`);
  writeFileSync(csvPath, readFileSync(await csvDownload.path()));
  t.after(() => execFileSync('rm', ['-f', csvPath]));
  assert.equal(readFileSync(csvPath).subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a byte-order mark');
  const rows = JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.DictReader(f))))', csvPath],
      { encoding: 'utf8' },
    ),
  );
  assert.equal(rows.length, 3);
  for (const a of all) {
    const row = rows.find((r) => r.annotation_id === a.id);
    assert.ok(row, `a row for ${a.id}`);
    assert.equal(row.exact_text, a.exact);
    assert.equal(row.note, a.note);
    assert.equal(Number(row.start), a.start);
    assert.equal(Number(row.end), a.end);
    assert.equal(row.created, a.created);
    assert.equal(row.modified, a.modified);
    assert.equal(row.release_symbol, a.release.summary.symbol);
    assert.equal(row.date, a.release.summary.date);
    assert.equal(row.body, a.release.summary.body);
  }
  const sanctions = rows.find((r) => r.exact_text === 'unilateral sanctions are the main obstacle');
  assert.equal(sanctions.delegation, 'Russian Federation');
  assert.equal(sanctions.speaker, 'The representative of the Russian Federation');
  assert.equal(sanctions.tag, 'Concern');
  assert.equal(sanctions.meeting, 'Seventy-ninth Session, 41st Meeting (PM)');
  assert.equal(rows.find((r) => r.note !== '').note, note, 'quotes, commas, a line break and emoji in one field');

  // The corpus file, into a fresh profile.
  const [corpusDownload] = await Promise.all([
    page.waitForEvent('download'),
    library(page).getByRole('button', { name: 'Export corpus', exact: true }).click(),
  ]);
  const corpusText = await downloadText(corpusDownload);
  const corpus = JSON.parse(corpusText);
  assert.equal(corpus.format, 'rapporteur-corpus/1');
  assert.equal(corpus.codebook.format, 'rapporteur-codebook/1');
  assert.equal(corpus.releases.length, 5);
  for (const release of corpus.releases) {
    assert.equal(release.format, 'rapporteur-annotations/1');
    for (const a of release.annotations) {
      assert.equal(codePoints(release.document.text).slice(a.start, a.end).join(''), a.exact);
    }
  }

  const other = await fresh(t, browser);
  await other.page.getByLabel('Import corpus', { exact: true }).setInputFiles({
    name: 'corpus.json',
    mimeType: 'application/json',
    buffer: Buffer.from(corpusText),
  });
  await other.page.getByRole('status').filter({ hasText: 'Imported corpus.json' }).waitFor();
  await saved(other.page);
  const restored = await until(
    () => readLibrary(other.page),
    (l) => l?.releases.length === 5 && l.releases.reduce((n, r) => n + r.annotations.length, 0) === 3,
    'the corpus restored',
  );
  const key = (lib) =>
    lib.releases
      .map((r) => ({ text: r.text, annotations: [...r.annotations].sort((x, y) => x.id.localeCompare(y.id)), orphans: r.orphans }))
      .sort((x, y) => x.text.localeCompare(y.text));
  assert.deepEqual(key(restored), key(stored), 'the same texts, annotations (ids, tags, notes, offsets, times) and orphans');
  assert.deepEqual(restored.codebook.map((tag) => tag.name), stored.codebook.map((tag) => tag.name));
  // Importing it again adds nothing.
  await other.page.getByLabel('Import corpus', { exact: true }).setInputFiles({
    name: 'again.json',
    mimeType: 'application/json',
    buffer: Buffer.from(corpusText),
  });
  await other.page.getByRole('status').filter({ hasText: 'Imported again.json: 0 release(s) added, 5 already in the library merged' }).waitFor();
  await saved(other.page);
  assert.deepEqual(key(await readLibrary(other.page)), key(stored));
  // A broken corpus changes nothing and says why.
  await other.page.getByLabel('Import corpus', { exact: true }).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(corpusText.replace('"rapporteur-annotations/1"', '"rapporteur-annotations/9"')),
  });
  await other.page.getByRole('alert').filter({ hasText: 'broken.json was not imported' }).waitFor();
  assert.deepEqual(key(await readLibrary(other.page)), key(stored));
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
});

test('the Export menu exports the whole library in every other tool\'s format: each file holds every release, its text and annotations', async (t) => {
  const { page, errors } = await tagged(t);
  // A note with a line break and emoji, which every format must carry.
  await page.keyboard.press('Escape');
  await regions(page).annotations.getByRole('button', { name: /humanitarian corridors had saved lives/ }).click();
  const field = regions(page).annotations.getByRole('textbox', { name: 'Note' });
  await field.fill('Said twice,\nonce in 2024 🕊️');
  await field.blur();
  await saved(page);
  const stored = await readLibrary(page);
  const names = new Map(stored.codebook.map((tag) => [tag.id, tag.name]));
  const releases = stored.releases.map((r) => ({
    stem: r.summary.symbol.replaceAll('/', '-'),
    text: r.text,
    rows: r.annotations.map((a) => [names.get(a.tag), a.start, a.end, a.note]),
  }));
  assert.equal(releases.length, 5);
  assert.equal(releases.flatMap((r) => r.rows).length, 3);

  const cases = [
    ['Export brat standoff (.zip)', 'library-5.brat.zip', (b) => checkBrat(readZip(b), releases)],
    ['Export doccano JSONL', 'library-5.doccano.jsonl', (b) => checkDoccano(b, releases)],
    ['Export Label Studio tasks', 'library-5.label-studio.json', (b) => checkLabelStudio(b, releases, false)],
    ['Export Label Studio tasks with predictions', 'library-5.label-studio.json', (b) => checkLabelStudio(b, releases, true)],
    ['Export Label Studio labelling config', 'library-5.label-studio-config.xml', (b) => checkLabelStudioConfig(b, stored.codebook)],
    ['Export INCEpTION UIMA CAS XMI (.zip)', 'library-5.inception.zip', (b) => checkXmi(readZip(b), releases)],
  ];
  for (const [entry, fileName, check] of cases) {
    const file = await exportVia(page, `${entry} (whole library)`);
    assert.equal(file.name, fileName, entry);
    check(file.bytes);
    await page.getByRole('status').filter({ hasText: `Exported the library's 5 release(s) to ${fileName}.` }).waitFor();
  }
  // The open release's own entries still export it alone.
  const own = await exportVia(page, 'Export doccano JSONL');
  assert.equal(own.name, 'GA-12688.doccano.jsonl');
  checkDoccano(own.bytes, releases.filter((r) => r.stem === 'GA-12688'));
  assert.deepEqual(errors, []);
});

test('one codebook for the library: a tag made in one release is everywhere, described, exported and imported by name', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await loadText(page, GRAIN);
  const tags = regions(page).tags;
  await tags.getByText('Edit tags').click();
  await tags.getByRole('textbox', { name: 'New tag name' }).fill('Famine');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  const description = tags.getByRole('textbox', { name: 'Description of Famine' });
  await description.fill('Hunger used as a weapon, or warned of.');
  await description.blur();
  await tag(page, 'famine must never be used as a weapon of war', 'Famine');
  // The other release has the same codebook.
  await openRelease(page, 'SC/15802');
  await tags.locator('.tag-buttons').getByRole('button', { name: 'Famine', exact: true }).waitFor();
  // Deleting it here is refused while the other release uses it.
  await tags.getByRole('button', { name: 'Delete tag Famine', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'used by 1 annotation(s) in 1 other release(s)' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    library(page).getByRole('button', { name: 'Export codebook', exact: true }).click(),
  ]);
  const codebook = JSON.parse(await downloadText(download));
  assert.equal(codebook.format, 'rapporteur-codebook/1');
  const famine = codebook.tags.find((x) => x.name === 'Famine');
  assert.equal(famine.description, 'Hunger used as a weapon, or warned of.');
  assert.equal(famine.key, 7);

  const other = await fresh(t, browser);
  const file = {
    name: 'codes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...codebook, tags: codebook.tags.map((x) => (x.name === 'Claim' ? { ...x, color: '#000000', id: 'elsewhere' } : x)) })),
  };
  await other.page.getByLabel('Import codebook', { exact: true }).setInputFiles(file);
  await other.page.getByRole('status').filter({ hasText: 'Codebook codes.json imported: 1 tag(s) added (Famine), 1 updated (Claim), 5 unchanged.' }).waitFor();
  const otherTags = regions(other.page).tags;
  await otherTags.locator('.tag-buttons').getByRole('button', { name: 'Famine', exact: true }).waitFor();
  await otherTags.getByText('Edit tags').click();
  assert.equal(await otherTags.getByRole('textbox', { name: 'Description of Famine' }).inputValue(), 'Hunger used as a weapon, or warned of.');
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
});

test('a release deleted from the library comes back whole with Undo delete', async (t) => {
  const { page, errors } = await tagged(t);
  const item = releaseItems(page).filter({ hasText: 'GA/12688' });
  await item.getByRole('button', { name: /^Delete .* from the library$/ }).click();
  await page.getByRole('status').filter({ hasText: 'and its 2 annotation(s) from the library. Undo brings them back.' }).waitFor();
  await until(() => releaseItems(page).count(), (n) => n === 4, 'four left');
  await saved(page);
  assert.equal((await readLibrary(page)).releases.length, 4);
  await library(page).getByRole('button', { name: 'Undo delete' }).click();
  await until(() => releaseItems(page).count(), (n) => n === 5, 'five again');
  await page.waitForFunction(() => document.querySelectorAll('.annotations-panel .annotation-list > li').length === 2);
  await saved(page);
  const back = (await readLibrary(page)).releases.find((r) => r.summary.symbol === 'GA/12688');
  assert.equal(back.annotations.length, 2);
  assert.equal(back.text, FOOD);
  assert.deepEqual(errors, []);
});
