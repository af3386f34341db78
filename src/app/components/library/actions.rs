use yew::prelude::*;

use super::export::{export_codebook, export_corpus, export_csv};
use crate::app::components::file_button::{FileButton, PickedFile};
use crate::app::context::{use_dispatch, use_latest_library};
use crate::app::dom::pick_files;
use crate::app::files::{picked_files, read_all, release_text, Reading};
use crate::app::renders::rendered;
use crate::app::state::{Action, AddedText, Notice};
use crate::library::{import_codebook, import_corpus};

/// Turns files read into texts to add, and says which could not be read.
pub fn texts_of(files: Vec<PickedFile>) -> (Vec<AddedText>, Vec<String>) {
    let mut texts = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match release_text(&file) {
            Ok((text, replaced)) => {
                if replaced {
                    problems.push(format!(
                        "Some bytes of {} were not valid UTF-8; they are shown as \u{fffd}.",
                        file.name
                    ));
                }
                let text = text.into_owned();
                texts.push(AddedText {
                    name: file.name,
                    text,
                });
            }
            Err(problem) => problems.push(problem),
        }
    }
    (texts, problems)
}

/// Adds texts read from files and reports what could not be read.
pub fn add_files(dispatch: &crate::app::context::Dispatch, files: Vec<PickedFile>) {
    let (texts, problems) = texts_of(files);
    if !texts.is_empty() {
        dispatch.emit(Action::AddTexts(texts));
    }
    if !problems.is_empty() {
        dispatch.emit(Action::Notify(Notice::error(problems.join(" "))));
    }
}

/// What the library does as a whole: add files, export and import the
/// corpus and the codebook, export the CSV. Exports read the library as
/// last rendered, so this re-renders only when its own props change.
#[component(LibraryActions)]
pub fn library_actions() -> Html {
    rendered("LibraryActions");
    let dispatch = use_dispatch();
    let library = use_latest_library();
    let input = use_node_ref();
    let readings = use_mut_ref(Reading::new);
    let open_files = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| pick_files(&input))
    };
    let on_error = dispatch.reform(|message: String| Action::Notify(Notice::error(message)));
    let onchange = {
        let dispatch = dispatch.clone();
        let on_error = on_error.clone();
        Callback::from(move |event: Event| {
            let files = picked_files(&event);
            let dispatch = dispatch.clone();
            *readings.borrow_mut() = read_all(
                files,
                Callback::from(move |files| add_files(&dispatch, files)),
                on_error.clone(),
            );
        })
    };
    let report = |result: Result<(), String>, dispatch: &crate::app::context::Dispatch| {
        if let Err(problem) = result {
            dispatch.emit(Action::Notify(Notice::error(format!(
                "The export could not be made: {problem}."
            ))));
        }
    };
    let corpus = {
        let (library, dispatch) = (library.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| report(export_corpus(&library.get()), &dispatch))
    };
    let csv = {
        let (library, dispatch) = (library.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| report(export_csv(&library.get()), &dispatch))
    };
    let codebook = {
        let (library, dispatch) = (library.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| report(export_codebook(&library.get()), &dispatch))
    };
    let on_corpus = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            match import_corpus(&file.bytes) {
                Ok(corpus) => dispatch.emit(Action::ImportCorpus {
                    corpus,
                    file_name: file.name,
                }),
                Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                    "{} was not imported: {error}. Nothing was changed.",
                    file.name
                )))),
            }
        })
    };
    let on_codebook = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            match import_codebook(&file.bytes) {
                Ok(tags) => dispatch.emit(Action::ImportCodebook {
                    tags,
                    file_name: file.name,
                }),
                Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                    "{} was not imported: {error}. Nothing was changed.",
                    file.name
                )))),
            }
        })
    };
    html! {
        <div class="library-actions">
            <button type="button" class="primary" onclick={open_files}>{ "Open files" }</button>
            <input ref={input} type="file" multiple=true hidden=true
                accept=".txt,.text,.html,.htm,text/plain,text/html" {onchange} />
            <button type="button" onclick={corpus}>{ "Export corpus" }</button>
            <button type="button" onclick={csv}>{ "Export CSV" }</button>
            <FileButton label="Import corpus" accept=".json,application/json" on_files={on_corpus} on_error={on_error.clone()} />
            <button type="button" onclick={codebook}>{ "Export codebook" }</button>
            <FileButton label="Import codebook" accept=".json,application/json" on_files={on_codebook} {on_error} />
        </div>
    }
}
