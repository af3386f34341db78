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

/// Where the upper end starts after a lower end (and its unit) ending at
/// `end`, and how the two are joined; `between` says whether `between`
/// came before the lower end, so that `and` joins them.
pub fn joiner_after(s: &str, end: usize, between: bool) -> Option<(usize, Joiner)> {
    let at = skip_spaces(s, end);
    if at - end > 1 {
        return None;
    }
    let spaced = at > end;
    let c = char_at(s, at)?;
    if is_dash(c) && c != '\u{2014}' {
        let after = at + c.len_utf8();
        let upper = skip_spaces(s, after);
        // `10–15` or `10 – 15`, not `10 -15` or `10- 15`.
        if (upper > after) != spaced || upper - after > 1 {
            return None;
        }
        return Some((upper, Joiner::Dash));
    }
    if !spaced {
        return None;
    }
    let word = next_word(s, at)?;
    let joiner = match &s[word.clone()] {
        "to" => Joiner::To,
        "and" if between => Joiner::And,
        _ => return None,
    };
    let upper = skip_spaces(s, word.end);
    (upper > word.end && upper - word.end <= 1).then_some((upper, joiner))
}

/// The start of `between` directly before `start`, if it is there.
pub fn between_before(s: &str, start: usize) -> Option<usize> {
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
        fn j(s: &str, between: bool) -> Option<(&str, Joiner)> {
            joiner_after(s, 0, between).map(|(at, j)| (&s[at..], j))
        }
        assert_eq!(j("–15 tons", false), Some(("15 tons", Joiner::Dash)));
        assert_eq!(j(" - 15", false), Some(("15", Joiner::Dash)));
        assert_eq!(
            j(" to 0.2 per cent", false),
            Some(("0.2 per cent", Joiner::To))
        );
        assert_eq!(j(" and 5 million", true), Some(("5 million", Joiner::And)));
        assert_eq!(j(" and 5 million", false), None);
        assert_eq!(j(" -15", false), None);
        assert_eq!(j("\u{2014}15", false), None);
        assert_eq!(j(" votes to 3", false), None);
    }

    #[test]
    fn the_lower_end_borrows_the_multiplier_only_below_the_upper() {
        let lower = |s: &str| {
            let lo = lower_at(s, 0).unwrap();
            let (at, _) = joiner_after(s, lo.end, true).unwrap();
            let up = upper_at(s, at).unwrap();
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
