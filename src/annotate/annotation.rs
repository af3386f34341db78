//! One annotation: a tag and a note on a span of the text. The quote around
//! it (`exact`, `prefix`, `suffix`) is derived from the text when exported,
//! and kept only for annotations that lost their place (orphans).

use serde::{Deserialize, Serialize};

use super::indexed::Indexed;

/// Code points of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    /// The id of a [`super::Tag`].
    pub tag: String,
    pub note: String,
    /// Code points into the document text, end-exclusive.
    pub start: usize,
    pub end: usize,
    /// ISO-8601, set by the app when the annotation was made.
    pub created: String,
    /// ISO-8601, set by the app on every edit of the tag, note or span.
    pub modified: String,
}

/// What the app hands over to make an annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnnotation {
    pub id: String,
    pub tag: String,
    pub note: String,
    pub start: usize,
    pub end: usize,
    /// Becomes both `created` and `modified`.
    pub now: String,
}

/// The quoted text of a span and what surrounds it, as the W3C
/// TextQuoteSelector has it: enough to find the span again in an edited text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before `exact`; fewer at the start.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after `exact`; fewer at the end.
    pub suffix: String,
}

impl Quote {
    pub(crate) fn at(text: &Indexed, start: usize, end: usize) -> Quote {
        Quote {
            exact: text.slice(start, end).to_owned(),
            prefix: text
                .slice(start.saturating_sub(CONTEXT_CHARS), start)
                .to_owned(),
            suffix: text
                .slice(end, end.saturating_add(CONTEXT_CHARS))
                .to_owned(),
        }
    }
}

/// An annotation that could not be placed in the current text (its quote is
/// gone). It is kept with its quote and note so that nothing the user wrote
/// is lost; it can be re-attached to a new selection or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orphan {
    /// `start`/`end` are where it was in the text it last had.
    pub annotation: Annotation,
    pub quote: Quote,
}

impl Annotation {
    pub(crate) fn from_new(new: NewAnnotation) -> Annotation {
        Annotation {
            id: new.id,
            tag: new.tag,
            note: new.note,
            start: new.start,
            end: new.end,
            created: new.now.clone(),
            modified: new.now,
        }
    }
}
