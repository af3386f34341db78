// The library at scale, in headless Chromium on the release build: a
// library of 200 releases (about 10 MB, generated from varied UN-style
// releases with many distinct names, 60 delegations, 12 tags and 1,000
// annotations) is imported once as a corpus file; then
//
// - reload to interactive: from navigation start until the Library lists
//   all 200 releases, the open release is in the document pane and the app
//   has answered an input (a selection made and read, as in load.bench);
// - switching releases: from the click on a release in the list to the
//   next frame after its text is in the document pane;
// - the views after a tag: from the tag key to the next frame after the
//   heat map's cell shows the new count;
// - search over the 10 MB: from the input event to the next frame after
//   the results are in the page.
//
// Every time is taken inside the page (performance.now()), medians reported.
//
//   node tests/e2e/bench/library.bench.mjs dist [--runs N]
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../support/server.mjs';
import { launchBrowser } from '../support/app.mjs';
import { ROOT, median } from './corpus.mjs';

export const BUDGETS = { open: 1000, switch: 150, views: 100, search: 100 };

// ---- a varied library of our own -----------------------------------------

/** A small deterministic random generator. */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const COUNTRIES = [
  'Algeria', 'Argentina', 'Australia', 'Austria', 'Bangladesh', 'Belgium', 'Brazil', 'Canada', 'Chile', 'China',
  'Colombia', 'Costa Rica', 'Côte d’Ivoire', 'Cuba', 'Denmark', 'Ecuador', 'Egypt', 'Estonia', 'Ethiopia', 'Finland',
  'France', 'Gabon', 'Germany', 'Ghana', 'Greece', 'Guyana', 'India', 'Indonesia', 'Iran', 'Ireland',
  'Italy', 'Japan', 'Jordan', 'Kenya', 'Malta', 'Mexico', 'Morocco', 'Mozambique', 'Netherlands', 'Nigeria',
  'Norway', 'Pakistan', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Republic of Korea', 'Russian Federation', 'Senegal',
  'Sierra Leone', 'Slovenia', 'South Africa', 'Spain', 'Sweden', 'Switzerland', 'Türkiye', 'United Kingdom', 'United States', 'Viet Nam',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ton', 'vel', 'sa', 'dru', 'ne', 'zi', 'ber', 'quo', 'han', 'li', 'mar', 'os', 'tek', 'ú', 'é', 'yar'];
const TOPICS = ['food security', 'maritime security', 'climate and security', 'children in armed conflict', 'peacekeeping reform', 'sanctions regimes', 'women, peace and security', 'cyber threats', 'nuclear non-proliferation', 'rural development'];
const CLAIMS = [
  'the situation on the ground had deteriorated sharply since the last briefing',
  'humanitarian access must be guaranteed without conditions',
  'her delegation would contribute {n} million dollars to the pooled fund',
  'the Council should renew the mandate for a further twelve months',
  'sanctions must be targeted so that civilians do not bear their cost',
  'more than {n},000 people had been displaced in the past month',
  'regional organizations were best placed to mediate between the parties',
  'the reporting cycle should be shortened so that early warning leads to early action',
  'his Government had trained {n} police officers in community protection',
  'accountability for grave violations could not be postponed any longer',
];
const TAGS = [
  ['claim', 'Claim', '#56b4e9'], ['commitment', 'Commitment', '#009e73'], ['concern', 'Concern', '#e69f00'],
  ['criticism', 'Criticism', '#d55e00'], ['proposal', 'Proposal', '#cc79a7'], ['evidence', 'Evidence', '#f0e442'],
  ['access', 'Access', '#88ccee'], ['funding', 'Funding', '#44aa99'], ['mandate', 'Mandate', '#ddcc77'],
  ['sanctions', 'Sanctions', '#cc6677'], ['displacement', 'Displacement', '#aa4499'], ['accountability', 'Accountability', '#999933'],
].map(([id, name, color]) => ({ id, name, color }));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const name = (next) => {
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('').toUpperCase();
  return `${word()} ${word()}`;
};

/** Release `i`: its text and where its tagged passages are (UTF-16 offsets). */
function release(i) {
  const next = random(1000 + i * 7919);
  const organ = i % 3 === 0 ? ['Security Council', `SC/${17000 + i}`, `${9800 + i}th Meeting (AM)`] : i % 3 === 1 ? ['General Assembly', `GA/${13000 + i}`, `Eightieth Session, ${10 + i}th Meeting (PM)`] : ['Economic and Social Council', `ECOSOC/${7300 + i}`, `2025 Session, ${5 + i}th Meeting (AM)`];
  const date = `${1 + (i % 28)} ${MONTHS[i % 12]} 2025`;
  const topic = TOPICS[i % TOPICS.length];
  let text = `${organ[2]}\n${organ[1]}\n${date}\n\n${organ[0]} Debates ${topic[0].toUpperCase()}${topic.slice(1)} as Speakers Warn of Rising Needs (${i})\n\n`;
  text += `The ${organ[0]} met today on ${topic}, hearing from more than forty speakers.\n\nThe meeting began at 10:05 a.m. and ended at 1:20 p.m.\n\nStatements\n\n`;
  const passages = [];
  for (let k = 0; k < 60; k += 1) {
    const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)];
    const speaker = name(next);
    const opener = k % 5 === 4 ? `The representative of ${country} said that ` : `${speaker} (${country}) said that `;
    const claim = CLAIMS[Math.floor(next() * CLAIMS.length)].replace('{n}', String(2 + Math.floor(next() * 90)));
    const start = text.length + opener.length;
    passages.push({ start, end: start + claim.length, country });
    let paragraph = `${opener}${claim}.`;
    for (let s = 0; s < 6; s += 1) {
      paragraph += ` ${CLAIMS[Math.floor(next() * CLAIMS.length)].replace('{n}', String(1 + Math.floor(next() * 99)))[0].toUpperCase()}${CLAIMS[Math.floor(next() * CLAIMS.length)].slice(1).replace('{n}', '7')}, in the view of ${COUNTRIES[Math.floor(next() * COUNTRIES.length)]}, on ${topic}.`;
    }
    text += `${paragraph}\n\n`;
  }
  text += 'For information media. Not an official record.\n';
  return { text, passages };
}

