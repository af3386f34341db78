// The parsing worker: the app's own wasm module, run off the page's thread
// so that parsing a very large text never freezes the page. The page sends
// each job's text as UTF-8 pieces, { id, length, at, piece }, each in a
// task of its own; once all `length` bytes of job `id` are here, the worker
// answers { id, bytes, ends } (the parsed document as JSON parts laid end
// to end, see src/transfer.rs) or { id, error }. A piece of a newer job
// (ids only grow) drops what was gathered of an older one. Buffers are
// handed over, not copied.
import init, { parse_in_parts } from './rapporteur.js';

const ready = init({ module_or_path: new URL('./rapporteur_bg.wasm', import.meta.url) });

let gathering = null;

self.onmessage = async ({ data }) => {
  if (gathering && data.id < gathering.id) return;
  if (gathering?.id !== data.id) {
    gathering = { id: data.id, text: new Uint8Array(data.length), received: 0 };
  }
  gathering.text.set(data.piece, data.at);
  gathering.received += data.piece.length;
  if (gathering.received < data.length) return;
  const { id, text } = gathering;
  gathering = null;
  try {
    await ready;
    const { bytes, ends } = parse_in_parts(text);
    self.postMessage({ id, bytes, ends }, [bytes.buffer, ends.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
