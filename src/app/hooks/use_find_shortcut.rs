use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Ctrl+F (Cmd+F on macOS) calls `open` instead of the browser's find,
/// which cannot see the paragraphs of a windowed document that are not in
/// the page.
#[hook]
pub fn use_find_shortcut(open: Callback<()>) {
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let command = event.ctrl_key() || event.meta_key();
                if command && !event.alt_key() && event.key().eq_ignore_ascii_case("f") {
                    event.prevent_default();
                    open.emit(());
                }
            },
        );
        move || drop(listener)
    });
}
