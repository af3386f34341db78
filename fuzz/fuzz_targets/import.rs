//! The annotation importer on arbitrary bytes: it accepts or refuses with a
//! message, never panics, and whatever it accepts places cleanly into a
//! document (offsets in range, orphans kept).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::annotate::import_annotations;
use rapporteur::parse;

fuzz_target!(|data: &[u8]| {
    match import_annotations(data, 1 << 20) {
        Ok(file) => {
            let document = parse(&file.text);
            let placement = file.place(&document);
            let chars = document.text.chars().count();
            for annotation in placement.set.annotations() {
                assert!(annotation.start < annotation.end && annotation.end <= chars);
            }
            assert_eq!(
                placement.set.annotations().len() + placement.set.orphans().len(),
                file.annotations.len() + file.orphans.len()
            );
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
