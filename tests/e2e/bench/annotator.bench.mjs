// In-browser benchmark of the annotator, on the release build in headless
// Chromium: parse-and-render of the sample and of ~1 MB, the time from the
// tag key to the highlight on the 1 MB document, the gaps between frames
// while the 1 MB document scrolls, and a 50 MB file and 100,000 short
// paragraphs from "Open file" to the screen. Medians of several runs, timed
// inside the page with performance.now().
//
//   make bench-browser             (builds the release first)
//   node tests/e2e/bench/annotator.bench.mjs dist [--runs N]
//
// Prints a Markdown table for BENCHMARKS.md and exits 1 when a median misses
// its budget.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../support/server.mjs';
import { launchBrowser, openApp } from '../support/app.mjs';
import { cliParse, selectByMouse } from '../support/annotator.mjs';
import { ROOT, SAMPLE_TEXT, corpus, machine, median } from './corpus.mjs';

// Judged on the next frame (what the reader sees), in ms; `scroll` is the
// longest gap between two frames while scrolling.
export const BUDGETS = { sample: 100, mb: 300, tag: 16, scroll: 50, big: 3000, many: 1000 };

/** Paragraph count and the first two paragraphs' texts, from the native parser. */
function expectation(text) {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'));
  try {
    const path = join(dir, 'release.txt');
    writeFileSync(path, text);
    const parsed = cliParse(path);
    const chars = [...parsed.text];
    const textOf = (p) => (p ? chars.slice(p.start, p.end).join('') : null);
    return {
      paragraphs: parsed.paragraphs.length,
      first: textOf(parsed.paragraphs[0]),
      second: textOf(parsed.paragraphs[1]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium's own counters (seconds of script, layout, style) around a step. */
async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    script: get('ScriptDuration') * 1000,
    layout: get('LayoutDuration') * 1000,
    style: get('RecalcStyleDuration') * 1000,
    task: get('TaskDuration') * 1000,
  };
}
const minus = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

/**
 * Where the time of one run goes: a Chromium trace (style, layout, paint)
 * and a CPU profile (the app's wasm, the JS glue, DOM calls, autosave's
 * localStorage.setItem, GC), recorded around `step`. Tracing slows the run
 * a little, so it is an extra run, not one of the timed ones.
 */
async function traceOnce(cdp, step) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const timing = await step();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  await cdp.send('Profiler.disable');

  const trace = (...names) =>
    events.filter((e) => e.ph === 'X' && names.includes(e.name)).reduce((sum, e) => sum + e.dur / 1000, 0);
  const cpu = { wasm: 0, glue: 0, dom: 0, setItem: 0, gc: 0 };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    // A sample stands for the time until the next one.
    const ms = Math.max(0, profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (frame.url.endsWith('.wasm')) cpu.wasm += ms;
    else if (frame.url.endsWith('.js')) cpu.glue += ms;
    else if (frame.functionName === 'setItem') cpu.setItem += ms;
    else if (frame.functionName === '(garbage collector)') cpu.gc += ms;
    else if (frame.functionName && !frame.functionName.startsWith('(')) cpu.dom += ms;
  });
  return {
    timing,
    ...cpu,
    style: trace('UpdateLayoutTree'),
    layout: trace('Layout'),
    prePaint: trace('PrePaint'),
    paint: trace('Paint'),
    raster: trace('RasterTask'),
  };
}

/** Replaces the text with a one-line one (not timed) so the next parse is a real change. */
export async function reset(page, line) {
  await page.evaluate(async (line) => {
    const area = document.getElementById('release-text');
    area.value = line;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Parse').click();
    while (document.querySelector('#para-1') || document.querySelector('#para-0')?.textContent !== line) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }, line);
  // Let the debounce timer and autosave settle, and the heap calm down.
  await page.waitForTimeout(500);
}

/**
 * Times, inside the page, from setting the textarea and clicking Parse to
 * the new document on screen in the DOM ("dom": its first paragraphs in the
 * page; the view is windowed, so the rest never is until scrolled to), and
 * to the frame after it ("frame": style, layout and paint included).
 */
async function parseAndRender(page, text, expected) {
  return page.evaluate(
    ({ text, expected }) =>
      new Promise((done) => {
        const area = document.getElementById('release-text');
        const parse = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Parse');
        let t0 = 0;
        let dom = 0;
        const check = () => {
          if (dom || !shown()) return;
          dom = performance.now();
          observer.disconnect();
          afterFrame(() => done({ dom: dom - t0, frame: performance.now() - t0 }));
        };
        const shown = () =>
          document.getElementById('para-0')?.textContent === expected.first &&
          (expected.second === null || document.getElementById('para-1')?.textContent.endsWith(expected.second));
        const afterFrame = (then) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = then;
            channel.port2.postMessage(null);
          });
        const observer = new MutationObserver(check);
        observer.observe(document.querySelector('section.document'), { childList: true, subtree: true });
        t0 = performance.now();
        area.value = text;
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
        parse.click();
        check();
      }),
    { text, expected },
  );
}

