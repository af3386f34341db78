//! Small char-safe cursor helpers shared by the scanners.
//!
//! All positions are byte offsets into one paragraph and every helper only
//! returns offsets at char boundaries, so slicing with them never panics.
//! A "word" is a run of alphanumeric characters, with hyphens allowed
//! between two of them (`well-equipped`, `Guinea-Bissau`, `V-162`).

use std::ops::Range;

use super::Found;

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
    while let Some(c) = char_at(s, i) {
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
            } else if byte.is_ascii_alphanumeric() {
                let start = i;
                i += 1;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
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
    /// earlier find covers.
    pub fn each_of(
        a: &[usize],
        b: &[usize],
        mut find: impl FnMut(usize) -> Option<Found>,
    ) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
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
        out
    }

    /// Tries `find` at each of `starts` that no earlier find covers.
    pub fn each(starts: &[usize], find: impl FnMut(usize) -> Option<Found>) -> Vec<Found> {
        Self::each_of(starts, &[], find)
    }
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
        let spans = masked_spans(&Text::new(s));
        let texts: Vec<&str> = spans.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(texts, ["pr@hiber.global", "https://x.org/2021/5"]);
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
        for word in ["NATO", "T.", "Nato", "—", "", "ANTÓNIO", "ANTóNIO", "U-2"] {
            let general =
                word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
            assert_eq!(is_all_caps(word), general, "{word}");
        }
    }

    #[test]
    fn helpers_stay_on_char_boundaries() {
        let s = "é—1";
        assert_eq!(char_before(s, 1), None);
        assert_eq!(char_at(s, 2), Some('—'));
        assert_eq!(skip_spaces_back(s, 0), 0);
    }
}
