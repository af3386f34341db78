// Runs every *.test.mjs here against the release build in `dist/`, served by a
// static server that lives exactly as long as the run.
//
//   node tests/e2e/run.mjs [dist] [--debug-dist=DIR] [--tests=DIR] [filter ...]
//
// A filter keeps the test files whose name contains it (`annotate` runs
// annotate.test.mjs); a filter that matches no file is an error.
// With --debug-dist (scripts/test.sh passes target/dist-debug), a debug build
// is served too, on its own server, for the tests that need one (the panic
// test provokes a panic with a shortcut that only debug builds have); its
// address is RAPPORTEUR_DEBUG_URL. --tests runs the files of another
// directory (runner.test.mjs tests this runner on tests/e2e/runner-fixtures).
//
// The run fails when a test fails, when a file fails to load, when a test is
// skipped or marked todo (a test that did not run proved nothing), when a
// file registers no test at all, and when no test ran.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './support/server.mjs';

// playwright-core needs Node 20; so do the events counted below.
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`e2e: Node ${process.versions.node} is too old; Node 20 or later is needed (scripts/setup.sh installs it)`);
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const positional = args.filter((arg) => !arg.startsWith('--'));
const dist = resolve(positional[0] ?? join(here, '..', '..', 'dist'));
const testDir = resolve(option('tests') ?? here);
const filters = positional.slice(1);
const all = readdirSync(testDir)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort();
const unmatched = filters.filter((part) => !all.some((name) => name.includes(part)));
if (all.length === 0 || unmatched.length > 0) {
  const what = all.length === 0 ? `no *.test.mjs file in ${testDir}` : `no test file matches ${unmatched.join(', ')}`;
  console.error(`e2e: ${what} (files: ${all.join(', ') || 'none'})`);
  process.exit(1);
}
const files = all
  .filter((name) => filters.length === 0 || filters.some((part) => name.includes(part)))
  .map((name) => join(testDir, name));

const server = await serve(dist);
process.env.RAPPORTEUR_URL = server.url;
process.env.RAPPORTEUR_DIST = dist;
console.log(`e2e: serving ${dist} at ${server.url}`);
let debugServer = null;
const debugDist = option('debug-dist');
if (debugDist) {
  debugServer = await serve(resolve(debugDist));
  process.env.RAPPORTEUR_DEBUG_URL = debugServer.url;
  console.log(`e2e: serving the debug build ${resolve(debugDist)} at ${debugServer.url}`);
}

// What Node 20's runner reports (checked on 20.20): every test and suite
// gets `test:pass` or `test:fail` with `name`, `nesting`, `file` and
// `details`; suites carry `details.type === 'suite'`; a skipped test passes
// with `skip` set (true or the reason), a todo one with `todo` set. A file is
// a test of its own named by its path, reported only when it registers no
// test (a pass) or fails to load (a failure), named by its path (absolute
// in Node 20; a relative name is recognised too).
const isFileItself = ({ name, file }) =>
  file !== undefined && (name === file || name === basename(file) || file.endsWith(`/${name}`));
const counts = { passed: 0, failed: 0, skipped: [], todo: [], broken: [] };
const testsIn = new Map(files.map((file) => [file, 0]));
const label = (event) => `${basename(event.file ?? '?')}: ${event.name}`;
const stream = run({ files, concurrency: 1, timeout: 600_000 });
stream.on('test:pass', (event) => {
  if (event.details?.type === 'suite') return;
  if (isFileItself(event)) return; // A file with no test: caught below.
  testsIn.set(event.file, (testsIn.get(event.file) ?? 0) + 1);
  if (event.skip !== undefined && event.skip !== false) counts.skipped.push(`${label(event)} (${event.skip})`);
  else if (event.todo !== undefined && event.todo !== false) counts.todo.push(label(event));
  else counts.passed += 1;
});
stream.on('test:fail', (event) => {
  if (isFileItself(event)) {
    counts.broken.push(basename(event.file));
    return;
  }
  if (event.details?.type === 'suite') return; // Its failing tests count.
  testsIn.set(event.file, (testsIn.get(event.file) ?? 0) + 1);
  counts.failed += 1;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((done) => stream.once('end', done));
await server.close();
await debugServer?.close();

const empty = [...testsIn].filter(([file, n]) => n === 0 && !counts.broken.includes(basename(file)));
const problems = [
  ...counts.broken.map((file) => `${file} failed to load or run`),
  ...empty.map(([file]) => `${basename(file)} registers no test`),
  ...counts.skipped.map((test) => `skipped: ${test}`),
  ...counts.todo.map((test) => `todo: ${test}`),
];
const skipped = counts.skipped.length + counts.todo.length;
console.log(
  `e2e: ${counts.passed} passed, ${counts.failed} failed${skipped ? `, ${skipped} skipped` : ''}` +
    ` in ${files.length} file(s)`,
);
for (const problem of problems) console.error(`e2e: ${problem}`);
if (counts.failed > 0 || problems.length > 0 || counts.passed === 0) {
  if (counts.passed === 0) console.error('e2e: no test passed');
  process.exit(1);
}
