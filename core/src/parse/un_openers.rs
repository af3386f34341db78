//! What opens a speaker's turn in UN meeting coverage, wherever it opens
//! one: at a paragraph's start or a later sentence's, after up to two
//! introductory clauses (`Briefing the Council, …`, `Speaking before the
//! vote, …`, `In the ensuing debate, …`, `Introducing the draft “…”
//! (document A/C.3/79/L.12), …`, `Speaking for the Group of African
//! States, …`), or inverted (`Also briefing the Council was NAME, Title,
//! who said`). The clauses are read by `opener_clauses`, the forms by
//! `opener_names` (names in capitals, in ordinary case, after a title of
//! address) and `opener_delegations` (unnamed delegations), what follows a
//! name by `opener_tail`.

use super::opener_clauses::{cannot_open, is_participle, leading_clause, sentence_starts, Lead};
use super::opener_delegations::{unnamed, Unnamed};
use super::opener_names::{
    capitals, honorific, is_capital_name_word, ordinary_case, ordinary_case_titled, Named,
};
use super::titles::split_title;
use super::words::strip_article;
use crate::lexicon::countries;
use crate::text::scan::is_space;

/// How the opener names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `LIU YANG (China)`, `ANA SOUZA, Secretary-General …`.
    Capitals,
    /// `Inés Valbuena Ortiz, Special Representative …, said`.
    OrdinaryCase,
    /// `Ms. SATO said`: a surname to resolve to someone introduced.
    TitleOfAddress,
    /// `The representative of X`, `X’s delegate`, `Ethiopia, speaking …`.
    Delegation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opener<'a> {
    /// As printed: `LIU YANG`, `Ms. SATO`, `The representative of Kenya`.
    pub name: &'a str,
    /// Byte offset of `name` in the text read.
    pub at: usize,
    pub form: Form,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub on_behalf_of: Option<String>,
    pub national_capacity: bool,
    /// The surname a title of address gives (`SATO` of `Ms. SATO`).
    pub surname: Option<&'a str>,
    /// Introduced as one who briefs (`Briefing the Council, …`, `Also
    /// briefing, …`), or named with a title and no delegation.
    pub briefer: bool,
    /// An introductory clause came before the name.
    pub after_clause: bool,
    /// A reporting verb follows (`said`, `who said`, `stressed`).
    pub verb: bool,
    /// The form opens a turn at a paragraph's start whatever follows: a
    /// name in capitals, `The representative of X`.
    loose: bool,
}

impl Opener<'_> {
    /// Named: anything but an unnamed delegation.
    pub fn named(&self) -> bool {
        self.form != Form::Delegation
    }
}

/// Whether the paragraph opens with a name in capitals as its first
/// words: what marks where an old-style release's turns begin. Cheaper
/// than [`parse`], which reads every form.
pub fn starts_strong(paragraph: &str) -> bool {
    let first = paragraph.split(is_space).next().unwrap_or_default();
    is_capital_name_word(first.trim_end_matches(','))
        && honorific(paragraph).is_none()
        && capitals(paragraph).is_some_and(|named| named.at == 0)
}

/// The opener at the start of a paragraph, after any introductory
/// clauses. A name in capitals or `The representative of X` at the very
/// start opens a turn whatever verb follows; every other form needs a
/// reporting verb.
pub fn parse(paragraph: &str) -> Option<Opener<'_>> {
    read_at(paragraph, 0, false)
}

/// Openers at the starts of the paragraph's later sentences: each with a
/// reporting verb (`… in the region.  Malta’s delegate said …`).
pub fn in_later_sentences(paragraph: &str) -> Vec<Opener<'_>> {
    sentence_starts(paragraph)
        .filter_map(|at| read_at(paragraph, at, true))
        .collect()
}

fn read_at(text: &str, start: usize, strict: bool) -> Option<Opener<'_>> {
    if cannot_open(&text[start..]) {
        return None;
    }
    let mut lead = Lead::default();
    let mut at = start;
    loop {
        let rest = &text[at..];
        if let Some(opener) = form_at(rest, &lead) {
            let paragraph_start = !strict && lead.clauses == 0 && at == 0;
            let accepted = opener.verb || (paragraph_start && opener.loose);
            return accepted.then(|| opener.shifted(at));
        }
        if let Some(opener) = inverted(rest, &lead) {
            return Some(opener.shifted(at));
        }
        if lead.clauses == 2 {
            return None;
        }
        let (len, next) = leading_clause(rest, lead)?;
        lead = next;
        at += len;
    }
}

impl<'a> Opener<'a> {
    fn shifted(mut self, by: usize) -> Opener<'a> {
        self.at += by;
        self
    }
}

