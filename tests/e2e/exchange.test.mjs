// Export JSON and Import annotations: offsets in code points (checked on a
// text with emoji and combining marks before the annotated words), the
// round trip into a fresh page, and files that must be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  DEFAULT_TAGS,
  ROOT,
  SAMPLE_TEXT,
  annotate,
  assertExportConsistent,
  cliParse,
  codePoints,
  exportJson,
  exportVia,
  fresh,
  highlights,
  importFile,
  listedAnnotations,
  loadText,
  offsetOf,
  regions,
  slice,
  stored,
  storedWith,
} from './support/annotator.mjs';

const browser = sharedBrowser();

/**
 * A release where emoji (one code point, two UTF-16 units; a ZWJ sequence;
 * a flag) and decomposed accents come before every annotated passage, so
 * that a UTF-16 offset anywhere would land on the wrong words.
 */
const EMOJI_TEXT = [
  'Nordic Ministers Pledge 🎉 New Climate Fund for the Sahel',
  '',
  'STOCKHOLM, 2 April 2025 -- 👩‍🔬 Researchers from the laboratory of Rene\u0301e Lindqvist (🇸🇪) opened the meeting.',
  '',
  'ZOË ÅSTRÖM (Sweden) said 🎉 the Nordic countries 👩‍🔬 will double their contribution by 2026. She added that 🇸🇪 Sweden alone would give $12 million.',
  '',
  'JOSE\u0301 MARTI\u0301NEZ (Spain) said the fund must reach farmers before the rains fail, not after.',
].join('\n');

const EMOJI_PASSAGES = [
  ['double their contribution by 2026', 'Commitment'],
  ['countries 👩‍🔬 will double', 'Claim'],
  ['Sweden alone would give $12 million', 'Evidence'],
  ['the fund must reach farmers', 'Proposal'],
  ['Rene\u0301e Lindqvist', 'Concern'],
];

/** Annotates the passages in turn; adds `note` to the first. */
async function annotateAll(page, passages, note) {
  const created = [];
  for (const [passage, tag] of passages) created.push(await annotate(page, passage, { tag }));
  if (note) {
    await page.keyboard.press('Escape');
    await regions(page).annotations.getByRole('button', { name: new RegExp(passages[0][0].slice(0, 20)) }).click();
    const field = regions(page).annotations.getByRole('textbox', { name: 'Note' });
    await field.fill(note);
    await field.blur();
    await page.waitForFunction((note) => document.querySelector('.annotations-panel').textContent.includes(note), note);
  }
  return created;
}

test('Export JSON on the sample: code-point offsets, 32-point context, the document text, speakers', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const parsed = cliParse();
  const passages = [
    ['Clearance that arrives after the planting season is clearance that arrives a year late', 'Claim'],
    ['the SDCC’s request for €12 million', 'Proposal'],
    ['Denmark has funded survey work in the region since 2019', 'Commitment'],
  ];
  await annotateAll(page, passages, 'Ask the SDCC for the 2026 cost.');
  const state = await storedWith(page, 3);

  const { name, json } = await exportJson(page);
  assert.equal(name, 'SC-15802.annotations.json');
  assertExportConsistent(json);
  assert.equal(json.document.text, SAMPLE_TEXT, 'the exported text is the document text');
  assert.equal(json.document.text, state.text);
  assert.equal(json.document.symbol, 'SC/15802');
  assert.deepEqual(
    json.tags.map((tag) => tag.name),
    DEFAULT_TAGS,
  );
  assert.deepEqual(
    json.annotations.map((a) => a.exact),
    passages.map(([quote]) => quote),
    'every annotation, in reading order',
  );
  for (const a of json.annotations) {
    const saved = state.annotations.find((s) => s.id === a.id);
    assert.ok(saved, `${a.id} is one of the stored annotations`);
    assert.deepEqual([a.start, a.end, a.tag, a.note], [saved.start, saved.end, saved.tag, saved.note]);
    assert.equal(a.start, offsetOf(SAMPLE_TEXT, a.exact));
    assert.equal(a.tag_name, passages.find(([quote]) => quote === a.exact)[1]);
    const paragraph = parsed.paragraphs.findIndex((p) => p.start <= a.start && a.start < p.end);
    assert.equal(a.paragraph, paragraph, `${a.exact}: paragraph`);
    assert.equal(a.speaker, parsed.paragraphs[paragraph].speaker, `${a.exact}: speaker`);
  }
  assert.equal(json.annotations[0].note, 'Ask the SDCC for the 2026 cost.');
  assert.equal(parsed.speakers[json.annotations[0].speaker].name, 'IBRAHIM SALL-TOURÉ');
  assert.equal(parsed.speakers[json.annotations[2].speaker].name, 'SOFIA MARCHETTI-RUIZ');
  assert.deepEqual(json.orphans, []);
  assert.deepEqual(errors, []);
});

