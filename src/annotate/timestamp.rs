//! ISO-8601 date-times as the app writes them (`Date.prototype.toISOString`
//! gives `2024-03-14T10:03:00.000Z`). The core never reads a clock; it only
//! checks that what it is handed, or what a file holds, has this shape.

/// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`, with real calendar dates.
/// The timezone may be left out, as `xsd:dateTime` allows.
pub fn is_iso_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);

    let (Some(year), Some(month), Some(day)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && (at(10, b'T') || at(10, b't'))) {
        return false;
    }
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return false;
    }
    let (Some(hour), Some(minute)) = (digits(11, 2), digits(14, 2)) else {
        return false;
    };
    if !at(13, b':') || hour > 23 || minute > 59 {
        return false;
    }
    let mut i = 16;
    if at(i, b':') {
        match digits(i + 1, 2) {
            // 60 allows a leap second.
            Some(second) if second <= 60 => i += 3,
            _ => return false,
        }
        if at(i, b'.') {
            let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return false;
            }
            i += 1 + fraction;
        }
    }
    match b.get(i) {
        None => true,
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let (Some(h), Some(m)) = (digits(i + 1, 2), digits(i + 4, 2)) else {
                return false;
            };
            at(i + 3, b':') && h <= 23 && m <= 59 && i + 6 == b.len()
        }
        Some(_) => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::is_iso_datetime;

    #[test]
    fn accepts_what_browsers_and_people_write() {
        for ok in [
            "2024-03-14T10:03:00.000Z",
            "2024-03-14T10:03:00Z",
            "2024-03-14T10:03Z",
            "2024-03-14T10:03:00+01:00",
            "2024-02-29T23:59:60.5-05:30",
            "2024-03-14T10:03:00",
        ] {
            assert!(is_iso_datetime(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_other_shapes_and_impossible_dates() {
        for bad in [
            "",
            "yesterday",
            "2024-03-14",
            "2023-02-29T10:00Z",
            "2024-13-01T10:00Z",
            "2024-04-31T10:00Z",
            "2024-03-14T24:00Z",
            "2024-03-14T10:03:00.Z",
            "2024-03-14T10:03:00Zjunk",
            "2024-03-14 10:03:00Z",
            "2024-03-14T10:03:00+0100",
            "２０２４-03-14T10:03Z",
        ] {
            assert!(!is_iso_datetime(bad), "{bad}");
        }
    }
}
