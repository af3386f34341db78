#![cfg(not(target_arch = "wasm32"))]
//! Quantities, money and percentages as a reader means them, on a release
//! written for these tests (`tests/fixtures/facts/quantities.txt`):
//! qualifiers read whole (`no fewer than nine` is at least nine), ranges
//! with both ends, changes as two values, years inside names that are not
//! quantities, and the year of an instrument (`of 1884`) as a date.

use std::path::Path;

use rapporteur::facts::{extract, FactKind, FactValue};
use rapporteur::Document;
use serde_json::{json, Value};

fn release() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facts/quantities.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = rapporteur::parse(&text);
    // The parser runs the facts pass itself; extracting again must agree.
    let (facts, entities) = extract(&doc);
    assert_eq!(facts, doc.facts);
    assert_eq!(entities, doc.entities);
    doc
}

/// The index of the paragraph that starts with `prefix`.
fn paragraph(doc: &Document, prefix: &str) -> usize {
    doc.paragraphs
        .iter()
        .position(|p| {
            let text: String = doc
                .text
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect();
            text.starts_with(prefix)
        })
        .unwrap_or_else(|| panic!("no paragraph starts with {prefix:?}"))
}

/// (text, value) of every fact of the kinds this test is about.
fn facts(doc: &Document, kinds: &[FactKind]) -> Vec<(String, Value)> {
    doc.facts
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .map(|f| (f.text.clone(), serde_json::to_value(&f.value).unwrap()))
        .collect()
}

fn q(
    text: &str,
    number: Value,
    upper: Value,
    unit: Value,
    counts: Value,
    qualifier: Value,
) -> (String, Value) {
    (
        text.to_owned(),
        json!({"number": number, "upper": upper, "unit": unit, "counts": counts, "qualifier": qualifier}),
    )
}

fn money(text: &str, amount: Value, upper: Value, currency: &str) -> (String, Value) {
    (
        text.to_owned(),
        json!({"amount": amount, "upper": upper, "currency": currency, "qualifier": null}),
    )
}

fn percent(text: &str, p: Value, upper: Value, qualifier: Value) -> (String, Value) {
    (
        text.to_owned(),
        json!({"percent": p, "upper": upper, "qualifier": qualifier}),
    )
}

#[test]
fn qualifiers_are_read_whole() {
    let doc = release();
    let found = facts(&doc, &[FactKind::Quantity, FactKind::Percent]);
    let expected = [
        // `no fewer than nine` is at least nine, never `fewer than`.
        q(
            "nine",
            json!(9),
            json!(null),
            json!(null),
            json!("stations"),
            json!("no fewer than"),
        ),
        q(
            "40",
            json!(40),
            json!(null),
            json!(null),
            json!("households"),
            json!("no more than"),
        ),
        q(
            "12 tonnes",
            json!(12),
            json!(null),
            json!("t"),
            json!("sandbags"),
            json!("not less than"),
        ),
        q(
            "300",
            json!(300),
            json!(null),
            json!(null),
            json!("families"),
            json!("at least"),
        ),
        q(
            "5,000",
            json!(5000),
            json!(null),
            json!(null),
            json!("residents"),
            json!("up to"),
        ),
        q(
            "20",
            json!(20),
            json!(null),
            json!(null),
            json!("villages"),
            json!("some"),
        ),
        q(
            "4 million litres",
            json!(4000000),
            json!(null),
            json!("L"),
            json!("water"),
            json!("nearly"),
        ),
        q(
            "1,200",
            json!(1200),
            json!(null),
            json!(null),
            json!("homes"),
            json!("just over"),
        ),
        q(
            "600",
            json!(600),
            json!(null),
            json!(null),
            json!("volunteers"),
            json!("well over"),
        ),
        q(
            "80",
            json!(80),
            json!(null),
            json!(null),
            json!("trucks"),
            json!("more than"),
        ),
        percent(
            "15 per cent",
            json!(15),
            json!(null),
            json!("a little under"),
        ),
        q(
            "2.5 million hectares",
            json!(2500000),
            json!(null),
            json!("ha"),
            json!("farmland"),
            json!("roughly"),
        ),
        q(
            "70,000",
            json!(70000),
            json!(null),
            json!(null),
            json!("residents"),
            json!("an estimated"),
        ),
    ];
    assert_eq!(found[..expected.len()], expected);
}

#[test]
fn ranges_keep_both_ends() {
    let doc = release();
    let found = facts(
        &doc,
        &[FactKind::Quantity, FactKind::Money, FactKind::Percent],
    );
    let ranges: Vec<_> = found
        .iter()
        .filter(|(_, v)| !v["upper"].is_null())
        .cloned()
        .collect();
    assert_eq!(
        ranges,
        [
            percent("0.15 to 0.2 per cent", json!(0.15), json!(0.2), json!(null)),
            // The lower end borrows the upper's multiplier.
            q(
                "between 3 and 5 million",
                json!(3000000),
                json!(5000000),
                json!(null),
                json!("people"),
                json!(null)
            ),
            q(
                "10–15 tons",
                json!(10),
                json!(15),
                json!("ton"),
                json!("debris"),
                json!(null)
            ),
            money(
                "$2 million to $3 million",
                json!(2000000),
                json!(3000000),
                "USD"
            ),
            percent("20 to 30 per cent", json!(20), json!(30), json!(null)),
            q(
                "2-3 days",
                json!(2),
                json!(3),
                json!("day"),
                json!(null),
                json!(null)
            ),
            money(
                "between €4 and €6 billion",
                json!(4000000000u64),
                json!(6000000000u64),
                "EUR"
            ),
            q(
                "two to three decades",
                json!(2),
                json!(3),
                json!("decade"),
                json!(null),
                json!(null)
            ),
        ]
    );
    // No lower end is left behind as a fact of its own.
    let estuary = paragraph(&doc, "Along the estuary");
    for lower in ["0.15", "3", "10", "$2 million", "20", "2", "€4", "two"] {
        assert!(
            !doc.facts
                .iter()
                .any(|f| f.text == lower && f.paragraph == estuary),
            "{lower}"
        );
    }
}

