//! Import of our own export, `rapporteur-annotations/1`.
//!
//! The file is checked whole before anything is returned, so the app either
//! gets everything or an error and changes nothing. Errors say what is wrong
//! and where, in words: `annotation 3 ("a-17"): end 5021 is past the end of
//! the text (4980 code points)`. Every problem with tags and annotations is
//! listed, not just the first, so one round of fixing is enough.

mod bytes;
mod fields;
pub(crate) mod foreign;
pub(crate) mod items;
mod recognize;

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use crate::document::Document;
use crate::text::sha256_hex;

use super::annotation::{Annotation, Orphan, Quote};
use super::clusters::{ceil_boundary, floor_boundary};
use super::indexed::Indexed;
use super::reanchor::{place, Item, Placement};
use super::tags::{same_name, Tag};
pub use bytes::check_size;
pub(crate) use bytes::decode;
use fields::{list, object, optional_string, plural, string};
use items::{read_annotation, read_orphan, read_tag};

/// Problems listed at most; the rest are counted.
const MAX_PROBLEMS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        size: u64,
        limit: u64,
    },
    Empty,
    /// A binary file; `kind` names the format when it is recognised.
    Binary {
        kind: Option<&'static str>,
    },
    Utf16,
    /// Not UTF-8 from byte `byte` (0-based), on line `line`.
    NotUtf8 {
        byte: usize,
        line: usize,
    },
    /// The JSON stops before it is complete: a cut-off download or copy.
    Truncated {
        line: usize,
        column: usize,
    },
    /// Not JSON at line and column (1-based, columns in characters).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not our format; the message says what it looks like.
    NotOurFormat(String),
    /// Our format, with these problems.
    Invalid {
        problems: Vec<Problem>,
        more: usize,
    },
}

/// One thing wrong in a file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `annotation 3 ("a-17")`, `tag 2 ("claim")`, `document`, `file`.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { size, limit } => write!(
                f,
                "the file is {}, larger than the {} an import may be",
                human_size(*size),
                human_size(*limit)
            ),
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::Binary { kind: Some(kind) } => {
                write!(
                    f,
                    "the file is {kind}, not an annotations export (JSON text)"
                )
            }
            ImportError::Binary { kind: None } => write!(
                f,
                "the file is binary, not an annotations export (JSON text)"
            ),
            ImportError::Utf16 => write!(
                f,
                "the file is UTF-16 text; annotations exports are UTF-8: save it as UTF-8"
            ),
            ImportError::NotUtf8 { byte, line } => write!(
                f,
                "the file is not UTF-8 text: byte {byte} (line {line}) is not valid UTF-8; \
                 save it as UTF-8"
            ),
            ImportError::Truncated { line, column } => write!(
                f,
                "the file ends too early (line {line}, column {column}): it was cut off, \
                 perhaps by an interrupted download or copy"
            ),
            ImportError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "the file is not valid JSON at line {line}, column {column}: {message}"
            ),
            ImportError::NotOurFormat(why) => f.write_str(why),
            ImportError::Invalid { problems, more } => {
                let count = problems.len() + more;
                write!(f, "the file has {count} problem{}:", plural(count))?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                if *more > 0 {
                    write!(f, "\n- … and {more} more")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let b = bytes as f64;
    if b >= MB {
        format!("{} MB", crate::text::one_decimal(b / MB))
    } else if b >= 1024.0 {
        format!("{} KB", crate::text::one_decimal(b / 1024.0))
    } else {
        format!("{bytes} bytes")
    }
}

/// A valid export, ready to be placed on the app's current document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    /// The text the file's offsets point into.
    pub text: String,
    /// SHA-256 of `text`, computed (and checked against the file's).
    pub text_sha256: String,
    pub exported: Option<String>,
    pub symbol: Option<String>,
    pub headline: Option<String>,
    pub tags: Vec<Tag>,
    /// Annotations with the quote the file's text gives them.
    pub annotations: Vec<(Annotation, Quote)>,
    pub orphans: Vec<Orphan>,
    /// Annotations whose `start` or `end` fell inside a character (between
    /// a letter and its combining mark, inside an emoji sequence or a flag)
    /// and were widened to whole characters. Rapporteur itself may write
    /// such offsets (a combining mark typed just after an annotation), so
    /// they are not refused, but the app says so.
    pub widened: usize,
}

impl ImportedFile {
    /// Whether the file was made on exactly this document's text.
    pub fn same_text_as(&self, document: &Document) -> bool {
        self.text_sha256 == document.text_sha256()
    }

