//! The header: meeting line, symbol, date, release markers and contact
//! blocks, headline and subheadlines, and the dateline that opens an
//! ordinary release's first paragraph. Also decides the document's kind.

use super::dates::{date_line, month_number, read_date};
use super::draft::{Para, Section};
use super::symbols::{body_of, is_statement_symbol, is_un_anchor, meeting_line, symbol_line};
use super::words::{ends_like_sentence, fold, tidy, words};
use crate::document::{DocumentKind, Meeting, ParagraphRole};
use crate::text::scan::{is_all_caps, is_capitalized};

#[derive(Debug, Default)]
pub struct Header {
    pub kind: Option<DocumentKind>,
    pub meeting: Option<Meeting>,
    pub symbol: Option<String>,
    pub body: Option<String>,
    pub date: Option<String>,
    pub dateline: Option<String>,
    pub headline: Option<String>,
    pub subheadlines: Vec<String>,
    /// Index of the first paragraph after the header.
    pub body_start: usize,
}

/// How far into the text the header may reach.
const HEADER_WINDOW: usize = 40;

pub fn read(paras: &mut [Para]) -> Header {
    let mut header = Header::default();
    let window = paras.len().min(HEADER_WINDOW);

    mark_leading_navigation(&mut paras[..window]);
    mark_contact_blocks(&mut paras[..window]);

    let mut at = 0;
    let mut headline_seen = false;
    while at < window {
        let para = &mut paras[at];
        if para.role == ParagraphRole::Clutter {
            at += 1;
            continue;
        }
        if para.section == Section::Contact {
            at += 1;
            continue;
        }
        if let Some(meeting) = meeting_line(para.text) {
            header.meeting.get_or_insert(meeting);
        } else if let Some(symbol) = symbol_line(para.text) {
            header.symbol.get_or_insert_with(|| symbol.to_owned());
        } else if let Some(date) = meta_date(para.text) {
            header.date.get_or_insert(date);
        } else if is_release_marker(para.text) {
        } else if !headline_seen && is_title(para.text) {
            headline_seen = true;
            header.headline = Some(tidy(para.text));
            para.role = ParagraphRole::Headline;
            para.section = Section::Header;
            at += 1;
            continue;
        } else if headline_seen && is_title(para.text) && header.subheadlines.len() < 3 {
            header.subheadlines.push(tidy(para.text));
            para.role = ParagraphRole::Subheadline;
            para.section = Section::Header;
            at += 1;
            continue;
        } else {
            break;
        }
        para.role = ParagraphRole::Meta;
        para.section = Section::Header;
        at += 1;
    }
    header.body_start = at;

    if let Some(para) = paras.get(at) {
        if let Some((dateline, date)) = dateline(para.text) {
            header.dateline = Some(tidy(dateline));
            if header.date.is_none() {
                header.date = date;
            }
        }
    }

    header.body = header
        .symbol
        .as_deref()
        .and_then(body_of)
        .map(str::to_owned);
    header.kind = Some(match (&header.meeting, &header.symbol) {
        (Some(_), _) => DocumentKind::UnMeeting,
        (None, Some(symbol)) if is_statement_symbol(symbol) => DocumentKind::UnStatement,
        (None, Some(_)) => DocumentKind::UnMeeting,
        (None, None) => DocumentKind::PressRelease,
    });
    header
}

/// On a UN page, everything short before the meeting line or symbol is the
/// site's navigation.
fn mark_leading_navigation(paras: &mut [Para]) {
    let Some(anchor) = paras.iter().position(|p| is_un_anchor(p.text)) else {
        return;
    };
    for para in &mut paras[..anchor] {
        let short = para.text.chars().count() <= 80 && !ends_like_sentence(para.text);
        if short && date_line(para.text).is_none() {
            para.role = ParagraphRole::Clutter;
        }
    }
}

