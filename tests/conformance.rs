//! Conformance on UN releases against hand-checked gold files: the real
//! release in `../shared/corpus` (beside the project on developers' and CI
//! machines, never copied into it; under `CI=true` its absence fails) and
//! our own releases in `tests/fixtures/un`, one of each organ and shape.
//! Every release prints its speakers' precision and recall and its header;
//! anything short of the gold fails (`tests/support/gold.rs` says what is
//! compared).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use rapporteur::parse;
use serde_json::Value;
use support::gold::{self, Report};

fn read_gold(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses `name.txt` in `dir` and checks it against `name.gold.json`.
fn run(dir: &Path, name: &str) -> (rapporteur::Document, Report) {
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("release text");
    let gold = read_gold(&dir.join(format!("{name}.gold.json")));
    let doc = parse(&text);
    let report = gold::check(name, &doc, &gold);
    println!("{}", report.summary());
    (doc, report)
}

fn assert_exact(reports: &[Report]) {
    let failures: Vec<String> = reports
        .iter()
        .filter(|r| !r.problems.is_empty())
        .map(|r| format!("{}:\n  {}", r.name, r.problems.join("\n  ")))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_seed_release_is_exact() {
    let Some(dir) = support::shared_corpus("conformance") else {
        return;
    };
    let (doc, report) = run(&dir, "sc-14794");
    assert_eq!(report.wanted, 22);
    assert_exact(&[report]);

    // Summary delegates are mentions of the speakers listed later.
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

#[test]
fn our_releases_of_every_organ_and_shape_are_exact() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/un");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/un")
        .filter_map(|entry| {
            let file = entry.ok()?.file_name().into_string().ok()?;
            file.strip_suffix(".gold.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    let reports: Vec<Report> = names.iter().map(|name| run(&dir, name).1).collect();
    let (matched, found, wanted) = reports.iter().fold((0, 0, 0), |(m, f, w), r| {
        (m + r.matched, f + r.found, w + r.wanted)
    });
    println!(
        "all {} releases: speakers P={:.3} R={:.3} ({matched}/{found} found, {wanted} in gold)",
        reports.len(),
        matched as f64 / found.max(1) as f64,
        matched as f64 / wanted.max(1) as f64
    );
    assert_exact(&reports);
}
