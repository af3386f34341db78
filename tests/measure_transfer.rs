//! A measurement, not part of `make test`: how the parse worker should hand
//! a parsed document to the page, as the JSON strings `transfer::split`
//! makes (what the app does) or as structured values through
//! `serde-wasm-bindgen`. Only the page's side matters (the worker's is off
//! the page's thread): the structured clone that `postMessage` makes, then
//! turning what arrived back into a `Document`. Each path's document is
//! checked against the parse, so a path that loses anything fails.
//!
//!   make bench-transfer
//!   (cargo test --profile wasm-release --target wasm32-unknown-unknown --test measure_transfer -- --nocapture)
//!
//! Figures and what was decided: BENCHMARKS.md, "The library".
#![cfg(target_arch = "wasm32")]

use rapporteur::document::Document;
use rapporteur::transfer::{split, Assembler};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let now: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())
        .unwrap()
        .unchecked_into();
    now.call0(&performance).unwrap().as_f64().unwrap()
}

/// What `postMessage` does to a value: a structured clone (the page pays
/// for reading it back).
fn structured_clone(value: &JsValue) -> JsValue {
    let clone: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into())
            .unwrap()
            .unchecked_into();
    clone.call1(&JsValue::NULL, value).unwrap()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn same_parse(a: &Document, b: &Document) -> bool {
    a.paragraphs == b.paragraphs
        && a.speakers == b.speakers
        && a.facts == b.facts
        && a.entities == b.entities
}

#[wasm_bindgen_test]
fn json_strings_against_structured_values() {
    // About 1 MB of UN meeting coverage.
    let text = rapporteur::sample::UN_MEETING.repeat(190);
    let document = rapporteur::parse(&text);
    let (mut json, mut structured) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        // JSON strings, as the app sends them.
        let parts: js_sys::Array = split(document.clone())
            .iter()
            .map(|part| JsValue::from_str(part))
            .collect();
        let start = now();
        let arrived: js_sys::Array = structured_clone(&parts).unchecked_into();
        let mut assembler = Assembler::new(&text);
        for part in arrived.iter() {
            assembler.feed(&part.as_string().unwrap()).unwrap();
        }
        let rebuilt = assembler.finish().unwrap();
        json.push(now() - start);
        assert!(
            same_parse(&rebuilt, &document),
            "the JSON path keeps everything"
        );

        // The same document as one structured value (without its text,
        // which the page has).
        let mut bare = document.clone();
        bare.text = String::new();
        let value = serde_wasm_bindgen::to_value(&bare).unwrap();
        let start = now();
        let arrived = structured_clone(&value);
        let rebuilt: Document = serde_wasm_bindgen::from_value(arrived).unwrap();
        structured.push(now() - start);
        assert!(
            same_parse(&rebuilt, &document),
            "the structured path keeps everything"
        );
    }
    web_sys::console::log_1(
        &format!(
            "transfer of a parsed {} byte release ({} paragraphs, {} facts), on the page, median of 7: \
             JSON strings {:.1} ms; structured values {:.1} ms",
            text.len(),
            document.paragraphs.len(),
            document.facts.len(),
            median(json),
            median(structured)
        )
        .into(),
    );
}
