//! What comes before a turn's opener: up to two introductory clauses
//! (`Briefing the Council, …`, `Speaking before the vote, …`, `In the
//! ensuing debate, …`, `Introducing the draft “…” (document
//! A/C.3/79/L.12), …`, `Speaking for the Group of African States, …`), a
//! title in apposition (`The President of the General Assembly, NAME …`),
//! and where a paragraph's later sentences start. Also what can open no
//! turn at all (a quotation, a pronoun).

use super::opener_tail::{clause_end, group_spoken_for};
use super::person_phrase::is_initial_or_abbreviation;
use super::words::strip_article;
use crate::text::scan::is_space;

/// What introductory clauses say about the speaker.
#[derive(Debug, Default, Clone, Copy)]
pub struct Lead<'a> {
    pub on_behalf_of: Option<&'a str>,
    pub national_capacity: bool,
    pub briefing: bool,
    pub clauses: usize,
    /// `The President of the General Assembly, NAME (Mongolia), said`: a
    /// title in apposition before the name.
    pub title: Option<&'a str>,
}

/// A sentence that opens with a quotation, a number, or a pronoun (`He`,
/// `She`, `They`, `This`) is no turn's opener: most of a turn's own
/// paragraphs are ruled out here before any form is tried.
pub fn cannot_open(sentence: &str) -> bool {
    if sentence.starts_with(['“', '"', '‘', '\'', '[', '('])
        || sentence.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let first = sentence.split(is_space).next().unwrap_or_default();
    matches!(
        first,
        "He" | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "There"
            | "Such"
            | "Some"
            | "Many"
            | "Several"
            | "Other"
            | "Others"
            | "Both"
            | "All"
            | "Most"
            | "Speakers"
            | "Delegates"
    )
}

/// Words that open an introductory clause besides participles.
const CLAUSE_OPENERS: &[&str] = &[
    "Also",
    "In",
    "During",
    "At",
    "After",
    "Following",
    "Before",
    "On",
    "For",
    "As",
    "With",
    "Upon",
    "Later",
    "Then",
    "Similarly",
    "Meanwhile",
    "However",
    "Likewise",
    "Further",
    "Furthermore",
    "Moreover",
    "Lastly",
    "Finally",
    "Subsequently",
    "Separately",
    "Next",
    "Thereafter",
    "Additionally",
    "Again",
    "Earlier",
    "Today",
    "Turning",
    "Instead",
    "Elsewhere",
];

/// `Speaking`, `Briefing`, `Introducing`: a capitalised participle.
pub fn is_participle(word: &str) -> bool {
    // Nouns and places that end like participles.
    const NOT_PARTICIPLES: &[&str] = &["Beijing", "Evening", "Morning", "Nothing", "Spring"];
    word.len() > 5
        && word.ends_with("ing")
        && !NOT_PARTICIPLES.contains(&word)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
}

/// An introductory clause at the start of `s`: its length up to the name
/// after it, and what it says.
pub fn leading_clause<'a>(s: &'a str, lead: Lead<'a>) -> Option<(usize, Lead<'a>)> {
    if let Some(found) = title_in_apposition(s, lead) {
        return Some(found);
    }
    let first = s.split(is_space).next()?.trim_end_matches(',');
    let opens = is_participle(first)
        || CLAUSE_OPENERS.contains(&first)
        // A second clause may be in lower case: `In the debate, speaking for …,`.
        || (lead.clauses > 0 && (first.ends_with("ing") || first == "on"));
    if !opens {
        return None;
    }
    let end = clause_end(s);
    if end == s.len() || end > 320 {
        return None;
    }
    let clause = &s[..end];
    if has_sentence_end(clause) {
        return None;
    }
    let after = s[end + 1..].len() - s[end + 1..].trim_start_matches(is_space).len();
    let lower = clause.to_lowercase();
    let next = Lead {
        on_behalf_of: lead
            .on_behalf_of
            .or_else(|| group_spoken_for(clause))
            .or_else(|| group_inside(clause)),
        national_capacity: lead.national_capacity || lower.contains("national capacity"),
        briefing: lead.briefing || lower.contains("briefing") || lower.contains("videoconference"),
        clauses: lead.clauses + 1,
        title: lead.title,
    };
    Some((end + 1 + after, next))
}

