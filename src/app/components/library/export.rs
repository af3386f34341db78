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

/// `rapporteur-corpus-2026-12-02.json`.
fn dated(stem: &str, now: &str, extension: &str) -> String {
    format!("{stem}-{}.{extension}", now.get(..10).unwrap_or(now))
}

pub fn export_corpus(library: &Library) -> Result<(), String> {
    let now = now_iso();
    let documents: Vec<(Document, crate::annotate::AnnotationSet, String)> = library
        .with_texts()?
        .into_iter()
        .map(|(r, text)| {
            (
                parse(text),
                r.work.with_tags(library.tags()),
                r.added.clone(),
            )
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
    let releases: Vec<CsvRelease> = library
        .with_texts()?
        .into_iter()
        .map(|(r, text)| CsvRelease {
            summary: &r.summary,
            text,
            work: &r.work,
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
