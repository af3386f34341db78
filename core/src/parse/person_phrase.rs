//! One person as a phrase prints them: a name with its title and
//! organisation, read from a run of capitalised words, as quote
//! attributions and introductions print it: `Gary Lambert, CEO of CPV`,
//! `District Attorney Summer Stephan`, `San Joaquin County District
//! Attorney Ron Freitas`, `Katherine M. Butler, MPH, Director of DTSC`.
//! (`release_speakers` turns such phrases into the speakers of ordinary
//! releases.)

use std::ops::Range;

use super::titles::split_title;
use super::words::words;
use crate::text::scan::is_space;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Byte range of the name in the paragraph.
    pub name: Range<usize>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

impl Person {
    /// The same person with the name's range moved `by` bytes, for a person
    /// read from a slice of the paragraph.
    pub fn shifted(self, by: usize) -> Person {
        Person {
            name: self.name.start + by..self.name.end + by,
            ..self
        }
    }
}

/// Words that end a title printed before a name (`... Attorney Ron Freitas`).
const TITLE_HEADS: &[&str] = &[
    "Administrator",
    "Ambassador",
    "Archbishop",
    "Assemblymember",
    "Attorney",
    "Auditor",
    "Bishop",
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "Captain",
    "Cardinal",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Clerk",
    "Commander",
    "Commissioner",
    "Comptroller",
    "Congressman",
    "Congresswoman",
    "Controller",
    "Coordinator",
    "Councilman",
    "Councilmember",
    "Councilwoman",
    "Counsel",
    "Dean",
    "Delegate",
    "Deputy",
    "Detective",
    "Director",
    "Dr.",
    "Emir",
    "Envoy",
    "Executive",
    "Founder",
    "General",
    "Governor",
    "Head",
    "Inspector",
    "Judge",
    "Justice",
    "King",
    "Leader",
    "Lieutenant",
    "Manager",
    "Marshal",
    "Mayor",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Officer",
    "Pope",
    "Premier",
    "President",
    "Prince",
    "Princess",
    "Principal",
    "Professor",
    "Prosecutor",
    "Queen",
    "Rabbi",
    "Rapporteur",
    "Representative",
    "Rev.",
    "Reverend",
    "Secretary",
    "Secretary-General",
    "Senator",
    "Sergeant",
    "Sheikh",
    "Sheriff",
    "Speaker",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Superintendent",
    "Supervisor",
    "Treasurer",
    "Trustee",
    "Under-Secretary-General",
    "Vice-President",
    "Warden",
];

/// Words that may precede a title head and belong to the title.
const TITLE_MODIFIERS: &[&str] = &[
    "Acting",
    "Interim",
    "Deputy",
    "Assistant",
    "Associate",
    "Senior",
    "Vice",
    "Executive",
    "Chief",
    "Managing",
    "General",
    "Special",
    "Principal",
    "Former",
    "District",
    "City",
    "State’s",
    "State's",
    "Police",
    "Fire",
    "Attorney",
    "Prime",
    "Foreign",
    "Permanent",
    "High",
    "First",
    "Lead",
    "Regional",
    "National",
    "Co-founder",
    "Founding",
    "Presiding",
    "UN",
    "U.N.",
];

/// Words that make a capitalised run an organisation rather than a person.
const ORGANISATION_WORDS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Department",
    "Office",
    "Agency",
    "Authority",
    "Council",
    "Commission",
    "University",
    "Association",
    "Group",
    "Ministry",
    "Government",
    "Organization",
    "Organisation",
    "Foundation",
    "Institute",
    "Bank",
    "LLC",
    "Ltd",
    "Ltd.",
    "Committee",
    "Administration",
    "Service",
    "Services",
    "Board",
    "Nations",
    "Union",
];

/// Post-nominal letters to skip between a name and its title.
const CREDENTIALS: &[&str] = &[
    "MD", "M.D.", "PhD", "Ph.D.", "MPH", "MBA", "JD", "J.D.", "Esq.", "Jr.", "Sr.", "RN", "CPA",
    "DrPH", "MSc", "MA", "FACS", "FRCP", "OBE", "CBE", "MBE", "II", "III",
];

/// Lower-case particles inside names.
const PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "van", "von", "la", "le", "di", "du", "bin", "al", "dos",
];

fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    first.is_some_and(char::is_uppercase) && !word.chars().any(|c| c.is_ascii_digit())
}

