// Never markup: pasted and imported text that looks like HTML shows
// literally and creates no element; the Content-Security-Policy is in the
// served page, blocks an injected inline script, and normal use (load,
// parse, tag, note, export, a large text in the worker) breaks none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp } from './support/app.mjs';
import { codePoints, exportJson, importFile, listedAnnotations, regions, textarea } from './support/annotator.mjs';
import { cspViolations, tagPassage, watchPage } from './support/faults.mjs';

const browser = sharedBrowser();

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<a href="javascript:alert(3)">x</a>',
  '&amp; &lt;b&gt; &#60;script&#62; &quot;',
  '<iframe src="javascript:alert(5)"></iframe><object data="x"></object><svg onload=alert(6)>',
  '<style>body{display:none}</style><b onmouseover=alert(7)>bold</b>',
];

/** What the document region may hold: the app's own elements only. */
const APP_ELEMENTS = ['P', 'SPAN', 'H2', 'H3', 'BUTTON', 'NAV', 'DIV', 'PROGRESS'];
/** Nothing of this kind may appear in the page's body (the head holds the app's own boot script). */
const FORBIDDEN = 'script, img, a, iframe, object, embed, svg, style, b, meta, link, base';

/**
 * Records every element added anywhere under <body> from now on, with
 * whether it is inside the Document region.
 */
async function observeAdditions(page) {
  await page.evaluate(() => {
    window.__added = [];
    const region = document.querySelector('section.document');
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          for (const element of [node, ...node.querySelectorAll('*')]) {
            window.__added.push({ tag: element.tagName, inDocument: region.contains(element) });
          }
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.__observer = observer;
  });
}

const additions = (page) => page.evaluate(() => window.__added);

/** Pastes `text` into the empty textarea as a browser paste inserts it. */
async function paste(page, text) {
  await textarea(page).fill('');
  await textarea(page).focus();
  await page.evaluate((text) => document.execCommand('insertText', false, text), text);
}

