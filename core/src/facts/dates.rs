//! Dates: `27 January 2022`, `January 27, 2022`, `6 January` (year from
//! the document's date when it has one), `September 2021`, `2022-01-27`,
//! bare years in context (`in 2021`, `fiscal years 2015 and 2017`) and
//! month names in context (`in January`).

use super::numbers::may_start_number;
use super::quantity::{is_plural, is_stop};
use super::scan::{
    boundary_after, char_at, char_before, in_sorted, is_apostrophe, is_dash, is_hyphen,
    is_word_char, next_word, prev_word, skip_spaces, Text,
};
use super::value::{DateValue, FactValue};
use super::{FactKind, Found};

/// Words after which a bare month name or year is a date (sorted).
const CONTEXT: &[&str] = &[
    "after",
    "around",
    "autumn",
    "before",
    "between",
    "by",
    "circa",
    "during",
    "early",
    "fiscal",
    "for",
    "from",
    "in",
    "last",
    "late",
    "mid",
    "next",
    "of",
    "on",
    "since",
    "spring",
    "summer",
    "the",
    "this",
    "through",
    "throughout",
    "till",
    "to",
    "until",
    "winter",
    "year",
    "years",
];

/// What may join two years of a list or range (`2015 and 2017`).
const CHAIN: &[&str] = &["and", "or", "to", "through", "till"];

/// The year of an ISO date `YYYY-MM-DD` (or `YYYY`).
pub fn year_of_iso(date: &str) -> Option<i32> {
    let year = date.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit())
        || date[4..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    year.parse().ok()
}

/// Days in a month; February has 29 when the year is unknown.
fn days_in(month: u8, year: Option<i32>) -> u8 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The value of a date of any precision; an open year is taken from the
/// document's date when there is one.
pub fn date_value(
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    document_year: Option<i32>,
) -> DateValue {
    let inferred = year.is_none() && month.is_some() && document_year.is_some();
    let year = year.or(if month.is_some() { document_year } else { None });
    let date = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (None, None, _) => String::new(),
    };
    DateValue {
        date,
        year,
        month,
        day,
        year_inferred: inferred,
    }
}

pub fn scan(text: &Text, document_year: Option<i32>, out: &mut Vec<Found>) {
    let s = text.s;
    let mut last_year_end: Option<usize> = None;
    Text::each_of(&text.numbers, &text.capitals, out, |i| {
        let b = s.as_bytes()[i];
        let (end, year, month, day) = if b.is_ascii_digit() {
            day_first(s, i)
                .or_else(|| iso(s, i))
                .or_else(|| bare_year(s, i, last_year_end))?
        } else if b.is_ascii_uppercase() {
            month_first(s, i)?
        } else {
            return None;
        };
        if month.is_none() {
            last_year_end = Some(end);
        }
        let value = date_value(year, month, day, document_year);
        Some(Found::new(FactKind::Date, i..end, FactValue::Date(value)))
    })
}

type Parsed = (usize, Option<i32>, Option<u8>, Option<u8>);

/// A month name at `i`: (end, month, written in full).
fn month_at(s: &str, i: usize) -> Option<(usize, u8, bool)> {
    let b = s.as_bytes();
    if !b.get(i).is_some_and(|c| b"JFMASOND".contains(c)) {
        return None;
    }
    let mut end = i + 1;
    while end < b.len() && b[end].is_ascii_lowercase() && end - i < 10 {
        end += 1;
    }
    if end - i < 3 || end - i > 9 || char_at(s, end).is_some_and(is_word_char) {
        return None;
    }
    // Months by first letter, so that a word is compared with two or three.
    let candidates: &[(&str, u8)] = match b[i] {
        b'J' => &[
            ("January", 1),
            ("June", 6),
            ("July", 7),
            ("Jan", 1),
            ("Jun", 6),
            ("Jul", 7),
        ],
        b'F' => &[("February", 2), ("Feb", 2)],
        b'M' => &[("March", 3), ("May", 5), ("Mar", 3)],
        b'A' => &[("April", 4), ("August", 8), ("Apr", 4), ("Aug", 8)],
        b'S' => &[("September", 9), ("Sep", 9), ("Sept", 9)],
        b'O' => &[("October", 10), ("Oct", 10)],
        b'N' => &[("November", 11), ("Nov", 11)],
        _ => &[("December", 12), ("Dec", 12)],
    };
    let word = &s[i..end];
    let &(name, month) = candidates.iter().find(|(name, _)| *name == word)?;
    let full = name.len() > 4 || name == "June" || name == "July" || name == "May";
    // An abbreviation may end in a full stop: `Jan. 27`.
    let end = if !full && char_at(s, end) == Some('.') {
        end + 1
    } else {
        end
    };
    Some((end, month, full))
}

