use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::files::MAX_FILE_BYTES;

/// A file the user picked, read into memory.
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    /// Visible text and the file input's accessible name.
    pub label: AttrValue,
    pub accept: AttrValue,
    pub on_file: Callback<PickedFile>,
    /// A sentence when the file cannot be read (too large, unreadable).
    pub on_error: Callback<String>,
}

/// A file input shown as a button. The file is read as bytes: decoding is
/// the caller's business, so that bad UTF-8 is reported, not papered over.
#[component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    // The reader must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let onchange = {
        let on_file = props.on_file.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Picking the same file again must fire `change` again.
            input.set_value("");
            let name = file.name();
            let size = file.size() as u64;
            if size > MAX_FILE_BYTES {
                on_error.emit(format!(
                    "{name} is {:.1} MB; Rapporteur opens files of up to {} MB.",
                    size as f64 / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                ));
                return;
            }
            let on_file = on_file.clone();
            let on_error = on_error.clone();
            let file = gloo::file::File::from(file);
            let done = reader.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
                match result {
                    Ok(bytes) => on_file.emit(PickedFile {
                        name: name.clone(),
                        bytes,
                    }),
                    Err(error) => on_error.emit(format!("{name} could not be read: {error}.")),
                }
                done.borrow_mut().take();
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    html! {
        <label class="button file-button">
            { props.label.clone() }
            <input type="file" class="visually-hidden" accept={props.accept.clone()} {onchange} />
        </label>
    }
}
