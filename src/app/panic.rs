//! When the app panics, WebAssembly stops: no Yew, no event handler will run
//! again. The hook shows what happened in plain DOM and, built before the
//! wasm instance traps, a link that downloads the annotations as they were,
//! so a crash costs the reader nothing.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::clock::now_iso;
use super::state::Workspace;
use crate::annotate::{export_file_name, export_json};

thread_local! {
    /// The workspace of the last render, for the export link.
    static LATEST: RefCell<Option<Rc<Workspace>>> = const { RefCell::new(None) };
}

/// Remembers the workspace being shown; cheap (an `Rc`).
pub fn remember(state: Rc<Workspace>) {
    LATEST.with(|latest| {
        if let Ok(mut slot) = latest.try_borrow_mut() {
            *slot = Some(state);
        }
    });
}

/// Installs the hook; call before the app renders.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Rapporteur panicked: {message}").into());
        show_failure(&message);
    }));
}

/// The export of the remembered state, with its file name.
fn export_of_latest() -> Option<(String, String)> {
    LATEST.with(|latest| {
        let slot = latest.try_borrow().ok()?;
        let state = slot.as_ref()?;
        let json = export_json(&state.document, state.session.set(), &now_iso());
        Some((export_file_name(&state.document), json))
    })
}

/// The overlay, in plain DOM: text nodes only, and a link that needs no wasm.
fn show_failure(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(overlay) = document.create_element("div") else {
        return;
    };
    overlay.set_class_name("panic-overlay");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-labelledby", "panic-title");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        overlay.append_child(&element).ok()?;
        Some(element)
    };
    if let Some(title) = add("h2", "Rapporteur stopped working") {
        title.set_id("panic-title");
    }
    add(
        "p",
        "An internal error stopped the app. Download what you have now; reloading the page then restores the last autosave.",
    );
    if let Some((file_name, json)) = export_of_latest() {
        if let Some(link) = download_link(&document, &file_name, &json) {
            let _ = overlay.append_child(&link);
        }
    }
    add("pre", message);
    let _ = body.append_child(&overlay);
}

fn download_link(
    document: &web_sys::Document,
    file_name: &str,
    json: &str,
) -> Option<web_sys::Element> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_class_name("button primary");
    link.set_text_content(Some("Export what you have"));
    Some(link.into())
}
