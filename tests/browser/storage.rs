//! `app::storage`, as a reader meets it: work saved as it is made comes
//! back after a reload; a full, disabled or damaged store is explained and
//! loses nothing that can be kept.
//!
//! The first block below is the only part that knows the store is
//! localStorage: moving autosave elsewhere means rewriting those helpers,
//! not the tests.

use rapporteur::app::storage::{BACKUP_KEY, STATE_KEY};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

use crate::support::*;

// ------------------------------------------------------------ the store

/// What the store holds for the app, as stored.
fn saved_raw() -> Option<String> {
    local_storage().get_item(STATE_KEY).unwrap()
}

fn backup_raw() -> Option<String> {
    local_storage().get_item(BACKUP_KEY).unwrap()
}

/// Replaces what the store holds for the app.
fn put_raw(raw: &str) {
    local_storage().set_item(STATE_KEY, raw).unwrap();
}

/// Fills the store until it takes nothing more, not even a few bytes;
/// returns the keys used, for `free`.
fn fill() -> Vec<String> {
    let storage = local_storage();
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 1 {
        let key = format!("filler-{}", keys.len());
        if storage.set_item(&key, &"x".repeat(chunk)).is_ok() {
            keys.push(key);
        } else {
            chunk /= 4;
        }
    }
    keys
}

fn free(keys: &[String]) {
    for key in keys {
        local_storage().remove_item(key).unwrap();
    }
}

#[wasm_bindgen(inline_js = "
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
    /// Makes `window.localStorage` throw, as a browser with site data
    /// blocked does; returns the function that undoes it.
    fn disable_local_storage() -> js_sys::Function;
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
    wait_until("autosave", || save_state(root) == "saved").await;
}

#[wasm_bindgen_test]
async fn work_saved_as_it_is_made_comes_back_after_a_reload() {
    let app = mount().await;
    load_text(&app.root, RELEASE).await;
    tag(&app.root, "holds 2,400 tonnes of catch", "Evidence").await;
    tag(&app.root, "can now wait for a fair one", "Claim").await;
    wait_saved(&app.root).await;
    assert!(saved_raw().is_some_and(|raw| raw.contains("Cold-Storage Terminal")));
    let paragraphs = paragraph_texts(&app.root);
    let listed = listed_annotations(&app.root);
    app.unmount();

    let reloaded = mount_as_saved().await;
    assert_eq!(paragraph_texts(&reloaded.root), paragraphs);
    assert_eq!(listed_annotations(&reloaded.root), listed);
    assert_eq!(listed.len(), 2);
    assert!(
        listed[0].contains("Evidence") && listed[0].contains("2,400 tonnes"),
        "{listed:?}"
    );
    assert_eq!(notices(&reloaded.root), "", "a clean restore says nothing");
    assert_eq!(save_state(&reloaded.root), "saved");
    reloaded.unmount();
}

#[wasm_bindgen_test]
async fn a_full_store_is_explained_and_the_work_saved_when_there_is_room() {
    let app = mount().await;
    load_text(&app.root, RELEASE).await;
    wait_saved(&app.root).await;
    let filler = fill();
    tag(&app.root, "cost €31 million", "Evidence").await;
    wait_until("the autosave failure", || save_state(&app.root) == "failed").await;
    let said = notices(&app.root);
    assert!(
        said.contains("Autosave failed: local storage is full."),
        "{said}"
    );
    assert!(
        said.contains("Nothing is lost while this tab stays open"),
        "{said}"
    );
    assert_eq!(text_of(&app.root, ".save-status"), "Not saved");
    assert_eq!(
        listed_annotations(&app.root).len(),
        1,
        "the annotation stays"
    );

    free(&filler);
    tag(&app.root, "a fair one", "Claim").await;
    wait_saved(&app.root).await;
    assert!(!notices(&app.root).contains("Autosave failed"));
    let saved: serde_json::Value = serde_json::from_str(&saved_raw().unwrap()).unwrap();
    assert_eq!(saved["annotations"].as_array().map(Vec::len), Some(2));
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
async fn a_disabled_store_is_explained_and_the_app_still_works() {
    local_storage().clear().unwrap();
    let restore = disable_local_storage();
    let app = mount_as_saved().await;
    let said = notices(&app.root);
    restore.call0(&JsValue::NULL).unwrap();
    assert!(
        said.contains("Autosave is off: local storage is disabled (SecurityError"),
        "{said}"
    );
    assert!(said.contains("use Export JSON to keep it"), "{said}");
    // The sample is shown and can be annotated.
    assert!(paragraph_texts(&app.root).len() > 10);
    assert!(saved_raw().is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_damaged_save_restores_what_it_can_and_keeps_a_copy() {
    let app = mount().await;
    load_text(&app.root, RELEASE).await;
    tag(&app.root, "holds 2,400 tonnes of catch", "Evidence").await;
    tag(&app.root, "can now wait for a fair one", "Claim").await;
    wait_saved(&app.root).await;
    app.unmount();
    // Cut inside the second annotation, as a crash during a write might.
    let raw = saved_raw().unwrap();
    let saved: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let second = saved["annotations"][1]["id"]
        .as_str()
        .expect("two annotations saved");
    let cut = &raw[..raw.find(&format!("\"{second}\"")).unwrap() + 4];
    put_raw(cut);

    let reloaded = mount_as_saved().await;
    let said = notices(&reloaded.root);
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
    assert!(paragraph_texts(&reloaded.root)
        .iter()
        .any(|p| p.contains("2,400 tonnes")));
    let listed = listed_annotations(&reloaded.root);
    assert!(
        listed.iter().any(|a| a.contains("2,400 tonnes")),
        "{listed:?}"
    );
    reloaded.unmount();

    // A save that cannot be read at all: said so, kept, and the sample shown.
    put_raw("{\"format\": \"rapporteur-saved/1\", \"text\": 17, \"annot");
    let reloaded = mount_as_saved().await;
    let said = notices(&reloaded.root);
    assert!(said.contains("Saved work could not be restored"), "{said}");
    assert_eq!(
        backup_raw().as_deref(),
        Some("{\"format\": \"rapporteur-saved/1\", \"text\": 17, \"annot")
    );
    assert!(
        paragraph_texts(&reloaded.root).len() > 10,
        "the sample is shown"
    );
    reloaded.unmount();
}
