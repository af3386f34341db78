//! The character-level scanner every pass shares: char-safe cursor helpers
//! over byte offsets, and the word and phrase tests built on them. The
//! parser (`crate::parse`) and the fact extractor (`crate::facts`) both read
//! text through these, so that a space, a word or a capital means the same
//! thing everywhere.
//!
//! All positions are byte offsets into one string and every helper only
//! returns offsets at char boundaries, so slicing with them never panics.
//! A "word" is a run of alphanumeric characters, with hyphens allowed
//! between two of them (`well-equipped`, `Guinea-Bissau`, `V-162`).

use std::ops::Range;

/// The character starting at byte `i`, if any. An ASCII byte is always a
/// whole character, so the common case needs no decoding.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    let byte = *s.as_bytes().get(i)?;
    if byte < 0x80 {
        return Some(char::from(byte));
    }
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if any.
#[inline]
pub fn char_before(s: &str, i: usize) -> Option<char> {
    let byte = *s.as_bytes().get(i.checked_sub(1)?)?;
    if byte < 0x80 && s.is_char_boundary(i) {
        return Some(char::from(byte));
    }
    s.get(..i)?.chars().next_back()
}

#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General Punctuation (curly quotes, dashes, spaces): common in
        // releases, never a letter or digit; spares the Unicode tables.
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Hyphen-minus, hyphen and non-breaking hyphen: all join compound words.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Any dash that may stand between words or numbers in a range.
pub fn is_dash(c: char) -> bool {
    is_hyphen(c) || matches!(c, '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}')
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Spaces within a line: ordinary, no-break, thin and the like.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        c.is_whitespace()
    }
}

pub fn skip_spaces(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

pub fn skip_spaces_back(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(s, i) {
        if !is_space(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// End of the word that starts at `i` (`i` itself when no word starts there).
pub fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        // ASCII letters and digits a byte at a time: nearly every word is
        // only these, and every pass asks for word ends.
        i = super::swar::ascii_alnum_end(b, i);
        let Some(c) = char_at(s, i) else {
            return i;
        };
        if c.is_ascii() && c != '-' {
            return i;
        }
        let joins = is_hyphen(c)
            && char_before(s, i).is_some_and(is_word_char)
            && char_at(s, i + c.len_utf8()).is_some_and(is_word_char);
        if !is_word_char(c) && !joins {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Start of the word that ends at `i`.
pub fn word_start(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(s, i) {
        let before = i - c.len_utf8();
        let joins = is_hyphen(c)
            && char_before(s, before).is_some_and(is_word_char)
            && char_at(s, i).is_some_and(is_word_char);
        if !is_word_char(c) && !joins {
            break;
        }
        i = before;
    }
    i
}

/// The word after `i`, across spaces only (punctuation stops the search).
pub fn next_word(s: &str, i: usize) -> Option<Range<usize>> {
    let start = skip_spaces(s, i);
    let end = word_end(s, start);
    (end > start).then_some(start..end)
}

/// The word before `i`, across spaces only.
pub fn prev_word(s: &str, i: usize) -> Option<Range<usize>> {
    let end = skip_spaces_back(s, i);
    let start = word_start(s, end);
    (end > start).then_some(start..end)
}

/// No word character touches `i` from the right.
pub fn boundary_after(s: &str, i: usize) -> bool {
    !char_at(s, i).is_some_and(is_word_char)
}

/// The first letter is upper case.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Has letters and none of them is lower case (`NATO`, `T`, `ANTÓNIO`).
pub fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase);
    }
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Matches `phrase` at `i`: ASCII case ignored, each space in the phrase
/// standing for one or more spaces in the text. A phrase ending in a word
/// character must end at a word boundary. Returns the end of the match.
pub fn match_phrase(s: &str, i: usize, phrase: &str) -> Option<usize> {
    let mut at = i;
    for p in phrase.chars() {
        if p == ' ' {
            let next = skip_spaces(s, at);
            if next == at {
                return None;
            }
            at = next;
        } else {
            let c = char_at(s, at)?;
            if !c.eq_ignore_ascii_case(&p) {
                return None;
            }
            at += c.len_utf8();
        }
    }
    let needs_boundary = phrase.chars().next_back().is_some_and(is_word_char);
    (!needs_boundary || boundary_after(s, at)).then_some(at)
}

/// The first of `phrases` that matches at `i`, with its end.
pub fn match_any<'p>(s: &str, i: usize, phrases: &[&'p str]) -> Option<(usize, &'p str)> {
    let first = s.as_bytes().get(i)?.to_ascii_lowercase();
    phrases
        .iter()
        .filter(|p| p.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first))
        .find_map(|p| match_phrase(s, i, p).map(|end| (end, *p)))
}

