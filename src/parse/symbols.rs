//! UN meeting lines (`8967th Meeting (AM)`) and document symbols
//! (`SC/14794`, `SG/SM/21952`), and the organ a symbol names.

use crate::document::Meeting;
use crate::lexicon::organs::{self, Genre};
use crate::text::scan::is_space;

/// Reads a meeting line: `8967th Meeting (AM)`, `61st meeting (PM)`,
/// `Seventy-eighth Session, 12th & 13th Meetings (AM & PM)`.
pub fn meeting_line(line: &str) -> Option<Meeting> {
    if line.chars().count() > 120 {
        return None;
    }
    let lower = line.to_lowercase();
    let keyword = lower.find("meeting")?;
    // The ordinal right before the keyword, possibly after "12th & ".
    let before = lower[..keyword].trim_end_matches(is_space);
    let ordinal = before
        .rsplit(is_space)
        .find(|w| !w.is_empty() && *w != "&" && *w != "and")?;
    let first_ordinal = before
        .split([',', ' '])
        .find(|w| ordinal_number(w).is_some())
        .unwrap_or(ordinal);
    ordinal_number(ordinal)?;
    let number = ordinal_number(first_ordinal)?;
    let after = line[keyword + "meeting".len()..]
        .trim_start_matches(['s', '*'])
        .trim();
    let session = match after.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inside) if !inside.trim().is_empty() => Some(inside.trim().to_owned()),
        Some(_) => None,
        None if after.is_empty() => None,
        None => return None,
    };
    Some(Meeting {
        title: line.trim().to_owned(),
        number,
        session,
        ..Meeting::default()
    })
}

fn ordinal_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// The first UN document symbol at the start of `line`, when the line holds
/// nothing but symbols (a release can carry several: `SG/SM/1-SC/2`).
pub fn symbol_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let first_len = symbol_len(line)?;
    let mut rest = &line[first_len..];
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| is_space(c) || matches!(c, '-' | '–' | ',' | '*'));
        if rest.is_empty() {
            break;
        }
        rest = &rest[symbol_len(rest)?..];
    }
    Some(&line[..first_len])
}

/// Length in bytes of a symbol at the start of `s`: upper-case segments
/// separated by `/`, ending in a number, with optional `/Rev.1`, `/Corr.1`.
fn symbol_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut at = 0;
    let mut segments = 0;
    loop {
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_uppercase() {
            at += 1;
        }
        if at == start || at - start > 8 || bytes.get(at) != Some(&b'/') {
            return None;
        }
        at += 1;
        segments += 1;
        let digits = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        if at > digits {
            if at - digits > 6 || segments > 4 {
                return None;
            }
            break;
        }
    }
    for suffix in ["/Rev.", "/Corr.", "/Add."] {
        if s[at..].starts_with(suffix) {
            let digits = at + suffix.len();
            let mut end = digits;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if end > digits {
                at = end;
            }
        }
    }
    // A symbol is a whole token.
    match s[at..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(at),
    }
}

/// Statements and remarks, as opposed to meeting coverage.
pub fn is_statement_symbol(symbol: &str) -> bool {
    organs::of_symbol(symbol).is_some_and(|organ| organ.genre == Genre::Statements)
}

/// The organ or office a symbol's series belongs to.
pub fn body_of(symbol: &str) -> Option<&'static str> {
    organs::of_symbol(symbol).map(|organ| organ.name)
}

/// Whether `line` starts with a meeting line or a symbol: the anchor of a
/// UN release's header.
pub fn is_un_anchor(line: &str) -> bool {
    meeting_line(line).is_some() || symbol_line(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_lines() {
        let m = meeting_line("8967th Meeting (AM)").unwrap();
        assert_eq!((m.number, m.session.as_deref()), (8967, Some("AM")));
        let m = meeting_line("61st meeting").unwrap();
        assert_eq!((m.number, m.session), (61, None));
        let m = meeting_line("Seventy-eighth Session, 12th & 13th Meetings (AM & PM)").unwrap();
        assert_eq!((m.number, m.session.as_deref()), (12, Some("AM & PM")));
        assert!(meeting_line("The meeting began at 10 a.m.").is_none());
        assert!(meeting_line("Our 5th meeting was a success").is_none());
    }

    #[test]
    fn symbols() {
        assert_eq!(symbol_line("SC/14794"), Some("SC/14794"));
        assert_eq!(symbol_line("GA/SHC/4321"), Some("GA/SHC/4321"));
        assert_eq!(symbol_line("SG/SM/21952-SC/15430"), Some("SG/SM/21952"));
        assert_eq!(symbol_line("SG/SM/21952/Rev.1"), Some("SG/SM/21952/Rev.1"));
        assert_eq!(symbol_line("SC/14794 is the symbol"), None);
        assert_eq!(symbol_line("A/B"), None);
        assert_eq!(symbol_line("sc/14794"), None);
    }

    #[test]
    fn bodies() {
        assert_eq!(body_of("SC/14794"), Some("Security Council"));
        assert_eq!(
            body_of("GA/SHC/4321"),
            Some("General Assembly Third Committee")
        );
        assert_eq!(body_of("ECOSOC/7000"), Some("Economic and Social Council"));
        assert_eq!(body_of("SG/SM/21952"), Some("Secretary-General"));
        assert_eq!(body_of("DSG/SM/1874"), Some("Deputy Secretary-General"));
        assert_eq!(body_of("XYZ/12"), None);
    }
}
