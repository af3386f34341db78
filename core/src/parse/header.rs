//! The header: meeting and session lines, organ lines, symbols, the date,
//! release markers and contact blocks, the headline and subheadlines, and
//! the dateline that opens an ordinary release's first paragraph. Also
//! decides the document's kind and the organ (`body`).
//!
//! A UN release's header comes in many orders (`Security Council` /
//! `8967th Meeting (AM)` / `SC/14794`; `SC/8841` / date / organ / meeting;
//! `Eightieth Session,` / `9th & 10th Meetings (AM & PM)` / symbol / date;
//! headline first, then the meeting), after any amount of page furniture.
//! Every line of it is read for what it is, until the first paragraph of
//! running text.

use super::contact::mark_contact_blocks;
use super::dateline::dateline;
use super::dates::date_line;
use super::draft::{Para, Section};
use super::meeting_line::{meeting_line, session_line};
use super::symbols::{body_of, is_statement_symbol, symbol_after_organ, symbol_line};
use super::words::{ends_like_sentence, fold, tidy, words};
use crate::document::{DocumentKind, Meeting, ParagraphRole};
use crate::lexicon::organs::{self, Organ};
use crate::text::scan::is_all_caps;

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

/// How many paragraphs past the page furniture the header may reach.
const HEADER_WINDOW: usize = 40;

/// How far into the text the meeting line or symbol is looked for: whole
/// pages copied from a browser bring long menus.
const ANCHOR_WINDOW: usize = 400;