const codePoints = (s) => [...s];

/** The corpus file: 200 releases, 5 annotations each. */
export function libraryCorpus(count = 200) {
  const now = '2026-12-02T10:00:00.000Z';
  const releases = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const { text, passages } = release(i);
    bytes += Buffer.byteLength(text);
    const points = codePoints(text);
    const annotations = passages.slice(0, 5).map((p, k) => {
      const start = codePoints(text.slice(0, p.start)).length;
      const end = start + codePoints(text.slice(p.start, p.end)).length;
      return {
        id: `b-${i}-${k}`,
        tag: TAGS[(i + k) % TAGS.length].id,
        note: '',
        start,
        end,
        exact: points.slice(start, end).join(''),
        prefix: points.slice(Math.max(0, start - 32), start).join(''),
        suffix: points.slice(end, end + 32).join(''),
        created: now,
        modified: now,
      };
    });
    releases.push({
      format: 'rapporteur-annotations/1',
      exported: now,
      added: now,
      document: { text, text_sha256: createHash('sha256').update(text).digest('hex'), text_length: points.length },
      tags: TAGS,
      annotations,
      orphans: [],
    });
  }
  return {
    json: JSON.stringify({ format: 'rapporteur-corpus/1', exported: now, codebook: { format: 'rapporteur-codebook/1', tags: TAGS }, releases }),
    bytes,
    annotations: releases.length * 5,
  };
}

// ---- in the page ----------------------------------------------------------

