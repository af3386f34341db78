// The Export menu and other tools' files, in the browser. The menu is
// driven by keyboard and by mouse as the WAI-ARIA menu button pattern
// says; every export of a release with emoji, combining accents, Arabic
// and Hebrew (and CRLF line ends in the file opened) is the very file the
// core makes (rapporteur-cli, same annotations), and read here on its own
// terms: code points in brat, doccano and Label Studio, UTF-16 code units
// in the XMI. Files written here the way each tool writes them import
// through "Import annotations" and land on the right passages; broken
// ones are refused with a message and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser } from './support/app.mjs';
import {
  SAMPLE_TEXT,
  ROOT,
  codePoints,
  exportButton,
  exportJson,
  exportMenu,
  exportVia,
  fresh,
  highlights,
  importFile,
  importFiles,
  listedAnnotations,
  regions,
  slice,
  stored,
  storedWith,
} from './support/annotator.mjs';
import {
  checkBrat as checkReleasesBrat,
  checkDoccano as checkReleasesDoccano,
  checkLabelStudio as checkReleasesLabelStudio,
  checkLabelStudioConfig,
  checkXmi as checkReleasesXmi,
  sorted,
} from './support/exchange-checks.mjs';
import { readZip, writeZip } from './support/zip.mjs';

const browser = sharedBrowser();

const RELEASE_PATH = join(ROOT, 'tests', 'fixtures', 'exchange', 'release-crlf.txt');
const RELEASE = readFileSync(RELEASE_PATH, 'utf8');
/** What the app holds once the file is opened: the same text, LF line ends. */
const TEXT = RELEASE.replace(/\r\n/g, '\n');
const STEM = 'SC-99001';
/** The file-name stem of the app's sample release (its symbol, `/` as `-`), on which the menu tests export. */
const SAMPLE_STEM = SAMPLE_TEXT.match(/^([A-Z]+(?:\/[A-Z]+)*\/\d+)$/m)[1].replaceAll('/', '-');
const NOW = '2026-03-12T09:00:00.000Z';

/** The Export menu: this release's entries, then the whole library's (other tools' formats). */
const TOOLS = [
  'Export brat standoff (.zip)',
  'Export doccano JSONL',
  'Export Label Studio tasks',
  'Export Label Studio tasks with predictions',
  'Export Label Studio labelling config',
  'Export INCEpTION UIMA CAS XMI (.zip)',
];
const MENU = [
  'Export JSON',
  'Export Web Annotations',
  ...TOOLS,
  ...TOOLS.map((item) => `${item} (whole library)`),
];

/** The passage from `from` up to (not including) `to`. */
const between = (from, to) => TEXT.slice(TEXT.indexOf(from), TEXT.indexOf(to, TEXT.indexOf(from)));

/** Code-point offsets of `quote` in the text. */
function span(quote) {
  const at = TEXT.indexOf(quote);
  assert.ok(at >= 0, `${quote} is in the text`);
  const start = codePoints(TEXT.slice(0, at)).length;
  return { start, end: start + codePoints(quote).length };
}

/** UTF-16 offsets of `quote`, as Java and the XMI count. */
function units(quote) {
  const begin = TEXT.indexOf(quote);
  return { begin, end: begin + quote.length };
}

const TAGS = [
  { id: 'claim', name: 'Claim', color: '#56b4e9' },
  { id: 'concern', name: 'Concern', color: '#d55e00' },
  { id: 'evidence', name: 'Evidence', color: '#009e73' },
  { id: 'proposal', name: 'Proposal', color: '#cc79a7' },
  { id: 'press', name: 'Press freedom', color: '#e69f00' },
];

/** Emoji, a ZWJ sequence and a flag, decomposed accents, RTL, a paragraph break, overlaps. */
const PASSAGES = [
  { tag: 'claim', quote: 'the Council must act now 🙏', note: 'Strong wording 💪\nsee <b>&amp;</b> "here"' },
  { tag: 'concern', quote: 'Rene\u0301 Dubois', note: '' },
  { tag: 'evidence', quote: '«مرحبا بالسلام»', note: 'Arabic: “peace” 🕊️' },
  { tag: 'press', quote: '“שלום עכשיו”', note: '' },
  { tag: 'proposal', quote: between('the Council should fund', ' said: “The situation'), note: 'across a paragraph' },
  { tag: 'claim', quote: '👩‍🔬 hydrologists 🇸🇪 would arrive', note: '' },
  { tag: 'concern', quote: 'hydrologists 🇸🇪', note: 'nested' },
];

