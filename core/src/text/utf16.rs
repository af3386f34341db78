//! Offsets in UTF-16 code units, as the DOM (selections, ranges, a
//! textarea's `selectionStart`), JavaScript strings and Java (UIMA) count
//! them, converted to and from the code points every offset of ours counts.
//! A code point above U+FFFF (most emoji) is two UTF-16 units, one below is
//! one; an offset between the two halves of such a pair names no code point.
//!
//! The list conversions take a whole list of offsets and walk the text once,
//! so converting every span of a large document stays linear; they refuse
//! an offset inside a pair (an export must not move a span). The single
//! conversions serve the browser, where a selection can end inside a pair
//! (a script can put a range boundary there, and a textarea's selection can
//! end there): the caller says which way such an offset moves. A
//! selection's start moves back and its end forward, so that a selection
//! touching half of an emoji holds all of it.

/// The UTF-16 offset of each code-point offset. Offsets past the end of the
/// text clamp to its end.
pub fn utf16_of_chars(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = vec![0; offsets.len()];
    let (mut chars, mut units) = (0usize, 0usize);
    let mut iter = text.chars();
    for (target, slot) in ascending(offsets) {
        while chars < target {
            let Some(c) = iter.next() else { break };
            chars += 1;
            units += c.len_utf16();
        }
        out[slot] = units;
    }
    out
}

/// The code-point offset of each UTF-16 offset; `None` for an offset inside
/// a surrogate pair or past the end of the text.
pub fn chars_of_utf16(text: &str, offsets: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; offsets.len()];
    let (mut chars, mut units) = (0usize, 0usize);
    let mut iter = text.chars();
    for (target, slot) in ascending(offsets) {
        while units < target {
            let Some(c) = iter.next() else { break };
            chars += 1;
            units += c.len_utf16();
        }
        out[slot] = (units == target).then_some(chars);
    }
    out
}

/// Length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The offsets in ascending order, each with its index in `offsets`, so
/// that one walk through the text answers them all.
fn ascending(offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut wanted: Vec<(usize, usize)> = offsets.iter().copied().zip(0..).collect();
    crate::sort::sort(&mut wanted);
    wanted
}

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
    utf16_of_chars(text, &[chars])[0]
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

    // "a🎉é" with é as e + U+0301, then Hebrew: code points a,🎉,e,◌́,ש,ל
    const TEXT: &str = "a\u{1F389}e\u{301}\u{5E9}\u{5DC}";

    #[test]
    fn code_points_to_units_counts_pairs_twice() {
        assert_eq!(
            utf16_of_chars(TEXT, &[0, 1, 2, 3, 4, 5, 6, 99]),
            vec![0, 1, 3, 4, 5, 6, 7, 7]
        );
        // Any order in, the same order out.
        assert_eq!(utf16_of_chars(TEXT, &[6, 2, 0]), vec![7, 3, 0]);
        assert_eq!(utf16_len(TEXT), 7);
    }

    #[test]
    fn units_to_code_points_refuse_the_middle_of_a_pair() {
        assert_eq!(
            chars_of_utf16(TEXT, &[0, 1, 2, 3, 7, 8]),
            vec![Some(0), Some(1), None, Some(2), Some(6), None]
        );
        assert_eq!(chars_of_utf16(TEXT, &[3, 1]), vec![Some(2), Some(1)]);
    }

    #[test]
    fn round_trip_over_every_boundary() {
        let text = "Zoë 🇸🇪 said שלום and مرحبا 👩\u{200D}🔬 e\u{301}\u{10FFFF}.";
        let n = text.chars().count();
        let all: Vec<usize> = (0..=n).collect();
        let units = utf16_of_chars(text, &all);
        let back = chars_of_utf16(text, &units);
        assert_eq!(back, all.iter().map(|&c| Some(c)).collect::<Vec<_>>());
        assert_eq!(*units.last().unwrap(), text.encode_utf16().count());
    }

    #[test]
    fn empty_text() {
        assert_eq!(utf16_of_chars("", &[0, 3]), vec![0, 0]);
        assert_eq!(chars_of_utf16("", &[0, 1]), vec![Some(0), None]);
    }

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
