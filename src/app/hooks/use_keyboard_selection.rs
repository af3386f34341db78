use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::dom::selection_in_ref;
use crate::app::shared::Shared;
use crate::app::state::{edges, snapped, ViewAction};
use crate::document::Document;

/// Reads a selection made or changed in the document (`root`) with the
/// keyboard (Shift+arrows after a double click, Ctrl+A, …). Selecting text
/// does not move the focus into the document, so its keys go to the page:
/// the listener is there. Only keys that can change a selection count, so
/// that the key that tagged a selection does not make the same text the
/// target again.
#[hook]
pub fn use_keyboard_selection(root: NodeRef, document: Shared<Document>) {
    let dispatch = use_dispatch();
    use_effect_with(document, move |document| {
        let document = document.clone();
        let listener = EventListener::new(&gloo::utils::document(), "keyup", move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if !changes_selection(event) {
                return;
            }
            if let Some((start, end)) = selection_in_ref(&root, edges(&document)) {
                dispatch.emit(ViewAction::SetTarget(snapped(&document, start, end)));
            }
        });
        move || drop(listener)
    });
}

/// Whether a key can change the text selection: Shift with a movement key,
/// or Ctrl/Cmd+A.
fn changes_selection(event: &KeyboardEvent) -> bool {
    let key = event.key();
    let movement = matches!(
        key.as_str(),
        "ArrowLeft"
            | "ArrowRight"
            | "ArrowUp"
            | "ArrowDown"
            | "Home"
            | "End"
            | "PageUp"
            | "PageDown"
    );
    let select_all = (event.ctrl_key() || event.meta_key()) && key.eq_ignore_ascii_case("a");
    // The Shift key itself, released last, ends a Shift+arrow selection.
    (event.shift_key() && movement) || key == "Shift" || select_all
}
