//! People introduced once, in a paragraph about a panel or a briefing, who
//! then speak as `Ms. SURNAME`: `The panel, moderated by NAME, Title,
//! featured NAME, Title; NAME, Title; and Dr. NAME, Title.`, `Keynote
//! speaker NAME, Title, delivered …`, `Briefing the Council were NAME,
//! Title, and NAME, Title.` The roster lets a title of address resolve to
//! the full person, with role and organisation from the introduction.

use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::draft::Para;
use super::opener_names::is_capital_name_word;
use super::opener_tail::clause_end;
use super::person_phrase::is_initial_or_abbreviation;
use super::quotes::Who;
use super::release_speakers::FoundQuote;
use super::titles::split_title;
use super::words::{fold, strip_article, tidy, words};
use crate::document::ParagraphRole;

/// A person a paragraph introduces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduced {
    /// As printed, without a title of address: `Aiko Sato-Whitfield`.
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// The name folded, for comparing with a surname.
    folded: String,
}

#[derive(Debug, Default)]
pub struct Roster {
    people: Vec<Introduced>,
    /// The first person of each folded name.
    by_folded: HashMap<String, usize>,
    /// People by the last word of their folded name, in order: a long
    /// meeting introduces thousands, and each turn looks one up.
    by_last_word: HashMap<String, Vec<usize>>,
}

/// Phrases after which a list of introduced people follows.
const INTRODUCTIONS: &[&str] = &[
    "moderated by ",
    "chaired by ",
    "featured ",
    "featuring ",
    "panellists were ",
    "panelists were ",
    "panellists included ",
    "panelists included ",
    "panellists ",
    "panelists ",
    "keynote speaker ",
    "keynote speakers ",
    "keynote address by ",
    "speakers included ",
    "included presentations by ",
    "presentations by ",
    "presentations were made by ",
    "lead discussants were ",
    "lead discussants ",
    "discussants were ",
    "discussants ",
    "the panel included ",
    "the panel comprised ",
    " were ",
];

/// Whether `text` holds a word of an introduction (`riefing` only with
/// ` were `: `Briefing the Council were …`). The searchers are built once:
/// this runs on every paragraph.
fn may_introduce(text: &str) -> bool {
    static CUES: LazyLock<[Finder<'static>; 10]> = LazyLock::new(|| {
        [
            "moderat",
            "featur",
            "panel",
            "eynote",
            "discussant",
            "chaired by",
            "presentations",
            "speakers included",
            "riefing",
            " were ",
        ]
        .map(Finder::new)
    });
    let holds = |k: usize| CUES[k].find(text.as_bytes()).is_some();
    (0..8).any(holds) || (holds(8) && holds(9))
}

impl Roster {
    /// Reads every introduction in the text paragraphs.
    pub fn read(paras: &[Para]) -> Roster {
        let mut roster = Roster::default();
        for para in paras.iter().filter(|p| p.role == ParagraphRole::Text) {
            let text = para.text;
            // Cheap test first: most paragraphs introduce no one.
            if !may_introduce(text) {
                continue;
            }
            let lower = text.to_lowercase();
            for phrase in INTRODUCTIONS {
                // `Briefing the Council were …`, `Also briefing were …`.
                if *phrase == " were " && !lower.contains("briefing") {
                    continue;
                }
                let mut from = 0;
                while let Some(found) = lower[from..].find(phrase) {
                    let start = from + found + phrase.len();
                    if !text.is_char_boundary(start) {
                        break;
                    }
                    roster.add_list(&text[start..]);
                    from = start;
                }
            }
        }
        roster
    }

    /// Someone introduced with a title elsewhere, unless already known.
    pub fn add(&mut self, name: &str, role: Option<String>, affiliation: Option<String>) {
        let name = tidy(name);
        if words(&name).count() < 2 || self.by_name(&name).is_some() {
            return;
        }
        self.push(Introduced {
            folded: fold(&name),
            name,
            role,
            affiliation,
        });
    }

    fn push(&mut self, person: Introduced) {
        let index = self.people.len();
        self.by_folded.entry(person.folded.clone()).or_insert(index);
        if let Some((_, last)) = words(&person.folded).last() {
            let list = self.by_last_word.entry(last.to_owned()).or_default();
            list.push(index);
        }
        self.people.push(person);
    }