#[test]
fn a_change_is_two_values_not_a_range() {
    let doc = release();
    let found = facts(&doc, &[FactKind::Money, FactKind::Percent]);
    let at = |text: &str| found.iter().filter(|(t, _)| t == text).count();
    // `fell from 30 to 20 per cent`: 30 per cent, then 20 per cent.
    assert!(found.contains(&percent("30", json!(30), json!(null), json!(null))));
    assert!(found.contains(&percent("20 per cent", json!(20), json!(null), json!(null))));
    // `rose from $2 million to $3 million`: each amount alone.
    assert_eq!(at("$2 million"), 1);
    assert_eq!(at("$3 million"), 1);
}

#[test]
fn tallies_scores_phone_numbers_pages_and_years_are_not_ranges() {
    let doc = release();
    let council = paragraph(&doc, "The district council");
    let found: Vec<(FactKind, String, Value)> = doc
        .facts
        .iter()
        .filter(|f| f.paragraph == council)
        .map(|f| {
            (
                f.kind,
                f.text.clone(),
                serde_json::to_value(&f.value).unwrap(),
            )
        })
        .collect();
    let texts: Vec<(FactKind, &str)> = found.iter().map(|(k, t, _)| (*k, t.as_str())).collect();
    assert_eq!(
        texts,
        [
            (FactKind::Quantity, "12"),
            (FactKind::Quantity, "2"),
            (FactKind::Date, "2019"),
            (FactKind::Date, "2020"),
        ]
    );
    assert_eq!(found[0].2["counts"], "votes");
    assert!(found
        .iter()
        .all(|(_, _, v)| v.get("upper").is_none_or(Value::is_null)));
}

#[test]
fn years_inside_names_are_not_quantities() {
    let doc = release();
    let names = paragraph(&doc, "Agenda 2030");
    let numbers: Vec<(FactKind, &str)> = doc
        .facts
        .iter()
        .filter(|f| f.paragraph == names)
        .filter(|f| matches!(f.kind, FactKind::Quantity | FactKind::Date))
        .map(|f| (f.kind, f.text.as_str()))
        .collect();
    // `Agenda 2030 covers`, `Strategy 2040`, `Horizon 2020 programme`, `the
    // 2030 Agenda`, `COP28`, `COP 29 sessions`: names, neither counts nor
    // dates.
    assert_eq!(numbers, []);
}

#[test]
fn the_year_of_a_named_instrument_is_a_date() {
    let doc = release();
    let dates: Vec<(String, Value)> = facts(&doc, &[FactKind::Date])
        .into_iter()
        .filter(|(t, _)| ["1884", "1648", "1964"].contains(&t.as_str()))
        .collect();
    let year = |y: i32| json!({"date": y.to_string(), "year": y, "month": null, "day": null, "year_inferred": false});
    assert_eq!(
        dates,
        [
            ("1884".to_owned(), year(1884)),
            ("1648".to_owned(), year(1648)),
            ("1964".to_owned(), year(1964)),
        ]
    );
    assert!(!doc.facts.iter().any(
        |f| f.kind == FactKind::Quantity && ["1884", "1648", "1964"].contains(&f.text.as_str())
    ));
}

#[test]
fn entities_name_the_range_and_the_qualifier() {
    let doc = release();
    let names: Vec<(FactKind, &str)> = doc
        .entities
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                FactKind::Quantity | FactKind::Money | FactKind::Percent
            )
        })
        .map(|e| (e.kind, e.name.as_str()))
        .collect();
    for expected in [
        (FactKind::Quantity, "no fewer than 9 stations"),
        (FactKind::Percent, "a little under 15%"),
        (FactKind::Percent, "0.15–0.2%"),
        (FactKind::Quantity, "3000000–5000000 people"),
        (FactKind::Quantity, "10–15 ton of debris"),
        (FactKind::Money, "2000000–3000000 USD"),
        (FactKind::Money, "2000000 USD"),
        (FactKind::Quantity, "2–3 decade"),
    ] {
        assert!(names.contains(&expected), "{expected:?} not in {names:?}");
    }
}

#[test]
fn values_without_the_upper_end_still_import() {
    let doc = release();
    let mut json: Value = serde_json::to_value(&doc).unwrap();
    // JSON written before ranges had no `upper`: drop it everywhere.
    for fact in json["facts"].as_array_mut().unwrap() {
        if let Some(value) = fact["value"].as_object_mut() {
            value.remove("upper");
        }
    }
    let back: Document = serde_json::from_value(json).unwrap();
    // A range read back without its upper end is its lower end; every
    // other fact is as it was.
    let mut expected = doc.facts.clone();
    for fact in &mut expected {
        match &mut fact.value {
            FactValue::Quantity(q) => q.upper = None,
            FactValue::Money(m) => m.upper = None,
            FactValue::Percent(p) => p.upper = None,
            _ => {}
        }
    }
    assert_eq!(back.facts, expected);
    assert_ne!(back.facts, doc.facts);
}
