//! Percentages: `12 per cent`, `12%`, `12 percent`, `ten per cent`.
//! `percentage points` are a unit of quantity, not a percentage.

use super::numbers::{digits_at, qualifier_before, words_at, Numeral};
use super::scan::{char_at, match_any, skip_spaces, Text};
use super::value::{FactValue, PercentValue};
use super::{FactKind, Found};

const SIGNS: &[&str] = &["per cent", "percent", "per-cent", "per centum", "pct", "%"];

pub fn scan(text: &Text) -> Vec<Found> {
    let s = text.s;
    Text::each(&text.numbers, |i| {
        let numeral = if s.as_bytes()[i].is_ascii_digit() {
            digits_at(s, i)
        } else {
            words_at(s, i).filter(|n| !n.fold)
        };
        percent_after(s, numeral?)
    })
}

fn percent_after(s: &str, numeral: Numeral) -> Option<Found> {
    let at = skip_spaces(s, numeral.end);
    if at - numeral.end > 1 {
        return None;
    }
    if !matches!(s.as_bytes().get(at), Some(b'%' | b'p' | b'P')) {
        return None;
    }
    let (end, _) = match_any(s, at, SIGNS)?;
    if at == numeral.end && char_at(s, at) != Some('%') {
        return None;
    }
    let qualifier = qualifier_before(s, numeral.start).map(|(_, q)| q);
    Some(Found::new(
        FactKind::Percent,
        numeral.start..end,
        FactValue::Percent(PercentValue {
            percent: numeral.value,
            qualifier,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percents(s: &str) -> Vec<(String, f64, Option<String>)> {
        scan(&Text::new(s))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Percent(p) => (s[f.span].to_owned(), p.percent, p.qualifier),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(percents("12 per cent")[0].1, 12.0);
        assert_eq!(percents("a 12% rise")[0].0, "12%");
        assert_eq!(percents("12 percent.")[0].0, "12 percent");
        assert_eq!(percents("12.5 per\u{a0}cent")[0].1, 12.5);
        assert_eq!(
            percents("almost 90 per cent of"),
            [("90 per cent".to_owned(), 90.0, Some("almost".to_owned()))]
        );
        assert_eq!(percents("Ten per cent")[0].1, 10.0);
    }

    #[test]
    fn not_percentages() {
        assert!(percents("5 percentage points, 12 percentile, 12 per capita").is_empty());
        assert!(percents("12 cents").is_empty());
    }
}
