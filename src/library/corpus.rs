//! The whole library as one file, `rapporteur-corpus/1`: the codebook and,
//! for each release, exactly what the one-release export
//! (`rapporteur-annotations/1`) holds (its text, tags and annotations with
//! their quotes), plus when it joined the library. Reading it back checks
//! every release as a one-release import does, all or nothing.

use serde::Serialize;
use serde_json::Value;

use crate::annotate::{
    decode_import, export_file, json_error, read_export_value, AnnotationSet, ExportFile,
    ImportError, ImportedFile, Problem, Tag,
};
use crate::document::Document;

use super::codebook::{keyed, read_codebook, CodebookTag, CODEBOOK_FORMAT};

pub const CORPUS_FORMAT: &str = "rapporteur-corpus/1";

/// The largest corpus file read: a library of a few hundred releases and
/// their annotations is tens of megabytes.
pub const MAX_CORPUS_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Serialize)]
struct CorpusFile<'a> {
    format: &'static str,
    exported: &'a str,
    codebook: Codebook<'a>,
    releases: Vec<CorpusRelease<'a>>,
}

#[derive(Serialize)]
struct Codebook<'a> {
    format: &'static str,
    tags: Vec<CodebookTag<'a>>,
}

#[derive(Serialize)]
struct CorpusRelease<'a> {
    /// When the release joined the library (ISO-8601), if known.
    added: Option<&'a str>,
    #[serde(flatten)]
    file: ExportFile<'a>,
}

/// One release for the corpus file.
pub struct CorpusEntry<'a> {
    pub document: &'a Document,
    /// Its annotations, with the codebook's tags.
    pub set: &'a AnnotationSet,
    pub added: Option<&'a str>,
}

