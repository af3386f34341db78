//! The browser's storage outside IndexedDB: the old single-document
//! autosave in localStorage (read once, to migrate it into the library,
//! then removed), and the storage manager (persistent storage, the estimate
//! of space used). Every failure is reported, never thrown.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Storage;

use super::dom::describe;
use crate::annotate::{restore_state, AnnotationSet, RestoreError};

pub const STATE_KEY: &str = "rapporteur.state";
/// Where a saved state that could not be fully read is kept, untouched.
pub const BACKUP_KEY: &str = "rapporteur.state.backup";

fn storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".to_owned()),
        Err(error) => Err(format!("local storage is disabled ({})", describe(error))),
    }
}

/// What was saved: the text and annotations, and a sentence for the user
/// when something could not be read (the raw save is then kept as a backup).
pub struct Loaded {
    pub saved: Option<(String, AnnotationSet)>,
    pub message: Option<String>,
}

pub fn load() -> Loaded {
    let storage = match storage() {
        Ok(storage) => storage,
        // Nothing to migrate can be read; the library says on its own how
        // it is kept.
        Err(_) => {
            return Loaded {
                saved: None,
                message: None,
            }
        }
    };
    let raw = match storage.get_item(STATE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                saved: None,
                message: None,
            }
        }
        Err(error) => {
            return Loaded {
                saved: None,
                message: Some(format!(
                    "Saved work could not be read: {}.",
                    describe(error)
                )),
            }
        }
    };
    match restore_state(&raw) {
        Ok(restored) if restored.is_complete() => Loaded {
            saved: Some((restored.text, restored.set)),
            message: None,
        },
        Ok(restored) => {
            let kept = keep_backup(&storage, &raw);
            Loaded {
                saved: Some((restored.text, restored.set)),
                message: Some(format!(
                    "Saved work was damaged; what could be read was restored. Lost: {}. {kept}",
                    restored.losses.join("; ")
                )),
            }
        }
        Err(RestoreError::Empty) => Loaded {
            saved: None,
            message: None,
        },
        Err(error) => {
            let kept = keep_backup(&storage, &raw);
            // Nothing of it can join the library; once it is kept aside,
            // it is not read (nor reported) again at every start.
            if storage.get_item(BACKUP_KEY).ok().flatten().as_deref() == Some(raw.as_str()) {
                let _ = storage.remove_item(STATE_KEY);
            }
            Loaded {
                saved: None,
                message: Some(format!(
                    "Saved work could not be restored ({error}). {kept}"
                )),
            }
        }
    }
}

/// Keeps the raw save under the backup key; says where, or why not.
fn keep_backup(storage: &Storage, raw: &str) -> String {
    match storage.set_item(BACKUP_KEY, raw) {
        Ok(()) => {
            format!("A copy of the saved data was kept in local storage under \"{BACKUP_KEY}\".")
        }
        Err(error) => format!("A backup copy could not be kept: {}.", describe(error)),
    }
}

/// Removes the old autosave, once the library holds its work.
pub fn remove() {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(STATE_KEY);
    }
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Absent in some browsers and contexts: read it as a plain property.
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    manager.dyn_into().ok()
}

/// Asks the browser to keep the library under storage pressure; whether
/// it agreed.
pub async fn persist() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes used and the quota, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let read = |key: &str| js_sys::Reflect::get(&estimate, &key.into()).ok()?.as_f64();
    Some((read("usage")?, read("quota")?))
}
