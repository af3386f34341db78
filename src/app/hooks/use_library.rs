use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::clock::now_iso;
use crate::app::context::Dispatch;
use crate::app::library_db::{self as db, Db, ReleaseWrite, Settings};
use crate::app::state::{Action, Library, LibraryAction, Sort, Start, Storage};
use crate::app::{broadcast, storage};

/// Quiet time after a change before it is written, so that a burst of
/// edits (a note typed) is one write.
const WRITE_DELAY_MS: u32 = 50;

/// After the library opens, the wait before every text is read: the page
/// is painted and answers its first input before that work starts.
const TEXTS_DELAY_MS: u32 = 300;

/// The library as last rendered, the database, and whether a write is under
/// way: shared by the timer, the page-hide listener and the writer.
#[derive(Default)]
struct Writer {
    library: Option<Rc<Library>>,
    db: Option<Db>,
    busy: bool,
    again: bool,
}

type Shared = Rc<RefCell<Writer>>;

/// The library's life in the browser: opens IndexedDB (or says why it
/// cannot and keeps the library in memory), migrates the old autosave,
/// starts the store; reads every text after the first paint; reads a text
/// the reader opens before it is in memory; writes what waits to be
/// written shortly after each change (and at once when the page is hidden);
/// hears other tabs' writes; asks for persistent storage and reads the
/// estimate of space used.
#[hook]
pub fn use_library(library: Rc<Library>, dispatch: Dispatch) {
    let writer: Shared = use_mut_ref(Writer::default).clone();
    writer.borrow_mut().library = Some(library.clone());
    {
        let writer = writer.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(start(writer.clone(), dispatch.clone()));
            let writer_for_close = writer.clone();
            let flush = {
                let writer = writer.clone();
                let dispatch = dispatch.clone();
                move |_: &web_sys::Event| write_now(&writer, &dispatch)
            };
            let hide = EventListener::new(&gloo::utils::window(), "pagehide", flush.clone());
            let hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", flush);
            let heard = broadcast::listen({
                let writer = writer.clone();
                move |message| {
                    let (db, library) = {
                        let writer = writer.borrow();
                        (writer.db.clone(), writer.library.clone())
                    };
                    if let Some(db) = db {
                        spawn_local(heard(db, message, library, dispatch.clone()));
                    }
                }
            });
            move || {
                drop((hide, hidden, heard));
                // The app is gone: its connection too, so that nothing
                // holds the database open (a test deletes it between runs).
                if let Some(db) = writer_for_close.borrow_mut().db.take() {
                    db.close();
                }
            }
        });
    }
    // Once open (and painted, and the first input answered), every text,
    // for search and exports.
    let storage_ready = library.loaded();
    {
        let writer = writer.clone();
        let dispatch = dispatch.clone();
        use_effect_with(storage_ready, move |ready| {
            let timer = ready.then(|| {
                Timeout::new(TEXTS_DELAY_MS, move || {
                    let db = writer.borrow().db.clone();
                    spawn_local(load_texts(db, dispatch));
                })
            });
            move || drop(timer)
        });
    }
    // A release opened before its text is in memory.
    {
        let writer = writer.clone();
        let dispatch = dispatch.clone();
        use_effect_with(library.opening.clone(), move |opening| {
            let db = writer.borrow().db.clone();
            if let (Some(id), Some(db)) = (opening.clone(), db) {
                spawn_local(async move {
                    match db::text(&db, &id).await {
                        Ok(Some(text)) => {
                            dispatch.emit(LibraryAction::Texts(vec![(id, Rc::from(text))]))
                        }
                        Ok(None) => {
                            dispatch.emit(Action::Notify(crate::app::state::Notice::error(
                                "The text of this release is missing from the browser's storage.",
                            )))
                        }
                        Err(problem) => {
                            dispatch.emit(Action::Notify(crate::app::state::Notice::error(
                                format!("The release could not be read: {problem}."),
                            )))
                        }
                    }
                });
            }
        });
    }
    // Writes after each change.
    let waiting = library.unsaved() || library.settings_edits > library.settings_written;
    let changed = Rc::as_ptr(&library) as usize;
    use_effect_with((changed, waiting), move |&(_, waiting)| {
        let timer = waiting.then(|| {
            let writer = writer.clone();
            Timeout::new(WRITE_DELAY_MS, move || write_now(&writer, &dispatch))
        });
        move || drop(timer)
    });
}