test('Export JSON on a text with emoji and combining marks counts code points, not UTF-16 units', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await loadText(page, EMOJI_TEXT);
  await annotateAll(page, EMOJI_PASSAGES);
  const state = await storedWith(page, EMOJI_PASSAGES.length);
  assert.equal(state.text, EMOJI_TEXT);
  // The highlights sit on the passages (a UTF-16 slip would shift them).
  const { byId } = await highlights(page);
  for (const a of state.annotations) assert.equal(byId.get(a.id)[0].text, slice(EMOJI_TEXT, a.start, a.end));

  const { name, json } = await exportJson(page);
  assert.match(name, /\.annotations\.json$/);
  assertExportConsistent(json);
  assert.equal(json.document.text, EMOJI_TEXT);
  assert.equal(json.document.text_length, codePoints(EMOJI_TEXT).length);
  assert.notEqual(json.document.text_length, EMOJI_TEXT.length, 'the text has characters outside the BMP');
  const byQuote = new Map(json.annotations.map((a) => [a.exact, a]));
  for (const [quote, tag] of EMOJI_PASSAGES) {
    const a = byQuote.get(quote);
    assert.ok(a, `"${quote}" is exported with exactly its words`);
    const start = offsetOf(EMOJI_TEXT, quote);
    assert.deepEqual([a.start, a.end], [start, start + codePoints(quote).length], `${quote}: code-point offsets`);
    assert.equal(a.tag_name, tag);
    assert.equal(a.prefix, slice(EMOJI_TEXT, Math.max(0, start - 32), start));
    assert.equal(a.suffix, slice(EMOJI_TEXT, a.end, a.end + 32));
  }
  // The one after the flag: its prefix holds both regional indicators whole.
  assert.ok(byQuote.get('Sweden alone would give $12 million').prefix.endsWith('that 🇸🇪 '));

  // The W3C export counts positions in code points too.
  const w3c = await exportVia(page, 'Export Web Annotations');
  assert.equal(w3c.name, name.replace(/\.json$/, '.jsonld'));
  const ld = JSON.parse(w3c.bytes.toString('utf8'));
  assert.equal(ld.type, 'AnnotationCollection');
  assert.equal(ld.total, EMOJI_PASSAGES.length);
  for (const item of ld.first.items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(slice(EMOJI_TEXT, position.start, position.end), quote.exact, `${quote.exact}: TextPositionSelector`);
    const tag = item.body.find((b) => b.purpose === 'tagging').value;
    assert.equal(tag, EMOJI_PASSAGES.find(([q]) => q === quote.exact)[1]);
  }
  assert.deepEqual(errors, []);
});

/** The list as it reads, without which item is open. */
const readList = async (page) => (await listedAnnotations(page)).map(({ tag, quote, meta }) => ({ tag, quote, meta }));

/** What the importing page must end up with: same annotations, same places. */
async function assertSameAnnotations(source, target) {
  const [from, to] = [await stored(source.page), await stored(target.page)];
  // Same annotations; the order kept is creation order, which an export
  // (in reading order) does not carry.
  const pick = (list) =>
    list
      .map((a) => ({ id: a.id, tag: a.tag, note: a.note, start: a.start, end: a.end }))
      .sort((x, y) => x.start - y.start || y.end - x.end);
  assert.deepEqual(pick(to.annotations), pick(from.annotations));
  assert.deepEqual(to.tags, from.tags);
  assert.deepEqual(await readList(target.page), await readList(source.page));
  const { byId } = await highlights(target.page);
  for (const a of to.annotations) assert.equal(byId.get(a.id)[0].text, slice(to.text, a.start, a.end));
}

