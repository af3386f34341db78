use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::app::files::{list_files, read_all, PickedFile, Reading};

/// Whether a drag carries files (not text or a link from the page).
fn carries_files(event: &DragEvent) -> bool {
    event.data_transfer().is_some_and(|data| {
        let types = data.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

/// Files dropped anywhere on the page are read and handed to `on_files`;
/// returns whether files are being dragged over the page now, so that a
/// drop target can be shown.
#[hook]
pub fn use_file_drop(on_files: Callback<Vec<PickedFile>>, on_error: Callback<String>) -> bool {
    let dragging = use_state(|| false);
    let readings: Rc<RefCell<Reading>> = use_mut_ref(Reading::new);
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let options = EventListenerOptions::enable_prevent_default();
            // dragenter/dragleave fire for every element crossed: count them.
            let depth = Rc::new(std::cell::Cell::new(0i32));
            let enter = {
                let (dragging, depth) = (dragging.clone(), depth.clone());
                EventListener::new_with_options(&document, "dragenter", options, move |event| {
                    let Some(event) = event.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if carries_files(event) {
                        event.prevent_default();
                        depth.set(depth.get() + 1);
                        dragging.set(true);
                    }
                })
            };
            let over =
                EventListener::new_with_options(&document, "dragover", options, move |event| {
                    let Some(event) = event.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if carries_files(event) {
                        // Without this the browser opens the file instead.
                        event.prevent_default();
                        if let Some(data) = event.data_transfer() {
                            data.set_drop_effect("copy");
                        }
                    }
                });
            let leave = {
                let (dragging, depth) = (dragging.clone(), depth.clone());
                EventListener::new(&document, "dragleave", move |event| {
                    let Some(event) = event.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if carries_files(event) {
                        depth.set((depth.get() - 1).max(0));
                        if depth.get() == 0 {
                            dragging.set(false);
                        }
                    }
                })
            };
            let dropped =
                EventListener::new_with_options(&document, "drop", options, move |event| {
                    let Some(event) = event.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    depth.set(0);
                    dragging.set(false);
                    let Some(files) = event.data_transfer().and_then(|d| d.files()) else {
                        return;
                    };
                    let files = list_files(&files);
                    if files.is_empty() {
                        return;
                    }
                    event.prevent_default();
                    *readings.borrow_mut() = read_all(files, on_files.clone(), on_error.clone());
                });
            move || drop((enter, over, leave, dropped))
        });
    }
    *dragging
}