/// A day of the month: one or two digits, maybe `st`, `nd`, `rd`, `th`.
fn day_at(s: &str, i: usize) -> Option<(usize, u8)> {
    if !may_start_number(s, i) {
        return None;
    }
    let bytes = s.as_bytes();
    let mut end = i;
    while end < bytes.len() && bytes[end].is_ascii_digit() && end - i < 3 {
        end += 1;
    }
    if end - i > 2 || end == i {
        return None;
    }
    let day: u8 = s[i..end].parse().ok()?;
    for suffix in ["st", "nd", "rd", "th"] {
        if s[end..].starts_with(suffix) && boundary_after(s, end + 2) {
            end += 2;
            break;
        }
    }
    let glued = match char_at(s, end) {
        Some(c) if is_word_char(c) => true,
        Some(':' | '.' | '/' | ',') => bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(c) if is_dash(c) => bytes
            .get(end + c.len_utf8())
            .is_some_and(u8::is_ascii_digit),
        _ => false,
    };
    ((1..=31).contains(&day) && !glued).then_some((end, day))
}

/// Four digits that can be a year (1000 to 2999), not part of a longer
/// number or code. A following range (`2016-2017`) is allowed.
fn year_at(s: &str, i: usize) -> Option<(usize, i32)> {
    let bytes = s.as_bytes();
    let digits = bytes.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) || bytes.get(i + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let end = i + 4;
    let glued = match char_at(s, end) {
        Some(c) if is_word_char(c) => true,
        Some(':' | '.' | '/' | ',' | '%') => bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    };
    let year: i32 = s[i..end].parse().ok()?;
    ((1000..=2999).contains(&year) && !glued).then_some((end, year))
}

/// A year after the month or the day: `, 2022` or ` 2022`.
fn year_after(s: &str, end: usize) -> Option<(usize, i32)> {
    let mut at = end;
    if char_at(s, at) == Some(',') {
        at += 1;
    }
    let start = skip_spaces(s, at);
    if start == at || start - at > 2 {
        return None;
    }
    year_at(s, start)
}

/// `27 January 2022`, `6 January`, `1st March`.
fn day_first(s: &str, i: usize) -> Option<Parsed> {
    let (day_end, day) = day_at(s, i)?;
    let month_start = skip_spaces(s, day_end);
    if month_start == day_end || month_start - day_end > 2 {
        return None;
    }
    let (month_end, month, _) = month_at(s, month_start)?;
    let (end, year) = match year_after(s, month_end).filter(|_| char_at(s, month_end) != Some(','))
    {
        Some((end, year)) => (end, Some(year)),
        None => (month_end, None),
    };
    (day <= days_in(month, year)).then_some((end, year, Some(month), Some(day)))
}

