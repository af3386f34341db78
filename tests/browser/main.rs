//! The browser-facing modules in headless Chromium (wasm-bindgen-test), each
//! at the level a reader notices: the Yew app mounted in a real page
//! (below), and `app::dom` (selections in code points), `app::library_db`
//! and `app::storage` (the library kept and read back, a full store,
//! IndexedDB unavailable, the old autosave migrated), `app::files` (opening
//! `.txt` and `.html` files) and `app::parse_worker` (long texts parsed in a
//! Web Worker), each in its own module here.
#![cfg(target_arch = "wasm32")]

mod app;
mod broadcast;
mod dom;
mod files;
mod parse_worker;
mod storage;
mod support;

use wasm_bindgen_test::*;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn opens_on_the_sample() {
    let app = mount().await;
    let sample = rapporteur::sample::UN_MEETING;
    let paragraphs = paragraph_texts(&app.root);
    let lines: Vec<&str> = sample
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        paragraphs.first().map(String::as_str),
        lines.first().copied()
    );
    assert_eq!(paragraphs.last().map(String::as_str), lines.last().copied());
    assert_eq!(paragraphs.len(), rapporteur::parse(sample).paragraphs.len());
    let label = query(&app.root, "label[for=release-text]").unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Press release text"));
    assert_eq!(notices(&app.root), "");
    app.unmount();
}

#[wasm_bindgen_test]
async fn typed_markup_becomes_text_nodes() {
    let app = mount().await;
    load_text(&app.root, "<script>alert(1)</script><b>x</b>\n&amp; second").await;
    assert_eq!(
        paragraph_texts(&app.root),
        vec!["<script>alert(1)</script><b>x</b>", "&amp; second"]
    );
    let pane = document_pane(&app.root);
    assert!(pane.query_selector("script, b").unwrap().is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn empty_text_shows_a_hint() {
    let app = mount().await;
    let area: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::unchecked_into(query(&app.root, "textarea").unwrap());
    area.set_value("  \n\t\n");
    fire(&area, "input");
    button(&app.root, "Parse").click();
    wait_until("the hint", || {
        text_of(&document_pane(&app.root), "p.empty").contains("Paste a press release")
    })
    .await;
    app.unmount();
}
