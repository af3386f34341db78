//! A release's own symbols (`SC/14794`, `GA/SHC/4386*`, `SG/SM/21952`,
//! several on one line: `SC/15000-GA/12345`), and the organ a symbol's
//! series belongs to (`crate::lexicon::organs`).

use super::meeting_line::meeting_line;
use crate::lexicon::organs::{self, Genre};
use crate::text::scan::{is_space, is_word_char};

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
    // More parts after the number: `/Rev.1`, `/Corr.2`, `/Add.1`, `/31`.
    while bytes.get(at) == Some(&b'/') {
        let part = at + 1;
        let mut end = part;
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'.') {
            end += 1;
        }
        let part_text = s[part..end].trim_end_matches('.');
        if part_text.is_empty() || !part_text.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        at = part + part_text.len();
    }
    // A symbol is a whole token.
    match s[at..].chars().next() {
        Some(c) if is_word_char(c) => None,
        _ => Some(at),
    }
}

/// A symbol printed after the organ on one line, as older releases do
/// (`General Assembly HR/CT/700`, `Security CouncilSC/8841`): the symbol.
pub fn symbol_after_organ(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.len() > 120 {
        return None;
    }
    let start = line.rfind(|c: char| c.is_whitespace() || c.is_lowercase())?;
    let start = start + line[start..].chars().next()?.len_utf8();
    let symbol = symbol_line(&line[start..])?;
    let organ = line[..start].trim();
    organs::printed(organ).is_some().then_some(symbol)
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
    fn symbols() {
        assert_eq!(symbol_line("SC/14794"), Some("SC/14794"));
        assert_eq!(symbol_line("GA/SHC/4321"), Some("GA/SHC/4321"));
        assert_eq!(symbol_line("SG/SM/21952-SC/15430"), Some("SG/SM/21952"));
        assert_eq!(symbol_line("SG/SM/21952/Rev.1"), Some("SG/SM/21952/Rev.1"));
        assert_eq!(symbol_line("SC/14794 is the symbol"), None);
        assert_eq!(symbol_line("A/B"), None);
        assert_eq!(symbol_line("sc/14794"), None);
        assert_eq!(symbol_line("GA/11950*"), Some("GA/11950"));
        assert_eq!(symbol_line("SC/15000-GA/12345"), Some("SC/15000"));
        assert_eq!(symbol_line("HRC/25/31"), Some("HRC/25/31"));
        assert_eq!(
            symbol_line("SG/SM/8888/Rev.1-IK/392/Rev.1"),
            Some("SG/SM/8888/Rev.1")
        );
    }

    #[test]
    fn symbols_after_the_organ() {
        assert_eq!(
            symbol_after_organ("General Assembly HR/CT/700"),
            Some("HR/CT/700")
        );
        assert_eq!(
            symbol_after_organ("Security CouncilSC/8841"),
            Some("SC/8841")
        );
        assert_eq!(symbol_after_organ("See document HR/CT/700"), None);
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
