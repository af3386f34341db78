use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::annotate::{
    export_file_name, export_json, import_annotations, web_annotation_file_name,
    web_annotation_json,
};
use crate::app::clock::now_iso;
use crate::app::dom::download;
use crate::app::files::MAX_FILE_BYTES;
use crate::app::shared::Shared;
use crate::app::state::{Action, Notice, State};

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub state: Shared<State>,
    pub dispatch: Callback<Action>,
}

/// The bar across the top: the name, undo and redo, export and import.
#[component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let state = &props.state;
    let dispatch = &props.dispatch;
    let undo = dispatch.reform(|_: MouseEvent| Action::Undo);
    let redo = dispatch.reform(|_: MouseEvent| Action::Redo);

    let export = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let json = export_json(&state.document, state.session.set(), &now_iso());
            if let Err(error) = download(
                &export_file_name(&state.document),
                "application/json",
                &json,
            ) {
                dispatch.emit(Action::Notify(Notice::error(format!(
                    "The export could not be saved: {error}."
                ))));
            }
        })
    };
    let export_w3c = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let json = web_annotation_json(&state.document, state.session.set());
            let name = web_annotation_file_name(&state.document);
            if let Err(error) = download(&name, "application/ld+json", &json) {
                dispatch.emit(Action::Notify(Notice::error(format!(
                    "The export could not be saved: {error}."
                ))));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |file: PickedFile| {
            match import_annotations(&file.bytes, MAX_FILE_BYTES) {
                Ok(imported) => {
                    let placement = imported.place(&state.document);
                    dispatch.emit(Action::Import {
                        set: placement.set,
                        report: placement.report,
                        file_name: file.name,
                        widened: imported.widened,
                    });
                }
                Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                    "{} was not imported: {error}. Nothing was changed.",
                    file.name
                )))),
            }
        })
    };
    let on_error = dispatch.reform(|message: String| Action::Notify(Notice::error(message)));

    // What autosave has done, for the reader (and for tests, which wait for
    // "saved" before they read localStorage).
    let (save_state, save_label) = if state.storage_problem.is_some() {
        ("failed", "Not saved")
    } else if state.saved_revision < state.revision {
        ("saving", "Saving…")
    } else {
        ("saved", "All changes saved")
    };
    html! {
        <header class="site-header">
            <h1>{ "Rapporteur" }</h1>
            <p class="tagline">{ "Read and annotate press releases. Everything stays in your browser." }</p>
            <span class="save-status" data-state={save_state}>{ save_label }</span>
            <nav class="toolbar" aria-label="Document actions">
                <button type="button" onclick={undo} disabled={!state.session.can_undo()} aria-keyshortcuts="Control+Z Meta+Z">{ "Undo" }</button>
                <button type="button" onclick={redo} disabled={!state.session.can_redo()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">{ "Redo" }</button>
                <button type="button" onclick={export}>{ "Export JSON" }</button>
                <button type="button" onclick={export_w3c}>{ "Export Web Annotations" }</button>
                <FileButton label="Import annotations" accept=".json,application/json" on_file={on_import} {on_error} />
            </nav>
        </header>
    }
}
