//! The place-and-date that opens an ordinary release's first paragraph:
//! `SAN DIEGO (March 3, 2024) –`, `NEW YORK, March 3, 2024 /PRNewswire/ --`.

use super::dates::{month_number, read_date};
use super::words::words;
use crate::text::scan::{is_all_caps, is_capitalized};

/// The place-and-date that opens an ordinary release's first paragraph:
/// `SAN DIEGO (March 3, 2024) –`, `NEW YORK, March 3, 2024 /PRNewswire/ --`,
/// `OAKLAND –`. Returns it as printed, with the date it holds.
pub fn dateline(paragraph: &str) -> Option<(&str, Option<String>)> {
    let mut saw_place = false;
    let mut in_place = true;
    let mut date = None;
    let mut skip_words = 0;
    let mut after_comma = false;
    for (index, (at, word)) in words(paragraph).enumerate() {
        if index > 20 {
            return None;
        }
        if skip_words > 0 {
            skip_words -= 1;
            continue;
        }
        if is_dash(word) {
            return saw_place.then(|| (&paragraph[..at + word.len()], date));
        }
        if let Some(place) = word.strip_suffix("--").or_else(|| word.strip_suffix('—')) {
            if !in_place || is_place_word(place) {
                return Some((&paragraph[..at + word.len()], date));
            }
            return None;
        }
        // `ACME CITY, Ohio --`: a state or country in ordinary case may
        // follow the city's comma.
        let region = after_comma && is_capitalized(word) && month_number(word).is_none();
        if in_place && (is_place_word(word) || region || (saw_place && matches!(word, "and" | "&")))
        {
            saw_place |= is_all_caps(word);
            after_comma = saw_place && word.ends_with(',');
            continue;
        }
        if !saw_place {
            return None;
        }
        in_place = false;
        let rest = paragraph[at..].trim_start_matches('(');
        if date.is_none() {
            if let Some((iso, used)) = read_date(rest) {
                date = Some(iso);
                skip_words = used - 1;
                continue;
            }
        }
        let wire = word.len() > 2 && word.starts_with('/') && word.ends_with('/');
        if !wire {
            return None;
        }
    }
    None
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "–" | "—" | "―" | "–-")
}

/// `SAN`, `DIEGO,`, `D.C.,`, `Calif.,`: capitals, or a state abbreviation
/// (but not a month's: `Jan.` starts the date).
fn is_place_word(word: &str) -> bool {
    let bare = word.trim_end_matches(',');
    let capitals = is_all_caps(bare) && bare.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let abbreviation = bare.ends_with('.')
        && bare.len() <= 6
        && bare.chars().next().is_some_and(char::is_uppercase)
        && month_number(bare).is_none();
    capitals || abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let cases = [
            (
                "SAN DIEGO (March 3, 2024) – The District Attorney",
                "SAN DIEGO (March 3, 2024) –",
                Some("2024-03-03"),
            ),
            (
                "NEW YORK, March 3, 2024 /PRNewswire/ -- Acme",
                "NEW YORK, March 3, 2024 /PRNewswire/ --",
                Some("2024-03-03"),
            ),
            ("OAKLAND – California Attorney General", "OAKLAND –", None),
            (
                "AMSTERDAM and PARIS, March 19, 2024 /24-7PressRelease/ -- Today",
                "AMSTERDAM and PARIS, March 19, 2024 /24-7PressRelease/ --",
                Some("2024-03-19"),
            ),
            (
                "BOSTON, Mass., Jan. 5, 2024 /PRNewswire/ -- The",
                "BOSTON, Mass., Jan. 5, 2024 /PRNewswire/ --",
                Some("2024-01-05"),
            ),
            ("CHICAGO - Cook County", "CHICAGO -", None),
        ];
        for (text, want, date) in cases {
            let (got, got_date) = dateline(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(got, want);
            assert_eq!(got_date.as_deref(), date);
        }
        assert!(dateline("The meeting began at 10 a.m. - and ended").is_none());
        assert!(dateline("NATO said – nothing").is_none());
    }
}
