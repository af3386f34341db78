//! Restoring autosaved state from arbitrary (damaged) strings: recovers
//! what it can or says why not; never panics; what it recovers saves and
//! restores again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::annotate::{restore_state, save_state};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    if let Ok(restored) = restore_state(&raw) {
        let saved = save_state(&restored.text, &restored.set, "2025-01-01T00:00:00.000Z");
        let again = restore_state(&saved).expect("a fresh save restores");
        assert_eq!(again.text, restored.text);
        assert_eq!(again.set, restored.set);
        assert!(again.losses.is_empty());
    }
});
