//! The parse on two threads (what `rapporteur-cli` runs) against the parse
//! on one (what the app runs): byte for byte the same document on every
//! release we have, of every kind and organ, and on a long varied text.
//! And the facts the parser scans before it knows the speakers are the
//! facts of the finished document.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use rapporteur::parse::{parse_on, Threads};
use rapporteur::{parse, Document};

/// Every release text among the fixtures, and the shared corpus's.
fn releases() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures") {
            let path = entry.expect("fixture").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    if let Some(dir) = support::shared_corpus("parse_threads") {
        paths.push(dir.join("sc-14794.txt"));
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("release text");
            (path.display().to_string(), text)
        })
        .collect()
}

fn json(document: &Document) -> String {
    serde_json::to_string(document).expect("a document serialises")
}

#[test]
fn two_threads_give_the_same_document_as_one() {
    let releases = releases();
    assert!(releases.len() > 40, "{} releases", releases.len());
    for (name, text) in &releases {
        let one = parse(text);
        let two = parse_on(text, Threads::Two);
        assert!(json(&one) == json(&two), "{name}: the documents differ");
    }
    let long = rapporteur::bench_corpus::build(400_000, 7);
    let one = parse(&long);
    assert!(one.speakers.len() > 500 && one.facts.len() > 3_000);
    assert!(json(&one) == json(&parse_on(&long, Threads::Two)));
}

/// Broken and hostile input (the shapes of `tests/hostile.rs`): the same on
/// two threads, and nothing lost to the second thread's smaller stack.
#[test]
fn hostile_input_is_the_same_on_two_threads() {
    let mut junk = String::new();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    for _ in 0..200_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        junk.push(char::from_u32((state % 0x3000) as u32).unwrap_or('\u{fffd}'));
    }
    let texts = [
        String::new(),
        " \n\t\r\n".repeat(1_000),
        junk,
        "word ".repeat(400_000),
        "Paragraph 1 of many, $5 million on 3 May.\n".repeat(50_000),
        "“".repeat(100_000),
        "“a ‘b “c ".repeat(20_000) + &"” ’".repeat(20_000),
        "(".repeat(50_000) + "UNITED NATIONS (UN)" + &")".repeat(50_000),
        "שלום עליכם ZHANG JUN (China) said שלום\u{301}\u{301}\u{301}\n".repeat(2_000),
    ];
    for text in &texts {
        let one = parse(text);
        let two = parse_on(text, Threads::Two);
        assert!(
            json(&one) == json(&two),
            "{} bytes: the documents differ",
            text.len()
        );
    }
}

/// Facts are scanned from the paragraphs' bounds before sections,
/// speakers and turns are read; scanning the finished document finds the
/// same facts at the same places.
#[test]
fn facts_scanned_early_are_those_of_the_finished_document() {
    let mut kinds = std::collections::BTreeSet::new();
    for (name, text) in releases() {
        let document = parse_on(&text, Threads::Two);
        kinds.insert(format!("{:?}", document.kind));
        let (again, _) = rapporteur::facts::extract(&document);
        let place = |f: &rapporteur::document::Fact| {
            (
                f.kind,
                f.start,
                f.end,
                f.paragraph,
                f.text.clone(),
                format!("{:?}", f.value),
            )
        };
        let parsed: Vec<_> = document.facts.iter().map(place).collect();
        let rescanned: Vec<_> = again.iter().map(place).collect();
        if let Some(k) =
            (0..parsed.len().max(rescanned.len())).find(|&k| parsed.get(k) != rescanned.get(k))
        {
            panic!(
                "{name}: fact {k} of {}: parsed {:?}, rescanned {:?}",
                parsed.len(),
                parsed.get(k),
                rescanned.get(k)
            );
        }
    }
    // Meeting coverage and other releases both went through.
    assert!(kinds.len() >= 2, "{kinds:?}");
}