/** Our own export holding PASSAGES on TEXT: how the tests put annotations in place. */
function ourFile(passages = PASSAGES) {
  return JSON.stringify({
    format: 'rapporteur-annotations/1',
    document: { text: TEXT },
    tags: TAGS,
    annotations: passages.map((p, n) => ({
      id: `a-${n + 1}`,
      tag: p.tag,
      ...span(p.quote),
      exact: p.quote,
      note: p.note,
      created: NOW,
      modified: NOW,
    })),
  });
}

const tagName = (id) => TAGS.find((tag) => tag.id === id).name;

/** Opens the release file as a reader does (CRLF line ends and all). */
async function openRelease(page) {
  await page.getByLabel('Open file').setInputFiles(RELEASE_PATH);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('section.document .para')].some((p) => p.textContent.includes('ended at 11:40')),
  );
  assert.equal((await stored(page)).text, TEXT);
}

/** The release opened and PASSAGES on it. */
async function annotatedRelease(page) {
  await openRelease(page);
  await importFile(page, 'setup.annotations.json', ourFile());
  await page.getByRole('status').filter({ hasText: `Imported ${PASSAGES.length} annotation(s)` }).waitFor();
  return storedWith(page, PASSAGES.length);
}

/** What the element with the focus is: a menu item's text, else its id or tag. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (element?.getAttribute('role') === 'menuitem') return element.textContent;
    if (element?.closest('label')) return `input: ${element.closest('label').textContent.trim()}`;
    return `#${element?.id || element?.tagName}`;
  });

async function assertClosed(page) {
  await exportMenu(page).waitFor({ state: 'hidden' });
  assert.equal(await exportButton(page).getAttribute('aria-expanded'), 'false');
}

async function assertOpenAt(page, item) {
  await exportMenu(page).waitFor();
  assert.equal(await exportButton(page).getAttribute('aria-expanded'), 'true');
  assert.equal(await focused(page), item);
}

test('the Export menu by keyboard: Tab reaches it, keys open, move, choose and close it as the menu button pattern says', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const button = exportButton(page);
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await exportMenu(page).count(), 0);

  // Tab from the top of the page reaches the button.
  await page.evaluate(() => document.activeElement?.blur());
  let presses = 0;
  while ((await focused(page)) !== '#export-button') {
    presses += 1;
    assert.ok(presses < 40, 'Tab reaches the Export button');
    await page.keyboard.press('Tab');
  }

  await page.keyboard.press('Enter');
  await assertOpenAt(page, 'Export JSON');
  // Every entry, named by its format (exact accessible names).
  const menu = exportMenu(page);
  assert.equal(await menu.getAttribute('role'), 'menu');
  assert.equal(await menu.getByRole('menuitem').count(), MENU.length);
  for (const name of MENU) assert.equal(await menu.getByRole('menuitem', { name, exact: true }).count(), 1, name);
  assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), MENU);
  // In two named groups: the open release, and every release of the library.
  const group = (name) => menu.getByRole('group', { name, exact: true }).getByRole('menuitem');
  assert.deepEqual(await group('This release').allTextContents(), MENU.slice(0, 8));
  assert.deepEqual(await group('Whole library').allTextContents(), MENU.slice(8));

  const moves = [
    ['ArrowDown', 'Export Web Annotations'],
    ['ArrowUp', 'Export JSON'],
    ['ArrowUp', MENU.at(-1)],
    ['ArrowDown', 'Export JSON'],
    ['End', MENU.at(-1)],
    ['Home', 'Export JSON'],
    ['l', 'Export Label Studio tasks'],
    ['l', 'Export Label Studio tasks with predictions'],
    ['l', 'Export Label Studio labelling config'],
    ['d', 'Export doccano JSONL (whole library)'],
    ['w', 'Export Web Annotations'],
  ];
  for (const [key, item] of moves) {
    await page.keyboard.press(key);
    assert.equal(await focused(page), item, `after ${key}`);
  }
  // Digits in the menu are not the page's tagging shortcuts.
  await page.keyboard.press('1');
  assert.equal(await focused(page), 'Export Web Annotations');

  await page.keyboard.press('Escape');
  await assertClosed(page);
  assert.equal(await focused(page), '#export-button');

  await page.keyboard.press(' ');
  await assertOpenAt(page, 'Export JSON');
  await page.keyboard.press('Tab');
  await assertClosed(page);
  assert.equal(await focused(page), 'input: Import annotations', 'Tab moves on past the menu');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), '#export-button');

  await page.keyboard.press('ArrowDown');
  await assertOpenAt(page, 'Export JSON');
  await page.keyboard.press('Escape');
  await assertClosed(page);
  await page.keyboard.press('ArrowUp');
  await assertOpenAt(page, MENU.at(-1));

  // Enter chooses: the file is saved, the menu closes, the focus is back.
  await page.keyboard.press('Home');
  for (let n = 0; n < 3; n += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'Export doccano JSONL');
  const [doccano] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(doccano.suggestedFilename(), `${SAMPLE_STEM}.doccano.jsonl`);
  await assertClosed(page);
  assert.equal(await focused(page), '#export-button');
  // Space chooses too.
  await page.keyboard.press('Enter');
  await page.keyboard.press('b');
  assert.equal(await focused(page), 'Export brat standoff (.zip)');
  const [brat] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(' ')]);
  assert.equal(brat.suggestedFilename(), `${SAMPLE_STEM}.brat.zip`);
  await assertClosed(page);
  assert.deepEqual(errors, []);
});

test('the Export menu by mouse: a click opens and closes it, a click outside closes it, hovering moves the focus, a click chooses', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const button = exportButton(page);
  await button.click();
  await assertOpenAt(page, 'Export JSON');
  await button.click();
  await assertClosed(page);

  await button.click();
  await exportMenu(page).waitFor();
  await regions(page).document.click({ position: { x: 20, y: 20 } });
  await assertClosed(page);

  await button.click();
  const item = exportMenu(page).getByRole('menuitem', { name: 'Export Label Studio tasks', exact: true });
  await item.hover();
  assert.equal(await focused(page), 'Export Label Studio tasks');
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  assert.equal(download.suggestedFilename(), `${SAMPLE_STEM}.label-studio.json`);
  await assertClosed(page);
  assert.equal(await focused(page), '#export-button');
  const tasks = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(tasks.length, 1);
  assert.ok(tasks[0].data.text.includes('Security Council'));
  assert.deepEqual(errors, []);
});

test('the exchange module is fetched on first use only, and a module that cannot load is told, not hung on', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const fetched = [];
  page.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await exportVia(page, 'Export JSON');
  assert.ok(!fetched.some((path) => path.includes('exchange')), `nothing of the exchange module yet: ${fetched}`);
  const file = await exportVia(page, 'Export doccano JSONL');
  assert.equal(file.name, `${SAMPLE_STEM}.doccano.jsonl`);
  assert.ok(fetched.includes('/rapporteur-exchange_bg.wasm'), `the module, once used: ${fetched}`);

  // A page whose exchange module is missing (a broken deployment).
  const broken = await fresh(t, browser);
  await broken.context.route('**/rapporteur-exchange_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await exportButton(broken.page).click();
  await exportMenu(broken.page).getByRole('menuitem', { name: 'Export brat standoff (.zip)', exact: true }).click();
  const alert = broken.page.getByRole('alert').filter({ hasText: 'Export brat standoff (.zip) could not be made:' });
  await alert.waitFor();
  const before = await stored(broken.page);
  await importFile(broken.page, 'tasks.jsonl', `${JSON.stringify({ text: 'x', label: [] })}\n`);
  await broken.page.getByRole('alert').filter({ hasText: 'tasks.jsonl was not imported:' }).waitFor();
  assert.deepEqual(await stored(broken.page), before);
  assert.deepEqual(errors, []);
});

