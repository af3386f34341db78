use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

use crate::annotate::restore_state;
use crate::app::context::Dispatch;
use crate::app::state::Action;
use crate::app::storage::STATE_KEY;

/// Listens for saves by other tabs of the app. The browser sends a
/// `storage` event to every other tab when one writes; the app then stops
/// autosaving (which would overwrite that tab's work) and asks the reader.
#[hook]
pub fn use_storage_sync(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let listener = EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(STATE_KEY) {
                return;
            }
            let Some(raw) = event.new_value() else {
                return;
            };
            if let Ok(restored) = restore_state(&raw) {
                dispatch.emit(Action::OtherTabSaved {
                    text: restored.text,
                    set: restored.set,
                });
            }
        });
        move || drop(listener)
    });
}
