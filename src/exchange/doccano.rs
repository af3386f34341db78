//! doccano sequence labelling, JSONL: one object per line and release.
//!
//! ```json
//! {"text": "…", "label": [[12, 20, "Claim"]], "notes": [{"start": 12, "end": 20, "label": "Claim", "note": "…"}], "source": "SC/15630", "text_sha256": "…", "label_colors": {"Claim": "#56b4e9"}}
//! ```
//!
//! Offsets count code points (doccano is Python). `text` and `label` are
//! what doccano reads; it keeps every other key as the example's metadata
//! and writes it back, at the top level, in its own JSONL export (with its
//! `id`, and `Comments` for the example's comments). Notes travel in that
//! metadata, matched back to their spans by place and label.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{text_of, ImportedRelease, Loaded, Release};
use crate::annotate::{
    assemble, exported_annotations, json_error, ForeignRelease, ForeignSpan, ImportError, Problems,
    Tag,
};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, String)>,
    notes: Vec<Value>,
    source: Option<&'a str>,
    text_sha256: &'a str,
    label_colors: Map<String, Value>,
}

/// One line per release.
pub(crate) fn export(releases: &[Release]) -> String {
    let mut out = String::new();
    for (document, set) in releases {
        let annotations = exported_annotations(document, set);
        let name = |a: &crate::annotate::ExportedAnnotation| {
            a.tag_name.clone().unwrap_or_else(|| a.tag.clone())
        };
        let line = Line {
            text: &document.text,
            label: annotations
                .iter()
                .map(|a| (a.start, a.end, name(a)))
                .collect(),
            notes: annotations
                .iter()
                .filter(|a| !a.note.is_empty())
                .map(|a| json!({"start": a.start, "end": a.end, "label": name(a), "note": a.note}))
                .collect(),
            source: document.symbol.as_deref().or(document.headline.as_deref()),
            text_sha256: document.text_sha256(),
            label_colors: set
                .tags()
                .iter()
                .map(|t| (t.name.clone(), Value::String(t.color.clone())))
                .collect(),
        };
        // Strings, numbers and maps of them: serialising cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Every line of every JSONL file: doccano's export (`label` as
/// `[start, end, label]` triples, or `entities` objects when the project
/// has relations), or ours.
pub(crate) fn import(
    files: &[Loaded],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<Vec<ImportedRelease>, ImportError> {
    let mut problems = Problems::default();
    let mut out = Vec::new();
    let many_files = files.len() > 1;
    for file in files {
        let content = text_of(file, limit)?;
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let here = if many_files {
                format!("{} line {}", file.name, n + 1)
            } else {
                format!("line {}", n + 1)
            };
            let value: Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    let what = match json_error(line, &e) {
                        ImportError::Syntax {
                            message, column, ..
                        } => {
                            format!("not valid JSON at column {column}: {message}")
                        }
                        _ => "not valid JSON: it stops before it is complete".to_owned(),
                    };
                    problems.add(here, what);
                    continue;
                }
            };
            let mut notices = Vec::new();
            let Some(release) = read_line(&value, &here, &mut problems, &mut notices) else {
                continue;
            };
            let assembled = assemble(release, palette, now, "doccano", &mut problems);
            if assembled.duplicates > 0 {
                notices.push(format!(
                    "{here}: {} span(s) were given twice and were imported once",
                    assembled.duplicates
                ));
            }
            if let Some(file) = assembled.file {
                out.push(ImportedRelease {
                    name: here,
                    file,
                    notices,
                });
            }
        }
    }
    match problems.into_error() {
        Some(error) => Err(error),
        None if out.is_empty() => Err(ImportError::NotOurFormat(
            "the file holds no doccano examples (one JSON object per line with \"text\")"
                .to_owned(),
        )),
        None => Ok(out),
    }
}

