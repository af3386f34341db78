//! Small char-safe cursor helpers shared by the scanners.
//!
//! All positions are byte offsets into one paragraph and every helper only
//! returns offsets at char boundaries, so slicing with them never panics.
//! A "word" is a run of alphanumeric characters, with hyphens allowed
//! between two of them (`well-equipped`, `Guinea-Bissau`, `V-162`).

use std::ops::Range;

/// The character starting at byte `i`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
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
    while let Some(c) = char_at(s, i) {
        if is_word_char(c) {
            i += c.len_utf8();
        } else if is_hyphen(c)
            && char_before(s, i).is_some_and(is_word_char)
            && char_at(s, i + c.len_utf8()).is_some_and(is_word_char)
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Start of the word that ends at `i`.
pub fn word_start(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(s, i) {
        let before = i - c.len_utf8();
        if is_word_char(c) {
            i = before;
        } else if is_hyphen(c)
            && char_before(s, before).is_some_and(is_word_char)
            && char_at(s, i).is_some_and(is_word_char)
        {
            i = before;
        } else {
            break;
        }
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

/// No word character touches `i` from the left.
pub fn boundary_before(s: &str, i: usize) -> bool {
    !char_before(s, i).is_some_and(is_word_char)
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
    phrases
        .iter()
        .find_map(|p| match_phrase(s, i, p).map(|end| (end, *p)))
}

/// Byte spans of URLs and e-mail addresses: their digits and capitals are
/// not facts.
pub fn masked_spans(s: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_space(c)) {
            (None, false) => start = Some(i),
            (Some(from), true) => {
                if is_url_or_email(&s[from..i]) {
                    spans.push(from..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
}

fn is_url_or_email(token: &str) -> bool {
    let lower_start = |p: &str| {
        token
            .as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    if token.contains("://") || lower_start("www.") {
        return true;
    }
    match token.find('@') {
        Some(at) => {
            at > 0 && token[at + 1..].contains('.') && token[..at].chars().any(is_word_char)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn masks_urls_and_emails() {
        let s = "Write to pr@hiber.global or see https://x.org/2021/5 now";
        let spans = masked_spans(s);
        let texts: Vec<&str> = spans.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(texts, ["pr@hiber.global", "https://x.org/2021/5"]);
    }

    #[test]
    fn helpers_stay_on_char_boundaries() {
        let s = "é—1";
        assert_eq!(char_before(s, 1), None);
        assert_eq!(char_at(s, 2), Some('—'));
        assert_eq!(skip_spaces_back(s, 0), 0);
    }
}
