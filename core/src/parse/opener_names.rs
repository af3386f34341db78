//! Named turn openers: a name in capitals (`LIU YANG (China) said`, `K. V.
//! RAMANATHAN (India)`, `MARÍA DE LOS ÁNGELES DEL RÍO`, `ROSALIND
//! McTAGGART-LEWIS`), with a title before it (`Council President NAME
//! (Qatar)`); a name in ordinary case with a title (`Inés Valbuena Ortiz,
//! Special Representative …, said`, `civil society representative NAME,
//! founder of …, said`); and a title of address with a surname (`Ms.
//! SATO-WHITFIELD said`, `Mr. BERGLUND, noting …, said`, `Mr. Othman said`).

use super::opener_tail::{read_clauses, role_and_affiliation, Clauses};
use super::words::words;
use crate::text::scan::is_space;

/// A name read at the start of a text, with what follows it.
pub struct Named<'a> {
    /// The name as printed.
    pub name: &'a str,
    /// Byte offset of the name in the text.
    pub at: usize,
    pub delegation: Option<&'a str>,
    pub clauses: Clauses<'a>,
    /// A title printed before the name (`Council President`).
    pub title_before: Option<&'a str>,
}

impl Named<'_> {
    pub fn role_and_affiliation(&self) -> (Option<String>, Option<String>) {
        role_and_affiliation(self.delegation, &self.clauses, self.title_before)
    }
}

/// Lower-case particles that may sit inside a name printed in capitals.
const PARTICLES: &[&str] = &[
    "de", "la", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos", "du", "di",
    "al", "el", "bin", "ibn", "le", "y", "e", "zu", "ten", "ter", "af", "st.", "binti", "bint",
];

/// Words in capitals that no name holds: a headline in capitals is no name
/// (sorted, for a binary search).
const NOT_IN_NAMES: &[&str] = &[
    "A",
    "AN",
    "AND",
    "ARE",
    "AS",
    "ASSEMBLY",
    "AT",
    "BY",
    "CALLS",
    "COMMITTEE",
    "COUNCIL",
    "FOR",
    "FROM",
    "GENERAL",
    "IN",
    "INTO",
    "IS",
    "IT",
    "ITS",
    "NATIONS",
    "NEW",
    "OF",
    "ON",
    "OR",
    "OVER",
    "SAYS",
    "SECURITY",
    "TELLS",
    "THE",
    "TO",
    "UNITED",
    "URGES",
    "WAS",
    "WITH",
];

fn not_in_names(word: &str) -> bool {
    word.len() <= 9 && NOT_IN_NAMES.binary_search(&word).is_ok()
}

/// Words that make a title printed before a name (`Council President`,
/// `Assembly President`, `Commission Chair`, `Council Vice-President`).
const TITLE_WORDS: &[&str] = &[
    "Acting",
    "Ambassador",
    "Assembly",
    "Board",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Co-Chair",
    "Commission",
    "Committee",
    "Conference",
    "Council",
    "Deputy",
    "Envoy",
    "Expert",
    "Foreign",
    "Forum",
    "Member",
    "Minister",
    "Moderator",
    "Observer",
    "Permanent",
    "President",
    "Prime",
    "Rapporteur",
    "Representative",
    "Secretary-General",
    "Special",
    "Under-Secretary-General",
    "Vice-Chair",
    "Vice-President",
];

/// Whether `word` is one of [`TITLE_WORDS`] (sorted, for a binary search).
fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.binary_search(&word).is_ok()
}

/// Titles of address before a surname.
const HONORIFICS: &[&str] = &[
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Dame",
    "Dr",
    "Dr.",
    "Judge",
    "Justice",
    "Miss",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Prof.",
    "Professor",
    "Rabbi",
    "Sheikh",
    "Sir",
];

/// Whether `word` is one of [`HONORIFICS`] (sorted, for a binary search).
fn is_honorific(word: &str) -> bool {
    HONORIFICS.binary_search(&word).is_ok()
}

/// A word of a name printed in capitals: `LIU`, `T.`, `D’ANGELO`,
/// `McTAGGART-LEWIS`, `MacLEOD`.
pub fn is_capital_name_word(word: &str) -> bool {
    // One pass: a letter, no lower-case letter, no digit.
    let caps = |word: &str| {
        let mut letter = false;
        for c in word.chars() {
            if c.is_ascii_digit() || c.is_lowercase() {
                return false;
            }
            letter |= c.is_alphabetic();
        }
        letter
    };
    if caps(word) {
        return true;
    }
    word.starts_with("M")
        && ["Mc", "Mac"].iter().any(|prefix| {
            word.strip_prefix(prefix)
                .is_some_and(|rest| rest.len() >= 2 && caps(rest))
        })
}

