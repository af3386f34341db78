//! Dates as releases print them on their own line or in a dateline.

use super::words::words;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1-12) a word names, in full or abbreviated (`Sept.`, `Mar`).
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(&word)))
        .map(|i| i as u32 + 1)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches([',', '.']);
    let digits = digits
        .strip_suffix("st")
        .or_else(|| digits.strip_suffix("nd"))
        .or_else(|| digits.strip_suffix("rd"))
        .or_else(|| digits.strip_suffix("th"))
        .unwrap_or(digits);
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches([',', '.', ')']);
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..=2199).contains(&year).then_some(year)
}

pub fn iso(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads a full date from the words of `s`: `14 March 2024`,
/// `March 14, 2024`, `Mar. 14, 2024`, `Monday, 14 March 2024`, `2024-03-14`.
/// Returns the ISO date and how many words it took.
pub fn read_date(s: &str) -> Option<(String, usize)> {
    let list: Vec<&str> = words(s).take(5).map(|(_, w)| w).collect();
    let mut skip = 0;
    if let Some(first) = list.first() {
        let bare = first.trim_end_matches(',').to_lowercase();
        if WEEKDAYS.contains(&bare.as_str()) {
            skip = 1;
        }
        if let Some(date) = read_iso(first) {
            return Some((date, 1));
        }
    }
    let rest = &list[skip.min(list.len())..];
    if rest.len() < 3 {
        return None;
    }
    if let (Some(day), Some(month), Some(year)) = (
        day_number(rest[0]),
        month_number(rest[1]),
        year_number(rest[2]),
    ) {
        return Some((iso(year, month, day), skip + 3));
    }
    if let (Some(month), Some(day), Some(year)) = (
        month_number(rest[0]),
        day_number(rest[1]),
        year_number(rest[2]),
    ) {
        return Some((iso(year, month, day), skip + 3));
    }
    None
}

fn read_iso(word: &str) -> Option<String> {
    let word = word.trim_end_matches([',', '.']);
    if let Some(date) = read_day_month_year(word) {
        return Some(date);
    }
    let mut parts = word.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day) = (year_number(y)?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| iso(year, month, day))
}

/// `23/09/2003`: day, month and year with slashes, as older UN pages
/// print the date of a release.
fn read_day_month_year(word: &str) -> Option<String> {
    let mut parts = word.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (day, month, year): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day) && (1900..=2199).contains(&year))
        .then(|| iso(year, month, day))
}

/// A line that is nothing but a date.
pub fn date_line(line: &str) -> Option<String> {
    let (date, used) = read_date(line)?;
    (words(line).count() == used).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        assert_eq!(date_line("14 March 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(date_line("May 22, 2026").as_deref(), Some("2026-05-22"));
        assert_eq!(date_line("Sept. 3, 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(
            date_line("Monday, 14 March 2024").as_deref(),
            Some("2024-03-14")
        );
        assert_eq!(date_line("2024-03-14").as_deref(), Some("2024-03-14"));
        assert_eq!(date_line("23/09/2003").as_deref(), Some("2003-09-23"));
        assert_eq!(date_line("17 OCTOBER 2024").as_deref(), Some("2024-10-17"));
        assert_eq!(
            date_line("Thursday, 17 October 2024").as_deref(),
            Some("2024-10-17")
        );
        assert_eq!(date_line("October 17, 2024").as_deref(), Some("2024-10-17"));
        assert_eq!(date_line("09/23/2003"), None);
        assert_eq!(date_line("14 March 2024 was a Thursday"), None);
        assert_eq!(date_line("March 2024"), None);
        assert_eq!(date_line("32 March 2024"), None);
    }
}