// ---- what each export holds ------------------------------------------------

let cliBuilt = false;
/** The core's own export of the same annotations: rapporteur-cli export. */
function cliExport(annotationsPath, format, predictions) {
  const args = ['run', '-q', '--bin', 'rapporteur-cli', '--', 'export', '--format', format];
  if (predictions) args.push('--predictions');
  args.push('--annotations', annotationsPath, '-o', '-');
  const out = execFileSync('cargo', args, {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', cliBuilt ? 'ignore' : 'inherit'],
  });
  cliBuilt = true;
  return out;
}

/** (label, start, end, note) of PASSAGES, sorted: what every export must hold. */
const expected = () =>
  PASSAGES.map((p) => [tagName(p.tag), span(p.quote).start, span(p.quote).end, p.note]).sort();

/** The release as the shared checks take it. */
const RELEASES = () => [{ stem: STEM, text: TEXT, rows: expected() }];

function checkBrat(entries) {
  const { ann, conf } = checkReleasesBrat(entries, RELEASES());
  assert.ok(ann[STEM].some((l) => / \d+ \d+;\d+ \d+\t/.test(l)), 'the span across a paragraph break is in pieces, as brat writes it');
  assert.match(conf, /\[entities\][\s\S]*Press_freedom/);
}

const checkDoccano = (bytes) => checkReleasesDoccano(bytes, RELEASES());

