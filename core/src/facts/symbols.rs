//! UN document symbols: `S/2022/123`, `A/76/L.5`, `A/RES/76/262`,
//! `E/CN.6/2022/L.7`, `S/PRST/2022/1`, and press-release symbols such as
//! `SC/14794` or `SG/SM/21952`, with the organ the symbol's series belongs
//! to (`crate::lexicon::organs`, the table the parser reads too).
//!
//! A symbol is an upper-case series letter group, then slash-separated
//! parts of capitals, digits, dots and hyphens (`Rev.1`, `Add.2` allowed),
//! at least one of them with a digit: that keeps out `HIV/AIDS`, `24/7`
//! and `3G/4G`.

use super::scan::{char_at, char_before, is_word_char, Text};
use super::value::{DocumentValue, FactValue};
use super::{FactKind, Found};
use crate::lexicon::organs;

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    let b = s.as_bytes();
    Text::each(&text.capitals, out, |i| {
        if !b[i].is_ascii_uppercase()
            || char_before(s, i).is_some_and(|c| matches!(c, '/' | '.' | '-'))
        {
            return None;
        }
        let end = symbol_end(s, i)?;
        let symbol = &s[i..end];
        Some(Found::new(
            FactKind::Document,
            i..end,
            FactValue::Document(DocumentValue {
                symbol: symbol.to_owned(),
                body: organs::of_symbol(symbol).map(|organ| organ.name.to_owned()),
            }),
        ))
    })
}

/// The end of a symbol starting at `i`, if one does.
fn symbol_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() && b[end].is_ascii_uppercase() && end - i < 7 {
        end += 1;
    }
    if end - i > 6 || b.get(end) != Some(&b'/') {
        return None;
    }
    let mut parts = 1;
    let mut has_digit = false;
    while b.get(end) == Some(&b'/') {
        let part_start = end + 1;
        let mut k = part_start;
        while k < b.len()
            && (b[k].is_ascii_alphanumeric() || b[k] == b'.' || b[k] == b'-')
            && k - part_start < 12
        {
            k += 1;
        }
        // A part ends on a letter or digit: `S/2022/123.` keeps its full stop out.
        while k > part_start && matches!(b[k - 1], b'.' | b'-') {
            k -= 1;
        }
        let part = &s[part_start..k];
        let well_formed = !part.is_empty()
            && part.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
            && (part.bytes().all(|c| !c.is_ascii_lowercase()) || is_revision(part));
        if !well_formed {
            break;
        }
        has_digit |= part.bytes().any(|c| c.is_ascii_digit());
        parts += 1;
        end = k;
    }
    let clean_end = !char_at(s, end).is_some_and(|c| is_word_char(c) || c == '/');
    (parts >= 2 && has_digit && clean_end).then_some(end)
}

/// `Rev.1`, `Add.2`, `Corr.1`, `Amend.1`.
fn is_revision(part: &str) -> bool {
    ["Rev.", "Add.", "Corr.", "Amend."].iter().any(|p| {
        part.strip_prefix(p)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn symbols(s: &str) -> Vec<(String, Option<String>)> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Document(d) => (d.symbol, d.body),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        let p = |a: &str, b: Option<&str>| (a.to_owned(), b.map(str::to_owned));
        assert_eq!(
            symbols(
                "see S/2022/123. And A/76/L.5, SG/SM/21952 and A/76/L.5/Rev.1 or E/CN.6/2022/L.7"
            ),
            [
                p("S/2022/123", Some("Security Council")),
                p("A/76/L.5", Some("General Assembly")),
                p("SG/SM/21952", Some("Secretary-General")),
                p("A/76/L.5/Rev.1", Some("General Assembly")),
                p("E/CN.6/2022/L.7", Some("Economic and Social Council")),
            ]
        );
        assert_eq!(
            symbols("SC/14794"),
            [p("SC/14794", Some("Security Council"))]
        );
        assert_eq!(
            symbols("GA/SHC/4386 and A/C.3/79/L.12"),
            [
                p("GA/SHC/4386", Some("General Assembly Third Committee")),
                p("A/C.3/79/L.12", Some("General Assembly Third Committee"))
            ]
        );
    }

    #[test]
    fn not_symbols() {
        assert_eq!(symbols("HIV/AIDS, 24/7, 3G/4G, and/or, TCP/IP, km/h"), []);
    }
}
