//! Unnamed turn openers, where a delegation speaks without a name: `The
//! representative of X said`, `the delegate of X`, `The observer for the
//! Holy See`, `The speaker for the African Union`; possessives (`Malta’s
//! delegate said`, `The United States’ representative`); and the Geneva
//! style, where a State speaks under its own name (`Ethiopia, speaking as
//! a country concerned, said`, `The European Union, in its capacity as
//! observer, said`).

use super::opener_tail::{read_clauses, Clauses};
use super::words::words;
use crate::lexicon::{countries, organizations};
use crate::text::scan::{is_space, is_word_char};

pub struct Unnamed<'a> {
    /// The phrase that introduces the speaker, as printed.
    pub name: &'a str,
    pub delegation: &'a str,
    pub clauses: Clauses<'a>,
    /// Introduced by `The representative of` and the like, as opposed to
    /// a possessive or the delegation's own name, which need a verb.
    pub by_lead: bool,
    /// The delegation's own name straight before its verb (`China said`):
    /// a turn only where a sentence starts with it, never after a clause
    /// (`In January, Iran announced …` reports, it opens no turn).
    pub direct: bool,
}

/// The verbs a State's own name opens a turn with, in Geneva summaries.
const DIRECT_VERBS: &[&str] = &[
    "added",
    "asked",
    "called",
    "emphasized",
    "expressed",
    "noted",
    "recalled",
    "regretted",
    "reiterated",
    "said",
    "stated",
    "stressed",
    "underlined",
    "urged",
    "welcomed",
];

/// Words that open the unnamed form, up to the delegation (either case of
/// the first letter).
const LEADS: &[&str] = &[
    "he representative of the delegation of ",
    "he representative of ",
    "he representative for ",
    "he delegate of ",
    "he delegate for ",
    "he delegation of ",
    "he observer for ",
    "he observer of ",
    "he Permanent Observer of ",
    "he Permanent Observer for ",
    "he Permanent Representative of ",
    "he speaker for ",
    "he speaker of ",
];

/// Nouns after a possessive that make a delegation the speaker.
const POSSESSED: &[&str] = &[
    "delegate",
    "representative",
    "delegation",
    "speaker",
    "envoy",
    "observer",
    "Ambassador",
    "ambassador",
    "Permanent Representative",
];

pub fn unnamed(s: &str) -> Option<Unnamed<'_>> {
    if let Some(found) = representative_of(s) {
        return Some(found);
    }
    let start = usize::from(s.starts_with("The ")) * 4;
    let (end, delegation) = known_delegation(s, start)?;
    possessive(s, end, delegation).or_else(|| own_name(s, end, delegation))
}

/// `The representative of the Republic of Korea said`.
fn representative_of(s: &str) -> Option<Unnamed<'_>> {
    if !s.starts_with(['T', 't']) {
        return None;
    }
    let lead = LEADS.iter().find(|lead| s[1..].starts_with(**lead))?;
    let after = &s[1 + lead.len()..];
    let end = delegation_end(after)?;
    let clauses = read_clauses(&after[end..])?;
    Some(Unnamed {
        name: &s[..1 + lead.len() + end],
        delegation: &after[..end],
        clauses,
        by_lead: true,
        direct: false,
    })
}

/// The delegation runs while words are capitalised or connectors, and ends
/// on its last capitalised word: `the Republic of Korea`, `Bosnia and
/// Herzegovina`, `the Democratic People's Republic of Korea`.
fn delegation_end(after: &str) -> Option<usize> {
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
    (end > 0).then_some(end)
}

/// `Malta’s delegate said`, `The United States’ representative`, `Côte
/// d’Ivoire’s delegate`: a country or organisation, a possessive, a noun.
fn possessive<'a>(s: &'a str, name_end: usize, delegation: &'a str) -> Option<Unnamed<'a>> {
    let after = &s[name_end..];
    let after = ["’s ", "'s ", "’ ", "' "]
        .iter()
        .find_map(|mark| after.strip_prefix(mark))?;
    let noun = POSSESSED.iter().find(|noun| {
        after.starts_with(**noun)
            && after[noun.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c))
    })?;
    let end = s.len() - after.len() + noun.len();
    let clauses = read_clauses(&s[end..])?;
    Some(Unnamed {
        name: &s[..end],
        delegation,
        clauses,
        by_lead: false,
        direct: false,
    })
}

