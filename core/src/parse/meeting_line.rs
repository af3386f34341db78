//! The lines of a UN release's header that say which meeting it covers:
//! meeting lines (`8967th Meeting (AM)`, `14th & 15th Meetings (AM & PM)`,
//! `9510th & 9511th Meetings (AM, PM & Night)`, `8967TH MEETING (AM)`,
//! `2528th Meeting* (PM)`), with a session phrase before them on the same
//! line (`Seventy-Eighth Session, 29th Meeting (AM)`), and session lines on
//! their own (`Seventy-eighth Session,`, `2024 Session`, `Resumed Session`,
//! `Tenth Emergency Special Session`, `Sixty-sixth General Assembly`).

use crate::document::Meeting;
use crate::lexicon::organs;

/// The longest line read as a meeting line.
const LONGEST: usize = 160;

/// Reads a meeting line, with a session phrase before the meetings.
pub fn meeting_line(line: &str) -> Option<Meeting> {
    let line = line.trim();
    if line.len() > LONGEST || !(line.contains("eeting") || line.contains("EETING")) {
        return None;
    }
    let tokens = tokens(line);
    // The keyword: `Meeting`, `Meetings`, `MEETING`, `meetings*`.
    let keyword = tokens.iter().position(|t| is_meeting_word(t.text))?;
    // The ordinals before it, joined by `&`, `and` or commas.
    let mut numbers = Vec::new();
    let mut first = keyword;
    let mut k = keyword;
    while k > 0 {
        let token = tokens[k - 1].text.trim_end_matches(',');
        if let Some(number) = ordinal_number(token) {
            numbers.push(number);
            first = k - 1;
        } else if !matches!(token.to_ascii_lowercase().as_str(), "&" | "and") || numbers.is_empty()
        {
            break;
        }
        k -= 1;
    }
    numbers.reverse();
    let number = *numbers.first()?;
    // What precedes the ordinals is a session phrase (ending in a comma,
    // or naming a session), or nothing.
    let before = line[..tokens[first].at].trim();
    let phrase = before.trim_end_matches([',', '-', '–', '—']).trim();
    let session_name = if before.is_empty() || organs::printed(phrase).is_some() {
        // `Security Council 9921st Meeting (AM)`: the organ is not a session.
        None
    } else {
        let named = before.ends_with(',') || is_session_phrase(phrase);
        if !named || !looks_like_title(phrase) {
            return None;
        }
        Some(phrase.to_owned())
    };
    // After the keyword: the periods in brackets, and nothing else.
    let after_keyword = &line[tokens[keyword].at + tokens[keyword].text.len()..];
    let after = after_keyword.trim_start_matches('*').trim();
    let (session, rest) = match after.strip_prefix('(') {
        Some(inside) => {
            let close = inside.find(')')?;
            let periods = inside[..close].trim();
            let session = (!periods.is_empty()).then(|| periods.to_owned());
            (session, inside[close + 1..].trim())
        }
        None => (None, after),
    };
    if !rest.trim_matches('*').trim().is_empty() {
        return None;
    }
    let end = line.len() - rest.len();
    let title = line[tokens[first].at..end].trim().to_owned();
    Some(Meeting {
        title,
        number,
        numbers,
        periods: session.as_deref().map(periods).unwrap_or_default(),
        session,
        session_name,
    })
}

/// A session on a line of its own (a trailing comma allowed): the phrase.
pub fn session_line(line: &str) -> Option<&str> {
    let phrase = line.trim().trim_end_matches(',').trim();
    let bytes = phrase.as_bytes();
    // Every session phrase ends in `Session` or `Assembly`, any case.
    let ends = |word: &[u8]| {
        bytes.len() >= word.len() && bytes[bytes.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    if !(ends(b"session") || ends(b"assembly")) {
        return None;
    }
    (phrase.len() <= 80 && is_session_phrase(phrase) && looks_like_title(phrase)).then_some(phrase)
}

/// `Seventy-eighth Session`, `2024 Session`, `Resumed Organizational
/// Session`, `Sixty-sixth General Assembly`: ends with `Session`, or is an
/// ordinal General Assembly.
fn is_session_phrase(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let last = words[words.len() - 1];
    if last.eq_ignore_ascii_case("session") {
        return true;
    }
    let assembly = words.len() == 3
        && words[1].eq_ignore_ascii_case("general")
        && words[2].eq_ignore_ascii_case("assembly");
    assembly && is_ordinal_word(words[0])
}

/// Every word capitalised or a number: a title, not a sentence.
fn looks_like_title(phrase: &str) -> bool {
    phrase.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "on" | "for" | "and" | "the" | "session" | "session,"
            )
    })
}

/// `Seventy-eighth`, `Tenth`, `Eightieth`, `First`: ordinal number words.
fn is_ordinal_word(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word).to_ascii_lowercase();
    const ORDINALS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
        "hundredth",
    ];
    ORDINALS.contains(&last.as_str())
}

