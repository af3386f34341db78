//! Numbers as printed in releases: `3,800`, `2.4 million`, `7,500,000`,
//! `eight`, `twenty-five`, `sixfold`, and the approximations before them.

use super::scan::{
    boundary_after, char_at, char_before, in_sorted, is_dash, is_word_char, next_word, prev_word,
    skip_spaces,
};

/// A number read from the text, before any unit or currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Written with digits (not words).
    pub digits: bool,
    /// Digits only: no grouping commas, no decimals, no multiplier word.
    pub plain: bool,
    /// `sixfold`, `6-fold`.
    pub fold: bool,
    /// The power of ten of the multiplier words (`2.4 million` → 6), 0
    /// without one: the lower end of `3 to 5 million` borrows the upper's.
    pub exponent: i32,
}

/// More digits than this is an identifier, not an amount.
const MAX_INTEGER_DIGITS: usize = 15;

/// Can a number start at `i`? Not inside a word or code (`CO2`, `A4P`,
/// `21CV004367`), not after a digit and a separator (`714-347-8405`,
/// `24/7`, `10:30`, `C5+1`).
pub fn may_start_number(s: &str, i: usize) -> bool {
    let Some(prev) = char_before(s, i) else {
        return true;
    };
    if is_word_char(prev) || matches!(prev, '/' | '#' | '_' | '@' | '\\' | '.' | '&') {
        return false;
    }
    let before = i - prev.len_utf8();
    let joined_to_word = char_before(s, before).is_some_and(is_word_char);
    let joins = matches!(prev, ',' | ':' | '+' | '^') || (is_dash(prev) && prev != '\u{2014}');
    !(joins && joined_to_word)
}

