//! Talking to the exchange worker (`assets/exchange-worker.js`, running
//! the `rapporteur-exchange` module): other tools' formats are made and
//! read there, off the page's thread and out of the app's own module. The
//! worker starts at the first request; each request gets one answer.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::dom::describe;
use super::files::PickedFile;
use super::parse_worker::start_module_worker;
use crate::exchange::{ExportedFile, Format};

/// What to do with the worker's answer (its message data), or with why
/// there is none.
type Waiting = Box<dyn FnOnce(Result<JsValue, String>)>;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static WAITING: RefCell<HashMap<u64, Waiting>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

fn worker() -> Result<Worker, String> {
    WORKER.with(|slot| {
        if let Some(worker) = slot.borrow().as_ref() {
            return Ok(worker.clone());
        }
        let worker = start_module_worker("./exchange-worker.js", on_message)?;
        // The worker failed to load or run: nothing waiting will be answered.
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|event: ErrorEvent| {
            WORKER.with(|slot| slot.borrow_mut().take());
            let why = format!("the exchange module could not run ({})", event.message());
            for (_, waiting) in WAITING.with(|w| w.borrow_mut().drain().collect::<Vec<_>>()) {
                waiting(Err(why.clone()));
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Lives as long as the worker, which lives as long as the page.
        on_error.forget();
        *slot.borrow_mut() = Some(worker.clone());
        Ok(worker)
    })
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let Some(id) = field(&data, "id").as_f64() else {
        return;
    };
    let Some(waiting) = WAITING.with(|w| w.borrow_mut().remove(&(id as u64))) else {
        return;
    };
    match field(&data, "error").as_string() {
        Some(error) => waiting(Err(error)),
        None => waiting(Ok(data)),
    }
}

/// Sends `request` (under the key `kind`) and calls `done` with the answer.
fn send(kind: &str, request: JsValue, done: Waiting) {
    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    let message = js_sys::Object::new();
    let sent = js_sys::Reflect::set(&message, &"id".into(), &JsValue::from_f64(id as f64))
        .and_then(|_| js_sys::Reflect::set(&message, &kind.into(), &request))
        .map_err(describe)
        .and_then(|_| worker())
        .and_then(|worker| {
            WAITING.with(|w| w.borrow_mut().insert(id, done));
            worker.post_message(&message).map_err(describe)
        });
    if let Err(error) = sent {
        if let Some(done) = WAITING.with(|w| w.borrow_mut().remove(&id)) {
            done(Err(format!(
                "the exchange module could not start ({error})"
            )));
        }
    }
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

fn strings(items: impl IntoIterator<Item = impl AsRef<str>>) -> JsValue {
    items
        .into_iter()
        .map(|s| JsValue::from_str(s.as_ref()))
        .collect::<js_sys::Array>()
        .into()
}

/// Makes `format`'s file of `releases` (each in the autosave format, see
/// `app::exports::saved_release`) in the worker.
pub fn export(
    format: Format,
    predictions: bool,
    releases: Vec<String>,
    done: impl FnOnce(Result<ExportedFile, String>) + 'static,
) {
    let request = object(&[
        ("format", JsValue::from_str(format.id())),
        ("predictions", JsValue::from_bool(predictions)),
        ("releases", strings(&releases)),
    ]);
    send(
        "export",
        request,
        Box::new(move |answer| {
            done(answer.map(|data| {
                let file: js_sys::Array = field(&data, "file").unchecked_into();
                ExportedFile {
                    name: file.get(0).as_string().unwrap_or_default(),
                    mime: format.mime(),
                    bytes: js_sys::Uint8Array::new(&file.get(2)).to_vec(),
                }
            }))
        }),
    );
}

/// Reads `files` for the open release (`open`, in the autosave format) in
/// the worker; `done` gets the `ImportReply` as JSON, or what is wrong.
pub fn import(
    files: &[PickedFile],
    open: String,
    now: String,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let contents: js_sys::Array = files
        .iter()
        .map(|f| js_sys::Uint8Array::from(f.bytes.as_slice()))
        .collect();
    let request = object(&[
        ("names", strings(files.iter().map(|f| f.name.as_str()))),
        ("contents", contents.into()),
        ("open", JsValue::from_str(&open)),
        ("now", JsValue::from_str(&now)),
    ]);
    send(
        "import",
        request,
        Box::new(move |answer| {
            done(answer.map(|data| field(&data, "reply").as_string().unwrap_or_default()))
        }),
    );
}