/**
 * Times, inside the page, from the "Open file" input's change event to the
 * new document on screen (its first paragraph, `first`, in the page with
 * the pane's scroll height standing for the whole text, no progress bar
 * left) and to the next frame. `file` (a path) is picked with the input.
 */
export async function openTimed(page, file, first) {
  await page.evaluate(() => {
    window.__opened = null;
    document.addEventListener(
      'change',
      () => {
        const t0 = performance.now();
        const pane = document.querySelector('section.document');
        // Two moments: the text on show (a long text appears as its
        // paragraphs while the worker parses it), then the parsed document
        // (no progress left: speakers, facts and tagging there).
        let text = null;
        const frameAfter = (dom, done) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done({ dom, frame: performance.now() - t0 });
            channel.port2.postMessage(null);
          });
        const poll = () => {
          const onShow =
            document.getElementById('para-0')?.textContent === window.__first &&
            pane.scrollHeight > 10 * pane.clientHeight;
          if (onShow && !text) {
            text = {};
            frameAfter(performance.now() - t0, (t) => Object.assign(text, t));
          }
          if (!onShow || document.querySelector('.parsing')) return requestAnimationFrame(poll);
          const dom = performance.now() - t0;
          const waitText = (parsed) => (text.frame ? (window.__opened = { text, parsed }) : setTimeout(() => waitText(parsed), 5));
          frameAfter(dom, waitText);
        };
        poll();
      },
      { capture: true, once: true },
    );
  });
  await page.evaluate((first) => (window.__first = first), first);
  await page.getByLabel('Open file').setInputFiles(file, { timeout: 120_000 });
  await page.waitForFunction(() => window.__opened, null, { timeout: 180_000, polling: 50 });
  return page.evaluate(() => window.__opened);
}

/**
 * Scrolls the Document pane from top to bottom inside the page, as a
 * reader's wheel does (a few hundred pixels a frame) with a jump of a tenth
 * of the document now and then (a drag of the scrollbar), and records the
 * gaps between animation frames meanwhile.
 */
async function scrollFrames(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const pane = document.querySelector('section.document');
        pane.scrollTop = 0;
        const gaps = [];
        let last = 0;
        let frame = 0;
        const tick = (now) => {
          if (last) gaps.push(now - last);
          last = now;
          frame += 1;
          const end = pane.scrollHeight - pane.clientHeight;
          if (pane.scrollTop >= end - 1 || frame > 1500) {
            gaps.sort((a, b) => a - b);
            done({ frames: gaps.length, longest: gaps.at(-1), p95: gaps[Math.floor(gaps.length * 0.95)], median: gaps[gaps.length >> 1] });
            return;
          }
          pane.scrollTop += frame % 60 === 0 ? end / 10 : 400;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/**
 * Scrolls a `fraction` of the way down the document and then on until
 * `text` is in the page (the view is windowed), then selects it with the
 * mouse.
 */
async function selectNear(page, text, fraction) {
  await page.evaluate((fraction) => {
    const pane = document.querySelector('section.document');
    pane.scrollTop = fraction * (pane.scrollHeight - pane.clientHeight);
  }, fraction);
  for (let step = 0; step < 200; step += 1) {
    await page.waitForTimeout(50);
    const present = await page.evaluate((text) => document.querySelector('section.document .paragraphs').textContent.includes(text), text);
    if (present) break;
    await page.evaluate(() => {
      const pane = document.querySelector('section.document');
      pane.scrollTop += pane.clientHeight;
    });
  }
  await selectByMouse(page, text);
}

/**
 * Times, inside the page, from dispatching the "1" keydown to the first
 * `.annotated` segment in the DOM, and to the frame after it.
 */
async function tagKey(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const root = document.querySelector('section.document');
        let t0 = 0;
        let dom = 0;
        const check = () => {
          if (dom || !root.querySelector('.annotated')) return;
          dom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done({ dom: dom - t0, frame: performance.now() - t0 });
            channel.port2.postMessage(null);
          });
        };
        const observer = new MutationObserver(check);
        observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
        t0 = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
        check();
      }),
  );
}

function summary(name, budget, samples, counters) {
  const dom = samples.map((s) => s.dom);
  const frame = median(samples.map((s) => s.frame));
  return {
    name,
    budget,
    dom: median(dom),
    frame,
    min: Math.min(...dom),
    max: Math.max(...dom),
    runs: samples.length,
    script: median(counters.map((c) => c.script)),
    layout: median(counters.map((c) => c.layout)),
    style: median(counters.map((c) => c.style)),
    ok: frame <= budget,
  };
}