/// Opens the database and starts the store with what it holds.
async fn start(writer: Shared, dispatch: Dispatch) {
    let legacy = storage::load();
    let mut start = Start {
        legacy: legacy.saved,
        message: legacy.message,
        ..Start::default()
    };
    let mut settings = Settings::default();
    match db::open().await {
        Err(reason) => {
            start.storage = Storage::Memory(reason);
        }
        Ok(database) => match db::load(&database).await {
            Err(problem) => {
                start.storage = Storage::Memory(format!("the library could not be read: {problem}"))
            }
            Ok(contents) => {
                settings = contents.settings;
                let open = match &settings.open {
                    Some(id) if contents.releases.iter().any(|r| &r.id == id) => {
                        db::text(&database, id)
                            .await
                            .ok()
                            .flatten()
                            .map(|text| (id.clone(), Rc::from(text)))
                    }
                    _ => None,
                };
                start.releases = contents.releases;
                start.codebook = contents.codebook;
                start.open = open;
                start.storage = Storage::Saved;
                writer.borrow_mut().db = Some(database);
            }
        },
    }
    dispatch.emit(Action::Start(Box::new(start)));
    if settings.sort() != Sort::default() {
        dispatch.emit(LibraryAction::SetSort(settings.sort()));
    }
    if settings.body.is_some() {
        dispatch.emit(LibraryAction::SetBody(settings.body));
    }
    spawn_local(estimate(dispatch, true));
}

/// Reads every text, a batch at a time so that the page stays responsive.
async fn load_texts(db: Option<Db>, dispatch: Dispatch) {
    if let Some(db) = db {
        if let Ok(texts) = db::texts(&db).await {
            let mut texts: Vec<(String, Rc<str>)> = texts
                .into_iter()
                .map(|(id, text)| (id, Rc::from(text)))
                .collect();
            while !texts.is_empty() {
                let rest = texts.split_off(texts.len().min(40));
                dispatch.emit(LibraryAction::Texts(std::mem::replace(&mut texts, rest)));
                next_task().await;
            }
        }
    }
    dispatch.emit(LibraryAction::TextsComplete);
}

/// Starts writing unless a write is under way (it then goes on).
fn write_now(writer: &Shared, dispatch: &Dispatch) {
    let mut state = writer.borrow_mut();
    if state.busy {
        state.again = true;
        return;
    }
    let Some(db) = state.db.clone() else {
        return;
    };
    state.busy = true;
    drop(state);
    spawn_local(write_all(writer.clone(), db, dispatch.clone()));
}

/// Writes everything that waits, then again while changes keep coming;
/// one write at a time, so that each builds on the last one's revision.
async fn write_all(writer: Shared, db: Db, dispatch: Dispatch) {
    loop {
        writer.borrow_mut().again = false;
        let Some(library) = writer.borrow().library.clone() else {
            break;
        };
        let wrote = write_once(&db, &library, &dispatch).await;
        // Let the store take in the reports before reading it again.
        next_task().await;
        let again = writer.borrow().again;
        let waiting = writer
            .borrow()
            .library
            .as_ref()
            .is_some_and(|l| l.unsaved() || l.settings_edits > l.settings_written);
        // A failure waits for the next change; otherwise go on while
        // changes keep coming.
        if !wrote || !(waiting || again) {
            break;
        }
    }
    writer.borrow_mut().busy = false;
    spawn_local(estimate(dispatch, false));
}

