use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::app::files::{decode_text, is_html, text_of_html};
use crate::app::state::{Action, Notice};
use crate::sample;
use crate::text::{byte_of_utf16, Snap};

/// Texts longer than this are not put in the text box (see below).
const EDITABLE_BYTES: usize = 4 * 1024 * 1024;

const PLACEHOLDER: &str = "Paste a press release here";

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub value: AttrValue,
    pub dispatch: Callback<Action>,
}

/// The textarea the release is pasted into, with its buttons. Typing is
/// parsed after a pause; "Parse" parses at once.
#[component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let dispatch = &props.dispatch;
    // The textarea is not re-set with what it already holds: for a long
    // text, setting it again costs the browser a full relayout.
    let area = use_node_ref();
    let shown: Rc<RefCell<AttrValue>> = use_mut_ref(AttrValue::default);
    {
        let area = area.clone();
        let shown = shown.clone();
        use_effect_with(props.value.clone(), move |value| {
            if *shown.borrow() != *value {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    // A text box holding tens of megabytes freezes the page
                    // at every change; such texts are read, not edited here.
                    let editable = value.len() <= EDITABLE_BYTES;
                    area.set_value(if editable { value } else { "" });
                    area.set_placeholder(if editable {
                        PLACEHOLDER
                    } else {
                        "This text is too long to edit here. It is shown in the Document pane; edit it in a text editor and open it again."
                    });
                }
                *shown.borrow_mut() = value.clone();
            }
        });
    }
    let oninput = {
        let shown = shown.clone();
        dispatch.reform(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let value = AttrValue::from(area.value());
            *shown.borrow_mut() = value.clone();
            Action::EditInput(value)
        })
    };
    // A paste too long for the text box is taken straight from the
    // clipboard: put into the textarea, tens of megabytes would freeze the
    // browser's own editing before the app even saw them (and past the
    // 64 MB limit the reader would never hear why).
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(paste) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(pasted) = paste
                .clipboard_data()
                .and_then(|data| data.get_data("text/plain").ok())
            else {
                return;
            };
            if pasted.len() <= EDITABLE_BYTES {
                return; // The browser pastes it as usual.
            }
            event.prevent_default();
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let text = spliced(&area, &pasted);
            dispatch.emit(Action::LoadText(AttrValue::from(text)));
        })
    };
    let parse = dispatch.reform(|_: MouseEvent| Action::ParseInput);
    let load_sample =
        dispatch.reform(|_: MouseEvent| Action::LoadText(AttrValue::from(sample::UN_MEETING)));
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: PickedFile| {
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
            dispatch.emit(Action::LoadText(AttrValue::from(text)));
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
                <FileButton label="Open file" accept=".txt,.text,.html,.htm,text/plain,text/html" {on_file} {on_error} />
            </div>
        </section>
    }
}

/// The textarea's text with `pasted` in place of its selection (the DOM
/// counts the selection in UTF-16 code units; an end inside a surrogate
/// pair takes the whole character).
fn spliced(area: &HtmlTextAreaElement, pasted: &str) -> String {
    let value = area.value();
    let units = |position: Result<Option<u32>, wasm_bindgen::JsValue>| {
        position.ok().flatten().map(|p| p as usize)
    };
    let end_units = units(area.selection_end()).unwrap_or(usize::MAX);
    let start_units = units(area.selection_start()).unwrap_or(end_units);
    let end = byte_of_utf16(&value, end_units, Snap::Forward);
    let start = byte_of_utf16(&value, start_units, Snap::Back).min(end);
    [&value[..start], pasted, &value[end..]].concat()
}
