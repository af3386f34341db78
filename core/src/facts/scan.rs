//! The facts' view of one paragraph: the starts of the words each scanner
//! cares about, found in one pass ([`Text`]), and the spans of links that
//! hold no facts. The character helpers come from the one scanner module,
//! `crate::text::scan`, re-exported here for the scanners.

use std::ops::Range;

pub use crate::text::scan::*;
use crate::text::swar::ascii_alnum_end;

use super::Found;

/// A paragraph with the starts of the words each scanner cares about,
/// found in one pass and shared, so that a scanner visits a few words
/// instead of every character.
pub struct Text<'a> {
    pub s: &'a str,
    /// Words that start with a digit or are a number word (`eight`).
    pub numbers: Vec<usize>,
    /// Words that start with a capital letter, in any script.
    pub capitals: Vec<usize>,
    /// The lower-case words a scanner keys on: `resolution(s)`, `noon`,
    /// `midday`, `midnight`.
    pub keywords: Vec<usize>,
    /// Double quotation marks: `"`, `“`, `”`, `„`.
    pub quote_marks: Vec<usize>,
    /// Has an `@`, a `://` or a `www.`: may hold a URL or an e-mail address.
    pub may_have_links: bool,
}

/// Decodes the character at a char boundary `i` of `b` (valid UTF-8).
fn decode(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

impl<'a> Text<'a> {
    pub fn new(s: &'a str) -> Self {
        let b = s.as_bytes();
        let mut text = Text {
            s,
            numbers: Vec::new(),
            capitals: Vec::with_capacity(b.len() / 32),
            keywords: Vec::new(),
            quote_marks: Vec::new(),
            may_have_links: false,
        };
        let mut i = 0;
        let mut in_word = false;
        while i < b.len() {
            let byte = b[i];
            if byte >= 0x80 {
                let Some(c) = decode(s, i) else { break };
                let is_word = is_word_char(c);
                if is_word && !in_word && c.is_uppercase() {
                    text.capitals.push(i);
                } else if matches!(c, '\u{201C}' | '\u{201D}' | '\u{201E}') {
                    text.quote_marks.push(i);
                }
                in_word = is_word;
                i += c.len_utf8();
            } else if IS_ASCII_ALNUM[usize::from(byte)] {
                let start = i;
                i = ascii_alnum_end(b, i + 1);
                if !in_word {
                    text.classify(start, i);
                }
                in_word = true;
            } else {
                match byte {
                    b'"' => text.quote_marks.push(i),
                    b'@' => text.may_have_links = true,
                    b':' if b[i + 1..].starts_with(b"//") => text.may_have_links = true,
                    b'.' if i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www") => {
                        text.may_have_links = true
                    }
                    _ => {}
                }
                in_word = false;
                i += 1;
            }
        }
        text
    }

    /// Files the word starting at `i`, whose ASCII letters and digits end
    /// at `end`, under the lists it belongs to.
    fn classify(&mut self, i: usize, end: usize) {
        let b = self.s.as_bytes();
        let first = b[i];
        if first.is_ascii_digit() {
            self.numbers.push(i);
            return;
        }
        if first.is_ascii_uppercase() {
            self.capitals.push(i);
        }
        // Number words and keywords: rule most words out by their first
        // three letters before comparing (`the`, `that`, `of` go no further).
        if end - i < 3 {
            return;
        }
        const fn prefix(p: &[u8; 3]) -> u32 {
            u32::from_le_bytes([p[0], p[1], p[2], 0])
        }
        const PREFIXES: [u32; 23] = [
            prefix(b"zer"),
            prefix(b"one"),
            prefix(b"two"),
            prefix(b"thr"),
            prefix(b"fou"),
            prefix(b"fiv"),
            prefix(b"six"),
            prefix(b"sev"),
            prefix(b"eig"),
            prefix(b"nin"),
            prefix(b"ten"),
            prefix(b"ele"),
            prefix(b"twe"),
            prefix(b"thi"),
            prefix(b"fif"),
            prefix(b"for"),
            prefix(b"hun"),
            prefix(b"res"),
            prefix(b"noo"),
            prefix(b"mid"),
            prefix(b"Res"),
            prefix(b"Noo"),
            prefix(b"Mid"),
        ];
        const SORTED_PREFIXES: [u32; 23] = {
            let mut sorted = PREFIXES;
            // Insertion sort, at compile time.
            let mut k = 1;
            while k < sorted.len() {
                let mut j = k;
                while j > 0 && sorted[j - 1] > sorted[j] {
                    let t = sorted[j];
                    sorted[j] = sorted[j - 1];
                    sorted[j - 1] = t;
                    j -= 1;
                }
                k += 1;
            }
            sorted
        };
        // First letters of number words and keywords: e f h m n o r s t z.
        const FIRST_LETTERS: u32 = (1 << (b'e' - b'a'))
            | (1 << (b'f' - b'a'))
            | (1 << (b'h' - b'a'))
            | (1 << (b'm' - b'a'))
            | (1 << (b'n' - b'a'))
            | (1 << (b'o' - b'a'))
            | (1 << (b'r' - b'a'))
            | (1 << (b's' - b'a'))
            | (1 << (b't' - b'a'))
            | (1 << (b'z' - b'a'));
        let letter = (first | 0x20).wrapping_sub(b'a');
        if letter >= 26 || FIRST_LETTERS & (1 << letter) == 0 {
            return;
        }
        let lower = u32::from_le_bytes([first | 0x20, b[i + 1] | 0x20, b[i + 2] | 0x20, 0]);
        // A binary search rather than `contains`: this runs for about half
        // the words of a text, and the wasm build does not unroll a scan.
        if SORTED_PREFIXES.binary_search(&lower).is_err() {
            return;
        }
        let mut letters = i;
        while letters < b.len() && (b[letters].is_ascii_alphabetic() || b[letters] == b'-') {
            letters += 1;
        }
        let n = letters - i;
        if !(3..=16).contains(&n)
            || b.get(letters)
                .is_some_and(|c| *c >= 0x80 || c.is_ascii_digit())
        {
            return;
        }
        let mut buffer = [0u8; 16];
        for (k, c) in b[i..letters].iter().enumerate() {
            buffer[k] = c.to_ascii_lowercase();
        }
        let word = std::str::from_utf8(&buffer[..n]).unwrap_or_default();
        if super::numbers::is_number_word(word) {
            self.numbers.push(i);
        } else if matches!(
            word,
            "resolution" | "resolutions" | "noon" | "midday" | "midnight"
        ) {
            self.keywords.push(i);
        }
    }

    /// Tries `find` at each offset of two sorted lists, in order, that no
    /// earlier find covers; appends what it finds to `out`.
    pub fn each_of(
        a: &[usize],
        b: &[usize],
        out: &mut Vec<Found>,
        mut find: impl FnMut(usize) -> Option<Found>,
    ) {
        let mut resume = 0;
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let w = if j == b.len() || (i < a.len() && a[i] <= b[j]) {
                i += 1;
                a[i - 1]
            } else {
                j += 1;
                b[j - 1]
            };
            if w < resume {
                continue;
            }
            if let Some(f) = find(w) {
                resume = f.span.end.max(w + 1);
                out.push(f);
            }
        }
    }

    /// Tries `find` at each of `starts` that no earlier find covers.
    pub fn each(starts: &[usize], out: &mut Vec<Found>, find: impl FnMut(usize) -> Option<Found>) {
        Self::each_of(starts, &[], out, find)
    }
}

/// What a scanner appends to an empty list: for tests of one scanner.
#[cfg(test)]
pub fn collected(scan: impl FnOnce(&mut Vec<Found>)) -> Vec<Found> {
    let mut out = Vec::new();
    scan(&mut out);
    out
}

/// Byte spans of URLs and e-mail addresses: their digits and capitals are
/// not facts.
pub fn masked_spans(text: &Text) -> Vec<Range<usize>> {
    let s = text.s;
    let mut spans = Vec::new();
    if !text.may_have_links {
        return spans;
    }
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
    fn masks_urls_and_emails() {
        let s = "Write to pr@hiber.global or see https://x.org/2021/5 now";
        let spans = masked_spans(&Text::new(s));
        let texts: Vec<&str> = spans.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(texts, ["pr@hiber.global", "https://x.org/2021/5"]);
    }
}
