use yew::prelude::*;

use super::annotations_panel::AnnotationsPanel;
use super::document::{layers_of, DocumentView, Layers, Progress};
use super::facts_panel::FactsPanel;
use super::header_card::HeaderCard;
use super::input_panel::InputPanel;
use super::library::{add_files, summaries_of, CodesView, LibraryPanel, PeopleView, SearchView};
use super::notices::{Notices, PendingQuestion};
use super::site_header::SiteHeader;
use super::speakers_panel::SpeakersPanel;
use super::tag_palette::TagPalette;
use crate::annotate::AnnotationSet;
use crate::app::context::{Dispatch, Handles, Latest};
use crate::app::hooks::{
    use_derived, use_file_drop, use_library, use_parsing, use_search_index, use_shortcuts,
};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Focus, Notice, Storage, Store, Workspace};
use crate::sample;

/// The first state: the sample, until the library is read (a first visit
/// keeps it as the library's first release).
fn initial_store() -> Store {
    Store::new(
        Workspace::new(sample::UN_MEETING.to_owned(), AnnotationSet::default()),
        None,
    )
}

/// What the header says when the library is not being saved.
fn storage_problem(storage: &Storage) -> Option<AttrValue> {
    match storage {
        Storage::Memory(reason) => Some(format!(
            "Your library is kept in memory only: {reason}. It will be lost when this tab closes; \
             use Export corpus in the Library to keep it."
        )),
        Storage::Failing(reason) => Some(format!(
            "Changes are not being saved: {reason}. Nothing is lost while this tab stays open; \
             use Export corpus in the Library to keep a copy, or delete releases to make room."
        )),
        _ => None,
    }
    .map(AttrValue::from)
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
    let library = store.library.clone();
    use_shortcuts(dispatch.clone());
    use_parsing(workspace.clone(), dispatch.clone());
    use_library(library.clone(), dispatch.clone());
    use_search_index(library.clone(), dispatch.clone());
    let dragging = use_file_drop(
        {
            let dispatch = dispatch.clone();
            Callback::from(move |files| add_files(&dispatch, files))
        },
        dispatch.reform(|message: String| Action::Notify(Notice::error(message))),
    );
    crate::app::panic::remember(workspace.clone());
    let latest = (*use_memo((), {
        let workspace = workspace.clone();
        move |_| Latest::new(workspace)
    }))
    .clone();
    latest.set(workspace.clone());
    let latest_library = (*use_memo((), {
        let library = library.clone();
        move |_| Latest::new(library)
    }))
    .clone();
    latest_library.set(library.clone());
    let handles = Handles {
        dispatch,
        latest,
        library: latest_library,
    };

    // A long release of its own is shown as its outline while the worker
    // reads it: its paragraphs, no annotations, nothing to tag yet.
    let outline = workspace.outline().cloned();
    let reading = outline.is_some();
    let document = Shared::new(outline.unwrap_or_else(|| workspace.document.clone()));
    let session = Shared::new(workspace.session.clone());
    // What the document view draws of the annotations: unchanged by a note.
    let layers = use_derived(session.clone(), |session| layers_of(session.set()));
    let no_layers = Shared::new(use_memo((), |_| Layers::default()));
    let layers = if reading { no_layers } else { layers };
    let tags = use_derived(session.clone(), |session| session.set().tags().to_vec());
    let progress = workspace.parsing.as_ref().map(|parsing| Progress {
        percent: parsing.percent,
        bytes: workspace.input.len(),
        outline: parsing.outline.is_some(),
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
    // What the people view shows: unchanged by tagging. (A hook: before
    // the early return below.)
    let summaries = use_derived(Shared::new(library.releases.clone()), |releases| {
        summaries_of(releases)
    });
    let header = html! {
        <>
            <SiteHeader
                can_undo={!reading && workspace.session.can_undo()}
                can_redo={!reading && workspace.session.can_redo()}
                save={store.save_state()}
            />
            <Notices
                notice={store.notice.clone()}
                storage_problem={storage_problem(&library.storage)}
                {pending}
            />
        </>
    };
    if !library.loaded() {
        return html! {
            <ContextProvider<Handles> context={handles}>
                { header }
                <main class="opening"><p role="status">{ "Opening your library…" }</p></main>
            </ContextProvider<Handles>>
        };
    }
    let releases = Shared::new(library.releases.clone());
    let open = library.open.clone().map(AttrValue::from);
    let trash = library
        .trash
        .as_ref()
        .map(|t| AttrValue::from(t.release.summary.label().to_owned()));
    html! {
        <ContextProvider<Handles> context={handles}>
            { header }
            if dragging {
                <div class="drop-target" aria-hidden="true">
                    <p>{ "Drop .txt or .html files to add them to the library" }</p>
                </div>
            }
            <LibraryPanel
                releases={releases.clone()}
                {open}
                listing={library.listing.clone()}
                storage={library.storage.clone()}
                estimate={library.estimate}
                persisted={library.persisted}
                {trash}
            />
            <main class="workspace">
                <div class="column column-left">
                    <InputPanel value={Shared::new(workspace.input.clone())} />
                    <HeaderCard document={document.clone()} />
                    <SpeakersPanel document={document.clone()} filter={AttrValue::from(view.speaker_filter.clone())} chosen={chosen_speaker} {reading} />
                    <FactsPanel document={document.clone()} focus={fact_focus} hidden={hidden.clone()} {reading} />
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
                    if reading {
                        <section class="panel annotations-panel" aria-labelledby="annotations-heading">
                            <h2 id="annotations-heading">{ "Annotations" }</h2>
                            <p class="empty">{ "Tagging opens once this text is read." }</p>
                        </section>
                    } else {
                        <AnnotationsPanel
                            {document}
                            {session}
                            {selected}
                            tag_filter={view.tag_filter.clone().map(AttrValue::from)}
                            speaker_choice={view.speaker_choice}
                        />
                    }
                </div>
            </main>
            <div class="corpus-views">
                <PeopleView {summaries} />
                <CodesView releases={releases.clone()} tags={tags.clone()} />
                <SearchView {releases} texts={Shared::new(library.search.clone())} complete={library.search_ready()} />
            </div>
        </ContextProvider<Handles>>
    }
}
