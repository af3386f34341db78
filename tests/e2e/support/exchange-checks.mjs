// What another tool's export of one release or many must hold, read on that
// tool's own terms: brat's .txt/.ann pairs and conf files (code points),
// doccano JSONL and Label Studio tasks (code points), UIMA CAS XMI (UTF-16
// code units, as Java counts). Each check is given the releases the file
// must hold, each as { stem, text, rows }, rows being
// [label, start, end, note] with code-point offsets; it fails unless the file
// holds every release, its exact text and exactly those rows. The one-release
// exports (exchange-formats.test.mjs) and the whole library's
// (library.test.mjs) are read by the same checks.
import assert from 'node:assert/strict';
import { codePoints, slice } from './annotator.mjs';

/** Rows with missing notes as '', sorted: how rows are compared. */
export const sorted = (rows) => rows.map((row) => row.map((v) => v ?? '')).sort();

/** XML character data and attribute values, unescaped. */
export const unescapeXml = (value) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity];
  });

/** Each element named `name` in `xml`, as a map of its attributes. */
export function elements(xml, name) {
  const out = [];
  for (const match of xml.matchAll(new RegExp(`<${name}\\s([^>]*?)/?>`, 'g'))) {
    const attributes = {};
    for (const [, key, value] of match[1].matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[key] = unescapeXml(value);
    out.push(attributes);
  }
  return out;
}

/** The release whose text is `text`, for a file that names releases by text. */
function releaseWithText(releases, text, where) {
  const release = releases.find((r) => r.text === text);
  assert.ok(release, `${where}: a text that is none of the releases' (${JSON.stringify(text.slice(0, 60))}…)`);
  return release;
}

/**
 * A brat archive: a .txt and an .ann per release, annotation.conf and
 * visual.conf. Returns each release's .ann lines (by stem) and the conf files.
 */
export function checkBrat(entries, releases) {
  const names = releases.flatMap((r) => [`${r.stem}.ann`, `${r.stem}.txt`]);
  assert.deepEqual(entries.map((e) => e.name).sort(), [...names, 'annotation.conf', 'visual.conf'].sort());
  const file = (name) => entries.find((e) => e.name === name).bytes.toString('utf8');
  // visual.conf gives each brat type its tag name back.
  const labels = new Map(
    file('visual.conf')
      .split('\n')
      .filter((line) => line.includes(' | '))
      .map((line) => line.split(' | ').map((s) => s.trim())),
  );
  const ann = {};
  for (const release of releases) {
    assert.equal(file(`${release.stem}.txt`), release.text, `${release.stem}.txt is the text the offsets count in`);
    const lines = file(`${release.stem}.ann`).split('\n').filter(Boolean);
    ann[release.stem] = lines;
    const notes = new Map();
    for (const line of lines) {
      const [id, middle, rest] = line.split('\t');
      if (id.startsWith('#')) {
        const target = middle.split(' ')[1];
        notes.set(target, notes.has(target) ? `${notes.get(target)}\n${rest}` : rest);
      }
    }
    const rows = [];
    for (const line of lines.filter((l) => l.startsWith('T'))) {
      const [id, middle, covered] = line.split('\t');
      const [type, ...ranges] = middle.split(' ');
      const fragments = ranges
        .join(' ')
        .split(';')
        .map((r) => r.split(' ').map(Number));
      // brat slices Python strings: code points. Each fragment's text, joined by spaces.
      assert.equal(
        covered,
        fragments.map(([s, e]) => slice(release.text, s, e)).join(' '),
        `${release.stem} ${id}: covered text at code points`,
      );
      rows.push([labels.get(type) ?? type, fragments[0][0], fragments.at(-1)[1], notes.get(id) ?? '']);
    }
    assert.deepEqual(sorted(rows), sorted(release.rows), `${release.stem}.ann`);
  }
  return { ann, conf: file('annotation.conf'), visual: file('visual.conf') };
}

/** doccano JSONL: one line per release, its text and [start, end, label] spans. */
export function checkDoccano(bytes, releases) {
  const lines = bytes.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(lines.length, releases.length, 'one line per release');
  for (const line of lines) {
    const release = releaseWithText(releases, line.text, 'doccano');
    const noteOf = (s, e, l) => line.notes?.find((n) => n.start === s && n.end === e && n.label === l)?.note ?? '';
    assert.deepEqual(sorted(line.label.map(([s, e, l]) => [l, s, e, noteOf(s, e, l)])), sorted(release.rows), release.stem);
  }
  assert.equal(new Set(lines.map((l) => l.text)).size, releases.length, 'every release once');
  return lines;
}

/**
 * Label Studio tasks: one per release, its annotation's labels (and notes
 * as textareas); with `predictions`, predicted spans at code points too.
 * Returns the tasks.
 */
export function checkLabelStudio(bytes, releases, predictions) {
  const tasks = JSON.parse(bytes.toString('utf8'));
  assert.equal(tasks.length, releases.length, 'one task per release');
  for (const task of tasks) {
    const release = releaseWithText(releases, task.data.text, 'Label Studio');
    // A release nobody annotated is a task without annotations.
    const results = task.annotations?.[0]?.result ?? [];
    if (release.rows.length > 0) assert.equal(task.annotations.length, 1, `${release.stem}: one annotation`);
    const notes = new Map(results.filter((r) => r.type === 'textarea').map((r) => [r.id, r.value.text.join('\n')]));
    const rows = results
      .filter((r) => r.type === 'labels')
      .map((r) => {
        assert.equal(r.value.text, slice(release.text, r.value.start, r.value.end), `${release.stem} ${r.id}: code points`);
        return [r.value.labels[0], r.value.start, r.value.end, notes.get(r.id) ?? ''];
      });
    assert.deepEqual(sorted(rows), sorted(release.rows), release.stem);
    if (!predictions) {
      assert.equal(task.predictions, undefined);
      continue;
    }
    const predicted = task.predictions[0].result.filter((r) => r.type === 'labels');
    assert.ok(predicted.length > 0, `${release.stem}: predictions`);
    for (const r of predicted) {
      assert.equal(r.value.text, slice(release.text, r.value.start, r.value.end), `${release.stem} ${r.id}: code points`);
    }
  }
  assert.equal(new Set(tasks.map((t) => t.data.text)).size, releases.length, 'every release once');
  return tasks;
}

/** The Label Studio labelling config: a label for every tag, and the extracted labels. */
export function checkLabelStudioConfig(bytes, tags) {
  const xml = bytes.toString('utf8');
  for (const tag of tags) assert.ok(xml.includes(`<Label value="${tag.name}" background="${tag.color}"/>`), tag.name);
  assert.ok(xml.includes('<Labels name="extracted" toName="text">'), 'fits the tasks with predictions too');
  return xml;
}

/**
 * A UIMA CAS XMI archive as INCEpTION reads it: an .xmi per release (the
 * text as its sofa, tags at UTF-16 offsets) and TypeSystem.xml. Returns each
 * release's XMI (by stem).
 */
export function checkXmi(entries, releases) {
  assert.deepEqual(entries.map((e) => e.name).sort(), [...releases.map((r) => `${r.stem}.xmi`), 'TypeSystem.xml'].sort());
  const xmis = {};
  for (const release of releases) {
    const xmi = entries.find((e) => e.name === `${release.stem}.xmi`).bytes.toString('utf8');
    xmis[release.stem] = xmi;
    const [sofa] = elements(xmi, 'cas:Sofa');
    assert.equal(sofa.sofaString, release.text, `${release.stem}: the sofa is the text`);
    // UIMA counts UTF-16 code units, as JavaScript strings do.
    const points = (units) => codePoints(release.text.slice(0, units)).length;
    const rows = elements(xmi, 'custom:RapporteurTag').map((tag) => {
      const [begin, end] = [Number(tag.begin), Number(tag.end)];
      assert.equal(slice(release.text, points(begin), points(end)), release.text.slice(begin, end));
      return [tag.label, points(begin), points(end), tag.note ?? ''];
    });
    assert.deepEqual(sorted(rows), sorted(release.rows), release.stem);
  }
  assert.match(entries.find((e) => e.name === 'TypeSystem.xml').bytes.toString('utf8'), /webanno\.custom\.RapporteurTag/);
  return xmis;
}