    /// Places the file's annotations on `document`: where the text is the
    /// same they stay put; where it differs they are re-anchored by their
    /// quotes, and those that cannot be found come back as orphans. Apply
    /// the result with `Session::replace_all(placement.set)`.
    pub fn place(&self, document: &Document) -> Placement {
        let placed = self.annotations.iter().map(|(a, q)| Item {
            annotation: a.clone(),
            quote: q.clone(),
            was_orphan: false,
        });
        let orphans = self.orphans.iter().map(|o| Item {
            annotation: o.annotation.clone(),
            quote: o.quote.clone(),
            was_orphan: true,
        });
        place(self.tags.clone(), placed.chain(orphans).collect(), document)
    }
}

/// Reads an export from the bytes of a file of at most `limit` bytes.
pub fn import_annotations(bytes: &[u8], limit: u64) -> Result<ImportedFile, ImportError> {
    let text = decode(bytes, limit)?;
    parse_export(text)
}

/// Reads an export already held as text (pasted, or read by other means).
pub fn import_annotations_str(text: &str, limit: u64) -> Result<ImportedFile, ImportError> {
    import_annotations(text.as_bytes(), limit)
}

fn parse_export(json: &str) -> Result<ImportedFile, ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| json_error(json, &e))?;
    read_export_value(&root)
}

/// Reads an export already parsed as JSON (one release of a corpus file),
/// with every check of a file import.
pub(crate) fn read_export_value(root: &Value) -> Result<ImportedFile, ImportError> {
    if let Some(why) = recognize::not_ours(root) {
        return Err(ImportError::NotOurFormat(why));
    }
    let mut problems = Problems::default();
    let file = read_file(root, &mut problems);
    match (file, problems.into_error()) {
        (Some(file), None) => Ok(file),
        (_, Some(error)) => Err(error),
        (None, None) => Err(ImportError::NotOurFormat(
            "the file could not be read".to_owned(),
        )),
    }
}

/// serde_json counts columns in bytes; people count characters.
pub(crate) fn json_error(json: &str, error: &serde_json::Error) -> ImportError {
    let (line, byte_column) = (error.line(), error.column());
    let line_start = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line_text = json.get(line_start..).unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(at, _)| *at < byte_column)
        .count()
        .max(1);
    if error.is_eof() {
        ImportError::Truncated { line, column }
    } else {
        let message = error.to_string();
        // serde_json appends " at line L column C"; we say it our way.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_owned();
        ImportError::Syntax {
            line,
            column,
            message,
        }
    }
}

#[derive(Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    more: usize,
}

impl Problems {
    pub(crate) fn add(&mut self, location: impl Into<String>, message: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem {
                location: location.into(),
                message: message.into(),
            });
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn into_error(self) -> Option<ImportError> {
        (!self.list.is_empty()).then_some(ImportError::Invalid {
            problems: self.list,
            more: self.more,
        })
    }
}

/// Reads the whole file, noting every problem; `None` when the parts that
/// everything else depends on (the document text, the lists) are missing.
fn read_file(root: &Value, problems: &mut Problems) -> Option<ImportedFile> {
    let obj = root.as_object()?;
    let document = match obj.get("document") {
        Some(d) => object(d, "\"document\"")
            .map_err(|m| problems.add("file", m))
            .ok(),
        None => {
            problems.add("file", "\"document\" is missing");
            None
        }
    };
    let text = document.and_then(|d| {
        string(d, "text")
            .map_err(|m| problems.add("document", m))
            .ok()
    });
    let tag_values = list(obj, "tags").map_err(|m| problems.add("file", m)).ok();
    let annotation_values = list(obj, "annotations")
        .map_err(|m| problems.add("file", m))
        .ok();
    let orphan_values = match obj.get("orphans") {
        None | Some(Value::Null) => Some(&[][..]),
        Some(_) => list(obj, "orphans")
            .map_err(|m| problems.add("file", m))
            .ok(),
    };
    let exported = optional_string(obj, "exported")
        .map_err(|m| problems.add("file", m))
        .ok()
        .flatten();
    let (document, text) = (document?, text?);

    let text_sha256 = sha256_hex(text.as_bytes());
    let indexed = Indexed::new(text);
    check_document(document, &text_sha256, indexed.len_chars(), problems);
    let tags = read_tags(tag_values?, problems);
    let tag_ids: Vec<&str> = tags.iter().map(|t| t.id.as_str()).collect();
    let mut seen_ids: HashMap<String, String> = HashMap::new();

    let mut annotations = Vec::new();
    let mut widened = 0;
    for (i, value) in annotation_values?.iter().enumerate() {
        let here = fields::label("annotation", i, value);
        match read_annotation(value, &indexed, true) {
            Ok((mut a, mut quote)) => {
                if widen_to_characters(&indexed, &mut a, &mut quote) {
                    widened += 1;
                }
                if check_links(&a, &here, &tag_ids, &mut seen_ids, problems) {
                    annotations.push((a, quote));
                }
            }
            Err(message) => problems.add(here, message),
        }
    }
    let mut orphans = Vec::new();
    for (i, value) in orphan_values?.iter().enumerate() {
        let here = fields::label("unplaced annotation", i, value);
        match read_orphan(value) {
            Ok(o) => {
                if check_links(&o.annotation, &here, &tag_ids, &mut seen_ids, problems) {
                    orphans.push(o);
                }
            }
            Err(message) => problems.add(here, message),
        }
    }
    let info = |key: &str| document.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(ImportedFile {
        text: text.to_owned(),
        text_sha256,
        exported: exported.map(str::to_owned),
        symbol: info("symbol"),
        headline: info("headline"),
        tags,
        annotations,
        orphans,
        widened,
    })
}

