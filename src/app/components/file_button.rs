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
    /// Whether several files may be picked at once.
    #[prop_or_default]
    pub multiple: bool,
    /// The picked files, read (one unless `multiple`).
    pub on_files: Callback<Vec<PickedFile>>,
    /// A sentence when the file cannot be read (too large, unreadable).
    pub on_error: Callback<String>,
}

/// A file input shown as a button; the picked files are read as bytes.
#[component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    // The reading must live until it calls back.
    let reading: Rc<RefCell<Option<Reading>>> = use_mut_ref(|| None);
    let onchange = {
        let on_files = props.on_files.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: Event| {
            let done = reading.clone();
            let started = read_picked(&event, on_files.clone(), on_error.clone(), move || {
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
            <input type="file" class="visually-hidden" accept={props.accept.clone()} multiple={props.multiple} {onchange} />
        </label>
    }
}
