//! Turns a raw selection into the span an annotation should have: whole
//! words, whole characters, no surrounding whitespace.
//!
//! People select sloppily: half a word, a trailing space, the comma after a
//! word, backwards. Annotations read best and re-anchor best on whole words,
//! so the selection snaps outwards to word edges. Punctuation the user took
//! in is kept where it can end or begin a phrase (a closing quote or full
//! stop at the end, an opening bracket at the start) and dropped where it
//! cannot (a comma or an opening quote left dangling at the end).

use std::ops::Range;

use crate::document::{Document, Span};

use super::clusters::{base, ceil_boundary, floor_boundary, next_cluster, prev_cluster};
use super::indexed::Indexed;

/// Snaps a selection of code points `start`..`end` (either order, clamped to
/// the text) out to whole words. `None` when it holds nothing but
/// whitespace or dangling punctuation, or is empty.
pub fn snap_selection(document: &Document, start: usize, end: usize) -> Option<Span> {
    snap_in(&Indexed::of(document), start, end)
}

pub(crate) fn snap_in(text: &Indexed, start: usize, end: usize) -> Option<Span> {
    let len = text.len_chars();
    let (a, b) = (start.min(end).min(len), start.max(end).min(len));
    if a == b {
        return None;
    }
    let s = text.text;
    let mut from = floor_boundary(s, text.byte(a));
    let mut to = ceil_boundary(s, text.byte(b));

    while let Some(first) = next_cluster(s, from).filter(|c| c.end <= to) {
        if !droppable(s, &first, LEADING_DROP) {
            break;
        }
        from = first.end;
    }
    while let Some(last) = prev_cluster(s, to).filter(|c| c.start >= from) {
        if !droppable(s, &last, TRAILING_DROP) {
            break;
        }
        to = last.start;
    }
    if from >= to {
        return None;
    }

    if next_cluster(s, from).is_some_and(|c| in_word(s, &c)) {
        while let Some(before) = prev_cluster(s, from).filter(|c| in_word(s, c)) {
            from = before.start;
        }
    }
    if prev_cluster(s, to).is_some_and(|c| in_word(s, &c)) {
        while let Some(after) = next_cluster(s, to).filter(|c| in_word(s, c)) {
            to = after.end;
        }
    }
    Some(Span {
        start: text.char(from),
        end: text.char(to),
    })
}

/// Punctuation that cannot begin a phrase: closing marks and separators.
const LEADING_DROP: &[char] = &[
    ',', ';', ':', '.', '!', '?', ')', ']', '}', '”', '»', '›', '’', '–', '—', '-', '‐', '‑', '…',
];

/// Punctuation that cannot end a phrase: opening marks and separators.
const TRAILING_DROP: &[char] = &[
    ',', ';', ':', '(', '[', '{', '“', '«', '‹', '‘', '–', '—', '-', '‐', '‑',
];

/// Apostrophes and hyphens join the letters on both sides into one word
/// ("Japan’s", "Okonkwo-Lindqvist").
const INNER_JOINERS: &[char] = &['\'', '’', '-', '‐', '‑'];

/// Separators inside numbers ("2.4", "11,000").
const NUMBER_JOINERS: &[char] = &['.', ','];

/// Whitespace, and the invisible characters that behave like it.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn droppable(text: &str, cluster: &Range<usize>, punctuation: &[char]) -> bool {
    let c = base(text, cluster);
    is_blank(c) || (punctuation.contains(&c) && !in_word(text, cluster))
}

/// Whether a cluster is part of a word: a letter or digit, or a joiner
/// between two of them.
fn in_word(text: &str, cluster: &Range<usize>) -> bool {
    let c = base(text, cluster);
    if c.is_alphanumeric() {
        return true;
    }
    let neighbours = || {
        let before = prev_cluster(text, cluster.start).map(|r| base(text, &r));
        let after = next_cluster(text, cluster.end).map(|r| base(text, &r));
        before.zip(after)
    };
    if INNER_JOINERS.contains(&c) {
        return neighbours().is_some_and(|(b, a)| b.is_alphanumeric() && a.is_alphanumeric());
    }
    if NUMBER_JOINERS.contains(&c) {
        return neighbours().is_some_and(|(b, a)| b.is_numeric() && a.is_numeric());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(text: &str, start: usize, end: usize) -> Option<String> {
        let indexed = Indexed::new(text);
        snap_in(&indexed, start, end).map(|s| indexed.slice(s.start, s.end).to_owned())
    }

    #[test]
    fn words_hyphens_apostrophes_numbers() {
        let text = "Japan’s delegate, Ms. Okonkwo-Lindqvist, cited 2.4 million (2017).";
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let s = at("pan’s");
        assert_eq!(snap(text, s, s + 2).as_deref(), Some("Japan’s"));
        let s = at("Lind");
        assert_eq!(snap(text, s, s + 3).as_deref(), Some("Okonkwo-Lindqvist"));
        let s = at(".4");
        assert_eq!(snap(text, s + 1, s + 2).as_deref(), Some("2.4"));
        let s = at("(2017)");
        assert_eq!(snap(text, s, s + 6).as_deref(), Some("(2017)"));
        let s = at(", cited");
        assert_eq!(snap(text, s, s + 7).as_deref(), Some("cited"));
    }

    #[test]
    fn dangling_punctuation_alone_is_nothing() {
        assert_eq!(snap("a — b", 1, 4), None);
        assert_eq!(snap("a , b", 1, 3), None);
        assert_eq!(snap("", 0, 3), None);
    }

    #[test]
    fn snapping_twice_changes_nothing() {
        let text = "“We are watching,” said ZOË ÅSTRÖM 🎉 — Japan’s e\u{301}lan, 2.4 (x).";
        let len = text.chars().count();
        let indexed = Indexed::new(text);
        for a in 0..=len {
            for b in a..=len {
                if let Some(once) = snap_in(&indexed, a, b) {
                    assert_eq!(
                        snap_in(&indexed, once.start, once.end),
                        Some(once),
                        "{a}..{b}"
                    );
                    let got = indexed.slice(once.start, once.end);
                    assert_eq!(got.trim(), got, "{a}..{b}");
                    assert!(once.start <= a.max(once.start) && once.end >= b.min(once.end));
                }
            }
        }
    }
}
