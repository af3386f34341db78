use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::app::clock::{new_id, now_iso};
use crate::app::context::Dispatch;
use crate::app::dom::clear_selection;
use crate::app::state::{Action, Edit, ViewAction};

/// Whether keys typed now belong to a form field rather than to the app.
fn typing_in_a_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.get_attribute("contenteditable").is_some()
}

/// Keyboard shortcuts: digits 1-9 tag the target, Delete removes the
/// selected annotation, Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS) undo and redo,
/// Escape clears the target and focus. In debug builds Ctrl+Alt+Shift+P
/// panics on purpose (see `app::panic` and tests/e2e/panic.test.mjs).
#[hook]
pub fn use_shortcuts(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        // Not passive: the shortcuts must be able to cancel the browser's own
        // meaning of the keys.
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
                let key = event.key();
                // Debug builds only: a deliberate panic, so the tests can
                // prove that a crash shows the panic overlay and loses nothing.
                #[cfg(debug_assertions)]
                if event.ctrl_key()
                    && event.alt_key()
                    && event.shift_key()
                    && event.code() == "KeyP"
                {
                    panic!("deliberate panic (Ctrl+Alt+Shift+P, debug builds only)");
                }
                if command && (key == "z" || key == "Z") {
                    if typing_in_a_field(event) {
                        return;
                    }
                    event.prevent_default();
                    dispatch.emit(if event.shift_key() {
                        Edit::Redo
                    } else {
                        Edit::Undo
                    });
                    return;
                }
                if command && (key == "y" || key == "Y") && !typing_in_a_field(event) {
                    event.prevent_default();
                    dispatch.emit(Edit::Redo);
                    return;
                }
                if command || event.alt_key() || typing_in_a_field(event) {
                    return;
                }
                match key.as_str() {
                    "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" => {
                        let digit = key.parse().unwrap_or(0);
                        event.prevent_default();
                        dispatch.emit(Action::TagDigit {
                            digit,
                            id: new_id("a"),
                            now: now_iso(),
                        });
                        // Tagged: the selection has done its job.
                        clear_selection();
                    }
                    "Delete" | "Backspace" => {
                        event.prevent_default();
                        dispatch.emit(Action::DeleteSelectedAnnotation);
                    }
                    "Escape" => dispatch.emit(ViewAction::Clear),
                    _ => {}
                }
            },
        );
        move || drop(listener)
    });
}