/// A name in capitals at the start of `s`, with a title in ordinary case
/// before it, then a delegation in brackets or clauses up to the verb.
pub fn capitals(s: &str) -> Option<Named<'_>> {
    let (title_before, name_start) = title_before_name(s);
    // A name in capitals starts with a capital letter.
    if !s[name_start..].starts_with(char::is_uppercase) {
        return None;
    }
    let mut name_end = name_start;
    let mut upper_words = 0;
    let mut last_was_particle = false;
    let mut ends_with_comma = false;
    for (at, word) in words(&s[name_start..]) {
        let at = name_start + at;
        if word.starts_with('(') {
            break;
        }
        let bare = word.strip_suffix(',').unwrap_or(word);
        let is_particle =
            upper_words > 0 && bare.starts_with(char::is_lowercase) && PARTICLES.contains(&bare);
        let is_upper = is_capital_name_word(bare);
        if !(is_upper || is_particle) || not_in_names(bare) {
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
    if upper_words == 0 || upper_words > 7 || last_was_particle {
        return None;
    }
    let name = &s[name_start..name_end];
    if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let rest = s[name_end..].trim_start_matches(is_space);
    let (delegation, rest) = match rest.strip_prefix('(') {
        Some(inside) => {
            let close = matching_paren(inside)?;
            (Some(inside[..close].trim()), &inside[close + 1..])
        }
        None => (None, rest),
    };
    if delegation.is_none() && !ends_with_comma && upper_words < 2 {
        return None;
    }
    let clauses = read_clauses(rest)?;
    let titled = !clauses.roles.is_empty() || clauses.of.is_some() || title_before.is_some();
    if delegation.is_none() && !titled && upper_words < 2 {
        return None;
    }
    Some(Named {
        name,
        at: name_start,
        delegation,
        clauses,
        title_before,
    })
}

/// `Council President ABDULLAH AL-MANSOORI`: the title words before a
/// name in capitals, and where the name starts.
pub fn title_before_name(s: &str) -> (Option<&str>, usize) {
    // Every title word starts with one of these capitals.
    if !s.starts_with([
        'A', 'B', 'C', 'D', 'E', 'F', 'M', 'O', 'P', 'R', 'S', 'U', 'V',
    ]) {
        return (None, 0);
    }
    let mut end = 0;
    let mut count = 0;
    for (at, word) in words(s) {
        if !is_title_word(word) || count == 4 {
            break;
        }
        count += 1;
        end = at + word.len();
    }
    let has_head = words(&s[..end]).any(|(_, w)| {
        !matches!(
            w,
            "Council" | "Assembly" | "Commission" | "Committee" | "Conference" | "Board" | "Forum"
        )
    });
    if count == 0 || !has_head {
        return (None, 0);
    }
    let start = s[end..].len() - s[end..].trim_start_matches(is_space).len() + end;
    (Some(&s[..end]), start)
}

/// A name in ordinary case with a title after it and a reporting verb
/// (`Tomasz Wieliczko, Coordinator of the Panel of Experts, said`), or with
/// a delegation in brackets (`Amina Diallo (Senegal) said`). A few words
/// in lower case may describe the person first (`civil society
/// representative`, `Keynote speaker`).
pub fn ordinary_case(s: &str) -> Option<Named<'_>> {
    ordinary_case_titled(s, false)
}

/// [`ordinary_case`] where the title was printed before (`The moderator,
/// NAME, asked`), so that the name needs no title of its own.
pub fn ordinary_case_titled(s: &str, titled_before: bool) -> Option<Named<'_>> {
    let (title_before, after_title) = title_before_name(s);
    let name_start = if title_before.is_some() {
        after_title
    } else {
        after_description(s)
    };
    let (name_end, count) = ordinary_name(&s[name_start..]);
    if count < 2 {
        return None;
    }
    let name_end = name_start + name_end;
    let rest = s[name_end..].trim_start_matches(is_space);
    let (delegation, rest) = match rest.strip_prefix('(') {
        Some(inside) => {
            let close = matching_paren(inside)?;
            (Some(inside[..close].trim()), &inside[close + 1..])
        }
        None => (None, rest),
    };
    if delegation.is_none() && title_before.is_none() && !rest.starts_with(',') {
        return None;
    }
    let clauses = read_clauses(rest)?;
    let titled = !clauses.roles.is_empty()
        || clauses.of.is_some()
        || delegation.is_some()
        || title_before.is_some()
        || titled_before;
    if !(titled && clauses.verb) {
        return None;
    }
    Some(Named {
        name: &s[name_start..name_end],
        at: name_start,
        delegation,
        clauses,
        title_before,
    })
}

