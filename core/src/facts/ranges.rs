//! Two numbers read as one: the range `10–15 tons`, `0.15 to 0.2 per
//! cent`, `between 3 and 5 million people`, `$2 million to $3 million`.
//!
//! Each scanner reads its own units around the two ends (tons, per cent,
//! currency); this module says how the ends are joined, what the lower end
//! borrows from the upper (`3 to 5 million` is three million to five
//! million), and when two numbers are not a range at all: a change
//! (`rose from 20 to 30 per cent` is two values, one after the other), a
//! score or a tally (`3-1`, `12 votes to 3`), a phone number (`510-2020`)
//! or a span of years (`2019-2020`, a date).

use super::numbers::{
    dash_and_digit_after, digits_anywhere, qualifier_before, scale, with_spaced_multiplier,
    words_at, Numeral,
};
use super::scan::{char_at, in_sorted, is_dash, next_word, prev_word, skip_spaces};

/// What joins the two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// `10–15`, `10 - 15`.
    Dash,
    /// `3 to 5`.
    To,
    /// `between 3 and 5`.
    And,
}

/// How a second number is joined to a lower end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Join {
    /// Where the upper end starts.
    pub upper_at: usize,
    pub joiner: Joiner,
    /// Where the range's span starts: at `between` when it joins with
    /// `and`, else where the lower end (or its currency) starts.
    pub start: usize,
}

/// The second number joined to a lower end that starts at `start` and
/// ends (with its unit) at `end`: `–15`, ` to 15`, and ` and 15` when
/// `between` comes before the lower end.
pub fn joined_after(s: &str, end: usize, start: usize) -> Option<Join> {
    let at = skip_spaces(s, end);
    if at - end > 1 {
        return None;
    }
    let spaced = at > end;
    let c = char_at(s, at)?;
    if is_dash(c) && c != '\u{2014}' {
        let after = at + c.len_utf8();
        let upper_at = skip_spaces(s, after);
        // `10–15` or `10 – 15`, not `10 -15` or `10- 15`.
        if (upper_at > after) != spaced || upper_at - after > 1 {
            return None;
        }
        let joiner = Joiner::Dash;
        return Some(Join {
            upper_at,
            joiner,
            start,
        });
    }
    if !spaced || !matches!(c, 't' | 'a') {
        return None;
    }
    let word = next_word(s, at)?;
    let (joiner, start) = match &s[word.clone()] {
        "to" => (Joiner::To, start),
        // Only now look back: most numbers are followed by neither.
        "and" => (Joiner::And, between_before(s, start)?),
        _ => return None,
    };
    let upper_at = skip_spaces(s, word.end);
    (upper_at > word.end && upper_at - word.end <= 1).then_some(Join {
        upper_at,
        joiner,
        start,
    })
}

/// The start of `between` directly before `start`, if it is there.
fn between_before(s: &str, start: usize) -> Option<usize> {
    prev_word(s, start)
        .filter(|w| s[w.clone()].eq_ignore_ascii_case("between"))
        .map(|w| w.start)
}

/// The lower end of a possible range at `i`: digits that a dash and more
/// digits may follow (`10–15`), with a spaced multiplier unless a dash
/// follows; or a number in words.
pub fn lower_at(s: &str, i: usize) -> Option<Numeral> {
    if s.as_bytes()[i].is_ascii_digit() {
        let numeral = super::numbers::digits_before_dash(s, i)?;
        if dash_and_digit_after(s, numeral.end) {
            Some(numeral)
        } else {
            with_spaced_multiplier(s, numeral)
        }
    } else {
        words_at(s, i)
    }
}

/// The upper end at `at`: digits (after a dash, where a single number may
/// not start) or words, with a multiplier; not itself the middle of a
/// longer chain (`714-347-8405`).
pub fn upper_at(s: &str, at: usize) -> Option<Numeral> {
    let b = *s.as_bytes().get(at)?;
    let numeral = if b.is_ascii_digit() {
        let numeral = digits_anywhere(s, at)?;
        if dash_and_digit_after(s, numeral.end) {
            return None;
        }
        with_spaced_multiplier(s, numeral)?
    } else {
        words_at(s, at)?
    };
    (!numeral.fold).then_some(numeral)
}

/// The lower end's value in a range: it borrows the upper's multiplier
/// when it has none of its own and stays below the upper with it (`3 to 5
/// million` is 3000000; `between 500 and 2 million` stays 500). `text` is
/// the lower end's digits or words as printed.
pub fn lower_value(lower: &Numeral, upper: &Numeral, text: &str) -> f64 {
    let scaled = with_borrowed_multiplier(lower, upper, text);
    if scaled < upper.value {
        scaled
    } else {
        lower.value
    }
}

/// The lower end's value with the upper's multiplier when it has none of
/// its own, as in a change: `cut from 5 to 3 million` starts at 5000000.
pub fn with_borrowed_multiplier(lower: &Numeral, upper: &Numeral, text: &str) -> f64 {
    if lower.exponent != 0 || upper.exponent == 0 {
        return lower.value;
    }
    if lower.digits {
        scale(text, upper.exponent).unwrap_or(lower.value)
    } else {
        lower.value * 10f64.powi(upper.exponent)
    }
}

/// What two joined numbers are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// One fact holding both ends.
    Range,
    /// Two values one after the other (`fell from 30 to 20 per cent`): the
    /// lower end is a fact of its own, with the upper end's unit.
    Change,
    /// Not two values of one kind (`3-1`, a phone number): the caller reads
    /// the numbers as it would alone.
    Neither,
}