/// `Ethiopia, speaking as a country concerned, said`, `Bangladesh, in a
/// concluding statement, said`, `The European Union, in its capacity as
/// observer, said`, `China said`: a State or organisation under its own
/// name, then a reporting verb.
fn own_name<'a>(s: &'a str, end: usize, delegation: &'a str) -> Option<Unnamed<'a>> {
    let rest = &s[end..];
    if !(rest.starts_with(',') || rest.starts_with(' ')) {
        return None;
    }
    let clauses = read_clauses(rest)?;
    if !clauses.verb {
        return None;
    }
    // `China, Japan and the Republic of Korea said`: a list is no speaker.
    let next = rest.trim_start_matches([',', ' ']);
    if rest.starts_with(',') && next.starts_with(char::is_uppercase) {
        return None;
    }
    let direct = rest.starts_with(' ');
    if direct
        && !rest
            .trim_start()
            .split(is_space)
            .next()
            .is_some_and(|verb| DIRECT_VERBS.contains(&verb))
    {
        return None;
    }
    Some(Unnamed {
        name: &s[..end],
        delegation,
        clauses,
        by_lead: false,
        direct,
    })
}

/// A country (any of its names) or an organisation that speaks as an
/// observer, printed at `start`: its end and the name as printed.
fn known_delegation(s: &str, start: usize) -> Option<(usize, &str)> {
    if !s[start..].starts_with(char::is_uppercase) {
        return None;
    }
    let end = match countries::match_at(s, start) {
        Some((end, _)) => end,
        None => match organizations::matcher().match_at(s, start)? {
            (end, Some(_)) => end,
            _ => return None,
        },
    };
    // The name ends at a word boundary (`Malta’s`, `Malta,`, not `Maltese`).
    let next = s[end..].chars().next();
    if next.is_some_and(is_word_char) {
        return None;
    }
    Some((end, &s[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (&str, &str) {
        let u = unnamed(s).unwrap_or_else(|| panic!("no opener in {s:?}"));
        (u.name, u.delegation)
    }

    #[test]
    fn representatives_delegates_observers() {
        assert_eq!(
            read("The representative of the Republic of Moldova said that"),
            (
                "The representative of the Republic of Moldova",
                "the Republic of Moldova"
            )
        );
        assert_eq!(read("the delegate of Egypt said").1, "Egypt");
        assert_eq!(read("The observer for the Holy See said").1, "the Holy See");
        assert_eq!(
            read("The speaker for the African Union said").1,
            "the African Union"
        );
        let u = unnamed(
            "The representative of Cuba, speaking on behalf of the Group of 77 and China, said",
        )
        .unwrap();
        assert_eq!(u.clauses.on_behalf_of, Some("Group of 77 and China"));
    }

    #[test]
    fn possessives() {
        assert_eq!(read("Malta’s delegate said"), ("Malta’s delegate", "Malta"));
        assert_eq!(
            read("The United States’ representative voiced concern"),
            ("The United States’ representative", "United States")
        );
        assert_eq!(read("Côte d’Ivoire’s delegate said").1, "Côte d’Ivoire");
        assert_eq!(
            read("Brazil's representative, echoing that view, said").1,
            "Brazil"
        );
        assert!(
            !unnamed("Malta’s delegation of powers is")
                .unwrap()
                .clauses
                .verb
        );
        assert!(unnamed("Malta’s economy grew").is_none());
    }

    #[test]
    fn states_under_their_own_name() {
        assert_eq!(
            read("Ethiopia, speaking as a country concerned, said that").1,
            "Ethiopia"
        );
        assert_eq!(
            read("Bangladesh, in a concluding statement, said it").1,
            "Bangladesh"
        );
        assert_eq!(
            read("The European Union, in its capacity as observer, said"),
            ("The European Union", "European Union")
        );
        assert_eq!(read("China said that").1, "China");
        assert!(unnamed("China announced a plan").is_none());
        for s in [
            "China, Japan and the Republic of Korea said",
            "China has long been a partner.",
            "Chinese officials said",
            "Kenya, a country of 50 million, grew",
        ] {
            assert!(unnamed(s).is_none(), "{s}");
        }
    }
}