/// A dash and a digit at `end` (`10–15`, `714-347`): a range, a score or
/// a phone number; never a single number. An em dash separates clauses.
pub fn dash_and_digit_after(s: &str, end: usize) -> bool {
    char_at(s, end).is_some_and(|c| {
        is_dash(c)
            && c != '\u{2014}'
            && char_at(s, end + c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
    })
}

/// Digits at `i`, with grouping commas (`7,500,000`) and a decimal part.
/// Rejects digits glued to what follows in a code (`3G`, `24/7`), except
/// letters (units such as `114MW`, left to the caller). A dash and more
/// digits may follow: the lower end of a range such as `10–15`, a score or
/// a phone number, which the caller tells apart ([`dash_and_digit_after`]).
pub fn digits_before_dash(s: &str, i: usize) -> Option<Numeral> {
    if !may_start_number(s, i) {
        return None;
    }
    digits_anywhere(s, i)
}

/// Digits at `i` wherever they stand: the upper end of `10–15` follows a
/// dash that would otherwise join it to the number before.
pub fn digits_anywhere(s: &str, i: usize) -> Option<Numeral> {
    let bytes = s.as_bytes();
    if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut end = i;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    let mut plain = true;
    let mut integer_digits = end - i;
    // Grouping: a comma followed by exactly three digits.
    while bytes.get(end) == Some(&b',')
        && bytes
            .get(end + 1..end + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
    {
        end += 4;
        integer_digits += 3;
        plain = false;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        plain = false;
    }
    if integer_digits > MAX_INTEGER_DIGITS || end - i > 2 * MAX_INTEGER_DIGITS {
        return None;
    }
    // What may not follow: more number after a separator.
    let next = char_at(s, end);
    let after = |n: usize| bytes.get(end + n);
    match next {
        Some('/' | ':' | ',' | '.' | '+') if after(1).is_some_and(u8::is_ascii_digit) => {
            return None
        }
        Some('/' | '@' | '_') => return None,
        _ => {}
    }
    let value = numeral_value(&bytes[i..end])?;
    Some(Numeral {
        start: i,
        end,
        value,
        digits: true,
        plain,
        fold: false,
        exponent: 0,
    })
}

/// The value of digits with grouping commas and a decimal part, exactly as
/// `str::parse::<f64>` reads them once the commas are gone. Whole numbers
/// (at most 15 digits, so exact in an `f64`) are added up directly: every
/// scanner reads every number, and the general parser is slow in wasm.
fn numeral_value(digits: &[u8]) -> Option<f64> {
    if !digits.contains(&b'.') {
        let mut whole: u64 = 0;
        for &b in digits.iter().filter(|b| **b != b',') {
            whole = whole * 10 + u64::from(b - b'0');
        }
        return Some(whole as f64);
    }
    let mut buffer = [0u8; 2 * MAX_INTEGER_DIGITS];
    let mut len = 0;
    for &b in digits.iter().filter(|b| **b != b',') {
        *buffer.get_mut(len)? = b;
        len += 1;
    }
    std::str::from_utf8(&buffer[..len]).ok()?.parse().ok()
}

/// Number words and their values, sorted for a binary search.
const SIMPLE: &[(&str, u32)] = &[
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("hundred", 100),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
    ("zero", 0),
];

/// `one` to `nineteen`, the tens and `hundred`, lower case.
fn simple_value(lower: &str) -> Option<u32> {
    SIMPLE
        .binary_search_by(|(w, _)| super::scan::compare_bytes(w.as_bytes(), lower.as_bytes()))
        .ok()
        .map(|k| SIMPLE[k].1)
}

/// `eight`, `twenty-five`, `ninety` (not `first`, `one-third`); lower case.
fn word_value(lower: &str) -> Option<u32> {
    if let Some(n) = simple_value(lower) {
        return Some(n);
    }
    if !lower.as_bytes().contains(&b'-') {
        return None;
    }
    let (tens, unit) = lower.split_once('-')?;
    let t = simple_value(tens).filter(|t| t % 10 == 0 && (20..100).contains(t))?;
    let u = simple_value(unit).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// A number word, lower case: `eight`, `twenty-five`, `sixfold`.
pub fn is_number_word(lower: &str) -> bool {
    let stem = lower
        .strip_suffix("fold")
        .map(|s| s.strip_suffix('-').unwrap_or(s));
    word_value(stem.unwrap_or(lower)).is_some()
}

/// A number written in words at `i`, with a following `hundred`,
/// `thousand`, `million` or `billion`; or `sixfold`, `six-fold`.
pub fn words_at(s: &str, i: usize) -> Option<Numeral> {
    // Cheap rejections first: this runs at the start of every word.
    let first = s.as_bytes().get(i)?.to_ascii_lowercase();
    if !b"zotfsenh".contains(&first) {
        return None;
    }
    if char_before(s, i).is_some_and(|c| is_word_char(c) || is_dash(c)) {
        return None;
    }
    let word_range = next_word(s, i).filter(|r| r.start == i)?;
    let word = &s[word_range.clone()];
    // The longest is `seventeen-fold`; lower-case on the stack.
    let mut buffer = [0u8; 16];
    if word.len() < 3 || word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (k, b) in word.bytes().enumerate() {
        buffer[k] = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buffer[..word.len()]).ok()?;
    if let Some(stem) = lower.strip_suffix("fold") {
        let stem = stem.strip_suffix('-').unwrap_or(stem);
        let n = word_value(stem)?;
        return Some(Numeral {
            start: i,
            end: word_range.end,
            value: f64::from(n),
            digits: false,
            plain: false,
            fold: true,
            exponent: 0,
        });
    }
    let n = word_value(lower)?;
    let mut numeral = Numeral {
        start: i,
        end: word_range.end,
        value: f64::from(n),
        digits: false,
        plain: false,
        fold: false,
        exponent: 0,
    };
    while let Some((end, exponent)) = spaced_multiplier(s, numeral.end) {
        numeral.value *= 10f64.powi(exponent);
        numeral.exponent += exponent;
        numeral.end = end;
    }
    Some(numeral)
}

/// ` million`, ` billion` and the like after a number: (end, power of ten).
pub fn spaced_multiplier(s: &str, end: usize) -> Option<(usize, i32)> {
    let start = skip_spaces(s, end);
    if start == end {
        return None;
    }
    let b = s.as_bytes();
    let mut word_end = start;
    while word_end < b.len() && b[word_end].is_ascii_alphabetic() && word_end - start < 9 {
        word_end += 1;
    }
    let length = word_end - start;
    if !(2..=8).contains(&length) || !boundary_after(s, word_end) {
        return None;
    }
    let mut lower = [0u8; 8];
    for (k, c) in b[start..word_end].iter().enumerate() {
        lower[k] = c.to_ascii_lowercase();
    }
    let exponent = match &lower[..length] {
        b"hundred" => 2,
        b"thousand" => 3,
        b"million" | b"mln" | b"mn" => 6,
        b"billion" | b"bln" | b"bn" => 9,
        b"trillion" => 12,
        _ => return None,
    };
    Some((word_end, exponent))
}

/// `bn`, `m`, `k` glued to an amount of money (`£3bn`, `$5m`, `$10k`).
pub fn attached_multiplier(s: &str, end: usize) -> Option<(usize, i32)> {
    let letters_end = s[end..]
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(k, _)| end + k);
    if letters_end == end || !boundary_after(s, letters_end) {
        return None;
    }
    let exponent = match &s[end..letters_end] {
        "k" | "K" => 3,
        "m" | "M" | "mn" | "MN" | "mln" => 6,
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" => 9,
        "tn" | "trn" | "T" => 12,
        _ => return None,
    };
    Some((letters_end, exponent))
}

/// Applies ` million` and the like after `numeral`, written in digits.
pub fn with_spaced_multiplier(s: &str, mut numeral: Numeral) -> Option<Numeral> {
    if let Some((end, exponent)) = spaced_multiplier(s, numeral.end) {
        numeral.value = scale(&s[numeral.start..numeral.end], exponent)?;
        numeral.end = end;
        numeral.plain = false;
        numeral.exponent = exponent;
    }
    Some(numeral)
}

/// `1.9` × 10^9 computed in decimal, so that the result is exact
/// (1900000000, not 1899999999.9999998).
pub fn scale(digits: &str, exponent: i32) -> Option<f64> {
    // A whole number whose product stays below 2^53 is exact as it is.
    if (0..=18).contains(&exponent)
        && digits.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && digits.len() <= 2 * MAX_INTEGER_DIGITS
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b',')
    {
        let whole = digits
            .bytes()
            .filter(|b| *b != b',')
            .try_fold(0u64, |n, b| {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            });
        if let Some(product) = whole.and_then(|n| n.checked_mul(10u64.pow(exponent as u32))) {
            if product <= 1 << 53 {
                return Some(product as f64);
            }
        }
    }
    let cleaned: String = digits.chars().filter(|c| *c != ',').collect();
    format!("{cleaned}e{exponent}").parse().ok()
}

/// One-word qualifiers (sorted): `around 30`, `some 11 million`.
const SINGLE: &[&str] = &[
    "about",
    "above",
    "almost",
    "approx",
    "approximately",
    "around",
    "below",
    "circa",
    "estimated",
    "nearly",
    "over",
    "roughly",
    "some",
    "under",
];

/// Comparatives that take `than`: `more than`, and with a negation
/// `no fewer than` (at least: the meaning turns over).
const THAN: &[&str] = &["fewer", "less", "more"];

/// Degree words before a comparison (sorted): `well over`, `just under`,
/// `slightly more than`; `a little` and `a bit` are read as two words.
const DEGREE: &[&str] = &[
    "considerably",
    "far",
    "just",
    "marginally",
    "much",
    "significantly",
    "slightly",
    "somewhat",
    "substantially",
    "well",
];

/// Up to four words before a number, nearest first, lower-cased: enough
/// for the longest qualifier, `a little more than`.
struct WordsBefore {
    starts: [usize; 4],
    words: [[u8; 16]; 4],
    lens: [usize; 4],
    count: usize,
}

impl WordsBefore {
    fn new(s: &str, start: usize) -> Self {
        let mut words = WordsBefore {
            starts: [0; 4],
            words: [[0; 16]; 4],
            lens: [0; 4],
            count: 0,
        };
        let mut at = start;
        while words.count < 4 {
            let Some(w) = prev_word(s, at) else { break };
            let k = words.count;
            let Some(lower) = lower_ascii(&s[w.clone()], &mut words.words[k]) else {
                break;
            };
            words.lens[k] = lower.len();
            words.starts[k] = w.start;
            words.count += 1;
            at = w.start;
        }
        words
    }

    /// The `k`th word before the number (0 is the nearest), or `""`.
    fn get(&self, k: usize) -> &str {
        if k >= self.count {
            return "";
        }
        std::str::from_utf8(&self.words[k][..self.lens[k]]).unwrap_or("")
    }

    /// The nearest `to` words as a qualifier, in reading order, with where
    /// the first starts.
    fn phrase(&self, to: usize) -> (usize, String) {
        let mut out = String::new();
        for k in (0..to).rev() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.get(k));
        }
        (self.starts[to - 1], out)
    }
}

