//! Word-level helpers shared by the passes. Everything here works on byte
//! offsets into one paragraph and never slices inside a character.

use crate::text::scan::{char_at, char_before, is_space, is_word_char};
use crate::text::swar::ascii_word_end;

/// The whitespace-separated words of `s` with their byte offsets.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let start = next_non_space(self.s, self.at);
        if start >= self.s.len() {
            self.at = start;
            return None;
        }
        self.at = next_space(self.s, start);
        Some((start, &self.s[start..self.at]))
    }
}

/// What a byte is to the word splitter: an ASCII byte of a word, an ASCII
/// space ([`is_space`]'s six: space, tab, LF, VT, FF, CR), or a byte of a
/// longer character, which must be decoded.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const WIDE: u8 = 2;

/// [`WORD`], [`SPACE`] or [`WIDE`] for every byte value: one load per byte
/// instead of a chain of comparisons, as every pass that reads words runs
/// the splitter over the whole text.
static CLASS: [u8; 256] = {
    let mut class = [WORD; 256];
    let mut b = 0x80;
    while b < 256 {
        class[b] = WIDE;
        b += 1;
    }
    class[b' ' as usize] = SPACE;
    let mut b = b'\t';
    while b <= b'\r' {
        class[b as usize] = SPACE;
        b += 1;
    }
    class
};

/// The first byte offset from `at` where a space starts, or the end. ASCII
/// is decided eight bytes at a time; only other characters are decoded.
fn next_space(s: &str, mut at: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        at = ascii_word_end(bytes, at);
        match bytes.get(at) {
            None => return bytes.len(),
            Some(&byte) if byte < 0x80 => return at,
            Some(_) => match s[at..].chars().next() {
                Some(c) if is_space(c) => return at,
                Some(c) => at += c.len_utf8(),
                None => return bytes.len(),
            },
        }
    }
}

/// The first byte offset from `at` where a space ends, or the end.
fn next_non_space(s: &str, mut at: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // Spaces come one at a time: a byte-wise loop is cheapest here.
        while at < bytes.len() && CLASS[usize::from(bytes[at])] == SPACE {
            at += 1;
        }
        match bytes.get(at) {
            None => return bytes.len(),
            Some(&byte) if byte < 0x80 => return at,
            Some(_) => match s[at..].chars().next() {
                Some(c) if is_space(c) => at += c.len_utf8(),
                Some(_) => return at,
                None => return bytes.len(),
            },
        }
    }
}