function checkLabelStudio(bytes, predictions) {
  const [task] = checkReleasesLabelStudio(bytes, RELEASES(), predictions);
  if (!predictions) return;
  const predicted = task.predictions[0].result.filter((r) => r.type === 'labels');
  const labelled = (label, text) => predicted.some((r) => r.value.labels[0] === label && r.value.text === text);
  assert.ok(labelled('Speaker', 'Zoë Åström-Nuñez'), 'the speakers, pre-labelled');
  assert.ok(labelled('Money', '$12 million'), 'the facts, pre-labelled');
  assert.ok(predicted.some((r) => r.value.labels[0] === 'Turn' && r.value.text.startsWith('JOSE\u0301 MARTI\u0301NEZ')), 'the turns');
}

function checkXmi(entries) {
  checkReleasesXmi(entries, RELEASES());
  const first = PASSAGES[0].quote;
  assert.notEqual(units(first).begin, span(first).start, 'the emoji before it makes UTF-16 and code points differ');
}

test('every export of a release with emoji, accents and RTL text is what the core makes, at the right offsets', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await annotatedRelease(page);
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-exchange-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { name, raw } = await exportJson(page);
  assert.equal(name, `${STEM}.annotations.json`);
  const annotations = join(dir, name);
  writeFileSync(annotations, raw);

  const cases = [
    ['Export brat standoff (.zip)', 'brat', false, `${STEM}.brat.zip`, (b) => checkBrat(readZip(b))],
    ['Export doccano JSONL', 'doccano', false, `${STEM}.doccano.jsonl`, checkDoccano],
    ['Export Label Studio tasks', 'label-studio', false, `${STEM}.label-studio.json`, (b) => checkLabelStudio(b, false)],
    [
      'Export Label Studio tasks with predictions',
      'label-studio',
      true,
      `${STEM}.label-studio.json`,
      (b) => checkLabelStudio(b, true),
    ],
    [
      'Export Label Studio labelling config',
      'label-studio-config',
      true,
      `${STEM}.label-studio-config.xml`,
      (b) => checkLabelStudioConfig(b, TAGS),
    ],
    ['Export INCEpTION UIMA CAS XMI (.zip)', 'uima-xmi', false, `${STEM}.inception.zip`, (b) => checkXmi(readZip(b))],
  ];
  for (const [item, format, predictions, fileName, check] of cases) {
    const file = await exportVia(page, item);
    assert.equal(file.name, fileName, item);
    const core = cliExport(annotations, format, predictions);
    assert.ok(file.bytes.equals(core), `${item}: the same bytes as rapporteur-cli export --format ${format}`);
    check(file.bytes);
  }
  assert.deepEqual(errors, []);
});

// ---- other tools' files through Import annotations -------------------------

/** Imports `files` into a page with the release open; waits for the message. */
async function importInto(page, files, message) {
  await importFiles(page, files);
  const status = page.getByRole('status').filter({ hasText: message });
  await status.waitFor();
  return status.textContent();
}

/** The stored annotations as (tag name, start, end, note), sorted. */
async function storedRows(page, count) {
  const state = await storedWith(page, count);
  const names = new Map(state.tags.map((tag) => [tag.id, tag.name]));
  return { state, rows: sorted(state.annotations.map((a) => [names.get(a.tag), a.start, a.end, a.note])) };
}

/** The Annotations panel lists `rows` ([tag, quote]) and the document draws them. */
async function assertShown(page, rows) {
  const listed = (await listedAnnotations(page)).map((a) => [a.tag, a.quote]).sort();
  assert.deepEqual(listed, rows.map(([tag, quote]) => [tag, quote]).sort());
  const { byId } = await highlights(page);
  const state = await stored(page);
  for (const a of state.annotations) {
    const drawn = byId.get(a.id).map((r) => r.text).join('\n\n');
    assert.equal(drawn.replace(/\n+/g, ''), slice(TEXT, a.start, a.end).replace(/\n+/g, ''), `${a.id} is drawn on its passage`);
  }
}