/// Words that make `from X to Y` a change rather than a range, by their
/// start: `rose`, `increased`, `fell`, `a drop`, `down`.
const CHANGE_STEMS: &[&str] = &[
    "balloon", "boost", "chang", "climb", "cut", "declin", "decreas", "dip", "doubl", "down",
    "drop", "edg", "expand", "fall", "fell", "gone", "grew", "grow", "halv", "improv", "increas",
    "jump", "lower", "mov", "narrow", "plummet", "plung", "rais", "reduc", "ris", "rose", "sank",
    "shift", "shr", "sink", "slid", "slip", "soar", "surg", "swell", "tripl", "tumbl", "up",
    "went", "widen",
];

/// A word of change before `from` (`rose from`, `an increase from`).
fn is_change_word(word: &str) -> bool {
    let starts = |stem: &&str| {
        word.len() >= stem.len()
            && word.as_bytes()[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
    };
    CHANGE_STEMS.iter().any(starts)
}

/// Decides what two joined numbers are. `start` is where the lower end
/// (or its currency) starts; `lower` and `upper` are the values, the
/// lower's multiplier already borrowed; `years` says both ends are
/// printed as years (`2019-2020`).
pub fn classify(
    s: &str,
    start: usize,
    joiner: Joiner,
    lower: f64,
    upper: f64,
    years: bool,
) -> Pair {
    if years {
        return Pair::Neither;
    }
    // `rose from about 20 to 30`: the qualifier stands between.
    let start = qualifier_before(s, start).map_or(start, |(q, _)| q);
    let after_from = prev_word(s, start).filter(|w| s[w.clone()].eq_ignore_ascii_case("from"));
    let changed = after_from
        .and_then(|from| prev_word(s, from.start))
        .is_some_and(|w| is_change_word(&s[w]));
    match joiner {
        Joiner::To if changed || lower >= upper => Pair::Change,
        _ if lower < upper => Pair::Range,
        _ => Pair::Neither,
    }
}

/// A plain year (`2019`, 1900 to 2100), as the ends of a span of years are.
pub fn is_year_shaped(numeral: &Numeral, text: &str) -> bool {
    numeral.plain && text.len() == 4 && (1900.0..=2100.0).contains(&numeral.value)
}

/// A vote tally's counted noun: `12 votes to 3` is not a range.
pub fn is_tally(counts: Option<&str>) -> bool {
    counts.is_some_and(|c| in_sorted(c, &["abstentions", "ballots", "votes"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_words() {
        for word in [
            "rose",
            "Increased",
            "fell",
            "drop",
            "declining",
            "up",
            "upgraded",
        ] {
            assert!(is_change_word(word), "{word}");
        }
        for word in ["ranging", "anywhere", "range", "aged", "from"] {
            assert!(!is_change_word(word), "{word}");
        }
    }

    #[test]
    fn joiners() {
        fn j(s: &str) -> Option<(&str, Joiner, &str)> {
            let lower = s.find('3')?;
            joined_after(s, lower + 1, lower).map(|j| (&s[j.upper_at..], j.joiner, &s[j.start..]))
        }
        assert_eq!(j("3–15 tons"), Some(("15 tons", Joiner::Dash, "3–15 tons")));
        assert_eq!(j("3 - 15"), Some(("15", Joiner::Dash, "3 - 15")));
        assert_eq!(
            j("3 to 5 per cent"),
            Some(("5 per cent", Joiner::To, "3 to 5 per cent"))
        );
        assert_eq!(
            j("between 3 and 5 million"),
            Some(("5 million", Joiner::And, "between 3 and 5 million"))
        );
        assert_eq!(j("3 and 5 million"), None);
        assert_eq!(j("3 -15"), None);
        assert_eq!(j("3\u{2014}15"), None);
        assert_eq!(j("3 votes to 3"), None);
    }

    #[test]
    fn the_lower_end_borrows_the_multiplier_only_below_the_upper() {
        let lower = |s: &str| {
            let s = format!("between {s}");
            let lo = lower_at(&s, 8).unwrap();
            let join = joined_after(&s, lo.end, 8).unwrap();
            let up = upper_at(&s, join.upper_at).unwrap();
            (lower_value(&lo, &up, &s[lo.start..lo.end]), up.value)
        };
        assert_eq!(lower("3 to 5 million"), (3e6, 5e6));
        assert_eq!(lower("1.5-2 billion"), (1.5e9, 2e9));
        assert_eq!(lower("500 and 2 million"), (500.0, 2e6));
        assert_eq!(lower("two to three million"), (2e6, 3e6));
        assert_eq!(lower("2 million to 3 million"), (2e6, 3e6));
    }

    #[test]
    fn changes_ranges_and_neither() {
        let c = |s: &str, lo: f64, hi: f64| classify(s, s.len(), Joiner::To, lo, hi, false);
        assert_eq!(c("rose from ", 20.0, 30.0), Pair::Change);
        assert_eq!(c("a drop from ", 30.0, 20.0), Pair::Change);
        assert_eq!(c("ranging from ", 20.0, 30.0), Pair::Range);
        assert_eq!(c("some ", 20.0, 30.0), Pair::Range);
        assert_eq!(
            classify("won ", 4, Joiner::Dash, 3.0, 1.0, false),
            Pair::Neither
        );
        assert_eq!(
            classify("in ", 3, Joiner::Dash, 2019.0, 2020.0, true),
            Pair::Neither
        );
    }
}