/// One pass over what waits; whether anything was written.
async fn write_once(db: &Db, library: &Library, dispatch: &Dispatch) -> bool {
    let mut wrote = false;
    if !library.deletions.is_empty() {
        let ids: Vec<String> = library.deletions.to_vec();
        match db::delete_releases(db, &ids).await {
            Ok(()) => {
                broadcast::send(broadcast::Message::Deleted { ids: ids.clone() });
                dispatch.emit(LibraryAction::DeletionsWritten(ids));
                wrote = true;
            }
            Err(problem) => return failed(dispatch, problem),
        }
    }
    if library.codebook.dirty() {
        let edits = library.codebook.edits;
        match db::write_codebook(db, &library.codebook.tags, library.codebook.revision).await {
            Ok((revision, merged)) => {
                broadcast::send(broadcast::Message::Codebook { revision });
                dispatch.emit(LibraryAction::CodebookWritten {
                    edits,
                    revision,
                    merged,
                });
                wrote = true;
            }
            Err(problem) => return failed(dispatch, problem),
        }
    }
    for release in library.releases.iter().filter(|r| r.dirty()) {
        let now = now_iso();
        let added = if release.added.is_empty() {
            now.clone()
        } else {
            release.added.clone()
        };
        let text = release
            .text_dirty
            .then(|| library.texts.get(&release.id))
            .flatten();
        if release.text_dirty && text.is_none() {
            continue; // Its text is not in memory yet; written once it is.
        }
        let write = ReleaseWrite {
            id: &release.id,
            sha256: &release.sha256,
            added: &added,
            modified: &now,
            summary: &release.summary,
            document_changed: release.text_dirty,
            text: text.map(|t| &**t),
            work: &release.work,
            revision: release.revision,
        };
        match db::write_release(db, write).await {
            Ok(written) => {
                if library.legacy.as_deref() == Some(release.id.as_str()) {
                    // The old autosave is in the library now: only then is it removed.
                    storage::remove();
                }
                broadcast::send(broadcast::Message::Release {
                    id: release.id.clone(),
                    revision: written.revision,
                    document: written.document,
                });
                dispatch.emit(LibraryAction::Written {
                    id: release.id.clone(),
                    edits: release.edits,
                    revision: written.revision,
                    added,
                    modified: now,
                    merged: written.merged,
                });
                wrote = true;
            }
            Err(problem) => return failed(dispatch, problem),
        }
    }
    if library.settings_edits > library.settings_written {
        let settings = Settings {
            open: library.open.clone(),
            sort_by_title: library.listing.sort == Sort::Title,
            body: library.listing.body.clone(),
        };
        match db::write_settings(db, &settings).await {
            Ok(()) => {
                dispatch.emit(LibraryAction::SettingsWritten(library.settings_edits));
                wrote = true;
            }
            Err(problem) => return failed(dispatch, problem),
        }
    }
    wrote
}

fn failed(dispatch: &Dispatch, problem: String) -> bool {
    dispatch.emit(LibraryAction::WriteFailed(problem));
    false
}

/// Another tab wrote: what it wrote, read back. Nothing when this tab
/// holds that revision already; only the annotations when nothing else
/// changed and this tab knows the release (its text may be 50 MB, and the
/// other tab writes at every tag).
async fn heard(
    db: Db,
    message: broadcast::Message,
    library: Option<Rc<Library>>,
    dispatch: Dispatch,
) {
    match message {
        broadcast::Message::Release {
            id,
            revision,
            document,
        } => {
            let ours = library
                .as_ref()
                .and_then(|l| l.release(&id))
                .map(|r| r.revision);
            if ours.is_some_and(|ours| ours >= revision) {
                return;
            }
            if !document && ours.is_some() {
                if let Ok(Some((work, revision, modified))) = db::work(&db, &id).await {
                    dispatch.emit(LibraryAction::ExternalWork {
                        id,
                        work,
                        revision,
                        modified,
                    });
                    return;
                }
            }
            if let Ok(found) = db::release(&db, &id).await {
                let (release, text) = match found {
                    Some((release, text)) => (Some(Box::new(release)), text.map(Rc::from)),
                    None => (None, None),
                };
                dispatch.emit(LibraryAction::External { id, release, text });
            }
        }
        broadcast::Message::Deleted { ids } => {
            for id in ids {
                dispatch.emit(LibraryAction::External {
                    id,
                    release: None,
                    text: None,
                });
            }
        }
        broadcast::Message::Codebook { .. } => {
            if let Ok(Some((tags, revision))) = db::codebook(&db).await {
                dispatch.emit(LibraryAction::ExternalCodebook { tags, revision });
            }
        }
    }
}

/// Resolves in a later task, so that the browser paints and the store
/// takes in what was sent to it before the work goes on.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Space used against quota; at start, asks for persistent storage first.
async fn estimate(dispatch: Dispatch, ask: bool) {
    let persisted = if ask { storage::persist().await } else { None };
    if let Some((usage, quota)) = storage::estimate().await {
        dispatch.emit(LibraryAction::Estimate {
            usage,
            quota,
            persisted,
        });
    }
}
