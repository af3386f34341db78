//! Label Studio: tasks JSON and the labelling config for our tags.
//!
//! A task is `{"data": {"text": …}, "annotations": [{"result": […]}]}`; each
//! annotation of ours is a `labels` result (`from_name` "tag", `to_name`
//! "text", `value: {start, end, text, labels: [tag name]}`) and, when it
//! has a note, a per-region `textarea` result with the same `id`
//! (`from_name` "note"). With predictions, the extracted turns, speakers
//! and facts come as `predictions` on a second `Labels` control,
//! "extracted", each with its speaker or value as a per-region note.
//!
//! Offsets count code points: Label Studio's front end has counted code
//! points since its emoji fix (its tests select text after an emoji and
//! expect code-point offsets). Import also accepts results written by an
//! older front end in UTF-16 code units: each result carries its text,
//! which tells the two apart.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::extracted::{extracted, ExtractedKind, EXTRACTED_LABELS};
use super::xml::attribute;
use super::{text_of, ExportOptions, ImportedRelease, Loaded, Release};
use crate::annotate::{
    assemble, exported_annotations, json_error, ForeignRelease, ForeignSpan, ImportError, Problems,
    Tag,
};

/// `from_name` of our tags, of notes, of extracted spans; `to_name` of the text.
const TAG_CONTROL: &str = "tag";
const NOTE_CONTROL: &str = "note";
const EXTRACTED_CONTROL: &str = "extracted";
const TEXT_OBJECT: &str = "text";
/// `model_version` of the predictions.
const MODEL_VERSION: &str = "rapporteur-parser";

// ---- export ---------------------------------------------------------------

/// A JSON array with one task per release.
pub(crate) fn export_tasks(releases: &[Release], options: ExportOptions) -> String {
    let tasks: Vec<Value> = releases
        .iter()
        .map(|(document, set)| {
            let mut result = Vec::new();
            for a in exported_annotations(document, set) {
                let name = a.tag_name.clone().unwrap_or_else(|| a.tag.clone());
                region(
                    &mut result,
                    &a.id,
                    TAG_CONTROL,
                    &name,
                    a.start,
                    a.end,
                    &a.exact,
                    &a.note,
                );
            }
            let mut task = json!({
                "data": {
                    "text": document.text,
                    "source": document.symbol.as_deref().or(document.headline.as_deref()),
                    "text_sha256": document.text_sha256(),
                },
            });
            if !result.is_empty() {
                task["annotations"] = json!([{ "result": result }]);
            }
            if options.predictions {
                let mut predicted = Vec::new();
                for (n, e) in extracted(document).iter().enumerate() {
                    let id = format!("{}-{}", prefix(e.kind), n + 1);
                    let exact = document.slice(e.start, e.end);
                    region(
                        &mut predicted,
                        &id,
                        EXTRACTED_CONTROL,
                        &e.label,
                        e.start,
                        e.end,
                        exact,
                        &e.detail,
                    );
                }
                task["predictions"] =
                    json!([{ "model_version": MODEL_VERSION, "result": predicted }]);
            }
            task
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default()
}

fn prefix(kind: ExtractedKind) -> &'static str {
    match kind {
        ExtractedKind::Turn => "turn",
        ExtractedKind::Speaker => "speaker",
        ExtractedKind::Fact => "fact",
    }
}

/// A `labels` result and, for a note, its per-region `textarea` result.
#[allow(clippy::too_many_arguments)]
fn region(
    out: &mut Vec<Value>,
    id: &str,
    control: &str,
    label: &str,
    start: usize,
    end: usize,
    exact: &str,
    note: &str,
) {
    out.push(json!({
        "id": id,
        "from_name": control,
        "to_name": TEXT_OBJECT,
        "type": "labels",
        "value": { "start": start, "end": end, "text": exact, "labels": [label] },
    }));
    if !note.is_empty() {
        out.push(json!({
            "id": id,
            "from_name": NOTE_CONTROL,
            "to_name": TEXT_OBJECT,
            "type": "textarea",
            "value": { "start": start, "end": end, "text": [note] },
        }));
    }
}

/// The labelling config: our tags (names and colours of every release's
/// palette), the text, a per-region note field, and with predictions the
/// extracted labels.
pub(crate) fn export_config(releases: &[Release], options: ExportOptions) -> String {
    let mut tags: Vec<&Tag> = Vec::new();
    for (_, set) in releases {
        for tag in set.tags() {
            if !tags.iter().any(|t| t.name == tag.name) {
                tags.push(tag);
            }
        }
    }
    let mut out = String::from("<View>\n");
    out.push_str(&format!(
        "  <Labels name=\"{TAG_CONTROL}\" toName=\"{TEXT_OBJECT}\">\n"
    ));
    for tag in tags {
        out.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"/>\n",
            attribute(&tag.name),
            attribute(&tag.color)
        ));
    }
    out.push_str("  </Labels>\n");
    if options.predictions {
        out.push_str(&format!(
            "  <Labels name=\"{EXTRACTED_CONTROL}\" toName=\"{TEXT_OBJECT}\">\n"
        ));
        for label in EXTRACTED_LABELS {
            out.push_str(&format!(
                "    <Label value=\"{label}\" background=\"#bbbbbb\"/>\n"
            ));
        }
        out.push_str("  </Labels>\n");
    }
    out.push_str(&format!(
        "  <Text name=\"{TEXT_OBJECT}\" value=\"$text\"/>\n  <TextArea name=\"{NOTE_CONTROL}\" \
         toName=\"{TEXT_OBJECT}\" perRegion=\"true\" editable=\"true\" \
         placeholder=\"Note\"/>\n</View>\n"
    ));
    out
}