/// A run of short lines with a telephone number or an e-mail address among
/// them is a media contact (`Jane Doe` / `Director of Communications` /
/// `+1 212 555 0100` / `press@example.org`).
fn mark_contact_blocks(paras: &mut [Para]) {
    let mut run_start = 0;
    for at in 0..=paras.len() {
        let short = paras.get(at).is_some_and(|p| {
            p.text.chars().count() <= 60 && !ends_like_sentence(p.text) && !is_un_anchor(p.text)
        });
        if short {
            continue;
        }
        let run = &mut paras[run_start..at];
        if run.iter().any(|p| is_contact_detail(p.text)) && run.len() <= 8 {
            // The run may begin with release markers or a date; those stay meta.
            let first = run
                .iter()
                .position(|p| !is_release_marker(p.text) && meta_date(p.text).is_none())
                .unwrap_or(run.len());
            for para in &mut run[first..] {
                para.role = ParagraphRole::Meta;
                para.section = Section::Contact;
            }
        }
        run_start = at + 1;
    }
}

/// An e-mail address, a telephone number or a contact label.
pub fn is_contact_detail(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "contact",
        "media contact",
        "press contact",
        "phone",
        "tel",
        "office",
        "cell",
        "mobile",
        "email",
        "e-mail",
    ];
    let labelled = line
        .split_once(':')
        .is_some_and(|(label, _)| label.len() <= 16 && LABELS.contains(&fold(label).as_str()));
    labelled || words(line).any(|(_, w)| is_email(w) || is_phone(w)) || looks_like_phone_line(line)
}

fn is_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.contains('@'),
        None => false,
    }
}

/// `714-347-8405`, `+1.212.555.0100`.
fn is_phone(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let others_ok = word
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '+' | '(' | ')' | ','));
    others_ok && digits >= 7 && word.chars().filter(|c| matches!(c, '-' | '.')).count() >= 2
}

/// `+1 212 555 0100`, `(800) 510-2020`: mostly digits, few letters.
fn looks_like_phone_line(line: &str) -> bool {
    let digits = line.chars().filter(char::is_ascii_digit).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    digits >= 7 && letters <= 3
}

/// `FOR IMMEDIATE RELEASE`, `PRESS RELEASE`, `Case #: 21CV004367`.
pub fn is_release_marker(line: &str) -> bool {
    let folded = fold(line);
    const MARKERS: &[&str] = &[
        "for immediate release",
        "immediate release",
        "press release",
        "news release",
        "media release",
        "media advisory",
        "news",
        "statement",
        "for release",
    ];
    const LABELS: &[&str] = &[
        "case #",
        "case no",
        "case number",
        "ref:",
        "reference:",
        "release no",
        "embargoed",
    ];
    MARKERS.contains(&folded.trim_end_matches([':', '.']))
        || LABELS.iter().any(|label| folded.starts_with(label))
}

/// A date line, or `Date: October 24, 2024`-style labelled date.
fn meta_date(line: &str) -> Option<String> {
    if let Some(date) = date_line(line) {
        return Some(date);
    }
    let (label, rest) = line.split_once(':')?;
    let label = fold(label);
    let labels = [
        "date",
        "dated",
        "release date",
        "posted",
        "published",
        "updated",
        "last updated",
        "issued",
    ];
    if labels.contains(&label.as_str()) {
        return date_line(rest.trim());
    }
    None
}

/// A headline-like line: a few words, not a sentence, not shouting a name.
fn is_title(line: &str) -> bool {
    let count = words(line).count();
    count >= 2
        && line.chars().count() <= 400
        && !ends_like_sentence(line)
        && !line.starts_with(['“', '"'])
        && dateline(line).is_none()
}

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

    #[test]
    fn contact_details() {
        assert!(is_contact_detail("press@example.org"));
        assert!(is_contact_detail("Office: 555-010-0199"));
        assert!(is_contact_detail("+1 212 555 0100"));
        assert!(!is_contact_detail("Director of Communications"));
        assert!(!is_contact_detail("In 2021, 3,800 troops"));
    }
}
