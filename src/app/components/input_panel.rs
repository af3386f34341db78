use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub value: String,
    pub on_input: Callback<String>,
    pub on_load_sample: Callback<()>,
}

/// The textarea the release is pasted into, with its buttons.
#[component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_input.emit(area.value());
        })
    };
    let onclick = props.on_load_sample.reform(|_: MouseEvent| ());

    html! {
        <section class="input-panel" aria-label="Input">
            <label for="release-text">{ "Press release text" }</label>
            <textarea
                id="release-text"
                spellcheck="false"
                placeholder="Paste a press release here"
                value={props.value.clone()}
                {oninput}
            />
            <div class="actions">
                <button type="button" {onclick}>{ "Load sample" }</button>
            </div>
        </section>
    }
}
