// Every benchmark of the issue in one run, one table: the native parser
// (cargo bench, both profiles), the wasm parser against compromise in one
// page, parse-to-render and tag-to-highlight in the annotator, first load
// to interactive, the second visit with no network, the library of 200
// releases (reload, switching, views, search), and the bundle's sizes.
// `make bench` builds the release (and a release with the `bench` feature,
// whose wasm exports `parse_stats` for the comparison) first and runs this;
// BENCHMARKS.md holds its output.
//
//   node tests/e2e/bench/all.mjs dist [--bench-dist DIR] [--runs N] [--big-runs N] [--load-runs N]
//
// Without --bench-dist the comparison runs on `dist`, which then must have
// been built with `--features bench`.
//
// Exits 1 when a figure misses its budget (after printing everything).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { annotatorBench, annotatorTables, BUDGETS as ANNOTATOR } from './annotator.bench.mjs';
import { cliBench } from './cli.bench.mjs';
import { compareBench, compareTable } from './compare.bench.mjs';
import { loadBench, loadTable, offlineBench, offlineTable } from './load.bench.mjs';
import { libraryBench, libraryTable } from './library.bench.mjs';
import { ROOT, machine } from './corpus.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const dist = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(ROOT, 'dist'));
const benchDist = args.includes('--bench-dist') ? resolve(args[args.indexOf('--bench-dist') + 1]) : dist;

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const log = (line) => process.stderr.write(`bench: ${line}\n`);

/** `cargo bench --bench parse` under a profile: its JSON line. */
function nativeBench(profile) {
  log(`native parser, ${profile} profile (cargo bench)`);
  const out = execFileSync('cargo', ['bench', '-q', '--bench', 'parse', '--profile', profile], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stderr.write(out);
  const line = out.split('\n').find((l) => l.startsWith('JSON '));
  return JSON.parse(line.slice(5));
}

/** scripts/size.sh: each wasm and JS file, raw and gzipped (-9). */
function sizes() {
  const out = execFileSync(join(ROOT, 'scripts', 'size.sh'), [dist], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .map(([file, raw, gz]) => [file, { raw: Number(raw), gz: Number(gz) }]),
  );
}

const started = { at: new Date(), uptime: uptime(), machine: machine() };
const native = { release: nativeBench('release'), wasm: nativeBench('wasm-release') };
log('rapporteur-cli, whole process');
const cli = cliBench({ runs: flag('--runs', 9) });
log('wasm parser against compromise, one page');
const compare = await compareBench({ dist: benchDist, runs: flag('--runs', 9), bigRuns: flag('--big-runs', 3) });
log('annotator: parse to render, tag to highlight');
const annotator = await annotatorBench({ dist, runs: flag('--runs', 7) });
log('first load to interactive');
const load = await loadBench({ dist, runs: flag('--load-runs', 9) });
log('second visit with no network');
const offline = await offlineBench({ dist, runs: Math.min(flag('--load-runs', 9), 5) });
log('the library: 200 releases, reload, switching, views after a tag, search');
const library = await libraryBench({ dist, runs: flag('--runs', 7) });
const libraryRows = libraryTable(library);
const size = sizes();
const ended = uptime();

const nat = (profile, name) => native[profile].parse.find((p) => p.name === name);
const msPerMb = (p) => p.median_ms / (p.bytes / 1e6);
const mbps = (p) => p.bytes / 1e6 / (p.median_ms / 1000);
const cmp = (text) => compare.rows.find((r) => r.text === text);
const ann = (name) => annotator.results.find((r) => r.name === name);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);

