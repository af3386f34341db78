// The Speakers and Facts panels on the sample agree with the native parser
// (`rapporteur-cli parse`), and choosing a speaker or an entity highlights
// exactly its text in the document.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './support/app.mjs';
import { FACT_GROUPS, cliParse, codePoints, fresh, regions } from './support/annotator.mjs';

const browser = sharedBrowser();
let parsed;
before(() => {
  parsed = cliParse();
});

/** The code-point ranges the document marks with `.focus`, adjacent ones merged. */
async function focusRanges(page) {
  const spans = await page.evaluate(() =>
    [...document.querySelectorAll('section.document .focus')].map((span) => ({
      start: Number(span.dataset.start),
      text: span.textContent,
    })),
  );
  return merge(spans.map((span) => [span.start, span.start + codePoints(span.text).length]));
}

function merge(ranges) {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

test('the sample lists all 12 speakers in order, as the native parser finds them', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const speakers = regions(page).speakers;
  const expected = parsed.speakers.map((s) => s.name);
  assert.equal(expected.length, 12, 'the native parser finds 12 speakers in the sample');
  await speakers.locator('.speaker-name').first().waitFor();
  assert.deepEqual(await speakers.locator('.speaker-name').allTextContents(), expected);
  assert.equal(await speakers.locator('h2 .count').textContent(), '12');

  // The filter narrows by name or delegation.
  const filter = speakers.getByRole('searchbox', { name: 'Filter speakers' });
  await filter.fill('denmark');
  const denmark = parsed.speakers
    .filter((s) => [s.name, s.affiliation, s.role, s.on_behalf_of].some((f) => f?.toLowerCase().includes('denmark')))
    .map((s) => s.name);
  assert.ok(denmark.length > 0);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.speakers-panel .speaker-name').length === n,
    denmark.length,
  );
  assert.deepEqual(await speakers.locator('.speaker-name').allTextContents(), denmark);
  await filter.fill('');
  await page.waitForFunction((n) => document.querySelectorAll('.speakers-panel .speaker-name').length === n, 12);

  // Choosing a speaker highlights their paragraphs, and only theirs.
  const index = parsed.speakers.findIndex((s) => s.name === 'IBRAHIM SALL-TOURÉ');
  const button = speakers.getByRole('button', { name: /IBRAHIM SALL-TOURÉ/ });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('section.document .focus'));
  const owned = parsed.paragraphs.filter((p) => p.speaker === index);
  assert.ok(owned.length > 0);
  const marked = await focusRanges(page);
  for (const [start, end] of marked) {
    assert.ok(
      owned.some((p) => p.start <= start && end <= p.end),
      `highlight ${start}..${end} lies in a paragraph of IBRAHIM SALL-TOURÉ`,
    );
  }
  for (const p of owned) {
    assert.ok(
      marked.some(([start, end]) => start <= p.start && p.end <= end),
      `paragraph ${p.start}..${p.end} of IBRAHIM SALL-TOURÉ is highlighted`,
    );
  }
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction(() => !document.querySelector('section.document .focus'));
  assert.deepEqual(errors, []);
});

test('the Facts panel shows a group per fact kind the parser finds, and each entry highlights its mentions', async (t) => {
  const { page, errors } = await fresh(t, browser);
  const facts = regions(page).facts;
  const kinds = new Set(parsed.facts.map((f) => f.kind));
  const groups = FACT_GROUPS.filter(([kind]) => kinds.has(kind));
  assert.equal(groups.length, kinds.size, `every fact kind the parser emits has a group: ${[...kinds]}`);
  await facts.locator('h2 .count').waitFor();
  assert.equal(await facts.locator('h2 .count').textContent(), String(parsed.facts.length));

  const headings = await facts.locator('.fact-group h3').evaluateAll((hs) =>
    hs.map((h) => ({ title: h.firstChild.textContent, count: h.querySelector('.count').textContent })),
  );
  assert.deepEqual(
    headings,
    groups.map(([kind, title]) => ({
      title,
      count: String(parsed.facts.filter((f) => f.kind === kind).length),
    })),
    'one heading per kind present, in the panel order, with its number of facts',
  );
  if (parsed.facts.length === 0) {
    // Until facts are extracted the panel says so, and nothing else.
    await facts.getByText('No facts found.').waitFor();
    assert.equal(await facts.locator('.entity').count(), 0);
    assert.deepEqual(errors, []);
    return;
  }
  assert.ok(headings.length >= 1, 'at least one group of facts');

  // Every entry of a group is an entity (all its mentions) or a lone fact.
  for (const [kind, title] of groups) {
    const group = facts.locator('.fact-group').filter({ has: page.locator('h3', { hasText: title }) });
    const candidates = [
      ...parsed.entities
        .filter((e) => e.kind === kind)
        .map((e) => ({ label: e.name, facts: e.facts })),
      ...parsed.facts
        .map((f, i) => ({ f, i }))
        .filter(({ f, i }) => f.kind === kind && !parsed.entities.some((e) => e.facts.includes(i)))
        .map(({ f, i }) => ({ label: f.text, facts: [i] })),
    ];
    const buttons = group.locator('button.entity');
    const count = await buttons.count();
    assert.equal(count, candidates.length, `${title}: one entry per entity or ungrouped fact`);
    for (let i = 0; i < count; i += 1) {
      const button = buttons.nth(i);
      const label = await button.locator('.entity-name').textContent();
      await button.click();
      await page.waitForFunction(() => document.querySelector('section.document .focus'));
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      const marked = await focusRanges(page);
      const matches = candidates.filter((c) => c.label === label);
      assert.ok(matches.length > 0, `${title}: "${label}" is an entity or fact of the parser`);
      const wanted = matches.map((c) => merge(c.facts.map((f) => [parsed.facts[f].start, parsed.facts[f].end])));
      assert.ok(
        wanted.some((ranges) => JSON.stringify(ranges) === JSON.stringify(marked)),
        `${title}: "${label}" highlights its mentions ${JSON.stringify(wanted)}, not ${JSON.stringify(marked)}`,
      );
      await button.click();
      await page.waitForFunction(() => !document.querySelector('section.document .focus'));
    }
  }
  assert.deepEqual(errors, []);
});