/// The qualifier printed just before a number, read whole and lower-cased,
/// with where it starts: `around`, `over`, `more than`, `no fewer than`,
/// `at least`, `up to`, `well over`, `just under`, `a little more than`,
/// `an estimated`, `in excess of`, `as many as`.
pub fn qualifier_before(s: &str, start: usize) -> Option<(usize, String)> {
    // Most numbers have none: rule them out on the nearest word alone.
    let mut buffer = [0u8; 16];
    let nearest = lower_ascii(&s[prev_word(s, start)?], &mut buffer)?;
    if !in_sorted(nearest, SINGLE)
        && !matches!(nearest, "than" | "least" | "most" | "to" | "of" | "as")
    {
        return None;
    }
    let words = WordsBefore::new(s, start);
    let w = |k: usize| words.get(k);
    // The comparison itself: how many words it takes and whether a degree
    // (`well`, `just`) or a negation (`no`, `not`) may come before it.
    let (base, comparative) = match (w(1), w(0)) {
        (than, "than") if THAN.contains(&than) => (2, true),
        ("at", "least" | "most") | ("up" | "close", "to") | ("upwards" | "upward", "of") => {
            (2, false)
        }
        ("excess", "of") if w(2) == "in" => (3, false),
        ("maximum" | "minimum", "of") if w(2) == "a" => (3, false),
        ("shy" | "short", "of") if w(2) == "just" => (3, false),
        ("many" | "much" | "few" | "little" | "high" | "low", "as") if w(2) == "as" => (3, false),
        ("an", "estimated") => (2, false),
        (_, single) if in_sorted(single, SINGLE) => (1, is_comparison(single)),
        _ => return None,
    };
    if !comparative {
        return Some(words.phrase(base));
    }
    let before = w(base);
    let taken = match before {
        // `no fewer than nine` is at least nine: never `fewer than`.
        "no" | "not" if base == 2 => base + 1,
        "little" | "bit" if w(base + 1) == "a" => base + 2,
        degree if in_sorted(degree, DEGREE) => base + 1,
        _ => base,
    };
    Some(words.phrase(taken))
}

