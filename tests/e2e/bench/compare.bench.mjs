// Rapporteur's wasm parser against the npm library compromise, in one page
// and one run: the release build in headless Chromium, compromise's browser
// build loaded into the same page from the same origin, both fed the same
// texts (the sample and ~1 MB), warm-up runs first, medians reported.
//
//   node tests/e2e/bench/compare.bench.mjs dist [--runs N] [--big-runs N] [--ours-only]
//
// What is timed, inside the page with performance.now():
// The sample's runs for Rapporteur each time 25 parses (the page's clock
// has 0.1 ms steps); every other run is one call.
//
// - Rapporteur: `parse_stats(text)`, a tiny export of the app's own wasm
//   module (src/app/bench.rs): the text copied into wasm memory, the whole
//   parse with facts, the document dropped, a few counts returned. No
//   document is marshalled into JavaScript.
// - compromise: `nlp(text)` then `.people()`, `.places()`,
//   `.organizations()`, `.numbers()` and `.quotations()`, each
//   `.out('array')`: what it offers for the same kinds of facts.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../support/server.mjs';
import { launchBrowser, openApp } from '../support/app.mjs';
import { ROOT, SAMPLE_TEXT, corpus, median, megabytes } from './corpus.mjs';

export const COMPROMISE_FILE = join(ROOT, 'tests', 'e2e', 'bench', 'node_modules', 'compromise', 'builds', 'compromise.js');
const COMPROMISE_URL = '/bench/compromise.js';

/**
 * Times one engine on one text in the page: `warm` runs not kept, then
 * `runs` kept. Each run times `reps` calls and keeps the mean, since the
 * page's clock ticks in steps of 0.1 ms (no cross-origin isolation).
 */
async function timeInPage(page, which, key, warm, runs, reps = 1) {
  return page.evaluate(
    async ({ which, key, warm, runs, reps }) => {
      const text = window.__benchTexts[key];
      const { parse_stats } = await import('/rapporteur.js');
      const ours = () => JSON.parse(parse_stats(text));
      const theirs = () => {
        const doc = window.nlp(text);
        return {
          people: doc.people().out('array').length,
          places: doc.places().out('array').length,
          organizations: doc.organizations().out('array').length,
          numbers: doc.numbers().out('array').length,
          quotations: doc.quotations().out('array').length,
        };
      };
      const fn = which === 'rapporteur' ? ours : theirs;
      const times = [];
      let counts;
      for (let run = -warm; run < runs; run += 1) {
        // Let the page settle (and collect garbage) between runs.
        await new Promise((r) => setTimeout(r, 20));
        const t0 = performance.now();
        for (let rep = 0; rep < reps; rep += 1) counts = fn();
        const took = (performance.now() - t0) / reps;
        if (run >= 0) times.push(took);
      }
      return { times, counts };
    },
    { which, key, warm, runs, reps },
  );
}

export async function compareBench({ dist, runs = 9, bigRuns = 3, oursOnly = false }) {
  const server = await serve(dist, { [COMPROMISE_URL]: COMPROMISE_FILE });
  process.env.RAPPORTEUR_URL = server.url;
  const browser = await launchBrowser();
  const version = browser.version();
  const texts = { sample: SAMPLE_TEXT, mb: corpus(1_000_000) };
  const rows = [];
  try {
    const { page, errors } = await openApp(browser);
    await page.addScriptTag({ url: COMPROMISE_URL });
    await page.evaluate((texts) => {
      window.__benchTexts = texts;
    }, texts);
    for (const [key, label] of [['sample', 'sample'], ['mb', '1 MB']]) {
      const mb = megabytes(texts[key]);
      // The small text gets more warm-up: both engines compile lazily.
      const warm = key === 'sample' ? 5 : 1;
      const ours = await timeInPage(page, 'rapporteur', key, warm + 2, runs, key === 'sample' ? 25 : 1);
      // --ours-only: compromise is not run, and its columns say so.
      const theirs = oursOnly ? null : await timeInPage(page, 'compromise', key, warm, key === 'sample' ? runs : bigRuns);
      const row = {
        text: label,
        bytes: Buffer.byteLength(texts[key]),
        ours: { ms: median(ours.times), min: Math.min(...ours.times), max: Math.max(...ours.times), runs: ours.times.length, counts: ours.counts },
        theirs: theirs && { ms: median(theirs.times), min: Math.min(...theirs.times), max: Math.max(...theirs.times), runs: theirs.times.length, counts: theirs.counts },
      };
      row.ours.mbps = mb / (row.ours.ms / 1000);
      let against = ' (compromise not run)';
      if (row.theirs) {
        row.theirs.mbps = mb / (row.theirs.ms / 1000);
        row.ratio = row.theirs.ms / row.ours.ms;
        against = `, compromise ${row.theirs.ms.toFixed(1)} ms (${row.theirs.mbps.toFixed(3)} MB/s), ratio ${row.ratio.toFixed(0)}×`;
      }
      process.stderr.write(`compare ${label}: rapporteur ${row.ours.ms.toFixed(2)} ms (${row.ours.mbps.toFixed(1)} MB/s)${against}\n`);
      rows.push(row);
    }
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return { version, rows };
}

export function compareTable({ rows }) {
  const f = (x, d = 1) => x.toFixed(d);
  return [
    '| Text | Bytes | Rapporteur (wasm) median | min – max | MB/s | compromise median | min – max | MB/s | Ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const t = r.theirs;
      const theirs = t
        ? `**${f(t.ms)} ms** | ${f(t.min)} – ${f(t.max)} (${t.runs} runs) | ${f(t.mbps, 3)} | **${f(r.ratio, 0)}×**`
        : 'not run | | |';
      return `| ${r.text} | ${r.bytes.toLocaleString('en')} | **${f(r.ours.ms, 2)} ms** | ${f(r.ours.min, 2)} – ${f(r.ours.max, 2)} (${r.ours.runs} runs) | ${f(r.ours.mbps)} | ${theirs} |`;
    }),
    '',
    'What each found (counts; the two do not define these the same way):',
    '',
    '| Text | Rapporteur: paragraphs / speakers / facts / organisations / countries / numbers (quantity, money, percent) / dates and times / quotes | compromise: people / places / organizations / numbers / quotations |',
    '| --- | --- | --- |',
    ...rows.map((r) => {
      const o = r.ours.counts;
      const t = r.theirs?.counts;
      const theirs = t ? `${t.people} / ${t.places} / ${t.organizations} / ${t.numbers} / ${t.quotations}` : 'not run';
      return `| ${r.text} | ${o.paragraphs} / ${o.speakers} / ${o.facts} / ${o.organizations} / ${o.countries} / ${o.numbers} / ${o.dates} / ${o.quotes} | ${theirs} |`;
    }),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const dist = resolve(args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? join(ROOT, 'dist'));
  const result = await compareBench({ dist, runs: flag('--runs', 9), bigRuns: flag('--big-runs', 3), oursOnly: args.includes('--ours-only') });
  console.log(`Chromium ${result.version}\n`);
  console.log(compareTable(result));
}