/// Is `word` (any case) in `sorted`, a sorted list of lower-case ASCII
/// words? A binary search on a copy lower-cased on the stack.
pub fn in_sorted(word: &str, sorted: &[&str]) -> bool {
    let mut buffer = [0u8; 24];
    if word.len() > buffer.len() || !word.is_ascii() {
        return false;
    }
    for (k, b) in word.bytes().enumerate() {
        buffer[k] = b.to_ascii_lowercase();
    }
    in_sorted_exact(&buffer[..word.len()], sorted)
}

/// Is `word` exactly in `sorted` (sorted by bytes)? A binary search that
/// compares short words inline rather than through `memcmp`.
pub fn in_sorted_exact(word: &[u8], sorted: &[&str]) -> bool {
    sorted
        .binary_search_by(|probe| compare_bytes(probe.as_bytes(), word))
        .is_ok()
}

/// The order of `str`, for short byte strings.
#[inline]
pub fn compare_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether each byte value is an ASCII letter or digit: one load in the
/// loops that run over every byte of a text, instead of three range tests.
pub static IS_ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The lines of `text`, as `text.split('\n')` gives them (a last, empty
/// line after a final line feed included), the line feeds found with
/// `memchr`: the passes that read a whole text line by line use this.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut line_feeds = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut next_start = Some(0);
    std::iter::from_fn(move || {
        let start = next_start?;
        match line_feeds.next() {
            Some(end) => {
                next_start = Some(end + 1);
                Some(&text[start..end])
            }
            None => {
                next_start = None;
                Some(&text[start..])
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_and_digit_table_agrees() {
        for b in 0..=255u8 {
            assert_eq!(
                IS_ASCII_ALNUM[usize::from(b)],
                b.is_ascii_alphanumeric(),
                "{b}"
            );
        }
    }

    #[test]
    fn lines_are_those_split_gives() {
        for text in [
            "",
            "\n",
            "one",
            "one\n",
            "one\ntwo",
            "\n\nthree\r\n\n",
            "é\nü\n\n",
        ] {
            let got: Vec<&str> = lines(text).collect();
            let expected: Vec<&str> = text.split('\n').collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn words_join_hyphens_but_not_dashes() {
        let s = "a well-equipped force — Guinea-Bissau";
        assert_eq!(next_word(s, 1), Some(2..15));
        assert_eq!(&s[16..word_end(s, 16)], "force");
        let dash = s.find('—').unwrap();
        assert_eq!(word_end(s, dash), dash);
        let gb = s.find("Guinea").unwrap();
        assert_eq!(&s[gb..word_end(s, gb)], "Guinea-Bissau");
        assert_eq!(prev_word(s, s.len()), Some(gb..s.len()));
    }

    #[test]
    fn sorted_lookups_ignore_case_and_need_whole_words() {
        let sorted = ["a", "about", "ab", "the", "them"];
        let mut sorted = sorted.to_vec();
        sorted.sort_unstable();
        for word in ["a", "About", "AB", "the", "Them"] {
            assert!(in_sorted(word, &sorted), "{word}");
        }
        for word in ["", "abo", "th", "themselves", "b", "é"] {
            assert!(!in_sorted(word, &sorted), "{word}");
        }
        assert!(in_sorted_exact(b"them", &sorted));
        assert!(!in_sorted_exact(b"Them", &sorted));
    }

    #[test]
    fn general_punctuation_is_never_a_word_character() {
        for c in ('\u{2000}'..='\u{206F}').chain(['a', 'É', '9', '—', '’', 'ⁱ']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        for word in [
            "NATO",
            "T.",
            "Nato",
            "—",
            "",
            "ANTÓNIO",
            "ANTóNIO",
            "U-2",
            "D’ANGELO",
        ] {
            let general =
                word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
            assert_eq!(is_all_caps(word), general, "{word}");
        }
        assert!(is_capitalized("Édouard"));
        assert!(!is_capitalized("zhang"));
    }

    #[test]
    fn spaces_are_what_char_is_whitespace_says() {
        for c in [
            ' ', '\t', '\n', '\r', '\x0b', '\x0c', '\u{a0}', '\u{2003}', '\u{3000}', 'a', '-',
            '\u{200b}',
        ] {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn helpers_stay_on_char_boundaries() {
        let s = "é—1";
        assert_eq!(char_before(s, 1), None);
        assert_eq!(char_at(s, 2), Some('—'));
        assert_eq!(char_at(s, 1), None);
        assert_eq!(skip_spaces_back(s, 0), 0);
    }
}
