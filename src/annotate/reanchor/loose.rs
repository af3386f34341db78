//! A forgiving view of a text, for quotes that no longer match exactly:
//! runs of whitespace become one space, typographic quotes and dashes
//! become their plain forms, and letters lose their case. A release pasted
//! from a different page often differs in just these ways.

use crate::text::CharIndex;

pub(crate) struct LooseText {
    pub text: String,
    index: CharIndex,
    /// For each code point of `text`, the code point of the original it
    /// stands for (a collapsed run stands for its first character).
    original: Vec<usize>,
}

impl LooseText {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        let mut in_space = false;
        for (at, c) in original.chars().enumerate() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            text.push(fold(c));
            map.push(at);
        }
        LooseText {
            index: CharIndex::new(&text),
            text,
            original: map,
        }
    }

    /// Byte offset in the loose text of original code point `at`.
    pub fn byte_of_original(&self, at: usize) -> usize {
        let loose_char = self.original.partition_point(|&o| o < at);
        self.index.byte_of_char(&self.text, loose_char)
    }

    /// The original code-point span of loose byte span `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.index.char_of_byte(&self.text, start);
        let last = self.index.char_of_byte(&self.text, end).checked_sub(1)?;
        Some((*self.original.get(first)?, *self.original.get(last)? + 1))
    }
}

/// The loose form of a quote or its context.
pub(crate) fn loosen(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            out.push(fold(c));
        }
    }
    out
}

/// One character for one, so that offsets map back simply.
fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '′' | '`' | 'ʼ' => '\'',
        '“' | '”' | '„' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_loose_spans_back_to_the_original() {
        let original = "Japan’s  delegate\n said “NO”";
        let loose = LooseText::new(original);
        assert_eq!(loose.text, "japan's delegate said \"no\"");
        let at = loose.text.find("delegate said").unwrap();
        let (start, end) = loose.original_span(at, at + "delegate said".len()).unwrap();
        let got: String = original.chars().skip(start).take(end - start).collect();
        assert_eq!(got, "delegate\n said");
        assert_eq!(loose.byte_of_original(start), at);
        assert_eq!(loosen("  A\tB "), " a b ");
    }
}
