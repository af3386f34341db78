//! Parsing large texts in a Web Worker (the app's own wasm module, started
//! by `parse-worker.js`), then rebuilding the document on the page a part
//! at a time, yielding to the browser between parts, with progress.
//!
//! Both ways the text and the parts travel as UTF-8 bytes in buffers that
//! `postMessage` transfers rather than copies: a 50 MB text as a JavaScript
//! string would cost the page a conversion and a copy each way, hundreds of
//! milliseconds on its thread.

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

/// Called in the worker: parses the UTF-8 `text` and returns the document
/// as `{ bytes, ends }`: its JSON parts laid end to end, and where each ends.
#[wasm_bindgen]
pub fn parse_in_parts(text: &[u8]) -> Result<js_sys::Object, JsError> {
    let text = std::str::from_utf8(text).map_err(|e| JsError::new(&format!("{e}")))?;
    let packed = split(crate::parse(text));
    let ends: Vec<u32> = packed.ends.iter().map(|&end| end as u32).collect();
    let answer = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| js_sys::Reflect::set(&answer, &name.into(), value);
    set("bytes", &js_sys::Uint8Array::from(packed.bytes.as_slice()))
        .and_then(|_| set("ends", &js_sys::Uint32Array::from(ends.as_slice())))
        .map_err(|e| JsError::new(&describe(e)))?;
    Ok(answer)
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
    wasm_bindgen_futures::spawn_local(send(job));
}

/// Bytes of the text sent to the worker in one message.
const SENT_PIECE: usize = 4 << 20;

/// Posts the job's text to the worker as UTF-8 pieces, each in a task of
/// its own: copying 50 MB out of the wasm in one go holds the page for a
/// visible time. The worker puts them together (`parse-worker.js`).
async fn send(job: Rc<Job>) {
    let text = job.input.as_bytes();
    let mut at = 0;
    loop {
        if current(job.id).is_none() {
            return; // Superseded: the worker drops what it has of this job.
        }
        let end = (at + SENT_PIECE).min(text.len());
        if let Err(error) = worker().and_then(|worker| post_piece(&worker, &job, at, end)) {
            return finish(
                &job,
                Err(format!("the parsing worker could not start ({error})")),
            );
        }
        at = end;
        if at == text.len() {
            return;
        }
        yield_to_browser().await;
    }
}

/// Posts bytes `at..end` of the job's text: `{ id, length, at, piece }`.
fn post_piece(worker: &Worker, job: &Job, at: usize, end: usize) -> Result<(), String> {
    let piece = js_sys::Uint8Array::from(&job.input.as_bytes()[at..end]);
    let message = js_sys::Object::new();
    for (name, value) in [
        ("id", JsValue::from_f64(job.id as f64)),
        ("length", JsValue::from_f64(job.input.len() as f64)),
        ("at", JsValue::from_f64(at as f64)),
        ("piece", piece.clone().into()),
    ] {
        js_sys::Reflect::set(&message, &name.into(), &value).map_err(describe)?;
    }
    worker
        .post_message_with_transfer(&message, &js_sys::Array::of1(&piece.buffer()))
        .map_err(describe)
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
    let (Ok(bytes), Ok(ends)) = (
        field("bytes").dyn_into::<js_sys::Uint8Array>(),
        field("ends").dyn_into::<js_sys::Uint32Array>(),
    ) else {
        return finish(&job, Err("the worker's answer is damaged".to_owned()));
    };
    wasm_bindgen_futures::spawn_local(assemble(job, bytes, ends.to_vec()));
}

/// Bytes of the text copied between two looks at the clock.
const TEXT_PIECE: usize = 1 << 20;

/// Rebuilds the document, its text a piece at a time, then part by part,
/// reporting progress and yielding to the browser about every 8 ms so the
/// page keeps responding.
async fn assemble(job: Rc<Job>, bytes: js_sys::Uint8Array, ends: Vec<u32>) {
    let input = &*job.input;
    let pieces = input.len().div_ceil(TEXT_PIECE);
    let mut pacer = Pacer::new(&job, pieces + ends.len());
    let mut assembler = Assembler::for_text_of(input.len());
    let mut copied = 0;
    while copied < input.len() {
        let mut end = (copied + TEXT_PIECE).min(input.len());
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        assembler.push_text(&input[copied..end]);
        copied = end;
        if !pacer.step().await {
            return;
        }
    }
    let mut start = 0;
    for &end in &ends {
        if end < start || end > bytes.length() {
            return finish(&job, Err("the worker's answer is damaged".to_owned()));
        }
        let part = bytes.subarray(start, end).to_vec();
        start = end;
        if let Err(error) = assembler.feed(&part) {
            return finish(&job, Err(error));
        }
        if !pacer.step().await {
            return;
        }
    }
    finish(&job, assembler.finish());
}

/// Counts the steps of a rebuild and, once about 8 ms have passed since
/// the last pause, reports progress and lets the browser paint.
struct Pacer<'a> {
    job: &'a Job,
    done: usize,
    total: usize,
    slice_started: f64,
}

impl<'a> Pacer<'a> {
    fn new(job: &'a Job, total: usize) -> Self {
        Pacer {
            job,
            done: 0,
            total: total.max(1),
            slice_started: js_sys::Date::now(),
        }
    }

    /// One more step done; whether the job is still the current one.
    async fn step(&mut self) -> bool {
        self.done += 1;
        if js_sys::Date::now() - self.slice_started <= 8.0 {
            return true;
        }
        self.job.dispatch.emit(WorkspaceAction::ParseProgress {
            id: self.job.id,
            percent: (50 + 50 * self.done / self.total) as u8,
        });
        yield_to_browser().await;
        self.slice_started = js_sys::Date::now();
        current(self.job.id).is_some()
    }
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
