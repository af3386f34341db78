// The parsing worker: the app's own wasm module, run off the page's thread
// so that parsing a very large text never freezes the page. It answers each
// { id, text } with { id, parts } (the parsed document as JSON parts, see
// src/transfer.rs) or { id, error }.
import init, { parse_in_parts } from './rapporteur.js';

const ready = init({ module_or_path: new URL('./rapporteur_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const parts = parse_in_parts(data.text);
    self.postMessage({ id: data.id, parts });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