/// Moves the ends of `annotation` out to the nearest boundaries between
/// whole characters; returns whether it had to.
fn widen_to_characters(text: &Indexed, annotation: &mut Annotation, quote: &mut Quote) -> bool {
    let (from, to) = (text.byte(annotation.start), text.byte(annotation.end));
    let (start, end) = (
        floor_boundary(text.text, from),
        ceil_boundary(text.text, to),
    );
    if (start, end) == (from, to) {
        return false;
    }
    annotation.start = text.char(start);
    annotation.end = text.char(end);
    *quote = Quote::at(text, annotation.start, annotation.end);
    true
}

/// The file's own digest and length, if it states them, must be its text's:
/// a mismatch means the text was edited after export (or counted in
/// UTF-16 code units by another tool), and the offsets cannot be trusted.
fn check_document(document: &fields::Object, sha: &str, len: usize, problems: &mut Problems) {
    match optional_string(document, "text_sha256") {
        Ok(Some(stated)) if !stated.eq_ignore_ascii_case(sha) => problems.add(
            "document",
            "\"text_sha256\" does not match \"text\": the text was changed after export",
        ),
        Err(message) => problems.add("document", message),
        _ => {}
    }
    match document.get("text_length") {
        None | Some(Value::Null) => {}
        Some(value) => match value.as_u64() {
            Some(n) if usize::try_from(n).ok() == Some(len) => {}
            _ => problems.add(
                "document",
                format!(
                    "\"text_length\" is {}, but \"text\" has {len} code points",
                    fields::describe(value)
                ),
            ),
        },
    }
}

fn read_tags(values: &[Value], problems: &mut Problems) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let here = fields::label("tag", i, value);
        let tag = match read_tag(value) {
            Ok(tag) => tag,
            Err(message) => {
                problems.add(here, message);
                continue;
            }
        };
        if let Some(j) = tags.iter().position(|t| t.id == tag.id) {
            problems.add(
                here,
                format!("id {:?} is also used by tag {}", tag.id, j + 1),
            );
        } else if let Some(j) = tags.iter().position(|t| same_name(&t.name, &tag.name)) {
            problems.add(
                here,
                format!("name {:?} is also used by tag {}", tag.name, j + 1),
            );
        } else {
            tags.push(tag);
        }
    }
    tags
}

/// Checks an annotation against the rest of the file: its tag exists and
/// its id is its own. Returns whether it passed.
fn check_links(
    a: &Annotation,
    here: &str,
    tag_ids: &[&str],
    seen: &mut HashMap<String, String>,
    problems: &mut Problems,
) -> bool {
    let mut ok = true;
    if !tag_ids.contains(&a.tag.as_str()) {
        let known = if tag_ids.is_empty() {
            "the file has no tags".to_owned()
        } else {
            format!("the file's tags are {}", tag_ids.join(", "))
        };
        problems.add(
            here,
            format!("tag {:?} is not one of the file's tags ({known})", a.tag),
        );
        ok = false;
    }
    match seen.get(&a.id) {
        Some(first) => {
            problems.add(here, format!("id {:?} is also used by {first}", a.id));
            ok = false;
        }
        None => {
            seen.insert(a.id.clone(), here.to_owned());
        }
    }
    ok
}