fn read_line(
    value: &Value,
    here: &str,
    problems: &mut Problems,
    notices: &mut Vec<String>,
) -> Option<ForeignRelease> {
    let Some(obj) = value.as_object() else {
        problems.add(here, "it is not a JSON object");
        return None;
    };
    let Some(text) = obj
        .get("text")
        .or_else(|| obj.get("data"))
        .and_then(Value::as_str)
    else {
        problems.add(
            here,
            "\"text\" is missing: doccano keeps the example's text there",
        );
        return None;
    };
    let mut spans = Vec::new();
    match (obj.get("label"), obj.get("entities")) {
        (Some(Value::Array(items)), _) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{here}, label {}", i + 1);
                match triple(item) {
                    Ok((start, end, label)) => spans.push(span(at, start, end, label)),
                    Err(message) => problems.add(at, message),
                }
            }
        }
        (_, Some(Value::Array(items))) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{here}, entity {}", i + 1);
                match entity(item) {
                    Ok((start, end, label)) => spans.push(span(at, start, end, label)),
                    Err(message) => problems.add(at, message),
                }
            }
        }
        (None | Some(Value::Null), None | Some(Value::Null)) => {}
        (Some(other), _) | (None, Some(other)) => problems.add(
            here,
            format!(
                "\"label\" is {}, not a list of [start, end, label]",
                describe(other)
            ),
        ),
    }
    attach_notes(obj.get("notes"), &mut spans, here, notices);
    if let Some(Value::Array(comments)) = obj.get("Comments") {
        let texts: Vec<&str> = comments.iter().filter_map(Value::as_str).collect();
        if !texts.is_empty() {
            notices.push(format!(
                "{here}: {} doccano comment(s) on the whole example were not imported \
                 (Rapporteur keeps notes on annotations): {}",
                texts.len(),
                texts.join(" | ")
            ));
        }
    }
    let labels = obj
        .get("label_colors")
        .and_then(Value::as_object)
        .map(|colors| {
            colors
                .iter()
                .map(|(name, c)| (name.clone(), c.as_str().map(str::to_owned)))
                .collect()
        })
        .unwrap_or_default();
    let source = obj.get("source").and_then(Value::as_str).map(str::to_owned);
    Some(ForeignRelease {
        text: text.to_owned(),
        symbol: source,
        labels,
        spans,
        ..ForeignRelease::default()
    })
}

fn span(location: String, start: usize, end: usize, label: String) -> ForeignSpan {
    ForeignSpan {
        location,
        id: None,
        label,
        note: String::new(),
        start,
        end,
        exact: None,
    }
}

/// `[start, end, "label"]`.
fn triple(item: &Value) -> Result<(usize, usize, String), String> {
    match item.as_array().map(Vec::as_slice) {
        Some([start, end, label]) => Ok((
            offset(start, "start")?,
            offset(end, "end")?,
            label
                .as_str()
                .ok_or_else(|| format!("the label is {}, not text", describe(label)))?
                .to_owned(),
        )),
        _ => Err(format!("it is {}, not [start, end, label]", describe(item))),
    }
}

/// `{"start_offset": 12, "end_offset": 20, "label": "Claim"}`.
fn entity(item: &Value) -> Result<(usize, usize, String), String> {
    let field = |key: &str| item.get(key).unwrap_or(&Value::Null);
    Ok((
        offset(field("start_offset"), "start_offset")?,
        offset(field("end_offset"), "end_offset")?,
        field("label")
            .as_str()
            .ok_or("\"label\" is missing or not text")?
            .to_owned(),
    ))
}

fn offset(value: &Value, what: &str) -> Result<usize, String> {
    value
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{what} is {}, not a whole number ≥ 0", describe(value)))
}

fn describe(value: &Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Puts each note of the `notes` metadata on the span with the same place
/// and label; notes whose span is gone (deleted or moved in doccano) are
/// named in a notice rather than dropped silently.
fn attach_notes(
    notes: Option<&Value>,
    spans: &mut [ForeignSpan],
    here: &str,
    notices: &mut Vec<String>,
) {
    let Some(Value::Array(notes)) = notes else {
        return;
    };
    let mut lost = Vec::new();
    for note in notes {
        let field = |key: &str| note.get(key);
        let (Some(start), Some(end), Some(label), Some(text)) = (
            field("start").and_then(Value::as_u64),
            field("end").and_then(Value::as_u64),
            field("label").and_then(Value::as_str),
            field("note").and_then(Value::as_str),
        ) else {
            continue;
        };
        let target = spans.iter_mut().find(|s| {
            u64::try_from(s.start).ok() == Some(start)
                && u64::try_from(s.end).ok() == Some(end)
                && s.label == label
                && s.note.is_empty()
        });
        match target {
            Some(span) => span.note = text.to_owned(),
            None => lost.push(format!("{label} {start}–{end}: {text}")),
        }
    }
    if !lost.is_empty() {
        notices.push(format!(
            "{here}: {} note(s) belong to spans that are no longer there (changed in doccano): {}",
            lost.len(),
            lost.join(" | ")
        ));
    }
}
