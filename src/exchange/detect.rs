//! Which tool a set of files came from: by name first (`.ann`, `.xmi`,
//! `.jsonl`), then by content, with a message that says what a file is
//! when it is none of them.

use super::{Format, Loaded};
use crate::annotate::ImportError;

pub(crate) fn format_of(files: &[Loaded]) -> Result<Format, ImportError> {
    let has = |ext: &str| files.iter().any(|f| f.extension() == ext);
    if has("ann") {
        return Ok(Format::Brat);
    }
    if has("xmi") {
        return Ok(Format::UimaXmi);
    }
    if has("jsonl") {
        return Ok(Format::Doccano);
    }
    if files.iter().all(|f| f.extension() == "txt") {
        return Err(ImportError::NotOurFormat(format!(
            "{} {} plain text, not a brat, doccano, Label Studio or UIMA CAS XMI export: a \
             brat .txt is read together with the .ann file of the same name",
            files
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if files.len() == 1 { "is" } else { "are" }
        )));
    }
    // By content: the first file that says what it is.
    let mut seen = Vec::new();
    for file in files {
        let head: String = String::from_utf8_lossy(&file.bytes[..file.bytes.len().min(4096)])
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .chars()
            .take(400)
            .collect();
        match sniff(&head, &file.bytes) {
            Ok(format) => return Ok(format),
            Err(what) => seen.push(format!("{} is {what}", file.name)),
        }
    }
    let mut message =
        String::from("these files are not a brat, doccano, Label Studio or UIMA CAS XMI export");
    if !seen.is_empty() {
        message.push_str(": ");
        message.push_str(&seen.join("; "));
    }
    Err(ImportError::NotOurFormat(message))
}

fn sniff(head: &str, bytes: &[u8]) -> Result<Format, String> {
    if head.starts_with('<') {
        if head.contains("xmi:XMI") || head.contains("http://www.omg.org/XMI") {
            return Ok(Format::UimaXmi);
        }
        if head.contains("typeSystemDescription") {
            return Err("a UIMA type system alone; import it together with the .xmi file".into());
        }
        if head.contains("<View") {
            return Ok(Format::LabelStudioConfig);
        }
        return Err("XML, but not UIMA CAS XMI".into());
    }
    if head.starts_with('[') {
        return Ok(Format::LabelStudio);
    }
    if head.starts_with('{') {
        if head.contains("\"format\"") && head.contains("rapporteur-") {
            return Err("Rapporteur's own annotations JSON: use Import annotations".into());
        }
        let text = String::from_utf8_lossy(bytes);
        let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let first = serde_json::from_str::<serde_json::Value>(first_line.trim());
        if let Some(object) = first.as_ref().ok().and_then(|v| v.as_object()) {
            // One Label Studio task on one line holds its text in `data`.
            if object.get("data").is_some_and(serde_json::Value::is_object) {
                return Ok(Format::LabelStudio);
            }
            if object.contains_key("text") {
                return Ok(Format::Doccano);
            }
        }
        if head.contains("\"data\"") {
            return Ok(Format::LabelStudio);
        }
        return Err("JSON, but neither doccano lines nor Label Studio tasks".into());
    }
    if bytes.is_empty() || head.is_empty() {
        return Err("empty".into());
    }
    Err("not JSON or XML".into())
}

/// Whether files handed to "Import annotations" are another tool's rather
/// than our own JSON: several files, a zip, a brat, XMI or JSONL name, XML,
/// a list of objects (Label Studio tasks), or one JSON object shaped like a
/// Label Studio task (`data`) or a doccano line (`text`, no `format`).
/// Anything else is ours to read, so that a broken or unrelated JSON file
/// gets our own import's messages ("the file ends too early", "it has no
/// \"format\" field").
pub(crate) fn is_foreign(files: &[super::InputFile]) -> bool {
    let [file] = files else {
        return !files.is_empty();
    };
    let extension = file
        .name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(
        extension.as_str(),
        "ann" | "txt" | "conf" | "xmi" | "xml" | "jsonl" | "zip"
    ) || file.bytes.starts_with(b"PK")
    {
        return true;
    }
    let text = String::from_utf8_lossy(&file.bytes[..file.bytes.len().min(4096)]);
    let head = text.trim_start_matches('\u{FEFF}').trim_start();
    if head.starts_with('<') {
        return true;
    }
    if let Some(rest) = head.strip_prefix('[') {
        return rest.trim_start().starts_with('{');
    }
    if !head.starts_with('{') || (head.contains("\"format\"") && head.contains("rapporteur-")) {
        return false;
    }
    let whole = std::str::from_utf8(file.bytes).ok().and_then(|t| {
        serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{FEFF}')).ok()
    });
    let first_line = || {
        let text = String::from_utf8_lossy(file.bytes);
        let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        serde_json::from_str::<serde_json::Value>(line.trim_start_matches('\u{FEFF}').trim()).ok()
    };
    let Some(object) = whole.or_else(first_line) else {
        return false;
    };
    let Some(object) = object.as_object() else {
        return false;
    };
    if object.contains_key("format") {
        return false;
    }
    object.get("data").is_some_and(serde_json::Value::is_object)
        || object.get("text").is_some_and(serde_json::Value::is_string)
}
