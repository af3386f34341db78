//! `app::library_db` and `app::storage`, as a reader meets them: work kept
//! in the library as it is made comes back after a reload; a full store,
//! IndexedDB unavailable or local storage disabled are explained and lose
//! nothing that can be kept; the old single-document autosave in local
//! storage, intact, damaged or unreadable, joins the library and is removed
//! only once the library holds it.
//!
//! The first block below is the only part that knows where the library is
//! kept (IndexedDB, read back through `library_db`) and how the browser is
//! made to fail; the tests read what the page shows.

use rapporteur::annotate::{AnnotationSet, NewAnnotation, Session};
use rapporteur::app::library_db::{self, ReleaseWrite};
use rapporteur::app::state::StoredRelease;
use rapporteur::app::storage::{BACKUP_KEY, STATE_KEY};
use rapporteur::library::Work;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

use crate::support::*;

// ------------------------------------------------------------ the store

/// One release as the library holds it in the browser.
struct Kept {
    text: String,
    work: Work,
}

/// Every release the library holds in IndexedDB, with its text, read on a
/// connection of the test's own.
async fn kept() -> Vec<Kept> {
    let db = library_db::open().await.expect("IndexedDB opens");
    let contents = library_db::load(&db).await.expect("the library reads");
    let mut releases = Vec::new();
    for release in contents.releases {
        let text = library_db::text(&db, &release.id)
            .await
            .expect("a text reads")
            .expect("every release has its text");
        releases.push(Kept {
            text,
            work: release.work,
        });
    }
    db.close();
    releases
}

/// The release kept whose text holds `words`.
async fn kept_with(words: &str) -> Option<Kept> {
    kept().await.into_iter().find(|r| r.text.contains(words))
}

fn old_save_raw() -> Option<String> {
    local_storage().get_item(STATE_KEY).unwrap()
}

fn backup_raw() -> Option<String> {
    local_storage().get_item(BACKUP_KEY).unwrap()
}

/// Leaves `raw` where versions before the library autosaved, with an empty
/// library: a profile that used the app before the library existed.
async fn leave_old_save(raw: &str) {
    local_storage().clear().unwrap();
    delete_library().await;
    local_storage().set_item(STATE_KEY, raw).unwrap();
}