/// `January 27, 2022`, `March 1`, `September 2021`, `in January`.
fn month_first(s: &str, i: usize) -> Option<Parsed> {
    let (month_end, month, full) = month_at(s, i)?;
    let next = skip_spaces(s, month_end);
    let spaced = next > month_end && next - month_end <= 2;
    if spaced {
        if let Some((day_end, day)) = day_at(s, next) {
            let (end, year) = match year_after(s, day_end) {
                Some((end, year)) => (end, Some(year)),
                None => (day_end, None),
            };
            if day <= days_in(month, year) && char_at(s, day_end).is_none_or(|c| c != '%') {
                return Some((end, year, Some(month), Some(day)));
            }
        }
        if let Some((end, year)) = year_at(s, next) {
            if full {
                return Some((end, Some(year), Some(month), None));
            }
        }
    }
    if !full {
        return None;
    }
    let in_context = has_context(s, i);
    // `May` and `March` are also a verb; the others stand alone when
    // possessive (`January’s incidents`).
    let possessive = char_at(s, month_end).is_some_and(is_apostrophe)
        && char_at(s, month_end + char_at(s, month_end)?.len_utf8()) == Some('s');
    let ambiguous = month == 3 || month == 5;
    (in_context || (possessive && !ambiguous)).then_some((month_end, None, Some(month), None))
}

/// The word before `i` makes a bare month or year a date (`in`, `since`,
/// `mid-`).
fn has_context(s: &str, i: usize) -> bool {
    if char_before(s, i).is_some_and(is_hyphen) {
        return prev_word(s, i - 1).is_some_and(|w| s[w].eq_ignore_ascii_case("mid"));
    }
    prev_word(s, i).is_some_and(|w| {
        let word = &s[w];
        word.len() <= 10 && in_sorted(word, CONTEXT)
    })
}

/// `2022-01-27`.
fn iso(s: &str, i: usize) -> Option<Parsed> {
    if !may_start_number(s, i) {
        return None;
    }
    let b = s.as_bytes();
    let shape = b.get(i..i + 10)?;
    let digit = |k: usize| shape[k].is_ascii_digit();
    if !(0..4).all(digit) || shape[4] != b'-' || !digit(5) || !digit(6) || shape[7] != b'-' {
        return None;
    }
    if !digit(8) || !digit(9) || !boundary_after(s, i + 10) || b.get(i + 10) == Some(&b'-') {
        return None;
    }
    let year: i32 = s[i..i + 4].parse().ok()?;
    let month: u8 = s[i + 5..i + 7].parse().ok()?;
    let day: u8 = s[i + 8..i + 10].parse().ok()?;
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in(month, Some(year));
    valid.then_some((i + 10, Some(year), Some(month), Some(day)))
}

/// `in 2021`, `since 1963`, `the year 2050`, `the Treaty of 1648`, and the
/// second year of `2015 and 2017` or `2016-2017`.
fn bare_year(s: &str, i: usize, last_year_end: Option<usize>) -> Option<Parsed> {
    let (end, year) = year_at(s, i)?;
    let chained = last_year_end.is_some_and(|last| {
        let between = s[last..i].trim();
        between.chars().count() == 1 && between.chars().all(is_dash)
            || (between.len() <= 8 && CHAIN.iter().any(|w| w.eq_ignore_ascii_case(between)))
    });
    if chained {
        return Some((end, Some(year), None, None));
    }
    if !may_start_number(s, i) {
        return None;
    }
    // `Convention … of 1884`, `the Act of 1964`: an instrument's year, of
    // any century, whatever follows (`of 1884 remains in force`).
    if of_an_instrument(s, i) {
        return Some((end, Some(year), None, None));
    }
    let determiner = prev_word(s, i).is_some_and(|w| in_sorted(&s[w], DETERMINERS));
    if !(1900..=2100).contains(&year) || !(determiner || has_context(s, i)) {
        return None;
    }
    if let Some(next) = next_word(s, end).filter(|_| char_at(s, end) == Some(' ')) {
        let word = &s[next];
        // `the 2030 Agenda` is a plan's name (`the 2021 General Assembly
        // resolution` is a year's).
        if word == "Agenda" {
            return None;
        }
        // `in 2000 cases` counts cases; `the 2022 elections` are a year's.
        let counted = !is_stop(word) && is_plural(word) && !word.starts_with(char::is_uppercase);
        if counted && !determiner {
            return None;
        }
    }
    Some((end, Some(year), None, None))
}

/// Words before a year used as an adjective (`the 2022 elections`, `its
/// 2030 targets`), sorted.
const DETERMINERS: &[&str] = &["her", "his", "its", "our", "the", "their", "this", "whose"];

