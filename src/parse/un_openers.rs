//! The paragraph that opens a speaker's turn in UN meeting coverage:
//! `ZHANG JUN (China) said ...`, `NAME (Delegation), speaking on behalf of
//! the Group of 77 and China, said ...`, `NAME, Secretary-General of the
//! United Nations, said ...`, `NAME (Delegation), Council President for
//! February, speaking in his national capacity, ...`, and the unnamed
//! `The representative of X said ...`.

use super::titles::split_title;
use super::words::{strip_article, words};
use crate::text::scan::{is_all_caps, is_space};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opener<'a> {
    /// As printed: `ZHANG JUN`, or `The representative of Kenya`.
    pub name: &'a str,
    /// False for `The representative of X`.
    pub named: bool,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub on_behalf_of: Option<String>,
    pub national_capacity: bool,
}

/// Lower-case particles that may sit inside a name printed in capitals.
const PARTICLES: &[&str] = &[
    "de", "la", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos", "du", "di",
    "al", "el", "bin", "ibn", "le", "y", "e", "zu", "ten", "ter", "af", "st.",
];

/// Words that open the unnamed form, up to the delegation.
const UNNAMED_OPENINGS: &[&str] = &[
    "The representative of ",
    "The representative for ",
    "The delegate of ",
    "The delegate for ",
    "The observer for ",
    "The observer of ",
    "The Permanent Observer of ",
    "The Permanent Observer for ",
    "The speaker for ",
    "The representative of the delegation of ",
];

/// Reads the opener of a turn, if the paragraph starts with one.
pub fn parse(paragraph: &str) -> Option<Opener<'_>> {
    parse_named(paragraph).or_else(|| parse_unnamed(paragraph))
}

fn parse_named(paragraph: &str) -> Option<Opener<'_>> {
    let mut name_end = 0;
    let mut upper_words = 0;
    let mut last_was_particle = false;
    let mut ends_with_comma = false;
    for (at, word) in words(paragraph) {
        if word.starts_with('(') {
            break;
        }
        let bare = word.strip_suffix(',').unwrap_or(word);
        let is_particle = PARTICLES.contains(&bare) && upper_words > 0;
        let is_upper = is_all_caps(bare) && !bare.chars().any(|c| c.is_ascii_digit());
        if !(is_upper || is_particle) {
            break;
        }
        if is_upper {
            upper_words += 1;
        }
        last_was_particle = is_particle && !is_upper;
        name_end = at + bare.len();
        if bare.len() != word.len() {
            ends_with_comma = true;
            break;
        }
    }
    if upper_words == 0 || last_was_particle {
        return None;
    }
    let name = &paragraph[..name_end];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return None;
    }
    let rest = paragraph[name_end..].trim_start_matches(is_space);
    let (delegation, rest) = match rest.strip_prefix('(') {
        Some(inside) => {
            let close = matching_paren(inside)?;
            let delegation = inside[..close].trim();
            (Some(delegation), &inside[close + 1..])
        }
        None => (None, rest),
    };
    if delegation.is_none() && !ends_with_comma && upper_words < 2 {
        return None;
    }
    let clauses = read_clauses(rest)?;
    if delegation.is_none() && clauses.roles.is_empty() && upper_words < 2 {
        return None;
    }
    Some(build(name, true, delegation, clauses))
}

fn parse_unnamed(paragraph: &str) -> Option<Opener<'_>> {
    let opening = UNNAMED_OPENINGS
        .iter()
        .filter(|o| paragraph.starts_with(**o))
        .max_by_key(|o| o.len())?;
    let after = &paragraph[opening.len()..];
    // The delegation runs while words are capitalised or connectors, and
    // ends on its last capitalised word.
    let mut end = 0;
    for (index, (at, word)) in words(after).enumerate() {
        let bare = word.trim_end_matches(',');
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        let connector = matches!(bare, "of" | "and" | "the" | "for" | "de" | "du");
        if capitalised {
            end = at + bare.len();
        } else if !(connector && (end > 0 || (index == 0 && bare == "the"))) {
            break;
        }
        if bare.len() != word.len() {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let delegation = &after[..end];
    let clauses = read_clauses(&after[end..])?;
    let name = &paragraph[..opening.len() + end];
    Some(build(name, false, Some(delegation), clauses))
}

#[derive(Debug, Default)]
struct Clauses<'a> {
    roles: Vec<&'a str>,
    on_behalf_of: Option<&'a str>,
    national_capacity: bool,
    /// `, of the European Union,`: the organisation without a title.
    of: Option<&'a str>,
}

/// Reads `, Council President for February, speaking in his national
/// capacity, said` up to the verb. Fails when what follows cannot continue
/// an opener (e.g. the paragraph ends or a sentence starts in capitals).
fn read_clauses(mut rest: &str) -> Option<Clauses<'_>> {
    let mut clauses = Clauses::default();
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(after_comma) = rest.strip_prefix(',') else {
            // A verb in lower case starts the sentence proper.
            return rest
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                .then_some(clauses);
        };
        let clause_text = after_comma.trim_start_matches(is_space);
        let clause_end = clause_end(clause_text);
        let clause = clause_text[..clause_end].trim();
        if let Some(group) = clause
            .strip_prefix("speaking on behalf of ")
            .or_else(|| clause.strip_prefix("also speaking on behalf of "))
            .or_else(|| clause.strip_prefix("speaking for "))
            .or_else(|| clause.strip_prefix("on behalf of "))
        {
            clauses.on_behalf_of = Some(strip_article(group));
        } else if let Some(organisation) = clause.strip_prefix("of ") {
            // `ELENA MOROZ, of the European Union, said`
            clauses.of = Some(strip_article(organisation));
        } else if clause.starts_with("speaking in his national capacity")
            || clause.starts_with("speaking in her national capacity")
            || clause.starts_with("speaking in their national capacity")
            || clause.starts_with("speaking in a national capacity")
        {
            clauses.national_capacity = true;
        } else if clause.chars().next().is_some_and(char::is_uppercase)
            && clause_end < clause_text.len()
        {
            clauses.roles.push(clause);
        } else {
            // A participle clause (`expressing support ..., said`) starts the sentence.
            return Some(clauses);
        }
        rest = &clause_text[clause_end..];
    }
}

