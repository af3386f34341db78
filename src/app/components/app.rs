use yew::prelude::*;

use super::annotations_panel::AnnotationsPanel;
use super::document::{layers_of, DocumentView, Progress};
use super::facts_panel::FactsPanel;
use super::header_card::HeaderCard;
use super::input_panel::InputPanel;
use super::notices::{Notices, OtherTabQuestion, PendingQuestion};
use super::site_header::SiteHeader;
use super::speakers_panel::SpeakersPanel;
use super::tag_palette::TagPalette;
use crate::annotate::AnnotationSet;
use crate::app::context::{Dispatch, Handles, Latest};
use crate::app::hooks::{use_autosave, use_derived, use_parsing, use_shortcuts, use_storage_sync};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Focus, Notice, Store, Workspace};
use crate::app::storage;
use crate::sample;

/// The first state: what autosave kept, or the sample on a first visit.
fn initial_store() -> Store {
    let loaded = storage::load();
    let workspace = match loaded.saved {
        Some((text, set)) => Workspace::new(text, set),
        None => Workspace::new(sample::UN_MEETING.to_owned(), AnnotationSet::default()),
    };
    Store::new(workspace, loaded.message.map(Notice::error))
}

/// The page: the store, the page-wide hooks, and the panels, each handed
/// the parts of the state it shows. The store's reducers keep an unchanged
/// part at the same address, and the parts handed down are compared, so a
/// panel re-renders only when what it shows changes.
#[component(App)]
pub fn app() -> Html {
    rendered("App");
    let store = use_reducer(initial_store);
    let dispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Dispatch::new(Callback::from(move |action| dispatcher.dispatch(action)))
        }))
        .clone()
    };
    let workspace = store.workspace.clone();
    let view = store.view.clone();
    use_shortcuts(dispatch.clone());
    use_storage_sync(dispatch.clone());
    use_parsing(workspace.clone(), dispatch.clone());
    use_autosave(
        workspace.clone(),
        store.sync.other_tab.is_some(),
        dispatch.clone(),
    );
    crate::app::panic::remember(workspace.clone());
    let latest = (*use_memo((), {
        let workspace = workspace.clone();
        move |_| Latest::new(workspace)
    }))
    .clone();
    latest.set(workspace.clone());

    let document = Shared::new(workspace.document.clone());
    let session = Shared::new(workspace.session.clone());
    // What the document view draws of the annotations: unchanged by a note.
    let layers = use_derived(session.clone(), |session| layers_of(session.set()));
    let tags = use_derived(session.clone(), |session| session.set().tags().to_vec());
    let progress = workspace.parsing.as_ref().map(|parsing| Progress {
        percent: parsing.percent,
        bytes: workspace.input.len(),
    });
    let other_tab = store.sync.other_tab.as_ref().map(|other| OtherTabQuestion {
        same_text: other.text == workspace.document.text,
        theirs: other.set.annotations().len(),
        ours: workspace.session.set().annotations().len(),
    });
    let chosen_speaker = match view.focus {
        Some(Focus::Speaker(index)) => Some(index),
        _ => None,
    };
    let fact_focus = view
        .focus
        .clone()
        .filter(|focus| !matches!(focus, Focus::Speaker(_)));
    let selected = view.selected_annotation.clone().map(AttrValue::from);
    let hidden = view.hidden_fact_kinds.clone();
    let pending = workspace.pending.as_ref().map(|pending| PendingQuestion {
        question: AttrValue::from(pending.question.clone()),
        confirm_label: AttrValue::from(pending.confirm_label.clone()),
    });
    html! {
        <ContextProvider<Handles> context={Handles { dispatch, latest }}>
            <SiteHeader
                can_undo={workspace.session.can_undo()}
                can_redo={workspace.session.can_redo()}
                save={store.sync.save_state(workspace.revision)}
            />
            <Notices
                notice={store.notice.clone()}
                storage_problem={store.sync.storage_problem.clone().map(AttrValue::from)}
                {other_tab}
                {pending}
            />
            <main class="workspace">
                <div class="column column-left">
                    <InputPanel value={Shared::new(workspace.input.clone())} />
                    <HeaderCard document={document.clone()} />
                    <SpeakersPanel document={document.clone()} filter={AttrValue::from(view.speaker_filter.clone())} chosen={chosen_speaker} />
                    <FactsPanel document={document.clone()} focus={fact_focus} hidden={hidden.clone()} />
                </div>
                <div class="column column-main">
                    <DocumentView
                        document={document.clone()}
                        {layers}
                        focus={view.focus.clone()}
                        selected={selected.clone()}
                        {hidden}
                        found={view.found}
                        jump={view.jump}
                        {progress}
                    />
                </div>
                <div class="column column-right">
                    <TagPalette document={document.clone()} tags={tags.clone()} target={view.target} />
                    <AnnotationsPanel
                        {document}
                        {session}
                        {selected}
                        tag_filter={view.tag_filter.clone().map(AttrValue::from)}
                        speaker_choice={view.speaker_choice}
                    />
                </div>
            </main>
        </ContextProvider<Handles>>
    }
}
