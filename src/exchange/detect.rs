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
        let one_object_per_line = serde_json::from_str::<serde_json::Value>(first_line.trim())
            .is_ok_and(|v| v.is_object());
        if one_object_per_line && first_line.contains("\"text\"") {
            return Ok(Format::Doccano);
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
