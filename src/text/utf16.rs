//! Offsets in UTF-16 code units, as JavaScript strings and Java (UIMA) count
//! them, converted to and from the code points every offset of ours counts.
//! A code point above U+FFFF (most emoji) is two UTF-16 units, one below is
//! one; an offset between the two halves of such a pair names no code point.
//!
//! Each conversion takes a whole list of offsets and walks the text once, so
//! converting every span of a large document stays linear.

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
}
