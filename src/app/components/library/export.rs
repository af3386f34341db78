//! The library's exports, built when a button is clicked from the library
//! as last rendered: the corpus JSON, the CSV of every annotation, the
//! codebook.

use crate::app::clock::now_iso;
use crate::app::dom::download;
use crate::app::state::Library;
use crate::document::Document;
use crate::library::corpus::CorpusEntry;
use crate::library::csv_export::CsvRelease;
use crate::library::{codebook_json, corpus_json, csv_file_name, library_csv};
use crate::parse::parse;

/// Why an export cannot be made yet: texts still being read.
fn texts_missing(library: &Library) -> Option<String> {
    let missing = library
        .releases
        .iter()
        .filter(|r| !library.texts.contains_key(&r.id))
        .count();
    (missing > 0).then(|| {
        format!("The texts of {missing} release(s) are still being read from the browser's storage; try again in a moment.")
    })
}

/// `rapporteur-corpus-2026-12-02.json`.
fn dated(stem: &str, now: &str, extension: &str) -> String {
    format!("{stem}-{}.{extension}", now.get(..10).unwrap_or(now))
}

pub fn export_corpus(library: &Library) -> Result<(), String> {
    if let Some(problem) = texts_missing(library) {
        return Err(problem);
    }
    let now = now_iso();
    let documents: Vec<(Document, crate::annotate::AnnotationSet, String)> = library
        .releases
        .iter()
        .filter_map(|r| {
            let text = library.texts.get(&r.id)?;
            Some((
                parse(text),
                r.work.with_tags(library.tags()),
                r.added.clone(),
            ))
        })
        .collect();
    let entries: Vec<CorpusEntry> = documents
        .iter()
        .map(|(document, set, added)| CorpusEntry {
            document,
            set,
            added: (!added.is_empty()).then_some(added.as_str()),
        })
        .collect();
    let json = corpus_json(&entries, library.tags(), &now);
    download(
        &dated("rapporteur-corpus", &now, "json"),
        "application/json",
        json.as_bytes(),
    )
}

pub fn export_csv(library: &Library) -> Result<(), String> {
    if let Some(problem) = texts_missing(library) {
        return Err(problem);
    }
    let releases: Vec<CsvRelease> = library
        .releases
        .iter()
        .filter_map(|r| {
            Some(CsvRelease {
                summary: &r.summary,
                text: library.texts.get(&r.id)?,
                work: &r.work,
            })
        })
        .collect();
    let csv = library_csv(&releases, library.tags());
    download(
        &csv_file_name(&now_iso()),
        "text/csv;charset=utf-8",
        csv.as_bytes(),
    )
}

pub fn export_codebook(library: &Library) -> Result<(), String> {
    let now = now_iso();
    let json = codebook_json(library.tags(), &now);
    download(
        &dated("rapporteur-codebook", &now, "json"),
        "application/json",
        json.as_bytes(),
    )
}
