//! Why an edit to the annotations or tags was refused. Every message is
//! written for the person at the keyboard: the app shows it as it is.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// An id that is empty, too long or holds control characters.
    BadId(String),
    /// The id is already used by an annotation, orphan or tag.
    DuplicateId(String),
    UnknownAnnotation(String),
    UnknownOrphan(String),
    UnknownTag(String),
    EmptyTagName,
    BadTagName(String),
    TagNameTooLong {
        length: usize,
    },
    DuplicateTagName(String),
    BadColor(String),
    BadTimestamp(String),
    /// Start and end are equal, or the span holds only whitespace.
    EmptyRange {
        start: usize,
        end: usize,
    },
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    /// Deleting a tag that annotations use needs the explicit
    /// "delete with its annotations" action.
    TagInUse {
        name: String,
        count: usize,
    },
    NoSuchFact(usize),
    NoSuchParagraph(usize),
    /// The paragraph is not part of any speaker's turn.
    NotInATurn(usize),
    DescriptionTooLong {
        length: usize,
    },
    /// A position in the tag list past its end.
    BadPosition {
        position: usize,
        len: usize,
    },
    /// A recorded change no longer fits the state it is applied to: a bug in
    /// the caller, reported rather than applied.
    Stale(&'static str),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::BadId(id) => write!(
                f,
                "{id:?} cannot be an id: ids must be 1 to 200 printable characters"
            ),
            EditError::DuplicateId(id) => write!(f, "the id {id:?} is already in use"),
            EditError::UnknownAnnotation(id) => write!(f, "there is no annotation {id:?}"),
            EditError::UnknownOrphan(id) => {
                write!(f, "there is no unplaced annotation {id:?}")
            }
            EditError::UnknownTag(id) => write!(f, "there is no tag {id:?}"),
            EditError::EmptyTagName => write!(f, "a tag needs a name"),
            EditError::BadTagName(name) => {
                write!(
                    f,
                    "{name:?} cannot be a tag name: it holds control characters"
                )
            }
            EditError::DescriptionTooLong { length } => write!(
                f,
                "a tag description can be at most {} characters; this one has {length}",
                super::tags::MAX_TAG_DESCRIPTION_CHARS
            ),
            EditError::TagNameTooLong { length } => write!(
                f,
                "a tag name can be at most {} characters; this one has {length}",
                super::tags::MAX_TAG_NAME_CHARS
            ),
            EditError::DuplicateTagName(name) => {
                write!(f, "there is already a tag named {name:?}")
            }
            EditError::BadColor(color) => {
                write!(f, "{color:?} is not a colour: use #rrggbb, e.g. #e69f00")
            }
            EditError::BadTimestamp(stamp) => write!(
                f,
                "{stamp:?} is not an ISO-8601 date-time such as 2024-03-14T10:03:00Z"
            ),
            EditError::EmptyRange { start, end } => {
                write!(f, "the selection {start}–{end} holds no text")
            }
            EditError::OutOfRange { start, end, len } => write!(
                f,
                "the selection {start}–{end} is outside the text ({len} characters)"
            ),
            EditError::TagInUse { name, count } => write!(
                f,
                "the tag {name:?} is used by {count} annotation{}; delete those too, or \
                 move them to another tag first",
                if *count == 1 { "" } else { "s" }
            ),
            EditError::NoSuchFact(index) => write!(f, "there is no fact number {index}"),
            EditError::NoSuchParagraph(index) => {
                write!(f, "there is no paragraph number {index}")
            }
            EditError::NotInATurn(index) => {
                write!(f, "paragraph {index} is not part of a speaker's turn")
            }
            EditError::BadPosition { position, len } => write!(
                f,
                "position {position} is past the end of the tag list ({len} tags)"
            ),
            EditError::Stale(what) => write!(f, "internal error: {what}"),
        }
    }
}

impl std::error::Error for EditError {}