/// The corpus file. `exported` is the app's ISO-8601 now.
pub fn corpus_json(entries: &[CorpusEntry<'_>], tags: &[Tag], exported: &str) -> String {
    let file = CorpusFile {
        format: CORPUS_FORMAT,
        exported,
        codebook: Codebook {
            format: CODEBOOK_FORMAT,
            tags: keyed(tags),
        },
        releases: entries
            .iter()
            .map(|entry| CorpusRelease {
                added: entry.added,
                file: export_file(entry.document, entry.set, exported),
            })
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// A valid corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCorpus {
    pub tags: Vec<Tag>,
    pub releases: Vec<ImportedRelease>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRelease {
    pub file: ImportedFile,
    pub added: Option<String>,
}

/// Reads a corpus file: the codebook and every release checked; one
/// problem anywhere refuses the whole file, with every problem listed.
pub fn import_corpus(bytes: &[u8]) -> Result<ImportedCorpus, ImportError> {
    let text = decode_import(bytes, MAX_CORPUS_BYTES)?;
    let root: Value = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    let Some(obj) = root.as_object() else {
        return Err(ImportError::NotOurFormat(
            "the file is not a JSON object, so not a corpus".to_owned(),
        ));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(CORPUS_FORMAT) => {}
        Some(format) if format.starts_with("rapporteur-corpus/") => {
            return Err(ImportError::NotOurFormat(format!(
                "the corpus is in format {format:?}, from a newer version of Rapporteur"
            )))
        }
        Some("rapporteur-annotations/1") => {
            return Err(ImportError::NotOurFormat(
                "the file is one release's annotations (rapporteur-annotations/1): use Import annotations".to_owned(),
            ))
        }
        Some(format) => {
            return Err(ImportError::NotOurFormat(format!(
                "the file is {format:?}, not a corpus ({CORPUS_FORMAT})"
            )))
        }
        None => {
            return Err(ImportError::NotOurFormat(format!(
                "the file has no \"format\" field; a corpus says \"format\": \"{CORPUS_FORMAT}\""
            )))
        }
    }
    let mut problems: Vec<Problem> = Vec::new();
    let tags = match obj.get("codebook") {
        Some(codebook) => read_codebook(codebook)
            .map_err(|error| prefixed(&mut problems, "codebook", error))
            .ok(),
        None => {
            problems.push(Problem {
                location: "file".into(),
                message: "\"codebook\" is missing".into(),
            });
            None
        }
    };
    let mut releases = Vec::new();
    match obj.get("releases").and_then(Value::as_array) {
        Some(list) => {
            for (i, value) in list.iter().enumerate() {
                let added = value
                    .get("added")
                    .and_then(Value::as_str)
                    .filter(|a| crate::annotate::is_iso_datetime(a))
                    .map(str::to_owned);
                match read_export_value(value) {
                    Ok(file) => releases.push(ImportedRelease { file, added }),
                    Err(error) => prefixed(&mut problems, &format!("release {}", i + 1), error),
                }
            }
        }
        None => problems.push(Problem {
            location: "file".into(),
            message: "\"releases\" is missing or not a list".into(),
        }),
    }
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(50);
        problems.truncate(50);
        return Err(ImportError::Invalid { problems, more });
    }
    Ok(ImportedCorpus {
        tags: tags.unwrap_or_default(),
        releases,
    })
}

/// Files the problems of one part under its name.
fn prefixed(problems: &mut Vec<Problem>, part: &str, error: ImportError) {
    match error {
        ImportError::Invalid {
            problems: list,
            more,
        } => {
            problems.extend(list.into_iter().map(|p| Problem {
                location: format!("{part}, {}", p.location),
                message: p.message,
            }));
            if more > 0 {
                problems.push(Problem {
                    location: part.to_owned(),
                    message: format!("{more} more problem(s)"),
                });
            }
        }
        other => problems.push(Problem {
            location: part.to_owned(),
            message: other.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{default_tags, NewAnnotation, Session};
    use crate::parse;

    #[test]
    fn a_corpus_reads_back_whole() {
        let a = parse("First release.\n\nThe delegate said “no”, with an emoji 🎉.");
        let b = parse("Second release.\n\nA quiet paragraph, with commas, and more.");
        let mut session = Session::new(AnnotationSet::default());
        session
            .annotate(
                &a,
                NewAnnotation {
                    id: "a1".into(),
                    tag: "claim".into(),
                    note: "A \"quoted\" note,\nwith a newline 🎉".into(),
                    start: 16,
                    end: 28,
                    now: "2026-12-02T10:00:00Z".into(),
                },
            )
            .unwrap();
        let empty = AnnotationSet::default();
        let json = corpus_json(
            &[
                CorpusEntry {
                    document: &a,
                    set: session.set(),
                    added: Some("2026-12-01T09:00:00Z"),
                },
                CorpusEntry {
                    document: &b,
                    set: &empty,
                    added: None,
                },
            ],
            &default_tags(),
            "2026-12-02T11:00:00Z",
        );
        let corpus = import_corpus(json.as_bytes()).unwrap();
        assert_eq!(corpus.tags, default_tags());
        assert_eq!(corpus.releases.len(), 2);
        assert_eq!(corpus.releases[0].file.text, a.text);
        assert_eq!(
            corpus.releases[0].added.as_deref(),
            Some("2026-12-01T09:00:00Z")
        );
        let (annotation, quote) = &corpus.releases[0].file.annotations[0];
        assert_eq!(annotation, &session.set().annotations()[0]);
        assert_eq!(quote.exact, a.slice(16, 28));
        assert_eq!(corpus.releases[1].file.annotations.len(), 0);
    }

    #[test]
    fn one_bad_release_refuses_the_file() {
        let a = parse("First release.");
        let json = corpus_json(
            &[CorpusEntry {
                document: &a,
                set: &AnnotationSet::default(),
                added: None,
            }],
            &default_tags(),
            "2026-12-02T11:00:00Z",
        );
        let broken = json.replace("\"text_length\":14", "\"text_length\":99");
        let error = import_corpus(broken.as_bytes()).unwrap_err().to_string();
        assert!(error.contains("release 1"), "{error}");
        assert!(matches!(
            import_corpus(br#"{"format":"rapporteur-annotations/1"}"#),
            Err(ImportError::NotOurFormat(_))
        ));
        assert!(matches!(
            import_corpus(b"\x00\x01binary"),
            Err(ImportError::Binary { .. })
        ));
    }
}
