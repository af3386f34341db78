//! A benchmark hook, exported from the wasm module: `parse_stats(text)`
//! parses `text` exactly as the app does (parser and facts) and returns
//! only counts, as a small JSON string, so that a benchmark page can time
//! the parse itself without marshalling a large document into JavaScript.
//! `tests/e2e/bench/compare.bench.mjs` times it against the npm library
//! `compromise`; the app never calls it, so it is built only with the
//! `bench` feature (`make bench`, `make bench-compare`).

use wasm_bindgen::prelude::*;

use crate::facts::FactKind;

#[wasm_bindgen]
pub fn parse_stats(text: &str) -> String {
    let document = crate::parse(text);
    let count = |kinds: &[FactKind]| {
        document
            .facts
            .iter()
            .filter(|f| kinds.contains(&f.kind))
            .count()
    };
    format!(
        r#"{{"paragraphs":{},"speakers":{},"facts":{},"entities":{},"organizations":{},"countries":{},"numbers":{},"dates":{},"quotes":{}}}"#,
        document.paragraphs.len(),
        document.speakers.len(),
        document.facts.len(),
        document.entities.len(),
        count(&[FactKind::Organization]),
        count(&[FactKind::Country]),
        count(&[FactKind::Quantity, FactKind::Money, FactKind::Percent]),
        count(&[FactKind::Date, FactKind::Time]),
        count(&[FactKind::Quote]),
    )
}
