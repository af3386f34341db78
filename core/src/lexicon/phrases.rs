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

use crate::text::scan::is_word_char;
use crate::text::swar::ascii_alnum_end;

/// A small, fast hasher for short keys (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Maps names to payloads and finds them in text.
///
/// A trie of tokens: a token is a run of letters and digits or a single
/// other character (`Guinea`, `-`, `Bissau`; `U`, `.`, `S`, `.`), and
/// whitespace between tokens is free. Matching walks the text token by
/// token from a start, so it costs one hash lookup per token of the
/// longest name that could match there, however many names share a
/// prefix (`United Nations …`).
#[derive(Debug, Clone)]
pub struct PhraseMatcher<T> {
    nodes: Vec<Node<T>>,
    /// A bit per (first bytes, length) of the names' first tokens: most
    /// words of a text are ruled out here without hashing.
    first_tokens: Box<[u64; 64]>,
}

/// The bit of a first token in [`PhraseMatcher::first_tokens`].
fn first_token_bit(token: &[u8]) -> usize {
    let a = usize::from(token.first().copied().unwrap_or(0));
    let b = usize::from(token.get(1).copied().unwrap_or(0));
    (a.wrapping_mul(31) ^ b.wrapping_mul(7) ^ (token.len().min(31) << 7)) & 4095
}

#[derive(Debug, Clone)]
struct Node<T> {
    children: HashMap<Box<str>, usize, FxBuild>,
    payload: Option<T>,
}

impl<T> Node<T> {
    fn new() -> Self {
        Node {
            children: HashMap::default(),
            payload: None,
        }
    }
}

impl<T> Default for PhraseMatcher<T> {
    fn default() -> Self {
        PhraseMatcher {
            nodes: vec![Node::new()],
            first_tokens: Box::new([0; 64]),
        }
    }
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The token starting at `at` (after any whitespace): (start, end).
fn token(text: &str, at: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut start = at;
    while b.get(start).is_some_and(|c| *c == b' ' || *c == b'\t') {
        start += 1;
    }
    // ASCII letters and digits first, the common case, eight bytes at a time.
    let mut end = ascii_alnum_end(b, start);
    if end > start && b.get(end).is_none_or(|c| *c < 0x80) {
        return Some((start, end));
    }
    // Past the ASCII part (if any), character by character.
    if end == start {
        let rest = text.get(start..)?;
        start += rest.len() - rest.trim_start().len();
        let first = text[start..].chars().next()?;
        if !is_word_char(first) {
            return Some((start, start + first.len_utf8()));
        }
        end = start;
    }
    let end = text[end..]
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(text.len(), |(k, _)| end + k);
    Some((start, end))
}

/// A token as the trie stores it: every apostrophe is the curly one.
fn key(token: &str) -> &str {
    if token.len() <= 3 && token.chars().count() == 1 && token.chars().all(is_apostrophe) {
        "\u{2019}"
    } else {
        token
    }
}

impl<T: Clone> PhraseMatcher<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a name; a name added twice keeps its first payload.
    pub fn insert(&mut self, name: &str, payload: T) {
        let mut node = 0;
        let mut at = 0;
        while let Some((start, end)) = token(name, at) {
            let k = key(&name[start..end]);
            if node == 0 {
                let bit = first_token_bit(k.as_bytes());
                self.first_tokens[bit / 64] |= 1 << (bit % 64);
            }
            node = match self.nodes[node].children.get(k) {
                Some(&child) => child,
                None => {
                    self.nodes.push(Node::new());
                    let child = self.nodes.len() - 1;
                    self.nodes[node].children.insert(k.into(), child);
                    child
                }
            };
            at = end;
        }
        if node != 0 && self.nodes[node].payload.is_none() {
            self.nodes[node].payload = Some(payload);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes[0].children.is_empty()
    }

    /// The longest name starting at byte `at`, as (end, payload). The name
    /// must start exactly at `at`; a name ending in a letter or digit ends
    /// at a word boundary by construction.
    #[inline(always)]
    pub fn match_at(&self, text: &str, at: usize) -> Option<(usize, T)> {
        // The common case, an ASCII word that starts no name, is settled
        // on its bytes alone, inline at the caller: most calls end here,
        // and the walk below is too big to inline.
        let b = text.as_bytes();
        let run = ascii_alnum_end(b, at);
        if run > at && b.get(run).is_none_or(|c| *c < 0x80) {
            let bit = first_token_bit(&b[at..run]);
            if self.first_tokens[bit / 64] & (1 << (bit % 64)) == 0 {
                return None;
            }
        }
        self.walk_from(text, at)
    }

    /// [`match_at`](Self::match_at) past its first test.
    #[inline(never)]
    fn walk_from(&self, text: &str, at: usize) -> Option<(usize, T)> {
        if self.is_empty() || text.get(at..)?.starts_with(char::is_whitespace) {
            return None;
        }
        let mut node = 0;
        let mut pos = at;
        let mut best = None;
        while let Some((start, end)) = token(text, pos) {
            let Some(&child) = self.nodes[node].children.get(key(&text[start..end])) else {
                break;
            };
            node = child;
            pos = end;
            if let Some(payload) = &self.nodes[node].payload {
                best = Some((pos, payload.clone()));
            }
        }
        best
    }

    /// Every name in `text`, leftmost-longest, not overlapping; names
    /// start at word starts.
    pub fn find_all(&self, text: &str) -> Vec<(Range<usize>, T)> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut prev: Option<char> = None;
        while let Some(c) = text[i..].chars().next() {
            if !prev.is_some_and(is_word_char) && is_word_char(c) {
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
