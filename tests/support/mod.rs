//! Helpers shared by the native integration tests.
#![allow(dead_code)]

pub mod gold;

use rapporteur::annotate::{NewAnnotation, Session};
use std::io::Write;
use std::path::{Path, PathBuf};

use rapporteur::document::{Document, Speaker};

pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A speaker as the tests spell it out: name, affiliation, role, section.
pub type Expected<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a str);

pub fn speaker_rows(document: &Document) -> Vec<(String, Option<String>, Option<String>, String)> {
    document
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                s.affiliation.clone(),
                s.role.clone(),
                s.section.clone(),
            )
        })
        .collect()
}

pub fn assert_speakers(document: &Document, expected: &[Expected]) {
    let want: Vec<(String, Option<String>, Option<String>, String)> = expected
        .iter()
        .map(|(name, affiliation, role, section)| {
            (
                name.to_string(),
                affiliation.map(str::to_owned),
                role.map(str::to_owned),
                section.to_string(),
            )
        })
        .collect();
    assert_eq!(speaker_rows(document), want);
}

pub fn speaker<'a>(document: &'a Document, name: &str) -> &'a Speaker {
    document
        .speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name:?} in {:?}", speaker_rows(document)))
}

pub fn index_of(document: &Document, name: &str) -> usize {
    document
        .speakers
        .iter()
        .position(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name:?}"))
}

/// The texts of a speaker's mentions.
pub fn mention_texts(document: &Document, name: &str) -> Vec<String> {
    speaker(document, name)
        .mentions
        .iter()
        .map(|m| document.slice(m.start, m.end).to_owned())
        .collect()
}

/// The first words of each paragraph of a speaker's turns.
pub fn turn_openings(document: &Document, name: &str) -> Vec<String> {
    speaker(document, name)
        .paragraphs
        .iter()
        .map(|&p| document.paragraph_text(p).chars().take(25).collect())
        .collect()
}

/// A tiny deterministic generator (xorshift), so that generated-input tests
/// reproduce exactly.
pub struct Generator(pub u64);

impl Generator {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Code-point offsets of the first `needle` in the document's text.
pub fn span_of(document: &Document, needle: &str) -> (usize, usize) {
    let byte = document
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = document.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Annotates each (tag id, needle, note) of `spans` in `session`, with ids
/// `a-1`, `a-2`, … and `now` as their time.
pub fn annotate_spans(
    session: &mut Session,
    document: &Document,
    spans: &[(&str, &str, &str)],
    now: &str,
) {
    for (n, (tag, needle, note)) in spans.iter().enumerate() {
        let (start, end) = span_of(document, needle);
        session
            .annotate(
                document,
                NewAnnotation {
                    id: format!("a-{}", n + 1),
                    tag: (*tag).to_owned(),
                    note: (*note).to_owned(),
                    start,
                    end,
                    now: now.to_owned(),
                },
            )
            .unwrap();
    }
}

/// Whether this is a CI run (`CI` set to anything but empty, `0` or
/// `false`, as CI services set it): there a missing shared corpus fails.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !matches!(value.trim(), "" | "0" | "false" | "FALSE"))
}

/// The shared corpus beside the project (`../shared/corpus`, never copied
/// into it), for `test`. When it is missing the test fails under CI, and
/// elsewhere is skipped with a note on standard error that cargo's output
/// capture does not swallow.
pub fn shared_corpus(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let found = corpus_or_skip(&dir, test, in_ci()).unwrap_or_else(|message| panic!("{message}"));
    if found.is_none() {
        // Straight to the stream: `eprintln!` in a passing test is captured.
        let _ = writeln!(
            std::io::stderr(),
            "\nSKIPPED {test}: the shared corpus is missing ({}). This test checked nothing; with CI=true it fails.\n",
            dir.display()
        );
    }
    found
}

/// `dir` when it holds the corpus release and its gold file; when it does
/// not, an error under CI and None elsewhere.
pub fn corpus_or_skip(dir: &Path, test: &str, ci: bool) -> Result<Option<PathBuf>, String> {
    let wanted = ["sc-14794.txt", "sc-14794.gold.json"];
    if wanted.iter().all(|file| dir.join(file).is_file()) {
        return Ok(Some(dir.to_path_buf()));
    }
    if ci {
        return Err(format!(
            "{test}: the shared corpus is missing ({} with {}); under CI=true this fails instead of skipping",
            dir.display(),
            wanted.join(" and ")
        ));
    }
    Ok(None)
}