    /// People named, with a title, as the authors of quotations.
    pub fn add_quoted(&mut self, paras: &[Para], quotes: &[FoundQuote]) {
        for found in quotes {
            let Some(Who::Named(person)) = &found.who else {
                continue;
            };
            if person.role.is_none() && person.affiliation.is_none() {
                continue;
            }
            let name = &paras[found.para].text[person.name.clone()];
            self.add(name, person.role.clone(), person.affiliation.clone());
        }
    }

    /// The people of a list: `NAME, Title; NAME, Title; and NAME, Title`,
    /// or `NAME, Title, and NAME, Title`, up to the sentence's end or the
    /// next introduction (`…, featured`).
    fn add_list(&mut self, s: &str) {
        let end = sentence_end(s);
        let list = &s[..end];
        let items: Vec<&str> = if list.contains(';') {
            list.split(';').collect()
        } else {
            list.split(", and ").collect()
        };
        for item in items {
            let item = item.trim();
            let item = item.strip_prefix("and ").unwrap_or(item).trim();
            if let Some(person) = introduced(item) {
                if !self.by_folded.contains_key(&person.folded) {
                    self.push(person);
                }
            }
        }
    }

    /// The one introduced person whose name ends with `surname` (`SATO-
    /// WHITFIELD`, `Fernández Arce`, `DIALLO`), or the one whose name it
    /// is.
    pub fn by_surname(&self, surname: &str) -> Option<&Introduced> {
        let surname = fold(surname);
        let suffix = format!(" {surname}");
        let is_theirs = |p: &&Introduced| p.folded == surname || p.folded.ends_with(&suffix);
        // A name that is or ends with the surname ends with its last word.
        let Some((_, last)) = words(&surname).last() else {
            let mut matching = self.people.iter().filter(is_theirs);
            let first = matching.next()?;
            return matching.next().is_none().then_some(first);
        };
        let candidates = self.by_last_word.get(last)?;
        let mut matching = candidates
            .iter()
            .map(|&i| &self.people[i])
            .filter(is_theirs);
        let first = matching.next()?;
        matching.next().is_none().then_some(first)
    }

    pub fn by_name(&self, name: &str) -> Option<&Introduced> {
        if self.people.is_empty() {
            return None;
        }
        let folded = fold(name);
        self.by_folded.get(&folded).map(|&i| &self.people[i])
    }
}

/// Where the sentence or the list ends: a full stop that ends no initial
/// or abbreviation, or the next introduction (`, featured`, `, and
/// featured`, `, with`).
fn sentence_end(s: &str) -> usize {
    let mut end = s.len();
    for (at, word) in words(s) {
        if word.ends_with('.') && !is_initial_or_abbreviation(word) {
            end = at + word.len() - 1;
            break;
        }
    }
    for stop in [
        ", featured ",
        ", featuring ",
        ", included ",
        ", with ",
        " featured ",
    ] {
        if let Some(at) = s[..end].find(stop) {
            end = at;
        }
    }
    end
}

