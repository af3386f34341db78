// What every benchmark here shares: the texts (written by the generator
// benches/parse.rs uses, so native and browser figures are of the same
// bytes), medians, and a line describing the machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE_TEXT } from '../support/annotator.mjs';

export { ROOT, SAMPLE_TEXT };

/** Where `rapporteur-bench-corpus` writes the benchmark texts. */
export const CORPUS_DIR = join(ROOT, 'target', 'bench-corpus');
const FILES = {
  100_000: 'varied-100kb.txt',
  1_000_000: 'varied-1mb.txt',
  10_000_000: 'varied-10mb.txt',
  50_000_000: 'varied-50mb.txt',
};

/**
 * The benchmark text of about `target` bytes (100 KB, 1 MB, 10 MB or 50 MB): many
 * varied releases built from our fixtures by `rapporteur::bench_corpus`,
 * the very bytes `benches/parse.rs` parses natively. Written by the
 * `rapporteur-bench-corpus` binary (built and run here if missing).
 */
export function corpus(target) {
  const name = FILES[target];
  if (!name) throw new Error(`no benchmark text of ${target} bytes (have ${Object.keys(FILES).join(', ')})`);
  const file = join(CORPUS_DIR, name);
  // Written all at once: a corpus from before the 50 MB text lacks only it.
  if (!existsSync(file)) {
    execFileSync('cargo', ['run', '-q', '--release', '--bin', 'rapporteur-bench-corpus', '--', CORPUS_DIR], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return readFileSync(file, 'utf8');
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const megabytes = (text) => Buffer.byteLength(text) / 1e6;

/** The machine, for the record: cores, memory, OS, Node, load now. */
export function machine() {
  return {
    cpu: `${cpus().length} cores (${cpus()[0]?.model.trim()})`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GB`,
    os: `${osType()} ${osRelease()}`,
    node: process.versions.node,
    load: loadavg()[0],
  };
}
