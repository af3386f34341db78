// Runs every *.test.mjs here against the release build in `dist/`, served by a
// static server that lives exactly as long as the run. Fails when any test
// fails or when no test ran at all.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './support/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '..', '..', 'dist'));
const only = process.argv.slice(3);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort()
  .map((name) => join(here, name));

const server = await serve(dist);
process.env.RAPPORTEUR_URL = server.url;
console.log(`e2e: serving ${dist} at ${server.url}`);

let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: 1, timeout: 120_000 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') passed += 1;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed += 1;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((done) => stream.once('end', done));
await server.close();

console.log(`e2e: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