/// A one-word qualifier that compares (`over`), so that a degree word may
/// come before it (`well over`, `just under`).
fn is_comparison(word: &str) -> bool {
    matches!(word, "over" | "under" | "above" | "below")
}

/// A short ASCII word lower-cased into `buffer`.
fn lower_ascii<'b>(word: &str, buffer: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (k, b) in word.bytes().enumerate() {
        buffer[k] = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buffer[..word.len()]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number alone: not the lower end of `10–15`.
    fn digits_at(s: &str, i: usize) -> Option<Numeral> {
        digits_before_dash(s, i).filter(|n| !dash_and_digit_after(s, n.end))
    }

    fn digits_with_multiplier(s: &str, i: usize) -> Option<Numeral> {
        with_spaced_multiplier(s, digits_at(s, i)?)
    }

    fn value(s: &str) -> Option<f64> {
        digits_with_multiplier(s, 0).map(|n| n.value)
    }

    #[test]
    fn digits_and_multipliers_are_exact() {
        assert_eq!(value("3,800 troops"), Some(3800.0));
        assert_eq!(value("1.9 billion"), Some(1_900_000_000.0));
        assert_eq!(value("2.4 Million people"), Some(2_400_000.0));
        assert_eq!(value("7,500,000"), Some(7_500_000.0));
        assert_eq!(value("0.5"), Some(0.5));
    }

    #[test]
    fn digits_in_codes_and_phone_numbers_are_not_numbers() {
        for (s, at) in [
            ("714-347-8405", 0),
            ("714-347-8405", 4),
            ("24/7", 0),
            ("C5+1", 3),
            ("CO2", 2),
            ("10:30", 0),
        ] {
            assert_eq!(digits_at(s, at), None, "{s} at {at}");
        }
        // Letters after digits are left to the caller (units such as MW).
        assert_eq!(digits_at("114MW", 0).map(|n| n.end), Some(3));
    }

    #[test]
    fn numeral_values_as_the_float_parser_reads_them() {
        for text in [
            "0",
            "7",
            "007",
            "3800",
            "3,800",
            "7,500,000",
            "999,999,999,999,999",
            "0.5",
            "2.4",
            "1,234.5678",
            "0.1",
            "12345678901234.56789",
            "3.14159265358979323846",
        ] {
            let expected: f64 = text.replace(',', "").parse().unwrap();
            assert_eq!(numeral_value(text.as_bytes()), Some(expected), "{text}");
            assert_eq!(
                digits_at(text, 0).map(|n| n.value),
                Some(expected),
                "{text}"
            );
        }
    }

    #[test]
    fn scaled_whole_numbers_as_the_float_parser_reads_them() {
        for (digits, exponent) in [
            ("1", 9),
            ("2", 6),
            ("1,234", 6),
            ("999,999,999,999,999", 3),
            ("9", 15),
            ("90", 15),
            ("1.9", 9),
            ("0", 12),
            ("12", 0),
            ("123,456", 12),
        ] {
            let expected: f64 = format!("{}e{exponent}", digits.replace(',', ""))
                .parse()
                .unwrap();
            assert_eq!(
                scale(digits, exponent),
                Some(expected),
                "{digits}e{exponent}"
            );
        }
    }

    #[test]
    fn number_words_are_sorted() {
        assert!(SIMPLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn number_words() {
        let n = |s: &str| words_at(s, 0).map(|n| (n.value, n.fold));
        assert_eq!(n("eight drills"), Some((8.0, false)));
        assert_eq!(n("Twenty-five"), Some((25.0, false)));
        assert_eq!(n("two million riders"), Some((2_000_000.0, false)));
        assert_eq!(n("sixfold increase"), Some((6.0, true)));
        assert_eq!(n("ten-fold"), Some((10.0, true)));
        assert_eq!(n("first"), None);
        assert_eq!(n("one-third"), None);
    }

    #[test]
    fn qualifiers() {
        let q = |s: &str| qualifier_before(s, s.len()).map(|(_, q)| q);
        assert_eq!(q("around "), Some("around".into()));
        assert_eq!(q("the more than "), Some("more than".into()));
        assert_eq!(q("an almost "), Some("almost".into()));
        assert_eq!(q("as many as "), Some("as many as".into()));
        assert_eq!(q("in excess of "), Some("in excess of".into()));
        assert_eq!(q("the "), None);
    }

    #[test]
    fn qualifiers_are_read_whole() {
        fn q(s: &str) -> Option<(&str, String)> {
            qualifier_before(s, s.len()).map(|(at, q)| (&s[at..], q))
        }
        for (text, whole) in [
            ("No fewer than ", "no fewer than"),
            ("no more than ", "no more than"),
            ("not less than ", "not less than"),
            ("at least ", "at least"),
            ("up to ", "up to"),
            ("some ", "some"),
            ("nearly ", "nearly"),
            ("just over ", "just over"),
            ("well over ", "well over"),
            ("well under ", "well under"),
            ("more than ", "more than"),
            ("a little under ", "a little under"),
            ("a bit more than ", "a bit more than"),
            ("slightly fewer than ", "slightly fewer than"),
            ("roughly ", "roughly"),
            ("an estimated ", "an estimated"),
            ("as few as ", "as few as"),
            ("just shy of ", "just shy of"),
            ("a maximum of ", "a maximum of"),
            ("upwards of ", "upwards of"),
        ] {
            let s = format!("they said {text}");
            assert_eq!(q(&s), Some((text.trim_start(), whole.to_owned())), "{text}");
        }
        // The negation belongs to comparisons only; `shy of` needs `just`.
        assert_eq!(q("not about "), Some(("about ", "about".into())));
        assert_eq!(q("a shy of "), None);
        assert_eq!(q("a short of "), None);
    }
}