// ---- import ---------------------------------------------------------------

/// Every task of every file: Label Studio's JSON export (a list of tasks),
/// or one task alone. Each task's annotations (all of them, from every
/// annotator, except cancelled ones) become the release's annotations;
/// predictions are not imported (they are suggestions nobody confirmed).
pub(crate) fn import(
    files: &[Loaded],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<Vec<ImportedRelease>, ImportError> {
    let mut problems = Problems::default();
    let mut out = Vec::new();
    for file in files {
        let content = text_of(file, limit)?;
        let root: Value = serde_json::from_str(content).map_err(|e| json_error(content, &e))?;
        let tasks = match &root {
            Value::Array(tasks) => tasks.clone(),
            Value::Object(_) => vec![root.clone()],
            _ => {
                return Err(ImportError::NotOurFormat(
                    "the file is JSON but not a list of Label Studio tasks".to_owned(),
                ))
            }
        };
        for (n, task) in tasks.iter().enumerate() {
            let here = match task.get("id").and_then(Value::as_u64) {
                Some(id) => format!("task {} (id {id})", n + 1),
                None => format!("task {}", n + 1),
            };
            let mut notices = Vec::new();
            let Some(release) = read_task(task, &here, &mut problems, &mut notices) else {
                continue;
            };
            let assembled = assemble(release, palette, now, "ls", &mut problems);
            if assembled.duplicates > 0 {
                notices.push(format!(
                    "{here}: {} span(s) were tagged alike by more than one annotation and \
                     were imported once",
                    assembled.duplicates
                ));
            }
            if assembled.utf16 > 0 {
                notices.push(format!(
                    "{here}: {} span(s) counted UTF-16 code units (an older Label Studio) and \
                     were converted to code points",
                    assembled.utf16
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
            "the file holds no Label Studio tasks".to_owned(),
        )),
        None => Ok(out),
    }
}

fn read_task(
    task: &Value,
    here: &str,
    problems: &mut Problems,
    notices: &mut Vec<String>,
) -> Option<ForeignRelease> {
    let Some(data) = task.get("data").and_then(Value::as_object) else {
        problems.add(
            here,
            "\"data\" is missing: Label Studio keeps the task's text there",
        );
        return None;
    };
    let text = match data.get("text").and_then(Value::as_str) {
        Some(text) => text,
        None => {
            let strings: Vec<(&String, &str)> = data
                .iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s)))
                .collect();
            let [(key, text)] = strings[..] else {
                problems.add(here, "\"data.text\" is missing");
                return None;
            };
            notices.push(format!("{here}: the text was read from \"data.{key}\""));
            text
        }
    };
    let mut spans: Vec<ForeignSpan> = Vec::new();
    let mut skipped: HashMap<String, usize> = HashMap::new();
    let annotations = task.get("annotations").or_else(|| task.get("completions"));
    let annotations = annotations
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (a, annotation) in annotations.iter().enumerate() {
        if annotation.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let results = annotation.get("result").and_then(Value::as_array);
        let results = results.cloned().unwrap_or_default();
        read_results(
            &results,
            &format!("{here}, annotation {}", a + 1),
            &mut spans,
            &mut skipped,
            problems,
        );
    }
    let predictions = task
        .get("predictions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if predictions > 0 {
        notices.push(format!(
            "{here}: its {predictions} prediction(s) were not imported; accept them in Label \
             Studio to make them annotations"
        ));
    }
    let mut kinds: Vec<(String, usize)> = skipped.into_iter().collect();
    crate::sort::sort(&mut kinds);
    for (kind, count) in kinds {
        notices.push(format!(
            "{here}: {count} \"{kind}\" result(s) were not imported: Rapporteur keeps labelled \
             spans and their notes"
        ));
    }
    let source = data
        .get("source")
        .and_then(Value::as_str)
        .map(str::to_owned);
    Some(ForeignRelease {
        text: text.to_owned(),
        symbol: source,
        spans,
        ..ForeignRelease::default()
    })
}

