//! Autosave in localStorage. Every failure is reported, never thrown: with
//! storage full or disabled the work stays in memory and the user is told.

use web_sys::Storage;

use super::dom::describe;
use crate::annotate::{restore_state, save_state, AnnotationSet, RestoreError};

pub const STATE_KEY: &str = "rapporteur.state";
/// Browsers give a site about 5 MB of local storage (counted in UTF-16):
/// longer texts are not even tried.
pub const AUTOSAVE_MAX_BYTES: usize = 4_500_000;

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
        Err(problem) => {
            return Loaded {
                saved: None,
                message: Some(format!("Autosave is off: {problem}. Your work will not survive a reload; use Export JSON to keep it.")),
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

/// Saves the text and annotations; the error says why it failed.
pub fn save(text: &str, set: &AnnotationSet, now: &str) -> Result<(), String> {
    let storage = storage()?;
    storage
        .set_item(STATE_KEY, &save_state(text, set, now))
        .map_err(|error| {
            let reason = describe(error);
            if reason.contains("Quota") {
                "local storage is full".to_owned()
            } else {
                reason
            }
        })
}
