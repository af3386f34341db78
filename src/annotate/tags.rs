//! Tags: what an annotation says about its span. A tag's `id` is stable and
//! separate from its `name`, so renaming a tag keeps its annotations.

use serde::{Deserialize, Serialize};

use super::color::normalize_color;
use super::error::EditError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: String,
    pub name: String,
    /// Highlight colour, lower-case `#rrggbb`.
    pub color: String,
    /// What the code means and when to use it, for the team sharing the
    /// codebook; left out of files when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// Longest tag description accepted, in code points.
pub const MAX_TAG_DESCRIPTION_CHARS: usize = 2000;

/// Longest tag name accepted, in code points: it has to fit on a chip.
pub const MAX_TAG_NAME_CHARS: usize = 40;

/// Longest id accepted for tags and annotations, in code points.
pub(crate) const MAX_ID_CHARS: usize = 200;

/// The palette a new document starts with.
///
/// The colours are the Okabe–Ito set, chosen to stay distinct under the
/// common colour-vision deficiencies; each gives black text a WCAG contrast
/// of at least 4.5:1 (tested), and the name is always shown beside the
/// colour, so colour is never the only cue.
pub fn default_tags() -> Vec<Tag> {
    [
        ("claim", "Claim", "#56b4e9"),
        ("commitment", "Commitment", "#009e73"),
        ("concern", "Concern", "#e69f00"),
        ("criticism", "Criticism", "#d55e00"),
        ("proposal", "Proposal", "#cc79a7"),
        ("evidence", "Evidence", "#f0e442"),
    ]
    .into_iter()
    .map(|(id, name, color)| Tag {
        id: id.to_owned(),
        name: name.to_owned(),
        color: color.to_owned(),
        description: String::new(),
    })
    .collect()
}

/// A tag name trimmed, or why it cannot be one.
pub(crate) fn clean_tag_name(name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::EmptyTagName);
    }
    if name.chars().any(char::is_control) {
        return Err(EditError::BadTagName(name.to_owned()));
    }
    let length = name.chars().count();
    if length > MAX_TAG_NAME_CHARS {
        return Err(EditError::TagNameTooLong { length });
    }
    Ok(name.to_owned())
}

/// A description trimmed, or why it cannot be one.
pub(crate) fn clean_description(description: &str) -> Result<String, EditError> {
    let description = description.trim();
    let length = description.chars().count();
    if length > MAX_TAG_DESCRIPTION_CHARS {
        return Err(EditError::DescriptionTooLong { length });
    }
    Ok(description.to_owned())
}

/// A colour normalised to `#rrggbb`, or why it cannot be one.
pub(crate) fn clean_color(color: &str) -> Result<String, EditError> {
    normalize_color(color).ok_or_else(|| EditError::BadColor(color.to_owned()))
}

/// Ids must be non-empty, printable and of sane length; the app generates
/// them, files may carry anything.
pub(crate) fn check_id(id: &str) -> Result<(), EditError> {
    if id.is_empty() || id.chars().any(char::is_control) || id.chars().count() > MAX_ID_CHARS {
        return Err(EditError::BadId(id.to_owned()));
    }
    Ok(())
}

/// Tag names compare without regard to case or surrounding space, so that
/// "claim" cannot sit beside "Claim".
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::color::contrast_ratio;

    #[test]
    fn default_palette_is_distinct_and_readable() {
        let tags = default_tags();
        assert_eq!(tags.len(), 6);
        for (i, tag) in tags.iter().enumerate() {
            let ratio = contrast_ratio(&tag.color, "#000000").unwrap();
            assert!(ratio >= 4.5, "{} on black: {ratio}", tag.name);
            for other in &tags[i + 1..] {
                assert_ne!(tag.color, other.color);
                assert_ne!(tag.id, other.id);
                assert!(!same_name(&tag.name, &other.name));
            }
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(clean_tag_name("  Claim ").unwrap(), "Claim");
        assert_eq!(clean_tag_name("   "), Err(EditError::EmptyTagName));
        assert!(matches!(
            clean_tag_name(&"x".repeat(41)),
            Err(EditError::TagNameTooLong { length: 41 })
        ));
        assert!(clean_tag_name("a\u{7}b").is_err());
    }
}
