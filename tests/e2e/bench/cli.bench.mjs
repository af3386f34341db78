// The shipped CLI, whole process: `rapporteur-cli parse FILE` (read, parse
// with facts, JSON to standard output) on the varied 1 MB and 10 MB texts,
// less its start-up (the same command on an empty file), built with the
// release profile as `cargo build --release` ships it.
//
//   node tests/e2e/bench/cli.bench.mjs [--runs N]
//
// Wall-clock time of each run (spawnSync, output to /dev/null), after one
// warm-up; median and best. The machine is shared, so the best run says
// what the program costs and the median what this run of it met.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR, ROOT, corpus, median } from './corpus.mjs';

const CLI = join(ROOT, 'target', 'release', 'rapporteur-cli');

function timeRuns(file, runs) {
  const sink = openSync('/dev/null', 'w');
  const times = [];
  try {
    for (let run = -1; run < runs; run += 1) {
      const t0 = process.hrtime.bigint();
      const result = spawnSync(CLI, ['parse', file], { stdio: ['ignore', sink, 'inherit'] });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (result.status !== 0) throw new Error(`rapporteur-cli parse ${file} exited with ${result.status}`);
      if (run >= 0) times.push(ms);
    }
  } finally {
    closeSync(sink);
  }
  return { median: median(times), best: Math.min(...times), runs: times.length };
}

export function cliBench({ runs = 9 } = {}) {
  execFileSync('cargo', ['build', '-q', '--release', '--bin', 'rapporteur-cli'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  corpus(1_000_000); // writes the texts if they are missing
  const empty = join(CORPUS_DIR, 'empty.txt');
  writeFileSync(empty, '');
  const startup = timeRuns(empty, runs * 2);
  const rows = [];
  for (const [name, file, n] of [
    ['1 MB', 'varied-1mb.txt', runs],
    ['10 MB', 'varied-10mb.txt', Math.max(3, Math.ceil(runs / 3))],
  ]) {
    const path = join(CORPUS_DIR, file);
    const bytes = statSync(path).size;
    const t = timeRuns(path, n);
    const mb = bytes / 1e6;
    const row = {
      name,
      bytes,
      runs: t.runs,
      medianMs: t.median - startup.median,
      bestMs: t.best - startup.best,
    };
    row.msPerMb = row.medianMs / mb;
    row.bestMsPerMb = row.bestMs / mb;
    process.stderr.write(`cli ${name}: ${row.medianMs.toFixed(1)} ms less start-up (best ${row.bestMs.toFixed(1)}), ${row.msPerMb.toFixed(2)} ms/MB\n`);
    rows.push(row);
  }
  return { startup, rows };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 9;
  const { startup, rows } = cliBench({ runs });
  console.log(`start-up (empty file): median ${startup.median.toFixed(2)} ms, best ${startup.best.toFixed(2)} ms`);
  for (const r of rows) {
    console.log(`${r.name} (${r.bytes} bytes): ${r.medianMs.toFixed(1)} ms less start-up (best ${r.bestMs.toFixed(1)}) · ${(1000 / r.msPerMb).toFixed(1)} MB/s · ${r.msPerMb.toFixed(2)} ms/MB`);
  }
}
