//! Who said each quotation and who asserted each fact, on UN releases of
//! several shapes written for these tests (`tests/fixtures/attribution`):
//! a Security Council meeting in the current style, a General Assembly
//! plenary with votes, a Main Committee taking action on drafts, and an
//! ECOSOC panel. Each gold file lists every quotation of its release with
//! its speaker (`null`: nobody who speaks at the meeting, such as a treaty,
//! a draft's title or a person quoted by a speaker), the paragraphs about
//! the meeting or the vote (no speaker, nor any fact in them), and facts
//! whose speaker a turn boundary decides. Quote-speaker accuracy is
//! printed per release and must be exact.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use rapporteur::document::{Document, Fact, FactKind};
use rapporteur::parse;
use serde_json::Value;
use support::gold::plain_spaces;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attribution")
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/attribution")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

fn load(name: &str) -> (Document, Value) {
    let text = std::fs::read_to_string(dir().join(format!("{name}.txt"))).expect("release");
    let gold = std::fs::read_to_string(dir().join(format!("{name}.gold.json"))).expect("gold");
    (
        parse(&text),
        serde_json::from_str(&gold).expect("gold JSON"),
    )
}

fn speaker_name(doc: &Document, fact: &Fact) -> Option<String> {
    fact.speaker.map(|s| plain_spaces(&doc.speakers[s].name))
}

fn gold_speaker(entry: &Value) -> Option<String> {
    entry["speaker"].as_str().map(str::to_owned)
}

/// Every quotation found against the gold list: (right, total, problems).
/// A quotation the gold does not list, or a gold one not found, is a
/// problem as well as a miss.
fn quote_speakers(doc: &Document, gold: &Value) -> (usize, usize, Vec<String>) {
    let wanted = gold["quotes"].as_array().cloned().unwrap_or_default();
    let quotes: Vec<&Fact> = doc
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote)
        .collect();
    let mut problems = Vec::new();
    let mut right = 0;
    let mut used = vec![false; wanted.len()];
    for quote in &quotes {
        let text = plain_spaces(&quote.text);
        let Some(at) = wanted.iter().enumerate().position(|(i, w)| {
            !used[i] && text.starts_with(w["quote"].as_str().unwrap_or("\u{0}"))
        }) else {
            problems.push(format!("quotation not in the gold: {text:?}"));
            continue;
        };
        used[at] = true;
        let want = gold_speaker(&wanted[at]);
        let got = speaker_name(doc, quote);
        if want == got {
            right += 1;
        } else {
            problems.push(format!("{text:.50?}: gold {want:?}, found {got:?}"));
        }
    }
    for (entry, used) in wanted.iter().zip(&used) {
        if !used {
            problems.push(format!("gold quotation not found: {}", entry["quote"]));
        }
    }
    (right, quotes.len().max(wanted.len()), problems)
}

/// Paragraphs about the meeting or the vote: no speaker, no fact of anyone.
fn procedural(doc: &Document, gold: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for opening in gold["procedural"].as_array().into_iter().flatten() {
        let opening = opening.as_str().unwrap_or_default();
        let Some(index) =
            (0..doc.paragraphs.len()).find(|&i| doc.paragraph_text(i).starts_with(opening))
        else {
            problems.push(format!("no paragraph {opening:?}"));
            continue;
        };
        if let Some(s) = doc.paragraphs[index].speaker {
            problems.push(format!(
                "{opening:?} is a turn of {:?}",
                doc.speakers[s].name
            ));
        }
        for fact in doc.facts.iter().filter(|f| f.paragraph == index) {
            if let Some(name) = speaker_name(doc, fact) {
                problems.push(format!("{opening:?}: {:?} given to {name:?}", fact.text));
            }
        }
    }
    problems
}

/// Facts whose speaker a turn's boundary decides.
fn fact_speakers(doc: &Document, gold: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in gold["facts"].as_array().into_iter().flatten() {
        let kind: FactKind = serde_json::from_value(entry["kind"].clone()).expect("kind");
        let text = entry["text"].as_str().unwrap_or_default();
        let want = gold_speaker(entry);
        let found: Vec<Option<String>> = doc
            .facts
            .iter()
            .filter(|f| f.kind == kind && plain_spaces(&f.text) == text)
            .map(|f| speaker_name(doc, f))
            .collect();
        if !found.contains(&want) {
            problems.push(format!("{text:?}: gold {want:?}, found {found:?}"));
        }
    }
    problems
}

#[test]
fn every_quotation_and_fact_goes_to_its_speaker() {
    let mut failures = Vec::new();
    let names = names();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        let (doc, gold) = load(name);
        let (right, total, mut problems) = quote_speakers(&doc, &gold);
        problems.extend(procedural(&doc, &gold));
        problems.extend(fact_speakers(&doc, &gold));
        println!(
            "{name:<28} quote-speaker accuracy {:.3} ({right}/{total})",
            right as f64 / total.max(1) as f64
        );
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The seed's quotations in text order, by speaker (its text stays outside
/// the repository): the Secretary-General's in the summary and in his
/// turn, the Treaty Organization's head's, and one per delegation.
#[test]
fn the_seed_s_quotations_keep_their_speakers() {
    let Some(dir) = support::shared_corpus("attribution") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("sc-14794.txt")).expect("seed");
    let doc = parse(&text);
    let got: Vec<Option<String>> = doc
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote)
        .filter(|f| f.text.split_whitespace().count() > 3)
        .map(|f| speaker_name(&doc, f))
        .collect();
    let guterres = Some("ANTÓNIO GUTERRES".to_owned());
    let zas = Some("STANISLAV ZAS".to_owned());
    let want = vec![
        guterres.clone(),
        guterres.clone(),
        zas.clone(),
        zas.clone(),
        guterres.clone(),
        guterres,
        zas.clone(),
        zas.clone(),
        zas,
        Some("MICHAEL KAPKIAI KIBOINO".to_owned()),
        Some("GERALDINE BYRNE NASON".to_owned()),
        Some("MOHAMED ISSA ABUSHAHAB".to_owned()),
        Some("TRINE SKARBOEVIK HEIMERBACK".to_owned()),
    ];
    assert_eq!(got, want);
}