/// The capitalised words at the start of `s` (with particles inside), with
/// byte ranges relative to `s`. Stops after a word that ends with `,` or
/// `.` (other than an initial or an abbreviation) and before anything else.
pub fn capitalised_run(s: &str) -> (Vec<Range<usize>>, Option<char>) {
    let mut run: Vec<Range<usize>> = Vec::new();
    for (at, word) in words(s) {
        let bare = word.trim_end_matches([',', '.', ';', ':', '”', '"', ')']);
        let bare = if word.ends_with('.') && is_initial_or_abbreviation(word) {
            word
        } else {
            bare
        };
        let particle = !run.is_empty()
            && (PARTICLES.contains(&bare) || super::opener_names::particle_prefixed(bare));
        if bare.is_empty() || !(is_name_word(bare) || particle) || run.len() >= 10 {
            return (run, None);
        }
        run.push(at..at + bare.len());
        let ending = word[bare.len()..].chars().next();
        if ending.is_some() {
            return (run, ending);
        }
    }
    (run, None)
}

/// `W.`, `J.`, `Dr.`, `Mr.`, `U.S.`: a full stop that does not end the sentence.
pub fn is_initial_or_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && bare.chars().next().is_some_and(char::is_uppercase))
        || matches!(
            bare,
            "Dr" | "Mr"
                | "Mrs"
                | "Ms"
                | "Rev"
                | "St"
                | "Jr"
                | "Sr"
                | "Gen"
                | "Lt"
                | "Col"
                | "Capt"
                | "Prof"
                | "Sen"
                | "Rep"
                | "Gov"
        )
        || (bare.contains('.') && letters <= 3)
}

/// Reads a person from a capitalised run at the start of `s`, with the
/// title printed after a comma when `comma_title` is true (`Jane Doe,
/// chief executive of Acme`). Byte ranges are relative to `s`.
pub fn read_person(s: &str) -> Option<Person> {
    let (run, ending) = capitalised_run(s);
    let RunSplit { title, name } = split_run(s, &run)?;
    let (mut role, mut affiliation) = match title {
        Some((title_start, title_end)) => {
            // `County Supervisor`: a lone `County` belongs to the title.
            let lone_unit =
                title_start == 1 && matches!(&s[run[0].clone()], "County" | "City" | "State");
            let title_start = if lone_unit { 0 } else { title_start };
            let role = s[run[title_start].start..run[title_end].end].to_owned();
            let place =
                (title_start > 0).then(|| s[run[0].start..run[title_start - 1].end].to_owned());
            (Some(role), place)
        }
        None => (None, None),
    };
    if ending == Some(',') {
        if let Some((after_role, after_affiliation)) = title_after_comma(&s[run.last()?.end + 1..])
        {
            role = role.or(Some(after_role));
            affiliation = affiliation.or(after_affiliation);
        }
    }
    // `UN Secretary-General`: the prefix names the organisation.
    if let Some(title) = role
        .as_deref()
        .and_then(|r| r.strip_prefix("UN ").or_else(|| r.strip_prefix("U.N. ")))
    {
        role = Some(title.to_owned());
        affiliation = affiliation.or_else(|| Some("United Nations".to_owned()));
    }
    let name = without_possessive(s, name);
    Some(Person {
        name,
        role,
        affiliation,
    })
}

/// `Guterres’` in `Guterres’ remarks`, `Mohammed’s` in `Mohammed’s message`.
fn without_possessive(s: &str, name: Range<usize>) -> Range<usize> {
    let text = &s[name.clone()];
    let bare = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(text);
    name.start..name.start + bare.len()
}

/// Splits a run into an optional title (word indices, inclusive) and the
/// name (byte range). Fails when the run is no person.
fn split_run(s: &str, run: &[Range<usize>]) -> Option<RunSplit> {
    let word = |i: usize| &s[run[i].clone()];
    let last_head = (0..run.len())
        .rev()
        .find(|&i| TITLE_HEADS.contains(&word(i)));
    let (title, name_words) = match last_head {
        Some(head) if head + 1 < run.len() => {
            let mut start = head;
            while start > 0
                && (TITLE_MODIFIERS.contains(&word(start - 1))
                    || TITLE_HEADS.contains(&word(start - 1)))
            {
                start -= 1;
            }
            (Some((start, head)), head + 1..run.len())
        }
        Some(_) => return None,
        None => (None, 0..run.len()),
    };
    let names: Vec<&str> = name_words.clone().map(word).collect();
    let too_long = names.len() > 4;
    let organisation = names.iter().any(|w| ORGANISATION_WORDS.contains(w));
    let credential_only = names.iter().all(|w| CREDENTIALS.contains(w));
    if names.is_empty() || too_long || organisation || credential_only {
        return None;
    }
    Some(RunSplit {
        title,
        name: run[name_words.start].start..run[name_words.end - 1].end,
    })
}

/// A capitalised run split into a title (first and last word index) and a
/// name (byte range).
struct RunSplit {
    title: Option<(usize, usize)>,
    name: Range<usize>,
}