/// Where a name starts after a short description in lower case (`civil
/// society representative Ana Ruiz`, `Keynote speaker Ana Ruiz`); 0 when
/// there is none.
fn after_description(s: &str) -> usize {
    let mut described = 0;
    for (index, (at, word)) in words(s).enumerate() {
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        let first_capital = index == 0 && word.chars().next().is_some_and(char::is_uppercase);
        let lower = lower && !particle_prefixed(word.trim_end_matches(','));
        if lower && word.chars().all(|c| c.is_alphabetic() || c == '-') && index < 5 {
            if matches!(
                word,
                "the" | "a" | "an" | "of" | "for" | "and" | "by" | "with"
            ) {
                return 0;
            }
            described = index + 1;
            continue;
        }
        if first_capital
            && words(s)
                .nth(1)
                .is_some_and(|(_, w)| w.starts_with(char::is_lowercase))
        {
            continue;
        }
        return if described > 0 { at } else { 0 };
    }
    0
}

/// The end and word count of a name in ordinary case at the start of `s`:
/// capitalised words, initials and particles, two to five of them.
fn ordinary_name(s: &str) -> (usize, usize) {
    let mut end = 0;
    let mut count = 0;
    for (at, word) in words(s) {
        let bare = word.trim_end_matches(',');
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().skip(1).any(char::is_lowercase)
            || (bare.len() == 2 && bare.ends_with('.'));
        let particle = count > 0 && PARTICLES.contains(&bare);
        let capitalised = capitalised || (count > 0 && particle_prefixed(bare));
        if !(capitalised || particle) || bare.chars().any(|c| c.is_ascii_digit()) || count == 5 {
            break;
        }
        count += usize::from(!particle);
        end = at + bare.len();
        if bare.len() != word.len() {
            break;
        }
    }
    (end, count)
}

/// `el-Amin`, `al-Hassan`: a lower-case particle joined to a capitalised
/// name by a hyphen, inside a name in ordinary case.
pub fn particle_prefixed(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| {
        PARTICLES.contains(&particle) && rest.starts_with(char::is_uppercase)
    })
}

/// `Ms. SATO-WHITFIELD said`, `Mr. BERGLUND, noting …, said`, `Dr.
/// DIALLO`, `Mr. Othman said`, `Mr. ALVAREZ (Spain) said`: the title of
/// address, the surname (as printed, title included) and what follows.
pub fn honorific(s: &str) -> Option<(Named<'_>, &str)> {
    let (_, first) = words(s).next()?;
    if !is_honorific(first) {
        return None;
    }
    let surname_start =
        first.len() + (s[first.len()..].len() - s[first.len()..].trim_start().len());
    let mut end = surname_start;
    let mut count = 0;
    for (at, word) in words(&s[surname_start..]) {
        let bare = word.trim_end_matches(',');
        let name_word = is_capital_name_word(bare)
            || (bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().any(char::is_lowercase));
        let particle = count > 0 && PARTICLES.contains(&bare.to_lowercase().as_str());
        if word.starts_with('(') || !(name_word || particle) || count == 4 {
            break;
        }
        count += 1;
        end = surname_start + at + bare.len();
        if bare.len() != word.len() {
            break;
        }
    }
    if count == 0 {
        return None;
    }
    let rest = s[end..].trim_start_matches(is_space);
    let (delegation, rest) = match rest.strip_prefix('(') {
        Some(inside) => {
            let close = matching_paren(inside)?;
            (Some(inside[..close].trim()), &inside[close + 1..])
        }
        None => (None, rest),
    };
    let clauses = read_clauses(rest)?;
    if !(clauses.verb || delegation.is_some()) {
        return None;
    }
    let named = Named {
        name: &s[..end],
        at: 0,
        delegation,
        clauses,
        title_before: None,
    };
    Some((named, &s[surname_start..end]))
}