/// The opener whose name starts `s`, in the first form that reads.
fn form_at<'a>(s: &'a str, lead: &Lead) -> Option<Opener<'a>> {
    if let Some((named, surname)) = honorific(s) {
        let mut opener = from_named(named, Form::TitleOfAddress, lead);
        opener.surname = Some(surname);
        return Some(opener);
    }
    if let Some(named) = capitals(s) {
        return Some(from_named(named, Form::Capitals, lead));
    }
    if lead.title.is_some() {
        // A title in apposition names a person, not a delegation.
        return ordinary_case_titled(s, true)
            .map(|named| from_named(named, Form::OrdinaryCase, lead));
    }
    if let Some(found) = unnamed(s).filter(|u| !(u.direct && lead.clauses > 0)) {
        return Some(from_unnamed(found, lead));
    }
    ordinary_case(s).map(|named| from_named(named, Form::OrdinaryCase, lead))
}

fn from_named<'a>(named: Named<'a>, form: Form, lead: &Lead) -> Opener<'a> {
    let (mut role, mut affiliation) = named.role_and_affiliation();
    if let (None, Some(title)) = (&role, lead.title) {
        match named.delegation {
            Some(_) => role = Some(title.to_owned()),
            None => {
                let (title_role, title_affiliation) = split_title(title);
                role = Some(title_role.to_owned());
                affiliation = affiliation.or_else(|| title_affiliation.map(str::to_owned));
            }
        }
    }
    // A title without a delegation briefs, unless it is a State's (`Minister
    // for Foreign Affairs of Peru`).
    let of_a_state = || {
        affiliation
            .as_deref()
            .is_some_and(|a| countries::canonical_printed(a).is_some())
    };
    let briefer = lead.briefing || (named.delegation.is_none() && role.is_some() && !of_a_state());
    Opener {
        name: named.name,
        at: named.at,
        form,
        affiliation,
        role,
        on_behalf_of: named
            .clauses
            .on_behalf_of
            .or(lead.on_behalf_of)
            .map(str::to_owned),
        national_capacity: named.clauses.national_capacity || lead.national_capacity,
        surname: None,
        briefer,
        after_clause: lead.clauses > 0,
        verb: named.clauses.verb,
        loose: form == Form::Capitals,
    }
}

fn from_unnamed<'a>(found: Unnamed<'a>, lead: &Lead) -> Opener<'a> {
    let role = (!found.clauses.roles.is_empty()).then(|| found.clauses.roles.join(", "));
    Opener {
        name: found.name,
        at: 0,
        form: Form::Delegation,
        affiliation: Some(strip_article(found.delegation).to_owned()),
        role,
        on_behalf_of: found
            .clauses
            .on_behalf_of
            .or(lead.on_behalf_of)
            .map(str::to_owned),
        national_capacity: found.clauses.national_capacity || lead.national_capacity,
        surname: None,
        briefer: lead.briefing,
        after_clause: lead.clauses > 0,
        verb: found.clauses.verb,
        loose: found.by_lead,
    }
}

