//! Parsing large texts in a Web Worker (the app's own wasm module, started
//! by `parse-worker.js`), then rebuilding the document on the page a part
//! at a time, yielding to the browser between parts, with progress.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::context::Dispatch;
use super::dom::describe;
use super::state::WorkspaceAction;
use crate::document::Document;
use crate::transfer::{split, Assembler};

/// Called in the worker: parses `text` and returns the document as parts.
#[wasm_bindgen]
pub fn parse_in_parts(text: &str) -> js_sys::Array {
    split(crate::parse(text))
        .into_iter()
        .map(|part| JsValue::from_str(&part))
        .collect()
}

/// The job the worker is on: its id, input and where to report.
struct Job {
    id: u64,
    input: Rc<str>,
    dispatch: Dispatch,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static CURRENT: RefCell<Option<Rc<Job>>> = const { RefCell::new(None) };
    /// The worker's script: beside the page, where Trunk copies it.
    static SCRIPT: RefCell<String> = RefCell::new("./parse-worker.js".to_owned());
}

/// Runs the worker from another copy of its script, replacing a worker
/// already started. The browser tests need it: their page is served by the
/// test runner, without Trunk's files.
pub fn use_script(url: &str) {
    SCRIPT.with(|script| *script.borrow_mut() = url.to_owned());
    if let Some(old) = WORKER.with(|slot| slot.borrow_mut().take()) {
        old.terminate();
    }
}

fn worker() -> Result<Worker, String> {
    WORKER.with(|slot| {
        if let Some(worker) = slot.borrow().as_ref() {
            return Ok(worker.clone());
        }
        let script = SCRIPT.with(|script| script.borrow().clone());
        let worker = start_module_worker(&script, on_message)?;
        *slot.borrow_mut() = Some(worker.clone());
        Ok(worker)
    })
}

/// Starts the module worker at `url`, its messages handled by `on_message`
/// for as long as the page lives (the exchange worker starts this way too).
pub(crate) fn start_module_worker(
    url: &str,
    on_message: fn(MessageEvent),
) -> Result<Worker, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(url, &options).map_err(describe)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    Ok(worker)
}

/// Sends `input` to the worker as job `id`; a later job supersedes it.
pub fn run(id: u64, input: Rc<str>, dispatch: Dispatch) {
    let job = Rc::new(Job {
        id,
        input,
        dispatch,
    });
    CURRENT.with(|current| *current.borrow_mut() = Some(job.clone()));
    let sent = worker().and_then(|worker| {
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &"id".into(), &JsValue::from_f64(id as f64))
            .map_err(describe)?;
        js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&job.input))
            .map_err(describe)?;
        worker.post_message(&message).map_err(describe)
    });
    if let Err(error) = sent {
        finish(
            &job,
            Err(format!("the parsing worker could not start ({error})")),
        );
    }
}

fn current(id: u64) -> Option<Rc<Job>> {
    CURRENT
        .with(|current| current.borrow().clone())
        .filter(|job| job.id == id)
}

fn finish(job: &Job, result: Result<Document, String>) {
    job.dispatch.emit(WorkspaceAction::Parsed {
        id: job.id,
        input: job.input.clone(),
        result: result.map(Rc::new),
    });
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let field =
        |name: &str| js_sys::Reflect::get(&data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let Some(job) = field("id").as_f64().and_then(|id| current(id as u64)) else {
        return; // A superseded job.
    };
    if let Some(error) = field("error").as_string() {
        return finish(&job, Err(format!("parsing failed: {error}")));
    }
    let parts: js_sys::Array = field("parts").unchecked_into();
    wasm_bindgen_futures::spawn_local(assemble(job, parts));
}

/// Rebuilds the document part by part, reporting progress and yielding to
/// the browser about every 8 ms so the page keeps responding.
async fn assemble(job: Rc<Job>, parts: js_sys::Array) {
    let total = parts.length().max(1);
    let mut assembler = Assembler::new(&job.input);
    let mut slice_started = js_sys::Date::now();
    for index in 0..parts.length() {
        let part = parts.get(index).as_string().unwrap_or_default();
        if let Err(error) = assembler.feed(&part) {
            return finish(&job, Err(error));
        }
        if js_sys::Date::now() - slice_started > 8.0 {
            job.dispatch.emit(WorkspaceAction::ParseProgress {
                id: job.id,
                percent: (50 + 50 * index / total) as u8,
            });
            yield_to_browser().await;
            if current(job.id).is_none() {
                return;
            }
            slice_started = js_sys::Date::now();
        }
    }
    finish(&job, assembler.finish());
}

/// Lets the browser paint and handle input before going on.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
