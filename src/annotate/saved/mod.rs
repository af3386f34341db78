//! The autosave format for the browser's localStorage,
//! `rapporteur-saved/1`: the text and the annotation set, compact.
//!
//! Restoring recovers what it can from damaged data: the text even if the
//! annotations are broken, each valid tag and annotation even if another is
//! broken, the start of a cut-off save. It says what was lost, so the app
//! can keep the raw string as a backup and tell the user.

mod repair;

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::annotation::{Annotation, Orphan};
use super::import::items::{read_annotation, read_orphan, read_tag};
use super::indexed::Indexed;
use super::set::AnnotationSet;
use super::tags::{check_id, default_tags, same_name, Tag};

pub const SAVED_FORMAT: &str = "rapporteur-saved/1";

/// Grey, for tags recreated because annotations named them but the saved
/// tag list had lost them.
const RECOVERED_TAG_COLOR: &str = "#bbbbbb";

#[derive(Serialize)]
struct SavedState<'a> {
    format: &'static str,
    saved: &'a str,
    // Text before annotations: a save cut short keeps what matters most.
    text: &'a str,
    tags: &'a [Tag],
    annotations: &'a [Annotation],
    orphans: Vec<SavedOrphan<'a>>,
}

#[derive(Serialize)]
struct SavedOrphan<'a> {
    #[serde(flatten)]
    annotation: &'a Annotation,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

/// The string to put in localStorage. `saved` is the app's ISO-8601 now.
pub fn save_state(text: &str, set: &AnnotationSet, saved: &str) -> String {
    let state = SavedState {
        format: SAVED_FORMAT,
        saved,
        text,
        tags: set.tags(),
        annotations: set.annotations(),
        orphans: set
            .orphans()
            .iter()
            .map(|o| SavedOrphan {
                annotation: &o.annotation,
                exact: &o.quote.exact,
                prefix: &o.quote.prefix,
                suffix: &o.quote.suffix,
            })
            .collect(),
    };
    // Plain structs of strings and numbers: serialising cannot fail.
    serde_json::to_string(&state).unwrap_or_default()
}

/// What a restore gives back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub text: String,
    pub set: AnnotationSet,
    pub saved: Option<String>,
    /// What could not be recovered, one sentence each; empty when the save
    /// was intact.
    pub losses: Vec<String>,
}

impl Restored {
    pub fn is_complete(&self) -> bool {
        self.losses.is_empty()
    }
}

/// Why nothing at all could be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Nothing was saved.
    Empty,
    /// Saved by a newer version, whose data this one must not misread.
    NewerVersion(String),
    /// Not recognisable as saved state, or no text in it.
    Unreadable(String),
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::Empty => write!(f, "nothing was saved"),
            RestoreError::NewerVersion(format) => write!(
                f,
                "the saved work is in format {format:?}, from a newer version of Rapporteur"
            ),
            RestoreError::Unreadable(why) => write!(f, "the saved work cannot be read: {why}"),
        }
    }
}

impl std::error::Error for RestoreError {}

