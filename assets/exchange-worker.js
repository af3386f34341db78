// The exchange worker: another tool's formats (brat, doccano, Label Studio,
// UIMA CAS XMI), in a wasm module of its own that the page starts only when
// one is first exported or imported (src/bin/rapporteur-exchange.rs). It
// answers { id, export: { format, predictions, releases } } with
// { id, file: [name, mime, bytes] }, and { id, import: { names, contents,
// open, now } } with { id, reply } (JSON), or either with { id, error }.
import init, { export_tool_file, import_tool_files } from './rapporteur-exchange.js';

const ready = init({ module_or_path: new URL('./rapporteur-exchange_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.export) {
      const { format, predictions, releases } = data.export;
      const file = export_tool_file(format, predictions, releases);
      self.postMessage({ id: data.id, file }, [file[2].buffer]);
    } else {
      const { names, contents, open, now } = data.import;
      self.postMessage({ id: data.id, reply: import_tool_files(names, contents, open, now) });
    }
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
