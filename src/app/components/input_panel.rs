use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::app::context::use_dispatch;
use crate::app::dom::{field_value, pasted_text, set_text_box, text_with_paste};
use crate::app::files::{decode_text, is_html, text_of_html};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Notice, WorkspaceAction};
use crate::sample;

/// Texts longer than this are not put in the text box (see below).
const EDITABLE_BYTES: usize = 4 * 1024 * 1024;

const PLACEHOLDER: &str = "Paste a press release here";

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the text box should hold (compared by address: the text typed
    /// comes back as the very value the box reported).
    pub value: Shared<str>,
}

/// The text box the release is pasted into, with its buttons. Typing is
/// parsed after a pause; "Parse" parses at once.
#[component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    rendered("InputPanel");
    let dispatch = use_dispatch();
    // The text box is not re-set with what it already holds: for a long
    // text, setting it again costs the browser a full relayout.
    let area = use_node_ref();
    let shown: Rc<RefCell<Rc<str>>> = use_mut_ref(|| Rc::from(""));
    {
        let area = area.clone();
        let shown = shown.clone();
        use_effect_with(props.value.clone(), move |value| {
            let value = value.0.clone();
            let same = {
                let shown = shown.borrow();
                Rc::ptr_eq(&shown, &value) || **shown == *value
            };
            if !same {
                // A text box holding tens of megabytes freezes the page at
                // every change; such texts are read, not edited here.
                if value.len() <= EDITABLE_BYTES {
                    set_text_box(&area, &value, PLACEHOLDER);
                } else {
                    set_text_box(&area, "", "This text is too long to edit here. It is shown in the Document pane; edit it in a text editor and open it again.");
                }
            }
            *shown.borrow_mut() = value;
        });
    }
    let oninput = {
        let shown = shown.clone();
        dispatch.reform(move |event: InputEvent| {
            let value: Rc<str> = Rc::from(field_value(&event));
            *shown.borrow_mut() = value.clone();
            WorkspaceAction::EditInput(value)
        })
    };
    // A paste too long for the text box is taken straight from the
    // clipboard: put into the text box, tens of megabytes would freeze the
    // browser's own editing before the app even saw them (and past the
    // 64 MB limit the reader would never hear why).
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(pasted) = pasted_text(&event) else {
                return;
            };
            if pasted.len() <= EDITABLE_BYTES {
                return; // The browser pastes it as usual.
            }
            event.prevent_default();
            let text = text_with_paste(&event, &pasted);
            dispatch.emit(WorkspaceAction::LoadText(Rc::from(text)));
        })
    };
    let parse = dispatch.reform(|_: MouseEvent| WorkspaceAction::ParseInput);
    let load_sample =
        dispatch.reform(|_: MouseEvent| WorkspaceAction::LoadText(Rc::from(sample::UN_MEETING)));
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let (text, replaced) = decode_text(&file.bytes);
            let text = if is_html(&file.name) {
                match text_of_html(&text) {
                    Ok(text) => text,
                    Err(error) => {
                        let message = format!("{} could not be read as HTML: {error}.", file.name);
                        return dispatch.emit(Action::Notify(Notice::error(message)));
                    }
                }
            } else {
                text
            };
            if text.trim().is_empty() {
                return dispatch.emit(Action::Notify(Notice::error(format!(
                    "{} holds no text.",
                    file.name
                ))));
            }
            dispatch.emit(WorkspaceAction::LoadText(Rc::from(text)));
            if replaced {
                dispatch.emit(Action::Notify(Notice::info(format!(
                    "Some bytes of {} were not valid UTF-8; they are shown as \u{fffd}.",
                    file.name
                ))));
            }
        })
    };
    let on_error = dispatch.reform(|message: String| Action::Notify(Notice::error(message)));

    html! {
        <section class="panel input-panel" aria-labelledby="input-heading">
            <h2 id="input-heading" class="visually-hidden">{ "Input" }</h2>
            <label for="release-text">{ "Press release text" }</label>
            <textarea
                id="release-text"
                ref={area}
                spellcheck="false"
                placeholder={PLACEHOLDER}
                {oninput}
                {onpaste}
            />
            <div class="actions">
                <button type="button" class="primary" onclick={parse}>{ "Parse" }</button>
                <button type="button" onclick={load_sample}>{ "Load sample" }</button>
                <FileButton label="Open file" accept=".txt,.text,.html,.htm,text/plain,text/html" {on_files} {on_error} />
            </div>
        </section>
    }
}