#[wasm_bindgen(inline_js = "
export function fill_storage() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => { IDBObjectStore.prototype.put = put; };
}
export function refuse_indexed_db() {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function () {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
  return () => { IDBFactory.prototype.open = open; };
}
export function disable_local_storage() {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
  return () => Object.defineProperty(window, 'localStorage', original);
}
")]
extern "C" {
    /// Makes every write to IndexedDB fail as a full store does (the
    /// browser's quota cannot be filled in a test's time); returns the
    /// function that frees it.
    fn fill_storage() -> js_sys::Function;
    /// Makes opening IndexedDB throw, as a private mode or a profile with
    /// site data blocked does; returns the function that undoes it.
    fn refuse_indexed_db() -> js_sys::Function;
    /// Makes `window.localStorage` throw, as a browser with site data
    /// blocked does; returns the function that undoes it.
    fn disable_local_storage() -> js_sys::Function;
}

/// A fault made in the browser, undone when dropped (a failed assertion
/// too), so that later tests run on a sound browser.
struct Fault(js_sys::Function);

impl Drop for Fault {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}

// ------------------------------------------------------------ the tests

const RELEASE: &str = "Lisbon, 9 October 2025\n\n\
    Harbour Authority Opens Cold-Storage Terminal for Small Fishing Fleets\n\n\
    The new terminal holds 2,400 tonnes of catch and cost €31 million, the authority said.\n\n\
    “Boats that once sold at any price can now wait for a fair one,” said Inês Carvalho, president of the authority.";

/// Tags the first `passage` of the release with the tag button `tag`.
async fn tag(root: &Element, passage: &str, tag: &str) {
    tag_passage(root, RELEASE, passage, tag).await;
}

async fn wait_saved(root: &Element) {
    wait_until("the library to be saved", || save_state(root) == "saved").await;
}

/// The titles the Library lists.
fn library_titles(root: &Element) -> Vec<String> {
    all(root, ".releases li.release .release-title")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// The old autosave of `RELEASE` with two annotations (one under a tag of
/// its own, with a note) and one that had lost its place.
fn old_save() -> String {
    let document = rapporteur::parse(RELEASE);
    let mut session = Session::new(AnnotationSet::default());
    session.add_tag("t-old", "Old code", "#aabbcc").unwrap();
    for (id, tag, note, quote) in [
        (
            "old-1",
            "t-old",
            "kept from the old save",
            "2,400 tonnes of catch",
        ),
        ("old-2", "claim", "", "can now wait for a fair one"),
    ] {
        let start = offset_of(&document.text, quote);
        session
            .annotate(
                &document,
                NewAnnotation {
                    id: id.into(),
                    tag: tag.into(),
                    note: note.into(),
                    start,
                    end: start + quote.chars().count(),
                    now: "2025-03-01T10:00:00.000Z".into(),
                },
            )
            .unwrap();
    }
    rapporteur::annotate::save_state(&document.text, session.set(), "2025-03-01T10:00:00.000Z")
}

#[wasm_bindgen_test]
async fn work_kept_as_it_is_made_comes_back_after_a_reload() {
    let app = mount().await;
    load_text(&app.root, RELEASE).await;
    tag(&app.root, "holds 2,400 tonnes of catch", "Evidence").await;
    tag(&app.root, "can now wait for a fair one", "Claim").await;
    wait_saved(&app.root).await;
    let stored = kept_with("Cold-Storage Terminal")
        .await
        .expect("the release is kept");
    assert_eq!(stored.work.annotations.len(), 2);
    assert_eq!(kept().await.len(), 2, "the sample and the release");
    let paragraphs = paragraph_texts(&app.root);
    let listed = listed_annotations(&app.root);
    let titles = library_titles(&app.root);
    app.unmount();

    let reloaded = mount_as_saved().await;
    assert_eq!(
        paragraph_texts(&reloaded.root),
        paragraphs,
        "the release open before is open again"
    );
    assert_eq!(listed_annotations(&reloaded.root), listed);
    assert_eq!(listed.len(), 2);
    assert!(
        listed[0].contains("Evidence") && listed[0].contains("2,400 tonnes"),
        "{listed:?}"
    );
    assert_eq!(library_titles(&reloaded.root), titles);
    assert_eq!(notices(&reloaded.root), "", "a clean reload says nothing");
    assert_eq!(save_state(&reloaded.root), "saved");
    reloaded.unmount();
}

#[wasm_bindgen_test]
async fn a_full_store_is_explained_and_the_work_saved_when_there_is_room() {
    let app = mount().await;
    load_text(&app.root, RELEASE).await;
    wait_saved(&app.root).await;
    let full = Fault(fill_storage());
    tag(&app.root, "cost €31 million", "Evidence").await;
    wait_until("the failure to be told", || {
        save_state(&app.root) == "failed"
    })
    .await;
    let said = notices(&app.root);
    assert!(
        said.contains("Changes are not being saved: the browser's storage for this site is full"),
        "{said}"
    );
    assert!(said.contains("Download a copy of the library"), "{said}");
    assert_eq!(text_of(&app.root, ".save-status"), "Not saved");
    assert_eq!(
        listed_annotations(&app.root).len(),
        1,
        "the annotation stays"
    );
    assert!(kept_with("Cold-Storage Terminal")
        .await
        .is_some_and(|r| r.work.annotations.is_empty()));

    drop(full);
    tag(&app.root, "a fair one", "Claim").await;
    wait_saved(&app.root).await;
    assert!(!notices(&app.root).contains("not being saved"));
    let stored = kept_with("Cold-Storage Terminal").await.unwrap();
    assert_eq!(stored.work.annotations.len(), 2, "both annotations written");
    app.unmount();
    let reloaded = mount_as_saved().await;
    assert_eq!(
        listed_annotations(&reloaded.root).len(),
        2,
        "both annotations were saved"
    );
    reloaded.unmount();
}

#[wasm_bindgen_test]
async fn indexed_db_unavailable_is_explained_and_the_app_works_in_memory() {
    local_storage().clear().unwrap();
    delete_library().await;
    let refused = Fault(refuse_indexed_db());
    let app = mount_as_saved().await;
    drop(refused);
    let said = notices(&app.root);
    assert!(
        said.contains(
            "Your library is kept in memory only: IndexedDB is not available in this browser ("
        ),
        "{said}"
    );
    assert!(
        said.contains("SecurityError"),
        "the browser's reason: {said}"
    );
    assert!(said.contains("use Export corpus in the Library"), "{said}");
    assert_eq!(text_of(&app.root, ".save-status"), "Not saved");
    // The sample is shown, can be annotated, and other releases added.
    assert!(paragraph_texts(&app.root).len() > 10);
    load_text(&app.root, RELEASE).await;
    tag(&app.root, "holds 2,400 tonnes of catch", "Evidence").await;
    assert_eq!(library_titles(&app.root).len(), 2);
    app.unmount();
    assert!(kept().await.is_empty(), "nothing was written");
}

#[wasm_bindgen_test]
async fn a_disabled_local_storage_costs_nothing_the_library_is_kept() {
    local_storage().clear().unwrap();
    delete_library().await;
    let disabled = Fault(disable_local_storage());
    let app = mount_as_saved().await;
    load_text(&app.root, RELEASE).await;
    tag(&app.root, "holds 2,400 tonnes of catch", "Evidence").await;
    wait_saved(&app.root).await;
    let said = notices(&app.root);
    drop(disabled);
    assert_eq!(said, "", "nothing to migrate, nothing to say");
    let stored = kept_with("Cold-Storage Terminal").await.unwrap();
    assert_eq!(stored.work.annotations.len(), 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_old_autosave_joins_the_library_and_only_then_goes() {
    leave_old_save(&old_save()).await;
    let app = mount_as_saved().await;
    wait_saved(&app.root).await;
    assert_eq!(notices(&app.root), "", "a clean migration says nothing");
    // The old save's release is open, with its work; not a second sample.
    assert!(paragraph_texts(&app.root)
        .iter()
        .any(|p| p.contains("Cold-Storage Terminal")));
    let listed = listed_annotations(&app.root);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().any(|a| a.contains("Old code")), "{listed:?}");
    assert_eq!(library_titles(&app.root).len(), 1);
    let stored = kept().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].work.annotations.len(), 2);
    wait_until("the old save to go", || old_save_raw().is_none()).await;
    app.unmount();

    let reloaded = mount_as_saved().await;
    assert_eq!(listed_annotations(&reloaded.root), listed);
    reloaded.unmount();
}

#[wasm_bindgen_test]
async fn a_damaged_old_save_gives_what_it_can_and_keeps_a_copy() {
    // Cut inside the second annotation, as a crash during a write might.
    let raw = old_save();
    let cut = &raw[..raw.find("\"old-2\"").unwrap() + 4];
    leave_old_save(cut).await;
    let app = mount_as_saved().await;
    let said = notices(&app.root);
    assert!(
        said.contains("Saved work was damaged; what could be read was restored. Lost:"),
        "{said}"
    );
    assert!(said.contains(BACKUP_KEY), "{said}");
    assert_eq!(
        backup_raw().as_deref(),
        Some(cut),
        "the damaged save is kept byte for byte"
    );
    assert!(paragraph_texts(&app.root)
        .iter()
        .any(|p| p.contains("2,400 tonnes")));
    let listed = listed_annotations(&app.root);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].contains("2,400 tonnes"), "{listed:?}");
    wait_until("the old save to go", || old_save_raw().is_none()).await;
    assert_eq!(kept().await[0].work.annotations.len(), 1);
    app.unmount();

    // A save that cannot be read at all: said so, kept, the sample shown;
    // once kept aside it is not read (nor said) again.
    let unreadable = "{\"format\": \"rapporteur-saved/1\", \"text\": 17, \"annot";
    leave_old_save(unreadable).await;
    let app = mount_as_saved().await;
    let said = notices(&app.root);
    assert!(said.contains("Saved work could not be restored"), "{said}");
    assert!(said.contains(BACKUP_KEY), "{said}");
    assert_eq!(backup_raw().as_deref(), Some(unreadable));
    assert!(paragraph_texts(&app.root).len() > 10, "the sample is shown");
    assert_eq!(old_save_raw(), None);
    app.unmount();
    let reloaded = mount_as_saved().await;
    assert_eq!(notices(&reloaded.root), "");
    assert_eq!(backup_raw().as_deref(), Some(unreadable));
    reloaded.unmount();
}

