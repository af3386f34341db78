use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

pub use crate::app::files::PickedFile;
use crate::app::files::{read_picked, Reading};

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    /// Visible text and the file input's accessible name.
    pub label: AttrValue,
    pub accept: AttrValue,
    pub on_file: Callback<PickedFile>,
    /// A sentence when the file cannot be read (too large, unreadable).
    pub on_error: Callback<String>,
}

/// A file input shown as a button; the picked file is read as bytes.
#[component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    // The reading must live until it calls back.
    let reading: Rc<RefCell<Option<Reading>>> = use_mut_ref(|| None);
    let onchange = {
        let on_file = props.on_file.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: Event| {
            let done = reading.clone();
            let started = read_picked(&event, on_file.clone(), on_error.clone(), move || {
                done.borrow_mut().take();
            });
            if started.is_some() {
                *reading.borrow_mut() = started;
            }
        })
    };
    html! {
        <label class="button file-button">
            { props.label.clone() }
            <input type="file" class="visually-hidden" accept={props.accept.clone()} {onchange} />
        </label>
    }
}
