//! A text with its code-point index, borrowed from a document or built for a
//! text that came from a file, so that every module slices the same way.

use std::borrow::Cow;

use crate::document::Document;
use crate::text::CharIndex;

pub(crate) struct Indexed<'a> {
    pub text: &'a str,
    index: Cow<'a, CharIndex>,
}

impl<'a> Indexed<'a> {
    /// Indexes a text that has no document (an imported or saved text).
    pub fn new(text: &'a str) -> Self {
        Indexed {
            text,
            index: Cow::Owned(CharIndex::new(text)),
        }
    }

    /// Borrows the document's own lazily built index.
    pub fn of(document: &'a Document) -> Self {
        Indexed {
            text: &document.text,
            index: Cow::Borrowed(document.char_index()),
        }
    }

    pub fn len_chars(&self) -> usize {
        self.index.len_chars()
    }

    /// Byte offset of a code-point offset, clamped to the end.
    pub fn byte(&self, char_offset: usize) -> usize {
        self.index.byte_of_char(self.text, char_offset)
    }

    /// Code-point offset of a byte offset.
    pub fn char(&self, byte: usize) -> usize {
        self.index.char_of_byte(self.text, byte)
    }

    /// The text between two code-point offsets, clamped and never reversed.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.byte(start);
        let to = self.byte(end.max(start));
        &self.text[from..to]
    }
}

/// At most `max` code points of `s`, with an ellipsis when cut, for messages.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
