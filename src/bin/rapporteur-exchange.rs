//! The exchange worker: a second WebAssembly module, which the page loads
//! (through `assets/exchange-worker.js`) only when another tool's format
//! is first exported or imported. It holds the brat, doccano, Label Studio
//! and UIMA CAS XMI code, zip archives and XML, which the app's own module
//! then does without. See `rapporteur::app::exports` for what crosses.

#[cfg(target_arch = "wasm32")]
mod worker {
    use rapporteur::app::exports::{import_reply, tool_file};
    use rapporteur::exchange::{Format, InputFile};
    use wasm_bindgen::prelude::*;

    /// The largest file the app reads (as `app::files::MAX_FILE_BYTES`).
    const LIMIT: u64 = 50 * 1024 * 1024;

    /// Makes another tool's file of `releases` (each a release in the
    /// autosave format): `[name, mime, bytes]`, or the reason it failed.
    #[wasm_bindgen]
    pub fn export_tool_file(
        format: &str,
        predictions: bool,
        releases: Vec<String>,
    ) -> Result<js_sys::Array, String> {
        let format =
            Format::from_id(format).ok_or_else(|| format!("there is no format \"{format}\""))?;
        let file = tool_file(format, predictions, &releases)?;
        Ok(js_sys::Array::of3(
            &JsValue::from_str(&file.name),
            &JsValue::from_str(file.mime),
            &js_sys::Uint8Array::from(file.bytes.as_slice()),
        ))
    }

    /// Reads the files picked for import (`names[i]` with `contents[i]`)
    /// for the open release (`open`, in the autosave format): the
    /// `ImportReply` as JSON, or what is wrong with the files.
    #[wasm_bindgen]
    pub fn import_tool_files(
        names: Vec<String>,
        contents: Vec<js_sys::Uint8Array>,
        open: &str,
        now: &str,
    ) -> Result<String, String> {
        let bytes: Vec<Vec<u8>> = contents.iter().map(js_sys::Uint8Array::to_vec).collect();
        let files: Vec<InputFile> = names
            .iter()
            .zip(&bytes)
            .map(|(name, bytes)| InputFile { name, bytes })
            .collect();
        import_reply(&files, open, now, LIMIT)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!("rapporteur-exchange is the app's exchange worker (WebAssembly); on files use `rapporteur-cli export` and `import`.");
        std::process::exit(2);
    }
}
