//! Component tests in headless Chromium (wasm-bindgen-test): the real app
//! mounted into the test page, driven through DOM events.
#![cfg(target_arch = "wasm32")]

use rapporteur::app::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app (with nothing autosaved) in its own element and waits
/// for the first render.
async fn mount() -> Element {
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn document_pane(root: &Element) -> Element {
    root.query_selector("[role=region][aria-label=Document]")
        .unwrap()
        .expect("the Document region")
}

fn paragraph_texts(root: &Element) -> Vec<String> {
    let list = document_pane(root).query_selector_all("p").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// Types into the textarea and presses "Parse", as a user in a hurry would
/// (typing alone is parsed after a pause).
async fn type_into_textarea(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    area.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    button(root, "Parse").click();
    yew::scheduler::flush().await;
}

/// The button whose text is `label`.
fn button(root: &Element, label: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| {
            buttons
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

#[wasm_bindgen_test]
async fn opens_on_the_sample() {
    let root = mount().await;
    let paragraphs = paragraph_texts(&root);
    assert_eq!(paragraphs[0], "9412th Meeting (AM)");
    assert_eq!(paragraphs[1], "SC/15630");
    assert_eq!(
        paragraphs.last().map(String::as_str),
        Some("For information media. Not an official record.")
    );
    let label = root
        .query_selector("label[for=release-text]")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Press release text"));
    root.remove();
}

#[wasm_bindgen_test]
async fn typed_markup_becomes_text_nodes() {
    let root = mount().await;
    type_into_textarea(&root, "<script>alert(1)</script><b>x</b>\n&amp; second").await;
    assert_eq!(
        paragraph_texts(&root),
        vec!["<script>alert(1)</script><b>x</b>", "&amp; second"]
    );
    let pane = document_pane(&root);
    assert!(pane.query_selector("script, b").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn empty_text_shows_a_hint() {
    let root = mount().await;
    type_into_textarea(&root, "  \n\t\n").await;
    let text = document_pane(&root).text_content().unwrap_or_default();
    assert!(text.contains("Paste a press release"), "{text}");
    root.remove();
}
