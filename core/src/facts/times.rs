//! Times of day: `11:07 a.m.` → `11:07`, `1:17 p.m.` → `13:17`, `10 a.m.`,
//! `15:30`, `noon`, `midnight`. Always 24-hour `HH:MM`.
//!
//! [`read_time`] is the one reader of a time of day in the crate: the time
//! facts here and the parser's sitting times (`The meeting began at …`)
//! both use it.

use super::numbers::may_start_number;
use super::scan::{boundary_after, char_at, is_word_char, match_any, skip_spaces, Text};
use super::value::{FactValue, TimeValue};
use super::{FactKind, Found};

const MERIDIEM: &[&str] = &["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "a. m.", "p. m."];

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    Text::each_of(&text.numbers, &text.keywords, out, |i| {
        let (end, minutes) = read_time(text.s, i)?;
        Some(Found::new(
            FactKind::Time,
            i..end,
            FactValue::Time(TimeValue {
                time: hh_mm(minutes),
            }),
        ))
    })
}

/// `HH:MM` for minutes after midnight.
pub fn hh_mm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Reads a time of day starting at byte `i` of `s`: `11:07 a.m.`,
/// `10 a.m.`, `3pm`, `3.15 pm`, `12 noon`, `15:30`, `noon`, `midday`,
/// `midnight`. Returns where it ends and the minutes after midnight.
pub fn read_time(s: &str, i: usize) -> Option<(usize, u32)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii_digit() && may_start_number(s, i) {
        clock(s, i)
    } else if matches!(b, b'n' | b'm' | b'N' | b'M') {
        named(s, i)
    } else {
        None
    }
}

/// `noon`, `midday`, `midnight`.
fn named(s: &str, i: usize) -> Option<(usize, u32)> {
    let (end, word) = match_any(s, i, &["noon", "midday", "midnight"])?;
    let minutes = if word == "midnight" { 0 } else { 12 * 60 };
    Some((end, minutes))
}

/// `11:07 a.m.`, `10 a.m.`, `15:30`, `12 noon`.
fn clock(s: &str, i: usize) -> Option<(usize, u32)> {
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() && b[end].is_ascii_digit() && end - i < 3 {
        end += 1;
    }
    if end - i > 2 {
        return None;
    }
    let hour: u32 = s[i..end].parse().ok()?;
    let mut minute = None;
    // `11:07` or, with a meridiem only, `11.07`.
    if matches!(b.get(end), Some(b':' | b'.'))
        && b.get(end + 1..end + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && !b.get(end + 3).is_some_and(u8::is_ascii_digit)
    {
        minute = Some((b[end], s[end + 1..end + 3].parse::<u32>().ok()?));
        end += 3;
    }
    if char_at(s, end).is_some_and(is_word_char)
        && !matches!(b.get(end), Some(b'a' | b'p' | b'A' | b'P'))
    {
        return None;
    }
    let gap = skip_spaces(s, end);
    let meridiem = if gap - end <= 1 {
        meridiem_at(s, gap)
    } else {
        None
    };
    if let Some((after, pm)) = meridiem {
        if !(1..=12).contains(&hour) || minute.is_some_and(|(_, m)| m > 59) {
            return None;
        }
        let hour24 = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        let minute = minute.map_or(0, |(_, m)| m);
        return Some((after, hour24 * 60 + minute));
    }
    if gap - end <= 1 && hour == 12 && minute.is_none() {
        if let Some(after) = super::scan::match_phrase(s, gap, "noon") {
            return Some((after, 12 * 60));
        }
    }
    match minute {
        Some((b':', m)) if hour <= 23 && m <= 59 && boundary_after(s, end) => {
            // Not a ratio or a verse: `10:30:15` is a time with seconds.
            if b.get(end) == Some(&b':') {
                return None;
            }
            Some((end, hour * 60 + m))
        }
        _ => None,
    }
}

/// `a.m.`, `p.m`, `am`, `PM`: (end, afternoon).
fn meridiem_at(s: &str, i: usize) -> Option<(usize, bool)> {
    let (end, word) = match_any(s, i, MERIDIEM)?;
    // `am` and `pm` must stand alone: not `amendments`.
    if !boundary_after(s, end) {
        return None;
    }
    Some((end, word.starts_with('p')))
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn times(s: &str) -> Vec<(String, String)> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Time(t) => (s[f.span].to_owned(), t.time),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        let p = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            times("began at 11:07 a.m. and ended at 1:17 p.m."),
            [p("11:07 a.m.", "11:07"), p("1:17 p.m.", "13:17")]
        );
        assert_eq!(times("at 10 a.m. sharp"), [p("10 a.m.", "10:00")]);
        assert_eq!(times("at 12:05 AM"), [p("12:05 AM", "00:05")]);
        assert_eq!(times("at 3pm"), [p("3pm", "15:00")]);
        assert_eq!(
            times("at 15:30, then noon"),
            [p("15:30", "15:30"), p("noon", "12:00")]
        );
        assert_eq!(times("at 12 noon"), [p("12 noon", "12:00")]);
        assert_eq!(times("by midnight"), [p("midnight", "00:00")]);
        assert_eq!(times("at 3.15 pm"), [p("3.15 pm", "15:15")]);
        assert_eq!(
            times("at 11:07a.m. and 12:30 a.m."),
            [p("11:07a.m.", "11:07"), p("12:30 a.m.", "00:30")]
        );
    }

    #[test]
    fn the_reader_gives_minutes_and_the_end() {
        let s = "at 1:17 p.m. sharp";
        assert_eq!(read_time(s, 3), Some((12, 797)));
        assert_eq!(read_time("noon,", 0), Some((4, 720)));
        assert_eq!(read_time("10 delegations", 0), None);
        assert_eq!(read_time("x", 5), None);
    }

    #[test]
    fn not_times() {
        for s in [
            "10 amendments",
            "afternoon",
            "25:10",
            "13 p.m.",
            "ratio 10:30:15",
            "1.5 million",
        ] {
            assert_eq!(times(s), [], "{s}");
        }
    }
}
