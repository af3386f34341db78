//! Just enough of user-perceived characters to never cut one in two: a base
//! character with the combining marks, variation selectors and emoji
//! modifiers that follow it, emoji joined by ZERO WIDTH JOINER, and flag
//! pairs of regional indicators. Not full UAX #29, which would need its
//! tables in the wasm bundle; Hangul jamo and Indic conjuncts are left to be
//! split at code points.
//!
//! Everything works on byte offsets that are char boundaries of `text`.

use std::ops::Range;

const ZWJ: char = '\u{200D}';

/// Characters that attach to the character before them.
fn is_extender(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'       // combining diacritical marks
        | '\u{1AB0}'..='\u{1AFF}'     // ... extended
        | '\u{1DC0}'..='\u{1DFF}'     // ... supplement
        | '\u{20D0}'..='\u{20FF}'     // ... for symbols (keycap U+20E3)
        | '\u{FE20}'..='\u{FE2F}'     // combining half marks
        | '\u{FE00}'..='\u{FE0F}'     // variation selectors, VS16 included
        | '\u{E0100}'..='\u{E01EF}'   // variation selectors supplement
        | '\u{1F3FB}'..='\u{1F3FF}'   // emoji skin-tone modifiers
        | '\u{E0020}'..='\u{E007F}'   // tag characters (subdivision flags)
        | ZWJ)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Longest run of regional indicators looked at when pairing them: flags
/// come one or two at a time, and a bound keeps a pathological run linear.
const MAX_FLAG_RUN: usize = 64;

/// Whether `byte` is between two user-perceived characters.
pub(crate) fn is_boundary(text: &str, byte: usize) -> bool {
    if byte == 0 || byte >= text.len() {
        return true;
    }
    if !text.is_char_boundary(byte) {
        return false;
    }
    let (Some(prev), Some(next)) = (
        text[..byte].chars().next_back(),
        text[byte..].chars().next(),
    ) else {
        return true;
    };
    if is_extender(next) {
        return false;
    }
    if prev == ZWJ && !next.is_whitespace() {
        return false;
    }
    if is_regional_indicator(prev) && is_regional_indicator(next) {
        let run = text[..byte]
            .chars()
            .rev()
            .take(MAX_FLAG_RUN)
            .take_while(|&c| is_regional_indicator(c))
            .count();
        // An odd count before `next` means `prev` still waits for its pair.
        return run % 2 == 0;
    }
    true
}

/// The boundary at or before `byte`.
pub(crate) fn floor_boundary(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while !is_boundary(text, byte) {
        byte -= prev_char_len(text, byte);
    }
    byte
}

/// The boundary at or after `byte`.
pub(crate) fn ceil_boundary(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while !is_boundary(text, byte) {
        byte += next_char_len(text, byte);
    }
    byte
}

fn prev_char_len(text: &str, byte: usize) -> usize {
    let mut at = byte.saturating_sub(1);
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    (byte - at).max(1)
}

fn next_char_len(text: &str, byte: usize) -> usize {
    text.get(byte..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// The cluster ending at boundary `byte`.
pub(crate) fn prev_cluster(text: &str, byte: usize) -> Option<Range<usize>> {
    if byte == 0 {
        return None;
    }
    let start = floor_boundary(text, byte - prev_char_len(text, byte));
    Some(start..byte)
}

/// The cluster starting at boundary `byte`.
pub(crate) fn next_cluster(text: &str, byte: usize) -> Option<Range<usize>> {
    if byte >= text.len() {
        return None;
    }
    let end = ceil_boundary(text, byte + next_char_len(text, byte));
    Some(byte..end)
}

/// The first character of a cluster.
pub(crate) fn base(text: &str, cluster: &Range<usize>) -> char {
    text[cluster.clone()].chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(c) = next_cluster(text, at) {
            out.push(&text[c.clone()]);
            at = c.end;
        }
        out
    }

    #[test]
    fn keeps_marks_emoji_sequences_and_flags_whole() {
        let text = "e\u{301}x 👩\u{200D}🔬 ❤\u{FE0F} 👍🏽 🇸🇪🇳🇴 1\u{FE0F}\u{20E3}";
        assert_eq!(
            clusters(text),
            vec![
                "e\u{301}",
                "x",
                " ",
                "👩\u{200D}🔬",
                " ",
                "❤\u{FE0F}",
                " ",
                "👍🏽",
                " ",
                "🇸🇪",
                "🇳🇴",
                " ",
                "1\u{FE0F}\u{20E3}"
            ]
        );
    }

    #[test]
    fn walks_back_the_same_clusters() {
        let text = "a\u{301}\u{302}b🇸🇪";
        let mut out = Vec::new();
        let mut at = text.len();
        while let Some(c) = prev_cluster(text, at) {
            out.push(&text[c.clone()]);
            at = c.start;
        }
        assert_eq!(out, vec!["🇸🇪", "b", "a\u{301}\u{302}"]);
    }

    #[test]
    fn a_leading_mark_is_its_own_cluster() {
        assert_eq!(clusters("\u{301}a"), vec!["\u{301}", "a"]);
    }
}
