//! Code-point offsets to byte offsets, walking forwards: for offsets asked
//! in increasing order (paragraph after paragraph), one pass over the text
//! in all, with no index built.

/// Walks a text forwards from code-point offset to byte offset; offsets
/// asked in order cost one pass in all.
#[derive(Debug, Default, Clone)]
pub struct CharCursor {
    chars: usize,
    byte: usize,
}

impl CharCursor {
    /// The byte offset of code point `chars` (the end, past it).
    pub fn byte_of(&mut self, text: &str, chars: usize) -> usize {
        if chars < self.chars {
            *self = CharCursor::default();
        }
        let rest = &text[self.byte..];
        let ahead = chars - self.chars;
        let step = rest
            .char_indices()
            .nth(ahead)
            .map_or(rest.len(), |(at, _)| at);
        self.byte += step;
        self.chars = if self.byte == text.len() {
            self.chars + rest[..step].chars().count()
        } else {
            chars
        };
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::CharCursor;

    #[test]
    fn walks_forwards_and_restarts_when_asked_backwards() {
        let text = "aé🎉b";
        let mut cursor = CharCursor::default();
        assert_eq!(cursor.byte_of(text, 1), 1);
        assert_eq!(cursor.byte_of(text, 2), 3);
        assert_eq!(cursor.byte_of(text, 3), 7);
        assert_eq!(cursor.byte_of(text, 9), 8, "past the end: the end");
        assert_eq!(cursor.byte_of(text, 0), 0);
        assert_eq!(cursor.byte_of(text, 4), 8);
    }
}