test('an export of the sample imports into a fresh page with the same annotations and notes', async (t) => {
  const source = await fresh(t, browser);
  await annotateAll(
    source.page,
    [
      ['Much of the contaminated land is farmland that nobody dares to plough', 'Evidence'],
      ['She asked donors to commit for several years at a time', 'Proposal'],
      ['new detection tools, from ground-penetrating radar to drones, should be shared', 'Criticism'],
    ],
    'Compare with the 2023 appeal.',
  );
  await storedWith(source.page, 3);
  const { name, raw } = await exportJson(source.page);

  const target = await fresh(t, browser);
  assert.equal((await listedAnnotations(target.page)).length, 0);
  await importFile(target.page, name, raw);
  await target.page.getByRole('status').filter({ hasText: `Imported 3 annotation(s) from ${name}.` }).waitFor();
  await storedWith(target.page, 3);
  await assertSameAnnotations(source, target);
  assert.ok((await readList(target.page))[0].meta.endsWith('note: Compare with the 2023 appeal.'));
  assert.deepEqual(source.errors, []);
  assert.deepEqual(target.errors, []);
});

test('an export of a pasted emoji text imports into a fresh page once the same text is loaded', async (t) => {
  const source = await fresh(t, browser);
  await loadText(source.page, EMOJI_TEXT);
  await annotateAll(source.page, EMOJI_PASSAGES.slice(0, 3), 'Doubling: from what base? 🤔');
  await storedWith(source.page, 3);
  const { name, raw } = await exportJson(source.page);

  const target = await fresh(t, browser);
  await loadText(target.page, EMOJI_TEXT);
  await importFile(target.page, name, raw);
  await target.page.getByRole('status').filter({ hasText: 'Imported 3 annotation(s)' }).waitFor();
  await storedWith(target.page, 3);
  await assertSameAnnotations(source, target);
  assert.deepEqual(source.errors, []);
  assert.deepEqual(target.errors, []);
});

test('malformed or foreign files are refused with an alert naming the problem, and nothing changes', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await annotateAll(page, [['Some 640,000 people cannot safely reach their fields', 'Evidence']], 'Same figure as 2023?');
  const before = await storedWith(page, 1);
  const listBefore = await readList(page);
  const drawnBefore = [...(await highlights(page)).byId];
  const { raw } = await exportJson(page);
  const valid = JSON.parse(raw);
  const withFormat = (format) => JSON.stringify({ ...valid, format });
  const withWrongQuote = () => {
    const copy = structuredClone(valid);
    copy.annotations[0].exact = 'Some 2.4 million people remain at home';
    return JSON.stringify(copy);
  };
  const fixture = (name) => readFileSync(join(ROOT, 'tests', 'fixtures', 'annotate', name), 'utf8');

  const cases = [
    ['cut-off.annotations.json', raw.slice(0, Math.floor(raw.length / 2)), 'the file ends too early'],
    ['figures.json', fixture('spreadsheet.json'), 'the file is JSON but not a Rapporteur annotations export: it has no "format" field'],
    ['other-tool.jsonld', fixture('other-tool.jsonld'), 'the file is W3C Web Annotation JSON-LD'],
    [
      'hypothesis.json',
      withFormat('hypothesis/1'),
      'the file\'s "format" is "hypothesis/1", not "rapporteur-annotations/1": it was made by another tool',
    ],
    [
      'future.annotations.json',
      withFormat('rapporteur-annotations/2'),
      'the file is in format "rapporteur-annotations/2", from another version of Rapporteur',
    ],
    ['edited.annotations.json', withWrongQuote(), 'does not match the text'],
    ['empty.json', '', 'the file is empty'],
  ];
  for (const [name, contents, problem] of cases) {
    await importFile(page, name, contents);
    const alert = page.getByRole('alert').filter({ hasText: `${name} was not imported:` });
    await alert.waitFor();
    const message = await alert.textContent();
    assert.ok(message.includes(problem), `${name}: the alert names the problem (${message})`);
    assert.ok(message.includes('Nothing was changed.'), `${name}: the alert says nothing changed`);
    // Untouched: list, highlights and what is stored.
    assert.deepEqual(await readList(page), listBefore);
    assert.deepEqual([...(await highlights(page)).byId], drawnBefore);
    const after = await stored(page);
    assert.deepEqual(after.annotations, before.annotations);
    assert.deepEqual(after.tags, before.tags);
    assert.equal(after.text, before.text);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
  }
  assert.deepEqual(errors, []);
});