fn is_meeting_word(token: &str) -> bool {
    let bare = token.trim_end_matches(['*', ',']);
    bare.eq_ignore_ascii_case("meeting") || bare.eq_ignore_ascii_case("meetings")
}

/// `8967th`, `61ST`, `22nd`: the number.
fn ordinal_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('*');
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = word[digits.len()..].to_ascii_lowercase();
    if digits.is_empty() || !matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// `AM, PM & Night` → `["AM", "PM", "Night"]`.
fn periods(inside: &str) -> Vec<String> {
    inside
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

struct Token<'a> {
    at: usize,
    text: &'a str,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(from), true) => {
                out.push(Token {
                    at: from,
                    text: &line[from..i],
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        line: &str,
    ) -> (
        String,
        Vec<u32>,
        Option<String>,
        Vec<String>,
        Option<String>,
    ) {
        let m = meeting_line(line).unwrap_or_else(|| panic!("no meeting in {line:?}"));
        assert_eq!(Some(&m.number), m.numbers.first());
        (m.title, m.numbers, m.session, m.periods, m.session_name)
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_meeting() {
        assert_eq!(
            read("4410th Meeting (PM)"),
            (
                "4410th Meeting (PM)".into(),
                vec![4410],
                Some("PM".into()),
                strings(&["PM"]),
                None
            )
        );
        assert_eq!(read("33rd meeting").1, vec![33]);
        assert_eq!(read("33rd meeting").2, None);
        assert_eq!(read("7702ND MEETING (AM)").0, "7702ND MEETING (AM)");
        assert_eq!(read("2291st Meeting* (PM)").0, "2291st Meeting* (PM)");
        assert_eq!(read("612th Meeting (Night)").3, strings(&["Night"]));
    }

    #[test]
    fn several_meetings() {
        assert_eq!(
            read("27th & 28th Meetings (AM & PM)"),
            (
                "27th & 28th Meetings (AM & PM)".into(),
                vec![27, 28],
                Some("AM & PM".into()),
                strings(&["AM", "PM"]),
                None
            )
        );
        assert_eq!(
            read("8801st & 8802nd Meetings (AM, PM & Night)").3,
            strings(&["AM", "PM", "Night"])
        );
        assert_eq!(read("3rd and 4th Meetings (AM and PM)").1, vec![3, 4]);
        assert_eq!(
            read("1st, 2nd & 3rd Meetings (AM, PM & Night)").1,
            vec![1, 2, 3]
        );
    }

    #[test]
    fn session_phrase_on_the_meeting_line() {
        let (title, numbers, _, _, session) =
            read("Seventy-Sixth Session, 40th & 41st Meetings (AM & PM)");
        assert_eq!(title, "40th & 41st Meetings (AM & PM)");
        assert_eq!(numbers, vec![40, 41]);
        assert_eq!(session.as_deref(), Some("Seventy-Sixth Session"));
        let (title, _, _, _, session) = read("Ninth Emergency Special Session, 5th Meeting (AM)");
        assert_eq!(title, "5th Meeting (AM)");
        assert_eq!(session.as_deref(), Some("Ninth Emergency Special Session"));
        assert_eq!(
            read("2031 Session, 9th Meeting (PM)").4.as_deref(),
            Some("2031 Session")
        );
        let (title, _, _, _, session) = read("Security Council 9001st Meeting (AM)");
        assert_eq!((title.as_str(), session), ("9001st Meeting (AM)", None));
    }

    #[test]
    fn not_meeting_lines() {
        for line in [
            "The meeting began at 10 a.m.",
            "Our 5th meeting was a success",
            "5th Meeting (AM) was productive",
            "Council Holds 9000th Meeting (AM)",
            "Meeting (AM)",
        ] {
            assert_eq!(meeting_line(line), None, "{line}");
        }
    }

    #[test]
    fn session_lines() {
        for (line, phrase) in [
            ("Seventy-first Session,", "Seventy-first Session"),
            ("2031 Session", "2031 Session"),
            ("Resumed Session", "Resumed Session"),
            ("Organizational Session", "Organizational Session"),
            ("FORTY-FOURTH SESSION", "FORTY-FOURTH SESSION"),
            (
                "Eleventh Emergency Special Session",
                "Eleventh Emergency Special Session",
            ),
            (
                "Seventy-second General Assembly",
                "Seventy-second General Assembly",
            ),
            ("Fifty-ninth session", "Fifty-ninth session"),
        ] {
            assert_eq!(session_line(line), Some(phrase), "{line}");
        }
        for line in [
            "General Assembly",
            "The session opened today.",
            "Security Council",
            "a long session",
        ] {
            assert_eq!(session_line(line), None, "{line}");
        }
    }
}
