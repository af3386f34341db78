use std::rc::Rc;

use yew::prelude::*;

use super::annotations_panel::AnnotationsPanel;
use super::document_view::DocumentView;
use super::facts_panel::FactsPanel;
use super::header_card::HeaderCard;
use super::input_panel::InputPanel;
use super::notices::Notices;
use super::site_header::SiteHeader;
use super::speakers_panel::SpeakersPanel;
use super::tag_palette::TagPalette;
use crate::annotate::AnnotationSet;
use crate::app::hooks::{use_autosave, use_debounce, use_shortcuts, use_storage_sync};
use crate::app::shared::Shared;
use crate::app::state::{Action, Notice, State};
use crate::app::storage;
use crate::sample;

/// The first state: what autosave kept, or the sample on a first visit.
fn initial_state() -> State {
    let loaded = storage::load();
    let mut state = match loaded.saved {
        Some((text, set)) => State::new(text, set),
        None => State::new(sample::UN_MEETING.to_owned(), AnnotationSet::default()),
    };
    state.notice = loaded.message.map(Notice::error);
    state
}

/// Milliseconds of quiet after typing before the text is parsed.
const PARSE_DELAY_MS: u32 = 350;

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    use_shortcuts(dispatch.clone());
    use_storage_sync(dispatch.clone());

    {
        let dispatch = dispatch.clone();
        let pending_parse = *state.input != *state.document.text;
        use_debounce(
            (
                state.input.len(),
                pending_parse,
                Rc::as_ptr(&state.document) as usize,
            ),
            PARSE_DELAY_MS,
            Callback::from(move |_| {
                if pending_parse {
                    dispatch.emit(Action::ParseInput)
                }
            }),
        );
    }

    // A cheap copy: the state's large parts are shared.
    {
        // A long text goes to the worker; the job id changes per text.
        let job = state.parsing.as_ref().map(|p| p.id);
        let input = state.input.clone();
        let dispatch = dispatch.clone();
        use_effect_with(job, move |job| {
            if let Some(id) = *job {
                crate::app::parse_worker::run(id, input, dispatch);
            }
        });
    }
    let shared = Shared::new(Rc::new((*state).clone()));
    crate::app::panic::remember(shared.0.clone());
    let document = Shared::new(state.document.clone());
    use_autosave(shared.clone(), dispatch.clone());
    html! {
        <>
            <SiteHeader state={shared.clone()} dispatch={dispatch.clone()} />
            <Notices state={shared.clone()} dispatch={dispatch.clone()} />
            <main class="workspace">
                <div class="column column-left">
                    <InputPanel value={state.input.clone()} dispatch={dispatch.clone()} />
                    <HeaderCard document={document.clone()} />
                    <SpeakersPanel
                        document={document.clone()}
                        filter={state.speaker_filter.clone()}
                        focus={state.focus.clone()}
                        dispatch={dispatch.clone()}
                    />
                    <FactsPanel
                        document={document.clone()}
                        focus={state.focus.clone()}
                        hidden={state.hidden_fact_kinds.clone()}
                        dispatch={dispatch.clone()}
                    />
                </div>
                <div class="column column-main">
                    <DocumentView state={shared.clone()} dispatch={dispatch.clone()} />
                </div>
                <div class="column column-right">
                    <TagPalette state={shared.clone()} dispatch={dispatch.clone()} />
                    <AnnotationsPanel state={shared} dispatch={dispatch} />
                </div>
            </main>
        </>
    }
}
