//! Percentages: `12 per cent`, `12%`, `12 percent`, `ten per cent`.
//! `percentage points` are a unit of quantity, not a percentage.

use super::numbers::{
    dash_and_digit_after, digits_before_dash, qualifier_before, words_at, Numeral,
};
use super::ranges::{self, Joiner, Pair};
use super::scan::{char_at, match_any, skip_spaces, Text};
use super::value::{FactValue, PercentValue};
use super::{FactKind, Found};

const SIGNS: &[&str] = &["per cent", "percent", "per-cent", "per centum", "pct", "%"];

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    Text::each(&text.numbers, out, |i| {
        let numeral = if s.as_bytes()[i].is_ascii_digit() {
            digits_before_dash(s, i)
        } else {
            words_at(s, i).filter(|n| !n.fold && n.exponent == 0)
        }?;
        if let Some(found) = range(s, &numeral) {
            return found;
        }
        if dash_and_digit_after(s, numeral.end) {
            return None;
        }
        let end = sign_after(s, &numeral)?;
        Some(found(s, numeral.start..end, numeral.value, None))
    })
}

/// The end of the percent sign after a number: `12%`, `12 %`, `12 per cent`.
fn sign_after(s: &str, numeral: &Numeral) -> Option<usize> {
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
    Some(end)
}

/// `0.15 to 0.2 per cent`, `15–20%`, `15% to 20%`, `between 15 and 20 per
/// cent`: `Some(Some(fact))` for the range or, after a change (`fell from
/// 30 to 20 per cent`), the lower end alone; `Some(None)` for two numbers
/// that are neither; `None` when no second number is joined to this one.
fn range(s: &str, lower: &Numeral) -> Option<Option<Found>> {
    let lower_sign = sign_after(s, lower);
    let lower_end = lower_sign.unwrap_or(lower.end);
    let join = ranges::joined_after(s, lower_end, lower.start)?;
    let joiner = join.joiner;
    let upper = ranges::upper_at(s, join.upper_at).filter(|n| n.exponent == 0);
    let Some(end) = upper.as_ref().and_then(|upper| sign_after(s, upper)) else {
        return (joiner == Joiner::Dash).then_some(None);
    };
    let upper = upper?;
    let low = lower.value;
    Some(
        match ranges::classify(s, lower.start, joiner, low, upper.value, false) {
            Pair::Range => Some(found(s, join.start..end, low, Some(upper.value))),
            Pair::Change => Some(found(s, lower.start..lower_end, low, None)),
            Pair::Neither if joiner == Joiner::Dash => None,
            // `50% to 20%`-like pairs that are not changes read alone.
            Pair::Neither => lower_sign.map(|e| found(s, lower.start..e, low, None)),
        },
    )
}

fn found(s: &str, span: std::ops::Range<usize>, percent: f64, upper: Option<f64>) -> Found {
    let qualifier = qualifier_before(s, span.start).map(|(_, q)| q);
    Found::new(
        FactKind::Percent,
        span,
        FactValue::Percent(PercentValue {
            percent,
            upper,
            qualifier,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn percents(s: &str) -> Vec<(String, f64, Option<String>)> {
        collected(|out| scan(&Text::new(s), out))
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
    fn ranges() {
        let ranges = |s: &str| -> Vec<(String, f64, Option<f64>)> {
            collected(|out| scan(&Text::new(s), out))
                .into_iter()
                .map(|f| match f.value {
                    FactValue::Percent(p) => (s[f.span].to_owned(), p.percent, p.upper),
                    _ => unreachable!(),
                })
                .collect()
        };
        let r = |t: &str, lo: f64, hi: Option<f64>| (t.to_owned(), lo, hi);
        assert_eq!(
            ranges("by 0.25 to 0.5 per cent a year"),
            [r("0.25 to 0.5 per cent", 0.25, Some(0.5))]
        );
        assert_eq!(ranges("15–20%"), [r("15–20%", 15.0, Some(20.0))]);
        assert_eq!(ranges("15% to 20%"), [r("15% to 20%", 15.0, Some(20.0))]);
        assert_eq!(
            ranges("between 5 and 8 per cent"),
            [r("between 5 and 8 per cent", 5.0, Some(8.0))]
        );
        // A change: two values.
        assert_eq!(
            ranges("rates dropped from 9 to 7 per cent"),
            [r("9", 9.0, None), r("7 per cent", 7.0, None)]
        );
        assert_eq!(
            ranges("up from 4% to 6%"),
            [r("4%", 4.0, None), r("6%", 6.0, None)]
        );
        // Not percentages at both ends: the single one stays.
        assert_eq!(ranges("12% to 3 million people"), [r("12%", 12.0, None)]);
    }

    #[test]
    fn not_percentages() {
        assert!(percents("5 percentage points, 12 percentile, 12 per capita").is_empty());
        assert!(percents("12 cents").is_empty());
    }
}