/// `Delivering a statement on behalf of the Group of 77 and China`,
/// `Introducing the draft on behalf of its sponsors`: the group named
/// inside an introductory clause that opens with something else.
fn group_inside(clause: &str) -> Option<&str> {
    const MARK: &str = " on behalf of ";
    let at = clause.find(MARK)?;
    let group = strip_article(clause[at + MARK.len()..].trim());
    (!group.is_empty()).then_some(group)
}

/// Nouns that make `The …,` a title in apposition before a name.
const APPOSED_TITLES: &[&str] = &[
    "President",
    "Vice-President",
    "Chair",
    "Chairperson",
    "Chairman",
    "Chairwoman",
    "Secretary-General",
    "Under-Secretary-General",
    "Minister",
    "Rapporteur",
    "Expert",
    "Coordinator",
    "Director",
    "Head",
    "Envoy",
    "Representative",
    "Commissioner",
    "moderator",
    "Moderator",
    "keynote",
];

/// `The President of the General Assembly, NAME (Mongolia), said`, `The
/// moderator, NAME, Title, asked`: a title of a few words after `The`,
/// then a comma and a name.
fn title_in_apposition<'a>(s: &'a str, lead: Lead<'a>) -> Option<(usize, Lead<'a>)> {
    let title_start = s.strip_prefix("The ").or_else(|| s.strip_prefix("the "))?;
    // The titles are capitalised, but for a moderator or a keynote speaker.
    if !(title_start.starts_with(char::is_uppercase)
        || title_start.starts_with("moderator")
        || title_start.starts_with("keynote"))
    {
        return None;
    }
    let end = clause_end(title_start);
    let title = &title_start[..end];
    let count = title.split_whitespace().count();
    if end == title_start.len() || count > 12 || lead.title.is_some() {
        return None;
    }
    let head = title
        .split(|c: char| c.is_whitespace() || c == ',')
        .take(4)
        .any(|w| APPOSED_TITLES.contains(&w));
    if !head {
        return None;
    }
    let after = &title_start[end + 1..];
    let skip = after.len() - after.trim_start_matches(is_space).len();
    let next = Lead {
        title: Some(title).filter(|t| t.starts_with(char::is_uppercase)),
        clauses: lead.clauses + 1,
        ..lead
    };
    Some((4 + end + 1 + skip, next))
}

/// A full stop followed by a capital inside a clause: it runs over a
/// sentence's end.
fn has_sentence_end(clause: &str) -> bool {
    clause.match_indices(". ").any(|(at, _)| {
        let word_start = clause[..at].rfind(is_space).map_or(0, |k| k + 1);
        !is_initial_or_abbreviation(&clause[word_start..=at])
    })
}