// [figure, budget, value, unit, ok, note]
const rows = [];
const row = (figure, budget, value, ok, note = '') => rows.push({ figure, budget, value, ok, note });
for (const name of ['sample', '100 KB', '1 MB', '10 MB']) {
  const p = nat('release', name);
  row(`Native parse + facts, ${name} (release profile, opt-level 3, as the CLI; one thread, as the app)`, '', `${f2(p.median_ms)} ms (best ${f2(p.best_ms)}) · ${f1(mbps(p))} MB/s · ${f2(msPerMb(p))} ms/MB`, null);
}
for (const p of native.release.parse_two_threads ?? []) {
  row(`Native parse + facts, ${p.name}, two threads (Threads::Two, as the CLI)`, '', `${f2(p.median_ms)} ms (best ${f2(p.best_ms)}) · ${f1(mbps(p))} MB/s · ${f2(msPerMb(p))} ms/MB`, null);
}
for (const c of cli.rows) {
  row(`rapporteur-cli parse, varied ${c.name}, whole process less start-up (${f1(cli.startup.median)} ms)`, '≤ 10 ms/MB', `${f1(c.medianMs)} ms (best ${f1(c.bestMs)}) · ${f1(1000 / c.msPerMb)} MB/s · ${f2(c.msPerMb)} ms/MB`, c.msPerMb <= 10);
}
for (const name of ['sample', '1 MB', '10 MB']) {
  const p = nat('wasm', name);
  row(`Native parse + facts, ${name} (wasm-release profile, opt-level "z", as the wasm)`, '', `${f2(p.median_ms)} ms · ${f1(mbps(p))} MB/s · ${f2(msPerMb(p))} ms/MB`, null);
}
for (const h of native.release.sha256) {
  row(`text_sha256 alone, ${h.name} (lazy: not in any parse figure)`, '', `${f2(h.median_ms)} ms · ${f2(msPerMb(h))} ms/MB`, null);
}
const big = cmp('1 MB');
const small = cmp('sample');
const native1mb = nat('release', '1 MB');
const wasmToNative = big.ours.ms / native1mb.median_ms;
row('Wasm parse + facts, 1 MB, in Chromium (release build, opt-level "z")', '', `${f1(big.ours.ms)} ms (min ${f1(big.ours.min)}) · ${f1(big.ours.mbps)} MB/s`, null);
row('Wasm / native parse time, 1 MB (native: release profile, opt-level 3)', '≤ 1.5×', `${f2(wasmToNative)}×`, wasmToNative <= 1.5);
row('Wasm parse + facts, sample, in Chromium', '', `${f2(small.ours.ms)} ms · ${f1(small.ours.mbps)} MB/s`, null);
row('compromise (people, places, organizations, numbers, quotations), 1 MB, same page', '', `${f1(big.theirs.ms)} ms · ${f2(big.theirs.mbps)} MB/s`, null);
row('compromise, sample, same page', '', `${f1(small.theirs.ms)} ms · ${f2(small.theirs.mbps)} MB/s`, null);
row('Throughput ratio, Rapporteur / compromise, 1 MB', '≥ 200×', `${f1(big.ratio)}×`, big.ratio >= 200);
row('Throughput ratio, Rapporteur / compromise, sample', '≥ 5×', `${f1(small.ratio)}×`, small.ratio >= 5);
const sampleRender = ann('Parse and render, sample');
const mbRender = ann('Parse and render, 1 MB');
const tag = ann('Tag key to highlight, 1 MB');
row('Parse to rendered, sample (next frame; in the DOM)', `≤ ${ANNOTATOR.sample} ms`, `${f1(sampleRender.frame)} ms; ${f1(sampleRender.dom)} ms`, sampleRender.ok);
row('Parse to rendered, 1 MB, windowed (next frame; first window in the DOM)', `≤ ${ANNOTATOR.mb} ms`, `${f1(mbRender.frame)} ms; ${f1(mbRender.dom)} ms`, mbRender.ok);
row('Tag key to painted highlight, 1 MB (next frame; in the DOM)', `≤ ${ANNOTATOR.tag} ms`, `${f1(tag.frame)} ms; ${f1(tag.dom)} ms`, tag.ok);
for (const e of annotator.extra) row(e.name, `≤ ${e.budget} ms`, `${f1(e.value)} ms`, e.value <= e.budget);
row('First load to interactive, local server, cold context', '< 500 ms', `${f1(load.medians.interactive)} ms`, load.medians.interactive < 500);
row('Second visit with the network off: interactive (service worker cache)', 'interactive', `${f1(offline.interactive)} ms; offline-ready ${f1(offline.ready)} ms after the first navigation`, offline.interactive > 0);
for (const [figure, budget, value, ok] of libraryRows.rows) row(figure, budget, value, ok);
const wasm = size['rapporteur_bg.wasm'];
row('Release wasm, raw / gzipped', '< 400 KB gzipped (earlier issue)', `${kb(wasm.raw)} / ${kb(wasm.gz)} (${wasm.gz.toLocaleString('en')} B)`, wasm.gz < 400 * 1000);
const app = size['total:app'];
row('Whole app, gzipped: wasm + JS + CSS but the exchange module (page, glue, boot.js, stylesheet, parse worker, service worker)', '≤ 332,000 B', `${kb(app.raw)} / ${kb(app.gz)} (${app.gz.toLocaleString('en')} B)`, app.gz <= 332_000);
const exchange = size['total:exchange'];
row('Exchange module, its glue and worker (first export or import in another tool\'s format; cached in the background after the first load)', '', `${kb(exchange.raw)} / ${kb(exchange.gz)} (${exchange.gz.toLocaleString('en')} B)`, null);
const js = Object.entries(size).filter(([file]) => file.endsWith('.js'));
row('JS (wasm-bindgen glue, boot, workers), raw / gzipped', '', js.map(([file, s]) => `${file} ${kb(s.raw)} / ${kb(s.gz)}`).join('; '), null);

const m = started.machine;
const lines = [
  `Run ${started.at.toISOString().replace('T', ' ').slice(0, 16)} UTC; ${m.cpu}, ${m.memory}, ${m.os}, Node ${m.node}, headless Chromium ${compare.version}.`,
  `Load: at the start \`${started.uptime}\`; at the end \`${ended}\`.`,
  '',
  '| Figure | Budget | Result | Met |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.figure} | ${r.budget} | ${r.value} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`),
  '',
  '### The comparison with compromise',
  '',
  compareTable(compare),
  '',
  '### Annotator',
  '',
  annotatorTables(annotator),
  '',
  '### First load',
  '',
  loadTable(load),
  '',
  offlineTable(offline),
  '',
  '### The library',
  '',
  libraryRows.text,
  '',
  '### Sizes',
  '',
  '| File | Raw | Gzipped (-9) |',
  '| --- | ---: | ---: |',
  ...Object.entries(size).map(([file, s]) => `| ${file} | ${s.raw.toLocaleString('en')} | ${s.gz.toLocaleString('en')} |`),
];
console.log(lines.join('\n'));
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
