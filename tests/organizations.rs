#![cfg(not(target_arch = "wasm32"))]
//! Organisations found by their form and by what a release says of them,
//! on releases written for these tests: a biotech company's release naming
//! partner companies, products, a regulation and a conformity mark; a
//! county prosecutor's release with departments, bureaus and a code-named
//! operation; a UN release naming UN-system bodies the built-in list does
//! not hold and a treaty whose name holds `United Nations`; a state
//! attorney general's release whose agencies join words with `and`
//! (`Department of Health and Human Services`) and name offices by a
//! title (`Office of the Attorney General`).
//!
//! Each fixture `NAME.txt` has `NAME.orgs.json`: `found` lists every
//! organisation the release names (text as printed, with `name` and
//! `expansion` where they matter), `mentions` how many facts some entities
//! gather, `forbidden` texts that must not be organisations, and
//! `not_inside` longer names of another kind that no organisation may
//! fall inside.

use std::collections::BTreeSet;
use std::path::Path;

use rapporteur::facts::{extract, FactKind};
use rapporteur::Document;
use serde_json::Value;

fn fixture(name: &str) -> (Document, Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orgs");
    let read = |file: String| {
        let path = dir.join(&file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut doc = rapporteur::parse(&read(format!("{name}.txt")));
    let (facts, entities) = extract(&doc);
    doc.facts = facts;
    doc.entities = entities;
    let expected = serde_json::from_str(&read(format!("{name}.orgs.json"))).unwrap();
    (doc, expected)
}

fn organisations(doc: &Document) -> Vec<&rapporteur::facts::Fact> {
    doc.facts
        .iter()
        .filter(|f| f.kind == FactKind::Organization)
        .collect()
}

/// Every expected organisation is found, with its name and expansion
/// where given, and nothing else is.
fn assert_found_exactly(name: &str) {
    let (doc, expected) = fixture(name);
    let orgs = organisations(&doc);
    let found: BTreeSet<&str> = orgs.iter().map(|f| f.text.as_str()).collect();
    let wanted: BTreeSet<&str> = expected["found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(found, wanted, "{name}: organisations found");
    for entry in expected["found"].as_array().unwrap() {
        let text = entry["text"].as_str().unwrap();
        for field in ["name", "expansion"] {
            if let Some(want) = entry.get(field) {
                assert!(
                    orgs.iter().any(|f| f.text == text
                        && serde_json::to_value(&f.value).unwrap()[field] == *want),
                    "{name}: {text} has {field} {want}"
                );
            }
        }
    }
}

/// The entities named in `mentions` gather that many facts.
fn assert_mentions(name: &str) {
    let (doc, expected) = fixture(name);
    for (entity, count) in expected["mentions"].as_object().unwrap() {
        let e = doc
            .entities
            .iter()
            .find(|e| e.kind == FactKind::Organization && e.name == *entity)
            .unwrap_or_else(|| panic!("{name}: no entity {entity}"));
        assert_eq!(
            e.facts.len() as u64,
            count.as_u64().unwrap(),
            "{name}: {entity}"
        );
    }
}

/// No forbidden text is an organisation, and no organisation lies inside
/// a longer name of another kind.
fn assert_not_found(name: &str) {
    let (doc, expected) = fixture(name);
    let orgs = organisations(&doc);
    for forbidden in expected["forbidden"].as_array().unwrap() {
        let forbidden = forbidden.as_str().unwrap();
        assert!(
            !orgs.iter().any(|f| f.text == forbidden),
            "{name}: {forbidden} taken as an organisation"
        );
    }
    let chars: Vec<char> = doc.text.chars().collect();
    for longer in expected
        .get("not_inside")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let longer: Vec<char> = longer.as_str().unwrap().chars().collect();
        let starts: Vec<usize> = (0..chars.len().saturating_sub(longer.len()))
            .filter(|&k| chars[k..k + longer.len()] == longer[..])
            .collect();
        assert!(!starts.is_empty(), "{name}: fixture lacks the longer name");
        for start in starts {
            let end = start + longer.len();
            assert!(
                !orgs.iter().any(|f| f.start < end && start < f.end),
                "{name}: an organisation inside {}",
                longer.iter().collect::<String>()
            );
        }
    }
}

#[test]
fn a_biotech_release_names_its_partner_companies_not_its_products() {
    assert_found_exactly("biotech_partners");
    assert_mentions("biotech_partners");
    assert_not_found("biotech_partners");
}

#[test]
fn a_county_release_names_its_departments_and_bureaus_not_its_operation() {
    assert_found_exactly("county_task_force");
    assert_mentions("county_task_force");
    assert_not_found("county_task_force");
}

#[test]
fn a_un_release_names_bodies_missing_from_the_list_and_not_the_treaty() {
    assert_found_exactly("un_seabed");
    assert_mentions("un_seabed");
    assert_not_found("un_seabed");
}

#[test]
fn a_state_release_keeps_whole_agency_names_with_and_and_offices() {
    assert_found_exactly("state_agencies");
    assert_mentions("state_agencies");
    assert_not_found("state_agencies");
}

#[test]
fn learnt_organisations_keep_the_value_shape() {
    let (doc, _) = fixture("county_task_force");
    let bureau = organisations(&doc)
        .into_iter()
        .find(|f| f.text == "Consumer Fraud Bureau")
        .unwrap();
    assert_eq!(
        serde_json::to_value(&bureau.value).unwrap(),
        serde_json::json!({"name": "Consumer Fraud Bureau", "expansion": null})
    );
}
