//! Finding many multi-word names in text at once, longest first.
//!
//! Names are grouped by their first word in a hash map, so that each word
//! of the text costs one lookup (and only capitalised words are looked up,
//! since every name starts with a capital). Comparison is exact except
//! that a space matches any run of spaces and any apostrophe matches a
//! straight or curly one: `Côte d'Ivoire` is `Côte d’Ivoire`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A small, fast hasher for short keys (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.write(&[byte]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Maps names to payloads and finds them in text.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<T> {
    by_first_word: HashMap<String, Vec<(String, T)>, FxBuild>,
}

impl<T> Default for PhraseMatcher<T> {
    fn default() -> Self {
        PhraseMatcher {
            by_first_word: HashMap::default(),
        }
    }
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The leading letters of `text`: the key a name is filed under.
fn first_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

impl<T: Clone> PhraseMatcher<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a name; a name added twice keeps its first payload.
    pub fn insert(&mut self, name: &str, payload: T) {
        let key = first_word(name);
        if key.is_empty() {
            return;
        }
        let list = self.by_first_word.entry(key.to_owned()).or_default();
        if list.iter().any(|(n, _)| n == name) {
            return;
        }
        list.push((name.to_owned(), payload));
        // Longest first, so that the first match found is the longest.
        list.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    }

    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }

    /// The longest name starting at byte `at` (which must start a word),
    /// as (end, payload).
    pub fn match_at(&self, text: &str, at: usize) -> Option<(usize, T)> {
        let rest = text.get(at..)?;
        if !rest.starts_with(char::is_uppercase) {
            return None;
        }
        let key = first_word(rest);
        let candidates = self.by_first_word.get(key)?;
        candidates
            .iter()
            .find_map(|(name, payload)| matches(rest, name).map(|len| (at + len, payload.clone())))
    }

    /// Every name in `text`, leftmost-longest, not overlapping; names must
    /// start and end at word boundaries.
    pub fn find_all(&self, text: &str) -> Vec<(Range<usize>, T)> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut prev: Option<char> = None;
        while let Some(c) = text[i..].chars().next() {
            let at_word_start = !prev.is_some_and(char::is_alphanumeric);
            if at_word_start && c.is_uppercase() {
                if let Some((end, payload)) = self.match_at(text, i) {
                    out.push((i..end, payload));
                    prev = text[..end].chars().next_back();
                    i = end;
                    continue;
                }
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        out
    }
}

/// Length in bytes of `text`'s prefix that matches `name`, if it does and
/// ends at a word boundary.
fn matches(text: &str, name: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    for n in name.chars() {
        if n == ' ' {
            let mut spaces = 0;
            while t.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                t.next();
                spaces += 1;
            }
            if spaces == 0 {
                return None;
            }
            continue;
        }
        let (_, c) = t.next()?;
        let same = c == n || (is_apostrophe(c) && is_apostrophe(n));
        if !same {
            return None;
        }
    }
    let end = t.peek().map_or(text.len(), |(i, _)| *i);
    let last_is_word = name.chars().next_back().is_some_and(char::is_alphanumeric);
    let boundary = !text[end..].starts_with(char::is_alphanumeric);
    (boundary || !last_is_word).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_with_flexible_spaces_and_apostrophes() {
        let mut m = PhraseMatcher::new();
        m.insert("Guinea", 1);
        m.insert("Guinea-Bissau", 2);
        m.insert("Côte d’Ivoire", 3);
        m.insert("Niger", 4);
        let text = "Guinea-Bissau, Guinea,  Côte d'Ivoire, Nigeria and Niger.";
        let found: Vec<(&str, i32)> = m
            .find_all(text)
            .into_iter()
            .map(|(r, p)| (&text[r], p))
            .collect();
        assert_eq!(
            found,
            [
                ("Guinea-Bissau", 2),
                ("Guinea", 1),
                ("Côte d'Ivoire", 3),
                ("Niger", 4)
            ]
        );
    }
}
