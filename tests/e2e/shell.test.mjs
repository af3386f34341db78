// The app shell: how the page loads its module, sample on first visit,
// paste renders paragraphs, text stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUrl, sharedBrowser, openApp } from './support/app.mjs';

const browser = sharedBrowser();

test('a first visit shows the sample release in the document pane', async () => {
  const { context, page, errors } = await openApp(browser);
  const documentPane = page.getByRole('region', { name: 'Document' });
  await documentPane.getByText('9587th Meeting (PM)', { exact: true }).waitFor();
  const paragraphs = await documentPane.locator('p').allTextContents();
  assert.ok(paragraphs.length > 20, `only ${paragraphs.length} paragraphs`);
  assert.equal(paragraphs.at(-1), 'For information media. Not an official record.');
  const textarea = page.getByRole('textbox', { name: 'Press release text' });
  assert.match(await textarea.inputValue(), /^9587th Meeting \(PM\)\nSC\/15802/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted text is rendered as one paragraph per line', async () => {
  const { context, page } = await openApp(browser);
  const textarea = page.getByRole('textbox', { name: 'Press release text' });
  await textarea.fill('');
  await textarea.focus();
  await page.keyboard.insertText('First line of the release.\r\n\r\nSecond — with “quotes”.\nThird 🎉');
  const documentPane = page.getByRole('region', { name: 'Document' });
  await documentPane.getByText('Third 🎉').waitFor();
  assert.deepEqual(await documentPane.locator('p').allTextContents(), [
    'First line of the release.',
    'Second — with “quotes”.',
    'Third 🎉',
  ]);
  await context.close();
});

test('pasted markup shows literally and creates no element', async () => {
  const { context, page, errors } = await openApp(browser);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  const markup = '<script>alert(1)</script><b>x</b><img src=x onerror="alert(2)">';
  await page.getByRole('textbox', { name: 'Press release text' }).fill(markup);
  const documentPane = page.getByRole('region', { name: 'Document' });
  await documentPane.getByText(markup, { exact: true }).waitFor();
  assert.equal(await documentPane.locator('script, b, img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Load sample" brings the sample back after the text was replaced', async () => {
  const { context, page } = await openApp(browser);
  await page.getByRole('textbox', { name: 'Press release text' }).fill('Something else entirely.');
  const documentPane = page.getByRole('region', { name: 'Document' });
  await documentPane.getByText('Something else entirely.').waitFor();
  await page.getByRole('button', { name: 'Load sample' }).click();
  await documentPane.getByText('For information media. Not an official record.').waitFor();
  assert.ok((await documentPane.locator('p').count()) > 20);
  await context.close();
});

test('the page fetches its module once, from the preload hint in its head', async () => {
  const { context, page, errors } = await openApp(browser);
  const fetches = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.wasm'))
      .map((entry) => [new URL(entry.name).pathname, entry.initiatorType]),
  );
  // One fetch, by the <link rel="preload">: the glue's own fetch of the
  // same URL took the preloaded response (a second entry would mean it
  // did not, and the module was downloaded twice).
  assert.deepEqual(fetches, [['/rapporteur_bg.wasm', 'link']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a module that cannot be fetched is reported in the page, not left blank', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wasm = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname);
  });
  await page.route('**/rapporteur_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(appUrl());
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Rapporteur could not start in this browser: /);
  assert.deepEqual(wasm, ['/rapporteur_bg.wasm']);
  await context.close();
});
