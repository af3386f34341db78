//! Replays every fuzz seed and every input a fuzzer ever crashed on
//! (`tests/fixtures/fuzz/<target>/`), natively, through the same checks as
//! the fuzz targets, so that a fixed crash stays fixed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use rapporteur::annotate::{import_annotations, restore_state, save_state};
use rapporteur::parse;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in [
        root.join("fuzz/seeds").join(target),
        root.join("tests/fixtures/fuzz").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let bytes = std::fs::read(&path).unwrap();
            found.push((path, bytes));
        }
    }
    assert!(!found.is_empty(), "no inputs for {target}");
    found
}

#[test]
fn parse_inputs_keep_every_promise() {
    for (path, bytes) in inputs("parse") {
        let document = parse(&String::from_utf8_lossy(&bytes));
        if let Err(broken) = document.check() {
            panic!("{}: {broken}", path.display());
        }
    }
}

#[test]
fn import_inputs_place_cleanly() {
    for (path, bytes) in inputs("import") {
        match import_annotations(&bytes, 1 << 20) {
            Ok(file) => {
                let document = parse(&file.text);
                let placement = file.place(&document);
                let chars = document.text.chars().count();
                for a in placement.set.annotations() {
                    assert!(a.start < a.end && a.end <= chars, "{}", path.display());
                }
                assert_eq!(
                    placement.set.annotations().len() + placement.set.orphans().len(),
                    file.annotations.len() + file.orphans.len(),
                    "{}",
                    path.display()
                );
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
}

#[test]
fn restore_inputs_round_trip() {
    for (path, bytes) in inputs("restore") {
        if let Ok(restored) = restore_state(&String::from_utf8_lossy(&bytes)) {
            let saved = save_state(&restored.text, &restored.set, "2025-01-01T00:00:00.000Z");
            let again = restore_state(&saved).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                (again.text, again.set),
                (restored.text, restored.set),
                "{}",
                path.display()
            );
        }
    }
}
