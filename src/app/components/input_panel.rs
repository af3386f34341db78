use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::app::files::{decode_text, is_html, text_of_html};
use crate::app::state::{Action, Notice};
use crate::sample;

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
    let oninput = dispatch.reform(|event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        Action::EditInput(AttrValue::from(area.value()))
    });
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
                spellcheck="false"
                placeholder="Paste a press release here"
                value={props.value.clone()}
                {oninput}
            />
            <div class="actions">
                <button type="button" class="primary" onclick={parse}>{ "Parse" }</button>
                <button type="button" onclick={load_sample}>{ "Load sample" }</button>
                <FileButton label="Open file" accept=".txt,.text,.html,.htm,text/plain,text/html" {on_file} {on_error} />
            </div>
        </section>
    }
}