async function watchedApp(t) {
  const context = await browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(watchPage);
  const app = await openApp(browser, { context });
  app.dialogs = [];
  app.page.on('dialog', (dialog) => {
    app.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return app;
}

async function assertNothingRan(page, dialogs, errors) {
  const added = await additions(page);
  const foreign = added.filter((a) => a.inDocument && !APP_ELEMENTS.includes(a.tag));
  assert.deepEqual(foreign, [], 'every element added under Document is one of the app\'s own');
  // The app draws one SVG of its own (the heat map of "Codes by delegation").
  const forbidden = page.locator('body').locator(FORBIDDEN).and(page.locator(':not(svg.heat-map, svg.heat-map *)'));
  assert.equal(await forbidden.count(), 0, 'no script, img, a, iframe, object, svg, style or b in the page');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
}

test('pasted markup, javascript: links and entities show literally and create no element', async (t) => {
  const { page, errors, dialogs } = await watchedApp(t);
  await observeAdditions(page);
  const text = `Markup Test Release\n\n${HOSTILE.join('\n\n')}\n\nThe end <b>of</b> it.`;
  await paste(page, text);
  const document = regions(page).document;
  await document.getByText('The end <b>of</b> it.', { exact: true }).waitFor();
  const shown = await document.locator('.para').allTextContents();
  assert.deepEqual(shown, ['Markup Test Release', ...HOSTILE, 'The end <b>of</b> it.'], 'each line shows exactly as pasted');
  assert.ok((await additions(page)).some((a) => a.inDocument && a.tag === 'P'), 'the observer saw the paragraphs arrive');
  await assertNothingRan(page, dialogs, errors);
});

test('imported notes and text holding markup show literally', async (t) => {
  const { page, errors, dialogs } = await watchedApp(t);
  const text = `Imported Markup\n\n${HOSTILE.join('\n\n')}`;
  await paste(page, text);
  await regions(page).document.getByText(HOSTILE.at(-1), { exact: true }).waitFor();
  await observeAdditions(page);
  // An export of this text whose annotations quote the markup and whose
  // notes and tag name are markup.
  const points = codePoints(text);
  const span = (quote) => {
    const start = codePoints(text.slice(0, text.indexOf(quote))).length;
    return { start, end: start + codePoints(quote).length, exact: quote };
  };
  const now = '2025-04-02T15:00:00.000Z';
  const file = {
    format: 'rapporteur-annotations/1',
    document: { text, text_length: points.length },
    tags: [{ id: 't-x', name: '<img src=x onerror=alert(8)>', color: '#cc3333' }],
    annotations: HOSTILE.slice(0, 4).map((quote, i) => ({
      id: `a-${i + 1}`,
      tag: 't-x',
      ...span(quote),
      note: `<script>window.__pwned = ${i}</script><img src=x onerror="window.__pwned=1"> &lt;i&gt; javascript:alert(9)`,
      created: now,
      modified: now,
    })),
  };
  await importFile(page, 'markup.annotations.json', JSON.stringify(file));
  await page.getByRole('status').filter({ hasText: 'Imported 4 annotation(s)' }).waitFor();
  const listed = await listedAnnotations(page);
  assert.deepEqual(
    listed.map((a) => a.quote).sort(),
    HOSTILE.slice(0, 4).sort(),
    'the quotes show literally',
  );
  for (const item of listed) {
    assert.equal(item.tag, '<img src=x onerror=alert(8)>');
    assert.ok(item.meta.includes('<script>window.__pwned'), item.meta);
  }
  assert.equal(
    await regions(page).tags.getByRole('button', { name: '<img src=x onerror=alert(8)>' }).count(),
    1,
    'the tag name shows literally on its button',
  );
  // Highlights are drawn over the literal text.
  const drawn = await regions(page).document.locator('[data-annotations]').allTextContents();
  for (const quote of HOSTILE.slice(0, 4)) assert.ok(drawn.join('').includes(quote), quote);
  await assertNothingRan(page, dialogs, errors);
});

test('the served page carries the Content-Security-Policy, and an injected inline script does not run', async (t) => {
  const { page, errors } = await watchedApp(t);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(policy, 'the CSP meta tag is in the page');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'no inline scripts, no eval');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['default-src'], ["'self'"]);
  // No inline script in the page itself: the app starts from boot.js.
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  assert.equal(inline, 0);

  // An inline script (and an inline handler) added through the DOM is blocked.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__handlerRan = true');
    img.src = 'data:,not-an-image';
    document.body.append(img);
    await new Promise((done) => setTimeout(done, 300));
    script.remove();
    img.remove();
    return { inline: window.__inlineRan ?? false, handler: window.__handlerRan ?? false };
  });
  assert.deepEqual(ran, { inline: false, handler: false }, 'CSP is active: neither ran');
  const violations = await cspViolations(page);
  assert.ok(violations.some((v) => v.startsWith('script-src')), `the block was reported: ${violations}`);
  // The page's own console reports the refusal; that is the expected one.
  assert.ok(errors.every((e) => e.includes('Content Security Policy')), errors.join('\n'));
});

test('normal use breaks no CSP rule: load, parse, tag, note, export', async (t) => {
  const { page, errors, dialogs } = await watchedApp(t);
  await paste(page, 'A Release\n\nANA ROS of Chile said the fund “is too little” on 2 April 2025.');
  await regions(page).document.getByText('is too little', { exact: false }).waitFor();
  await tagPassage(page, 'the fund', 'Claim');
  const note = regions(page).annotations.getByRole('textbox', { name: 'Note' });
  await note.fill('<b>check</b>');
  await note.blur();
  const { json } = await exportJson(page);
  assert.equal(json.annotations[0].note, '<b>check</b>');
  // Back to the sample: it is the library's first release, opened again.
  await page.getByRole('button', { name: 'Load sample' }).click();
  await regions(page).document.getByText('For information media. Not an official record.').waitFor();
  await page.getByRole('status').filter({ hasText: 'is already in your library: it is open now.' }).waitFor();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});