/// What autosave writes after an edit of the annotations alone: only the
/// annotations record, with the time of the write; the release reads back
/// whole, with that time, its summary and its text untouched (the summary
/// of every paragraph is what made each autosave of a long text slow). A release
/// storage lacks is written whole whatever the caller says.
#[wasm_bindgen_test]
async fn an_annotations_only_write_keeps_the_release_whole_and_dates_it() {
    let db = library_db::open().await.expect("IndexedDB opens");
    let document = rapporteur::parse(RELEASE);
    let summary = rapporteur::library::Summary::of(&document);
    let mut session = Session::new(AnnotationSet::default());
    let quote = "2,400 tonnes of catch";
    let start = offset_of(&document.text, quote);
    session
        .annotate(
            &document,
            NewAnnotation {
                id: "a-1".into(),
                tag: "evidence".into(),
                note: String::new(),
                start,
                end: start + quote.chars().count(),
                now: "2026-01-02T09:00:00.000Z".into(),
            },
        )
        .unwrap();
    let tagged = Work::of(session.set());
    let untagged = Work::default();
    let write = |id, modified, work, document_changed| ReleaseWrite {
        id,
        sha256: document.text_sha256(),
        added: "2026-01-01T08:00:00.000Z",
        modified,
        summary: &summary,
        document_changed,
        text: document_changed.then_some(document.text.as_str()),
        work,
        revision: 0,
    };
    let first = library_db::write_release(
        &db,
        write("write-test", "2026-01-01T08:00:00.000Z", &untagged, true),
    )
    .await
    .expect("the first write");
    let mut second = write("write-test", "2026-01-02T09:00:00.000Z", &tagged, false);
    second.revision = first.revision;
    // Were the document record written, this summary would replace the
    // stored one.
    let unwritten = rapporteur::library::Summary::of(&rapporteur::parse("Another text."));
    second.summary = &unwritten;
    assert!(first.document, "a first write writes the document record");
    let second = library_db::write_release(&db, second)
        .await
        .expect("the annotations-only write");
    assert!(
        !second.document,
        "other tabs are told only the annotations changed"
    );
    // What another tab reads back then: the annotations record alone.
    assert_eq!(
        library_db::work(&db, "write-test").await.unwrap(),
        Some((
            tagged.clone(),
            second.revision,
            "2026-01-02T09:00:00.000Z".to_owned()
        ))
    );
    assert_eq!(library_db::work(&db, "never-written").await.unwrap(), None);
    // Never stored before: written whole although the caller says only
    // the annotations changed.
    let new = library_db::write_release(
        &db,
        write("write-test-new", "2026-01-03T10:00:00.000Z", &tagged, false),
    )
    .await
    .expect("a first write of another release");
    assert!(new.document);

    let contents = library_db::load(&db).await.expect("the library reads");
    let stored = |id: &str| -> &StoredRelease {
        contents
            .releases
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} is kept"))
    };
    let edited = stored("write-test");
    assert_eq!(edited.modified, "2026-01-02T09:00:00.000Z");
    assert_eq!(edited.added, "2026-01-01T08:00:00.000Z");
    assert_eq!(edited.work, tagged);
    assert_eq!(
        edited.summary, summary,
        "the document record is not written again"
    );
    assert_eq!(
        library_db::text(&db, "write-test")
            .await
            .unwrap()
            .as_deref(),
        Some(document.text.as_str())
    );
    let (read_alone, _) = library_db::release(&db, "write-test")
        .await
        .unwrap()
        .expect("one release reads back");
    assert_eq!(read_alone.modified, "2026-01-02T09:00:00.000Z");
    let new = stored("write-test-new");
    assert_eq!(new.summary, summary);
    assert_eq!(new.modified, "2026-01-03T10:00:00.000Z");

    // A write based on an older revision (another tab wrote in between)
    // writes the document record too, as every write did before.
    let mut stale = write("write-test", "2026-01-04T11:00:00.000Z", &tagged, false);
    let other = rapporteur::library::Summary::of(&rapporteur::parse("A third text."));
    stale.summary = &other;
    let stale = library_db::write_release(&db, stale)
        .await
        .expect("a write on an older revision");
    assert!(stale.document);
    let (after_stale, _) = library_db::release(&db, "write-test")
        .await
        .unwrap()
        .expect("the release reads back");
    assert_eq!(after_stale.summary, other);
    assert_eq!(after_stale.modified, "2026-01-04T11:00:00.000Z");
    library_db::delete_releases(&db, &["write-test".into(), "write-test-new".into()])
        .await
        .unwrap();
    db.close();
}