/** Installed before the app: the time from navigation start to interactive. */
function openProbe(count) {
  window.__open = {};
  const marks = window.__open;
  const watch = new MutationObserver(() => {
    if (!marks.listed && document.querySelectorAll('.releases li.release').length === count && document.querySelector('section.document p[id^="para-"]')) {
      marks.listed = performance.now();
      const para = document.querySelector('section.document p[id^="para-3"]') ?? document.querySelector('section.document p[id^="para-"]');
      const text = [...para.querySelectorAll('*')].concat(para).flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === 3 && n.textContent.trim().length > 4);
      const range = document.createRange();
      const at = text.textContent.search(/\S/);
      range.setStart(text, at);
      range.setEnd(text, at + 4);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      para.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }
    if (marks.listed && !marks.interactive && document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection:')) {
      marks.interactive = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Runs `act`, then polls each frame until `done()`; the time to the frame after. */
const timed = (page, act, done, arg) =>
  page.evaluate(
    ({ act, done, arg }) =>
      new Promise((resolve, reject) => {
        const actFn = new Function('arg', act);
        const doneFn = new Function('arg', done);
        const t0 = performance.now();
        actFn(arg);
        const limit = t0 + 20_000;
        const poll = () => {
          if (doneFn(arg)) {
            const inDom = performance.now() - t0;
            requestAnimationFrame(() => resolve({ dom: inDom, frame: performance.now() - t0 }));
          } else if (performance.now() > limit) reject(new Error(`timed out: ${done}`));
          else queueMicrotask(() => setTimeout(poll, 0));
        };
        poll();
      }),
    { act: act.toString().replace(/^[^{]*{/, '').replace(/}$/, ''), done: `return (${done.toString()})(arg);`, arg },
  );

export async function libraryBench({ dist, runs = 7 }) {
  const corpus = libraryCorpus();
  const server = await serve(dist);
  process.env.RAPPORTEUR_URL = server.url;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(openProbe, 201);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.getByRole('region', { name: 'Library' }).waitFor();
    // The library, once: imported as a corpus (the sample stays: 201 releases).
    await page.getByLabel('Import corpus', { exact: true }).setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(corpus.json) });
    await page.getByRole('status').filter({ hasText: 'Imported bench.json' }).waitFor({ timeout: 300_000 });
    await page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved', null, { timeout: 300_000 });

    const open = [];
    for (let run = 0; run <= runs; run += 1) {
      await page.reload();
      await page.waitForFunction(() => window.__open?.interactive, null, { timeout: 60_000 });
      const marks = await page.evaluate(() => window.__open);
      if (run > 0) open.push(marks);
    }
    // Texts loaded and folded (search ready) before the rest.
    await page.waitForFunction(() => !document.querySelector('.search-view .loading'), null, { timeout: 120_000 });

    // Switching releases: each click opens another.
    const switches = [];
    const ids = await page.locator('.releases li.release').evaluateAll((items) => items.map((li) => li.dataset.release));
    for (let run = 0; run < runs * 2; run += 1) {
      const id = ids[(run * 37 + 11) % ids.length];
      const current = await page.evaluate(() => document.querySelector('.releases li.release.open')?.dataset.release);
      if (id === current) continue;
      switches.push(
        await timed(
          page,
          function act(arg) {
            document.querySelector(`.releases li[data-release="${arg}"] button.release-open`).click();
          },
          (arg) => document.querySelector('.releases li.release.open')?.dataset.release === arg && document.querySelector('section.document p[id^="para-"]') !== null && document.querySelector('section.document p[id="para-1"]')?.textContent === document.querySelector(`.releases li[data-release="${arg}"] .release-meta`)?.textContent.split(' · ')[0],
          id,
        ),
      );
    }

    // The views after a tag: select a turn's first words, press 1 (Claim).
    await page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved');
    const views = [];
    for (let run = 0; run < runs; run += 1) {
      const cell = await page.evaluate((run) => {
        const paras = [...document.querySelectorAll('section.document p[id^="para-"]')].filter((p) => /\(([^)]+)\) said that/.test(p.textContent));
        const para = paras[(run * 3) % paras.length];
        const country = para.textContent.match(/\(([^)]+)\) said that/)[1];
        const text = [...para.querySelectorAll('*')].concat(para).flatMap((n) => [...n.childNodes]).filter((n) => n.nodeType === 3 && n.textContent.includes('said that'))[0];
        const at = text.textContent.indexOf('said that');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 'said that'.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        para.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return country;
      }, run);
      await page.waitForFunction(() => document.querySelector('.tag-palette .target')?.textContent.startsWith('Selection:'));
      const selector = `.codes-view svg .cell[data-row="${cell}"][data-tag="Claim"]`;
      const before = Number((await page.locator(selector).getAttribute('data-count').catch(() => '0')) ?? 0);
      views.push(
        await timed(
          page,
          function act() {
            document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
          },
          (arg) => Number(document.querySelector(arg.selector)?.dataset.count ?? 0) === arg.before + 1,
          { selector, before },
        ),
      );
    }

    // Search over every text, once the writes of the tags above are done.
    await page.waitForFunction(() => document.querySelector('.save-status')?.dataset.state === 'saved');
    const searches = [];
    const queries = ['early warning leads to early action', 'COTE D’IVOIRE', 'pooled fund', 'grave violations', 'community protection', 'mandate for a further', 'turkiye', 'displaced in the past month'];
    for (let run = 0; run < Math.max(runs, queries.length); run += 1) {
      const query = queries[run % queries.length] + (run >= queries.length ? ' ' : '');
      searches.push({
        query,
        ...(await timed(
          page,
          function act(arg) {
            const box = document.querySelector('.search-view input[type="search"]');
            box.value = arg;
            box.dispatchEvent(new InputEvent('input', { bubbles: true }));
          },
          (arg) => {
            const status = document.querySelector('.search-view .search-status')?.textContent ?? '';
            return status.includes('match') && status !== window.__lastStatus && (window.__lastStatus = status);
          },
          query,
        )),
        status: await page.evaluate(() => document.querySelector('.search-view .search-status').textContent),
      });
    }
    const releases = ids.length;
    return {
      corpus: { releases, bytes: corpus.bytes, annotations: corpus.annotations },
      open: { listed: median(open.map((m) => m.listed)), interactive: median(open.map((m) => m.interactive)), runs: open.length },
      switching: { dom: median(switches.map((s) => s.dom)), frame: median(switches.map((s) => s.frame)), runs: switches.length },
      views: { dom: median(views.map((s) => s.dom)), frame: median(views.map((s) => s.frame)), runs: views.length },
      search: { dom: median(searches.map((s) => s.dom)), frame: median(searches.map((s) => s.frame)), runs: searches.length, examples: searches.slice(0, queries.length) },
      errors,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function libraryTable(result) {
  const f = (x) => x.toFixed(1);
  const rows = [
    ['Library of ' + result.corpus.releases + ' releases (' + (result.corpus.bytes / 1e6).toFixed(1) + ' MB generated, ' + result.corpus.annotations + ' annotations): reload to listed; to interactive', `< ${BUDGETS.open} ms`, `${f(result.open.listed)} ms; ${f(result.open.interactive)} ms`, result.open.interactive < BUDGETS.open],
    ['Switching releases (in the DOM; next frame)', `< ${BUDGETS.switch} ms`, `${f(result.switching.dom)} ms; ${f(result.switching.frame)} ms`, result.switching.frame < BUDGETS.switch],
    ['Views across the library after a tag key (heat map cell updated; next frame)', `< ${BUDGETS.views} ms`, `${f(result.views.dom)} ms; ${f(result.views.frame)} ms`, result.views.frame < BUDGETS.views],
    ['Search over the library (results in the DOM; next frame)', `< ${BUDGETS.search} ms`, `${f(result.search.dom)} ms; ${f(result.search.frame)} ms`, result.search.frame < BUDGETS.search],
  ];
  const lines = ['| Figure | Budget | Result | Met |', '| --- | --- | --- | --- |', ...rows.map(([a, b, c, ok]) => `| ${a} | ${b} | ${c} | ${ok ? 'yes' : '**no**'} |`)];
  lines.push('', '| Query | Results | Time (DOM; frame) |', '| --- | --- | --- |');
  for (const s of result.search.examples) lines.push(`| ${s.query.trim()} | ${s.status} | ${f(s.dom)} ms; ${f(s.frame)} ms |`);
  return { text: lines.join('\n'), rows };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist'));
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
  const result = await libraryBench({ dist, runs });
  const { text, rows } = libraryTable(result);
  console.log(text);
  if (result.errors.length) console.log('errors:', result.errors);
  if (rows.some((r) => !r[3])) process.exitCode = 1;
}