/// Byte offsets where the paragraph's later sentences start: after `.`,
/// `?` or `!` (and any closing quotation marks or brackets) and spaces, the
/// last an ASCII space, at a capital, unless the full stop ends an initial
/// or an abbreviation (`Mr.`, `T.`, `U.S.`).
///
/// Read from each sentence mark forward, so that the cost is in the marks,
/// not the bytes: every pass that looks at sentences calls this.
pub fn sentence_starts(paragraph: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = paragraph.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let mark = from + memchr::memchr3(b'.', b'?', b'!', &bytes[from..])?;
        from = mark + 1;
        // Closing marks, then spaces, then the start: a capital after an
        // ASCII space.
        let closed = mark
            + 1
            + paragraph[mark + 1..]
                .find(|c: char| !matches!(c, '”' | '"' | '’' | ')'))
                .unwrap_or(paragraph.len() - mark - 1);
        let at = closed
            + paragraph[closed..]
                .find(|c: char| !is_space(c))
                .unwrap_or(paragraph.len() - closed);
        if at == closed || bytes[at - 1] != b' ' || !paragraph[at..].starts_with(char::is_uppercase)
        {
            continue;
        }
        let before = &paragraph[..=mark];
        let word_start = before.rfind(is_space).map_or(0, |k| k + 1);
        if !is_initial_or_abbreviation(&before[word_start..]) {
            return Some(at);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentence starts read position by position, as the definition says.
    fn starts_by_position(paragraph: &str) -> Vec<usize> {
        let bytes = paragraph.as_bytes();
        (1..bytes.len())
            .filter(|&at| {
                if bytes[at - 1] != b' ' || !paragraph[at..].starts_with(char::is_uppercase) {
                    return false;
                }
                let before = paragraph[..at].trim_end_matches(is_space);
                let before = before.trim_end_matches(['”', '"', '’', ')']);
                if !before.ends_with(['.', '?', '!']) {
                    return false;
                }
                let word_start = before.rfind(is_space).map_or(0, |k| k + 1);
                !is_initial_or_abbreviation(&before[word_start..])
            })
            .collect()
    }

    #[test]
    fn sentence_starts_read_from_the_marks_agree_with_the_definition() {
        for paragraph in [
            "",
            ".",
            ". A",
            "He spoke. She replied.",
            "Mr. Okafor said so. Then T. Lima spoke! Was it? Yes.  Two spaces. ",
            "“We will.” The Council agreed.) And “so?”\u{a0} Not after a no-break space.",
            "Ends... Then more.. And. )Not. ” Quoted after space. x.\nNew line. É accented.",
            "U.S. officials met. Ms. Díaz. Dr. Who. A. B. C. Done.",
            "no capital. after this. 1. Numbered. «Guillemets.» Étienne.",
        ] {
            let got: Vec<usize> = sentence_starts(paragraph).collect();
            assert_eq!(got, starts_by_position(paragraph), "{paragraph:?}");
        }
    }

    fn clause(s: &str) -> Option<(&str, Lead<'_>)> {
        leading_clause(s, Lead::default()).map(|(len, lead)| (&s[len..], lead))
    }

    #[test]
    fn introductory_clauses() {
        let (rest, lead) =
            clause("Speaking before the vote, the representative of Chad said").unwrap();
        assert_eq!(rest, "the representative of Chad said");
        assert_eq!(lead.clauses, 1);
        let (_, lead) = clause("Briefing the Council, Ana Lima, Head of X, said").unwrap();
        assert!(lead.briefing);
        let (_, lead) =
            clause("Speaking for the Group of African States, the representative of Chad said")
                .unwrap();
        assert_eq!(lead.on_behalf_of, Some("Group of African States"));
        let (_, lead) = clause(
            "Delivering a statement on behalf of the Group of 77 and China, the representative of Iraq said",
        )
        .unwrap();
        assert_eq!(lead.on_behalf_of, Some("Group of 77 and China"));
        let (_, lead) =
            clause("Speaking in her national capacity, the representative of Malta said").unwrap();
        assert!(lead.national_capacity);
        let (rest, _) = clause("Introducing the draft “Water, peace and security” (document A/C.2/80/L.4), the representative of Peru said").unwrap();
        assert_eq!(rest, "the representative of Peru said");
        // Not a clause: a sentence, a subject, no comma.
        assert!(clause("In 2024 the lake shrank. Then, the rains came").is_none());
        assert!(clause("The Council, meeting today, adopted").is_none());
        assert!(clause("Speaking were Chad and Peru.").is_none());
    }

    #[test]
    fn titles_in_apposition() {
        let (rest, lead) =
            clause("The President of the General Assembly, ANA LIMA (Peru), said").unwrap();
        assert_eq!(rest, "ANA LIMA (Peru), said");
        assert_eq!(lead.title, Some("President of the General Assembly"));
        let (_, lead) = clause("The moderator, Rosa Ruiz, said").unwrap();
        assert_eq!(lead.title, None);
        assert!(clause("The Council, meeting today, adopted").is_none());
    }

    #[test]
    fn what_opens_no_turn() {
        for s in [
            "“We must act,” she said.",
            "He added that",
            "2025 was hard.",
            "Speakers agreed.",
        ] {
            assert!(cannot_open(s), "{s}");
        }
        for s in [
            "Malta’s delegate said",
            "The representative of Peru",
            "Italy’s delegate",
        ] {
            assert!(!cannot_open(s), "{s}");
        }
        assert!(is_participle("Speaking") && !is_participle("Spring") && !is_participle("King"));
    }

    #[test]
    fn later_sentences_start_after_a_full_stop() {
        let p = "He spoke.  Peru’s delegate agreed. Mr. Ruiz said “Yes.” Then T. S. Eliot wrote.";
        let starts: Vec<&str> = sentence_starts(p).map(|at| &p[at..at + 4]).collect();
        assert_eq!(starts, ["Peru", "Mr. ", "Then"]);
    }
}