/** Runs every measurement; resolves to what `annotatorTables` prints. */
export async function annotatorBench({ dist, runs: RUNS = 7 }) {
  const load = machine().load;
  const server = await serve(dist);
  process.env.RAPPORTEUR_URL = server.url;
  const browser = await launchBrowser();
  const results = [];
  const extra = [];
  const version = browser.version();
  let big;
  try {
    const { page, errors } = await openApp(browser, { contextOptions: { viewport: { width: 1280, height: 900 } } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const megabyte = corpus(1_000_000);
    big = { bytes: Buffer.byteLength(megabyte), chars: [...megabyte].length };
    const cases = [
      ['Parse and render, sample', BUDGETS.sample, SAMPLE_TEXT],
      ['Parse and render, 1 MB', BUDGETS.mb, megabyte],
    ];
    for (const [name, budget, text] of cases) {
      const expected = expectation(text);
      const samples = [];
      const counters = [];
      // One warm-up run, not counted.
      for (let run = -1; run < RUNS; run += 1) {
        await reset(page, `Reset ${run}.`);
        const before = await metrics(cdp);
        const sample = await parseAndRender(page, text, expected);
        const after = await metrics(cdp);
        if (run >= 0) {
          samples.push(sample);
          counters.push(minus(after, before));
        }
        process.stderr.write(`${name}: ${sample.dom.toFixed(1)} ms (frame ${sample.frame.toFixed(1)} ms)\n`);
      }
      await reset(page, 'Reset for the trace.');
      const where = await traceOnce(cdp, () => parseAndRender(page, text, expected));
      results.push({ ...summary(name, budget, samples, counters), paragraphs: expected.paragraphs, where });
    }

    // Tag key to highlight, on the 1 MB document (loaded by the last case).
    await page.waitForTimeout(500);
    const copies = (megabyte.match(/Much of the contaminated land is farmland that nobody dares to plough/g) ?? []).length;
    const samples = [];
    const counters = [];
    for (let run = -1; run < RUNS; run += 1) {
      // Passages spread from the top of the document to its end.
      const fraction = (run + 1) / (RUNS + 1);
      await selectNear(page, 'Much of the contaminated land is farmland that nobody dares to plough', fraction);
      await page.waitForTimeout(300);
      const before = await metrics(cdp);
      const sample = await tagKey(page);
      const after = await metrics(cdp);
      if (run >= 0) {
        samples.push(sample);
        counters.push(minus(after, before));
      }
      process.stderr.write(`tag key (${Math.round(fraction * 100)}% down, ${copies} copies): ${sample.dom.toFixed(1)} ms (frame ${sample.frame.toFixed(1)} ms)\n`);
      // Undo, so that every run tags the same document with no annotation.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => !document.querySelector('section.document .annotated'));
      await page.waitForTimeout(300);
    }
    await selectNear(page, 'Much of the contaminated land is farmland that nobody dares to plough', 0.5);
    await page.waitForTimeout(300);
    const where = await traceOnce(cdp, () => tagKey(page));
    results.push({ ...summary('Tag key to highlight, 1 MB', BUDGETS.tag, samples, counters), where });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');

    // Scrolling the 1 MB document top to bottom: the longest frame.
    const scrolls = [];
    for (let run = 0; run < 3; run += 1) {
      const gaps = await scrollFrames(page);
      scrolls.push(gaps);
      process.stderr.write(`scroll 1 MB: ${gaps.frames} frames, longest ${gaps.longest.toFixed(1)} ms, p95 ${gaps.p95.toFixed(1)} ms\n`);
    }
    extra.push({
      name: 'Scrolling the 1 MB document, longest gap between frames',
      budget: BUDGETS.scroll,
      value: Math.max(...scrolls.map((s) => s.longest)),
      note: `${scrolls.reduce((n, s) => n + s.frames, 0)} frames over ${scrolls.length} runs top to bottom (400 px a frame, a tenth of the document every 60th); p95 ${median(scrolls.map((s) => s.p95)).toFixed(1)} ms, median ${median(scrolls.map((s) => s.median)).toFixed(1)} ms`,
    });

    // Large files from "Open file": on screen, then the next frame.
    const tiny = Array.from({ length: 100_000 }, (_, i) => `Paragraph ${i} of a long record.`).join('\n\n');
    const fifty = corpus(50_000_000);
    // "Interactive" is the parsed document (tagging open); "on the screen"
    // is the text on show, which a long text is before its parse ends.
    for (const [name, budget, text, runs, moment] of [
      ['100,000 paragraphs from "Open file" to interactive', BUDGETS.many, tiny, 3, 'parsed'],
      ['50 MB file from "Open file" to the screen', BUDGETS.big, fifty, 2, 'text'],
    ]) {
      const timings = [];
      // From a file on disk: a 50 MB buffer is too slow to hand over the protocol.
      const buffer = Buffer.from(text);
      const file = join(mkdtempSync(join(tmpdir(), 'rapporteur-bench-')), 'big.txt');
      writeFileSync(file, buffer);
      const first = text.split('\n').find((line) => line.trim()).trim();
      for (let run = 0; run < runs; run += 1) {
        await reset(page, `Reset ${run} before a file.`);
        const timing = await openTimed(page, file, first);
        timings.push(timing);
        process.stderr.write(
          `${name}: text on show ${timing.text.dom.toFixed(0)} ms (frame ${timing.text.frame.toFixed(0)} ms), ` +
            `parsed ${timing.parsed.dom.toFixed(0)} ms (frame ${timing.parsed.frame.toFixed(0)} ms)\n`,
        );
      }
      rmSync(dirname(file), { recursive: true, force: true });
      const at = (which, key) => median(timings.map((t) => t[which][key])).toFixed(0);
      extra.push({
        name,
        budget,
        value: median(timings.map((t) => t[moment].frame)),
        note:
          `${(buffer.length / 1e6).toFixed(1)} MB; median of ${runs} runs to the next frame, from the input's change event. ` +
          `Text on show (the file read, its paragraphs split on the page, the first window mounted): ${at('text', 'frame')} ms (in the DOM ${at('text', 'dom')}); ` +
          `parsed, speakers, facts and tagging there (parsed in the worker, the document rebuilt): ${at('parsed', 'frame')} ms (in the DOM ${at('parsed', 'dom')})`,
      });
    }
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }

  return { version, load, runs: RUNS, big, results, extra };
}

/** The Markdown that BENCHMARKS.md's annotator section holds. */
export function annotatorTables({ version, load, runs: RUNS, big, results, extra }) {
  const m = machine();
  const ms = (x) => `${x.toFixed(1)} ms`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} in headless Chromium ${version} (playwright-core), ${m.cpu}, ${m.memory}, ${m.os}, Node ${m.node}; load average ${load.toFixed(1)} at the start (${load > 0.5 ? 'other work was running' : 'machine idle'}); release build (opt-level "z", wasm-opt -O1). Median of ${RUNS} runs after one warm-up; the 1 MB text is ${big.bytes.toLocaleString('en')} bytes (${big.chars.toLocaleString('en')} code points), ${results[1].paragraphs.toLocaleString('en')} paragraphs.`,
    '',
    'Budgets are judged on the next frame: from setting the text and clicking Parse (or from the keydown) to the frame after the document\'s first window (or the highlight) is in the DOM, style, layout and paint included: when the reader sees it. The document view is windowed: only the paragraphs near the view are ever in the page.',
    '',
    '| Measurement | Budget (next frame) | Median to next frame | Median in DOM | Min – max in DOM | Script / layout / style (Chromium counters) | Result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.budget} ms | **${ms(r.frame)}** | ${ms(r.dom)} | ${r.min.toFixed(1)} – ${r.max.toFixed(1)} ms | ${r.script.toFixed(0)} / ${r.layout.toFixed(0)} / ${r.style.toFixed(0)} ms | ${r.ok ? 'within budget' : `**over by ${ms(r.frame - r.budget)}**`} |`,
    ),
    '',
    '| Measurement | Budget | Figure | Result | How |',
    '| --- | ---: | ---: | --- | --- |',
    ...extra.map(
      (e) => `| ${e.name} | ${e.budget} ms | **${ms(e.value)}** | ${e.value <= e.budget ? 'within budget' : `**over by ${ms(e.value - e.budget)}**`} | ${e.note} |`,
    ),
    '',
    'Where the time goes, from one extra traced run of each (Chromium trace and CPU profile, ms; the trace slows the run a little):',
    '',
    '| Measurement | In DOM / next frame | App wasm (parse, render, autosave JSON) | JS glue | DOM calls | localStorage.setItem (autosave) | GC | Style | Layout | Pre-paint | Paint | Raster |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(({ name, where: w }) =>
      [
        name,
        `${w.timing.dom.toFixed(0)} / ${w.timing.frame.toFixed(0)}`,
        ...[w.wasm, w.glue, w.dom, w.setItem, w.gc, w.style, w.layout, w.prePaint, w.paint, w.raster].map((x) => x.toFixed(0)),
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  const dist = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(ROOT, 'dist'));
  const result = await annotatorBench({ dist, runs: runsArg >= 0 ? Number(args[runsArg + 1]) : 7 });
  console.log(annotatorTables(result));
  if (result.results.some((r) => !r.ok) || result.extra.some((e) => e.value > e.budget)) process.exitCode = 1;
}
