//! The codebook: one tag set for the whole library (names, colours, digit
//! keys by position, descriptions), and its file, `rapporteur-codebook/1`,
//! so that a team can share its codes. Importing merges by name: a tag of
//! the same name (any case) is the same code, whatever its id.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::annotate::{
    decode_import, json_error, read_tag, same_tag_name, ImportError, Problems, Tag,
};

pub const CODEBOOK_FORMAT: &str = "rapporteur-codebook/1";

/// The largest codebook file read.
pub const MAX_CODEBOOK_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Serialize)]
struct CodebookFile<'a> {
    format: &'static str,
    exported: &'a str,
    tags: Vec<CodebookTag<'a>>,
}

#[derive(Serialize)]
pub(crate) struct CodebookTag<'a> {
    #[serde(flatten)]
    tag: &'a Tag,
    /// The digit key (1–9) the tag has in the app, for readers of the file;
    /// the order of `tags` is what sets it.
    key: Option<u32>,
}

pub(crate) fn keyed(tags: &[Tag]) -> Vec<CodebookTag<'_>> {
    tags.iter()
        .enumerate()
        .map(|(i, tag)| CodebookTag {
            tag,
            key: (i < 9).then_some(i as u32 + 1),
        })
        .collect()
}

/// The codebook file, pretty-printed. `exported` is the app's ISO-8601 now.
pub fn codebook_json(tags: &[Tag], exported: &str) -> String {
    let file = CodebookFile {
        format: CODEBOOK_FORMAT,
        exported,
        tags: keyed(tags),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a codebook file, every tag checked as an annotations import checks
/// its tags; all or nothing.
pub fn import_codebook(bytes: &[u8]) -> Result<Vec<Tag>, ImportError> {
    let text = decode_import(bytes, MAX_CODEBOOK_BYTES)?;
    let root: Value = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    read_codebook(&root)
}

/// Reads a codebook already parsed (a file's root, or a corpus's `codebook`).
pub(crate) fn read_codebook(root: &Value) -> Result<Vec<Tag>, ImportError> {
    let Some(obj) = root.as_object() else {
        return Err(ImportError::NotOurFormat(
            "the file is not a JSON object, so not a codebook".to_owned(),
        ));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(CODEBOOK_FORMAT) => {}
        Some(format) if format.starts_with("rapporteur-codebook/") => {
            return Err(ImportError::NotOurFormat(format!(
                "the codebook is in format {format:?}, from a newer version of Rapporteur"
            )))
        }
        Some(format) => {
            return Err(ImportError::NotOurFormat(format!(
                "the file is {format:?}, not a codebook ({CODEBOOK_FORMAT})"
            )))
        }
        None => {
            return Err(ImportError::NotOurFormat(format!(
            "the file has no \"format\" field; a codebook says \"format\": \"{CODEBOOK_FORMAT}\""
        )))
        }
    }
    let mut problems = Problems::default();
    let Some(list) = obj.get("tags").and_then(Value::as_array) else {
        problems.add("file", "\"tags\" is missing or not a list");
        return Err(problems.into_error().unwrap_or(ImportError::Empty));
    };
    let mut tags: Vec<Tag> = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let label = value
            .get("id")
            .and_then(Value::as_str)
            .map_or(format!("tag {}", i + 1), |id| {
                format!("tag {} ({id:?})", i + 1)
            });
        match read_tag(value) {
            Ok(tag) => {
                if tags.iter().any(|t| t.id == tag.id) {
                    problems.add(label, format!("the id {:?} is used by another tag", tag.id));
                } else if tags.iter().any(|t| same_tag_name(&t.name, &tag.name)) {
                    problems.add(
                        label,
                        format!("the name {:?} is used by another tag", tag.name),
                    );
                } else {
                    tags.push(tag);
                }
            }
            Err(message) => problems.add(label, message),
        }
    }
    match problems.into_error() {
        Some(error) => Err(error),
        None => Ok(tags),
    }
}

/// What merging a codebook in did, for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodebookReport {
    /// Names of tags added.
    pub added: Vec<String>,
    /// Names of tags whose colour or description the import changed.
    pub updated: Vec<String>,
    /// How many were already there as they are.
    pub unchanged: usize,
}

