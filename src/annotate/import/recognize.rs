//! Saying what a JSON file is when it is not one of our exports, so that
//! "wrong file" comes with a hint of which file it is.

use serde_json::Value;

use super::fields::{describe, plural};
use crate::annotate::export::FORMAT;
use crate::annotate::saved::SAVED_FORMAT;
use crate::annotate::web_annotation::ANNO_CONTEXT;

/// Why a parsed file is not `rapporteur-annotations/1`, or `None` if its
/// `format` says it is.
pub(crate) fn not_ours(root: &Value) -> Option<String> {
    let Some(obj) = root.as_object() else {
        return Some(format!(
            "the file holds {}, not a Rapporteur annotations export (which is an object \
             with \"format\": \"{FORMAT}\")",
            describe(root)
        ));
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => None,
        Some(Value::String(f)) if f.starts_with("rapporteur-annotations/") => Some(format!(
            "the file is in format {f:?}, from another version of Rapporteur; this version \
             reads {FORMAT}"
        )),
        Some(Value::String(f)) if f == SAVED_FORMAT => Some(
            "the file is Rapporteur's autosave data, not an export; use an \
             .annotations.json file made with Export"
                .to_owned(),
        ),
        Some(Value::String(f)) => Some(format!(
            "the file's \"format\" is {f:?}, not {FORMAT:?}: it was made by another tool"
        )),
        Some(other) => Some(format!(
            "the file's \"format\" is {}, not {FORMAT:?}",
            describe(other)
        )),
        None => Some(missing_format(obj)),
    }
}

fn missing_format(obj: &serde_json::Map<String, Value>) -> String {
    if is_web_annotation(obj) {
        return "the file is W3C Web Annotation JSON-LD (such as Rapporteur's .jsonld \
                export); import reads Rapporteur's own .annotations.json export"
            .to_owned();
    }
    if obj.contains_key("text_sha256") && obj.contains_key("paragraphs") {
        return "the file is a parsed Rapporteur document, which holds no annotations; \
                use an .annotations.json file made with Export"
            .to_owned();
    }
    if obj.is_empty() {
        return "the file is an empty JSON object, not a Rapporteur annotations export".to_owned();
    }
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).take(6).collect();
    if obj.len() > keys.len() {
        keys.push("…");
    }
    format!(
        "the file is JSON but not a Rapporteur annotations export: it has no \"format\" \
         field (its field{} {}: {})",
        plural(obj.len()),
        if obj.len() == 1 { "is" } else { "are" },
        keys.join(", ")
    )
}

fn is_web_annotation(obj: &serde_json::Map<String, Value>) -> bool {
    let context_is_anno = match obj.get("@context") {
        Some(Value::String(c)) => c.contains("anno.jsonld"),
        Some(Value::Array(items)) => items.iter().any(|c| {
            c.as_str()
                .is_some_and(|c| c == ANNO_CONTEXT || c.contains("anno.jsonld"))
        }),
        _ => false,
    };
    let type_is_anno = obj
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| matches!(t, "Annotation" | "AnnotationCollection" | "AnnotationPage"));
    context_is_anno || type_is_anno
}
