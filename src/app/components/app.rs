use yew::prelude::*;

use super::document_view::DocumentView;
use super::input_panel::InputPanel;
use super::site_header::SiteHeader;
use crate::app::state::{Action, State};

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);

    let on_input = {
        let state = state.dispatcher();
        Callback::from(move |text: String| state.dispatch(Action::SetInput(text)))
    };
    let on_load_sample = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::LoadSample))
    };

    html! {
        <>
            <SiteHeader />
            <main class="workspace">
                <InputPanel value={state.input.clone()} {on_input} {on_load_sample} />
                <DocumentView document={state.document.clone()} />
            </main>
        </>
    }
}
