// What every benchmark here shares: the texts (built exactly as
// benches/parse.rs builds them, so native and browser figures are of the
// same bytes), medians, and a line describing the machine.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE_TEXT } from '../support/annotator.mjs';

export { ROOT, SAMPLE_TEXT };

const PRESS_RELEASE = readFileSync(join(ROOT, 'tests', 'fixtures', 'press_release.txt'), 'utf8');

/**
 * About `target` bytes of release text: the sample, then alternating
 * fixtures, each copy's digits rotated so that no two copies are the same.
 */
export function corpus(target) {
  let text = '';
  let bytes = 0;
  for (let round = 0; bytes < target; round += 1) {
    const source = round % 2 === 0 ? SAMPLE_TEXT : PRESS_RELEASE;
    const copy = source.replace(/[0-9]/g, (d) => String((Number(d) + round) % 10)) + '\n';
    text += copy;
    bytes += Buffer.byteLength(copy);
  }
  return text;
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