/// Lower-cases and folds typographic variants, so that `Côte d’Ivoire` and
/// `COTE D'IVOIRE`-style spellings meet: curly apostrophes become straight,
/// runs of whitespace one space, a leading "the " goes.
pub fn fold(s: &str) -> String {
    if s.is_ascii() && is_tidy(s) {
        // The common case, already single-spaced ASCII: one copy, lowered
        // in place.
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        if out.starts_with("the ") {
            out.drain(..4);
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for (i, (_, word)) in words(s).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        fold_word_onto(word, &mut out);
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

/// Folds one word (no spaces in it) as [`fold`] folds each word, onto the
/// end of `out`: lower case, straight apostrophes, plain hyphens.
pub fn fold_word_onto(word: &str, out: &mut String) {
    if word.is_ascii() && !word.contains('`') {
        // ASCII folds in place, after one copy.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// `s` with every run of whitespace (no-break spaces and tabs included) made
/// one space and the ends trimmed: how names and titles are reported, so
/// that the same release pasted with other spacing reads the same.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, (_, word)) in words(s).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`tidy`] for an owned string, which is kept as it is (not copied) when
/// it is already tidy, as most are.
pub fn tidy_owned(s: String) -> String {
    if is_tidy(&s) {
        s
    } else {
        tidy(&s)
    }
}

/// Whether [`tidy`] would leave `s` as it is: no space at either end, and
/// between words one plain space. Decided on the bytes for ASCII.
fn is_tidy(s: &str) -> bool {
    if !s.is_ascii() {
        return tidy(s) == s;
    }
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &byte in b {
        match CLASS[usize::from(byte)] {
            SPACE if byte != b' ' || after_space => return false,
            SPACE => after_space = true,
            _ => after_space = false,
        }
    }
    true
}

/// `s` without a leading "the " or "The ".
pub fn strip_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

/// Ends with sentence punctuation, possibly followed by closing quotes or
/// brackets: such a line is running text, not a title.
pub fn ends_like_sentence(s: &str) -> bool {
    let trimmed = s.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', ':', ';', ','])
}

/// Whether `at..at + len` in `s` is a whole word: not glued to letters or
/// digits on either side.
pub fn is_whole_word(s: &str, at: usize, len: usize) -> bool {
    let before_ok = char_before(s, at).is_none_or(|c| !is_word_char(c));
    let after_ok = char_at(s, at + len).is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

/// Finds `needle` in `haystack` ignoring ASCII case, as whole words,
/// starting the search at byte `from`. Returns the byte offset of the match.
pub fn find_word_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes();
    let pat = needle.as_bytes();
    let first = pat.first()?.to_ascii_lowercase();
    let mut at = from;
    while at + pat.len() <= hay.len() {
        // Jump to the next byte that can start a match, then compare.
        let skip = hay[at..=hay.len() - pat.len()]
            .iter()
            .position(|b| b.to_ascii_lowercase() == first)?;
        at += skip;
        if hay[at..at + pat.len()].eq_ignore_ascii_case(pat)
            && haystack.is_char_boundary(at)
            && haystack.is_char_boundary(at + pat.len())
            && is_whole_word(haystack, at, pat.len())
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_offsets_across_odd_spaces() {
        let s = " LIU\u{a0}YANG\t(Chile)  said ";
        let got: Vec<_> = words(s).collect();
        assert_eq!(
            got,
            vec![(1, "LIU"), (6, "YANG"), (11, "(Chile)"), (20, "said")]
        );
    }

    #[test]
    fn words_agree_with_a_char_by_char_split() {
        let reference = |s: &str| -> Vec<(usize, String)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                match (start, is_space(c)) {
                    (None, false) => start = Some(i),
                    (Some(from), true) => {
                        out.push((from, s[from..i].to_owned()));
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        };
        for s in [
            "",
            " ",
            "one",
            "\u{a0}x\u{2003}y\u{3000}",
            "a\x0bb\x0cc\rd\ne\tf",
            "é—1 ünïcödé\u{2009}words  ",
            "\u{1680}\u{85}mixed\u{200b}zero-width\u{205f}end",
            "LIU\u{a0}YANG\t(Chile)  said ",
        ] {
            let got: Vec<(usize, String)> = words(s).map(|(at, w)| (at, w.to_owned())).collect();
            assert_eq!(got, reference(s), "{s:?}");
        }
    }

    #[test]
    fn byte_classes_agree_with_is_space() {
        for byte in 0..=255u8 {
            let expected = if byte >= 0x80 {
                WIDE
            } else if is_space(char::from(byte)) {
                SPACE
            } else {
                WORD
            };
            assert_eq!(CLASS[usize::from(byte)], expected, "{byte:#04x}");
        }
    }

    #[test]
    fn folding_meets_typographic_variants() {
        assert_eq!(fold("the  Côte d’Ivoire"), "côte d'ivoire");
        assert_eq!(fold("United States"), "united states");
        assert_eq!(fold("The  O`NEILL\u{a0}Report"), "o'neill report");
        assert_eq!(fold("The O`NEILL Report"), "o'neill report");
        assert_eq!(fold("the"), "the");
        assert_eq!(fold("THE UNITED STATES"), "united states");
    }

    #[test]
    fn tidy_strings_are_kept() {
        for s in [
            "",
            " ",
            "Ana Lima",
            "Ana  Lima",
            " Ana",
            "Ana ",
            "Ana\tLima",
            "Ana\u{a0}Lima",
            "Côte d’Ivoire",
            "Côte  d’Ivoire",
            "a\nb",
        ] {
            assert_eq!(is_tidy(s), tidy(s) == s, "{s:?}");
            assert_eq!(tidy_owned(s.to_owned()), tidy(s), "{s:?}");
        }
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_like_sentence("He said “no.”"));
        assert!(ends_like_sentence("Remarks as follows:"));
        assert!(!ends_like_sentence("Briefings"));
    }

    #[test]
    fn whole_word_search_ignores_case() {
        assert_eq!(find_word_ci("Then MEETING began", "meeting", 0), Some(5));
        assert_eq!(find_word_ci("meetings", "meeting", 0), None);
        assert_eq!(find_word_ci("ééé meeting", "meeting", 0), Some(7));
    }
}
