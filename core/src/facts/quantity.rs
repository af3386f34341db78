//! Quantities: a number, its unit and what it counts.
//!
//! The span is the number with its multiplier and unit (`3,800`,
//! `6,800 tons`, `2.4 million`, `sixfold`); the approximation before it and
//! the counted noun after it go into the value, so that the span reads the
//! same whatever surrounds it.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::numbers::{dash_and_digit_after, is_number_word, qualifier_before, Numeral};
use super::ranges::{self, Joiner, Pair};
use super::scan::{
    char_at, in_sorted, is_all_caps, is_capitalized, is_hyphen, is_word_char, match_phrase,
    next_word, prev_word, skip_spaces, Text,
};
use super::value::{FactValue, QuantityValue};
use super::{FactKind, Found};

/// Surface forms and their normalised unit. Durations come last.
const UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square kilometre", "km2"),
    ("square kilometer", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("metric tonnes", "t"),
    ("metric tons", "t"),
    ("metric ton", "t"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kgs", "kg"),
    ("kg", "kg"),
    ("grams", "g"),
    ("gram", "g"),
    ("pounds", "lb"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("litres", "L"),
    ("liters", "L"),
    ("litre", "L"),
    ("liter", "L"),
    ("gallons", "gal"),
    ("barrels", "bbl"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("kilowatts", "kW"),
    ("MWh", "MWh"),
    ("GWh", "GWh"),
    ("kWh", "kWh"),
    ("TWh", "TWh"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("kW", "kW"),
    ("degrees Celsius", "°C"),
    ("°C", "°C"),
    ("percentage points", "percentage point"),
    ("percentage point", "percentage point"),
    ("fold", "fold"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("years", "year"),
    ("year", "year"),
    ("months", "month"),
    ("month", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("minute", "minute"),
    ("seconds", "second"),
];

fn is_duration(unit: &str) -> bool {
    matches!(
        unit,
        "decade" | "year" | "month" | "week" | "day" | "hour" | "minute" | "second"
    )
}

/// Words that end a noun phrase (sorted): articles, prepositions, pronouns,
/// auxiliaries and the like. `and`/`or` are not here: they join modifiers
/// (`highly trained and well-equipped troops`).
const STOP: &[&str] = &[
    "a",
    "about",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "among",
    "an",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "least",
    "less",
    "may",
    "might",
    "more",
    "most",
    "must",
    "my",
    "near",
    "no",
    "not",
    "of",
    "off",
    "on",
    "only",
    "onto",
    "other",
    "our",
    "out",
    "over",
    "per",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "via",
    "was",
    "we",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
];

/// Plurals that do not end in `s` (sorted).
const IRREGULAR: &[&str] = &[
    "cattle",
    "children",
    "data",
    "feet",
    "geese",
    "livestock",
    "media",
    "men",
    "mice",
    "people",
    "personnel",
    "police",
    "staff",
    "teeth",
    "women",
];

/// Labels whose number is an identifier: `paragraph 5`, `Goal 16` (sorted).
const LABELS: &[&str] = &[
    "annex",
    "article",
    "articles",
    "category",
    "chapter",
    "floor",
    "goal",
    "grade",
    "item",
    "level",
    "no",
    "number",
    "page",
    "pages",
    "paragraph",
    "paragraphs",
    "phase",
    "room",
    "route",
    "rule",
    "section",
    "step",
    "target",
    "version",
];

pub(super) fn is_stop(word: &str) -> bool {
    word.len() <= 9 && in_sorted(word, STOP)
}

pub(super) fn is_plural(word: &str) -> bool {
    // Every plural we know ends in `s` or is one of the irregular ones,
    // whose last letters are these: a quick test before lower-casing.
    if !word.ends_with([
        's', 'S', 'e', 'E', 'n', 'N', 'f', 'F', 'l', 'L', 'a', 'A', 'h', 'H', 'k', 'K', 't', 'T',
    ]) {
        return false;
    }
    if in_sorted(word, IRREGULAR) {
        return true;
    }
    // On bytes: `e.len()` bytes back from the end need not be a char
    // boundary.
    let ends = |e: &str| {
        let b = word.as_bytes();
        b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    };
    word.chars().count() >= 3
        && ends("s")
        && !["ss", "us", "is", "ous"].iter().any(|e| ends(e))
        && word.chars().all(|c| c.is_alphabetic() || is_hyphen(c))
}

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    Text::each(&text.numbers, out, |i| {
        let numeral = ranges::lower_at(s, i)?;
        // Read once: the unit of a number alone or of a range's lower end.
        let unit = if numeral.fold {
            None
        } else {
            unit_after(s, numeral.end)
        };
        if let Some(found) = range(s, &numeral, unit) {
            return found;
        }
        if dash_and_digit_after(s, numeral.end) {
            // `714-347-8405`, `3-1`: not a number alone.
            return None;
        }
        quantity(s, numeral, unit)
    })
}

/// A number whose word before makes it an identifier or part of a name,
/// not an amount: `paragraph 5`, `Agenda 2030`, `Vision 2040`, `COP 28`.
fn is_label_or_name(s: &str, numeral: &Numeral) -> bool {
    let Some(label) = prev_word(s, numeral.start) else {
        return false;
    };
    let word = &s[label.clone()];
    if in_sorted(word, LABELS) {
        return true;
    }
    // A year after a capitalised word names a plan or an event (`Horizon
    // 2020 programme`); a number after an acronym names a meeting or a
    // model (`COP 28`). Function words and qualifiers (`About 300`, `All
    // 15`) are capitalised only at a sentence's start.
    if !numeral.plain || &s[label.end..numeral.start] != " " || !is_capitalized(word) {
        return false;
    }
    let year = ranges::is_year_shaped(numeral, &s[numeral.start..numeral.end]);
    let acronym = word.len() >= 2 && is_all_caps(word);
    (year || acronym)
        && !is_stop(word)
        && qualifier_before(s, numeral.start).is_none()
        && !is_number_word_any_case(word)
}

fn is_number_word_any_case(word: &str) -> bool {
    word.len() <= 16 && is_number_word(&word.to_ascii_lowercase())
}

/// A year used as the adjective of a name: `the 2030 Agenda`, `the 2023
/// Awards`.
fn is_year_of_a_name(s: &str, numeral: &Numeral) -> bool {
    ranges::is_year_shaped(numeral, &s[numeral.start..numeral.end])
        && char_at(s, numeral.end) == Some(' ')
        && next_word(s, numeral.end).is_some_and(|w| is_capitalized(&s[w]))
}

/// The unit right after a number (`unit`, as [`unit_after`] read it) and
/// what it counts: (end, unit, counts).
fn unit_and_counts(
    s: &str,
    numeral: &Numeral,
    unit: Option<(usize, &'static str)>,
) -> (usize, Option<&'static str>, Option<String>) {
    let (end, unit) = match unit {
        _ if numeral.fold => (numeral.end, Some("fold")),
        Some((end, unit)) => (end, Some(unit)),
        None => (numeral.end, None),
    };
    let counts = match unit {
        Some("fold") => next_word(s, end)
            .filter(|w| !is_stop(&s[w.clone()]) && !is_capitalized(&s[w.clone()]))
            .map(|w| s[w].to_owned()),
        Some(u) if is_duration(u) => None,
        Some(_) => of_phrase(s, end),
        None => head_noun(s, end),
    };
    (end, unit, counts)
}

fn quantity(s: &str, numeral: Numeral, unit: Option<(usize, &'static str)>) -> Option<Found> {
    if is_label_or_name(s, &numeral) || is_year_of_a_name(s, &numeral) {
        return None;
    }
    let (end, unit, counts) = unit_and_counts(s, &numeral, unit);
    if unit.is_none() && char_at(s, numeral.end).is_some_and(is_word_char) {
        // `3G`, `21CV004367`, `1st`: a code or an ordinal.
        return None;
    }
    // A bare number says nothing without its noun; one thing is not a count.
    let accepted = unit.is_some() || (counts.is_some() && (numeral.digits || numeral.value >= 2.0));
    if !accepted {
        return None;
    }
    Some(found(
        s,
        numeral.start..end,
        numeral.value,
        None,
        unit,
        counts,
    ))
}

fn found(
    s: &str,
    span: std::ops::Range<usize>,
    number: f64,
    upper: Option<f64>,
    unit: Option<&'static str>,
    counts: Option<String>,
) -> Found {
    let qualifier = qualifier_before(s, span.start)
        .filter(|(at, q)| !(q == "over" && unit.is_some_and(is_duration) && spreads(s, *at)))
        .map(|(_, q)| q);
    Found::new(
        FactKind::Quantity,
        span,
        FactValue::Quantity(QuantityValue {
            number,
            upper,
            unit: unit.map(Cow::Borrowed),
            counts,
            qualifier,
        }),
    )
}

/// `over` at `at` spreads an amount across a period rather than exceeding
/// it: `$40 million over five years`, `1,200 homes over two years` (but
/// `for over 30 years`, `has over 20 years of experience`).
fn spreads(s: &str, at: usize) -> bool {
    prev_word(s, at).is_some_and(|w| {
        let word = &s[w];
        word.ends_with(|c: char| c.is_ascii_digit())
            || matches!(
                word.to_ascii_lowercase().as_str(),
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "bn" | "m"
            )
            || (!is_stop(word) && is_plural(word))
    })
}

/// Two numbers joined as a range (`10–15 tons`, `between 3 and 5 million
/// people`, `2 to 3 tonnes`): `Some(Some(fact))` for the range or, after a
/// change (`rose from 200 to 300 staff`), the lower end alone with the
/// upper's unit; `Some(None)` for two numbers that are neither
/// (`3-1`); `None` when no second number is joined to this one.
fn range(
    s: &str,
    lower: &Numeral,
    lower_unit: Option<(usize, &'static str)>,
) -> Option<Option<Found>> {
    if lower.fold {
        return None;
    }
    // The lower end may have a unit of its own: `2 tonnes to 3 tonnes`.
    let (join, lower_unit) = match ranges::joined_after(s, lower.end, lower.start) {
        Some(join) => (join, None),
        None => {
            let (end, unit) = lower_unit?;
            (
                ranges::joined_after(s, end, lower.start)?,
                Some((end, unit)),
            )
        }
    };
    let joiner = join.joiner;
    let lower_end = lower_unit.map_or(lower.end, |(end, _)| end);
    let upper = ranges::upper_at(s, join.upper_at)?;
    if is_label_or_name(s, lower) {
        return Some(None);
    }
    let (end, unit, counts) = unit_and_counts(s, &upper, unit_after(s, upper.end));
    let same_unit = lower_unit.is_none_or(|(_, u)| unit == Some(u));
    let counted = unit.is_some() || counts.is_some();
    if !same_unit || !counted || ranges::is_tally(counts.as_deref()) {
        return if joiner == Joiner::Dash {
            Some(None)
        } else {
            None
        };
    }
    let lower_text = &s[lower.start..lower.end];
    let upper_text = &s[upper.start..upper.end];
    // `555-2368` is a local phone number, not 555 to 2368 of anything.
    let phone = joiner == Joiner::Dash
        && lower.plain
        && upper.plain
        && lower_text.len() == 3
        && upper_text.len() == 4;
    if phone {
        return Some(None);
    }
    let years =
        ranges::is_year_shaped(lower, lower_text) && ranges::is_year_shaped(&upper, upper_text);
    let low = ranges::lower_value(lower, &upper, lower_text);
    Some(
        match ranges::classify(s, lower.start, joiner, low, upper.value, years) {
            Pair::Range => Some(found(
                s,
                join.start..end,
                low,
                Some(upper.value),
                unit,
                counts,
            )),
            Pair::Change => {
                let first = ranges::with_borrowed_multiplier(lower, &upper, lower_text);
                Some(found(s, lower.start..lower_end, first, None, unit, counts))
            }
            Pair::Neither if joiner == Joiner::Dash => None,
            Pair::Neither => return None,
        },
    )
}

/// A unit after the number: spaced (`6,800 tons`), glued (`114MW`) or
/// hyphenated (`30-year`).
fn unit_after(s: &str, end: usize) -> Option<(usize, &'static str)> {
    let at = match char_at(s, end) {
        Some(c) if is_hyphen(c) => end + c.len_utf8(),
        Some(c) if c.is_alphabetic() || c == '°' => end,
        _ => {
            let at = skip_spaces(s, end);
            if at - end > 2 {
                return None;
            }
            at
        }
    };
    let first = char_at(s, at)?;
    // Most words after a number start with a letter no unit starts with.
    if !"sckmtgplhaGMTdfyw°".contains(first)
        && !"sckmtgplhadfyw".contains(first.to_ascii_lowercase())
    {
        return None;
    }
    units_starting_with(first)
        .iter()
        .find_map(|(surface, unit)| {
            let unit_end = match_phrase(s, at, surface)?;
            // Symbols are case-sensitive (`MW` is not `mw`); words are not.
            let is_symbol = surface.chars().any(|c| c.is_ascii_uppercase());
            (!is_symbol || &s[at..unit_end] == *surface).then_some((unit_end, *unit))
        })
}

/// The units whose surface form starts with `first` (any case), in the
/// order of [`UNITS`]: one list per first letter, built once.
fn units_starting_with(first: char) -> &'static [(&'static str, &'static str)] {
    static BY_LETTER: OnceLock<Vec<Vec<(&'static str, &'static str)>>> = OnceLock::new();
    let lists = BY_LETTER.get_or_init(|| {
        let mut lists = vec![Vec::new(); 27];
        for unit in UNITS {
            let c = unit.0.chars().next().unwrap_or(' ').to_ascii_lowercase();
            let slot = if c.is_ascii_lowercase() {
                (c as u8 - b'a') as usize
            } else {
                26
            };
            lists[slot].push(*unit);
        }
        lists
    });
    let c = first.to_ascii_lowercase();
    let slot = if c.is_ascii_lowercase() {
        (c as u8 - b'a') as usize
    } else {
        26
    };
    &lists[slot]
}

/// The head noun counted by a bare number: the first plural within a few
/// words, past modifiers (`highly trained and well-equipped troops`,
/// `Vestas V-162 wind turbines`).
fn head_noun(s: &str, end: usize) -> Option<String> {
    let mut at = end;
    // `280-employees`
    if char_at(s, at).is_some_and(is_hyphen) {
        at += 1;
    }
    for _ in 0..6 {
        let word = next_word(s, at)?;
        let text = &s[word.clone()];
        if text.len() > 40 || is_stop(text) {
            return None;
        }
        let capitalized = is_capitalized(text) || text.chars().any(|c| c.is_ascii_digit());
        if capitalized {
            // A capitalised plural heads the phrase only when nothing
            // follows it: `6 million Ukrainians have fled`.
            let after = next_word(s, word.end);
            let ends = after.is_none_or(|w| is_stop(&s[w]));
            if is_plural(text) && ends && !text.chars().any(|c| c.is_ascii_digit()) {
                return Some(text.to_owned());
            }
        } else if is_plural(text) {
            return Some(text.to_owned());
        }
        at = word.end;
        // An initial in an abbreviation: `700,000 U.S. biopsy specimens`.
        if text.chars().count() == 1 && char_at(s, at) == Some('.') {
            at += 1;
        }
    }
    None
}

/// `of pure heroin` after a unit: what is measured.
fn of_phrase(s: &str, end: usize) -> Option<String> {
    let of = next_word(s, end)?;
    if !s[of.clone()].eq_ignore_ascii_case("of") {
        return None;
    }
    let mut at = of.end;
    let mut phrase: Option<std::ops::Range<usize>> = None;
    for n in 0..4 {
        let Some(word) = next_word(s, at) else { break };
        let text = &s[word.clone()];
        let verb_like = n > 0 && (text.ends_with("ed") || text.ends_with("ing"));
        if text.len() > 40 || is_stop(text) || verb_like {
            break;
        }
        phrase = Some(phrase.map_or(word.clone(), |p| p.start..word.end));
        at = word.end;
    }
    // `of grain and foodstuffs and …`: a dangling conjunction is not counted.
    let text = s[phrase?].trim_end();
    let text = text
        .strip_suffix(" and")
        .or_else(|| text.strip_suffix(" or"))
        .unwrap_or(text);
    Some(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    type Row = (String, f64, Option<String>, Option<String>, Option<String>);

    fn quantities(s: &str) -> Vec<Row> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Quantity(q) => (
                    s[f.span].to_owned(),
                    q.number,
                    q.unit.map(|u| u.into_owned()),
                    q.counts,
                    q.qualifier,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn row(text: &str, n: f64, unit: Option<&str>, counts: Option<&str>, q: Option<&str>) -> Row {
        (
            text.to_owned(),
            n,
            unit.map(str::to_owned),
            counts.map(str::to_owned),
            q.map(str::to_owned),
        )
    }

    #[test]
    fn word_lists_are_sorted_for_bisection() {
        for list in [STOP, IRREGULAR, LABELS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn counted_nouns_past_modifiers() {
        assert_eq!(
            quantities("a contingent of 1,250 lightly armed and newly trained observers will"),
            [row("1,250", 1250.0, None, Some("observers"), None)]
        );
        assert_eq!(
            quantities("the agency ran twelve cross-border vaccination campaigns in 2024"),
            [row("twelve", 12.0, None, Some("campaigns"), None)]
        );
        assert_eq!(
            quantities("Nearly 4.5 million children missed school"),
            [row(
                "4.5 million",
                4.5e6,
                None,
                Some("children"),
                Some("nearly")
            )]
        );
        assert_eq!(
            quantities("42 Nordvind NV-15 offshore turbines"),
            [row("42", 42.0, None, Some("turbines"), None)]
        );
        assert_eq!(
            quantities("more than 900 volunteers signed up"),
            [row(
                "900",
                900.0,
                None,
                Some("volunteers"),
                Some("more than")
            )]
        );
    }

    #[test]
    fn units_and_what_they_measure() {
        assert_eq!(
            quantities("exports fell by 1,420 tonnes last year"),
            [row("1,420 tonnes", 1420.0, Some("t"), None, None)]
        );
        assert_eq!(
            quantities("the equivalent of 75 tons of refined cocoa; and"),
            [row(
                "75 tons",
                75.0,
                Some("ton"),
                Some("refined cocoa"),
                None
            )]
        );
        assert_eq!(
            quantities("roughly 2 tonnes (1,814 kilograms)"),
            [
                row("2 tonnes", 2.0, Some("t"), None, Some("roughly")),
                row("1,814 kilograms", 1814.0, Some("kg"), None, None)
            ]
        );
        assert_eq!(
            quantities("a nearly fivefold rise"),
            [row(
                "fivefold",
                5.0,
                Some("fold"),
                Some("rise"),
                Some("nearly")
            )]
        );
        assert_eq!(
            quantities("the 250 MW solar farm and a 15-year lease"),
            [
                row("250 MW", 250.0, Some("MW"), None, None),
                row("15-year", 15.0, Some("year"), None, None)
            ]
        );
        assert_eq!(
            quantities("about 30 square kilometres of wetland were flooded"),
            [row(
                "30 square kilometres",
                30.0,
                Some("km2"),
                Some("wetland"),
                Some("about")
            )]
        );
    }

    /// Span, lower end, upper end, unit and counts.
    type Ranged = (String, f64, Option<f64>, Option<String>, Option<String>);

    /// The quantities of `s`, with their upper ends.
    fn ranges_in(s: &str) -> Vec<Ranged> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Quantity(q) => (
                    s[f.span].to_owned(),
                    q.number,
                    q.upper,
                    q.unit.map(|u| u.into_owned()),
                    q.counts,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn ranges_hold_both_ends() {
        let r = |t: &str, lo: f64, hi: f64, unit: Option<&str>, counts: Option<&str>| {
            (
                t.to_owned(),
                lo,
                Some(hi),
                unit.map(str::to_owned),
                counts.map(str::to_owned),
            )
        };
        assert_eq!(
            ranges_in("some 8–12 tonnes of rice"),
            [r("8–12 tonnes", 8.0, 12.0, Some("t"), Some("rice"))]
        );
        assert_eq!(
            ranges_in("between 40 and 60 wardens"),
            [r("between 40 and 60", 40.0, 60.0, None, Some("wardens"))]
        );
        assert_eq!(
            ranges_in("1.5 to 2.5 million migrants"),
            [r(
                "1.5 to 2.5 million",
                1.5e6,
                2.5e6,
                None,
                Some("migrants")
            )]
        );
        assert_eq!(
            ranges_in("for 4 weeks to 6 weeks"),
            [r("4 weeks to 6 weeks", 4.0, 6.0, Some("week"), None)]
        );
        assert_eq!(
            ranges_in("ranging from 300 to 450 clinics"),
            [r("300 to 450", 300.0, 450.0, None, Some("clinics"))]
        );
        assert_eq!(
            ranges_in("five to seven years"),
            [r("five to seven years", 5.0, 7.0, Some("year"), None)]
        );
    }

    #[test]
    fn a_change_gives_the_lower_end_alone_with_the_unit() {
        let single =
            |t: &str, n: f64, counts: &str| (t.to_owned(), n, None, None, Some(counts.to_owned()));
        assert_eq!(
            ranges_in("staff numbers grew from 200 to 300 nurses"),
            [
                single("200", 200.0, "nurses"),
                single("300", 300.0, "nurses")
            ]
        );
        assert_eq!(
            ranges_in("cut from 5 to 3 million doses"),
            [single("5", 5e6, "doses"), single("3 million", 3e6, "doses")]
        );
    }

    #[test]
    fn not_ranges() {
        // A tally, a score, a phone number, pages, years and a list.
        for s in [
            "adopted by 14 votes to 1, with 3 abstentions",
            "won 4-2 in extra time",
            "call 212-963-1234 or 555-0199",
            "the 555-2368 hotlines",
            "see pages 12-14 and articles 3 to 5",
            "in the 2019-2020 season",
        ] {
            assert!(ranges_in(s).iter().all(|r| r.2.is_none()), "{s}");
        }
        assert_eq!(
            ranges_in("2 km to 3 miles"),
            [
                ("2 km".to_owned(), 2.0, None, Some("km".to_owned()), None),
                ("3 miles".to_owned(), 3.0, None, Some("mi".to_owned()), None)
            ]
        );
    }

    #[test]
    fn years_and_numbers_inside_names_are_not_quantities() {
        for s in [
            "Agenda 2030 covers the region",
            "the Strategy 2030 targets",
            "Vision 2040 pillars",
            "the Horizon 2020 programmes",
            "the 2030 Agenda commitments",
            "COP28 delegates and COP 29 delegates",
        ] {
            assert_eq!(quantities(s), [], "{s}");
        }
        // A sentence's first word is no name: `About 2000 pupils`.
        assert_eq!(
            quantities("About 2000 pupils"),
            [row("2000", 2000.0, None, Some("pupils"), Some("about"))]
        );
    }

    #[test]
    fn over_a_period_is_no_qualifier() {
        assert_eq!(
            quantities("$40 million over five years; 1,200 homes over two years"),
            [
                row("five years", 5.0, Some("year"), None, None),
                row("1,200", 1200.0, None, Some("homes"), None),
                row("two years", 2.0, Some("year"), None, None)
            ]
        );
        assert_eq!(
            quantities("for over 30 years"),
            [row("30 years", 30.0, Some("year"), None, Some("over"))]
        );
    }

    #[test]
    fn not_quantities() {
        for s in [
            "call 415-555-0132 or (888) 555-0199",
            "Case No.: 23CV009151, the NV-15, CH4 and B2B+",
            "one of the aims; paragraph 7 notes; 7 of the 10 Nordic Rail & Port operators",
            "five along the coast; 24/7 support; 5G/6G masts",
        ] {
            assert_eq!(quantities(s), [], "{s}");
        }
    }
}