/// `Dr. Amadou Kéita Diallo, Director-General of the Mali Meteorological
/// Agency`: a name in ordinary case or capitals, then its title.
fn introduced(item: &str) -> Option<Introduced> {
    let item = item.trim_start_matches("by ").trim();
    let item = [
        "Dr. ",
        "Professor ",
        "Prof. ",
        "Mr. ",
        "Ms. ",
        "Mrs. ",
        "Judge ",
        "Ambassador ",
    ]
    .iter()
    .find_map(|h| item.strip_prefix(h))
    .unwrap_or(item);
    let mut name_end = 0;
    let mut count = 0;
    for (at, word) in words(item) {
        let bare = word.trim_end_matches(',');
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && (bare.chars().skip(1).any(char::is_lowercase) || is_capital_name_word(bare));
        let particle = count > 0
            && matches!(
                bare,
                "de" | "da"
                    | "del"
                    | "der"
                    | "van"
                    | "von"
                    | "la"
                    | "le"
                    | "di"
                    | "du"
                    | "bin"
                    | "al"
            );
        if !(capitalised || particle) || count == 5 {
            break;
        }
        count += 1;
        name_end = at + bare.len();
        if bare.len() != word.len() {
            break;
        }
    }
    if count < 2 {
        return None;
    }
    let name = &item[..name_end];
    let rest = item[name_end..].trim_start();
    let (role, affiliation) = match rest.strip_prefix(',') {
        Some(title) => {
            let title = title.trim();
            let title = &title[..clause_end(title)];
            let title = title.trim().trim_end_matches(['.', ',']);
            if title.is_empty() || title.starts_with("who ") {
                (None, None)
            } else {
                let (role, affiliation) = split_title(title);
                (Some(tidy(strip_article(role))), affiliation.map(tidy))
            }
        }
        None => match rest.strip_prefix('(') {
            Some(inside) => (None, inside.split(')').next().map(tidy)),
            None => (None, None),
        },
    };
    Some(Introduced {
        name: tidy(name),
        role,
        affiliation,
        folded: fold(name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(text: &str) -> Roster {
        Roster::read(&[Para::new(text, 0..text.len())])
    }

    fn row(p: &Introduced) -> (&str, Option<&str>, Option<&str>) {
        (p.name.as_str(), p.role.as_deref(), p.affiliation.as_deref())
    }

    #[test]
    fn a_moderated_panel() {
        let r = roster("The panel, moderated by Rosa Ruiz, Director of the Water Office, featured Tomás Berg, Professor of Hydrology at the University of Lund; Aiko Sato, Chief Executive Officer of Rain Ltd; and Dr. Amadou Diallo, Director-General of the Mali Weather Agency.");
        assert_eq!(
            row(r.by_surname("RUIZ").unwrap()),
            ("Rosa Ruiz", Some("Director"), Some("Water Office"))
        );
        assert_eq!(
            row(r.by_surname("BERG").unwrap()),
            (
                "Tomás Berg",
                Some("Professor of Hydrology"),
                Some("University of Lund")
            )
        );
        assert_eq!(
            row(r.by_surname("Sato").unwrap()),
            (
                "Aiko Sato",
                Some("Chief Executive Officer"),
                Some("Rain Ltd")
            )
        );
        assert_eq!(
            row(r.by_surname("DIALLO").unwrap()),
            (
                "Amadou Diallo",
                Some("Director-General"),
                Some("Mali Weather Agency")
            )
        );
        assert!(r.by_surname("SMITH").is_none());
    }

    #[test]
    fn briefers_and_keynote_speakers() {
        let r = roster("Briefing the Council were Ana Lima, Under-Secretary-General for Political Affairs, and Omar Said, Executive Director of the Food Programme.");
        assert_eq!(
            row(r.by_surname("LIMA").unwrap()).1,
            Some("Under-Secretary-General for Political Affairs")
        );
        assert_eq!(row(r.by_surname("SAID").unwrap()).2, Some("Food Programme"));
        let r = roster("Keynote speaker Idris Baako, Professor of Law at the University of Ghana, delivered an address.");
        assert_eq!(
            row(r.by_surname("Baako").unwrap()).2,
            Some("University of Ghana")
        );
    }

    #[test]
    fn authors_of_quotations_with_titles() {
        let text = "“We are running out of time,” said Ana Lima, Under-Secretary-General for Political Affairs.";
        let paras = [Para::new(text, 0..text.len())];
        let quotes = crate::parse::attribution::collect(&paras, true);
        let mut r = Roster::default();
        r.add_quoted(&paras, &quotes);
        assert_eq!(
            row(r.by_surname("LIMA").unwrap()),
            (
                "Ana Lima",
                Some("Under-Secretary-General for Political Affairs"),
                Some("United Nations")
            )
        );
    }

    #[test]
    fn ambiguous_surnames_resolve_to_no_one() {
        let r =
            roster("The panel featured Ana Lima, Director of X; and Paulo Lima, Director of Y.");
        assert!(r.by_surname("LIMA").is_none());
        assert!(r.by_surname("Paulo Lima").is_some());
    }
}
