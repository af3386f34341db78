use yew::prelude::*;

use super::export_menu::{ExportMenu, ExportScope};
use super::file_button::{FileButton, PickedFile};
use crate::annotate::import_annotations;
use crate::app::clock::now_iso;
use crate::app::context::{use_dispatch, use_latest, use_latest_library};
use crate::app::exchange_worker;
use crate::app::exports::{
    library_releases, read_import_reply, saved_release, Outgoing, LIBRARY_EXPORTS, RELEASE_EXPORTS,
};
use crate::app::files::MAX_FILE_BYTES;
use crate::app::renders::rendered;
use crate::app::state::{Action, Edit, Notice, SaveState, WorkspaceAction};
use crate::exchange::{is_foreign, InputFile};

/// What "Import annotations" takes: our JSON, doccano JSONL, Label Studio
/// JSON, brat `.ann` with its `.txt` (and `.conf` files), UIMA CAS XMI with
/// its type system, or a zip of any of them.
const IMPORT_ACCEPT: &str =
    ".json,.jsonl,.ann,.txt,.conf,.xmi,.xml,.zip,application/json,application/zip";

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub can_undo: bool,
    pub can_redo: bool,
    pub save: SaveState,
}

/// The bar across the top: the name, what saving has done, undo and redo,
/// the Export menu (this release, or the whole library) and import.
/// Exports and import read the workspace and the library when used, so the
/// bar re-renders only when what it shows changes.
#[component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    rendered("SiteHeader");
    let dispatch = use_dispatch();
    let latest = use_latest();
    let undo = dispatch.reform(|_: MouseEvent| Edit::Undo);
    let redo = dispatch.reform(|_: MouseEvent| Edit::Redo);

    let scopes = {
        let latest = latest.clone();
        let library = use_latest_library();
        use_memo((), move |_| {
            vec![
                ExportScope {
                    name: AttrValue::from("This release"),
                    suffix: AttrValue::default(),
                    exports: RELEASE_EXPORTS,
                    releases: Callback::from(move |()| {
                        let workspace = latest.get();
                        if workspace.outline().is_some() {
                            return Err(
                                "this text is still being read; it can be exported once its \
                                        speakers and facts are found"
                                    .to_owned(),
                            );
                        }
                        Ok(vec![Outgoing::Parsed(
                            workspace.document.clone(),
                            workspace.session.set().clone(),
                        )])
                    }),
                    library: false,
                },
                ExportScope {
                    name: AttrValue::from("Whole library"),
                    suffix: AttrValue::from(" (whole library)"),
                    exports: LIBRARY_EXPORTS,
                    releases: Callback::from(move |()| library_releases(&library.get())),
                    library: true,
                },
            ]
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(first) = files.first() else {
                return;
            };
            let workspace = latest.get();
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            let verb = if names.len() == 1 { "was" } else { "were" };
            let refused = format!("{} {verb} not imported", names.join(", "));
            // Refused before anything is read: the annotations would be
            // placed on the release no longer on show, and another tool's
            // files read for its text.
            if workspace.outline().is_some() {
                return dispatch.emit(Action::Notify(Notice::error(format!(
                    "{refused}: this text is still being read; annotations can be imported \
                     once its speakers and facts are found. Nothing was changed."
                ))));
            }
            let inputs: Vec<InputFile> = files
                .iter()
                .map(|f| InputFile {
                    name: &f.name,
                    bytes: &f.bytes,
                })
                .collect();
            if !is_foreign(&inputs) {
                // Our own JSON, read here.
                return match import_annotations(&first.bytes, MAX_FILE_BYTES) {
                    Ok(imported) => {
                        let placement = imported.place(&workspace.document);
                        dispatch.emit(WorkspaceAction::Import {
                            set: placement.set,
                            report: placement.report,
                            file_name: names.join(", "),
                            widened: imported.widened,
                            notices: Vec::new(),
                        });
                    }
                    Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                        "{refused}: {error}. Nothing was changed."
                    )))),
                };
            }
            // Another tool's files, read in the exchange worker for the
            // text open now; applied only if it is still the one open.
            let text = workspace.document.text.clone();
            let open = saved_release(&text, workspace.session.set());
            // Said until the answer replaces it: the first import also
            // fetches the exchange module.
            dispatch.emit(Action::Notify(Notice::info(format!(
                "Reading {}…",
                names.join(", ")
            ))));
            let dispatch = dispatch.clone();
            let latest = latest.clone();
            exchange_worker::import(&files, open, now_iso(), move |answer| {
                let read = answer.and_then(|json| read_import_reply(&json));
                let action: Action = match read {
                    Ok((reply, placed_on, set)) if placed_on == latest.get().document.text => {
                        WorkspaceAction::Import {
                            set,
                            report: reply.report,
                            file_name: reply.source,
                            widened: reply.widened,
                            notices: reply.notices,
                        }
                        .into()
                    }
                    Ok(_) => Action::Notify(Notice::error(format!(
                        "{refused}: the document changed while the files were read. Nothing \
                         was changed; import them again."
                    ))),
                    Err(error) => Action::Notify(Notice::error(format!(
                        "{refused}: {error}. Nothing was changed."
                    ))),
                };
                dispatch.emit(action);
            });
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
                <ExportMenu {scopes} />
                <FileButton label="Import annotations" accept={IMPORT_ACCEPT} multiple=true on_files={on_import} {on_error} />
            </nav>
        </header>
    }
}
