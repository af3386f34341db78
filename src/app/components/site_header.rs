use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::annotate::{
    export_file_name, export_json, import_annotations, web_annotation_file_name,
    web_annotation_json,
};
use crate::app::clock::now_iso;
use crate::app::context::{use_dispatch, use_latest};
use crate::app::dom::download;
use crate::app::files::MAX_FILE_BYTES;
use crate::app::renders::rendered;
use crate::app::state::{Action, Edit, Notice, SaveState, WorkspaceAction};

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub can_undo: bool,
    pub can_redo: bool,
    pub save: SaveState,
}

/// The bar across the top: the name, what autosave has done, undo and
/// redo, export and import. Exports read the workspace when clicked, so
/// the bar re-renders only when what it shows changes.
#[component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    rendered("SiteHeader");
    let dispatch = use_dispatch();
    let latest = use_latest();
    let undo = dispatch.reform(|_: MouseEvent| Edit::Undo);
    let redo = dispatch.reform(|_: MouseEvent| Edit::Redo);

    let export = {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let workspace = latest.get();
            let json = export_json(&workspace.document, workspace.session.set(), &now_iso());
            let name = export_file_name(&workspace.document);
            if let Err(error) = download(&name, "application/json", &json) {
                dispatch.emit(Action::Notify(Notice::error(format!(
                    "The export could not be saved: {error}."
                ))));
            }
        })
    };
    let export_w3c = {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let workspace = latest.get();
            let json = web_annotation_json(&workspace.document, workspace.session.set());
            let name = web_annotation_file_name(&workspace.document);
            if let Err(error) = download(&name, "application/ld+json", &json) {
                dispatch.emit(Action::Notify(Notice::error(format!(
                    "The export could not be saved: {error}."
                ))));
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: PickedFile| {
            match import_annotations(&file.bytes, MAX_FILE_BYTES) {
                Ok(imported) => {
                    let placement = imported.place(&latest.get().document);
                    dispatch.emit(WorkspaceAction::Import {
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
    let (save_state, save_label) = match props.save {
        SaveState::Failed => ("failed", "Not saved"),
        SaveState::Saving => ("saving", "Saving…"),
        SaveState::Saved => ("saved", "All changes saved"),
    };
    html! {
        <header class="site-header">
            <h1>{ "Rapporteur" }</h1>
            <p class="tagline">{ "Read and annotate press releases. Everything stays in your browser." }</p>
            <span class="save-status" data-state={save_state}>{ save_label }</span>
            <nav class="toolbar" aria-label="Document actions">
                <button type="button" onclick={undo} disabled={!props.can_undo} aria-keyshortcuts="Control+Z Meta+Z">{ "Undo" }</button>
                <button type="button" onclick={redo} disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">{ "Redo" }</button>
                <button type="button" onclick={export}>{ "Export JSON" }</button>
                <button type="button" onclick={export_w3c}>{ "Export Web Annotations" }</button>
                <FileButton label="Import annotations" accept=".json,application/json" on_file={on_import} {on_error} />
            </nav>
        </header>
    }
}