/// `labels` results become spans (one per label); `textarea` results with
/// the id of a region become that region's note.
fn read_results(
    results: &[Value],
    here: &str,
    spans: &mut Vec<ForeignSpan>,
    skipped: &mut HashMap<String, usize>,
    problems: &mut Problems,
) {
    let first = spans.len();
    let mut notes: Vec<(String, String)> = Vec::new();
    for (r, result) in results.iter().enumerate() {
        let at = format!("{here}, result {}", r + 1);
        let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
        let id = result.get("id").and_then(Value::as_str).map(str::to_owned);
        let value = result.get("value").unwrap_or(&Value::Null);
        match kind {
            "labels" => {
                let (start, end) = match (offset(value, "start"), offset(value, "end")) {
                    (Ok(s), Ok(e)) => (s, e),
                    (Err(m), _) | (_, Err(m)) => {
                        problems.add(at, m);
                        continue;
                    }
                };
                let labels: Vec<&str> = value
                    .get("labels")
                    .and_then(Value::as_array)
                    .map(|l| l.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if labels.is_empty() {
                    problems.add(at, "\"value.labels\" is missing or empty");
                    continue;
                }
                for label in labels {
                    spans.push(ForeignSpan {
                        location: at.clone(),
                        id: id.clone(),
                        label: label.to_owned(),
                        note: String::new(),
                        start,
                        end,
                        exact: value.get("text").and_then(Value::as_str).map(str::to_owned),
                    });
                }
            }
            "textarea" if id.is_some() && value.get("start").is_some() => {
                let text: Vec<&str> = match value.get("text") {
                    Some(Value::Array(lines)) => lines.iter().filter_map(Value::as_str).collect(),
                    Some(Value::String(s)) => vec![s.as_str()],
                    _ => Vec::new(),
                };
                notes.push((id.unwrap_or_default(), text.join("\n")));
            }
            other => *skipped.entry(other.to_owned()).or_default() += 1,
        }
    }
    for (id, note) in notes {
        for span in spans[first..]
            .iter_mut()
            .filter(|s| s.id.as_deref() == Some(id.as_str()))
        {
            if span.note.is_empty() {
                span.note = note.clone();
            } else {
                span.note.push('\n');
                span.note.push_str(&note);
            }
        }
    }
}

fn offset(value: &Value, key: &str) -> Result<usize, String> {
    match value.get(key) {
        None => Err(format!("\"value.{key}\" is missing")),
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("\"value.{key}\" is {v}, not a whole number ≥ 0")),
    }
}