/// Where a comma-separated clause ends: the next comma outside brackets, or
/// the end of the text.
fn clause_end(s: &str) -> usize {
    let mut depth = 0i32;
    for (at, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => return at,
            _ => {}
        }
    }
    s.len()
}

/// Byte offset of the `)` closing a bracket whose content starts `s`.
fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 1;
    for (at, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
        if at > 200 {
            return None;
        }
    }
    None
}

fn build<'a>(
    name: &'a str,
    named: bool,
    delegation: Option<&str>,
    clauses: Clauses<'_>,
) -> Opener<'a> {
    let delegation = delegation.or(clauses.of);
    let title = clauses.roles.join(", ");
    let (role, affiliation) = match (delegation, title.is_empty()) {
        (Some(delegation), true) => (None, Some(strip_article(delegation).to_owned())),
        (Some(delegation), false) => (Some(title), Some(strip_article(delegation).to_owned())),
        (None, true) => (None, None),
        (None, false) => {
            let (role, affiliation) = split_title(&title);
            (Some(role.to_owned()), affiliation.map(str::to_owned))
        }
    };
    Opener {
        name,
        named,
        affiliation,
        role,
        on_behalf_of: clauses.on_behalf_of.map(str::to_owned),
        national_capacity: clauses.national_capacity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opener(text: &str) -> Opener<'_> {
        parse(text).unwrap_or_else(|| panic!("no opener in {text:?}"))
    }

    #[test]
    fn name_and_delegation() {
        let o = opener("ZHANG JUN (China) said the Treaty Organization has been successful.");
        assert_eq!(o.name, "ZHANG JUN");
        assert_eq!(o.affiliation.as_deref(), Some("China"));
        assert_eq!(o.role, None);
        assert!(o.named);
    }

    #[test]
    fn particles_initials_diacritics_apostrophes() {
        assert_eq!(
            opener("JUAN RAMÓN DE LA FUENTE RAMÍREZ (Mexico), expressing support, said").name,
            "JUAN RAMÓN DE LA FUENTE RAMÍREZ"
        );
        assert_eq!(
            opener("T. S. TIRUMURTI (India) said regional bodies matter.").name,
            "T. S. TIRUMURTI"
        );
        assert_eq!(
            opener("PAOLO D’ANGELO (Holy See) said that behind")
                .affiliation
                .as_deref(),
            Some("Holy See")
        );
        assert_eq!(
            opener("PIETER van der BERG (Netherlands) said").name,
            "PIETER van der BERG"
        );
        assert_eq!(
            opener("HALA AL-MANSOURI (United Arab Emirates) said").name,
            "HALA AL-MANSOURI"
        );
    }

    #[test]
    fn president_in_national_capacity() {
        let o = opener("SERGEY VERSHININ (Russian Federation), Council President for February, speaking in his national capacity, expressed hope that");
        assert_eq!(o.affiliation.as_deref(), Some("Russian Federation"));
        assert_eq!(o.role.as_deref(), Some("Council President for February"));
        assert!(o.national_capacity);
    }

    #[test]
    fn on_behalf_of_a_group() {
        let o =
            opener("ANA ROSA (Cuba), speaking on behalf of the Group of 77 and China, said that");
        assert_eq!(o.on_behalf_of.as_deref(), Some("Group of 77 and China"));
        assert_eq!(o.affiliation.as_deref(), Some("Cuba"));
    }

    #[test]
    fn organisation_without_title() {
        let o = opener("ELENA MOROZ, of the European Union, said care work is unpaid.");
        assert_eq!(o.affiliation.as_deref(), Some("European Union"));
        assert_eq!(o.role, None);
    }

    #[test]
    fn title_without_delegation() {
        let o =
            opener("ANTÓNIO GUTERRES, Secretary-General of the United Nations, said cooperation");
        assert_eq!(o.name, "ANTÓNIO GUTERRES");
        assert_eq!(o.role.as_deref(), Some("Secretary-General"));
        assert_eq!(o.affiliation.as_deref(), Some("United Nations"));
        let o = opener("ABDOULAYE DIALLO, Executive Secretary of the Lake Chad Basin Commission (LCBC), said the lake");
        assert_eq!(o.role.as_deref(), Some("Executive Secretary"));
        assert_eq!(o.affiliation.as_deref(), Some("Lake Chad Basin Commission"));
    }

    #[test]
    fn unnamed_representative() {
        let o = opener("The representative of the Republic of Korea said his country will host");
        assert_eq!(o.name, "The representative of the Republic of Korea");
        assert_eq!(o.affiliation.as_deref(), Some("Republic of Korea"));
        assert!(!o.named);
        let o = opener(
            "The observer for the State of Palestine, speaking on behalf of the Arab Group, said",
        );
        assert_eq!(o.affiliation.as_deref(), Some("State of Palestine"));
        assert_eq!(o.on_behalf_of.as_deref(), Some("Arab Group"));
    }

    #[test]
    fn not_openers() {
        for text in [
            "8967th Meeting (AM)",
            "SC/14794",
            "For information media. Not an official record.",
            "NATO",
            "The meeting began at 11:07 a.m. and ended at 1:17 p.m.",
            "Statements",
            "India’s delegate said regional bodies",
            "UN (United Nations)",
            "A",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
