// Runs every *.test.mjs here against the release build in `dist/`, served by a
// static server that lives exactly as long as the run. Fails when any test
// fails or when no test ran at all.
//
//   node tests/e2e/run.mjs [dist] [--debug-dist=DIR] [filter ...]
//
// With --debug-dist (scripts/test.sh passes target/dist-debug), a debug build
// is served too, on its own server, for the tests that need one (the panic
// test provokes a panic with a shortcut that only debug builds have); its
// address is RAPPORTEUR_DEBUG_URL. Without it those tests are skipped.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './support/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const debugArg = args.find((arg) => arg.startsWith('--debug-dist='));
const positional = args.filter((arg) => !arg.startsWith('--'));
const dist = resolve(positional[0] ?? join(here, '..', '..', 'dist'));
const only = positional.slice(1);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort()
  .map((name) => join(here, name));

const server = await serve(dist);
process.env.RAPPORTEUR_URL = server.url;
console.log(`e2e: serving ${dist} at ${server.url}`);
let debugServer = null;
if (debugArg) {
  const debugDist = resolve(debugArg.slice('--debug-dist='.length));
  debugServer = await serve(debugDist);
  process.env.RAPPORTEUR_DEBUG_URL = debugServer.url;
  console.log(`e2e: serving the debug build ${debugDist} at ${debugServer.url}`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const stream = run({ files, concurrency: 1, timeout: 600_000 });
stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') return;
  if (event.skip) skipped += 1;
  else passed += 1;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed += 1;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((done) => stream.once('end', done));
await server.close();
await debugServer?.close();

console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
