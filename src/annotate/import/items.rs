//! One tag, annotation or orphan read from JSON and checked on its own.
//! Checks across items (duplicate ids, unknown tags) are the caller's, which
//! knows the whole file. Shared by import and autosave recovery.

use serde_json::Value;

use super::fields::{object, offset, optional_string, string, timestamp, Object};
use crate::annotate::annotation::{Annotation, Orphan, Quote};
use crate::annotate::indexed::{shorten, Indexed};
use crate::annotate::tags::{check_id, clean_color, clean_description, clean_tag_name, Tag};

pub(crate) fn read_tag(value: &Value) -> Result<Tag, String> {
    let obj = object(value, "it")?;
    let id = read_id(obj)?;
    let name = clean_tag_name(string(obj, "name")?).map_err(|e| format!("\"name\": {e}"))?;
    let color = clean_color(string(obj, "color")?).map_err(|e| format!("\"color\": {e}"))?;
    let description = optional_string(obj, "description")?.unwrap_or_default();
    let description =
        clean_description(description).map_err(|e| format!("\"description\": {e}"))?;
    Ok(Tag {
        id,
        name,
        color,
        description,
    })
}

fn read_id(obj: &Object) -> Result<String, String> {
    let id = string(obj, "id")?;
    check_id(id).map_err(|e| format!("\"id\": {e}"))?;
    Ok(id.to_owned())
}

/// The fields every annotation has, placed or not, with `start`/`end` 0.
fn read_common(obj: &Object) -> Result<Annotation, String> {
    let id = read_id(obj)?;
    let tag = string(obj, "tag")?.to_owned();
    let note = optional_string(obj, "note")?.unwrap_or_default().to_owned();
    let created = timestamp(obj, "created")?;
    let modified = timestamp(obj, "modified")?;
    Ok(Annotation {
        id,
        tag,
        note,
        start: 0,
        end: 0,
        created,
        modified,
    })
}

/// An annotation on `text`. Its quote is read if present and must agree
/// with the text; `require_quote` makes `exact` compulsory (exports carry
/// it, autosaves do not). The quote returned is the one the text gives.
pub(crate) fn read_annotation(
    value: &Value,
    text: &Indexed,
    require_quote: bool,
) -> Result<(Annotation, Quote), String> {
    let obj = object(value, "it")?;
    let mut annotation = read_common(obj)?;
    let (start, end) = (offset(obj, "start")?, offset(obj, "end")?);
    let len = text.len_chars();
    if start > end {
        return Err(format!("start {start} is after end {end}"));
    }
    if end > len {
        return Err(format!(
            "end {end} is past the end of the text ({len} code points)"
        ));
    }
    if start == end {
        return Err(format!("it is empty (start and end are both {start})"));
    }
    let quote = Quote::at(text, start, end);
    let exact = if require_quote {
        Some(string(obj, "exact")?)
    } else {
        optional_string(obj, "exact")?
    };
    if let Some(exact) = exact {
        if exact != quote.exact {
            let hint = if utf16_slice(text.text, start, end).as_deref() == Some(exact) {
                "; the offsets count UTF-16 code units, as JavaScript does, but Rapporteur \
                 counts Unicode code points (an emoji is one, not two)"
            } else {
                ""
            };
            return Err(format!(
                "\"exact\" {:?} does not match the text at {start}–{end}, which reads {:?}{hint}",
                shorten(exact, 40),
                shorten(&quote.exact, 40)
            ));
        }
    }
    // Shorter context than ours is fine (another tool may keep less), but
    // what there is must be what surrounds the quote.
    if let Some(prefix) = optional_string(obj, "prefix")? {
        if !text.slice(0, start).ends_with(prefix) {
            return Err(format!(
                "\"prefix\" {:?} is not the text just before {start}",
                shorten(prefix, 40)
            ));
        }
    }
    if let Some(suffix) = optional_string(obj, "suffix")? {
        if !text.slice(end, len).starts_with(suffix) {
            return Err(format!(
                "\"suffix\" {:?} is not the text just after {end}",
                shorten(suffix, 40)
            ));
        }
    }
    annotation.start = start;
    annotation.end = end;
    Ok((annotation, quote))
}

/// An annotation that had no place in the exported text: its quote is all
/// that locates it. `start`/`end`, where it was in the text it last had,
/// are optional: they only hint where to look first.
pub(crate) fn read_orphan(value: &Value) -> Result<Orphan, String> {
    let obj = object(value, "it")?;
    let mut annotation = read_common(obj)?;
    if obj.contains_key("start") || obj.contains_key("end") {
        annotation.start = offset(obj, "start")?;
        annotation.end = offset(obj, "end")?;
    }
    let exact = string(obj, "exact")?;
    if exact.trim().is_empty() {
        return Err("\"exact\" is empty: there is nothing to find it by".to_owned());
    }
    let quote = Quote {
        exact: exact.to_owned(),
        prefix: optional_string(obj, "prefix")?
            .unwrap_or_default()
            .to_owned(),
        suffix: optional_string(obj, "suffix")?
            .unwrap_or_default()
            .to_owned(),
    };
    Ok(Orphan { annotation, quote })
}

/// The text between UTF-16 offsets `start`..`end`, when both fall between
/// whole code points (never inside a surrogate pair).
fn utf16_slice(text: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().take(end.saturating_add(1)).collect();
    if end > units.len() || start > end {
        return None;
    }
    let inside_pair = |at: usize| units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
    if inside_pair(start) || inside_pair(end) {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}
