//! A measurement, not part of `make test`: how the parse worker should hand
//! a parsed document to the page, as the JSON parts `transfer::split`
//! makes, in one buffer that `postMessage` transfers (what the app does),
//! as one JavaScript string per part (what it did before), or as structured
//! values through `serde-wasm-bindgen`. Only the page's side matters (the
//! worker's is off the page's thread): what `postMessage` does to the
//! message, then turning what arrived back into a `Document`. Each path's
//! document is checked against the parse, so a path that loses anything
//! fails.
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

/// What `postMessage` does to a typed array whose buffer it is asked to
/// transfer: the buffer moves, nothing is copied.
fn transferred(bytes: &js_sys::Uint8Array) -> JsValue {
    let clone: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into())
            .unwrap()
            .unchecked_into();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &"transfer".into(),
        &js_sys::Array::of1(&bytes.buffer()),
    )
    .unwrap();
    clone.call2(&JsValue::NULL, bytes, &options).unwrap()
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
fn json_bytes_against_strings_and_structured_values() {
    // About 1 MB of UN meeting coverage.
    let text = rapporteur::sample::UN_MEETING.repeat(190);
    let document = rapporteur::parse(&text);
    let (mut json, mut strings, mut structured) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..7 {
        // JSON parts as UTF-8 bytes, handed over as the app does.
        let packed = split(document.clone());
        let bytes = js_sys::Uint8Array::from(packed.bytes.as_slice());
        let start = now();
        let arrived: js_sys::Uint8Array = transferred(&bytes).unchecked_into();
        let mut assembler = Assembler::new(&text);
        let mut from = 0;
        for &end in &packed.ends {
            assembler
                .feed(&arrived.subarray(from as u32, end as u32).to_vec())
                .unwrap();
            from = end;
        }
        let rebuilt = assembler.finish().unwrap();
        json.push(now() - start);
        assert!(
            same_parse(&rebuilt, &document),
            "the JSON path keeps everything"
        );

        // The same parts as one JavaScript string each, cloned (what the
        // app sent before the bytes).
        let parts: js_sys::Array = packed
            .parts()
            .map(|part| JsValue::from_str(std::str::from_utf8(part).unwrap()))
            .collect();
        let start = now();
        let arrived: js_sys::Array = structured_clone(&parts).unchecked_into();
        let mut assembler = Assembler::new(&text);
        for part in arrived.iter() {
            assembler
                .feed(part.as_string().unwrap().as_bytes())
                .unwrap();
        }
        let rebuilt = assembler.finish().unwrap();
        strings.push(now() - start);
        assert!(
            same_parse(&rebuilt, &document),
            "the strings path keeps everything"
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
             JSON parts as bytes {:.1} ms; as strings {:.1} ms; structured values {:.1} ms",
            text.len(),
            document.paragraphs.len(),
            document.facts.len(),
            median(json),
            median(strings),
            median(structured)
        )
        .into(),
    );
}