/// Reads what [`save_state`] wrote, recovering what it can.
pub fn restore_state(raw: &str) -> Result<Restored, RestoreError> {
    if raw.trim().is_empty() {
        return Err(RestoreError::Empty);
    }
    let mut losses = Vec::new();
    let root = parse_or_salvage(raw, &mut losses)?;
    let Some(obj) = root.as_object() else {
        return Err(RestoreError::Unreadable(
            "it is not a JSON object".to_owned(),
        ));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(SAVED_FORMAT) => {}
        Some(f) if f.starts_with("rapporteur-saved/") => {
            return Err(RestoreError::NewerVersion(f.to_owned()))
        }
        _ => losses
            .push("the saved work had no format mark; it was read as this version's".to_owned()),
    }
    let text = match obj.get("text") {
        Some(Value::String(text)) => text.clone(),
        _ => {
            return Err(RestoreError::Unreadable(
                "its text is missing, so its annotations cannot be placed".to_owned(),
            ))
        }
    };
    let saved = obj.get("saved").and_then(Value::as_str).map(str::to_owned);

    let mut tags = restore_tags(obj.get("tags"), &mut losses);
    let indexed = Indexed::new(&text);
    let mut ids = HashSet::new();
    let mut annotations = Vec::new();
    for (i, value) in items(obj.get("annotations"), "annotations", &mut losses)
        .iter()
        .enumerate()
    {
        match read_annotation(value, &indexed, false) {
            Ok((a, _)) if !ids.insert(a.id.clone()) => losses.push(format!(
                "annotation {} was lost: its id {:?} is used twice",
                i + 1,
                a.id
            )),
            Ok((a, _)) => {
                if ensure_tag(&mut tags, &a.tag, &mut losses) {
                    annotations.push(a);
                } else {
                    losses.push(format!(
                        "annotation {} was lost: its tag id is unusable",
                        i + 1
                    ));
                }
            }
            Err(why) => losses.push(format!("annotation {} was lost: {why}", i + 1)),
        }
    }
    let mut orphans: Vec<Orphan> = Vec::new();
    for (i, value) in items(obj.get("orphans"), "orphans", &mut losses)
        .iter()
        .enumerate()
    {
        match read_orphan(value) {
            Ok(o) if !ids.insert(o.annotation.id.clone()) => losses.push(format!(
                "unplaced annotation {} was lost: its id {:?} is used twice",
                i + 1,
                o.annotation.id
            )),
            Ok(o) => {
                if ensure_tag(&mut tags, &o.annotation.tag, &mut losses) {
                    orphans.push(o);
                } else {
                    losses.push(format!(
                        "unplaced annotation {} was lost: its tag id is unusable",
                        i + 1
                    ));
                }
            }
            Err(why) => losses.push(format!("unplaced annotation {} was lost: {why}", i + 1)),
        }
    }
    Ok(Restored {
        text,
        set: AnnotationSet::from_parts(tags, annotations, orphans),
        saved,
        losses,
    })
}

fn parse_or_salvage(raw: &str, losses: &mut Vec<String>) -> Result<Value, RestoreError> {
    let error = match serde_json::from_str::<Value>(raw) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    // Everything before the point where the JSON went wrong is sound.
    let damage = byte_of_line_column(raw, error.line(), error.column());
    let salvaged = repair::close_after_last_complete_value(&raw[..damage])
        .and_then(|json| serde_json::from_str::<Value>(&json).ok())
        .ok_or_else(|| RestoreError::Unreadable(format!("it is not valid JSON ({error})")))?;
    losses.push(if error.is_eof() {
        "the saved work was cut off; what came after the cut was lost".to_owned()
    } else {
        format!(
            "the saved work was damaged at line {}; what came after was lost",
            error.line()
        )
    });
    Ok(salvaged)
}

/// Byte offset of serde_json's 1-based line and byte column, clamped to a
/// character boundary.
fn byte_of_line_column(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = line_start.saturating_add(column).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn items<'a>(value: Option<&'a Value>, what: &str, losses: &mut Vec<String>) -> &'a [Value] {
    match value {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => &[],
        Some(_) => {
            losses.push(format!("the list of {what} could not be read and was lost"));
            &[]
        }
    }
}

fn restore_tags(value: Option<&Value>, losses: &mut Vec<String>) -> Vec<Tag> {
    let Some(Value::Array(values)) = value else {
        losses.push("the tag list could not be read; the default tags stand in".to_owned());
        return default_tags();
    };
    let mut tags: Vec<Tag> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match read_tag(value) {
            Ok(tag)
                if tags
                    .iter()
                    .any(|t| t.id == tag.id || same_name(&t.name, &tag.name)) =>
            {
                losses.push(format!(
                    "tag {} ({:?}) was lost: it repeats another tag",
                    i + 1,
                    tag.name
                ));
            }
            Ok(tag) => tags.push(tag),
            Err(why) => losses.push(format!("tag {} was lost: {why}", i + 1)),
        }
    }
    tags
}

/// An annotation whose tag was lost keeps a grey stand-in tag, so that the
/// annotation survives and the user can retag it. False when the id cannot
/// be a tag's.
fn ensure_tag(tags: &mut Vec<Tag>, id: &str, losses: &mut Vec<String>) -> bool {
    if tags.iter().any(|t| t.id == id) {
        return true;
    }
    if check_id(id).is_err() {
        return false;
    }
    let name = (1..)
        .map(|n| format!("Recovered {n}"))
        .find(|name| !tags.iter().any(|t| same_name(&t.name, name)))
        .unwrap_or_default();
    losses.push(format!(
        "the tag {id:?} was lost; a grey tag named {name:?} stands in for it"
    ));
    tags.push(Tag {
        id: id.to_owned(),
        name,
        color: RECOVERED_TAG_COLOR.to_owned(),
        description: String::new(),
    });
    true
}