test('doccano JSONL, a Label Studio export and brat files import on the right passages, with what was left out said', async (t) => {
  const claim = 'the Council must act now 🙏';
  const arabic = '«مرحبا بالسلام»';
  const hebrew = '“שלום עכשיו”';
  const rene = 'Rene\u0301 Dubois';
  const at = (quote) => [span(quote).start, span(quote).end];

  // doccano's own JSONL export: id, text, label triples, example comments.
  {
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    const line = { id: 41, text: TEXT, label: [[...at(claim), 'Claim'], [...at(arabic), 'Greeting']], Comments: ['Check with the envoy'] };
    const message = await importInto(page, [['project-3.jsonl', `${JSON.stringify(line)}\n`]], 'Imported 2 annotation(s) from project-3.jsonl (doccano JSONL).');
    assert.ok(message.includes('1 doccano comment(s) on the whole example were not imported'), message);
    const { state, rows } = await storedRows(page, 2);
    assert.deepEqual(rows, sorted([['Claim', ...at(claim), ''], ['Greeting', ...at(arabic), '']]));
    assert.ok(state.tags.some((tag) => tag.name === 'Commitment'), 'the tags already there are kept');
    await assertShown(page, [['Claim', claim], ['Greeting', arabic]]);
    assert.deepEqual(errors, []);
  }

  // Label Studio's JSON export: annotator ids, a per-region note, a choice
  // (not a span) and predictions nobody accepted.
  {
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    const region = (id, quote, label) => ({
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      origin: 'manual',
      value: { start: span(quote).start, end: span(quote).end, text: quote, labels: [label] },
    });
    const tasks = [
      {
        id: 7,
        data: { text: TEXT },
        annotations: [
          {
            id: 3,
            completed_by: 1,
            was_cancelled: false,
            result: [
              region('r-1', hebrew, 'Quote'),
              { id: 'r-1', from_name: 'comment', to_name: 'text', type: 'textarea', value: { start: span(hebrew).start, end: span(hebrew).end, text: ['Noa Levi, in Hebrew ✍️'] } },
              region('r-2', rene, 'Concern'),
              { id: 'c-1', from_name: 'tone', to_name: 'text', type: 'choices', value: { choices: ['Urgent'] } },
            ],
          },
        ],
        predictions: [{ model_version: 'ner', result: [region('p-1', claim, 'Claim')] }],
      },
    ];
    const message = await importInto(page, [['project-7-at-2026.json', JSON.stringify(tasks)]], 'Imported 2 annotation(s) from project-7-at-2026.json (Label Studio tasks).');
    assert.ok(message.includes('its 1 prediction(s) were not imported'), message);
    assert.ok(message.includes('1 "choices" result(s) were not imported'), message);
    const { rows } = await storedRows(page, 2);
    assert.deepEqual(rows, sorted([['Quote', ...at(hebrew), 'Noa Levi, in Hebrew ✍️'], ['Concern', ...at(rene), '']]));
    await assertShown(page, [['Quote', hebrew], ['Concern', rene]]);
    assert.deepEqual(errors, []);
  }

  // brat: the .ann and its .txt picked together, notes, a span in two
  // pieces across a paragraph break, a relation (not imported).
  const pieces = between('the Council should fund', ' said: “The situation');
  const [first, second] = pieces.split('\n\n');
  const p1 = span(first);
  const p2 = span(second);
  const ann = [
    `T1\tClaim ${at(claim).join(' ')}\t${claim}`,
    `T2\tFunding_pledge ${p1.start} ${p1.end};${p2.start} ${p2.end}\t${first} ${second}`,
    `#1\tAnnotatorNotes T1\tFirst line 🙏`,
    `#2\tAnnotatorNotes T1\tsecond line`,
    `R1\tSupports Arg1:T1 Arg2:T2`,
    '',
  ].join('\n');
  {
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    const message = await importInto(
      page,
      [
        ['sc-99001.ann', ann],
        ['sc-99001.txt', TEXT],
      ],
      'Imported 2 annotation(s) from sc-99001.ann, sc-99001.txt (brat standoff).',
    );
    assert.ok(/relation/i.test(message), message);
    const { rows } = await storedRows(page, 2);
    assert.deepEqual(rows, sorted([['Claim', ...at(claim), 'First line 🙏\nsecond line'], ['Funding_pledge', p1.start, p2.end, '']]));
    assert.deepEqual(errors, []);
  }

  // brat in a zip made by another hand, with visual.conf naming and colouring a type.
  {
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    const zip = writeZip([
      ['collection/sc-99001.txt', TEXT],
      ['collection/sc-99001.ann', ann],
      ['collection/annotation.conf', '[entities]\nClaim\nFunding_pledge\n[relations]\nSupports Arg1:Claim, Arg2:Funding_pledge\n'],
      ['collection/visual.conf', '[labels]\nFunding_pledge | Funding pledge | Pledge\n[drawing]\nFunding_pledge\tbgColor:#117733\n'],
    ]);
    await importInto(page, [['team.zip', zip]], 'Imported 2 annotation(s) from team.zip (brat standoff).');
    const { state, rows } = await storedRows(page, 2);
    assert.deepEqual(rows, sorted([['Claim', ...at(claim), 'First line 🙏\nsecond line'], ['Funding pledge', p1.start, p2.end, '']]));
    assert.equal(state.tags.find((tag) => tag.name === 'Funding pledge').color, '#117733');
    await assertShown(page, [['Claim', claim], ['Funding pledge', pieces]]);
    assert.deepEqual(errors, []);
  }
});

