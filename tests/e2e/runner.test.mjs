// The runner itself (run.mjs), on the small test files in runner-fixtures/:
// it must fail on a failing test, a skipped or todo test, a file that
// registers no test and a file that fails to load, pass only when every test
// ran and passed, and run exactly the files its filter names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Runs run.mjs on one fixture directory; its exit code and output. Without
 * NODE_TEST_CONTEXT, which this file's own runner set: with it, node:test
 * would refuse to run files from inside a test.
 */
function runner(fixture, ...filters) {
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const result = spawnSync(
    process.execPath,
    [join(here, 'run.mjs'), process.env.RAPPORTEUR_DIST, `--tests=${join(here, 'runner-fixtures', fixture)}`, ...filters],
    { encoding: 'utf8', timeout: 120_000, env },
  );
  const output = `${result.stdout}${result.stderr}`;
  const summary = output.match(/^e2e: (\d+) passed, (\d+) failed(?:, (\d+) skipped)? in (\d+) file/m);
  return {
    status: result.status,
    output,
    counts: summary && {
      passed: Number(summary[1]),
      failed: Number(summary[2]),
      skipped: Number(summary[3] ?? 0),
      files: Number(summary[4]),
    },
  };
}

test('the runner passes when every test of every file passes, suites included', () => {
  const all = runner('pass');
  assert.equal(all.status, 0, all.output);
  assert.deepEqual(all.counts, { passed: 3, failed: 0, skipped: 0, files: 2 });
  const suite = runner('suite');
  assert.equal(suite.status, 0, suite.output);
  assert.deepEqual(suite.counts, { passed: 2, failed: 0, skipped: 0, files: 1 }, 'a suite is not counted as a test');
});

test('the runner fails on a failing test', () => {
  const { status, counts, output } = runner('fail');
  assert.equal(status, 1, output);
  assert.deepEqual(counts, { passed: 1, failed: 1, skipped: 0, files: 1 });
});

test('the runner fails on skipped and todo tests, naming them', () => {
  const skip = runner('skip');
  assert.equal(skip.status, 1, skip.output);
  assert.deepEqual(skip.counts, { passed: 1, failed: 0, skipped: 2, files: 1 });
  assert.match(skip.output, /skipped: skipping\.test\.mjs: skipped by option \(not here\)/);
  assert.match(skip.output, /skipped: skipping\.test\.mjs: skipped from its body \(changed its mind\)/);
  const todo = runner('todo');
  assert.equal(todo.status, 1, todo.output);
  assert.match(todo.output, /todo: todo\.test\.mjs: to do/);
});

test('the runner fails on a file that registers no test, and on one that fails to load', () => {
  const empty = runner('empty');
  assert.equal(empty.status, 1, empty.output);
  assert.deepEqual(empty.counts, { passed: 1, failed: 0, skipped: 0, files: 2 }, 'the empty file is not a pass');
  assert.match(empty.output, /no-tests\.test\.mjs registers no test/);
  const broken = runner('broken');
  assert.equal(broken.status, 1, broken.output);
  assert.match(broken.output, /throws\.test\.mjs failed to load or run/);
});

test('the name filter runs only the files it names, and a filter matching nothing fails', () => {
  const second = runner('pass', 'second');
  assert.equal(second.status, 0, second.output);
  assert.deepEqual(second.counts, { passed: 1, failed: 0, skipped: 0, files: 1 });
  assert.match(second.output, /second file, one/);
  assert.doesNotMatch(second.output, /first file/);
  const both = runner('pass', 'first', 'second');
  assert.deepEqual(both.counts, { passed: 3, failed: 0, skipped: 0, files: 2 });
  const none = runner('pass', 'no-such-file');
  assert.equal(none.status, 1, none.output);
  assert.match(none.output, /no test file matches no-such-file/);
});
