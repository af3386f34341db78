//! Resolutions: `resolution 2616 (2021)`, `resolutions 2593 (2021) and
//! 2615 (2021)` (one fact each; the first span starts at the keyword),
//! `resolution 76/262`, `resolution ES-11/1`.

use super::scan::{boundary_after, char_at, match_any, skip_spaces, Text};
use super::value::{FactValue, ResolutionValue};
use super::{FactKind, Found};

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    let mut resume = 0;
    for &i in &text.keywords {
        if i < resume || !matches!(s.as_bytes()[i], b'r' | b'R') {
            continue;
        }
        if let Some((keyword_end, _)) = match_any(s, i, &["resolutions", "resolution"]) {
            resume = list(s, i, keyword_end, out);
        }
    }
}

/// Reads the numbers after the keyword; returns where the list ends (or
/// `start` when no number follows).
fn list(s: &str, start: usize, keyword_end: usize, out: &mut Vec<Found>) -> usize {
    let mut span_start = start;
    let mut at = skip_spaces(s, keyword_end);
    if at == keyword_end {
        return start;
    }
    let mut end = start;
    while let Some((number_end, value)) = number(s, at) {
        out.push(Found::new(
            FactKind::Resolution,
            span_start..number_end,
            FactValue::Resolution(value),
        ));
        end = number_end;
        // `, 2615 (2021)`, ` and 2615 (2021)`, `, and 2615`
        let mut next = end;
        if char_at(s, next) == Some(',') {
            next += 1;
        }
        let spaced = skip_spaces(s, next);
        next = match match_any(s, spaced, &["and", "or"]) {
            Some((after, _)) if spaced > next || next > end => skip_spaces(s, after),
            _ => spaced,
        };
        if next == end || !char_at(s, next).is_some_and(|c| c.is_ascii_digit() || c == 'E') {
            break;
        }
        at = next;
        span_start = next;
    }
    end
}

/// `2616 (2021)`, `76/262`, `ES-11/1`, `1325`: (end, value).
fn number(s: &str, at: usize) -> Option<(usize, ResolutionValue)> {
    let b = s.as_bytes();
    let digits = |from: usize| {
        let mut to = from;
        while to < b.len() && b[to].is_ascii_digit() && to - from < 6 {
            to += 1;
        }
        to
    };
    let mut session = None;
    let mut from = at;
    if s[at..].starts_with("ES-") {
        let end = digits(at + 3);
        if end == at + 3 || b.get(end) != Some(&b'/') {
            return None;
        }
        session = Some(s[at..end].to_owned());
        from = end + 1;
    }
    let mut end = digits(from);
    if end == from {
        return None;
    }
    if session.is_none() && b.get(end) == Some(&b'/') {
        let after = digits(end + 1);
        if after > end + 1 {
            session = Some(s[from..end].to_owned());
            from = end + 1;
            end = after;
        }
    }
    if !boundary_after(s, end)
        || b.get(end).is_some_and(|c| {
            matches!(c, b'/' | b'.' | b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit)
        })
    {
        return None;
    }
    let number: u32 = s[from..end].parse().ok()?;
    let mut year = None;
    let paren = skip_spaces(s, end);
    if paren - end <= 1
        && b.get(paren) == Some(&b'(')
        && b.get(paren + 1..paren + 5)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && b.get(paren + 5) == Some(&b')')
    {
        year = s[paren + 1..paren + 5].parse().ok();
        end = paren + 6;
    }
    Some((
        end,
        ResolutionValue {
            number,
            year,
            session,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn resolutions(s: &str) -> Vec<(String, u32, Option<u16>, Option<String>)> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Resolution(r) => (s[f.span].to_owned(), r.number, r.year, r.session),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn single_and_lists() {
        assert_eq!(
            resolutions("The Council's resolution 2719 (2023) asks"),
            [("resolution 2719 (2023)".into(), 2719, Some(2023), None)]
        );
        assert_eq!(
            resolutions("resolutions 2417 (2018) and 2573 (2021)."),
            [
                ("resolutions 2417 (2018)".into(), 2417, Some(2018), None),
                ("2573 (2021)".into(), 2573, Some(2021), None)
            ]
        );
        assert_eq!(
            resolutions("Resolutions 1267 (1999), 1989 (2011), and 2253 (2015)"),
            [
                ("Resolutions 1267 (1999)".into(), 1267, Some(1999), None),
                ("1989 (2011)".into(), 1989, Some(2011), None),
                ("2253 (2015)".into(), 2253, Some(2015), None)
            ]
        );
        assert_eq!(
            resolutions("General Assembly resolution 78/4 and resolution ES-10/21"),
            [
                ("resolution 78/4".into(), 4, None, Some("78".into())),
                ("resolution ES-10/21".into(), 21, None, Some("ES-10".into()))
            ]
        );
        // A number without its year, at the end of a sentence.
        assert_eq!(
            resolutions("as set out in resolution 2231."),
            [("resolution 2231".into(), 2231, None, None)]
        );
    }

    #[test]
    fn not_resolutions() {
        assert_eq!(
            resolutions("a resolution of 5 votes; resolution 12a; resolutions; the resolution adopted in 2019"),
            []
        );
    }
}