/// Byte offset of the `)` closing a bracket whose content starts `s`.
pub fn matching_paren(s: &str) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tests_agree_with_their_lists() {
        for word in TITLE_WORDS {
            assert!(is_title_word(word));
        }
        for word in HONORIFICS {
            assert!(is_honorific(word));
        }
        assert!(!is_title_word("Paris") && !is_honorific("Paris"));
        assert!(TITLE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_IN_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(HONORIFICS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn title_words_start_with_the_capitals_tested_first() {
        for word in TITLE_WORDS {
            assert!(
                word.starts_with(['A', 'B', 'C', 'D', 'E', 'F', 'M', 'O', 'P', 'R', 'S', 'U', 'V']),
                "{word}"
            );
        }
    }

    #[test]
    fn capital_name_words() {
        for word in [
            "LIU",
            "T.",
            "D’ANGELO",
            "McTAGGART-LEWIS",
            "MacLEOD",
            "AL-MANSOURI",
        ] {
            assert!(is_capital_name_word(word), "{word}");
        }
        for word in ["Zhang", "Mcdonald", "2024", "Mc"] {
            assert!(!is_capital_name_word(word), "{word}");
        }
    }

    #[test]
    fn capitals_with_a_title_before() {
        let n = capitals(
            "Council President LINA ORTEGA (Uruguay), speaking in her national capacity, said",
        )
        .unwrap();
        assert_eq!(n.name, "LINA ORTEGA");
        assert_eq!(n.title_before, Some("Council President"));
        assert_eq!(n.delegation, Some("Uruguay"));
        assert!(n.clauses.national_capacity);
        assert!(capitals("Council Members Met Today").is_none());
    }

    #[test]
    fn headlines_in_capitals_are_no_names() {
        assert!(capitals("COUNCIL EXTENDS MISSION FOR SIX MONTHS, URGES RESTRAINT").is_none());
        assert!(capitals("SECRETARY-GENERAL SAYS PEACE IS POSSIBLE, CALLS").is_none());
    }

    #[test]
    fn ordinary_case_names_with_titles() {
        let n = ordinary_case("Lena Okafor, Head of the Regional Office, said that").unwrap();
        assert_eq!(n.name, "Lena Okafor");
        assert_eq!(n.clauses.roles, ["Head of the Regional Office"]);
        let n = ordinary_case("civil society representative Joana Prates, founder of Vozes, a network of teachers, said").unwrap();
        assert_eq!(n.name, "Joana Prates");
        let n = ordinary_case(
            "Keynote speaker Idris Baako, Professor of Law at the University of Ghana, said",
        )
        .unwrap();
        assert_eq!(n.name, "Idris Baako");
        let n = ordinary_case("Amina Diallo (Senegal) said").unwrap();
        assert_eq!(n.delegation, Some("Senegal"));
        let n = ordinary_case("Committee Chairperson Maria Solis said the session").unwrap();
        assert_eq!(
            (n.name, n.title_before),
            ("Maria Solis", Some("Committee Chairperson"))
        );
        // Without a verb, or without a title, no turn opens.
        assert!(ordinary_case("Lena Okafor, Head of the Office, was appointed in 2023.").is_none());
        assert!(ordinary_case("Lena Okafor said that").is_none());
        assert!(ordinary_case("The Council, meeting today, adopted").is_none());
    }

    #[test]
    fn titles_of_address() {
        let (n, surname) = honorific("Ms. SATO-WHITFIELD said small States").unwrap();
        assert_eq!((n.name, surname), ("Ms. SATO-WHITFIELD", "SATO-WHITFIELD"));
        let (n, surname) = honorific("Mr. BERGLUND, noting that forecasts improved, said").unwrap();
        assert_eq!((n.name, surname), ("Mr. BERGLUND", "BERGLUND"));
        let (_, surname) = honorific("Ms. FERNÁNDEZ ARCE opened the discussion").unwrap();
        assert_eq!(surname, "FERNÁNDEZ ARCE");
        let (_, surname) = honorific("Mr. Othman said the report").unwrap();
        assert_eq!(surname, "Othman");
        let (n, _) = honorific("Mr. ALVAREZ (Spain) said").unwrap();
        assert_eq!(n.delegation, Some("Spain"));
        assert!(honorific("Mr. Othman was elected in 2020.").is_none());
        assert!(honorific("Mrs").is_none());
    }
}