/// The title printed after a name and a comma, up to the end of the
/// sentence or the next quote: `MD, PhD, co-founder and CEO of PathAI.`
fn title_after_comma(s: &str) -> Option<(String, Option<String>)> {
    let mut rest = s.trim_start_matches(is_space);
    // Skip credentials: `MD, PhD, `.
    loop {
        let word_end = rest.find([',', ' ']).unwrap_or(rest.len());
        if CREDENTIALS.contains(&&rest[..word_end]) && rest[word_end..].starts_with(',') {
            rest = rest[word_end + 1..].trim_start_matches(is_space);
        } else {
            break;
        }
    }
    let end = clause_end(rest);
    let title = rest[..end].trim().trim_end_matches(',');
    let relative = [
        "who ", "which ", "whose ", "and ", "but ", "as ", "in ", "on ", "when ",
    ];
    if title.is_empty()
        || title.split_whitespace().count() > 16
        || relative.iter().any(|r| title.starts_with(r))
    {
        return None;
    }
    let (role, affiliation) = split_title(title);
    Some((role.to_owned(), affiliation.map(str::to_owned)))
}

/// End of a title clause: a sentence end, `, said`, `, who`, a quote mark.
fn clause_end(s: &str) -> usize {
    // A title is a few words; past forty, this is no title.
    let mut last = 0;
    for (at, word) in words(s).take(40) {
        last = at + word.len();
        if word.starts_with(['“', '"']) {
            return at;
        }
        let bare = word.trim_end_matches([',', ':', ';']);
        // `..., said` or `..., who`: the title ended at the comma before.
        if at > 0 && matches!(bare, "said" | "says" | "added" | "who" | "which") {
            if let Some(title) = s[..at].trim_end().strip_suffix(',') {
                return title.len();
            }
        }
        if word.ends_with('.') && !is_initial_or_abbreviation(word) {
            return at + word.len() - 1;
        }
        if let Some(mark) = word
            .chars()
            .next_back()
            .filter(|c| matches!(c, '”' | '"' | ':' | ';'))
        {
            return at + word.len() - mark.len_utf8();
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(s: &str) -> (String, Option<String>, Option<String>) {
        let p = read_person(s).unwrap_or_else(|| panic!("no person in {s:?}"));
        (s[p.name].to_owned(), p.role, p.affiliation)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn name_then_title() {
        assert_eq!(
            person("Gary Lambert, CEO of CPV. “With"),
            ("Gary Lambert".into(), some("CEO"), some("CPV"))
        );
        assert_eq!(
            person("Carolyn Arida, Senior Managing Director at Harrison Street."),
            (
                "Carolyn Arida".into(),
                some("Senior Managing Director"),
                some("Harrison Street")
            )
        );
        assert_eq!(
            person("Andy Beck, MD, PhD, co-founder and CEO of PathAI. “Through"),
            (
                "Andy Beck".into(),
                some("co-founder and CEO"),
                some("PathAI")
            )
        );
        assert_eq!(
            person("Katherine M. Butler, MPH, Director of DTSC."),
            ("Katherine M. Butler".into(), some("Director"), some("DTSC"))
        );
        assert_eq!(person("Jane Doe."), ("Jane Doe".into(), None, None));
    }

    #[test]
    fn title_then_name() {
        assert_eq!(
            person("District Attorney Summer Stephan."),
            ("Summer Stephan".into(), some("District Attorney"), None)
        );
        assert_eq!(
            person("San Joaquin County District Attorney Ron Freitas."),
            (
                "Ron Freitas".into(),
                some("District Attorney"),
                some("San Joaquin County")
            )
        );
        assert_eq!(
            person("Cook County State’s Attorney Eileen O’Neill Burke."),
            (
                "Eileen O’Neill Burke".into(),
                some("State’s Attorney"),
                some("Cook County")
            )
        );
        assert_eq!(
            person("San Diego City Attorney Mara W. Elliott."),
            (
                "Mara W. Elliott".into(),
                some("City Attorney"),
                some("San Diego")
            )
        );
        assert_eq!(
            person("Sheriff William Gore. “In"),
            ("William Gore".into(), some("Sheriff"), None)
        );
        assert_eq!(
            person("Attorney General Bonta."),
            ("Bonta".into(), some("Attorney General"), None)
        );
        assert_eq!(
            person("Escondido Police Chief Craig Carter, who is the president of the association."),
            (
                "Craig Carter".into(),
                some("Police Chief"),
                some("Escondido")
            )
        );
        assert_eq!(
            person("UN Secretary-General António Guterres’ remarks"),
            (
                "António Guterres".into(),
                some("Secretary-General"),
                some("United Nations")
            )
        );
    }

    #[test]
    fn not_people() {
        for s in [
            "the company.",
            "Acme Corp.",
            "The Department of Justice",
            "CEO.",
            "",
        ] {
            assert_eq!(read_person(s), None, "{s}");
        }
    }
}