/// Lower-case names of instruments whose year follows `of` (sorted).
const INSTRUMENTS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "charter",
    "code",
    "constitution",
    "convention",
    "covenant",
    "declaration",
    "decree",
    "law",
    "protocol",
    "statute",
    "treaty",
];

/// The year at `i` follows `of` after a named instrument: `Convention …
/// of 1884`, `the Treaty of 1648`, `the law of 1905`.
fn of_an_instrument(s: &str, i: usize) -> bool {
    let Some(of) = prev_word(s, i).filter(|w| &s[w.clone()] == "of") else {
        return false;
    };
    prev_word(s, of.start).is_some_and(|w| {
        let word = &s[w];
        in_sorted(word, INSTRUMENTS) || (word.starts_with(char::is_uppercase) && !is_stop(word))
    })
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn dates(s: &str, year: Option<i32>) -> Vec<(String, String)> {
        collected(|out| scan(&Text::new(s), year, out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Date(d) => (s[f.span].to_owned(), d.date),
                _ => unreachable!(),
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            dates("on 27 January 2022, and on January 27, 2022.", None),
            pairs(&[
                ("27 January 2022", "2022-01-27"),
                ("January 27, 2022", "2022-01-27")
            ])
        );
        assert_eq!(
            dates("Date: 2022-01-27.", None),
            pairs(&[("2022-01-27", "2022-01-27")])
        );
        assert_eq!(
            dates("Jan. 5, 2021", None),
            pairs(&[("Jan. 5, 2021", "2021-01-05")])
        );
    }

    #[test]
    fn open_years_come_from_the_document() {
        assert_eq!(
            dates("deployed on 6 January", None),
            pairs(&[("6 January", "--01-06")])
        );
        assert_eq!(
            dates("on 6 January", Some(2022)),
            pairs(&[("6 January", "2022-01-06")])
        );
        assert_eq!(
            dates("by March 1 the", Some(2018)),
            pairs(&[("March 1", "2018-03-01")])
        );
        assert_eq!(dates("in January", None), pairs(&[("January", "--01")]));
        assert_eq!(
            dates("in January", Some(2022)),
            pairs(&[("January", "2022-01")])
        );
    }

    #[test]
    fn years_and_months_in_context() {
        assert_eq!(
            dates(
                "in 2021, since early September 2021 and fiscal years 2015 and 2017",
                None
            ),
            pairs(&[
                ("2021", "2021"),
                ("September 2021", "2021-09"),
                ("2015", "2015"),
                ("2017", "2017")
            ])
        );
        assert_eq!(
            dates("fiscal year 2016-2017; January’s incidents", None),
            pairs(&[("2016", "2016"), ("2017", "2017"), ("January", "--01")])
        );
    }

    #[test]
    fn the_year_of_an_instrument_of_any_century() {
        assert_eq!(
            dates(
                "the Convention for the Protection of Submarine Cables of 1884 remains; the Treaty of 1648; the law of 1905 applies",
                None
            ),
            pairs(&[("1884", "1884"), ("1648", "1648"), ("1905", "1905")])
        );
        // Not after a count or a plain noun.
        assert_eq!(dates("a total of 1500 cases; some of 1700", None), []);
    }

    #[test]
    fn a_year_as_an_adjective_after_a_determiner() {
        assert_eq!(
            dates("the 2022 elections and its 2030 targets", None),
            pairs(&[("2022", "2022"), ("2030", "2030")])
        );
        assert_eq!(
            dates("the 2021 General Assembly resolution", None),
            pairs(&[("2021", "2021")])
        );
        // `in 2000 cases` still counts.
        assert_eq!(dates("in 2000 cases", None), []);
    }

    #[test]
    fn not_dates() {
        for s in [
            "Agenda 2063 and the 2030 Agenda",
            "in 2000 cases",
            "you May go; March forward",
            "31 February",
            "call 714-347-2020",
            "resolution 2616 (2021)",
        ] {
            assert_eq!(dates(s, None), [], "{s}");
        }
    }
}