/// `Also briefing the Council was NAME, Title, who said …`, `Also
/// addressing the Commission was NAME, …`.
fn inverted<'a>(s: &'a str, lead: &Lead) -> Option<Opener<'a>> {
    let first = s.split(is_space).next()?;
    if !(first == "Also" || is_participle(first)) {
        return None;
    }
    let mut head_end = s.len().min(120);
    while !s.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head_end = s[..head_end].find(',').unwrap_or(head_end);
    let was = s[..head_end].find(" was ")?;
    let rest = &s[was + 5..];
    let named = capitals(rest).or_else(|| ordinary_case(rest))?;
    let form = if capitals(rest).is_some() {
        Form::Capitals
    } else {
        Form::OrdinaryCase
    };
    let briefing = s[..was].contains("brief");
    let lead = Lead {
        briefing: briefing || lead.briefing,
        clauses: lead.clauses + 1,
        ..*lead
    };
    let opener = from_named(named, form, &lead);
    opener.verb.then(|| opener.shifted(was + 5))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opener(text: &str) -> Opener<'_> {
        parse(text).unwrap_or_else(|| panic!("no opener in {text:?}"))
    }

    fn row(o: &Opener) -> (String, Option<String>, Option<String>) {
        (o.name.to_owned(), o.affiliation.clone(), o.role.clone())
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn names_in_capitals_with_delegations() {
        let o = opener("LIU YANG (China) said the mission must stay.");
        assert_eq!(row(&o), ("LIU YANG".into(), some("China"), None));
        assert!(starts_strong(
            "LIU YANG (China) said the mission must stay."
        ));
        assert_eq!(
            opener("MARÍA DE LOS ÁNGELES DEL RÍO (Spain), expressing support, said").name,
            "MARÍA DE LOS ÁNGELES DEL RÍO"
        );
        assert_eq!(
            opener("K. V. RAMANATHAN (India) said").name,
            "K. V. RAMANATHAN"
        );
        assert_eq!(
            opener("PAUL DE GROOT-VAN DAM (Netherlands) said").name,
            "PAUL DE GROOT-VAN DAM"
        );
        assert_eq!(
            opener("SIOBHAN McALLISTER (Ireland) said").name,
            "SIOBHAN McALLISTER"
        );
        assert_eq!(
            opener("OMAR AL-HASHIMI (Kuwait) said").name,
            "OMAR AL-HASHIMI"
        );
        assert_eq!(
            opener("GRÉGOIRE N’DIAYE (Senegal) said")
                .affiliation
                .as_deref(),
            Some("Senegal")
        );
    }

    #[test]
    fn presidents_groups_and_national_capacity() {
        let o = opener("INGRID SOLBERG (Norway), Council President for May, speaking in her national capacity, said");
        assert_eq!(
            row(&o),
            (
                "INGRID SOLBERG".into(),
                some("Norway"),
                some("Council President for May")
            )
        );
        assert!(o.national_capacity);
        let o = opener(
            "Council President KOJO BOATENG (Ghana), speaking in his national capacity, said",
        );
        assert_eq!(
            row(&o),
            (
                "KOJO BOATENG".into(),
                some("Ghana"),
                some("Council President")
            )
        );
        let o = opener("RAÚL PEÑA (Cuba), speaking on behalf of the Group of 77 and China, said");
        assert_eq!(o.on_behalf_of.as_deref(), Some("Group of 77 and China"));
        let o = opener("ANNA LIND (Sweden), speaking for the Nordic countries, said");
        assert_eq!(o.on_behalf_of.as_deref(), Some("Nordic countries"));
        let o = opener("ELENI PAPPAS (Cyprus), also speaking for Malta and Greece, said");
        assert_eq!(o.on_behalf_of.as_deref(), Some("Malta and Greece"));
    }

    #[test]
    fn titles_after_names() {
        let o = opener("JEAN-PIERRE LACROIX, Under-Secretary-General for Peace Operations, said");
        assert_eq!(
            row(&o),
            (
                "JEAN-PIERRE LACROIX".into(),
                some("United Nations"),
                some("Under-Secretary-General for Peace Operations")
            )
        );
        assert!(o.briefer);
        let o = opener("NOOR HALABI, Executive Secretary of the Arab Water Council (AWC), said");
        assert_eq!(
            row(&o),
            (
                "NOOR HALABI".into(),
                some("Arab Water Council"),
                some("Executive Secretary")
            )
        );
        let o = opener("ERIK VOSS, of the European Union, said");
        assert_eq!(row(&o), ("ERIK VOSS".into(), some("European Union"), None));
        let o = opener("ADA OBI, Expert from Nigeria, asked");
        assert_eq!(row(&o), ("ADA OBI".into(), some("Nigeria"), some("Expert")));
    }

    #[test]
    fn names_after_introductory_clauses() {
        let o = opener("Briefing the Council, Lena Okafor, Special Representative of the Secretary-General for the Sahel, said that");
        assert_eq!(
            row(&o),
            (
                "Lena Okafor".into(),
                some("United Nations"),
                some("Special Representative of the Secretary-General for the Sahel")
            )
        );
        assert!(o.briefer && o.after_clause);
        let o = opener("Also briefing, civil society representative Joana Prates, founder of Vozes, a network of teachers, said");
        assert_eq!(
            row(&o),
            ("Joana Prates".into(), some("Vozes"), some("founder"))
        );
        let o = opener(
            "Speaking via videoconference, Piotr Nowak, Coordinator of the Panel of Experts, said",
        );
        assert!(o.briefer);
        let o =
            opener("Speaking in explanation of vote before the vote, ELLA BRANDT (Germany) said");
        assert_eq!(row(&o), ("ELLA BRANDT".into(), some("Germany"), None));
        assert!(!starts_strong(
            "Speaking in explanation of vote before the vote, ELLA BRANDT (Germany) said"
        ));
        assert!(!starts_strong(
            "Council President KOJO BOATENG (Ghana) said"
        ));
        let o = opener("Introducing the draft resolution “Rights of older persons” (document A/C.3/80/L.9), the representative of Chile said");
        assert_eq!(o.affiliation.as_deref(), Some("Chile"));
        let o = opener("In the ensuing debate, speaking for the Group of Arab States, the representative of Oman said");
        assert_eq!(o.on_behalf_of.as_deref(), Some("Group of Arab States"));
        let o = opener("Speaking in her national capacity, the representative of Malta, Council President for April, said");
        assert_eq!(
            row(&o),
            (
                "the representative of Malta".into(),
                some("Malta"),
                some("Council President for April")
            )
        );
        assert!(o.national_capacity);
        let o = opener("Responding, Ms. OKAFOR added that");
        assert_eq!((o.name, o.surname), ("Ms. OKAFOR", Some("OKAFOR")));
    }

    #[test]
    fn titles_in_apposition() {
        let o = opener("The President of the General Assembly, DORJ ENKHBAYAR (Mongolia), said");
        assert_eq!(
            row(&o),
            (
                "DORJ ENKHBAYAR".into(),
                some("Mongolia"),
                some("President of the General Assembly")
            )
        );
        let o = opener("The moderator, Rosa Ruiz, Director of the Water Office, asked");
        assert_eq!(
            row(&o),
            ("Rosa Ruiz".into(), some("Water Office"), some("Director"))
        );
        let o = opener("The Special Rapporteur on housing, Omar Haddad, said evictions rose.");
        assert_eq!(
            row(&o),
            (
                "Omar Haddad".into(),
                None,
                some("Special Rapporteur on housing")
            )
        );
        assert!(parse("The Secretary-General, in his report, said").is_none());
        let o = opener(
            "Introducing the draft, the Minister for Foreign Affairs of Peru, ANA LUNA, said",
        );
        assert_eq!(
            row(&o),
            (
                "ANA LUNA".into(),
                some("Peru"),
                some("Minister for Foreign Affairs")
            )
        );
    }

    #[test]
    fn inverted_briefers() {
        let o = opener("Also briefing the Council was Samir Haddad, Head of the Regional Office, who said that");
        assert_eq!(
            row(&o),
            ("Samir Haddad".into(), some("Regional Office"), some("Head"))
        );
        assert!(o.briefer);
    }

    #[test]
    fn unnamed_delegations() {
        let o = opener("Panama’s delegate said her country");
        assert_eq!(row(&o), ("Panama’s delegate".into(), some("Panama"), None));
        let o = opener("The Russian Federation’s delegate, echoing that view, said");
        assert_eq!(o.affiliation.as_deref(), Some("Russian Federation"));
        let o = opener("The representative of the Republic of Korea said his country will host");
        assert_eq!(
            row(&o),
            (
                "The representative of the Republic of Korea".into(),
                some("Republic of Korea"),
                None
            )
        );
        let o = opener(
            "The observer for the State of Palestine, speaking on behalf of the Arab Group, said",
        );
        assert_eq!(o.on_behalf_of.as_deref(), Some("Arab Group"));
        let o = opener("Ethiopia, speaking as a country concerned, said it");
        assert_eq!(row(&o), ("Ethiopia".into(), some("Ethiopia"), None));
        let o = opener("Speaking before the vote, the representative of the United States, penholder on the text, said");
        assert_eq!(o.name, "the representative of the United States");
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
            "UN (United Nations)",
            "A",
            "COUNCIL EXTENDS MISSION FOR SIX MONTHS, URGES RESTRAINT",
            "Malta’s economy grew by 3 per cent.",
            "Speaking were Tunisia on behalf of the African Group, Maldives and Brazil.",
            "In the interactive dialogue, speakers welcomed the report.",
            "Also speaking were representatives of Kenya and Peru.",
            "By a recorded vote of 120 in favour to 8 against (Belarus, Cuba), with 30 abstentions, the Assembly adopted the text.",
            "Lena Okafor, Head of the Office, was appointed in 2023.",
            "In January, Iran said it would enrich more uranium.",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn quotations_numbers_and_pronouns_open_no_turn() {
        for text in [
            "“We will act,” said ANA LIMA (Brazil).",
            "He said the Council must act.",
            "Speakers said that the mission should stay.",
            "2024 was the worst year.",
        ] {
            assert!(parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn later_sentences() {
        let p = "Many cited regional cooperation.  Peru’s delegate said borders were porous.  The representative of Chile agreed.  Mr. Smith’s view differs.";
        let found: Vec<&str> = in_later_sentences(p).iter().map(|o| o.name).collect();
        assert_eq!(found, ["Peru’s delegate", "The representative of Chile"]);
        let p = "He cited the U.S. Government, and T. S. ELIOT said so.";
        assert!(in_later_sentences(p).is_empty());
    }
}