impl CodebookReport {
    /// One sentence: "Codebook imported: 2 tags added (Risk, Aid), 1 updated (Claim), 4 unchanged."
    pub fn sentence(&self) -> String {
        let list = |names: &[String]| {
            if names.is_empty() {
                String::new()
            } else {
                format!(" ({})", names.join(", "))
            }
        };
        format!(
            "{} tag(s) added{}, {} updated{}, {} unchanged.",
            self.added.len(),
            list(&self.added),
            self.updated.len(),
            list(&self.updated),
            self.unchanged
        )
    }
}

/// `ours` with `theirs` merged in by name: a tag of a name we have updates
/// its colour and description (ours keeps its id, so annotations keep it);
/// a new name is added at the end (under a fresh id if its id is taken).
/// Returns the merged tags, the report, and for each of their ids the id it
/// has in the merged codebook (to retag what came with them).
pub fn merge_codebook(
    ours: &[Tag],
    theirs: &[Tag],
) -> (Vec<Tag>, CodebookReport, HashMap<String, String>) {
    let mut merged = ours.to_vec();
    let mut report = CodebookReport::default();
    let mut ids = HashMap::new();
    for tag in theirs {
        if let Some(known) = merged
            .iter_mut()
            .find(|t| same_tag_name(&t.name, &tag.name))
        {
            ids.insert(tag.id.clone(), known.id.clone());
            let description_changes =
                !tag.description.is_empty() && tag.description != known.description;
            if known.color != tag.color || description_changes {
                known.color = tag.color.clone();
                if description_changes {
                    known.description = tag.description.clone();
                }
                report.updated.push(known.name.clone());
            } else {
                report.unchanged += 1;
            }
            continue;
        }
        let mut id = tag.id.clone();
        let mut n = 2;
        while merged.iter().any(|t| t.id == id) {
            id = format!("{}-{n}", tag.id);
            n += 1;
        }
        ids.insert(tag.id.clone(), id.clone());
        report.added.push(tag.name.clone());
        merged.push(Tag { id, ..tag.clone() });
    }
    (merged, report, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::default_tags;

    #[test]
    fn round_trip_and_merge_by_name() {
        let mut tags = default_tags();
        tags[0].description = "Something asserted as fact.".into();
        let json = codebook_json(&tags, "2026-12-02T10:00:00Z");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], CODEBOOK_FORMAT);
        assert_eq!(value["tags"][0]["key"], 1);
        assert_eq!(import_codebook(json.as_bytes()).unwrap(), tags);

        let theirs = vec![
            Tag {
                id: "x1".into(),
                name: "CLAIM".into(),
                color: "#000000".into(),
                description: "Theirs.".into(),
            },
            Tag {
                id: "claim".into(),
                name: "Risk".into(),
                color: "#123456".into(),
                description: String::new(),
            },
            Tag {
                id: "t9".into(),
                name: "Concern".into(),
                color: "#e69f00".into(),
                description: String::new(),
            },
        ];
        let (merged, report, ids) = merge_codebook(&tags, &theirs);
        assert_eq!(merged.len(), tags.len() + 1);
        assert_eq!(merged[0].color, "#000000");
        assert_eq!(merged[0].description, "Theirs.");
        assert_eq!(
            merged.last().unwrap().id,
            "claim-2",
            "a taken id is not reused"
        );
        assert_eq!(ids["x1"], "claim");
        assert_eq!(ids["t9"], "concern");
        assert_eq!(report.added, vec!["Risk".to_owned()]);
        assert_eq!(report.updated, vec!["Claim".to_owned()]);
        assert_eq!(report.unchanged, 1);
        assert_eq!(
            report.sentence(),
            "1 tag(s) added (Risk), 1 updated (Claim), 1 unchanged."
        );
    }

    #[test]
    fn bad_codebooks_are_refused_whole() {
        let bad = r##"{"format":"rapporteur-codebook/1","tags":[{"id":"a","name":"A","color":"#ffffff"},{"id":"b","name":"a","color":"red"},{"id":"","name":"C","color":"#000"}]}"##;
        let error = import_codebook(bad.as_bytes()).unwrap_err().to_string();
        assert!(error.contains("tag 2"), "{error}");
        assert!(error.contains("tag 3"), "{error}");
        assert!(matches!(
            import_codebook(b"{\"format\":\"rapporteur-annotations/1\"}"),
            Err(ImportError::NotOurFormat(_))
        ));
        assert!(matches!(import_codebook(b""), Err(ImportError::Empty)));
        assert!(matches!(
            import_codebook(b"{\"format\""),
            Err(ImportError::Truncated { .. })
        ));
    }
}