test('UIMA CAS XMI as INCEpTION writes it (UTF-16 offsets) and our own zips round-trip through the page', async (t) => {
  const claim = 'the Council must act now 🙏';
  const arabic = '«مرحبا بالسلام»';
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
  const u = (quote) => units(quote);
  const xmi = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:tcas="http:///uima/tcas.ecore" xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" xmlns:segmentation="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore" xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">
  <cas:NULL xmi:id="0"/>
  <tcas:DocumentAnnotation xmi:id="1" sofa="12" begin="0" end="${TEXT.length}" language="x-unspecified"/>
  <segmentation:Token xmi:id="2" sofa="12" begin="0" end="8"/>
  <type:NamedEntity xmi:id="3" sofa="12" begin="${u(arabic).begin}" end="${u(arabic).end}" value="LOC"/>
  <custom:RapporteurTag xmi:id="4" sofa="12" begin="${u(claim).begin}" end="${u(claim).end}" label="Claim" note="${escape('Two\nlines & <more>')}"/>
  <cas:Sofa xmi:id="12" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="${escape(TEXT)}"/>
  <cas:View sofa="12" members="1 2 3 4"/>
</xmi:XMI>
`;
  {
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    const message = await importInto(page, [['sc-99001.xmi', xmi]], 'Imported 2 annotation(s) from sc-99001.xmi (UIMA CAS XMI).');
    assert.ok(message.includes('annotations of other layers were not imported: 1 Token'), message);
    const { rows } = await storedRows(page, 2);
    assert.deepEqual(rows, sorted([['Claim', span(claim).start, span(claim).end, 'Two\nlines & <more>'], ['LOC', span(arabic).start, span(arabic).end, '']]));
    await assertShown(page, [['Claim', claim], ['LOC', arabic]]);
    assert.deepEqual(errors, []);
  }

  // Our brat and INCEpTION zips, exported from one page, imported into another.
  const source = await fresh(t, browser);
  await annotatedRelease(source.page);
  for (const [item, format] of [
    ['Export brat standoff (.zip)', 'brat standoff'],
    ['Export INCEpTION UIMA CAS XMI (.zip)', 'UIMA CAS XMI'],
  ]) {
    const file = await exportVia(source.page, item);
    const { page, errors } = await fresh(t, browser);
    await openRelease(page);
    await importInto(page, [[file.name, file.bytes]], `Imported ${PASSAGES.length} annotation(s) from ${file.name} (${format}).`);
    const { rows } = await storedRows(page, PASSAGES.length);
    assert.deepEqual(rows, expected(), item);
    assert.deepEqual(errors, []);
  }
  assert.deepEqual(source.errors, []);
});

test('from a file of several releases the open one is imported and the others are named', async (t) => {
  const { page, errors } = await fresh(t, browser);
  await openRelease(page);
  const other = 'General Assembly\n\nDelegates debated the budget 🧾 until late.\n';
  const task = (text, quote, label) => {
    const at = text.indexOf(quote);
    const start = codePoints(text.slice(0, at)).length;
    return {
      data: { text },
      annotations: [{ result: [{ id: 'x', from_name: 'label', to_name: 'text', type: 'labels', value: { start, end: start + codePoints(quote).length, text: quote, labels: [label] } }] }],
    };
  };
  const tasks = [task(other, 'budget 🧾', 'Evidence'), task(TEXT, '«مرحبا بالسلام»', 'Evidence'), task(other, 'until late', 'Concern')];
  const message = await importInto(page, [['library.json', JSON.stringify(tasks)]], 'Imported 1 annotation(s) from library.json (Label Studio tasks, task 2).');
  assert.ok(message.includes("The file holds 3 releases; task 2 was imported (its text is the open release's)."), message);
  assert.ok(message.includes('Left out: task 1, task 3.'), message);
  const { rows } = await storedRows(page, 1);
  assert.deepEqual(rows, [['Evidence', span('«مرحبا بالسلام»').start, span('«مرحبا بالسلام»').end, '']]);
  assert.deepEqual(errors, []);
});

test("broken files of other tools are refused with each problem named, and nothing changes", async (t) => {
  const { page, errors } = await fresh(t, browser);
  await annotatedRelease(page);
  const before = await stored(page);
  const listBefore = await listedAnnotations(page);
  const length = codePoints(TEXT).length;
  const emoji = TEXT.indexOf('🙏');
  const cases = [
    [
      [['broken.jsonl', `${JSON.stringify({ text: TEXT, label: [[0, length + 5, 'Claim']] })}\n{"text": "cut off\n`]],
      'broken.jsonl was not imported',
      ['the file has 2 problems', `line 1, label 1`, `past the end of the text (${length} code points)`, 'line 2'],
    ],
    [
      [['half-emoji.xmi', `<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:custom="http:///webanno/custom.ecore"><cas:Sofa xmi:id="1" sofaID="_InitialView" sofaString="${TEXT.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"/><custom:RapporteurTag xmi:id="2" sofa="1" begin="${emoji + 1}" end="${emoji + 4}" label="Claim"/></xmi:XMI>`]],
      'half-emoji.xmi was not imported',
      ['falls inside a character', 'XMI offsets count UTF-16 code units'],
    ],
    [[['lonely.ann', 'T1\tClaim 0 8\tSecurity\n']], 'lonely.ann was not imported', ['.txt']],
    [[['damaged.zip', Buffer.from('PK\u0003\u0004 this is not really a zip')]], 'damaged.zip was not imported', ['is a zip archive that cannot be read']],
    [
      [['moved.json', JSON.stringify([{ data: { text: TEXT }, annotations: [{ result: [{ id: 'a', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 3, end: 9, text: 'Council', labels: ['Claim'] } }] }] }])]],
      'moved.json was not imported',
      ['does not match the text'],
    ],
    [
      [
        ['a.ann', 'T1\tClaim 0 8\tSecurity\n'],
        ['b.txt', TEXT],
      ],
      'a.ann, b.txt were not imported',
      ['a.txt'],
    ],
  ];
  for (const [files, heading, parts] of cases) {
    await importFiles(page, files);
    const alert = page.getByRole('alert').filter({ hasText: heading });
    await alert.waitFor();
    const message = await alert.textContent();
    for (const part of [...parts, 'Nothing was changed.']) assert.ok(message.includes(part), `${heading}: "${part}" in\n${message}`);
    const after = await stored(page);
    assert.deepEqual(after.annotations, before.annotations, `${heading}: the annotations are as they were`);
    assert.deepEqual(after.tags, before.tags);
    assert.equal(after.text, before.text);
    assert.deepEqual(await listedAnnotations(page), listBefore);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
  }
  // Two files of 30 MB each: each may be read, not both at once.
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-big-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const paths = ['a.ann', 'a.txt'].map((name) => {
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 30 * 1024 * 1024); // sparse: nothing on disk
    closeSync(fd);
    return path;
  });
  await page.getByLabel('Import annotations').setInputFiles(paths);
  const alert = page.getByRole('alert').filter({ hasText: 'These 2 files are 60.0 MB together; Rapporteur opens up to 50 MB at once.' });
  await alert.waitFor();
  assert.deepEqual((await stored(page)).annotations, before.annotations);
  assert.deepEqual(errors, []);
});
