//! UTF-16 code units, which the DOM counts (selection and range offsets,
//! `selectionStart` of a textarea), to the code points Rapporteur counts,
//! and back. Only the browser layer needs this, but it lives here, next to
//! the byte/code-point mapping, so that it is built and tested natively.
//!
//! A DOM offset can fall between the two halves of a surrogate pair (a
//! script can put a range boundary there, and a textarea's selection can end
//! there). Such an offset names no code-point position, so the caller says
//! which way it moves: a selection's start moves back and its end forward,
//! so that a selection touching half of an emoji holds all of it.

/// Which way a UTF-16 offset inside a surrogate pair moves to a character
/// boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    /// To just before the character (for the start of a range).
    Back,
    /// To just after the character (for the end of a range).
    Forward,
}

/// The code point and byte at or around UTF-16 offset `units` of `text`:
/// `(code points, bytes)` before the position. Offsets past the end are the
/// end of the text.
fn position_of_utf16(text: &str, units: usize, snap: Snap) -> (usize, usize) {
    let mut seen = 0;
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        if seen >= units {
            return (chars, byte);
        }
        let width = c.len_utf16();
        if seen + width > units {
            // `units` is between the halves of this character's pair.
            return match snap {
                Snap::Back => (chars, byte),
                Snap::Forward => (chars + 1, byte + c.len_utf8()),
            };
        }
        seen += width;
    }
    (text.chars().count(), text.len())
}

/// Code points before UTF-16 offset `units` of `text`.
pub fn char_of_utf16(text: &str, units: usize, snap: Snap) -> usize {
    position_of_utf16(text, units, snap).0
}

/// Byte offset of UTF-16 offset `units` of `text`, always on a character
/// boundary (so that `text` can be sliced there).
pub fn byte_of_utf16(text: &str, units: usize, snap: Snap) -> usize {
    position_of_utf16(text, units, snap).1
}

/// UTF-16 code units before code point `chars` of `text`; offsets past the
/// end are the end of the text.
pub fn utf16_of_char(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

/// A range given in UTF-16 offsets of `text` (either way round) as code
/// points `start..end`, widened to whole characters where an end falls
/// inside a surrogate pair.
pub fn chars_of_utf16_range(text: &str, a: usize, b: usize) -> (usize, usize) {
    let (start, end) = (a.min(b), a.max(b));
    (
        char_of_utf16(text, start, Snap::Back),
        char_of_utf16(text, end, Snap::Forward),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "a🎉b": 'a' is unit 0, the emoji units 1 and 2, 'b' unit 3.
    const PARTY: &str = "a🎉b";

    #[test]
    fn plain_and_two_unit_characters() {
        assert_eq!(char_of_utf16(PARTY, 0, Snap::Back), 0);
        assert_eq!(char_of_utf16(PARTY, 1, Snap::Back), 1);
        assert_eq!(char_of_utf16(PARTY, 3, Snap::Back), 2);
        assert_eq!(char_of_utf16(PARTY, 4, Snap::Back), 3);
        // One unit, two bytes: still one code point.
        assert_eq!(char_of_utf16("é!", 1, Snap::Back), 1);
        assert_eq!(byte_of_utf16("é!", 1, Snap::Back), 2);
        // Three bytes, one unit.
        assert_eq!(char_of_utf16("—x", 1, Snap::Forward), 1);
        assert_eq!(byte_of_utf16("—x", 1, Snap::Forward), 3);
    }

    #[test]
    fn offsets_inside_a_surrogate_pair_snap_to_either_side() {
        assert_eq!(char_of_utf16(PARTY, 2, Snap::Back), 1);
        assert_eq!(char_of_utf16(PARTY, 2, Snap::Forward), 2);
        assert_eq!(byte_of_utf16(PARTY, 2, Snap::Back), 1);
        assert_eq!(byte_of_utf16(PARTY, 2, Snap::Forward), 5);
        assert!(PARTY.is_char_boundary(byte_of_utf16(PARTY, 2, Snap::Back)));
        assert!(PARTY.is_char_boundary(byte_of_utf16(PARTY, 2, Snap::Forward)));
        // A boundary that is not inside a pair does not move either way.
        for units in [0, 1, 3, 4] {
            assert_eq!(
                char_of_utf16(PARTY, units, Snap::Back),
                char_of_utf16(PARTY, units, Snap::Forward)
            );
        }
    }

    #[test]
    fn surrogate_pairs_at_both_ends_of_a_selection() {
        // "🇺🇳" is two regional indicators, each a surrogate pair; "👍🏽"
        // is a thumb and a skin tone, both pairs.
        let text = "🇺🇳 vote 👍🏽";
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(units.len(), 4 + 6 + 4);
        // The whole text, start and end on pairs.
        assert_eq!(text.chars().count(), 10);
        assert_eq!(chars_of_utf16_range(text, 0, units.len()), (0, 10));
        // From inside the first flag letter to inside the skin tone: widened
        // to both whole code points.
        assert_eq!(chars_of_utf16_range(text, 1, 13), (0, 10));
        // From inside the second flag letter to inside the thumb.
        assert_eq!(chars_of_utf16_range(text, 3, 11), (1, 9));
        // Given backwards (a selection dragged right to left).
        assert_eq!(chars_of_utf16_range(text, 11, 3), (1, 9));
        // Exactly on the pairs' edges: nothing widened.
        assert_eq!(chars_of_utf16_range(text, 2, 10), (1, 8));
        let (start, end) = chars_of_utf16_range(text, 5, 9);
        assert_eq!(
            text.chars()
                .skip(start)
                .take(end - start)
                .collect::<String>(),
            "vote"
        );
    }

    #[test]
    fn out_of_range_offsets_are_the_end_of_the_text() {
        assert_eq!(char_of_utf16(PARTY, 5, Snap::Back), 3);
        assert_eq!(char_of_utf16(PARTY, usize::MAX, Snap::Forward), 3);
        assert_eq!(byte_of_utf16(PARTY, 99, Snap::Back), PARTY.len());
        assert_eq!(chars_of_utf16_range(PARTY, 2, 40), (1, 3));
        assert_eq!(utf16_of_char(PARTY, 3), 4);
        assert_eq!(utf16_of_char(PARTY, 40), 4);
        assert_eq!(char_of_utf16("", 3, Snap::Back), 0);
        assert_eq!(utf16_of_char("", 3), 0);
        assert_eq!(chars_of_utf16_range("", 0, 7), (0, 0));
    }

    #[test]
    fn round_trips_every_code_point_boundary() {
        let text = "Zürich — 東京 🎉 ok 👩🏽‍⚕️ \u{10FFFF}\u{FFFF}a\u{301}";
        let mut units = 0;
        for (chars, c) in text.chars().enumerate() {
            assert_eq!(utf16_of_char(text, chars), units);
            for snap in [Snap::Back, Snap::Forward] {
                assert_eq!(char_of_utf16(text, units, snap), chars);
            }
            units += c.len_utf16();
        }
        let total = text.chars().count();
        assert_eq!(utf16_of_char(text, total), units);
        assert_eq!(char_of_utf16(text, units, Snap::Back), total);
        // Against the standard library's own encoding, unit by unit.
        let encoded: Vec<u16> = text.encode_utf16().collect();
        for at in 0..=encoded.len() {
            let back = byte_of_utf16(text, at, Snap::Back);
            let forward = byte_of_utf16(text, at, Snap::Forward);
            let prefix = |byte: usize| text[..byte].encode_utf16().count();
            assert!(prefix(back) <= at && at <= prefix(forward));
            assert!(forward - back <= 4);
        }
    }
}
