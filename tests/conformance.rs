//! Conformance on a real UN release: `../shared/corpus/sc-14794.txt` against
//! its hand-checked gold file. `../shared/corpus` is beside the project on
//! developers' and CI machines, never copied into it; without it these tests
//! fail under `CI=true` and are skipped loudly elsewhere.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rapporteur::document::DocumentKind;
use rapporteur::parse;
use serde_json::Value;

fn load() -> Option<(rapporteur::Document, Value)> {
    let dir = support::shared_corpus("conformance")?;
    let text = std::fs::read_to_string(dir.join("sc-14794.txt")).expect("corpus text");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("sc-14794.gold.json")).expect("gold file"),
    )
    .expect("gold JSON");
    Some((parse(&text), gold))
}

/// Name, affiliation, role and section of a speaker.
type Row = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn str_or_null(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

#[test]
fn meeting_symbol_body_and_times() {
    let Some((doc, gold)) = load() else { return };
    assert_eq!(doc.kind, DocumentKind::UnMeeting);
    assert_eq!(gold["kind"], "un-meeting");
    assert_eq!(
        doc.meeting.as_ref().map(|m| m.title.as_str()),
        gold["meeting"].as_str()
    );
    assert_eq!(doc.symbol.as_deref(), gold["symbol"].as_str());
    assert_eq!(doc.body.as_deref(), gold["body"].as_str());
    assert_eq!(doc.began.as_deref(), gold["began"].as_str());
    assert_eq!(doc.ended.as_deref(), gold["ended"].as_str());
}

#[test]
fn speakers_in_order_with_affiliation_role_and_section() {
    let Some((doc, gold)) = load() else { return };
    let want: Vec<Row> = gold["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .map(|s| {
            (
                str_or_null(&s["name"]),
                str_or_null(&s["affiliation"]),
                str_or_null(&s["role"]),
                str_or_null(&s["section"]),
            )
        })
        .collect();
    let got: Vec<Row> = doc
        .speakers
        .iter()
        .map(|s| {
            (
                Some(s.name.clone()),
                s.affiliation.clone(),
                s.role.clone(),
                Some(s.section.clone()),
            )
        })
        .collect();
    assert_eq!(want.len(), 22);
    assert_eq!(got, want);
}

#[test]
fn summary_delegates_are_mentions_not_speakers() {
    let Some((doc, _)) = load() else { return };
    let mentions = |name: &str| -> Vec<String> {
        let s = doc.speakers.iter().find(|s| s.name == name).expect(name);
        s.mentions
            .iter()
            .map(|m| doc.slice(m.start, m.end).to_owned())
            .collect()
    };
    assert_eq!(mentions("T. S. TIRUMURTI"), ["India’s delegate"]);
    assert_eq!(
        mentions("MHER MARGARYAN"),
        ["The representative of Armenia"]
    );
    assert_eq!(
        mentions("MAGZHAN ILYASSOV"),
        ["Kazakhstan’s representative"]
    );
    assert_eq!(mentions("ANTÓNIO GUTERRES"), ["António Guterres"]);
    // Delegations in "Also delivering statements were ..." are listed, not speakers.
    assert_eq!(doc.also_speaking.len(), 13);
    assert!(doc
        .also_speaking
        .iter()
        .any(|d| d == "United Arab Emirates"));
}