/// What a line of the header is.
enum Line<'a> {
    Meeting(Meeting),
    Session(&'a str),
    Organ(&'static Organ),
    Symbol(&'a str),
    Date(String),
    /// A release marker, the issuing department, a period of the day, an
    /// ECOSOC segment: kept as meta, read for nothing.
    Meta,
}

/// The longest header line that is not a headline.
const LONGEST_HEADER_LINE: usize = 200;

fn classify(text: &str) -> Option<Line<'_>> {
    if text.len() > LONGEST_HEADER_LINE {
        return None;
    }
    if let Some(meeting) = meeting_line(text) {
        return Some(Line::Meeting(meeting));
    }
    if let Some(phrase) = session_line(text) {
        return Some(Line::Session(phrase));
    }
    if let Some(organ) = organs::printed(text) {
        return Some(Line::Organ(organ));
    }
    if let Some(symbol) = symbol_line(text).or_else(|| symbol_after_organ(text)) {
        return Some(Line::Symbol(symbol));
    }
    if let Some(date) = meta_date(text) {
        return Some(Line::Date(date));
    }
    (is_release_marker(text) || is_issuer_line(text) || is_period_line(text) || is_segment(text))
        .then_some(Line::Meta)
}

pub fn read(paras: &mut [Para]) -> Header {
    let mut header = Header::default();
    let anchor = paras
        .iter()
        .take(ANCHOR_WINDOW)
        .position(|p| is_anchor(p.text));
    if let Some(anchor) = anchor {
        mark_leading_navigation(&mut paras[..anchor]);
    }
    let first = paras
        .iter()
        .position(|p| p.role != ParagraphRole::Clutter)
        .unwrap_or(paras.len());
    let window = paras.len().min(first + HEADER_WINDOW);
    mark_contact_blocks(&mut paras[..window]);

    let mut session: Option<&str> = None;
    let mut organ: Option<&'static Organ> = None;
    let mut at = 0;
    while at < window {
        let para = &mut paras[at];
        if para.role == ParagraphRole::Clutter || para.section == Section::Contact {
            at += 1;
            continue;
        }
        match classify(para.text) {
            Some(line) => {
                match line {
                    Line::Meeting(meeting) => {
                        header.meeting.get_or_insert(meeting);
                    }
                    Line::Session(phrase) => {
                        session.get_or_insert(phrase);
                    }
                    Line::Organ(printed) => organ = Some(printed),
                    Line::Symbol(symbol) => {
                        header.symbol.get_or_insert_with(|| symbol.to_owned());
                    }
                    Line::Date(date) => {
                        header.date.get_or_insert(date);
                    }
                    Line::Meta => {}
                }
                para.role = ParagraphRole::Meta;
            }
            None if !is_title(para.text) => break,
            None => match &mut header.headline {
                None => {
                    header.headline = Some(tidy(para.text));
                    para.role = ParagraphRole::Headline;
                }
                // A headline in capitals printed over several lines.
                Some(headline)
                    if header.subheadlines.is_empty()
                        && is_all_caps(headline)
                        && is_all_caps(para.text) =>
                {
                    if !headline.contains(&tidy(para.text)) {
                        headline.push(' ');
                        headline.push_str(&tidy(para.text));
                    }
                    para.role = ParagraphRole::Headline;
                }
                // Older pages print the headline twice.
                Some(headline) if same_headline(headline, para.text) => {
                    para.role = ParagraphRole::Meta;
                }
                Some(_) if header.subheadlines.len() < 3 => {
                    header.subheadlines.push(tidy(para.text));
                    para.role = ParagraphRole::Subheadline;
                }
                Some(_) => break,
            },
        }
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

    if let Some(meeting) = &mut header.meeting {
        if meeting.session_name.is_none() {
            meeting.session_name = session.map(str::to_owned);
        }
    }
    header.body = body(header.symbol.as_deref(), organ);
    header.kind = Some(match (&header.meeting, &header.symbol) {
        (Some(_), _) => DocumentKind::UnMeeting,
        (None, Some(symbol)) if is_statement_symbol(symbol) => DocumentKind::UnStatement,
        (None, Some(_)) => DocumentKind::UnMeeting,
        // A UN organ printed on a line of its own heads only UN releases.
        (None, None) if organ.is_some() => DocumentKind::UnMeeting,
        (None, None) => DocumentKind::PressRelease,
    });
    header
}

/// The headline printed again (older pages do), whatever its spacing and
/// case. Lengths far apart settle it before anything is folded.
fn same_headline(headline: &str, text: &str) -> bool {
    let (short, long) = (
        headline.len().min(text.len()),
        headline.len().max(text.len()),
    );
    long <= short * 2 + 8 && fold(headline) == fold(text)
}

/// The organ of the symbol's series; where the series is shared by several
/// organs or unknown, the organ the header prints.
fn body(symbol: Option<&str>, printed: Option<&'static Organ>) -> Option<String> {
    let series = symbol.and_then(organs::of_symbol);
    let organ = match series {
        Some(organ) if !organ.shared => Some(organ.name),
        _ => printed.map(|o| o.name).or(series.map(|o| o.name)),
    };
    organ
        .or_else(|| symbol.and_then(body_of))
        .map(str::to_owned)
}

/// A meeting line or a symbol line: what a UN release's header holds
/// wherever the page puts it.
pub fn is_anchor(line: &str) -> bool {
    meeting_line(line).is_some() || symbol_line(line).is_some()
}

/// On a UN page, everything short before the meeting line or symbol is the
/// site's navigation, except the header lines printed right above it.
fn mark_leading_navigation(before_anchor: &mut [Para]) {
    let mut header_run = before_anchor.len();
    while header_run > 0 && classify(before_anchor[header_run - 1].text).is_some() {
        header_run -= 1;
    }
    for para in &mut before_anchor[..header_run] {
        let short = para.text.chars().count() <= 80 && !ends_like_sentence(para.text);
        if short && date_line(para.text).is_none() {
            para.role = ParagraphRole::Clutter;
        }
    }
}

/// `FOR IMMEDIATE RELEASE`, `PRESS RELEASE`, `Case #: 21CV004367`.
pub fn is_release_marker(line: &str) -> bool {
    // Markers are short; a longer line is spared the folding.
    if line.len() > 80 {
        return false;
    }
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
        "meetings coverage",
        "meetings coverage and press releases",
        "reissued as received",
        "(reissued as received.)",
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

/// `Department of Public Information • News and Media Division • New York`:
/// who issued the release.
fn is_issuer_line(line: &str) -> bool {
    line.len() <= 160
        && (line.starts_with("Department of Public Information")
            || line.starts_with("Department of Global Communications")
            || line.contains("News and Media Division")
            || line.starts_with("United Nations Information Service"))
}

/// `AFTERNOON`, `Morning`, `(Night)`: the part of the day a Geneva summary
/// covers.
fn is_period_line(line: &str) -> bool {
    let bare = line.trim().trim_matches(['(', ')']).trim();
    ["morning", "afternoon", "evening", "night", "am", "pm"]
        .iter()
        .any(|p| bare.eq_ignore_ascii_case(p))
}

/// `Humanitarian Affairs Segment`, `High-level Segment`: a part of an
/// ECOSOC session.
fn is_segment(line: &str) -> bool {
    let line = line.trim().trim_end_matches(',');
    let bytes = line.as_bytes();
    if bytes.len() < 7 || !bytes[bytes.len() - 7..].eq_ignore_ascii_case(b"segment") {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words[words.len() - 1].eq_ignore_ascii_case("segment")
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3)
}

/// A date line, or `Date: October 24, 2024`-style labelled date.
pub fn meta_date(line: &str) -> Option<String> {
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

/// A headline-like line: a few words, not a sentence. A headline in
/// capitals may end with a comma where it goes on over the next line.
fn is_title(line: &str) -> bool {
    let count = words(line).count();
    let sentence = ends_like_sentence(line) && !(is_all_caps(line) && line.ends_with(','));
    count >= 2
        && line.chars().count() <= 400
        && !sentence
        && !line.starts_with(['“', '"'])
        && dateline(line).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::draft::Para;

    fn header_of(lines: &[&str]) -> (Header, Vec<ParagraphRole>) {
        let text = lines.join("\n");
        let mut paras: Vec<Para> = crate::parse::paragraphs::split(&text)
            .into_iter()
            .map(|r| Para::new(&text, r))
            .collect();
        crate::parse::clutter::mark(&mut paras);
        let header = read(&mut paras);
        let roles = paras.iter().map(|p| p.role).collect();
        (header, roles)
    }

    #[test]
    fn a_headline_printed_again_in_other_spacing() {
        let headline = "COUNCIL RENEWS MISSION IN THE LAKES REGION";
        assert!(same_headline(
            headline,
            "Council  renews mission in the\u{a0}Lakes Region"
        ));
        assert!(!same_headline(headline, "COUNCIL RENEWS MISSION"));
        let long = format!("{headline}, after a debate on the mandate that ran all day.");
        assert!(!same_headline(headline, &long));
    }

    #[test]
    fn organ_session_and_meeting_lines_in_any_order() {
        let (h, _) = header_of(&[
            "Fourth Committee",
            "Sixty-fourth General Assembly",
            "12th Meeting (PM)",
            "GA/SPD/400",
            "3 November 2009",
            "Committee Hears Petitioners",
            "The Committee met today.",
        ]);
        let m = h.meeting.unwrap();
        assert_eq!(m.title, "12th Meeting (PM)");
        assert_eq!(
            m.session_name.as_deref(),
            Some("Sixty-fourth General Assembly")
        );
        assert_eq!(h.symbol.as_deref(), Some("GA/SPD/400"));
        assert_eq!(h.body.as_deref(), Some("General Assembly Fourth Committee"));
        assert_eq!(h.date.as_deref(), Some("2009-11-03"));
        assert_eq!(h.headline.as_deref(), Some("Committee Hears Petitioners"));
        assert_eq!(h.kind, Some(DocumentKind::UnMeeting));
        assert_eq!(h.body_start, 6);
    }

    #[test]
    fn a_shared_series_takes_the_printed_organ() {
        let (h, _) = header_of(&[
            "HR/CT/712",
            "General Assembly HR/CT/712",
            "Committee against Torture",
            "Forty-first Session",
            "843rd Meeting (AM)",
            "Committee Reviews Report",
            "The Committee met today.",
        ]);
        assert_eq!(h.symbol.as_deref(), Some("HR/CT/712"));
        assert_eq!(h.body.as_deref(), Some("Committee against Torture"));
        let (h, _) = header_of(&["HR/CT/712", "Headline Here", "Text follows."]);
        assert_eq!(h.body.as_deref(), Some("Human Rights Committee"));
    }

    #[test]
    fn furniture_before_the_header_and_a_headline_in_capitals() {
        let (h, roles) = header_of(&[
            "Skip to main content",
            "General Assembly",
            "Security Council",
            "Press Conferences",
            "Home / Meetings Coverage / Security Council",
            "Press Release",
            "SC/9001",
            "17/03/2007",
            "Security Council",
            "5640th Meeting (PM)",
            "COUNCIL EXTENDS MISSION,",
            "URGES RESTRAINT",
            "Resolution Adopted Unanimously",
            "The Council met today.",
        ]);
        assert_eq!(h.body.as_deref(), Some("Security Council"));
        assert_eq!(h.date.as_deref(), Some("2007-03-17"));
        assert_eq!(
            h.headline.as_deref(),
            Some("COUNCIL EXTENDS MISSION, URGES RESTRAINT")
        );
        assert_eq!(h.subheadlines, ["Resolution Adopted Unanimously"]);
        assert_eq!(&roles[..5], &[ParagraphRole::Clutter; 5]);
        assert_eq!(roles[5], ParagraphRole::Meta);
    }

    #[test]
    fn an_organ_line_alone_is_meeting_coverage() {
        let (h, _) = header_of(&[
            "Committee against Torture",
            "12 May 2025",
            "Committee Reviews Report of Chile",
            "The Committee met today.",
        ]);
        assert_eq!(h.kind, Some(DocumentKind::UnMeeting));
        assert_eq!(h.body.as_deref(), Some("Committee against Torture"));
    }

    #[test]
    fn an_organ_and_a_session_without_a_symbol_are_meeting_coverage() {
        let (h, _) = header_of(&[
            "Human Rights Council",
            "Sixty-first session",
            "AFTERNOON",
            "Council Holds Dialogue on Housing",
            "The Council met this afternoon.",
        ]);
        assert_eq!(h.kind, Some(DocumentKind::UnMeeting));
        assert_eq!(h.body.as_deref(), Some("Human Rights Council"));
        assert_eq!(h.meeting, None);
    }

    #[test]
    fn ordinary_releases_keep_their_header() {
        let (h, _) = header_of(&[
            "FOR IMMEDIATE RELEASE",
            "Acme Opens Plant",
            "OAKLAND – Acme opened a plant.",
        ]);
        assert_eq!(h.kind, Some(DocumentKind::PressRelease));
        assert_eq!(h.headline.as_deref(), Some("Acme Opens Plant"));
        assert_eq!(h.dateline.as_deref(), Some("OAKLAND –"));
    }
}
