//! The text the passes read: the document's text with every run of spaces,
//! tabs and no-break spaces inside a line made one plain space, so that a
//! pattern such as "speaking on behalf of" matches however the release was
//! pasted; in a hard-wrapped text, the line breaks that only wrap a
//! paragraph count as such spaces too. Spans found in the view are mapped
//! back to the document's text.

pub struct View {
    pub text: String,
    /// `(view offset, original offset)` at each place where the two stop
    /// moving in step, in increasing order. Empty when nothing collapsed.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes that can start an inline whitespace character: ASCII spaces and
/// the lead bytes of Unicode spaces (U+0085, U+00A0, U+1680,
/// U+2000–U+205F, U+3000). Everything else is skipped by one table lookup.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let starts = [b' ', b'\t', 0x0b, 0x0c, b'\r', 0xc2, 0xe1, 0xe2, 0xe3];
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// [`MAY_START_SPACE`] with the line feed, for a hard-wrapped text.
const MAY_START_SPACE_OR_WRAP: [bool; 256] = {
    let mut table = MAY_START_SPACE;
    table[b'\n' as usize] = true;
    table
};

/// Whether a single plain space stands at `at`, followed by a byte that
/// starts no space in `starts` (one of the tables above).
#[inline]
fn lone_space(bytes: &[u8], at: usize, starts: &[bool; 256]) -> bool {
    bytes[at] == b' ' && bytes.get(at + 1).is_some_and(|&b| !starts[b as usize])
}

/// Byte length of the inline whitespace character at byte `at`, or 0.
#[inline]
fn inline_space_len(s: &str, at: usize) -> usize {
    let byte = s.as_bytes()[at];
    if !MAY_START_SPACE[byte as usize] {
        return 0;
    }
    if byte < 0x80 {
        return 1;
    }
    match s[at..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// [`inline_space_len`], with the wrapping line breaks (sorted byte
/// offsets of `\n`) counted as spaces too.
#[inline]
fn space_len(s: &str, at: usize, wraps: &[usize]) -> usize {
    if s.as_bytes()[at] == b'\n' {
        return usize::from(wraps.binary_search(&at).is_ok());
    }
    inline_space_len(s, at)
}

impl View {
    /// The view of `original`, where the line breaks at `wraps` (sorted
    /// byte offsets of `\n`, see `paragraphs::wrapped_line_breaks`) are spaces.
    pub fn new(original: &str, wraps: &[usize]) -> View {
        if !wraps.is_empty() {
            return Self::wrapped(original, wraps);
        }
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
        let mut copied_to = 0;
        let mut at = 0;
        let bytes = original.as_bytes();
        while at < bytes.len() {
            if !MAY_START_SPACE[bytes[at] as usize] {
                at += 1;
                continue;
            }
            // The common case, a single plain space between words, stays
            // as it is: passed over without reading the run.
            if lone_space(bytes, at, &MAY_START_SPACE) {
                at += 2;
                continue;
            }
            let len = inline_space_len(original, at);
            if len == 0 {
                at += 1;
                continue;
            }
            let start = at;
            let mut end = at + len;
            while end < original.len() {
                let more = inline_space_len(original, end);
                if more == 0 {
                    break;
                }
                end += more;
            }
            at = end;
            if end == start + 1 && original.as_bytes()[start] == b' ' {
                continue;
            }
            text.push_str(&original[copied_to..start]);
            checkpoints.push((text.len(), start));
            text.push(' ');
            checkpoints.push((text.len(), end));
            copied_to = end;
        }
        text.push_str(&original[copied_to..]);
        View { text, checkpoints }
    }

    /// [`View::new`] for a hard-wrapped text, where the line breaks at
    /// `wraps` are spaces too: the same loop, apart so that an ordinary
    /// text pays nothing for them.
    fn wrapped(original: &str, wraps: &[usize]) -> View {
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
        let mut copied_to = 0;
        let mut at = 0;
        let bytes = original.as_bytes();
        while at < bytes.len() {
            if !MAY_START_SPACE_OR_WRAP[bytes[at] as usize] {
                at += 1;
                continue;
            }
            if lone_space(bytes, at, &MAY_START_SPACE_OR_WRAP) {
                at += 2;
                continue;
            }
            let len = space_len(original, at, wraps);
            if len == 0 {
                at += 1;
                continue;
            }
            let start = at;
            let mut end = at + len;
            while end < original.len() {
                let more = space_len(original, end, wraps);
                if more == 0 {
                    break;
                }
                end += more;
            }
            at = end;
            if end == start + 1 && original.as_bytes()[start] == b' ' {
                continue;
            }
            text.push_str(&original[copied_to..start]);
            checkpoints.push((text.len(), start));
            text.push(' ');
            checkpoints.push((text.len(), end));
            copied_to = end;
        }
        text.push_str(&original[copied_to..]);
        View { text, checkpoints }
    }

    /// The original byte offset of a view byte offset. Inside a collapsed
    /// run it is the run's start; spans never start or end there.
    pub fn to_original(&self, at: usize) -> usize {
        let after = self.checkpoints.partition_point(|&(view, _)| view <= at);
        match after.checked_sub(1) {
            Some(i) => {
                let (view, original) = self.checkpoints[i];
                original + (at - view)
            }
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn collapses_runs_and_maps_back() {
        let original = "A\u{a0}B \t C  D E\nF\tG";
        let view = View::new(original, &[]);
        assert_eq!(view.text, "A B C D E\nF G");
        for (word, at) in [("B", 2), ("C", 4), ("D", 6), ("E", 8), ("F", 10), ("G", 12)] {
            let back = view.to_original(at);
            assert_eq!(&original[back..back + 1], word);
        }
        assert_eq!(view.to_original(view.text.len()), original.len());
    }

    #[test]
    fn wrapping_line_breaks_are_spaces() {
        let original = "KWAME ASANTE (Ghana) said that \nthe subregion\n\nNext";
        let wrap = original.find('\n').unwrap();
        let view = View::new(original, &[wrap]);
        assert_eq!(
            view.text,
            "KWAME ASANTE (Ghana) said that the subregion\n\nNext"
        );
        let the = view.text.find("the").unwrap();
        assert_eq!(
            &original[view.to_original(the)..view.to_original(the) + 3],
            "the"
        );
    }

    #[test]
    fn plain_text_needs_no_checkpoints() {
        let view = View::new("One two.\nThree four.", &[]);
        assert!(view.checkpoints.is_empty());
        assert_eq!(view.to_original(5), 5);
    }
}
