//! The parser with fact extraction on arbitrary text: no panic, and every
//! promise `Document::check` names kept (spans inside the text and their
//! paragraphs, indices in range, the JSON form round-tripping).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(broken) = parse(&text).check() {
        panic!("{broken}");
    }
});
