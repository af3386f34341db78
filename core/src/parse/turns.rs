//! Speakers' turns in UN meeting coverage. An opener (`un_openers`) starts
//! a turn that runs over the following paragraphs until the next opener,
//! a heading, or a sentence about the meeting.
//!
//! Where the turns are: an old-style release has a summary, then its turns
//! after a heading (`Briefings`, `Statements`) or the first name in
//! capitals. Openers in such a summary describe speakers whose turns come
//! later (`India’s delegate said …`): they are mentions, not turns. An
//! opener in the summary whose speaker has no turn later does open a turn,
//! and a release with no such headings or names (current style: briefers
//! inside sentences, delegations by possessive) is all turns after its
//! first opener; there the summary ends at that opener, and the briefers'
//! turns are `briefings`, the others' `statements`.
//!
//! Who speaks: a name (its identity is the name, folded); a title of
//! address with a surname (`Ms. SATO`), resolved to someone introduced
//! (`panels::Roster`) or a speaker so far; or an unnamed delegation, which
//! is the delegation's named speaker if there is one, else one speaker per
//! delegation (`Malta’s delegate` and `the representative of Malta` are one).

use std::collections::{HashMap, HashSet};

use crate::lexicon::phrases::FxBuild;

use super::draft::{Para, Section, SpeakerDraft, SpeakerList};
use super::opener_clauses::sentence_starts;
use super::panels::Roster;
use super::procedural::{ends_a_turn, is_procedural};
use super::release_speakers::FoundQuote;
use super::un_openers::{self, Form, Opener};
use super::words::{fold, strip_article, words};
use crate::document::ParagraphRole;
use crate::lexicon::countries;

/// The identity of a delegation: its canonical country name, or its name
/// folded.
pub fn delegation_key(delegation: &str) -> String {
    match countries::canonical_printed(delegation) {
        Some(country) => country.to_owned(),
        None => fold(strip_article(delegation)),
    }
}

/// The key of the speaker an unnamed delegation is, when it has no named
/// speaker: `delegation of …` (which other passes tell apart from names).
fn unnamed_key(delegation: &str) -> String {
    format!("delegation of {delegation}")
}

/// An opener with the keys it is compared by, worked out once.
struct Read<'a> {
    opener: Opener<'a>,
    /// The name folded.
    folded: String,
    /// The delegation's key, when the opener gives one.
    delegation: Option<String>,
}

impl<'a> Read<'a> {
    fn new(opener: Opener<'a>) -> Read<'a> {
        Read {
            folded: fold(opener.name),
            delegation: opener.affiliation.as_deref().map(delegation_key),
            opener,
        }
    }
}

/// A speaker an opener denotes, before it is added.
struct Who {
    draft: SpeakerDraft,
    /// Keys that denote the same speaker: the name folded, the delegation.
    delegation: Option<String>,
}

pub fn find(
    paras: &mut [Para],
    speakers: &mut SpeakerList,
    body_start: usize,
    turns_start: usize,
    quotes: &[FoundQuote],
) {
    let in_turns_zone = turns_start < paras.len();
    // Each paragraph's opener, read once.
    let mut firsts: Vec<Option<Read>> = paras
        .iter()
        .enumerate()
        .map(|(index, para)| {
            let spoken = para.role == ParagraphRole::Text && para.section.is_spoken();
            (index >= body_start && spoken)
                .then(|| un_openers::parse(para.text))
                .flatten()
                .map(Read::new)
        })
        .collect();
    // The people introduced once, for titles of address to resolve to: read
    // only where a title of address opens a turn.
    let roster = if firsts
        .iter()
        .flatten()
        .any(|r| r.opener.form == Form::TitleOfAddress)
    {
        let mut roster = Roster::read(paras);
        roster.add_quoted(paras, quotes);
        // People a summary introduces by name and title, who then speak
        // as `Ms. SURNAME` (the summary's own opener being a mention).
        for read in firsts[..turns_start.min(firsts.len())].iter().flatten() {
            let opener = &read.opener;
            if matches!(opener.form, Form::Capitals | Form::OrdinaryCase) && opener.role.is_some() {
                roster.add(opener.name, opener.role.clone(), opener.affiliation.clone());
            }
        }
        roster
    } else {
        Roster::default()
    };
    let roster = &roster;
    let later = Identities::of_turns(&firsts[turns_start.max(body_start)..], roster);
    let mut by_delegation: HashMap<String, usize, FxBuild> = HashMap::default();
    let mut surnames = BySurname::default();
    let mut current: Option<usize> = None;
    // Whether the current turn was opened by a name in capitals: such a
    // turn's later sentences report its speaker's words, not new turns.
    let mut current_in_capitals = false;
    let mut narrative: Option<Section> = None;
    // Reused for each paragraph: most open no turn.
    let mut openers: Vec<Read> = Vec::new();
    let mut opened: Vec<(usize, bool, usize)> = Vec::new(); // (speaker, in capitals, from)
    let mut changes: Vec<(usize, Option<usize>)> = Vec::new();
    // The paragraph's sentence starts, read once if a turn opens mid-way.
    let mut starts: Vec<usize> = Vec::new();

    for (index, para) in paras.iter_mut().enumerate().skip(body_start) {
        match para.role {
            ParagraphRole::Heading => {
                current = None;
                narrative = None;
                continue;
            }
            ParagraphRole::Text => {}
            _ => continue,
        }
        if !para.section.is_spoken() {
            current = None;
            continue;
        }
        let text = para.text;
        // Whose turn runs into this paragraph, for the words before an
        // opener later in it.
        let carried = current;
        let first = firsts[index].take();
        let first_at_start = first.is_some();
        let starts_in_capitals = first
            .as_ref()
            .is_some_and(|r| r.opener.form == Form::Capitals);
        openers.clear();
        openers.extend(first);
        // Later sentences open turns outside turns opened by names in
        // capitals, and outside a summary that only describes later turns.
        let describes_later = in_turns_zone && index < turns_start && narrative.is_none();
        if !(starts_in_capitals || current_in_capitals && openers.is_empty() || describes_later) {
            let later_sentences = un_openers::in_later_sentences(text);
            openers.extend(later_sentences.into_iter().map(Read::new));
        }
        if openers.is_empty() && is_procedural(text) {
            current = None;
            continue;
        }
        let in_summary = para.section == Section::Summary;
        opened.clear();
        starts.clear();
        for (number, read) in openers.iter().enumerate() {
            let opener = &read.opener;
            let who = identify(read, speakers, roster, &by_delegation, &mut surnames);
            if in_summary && in_turns_zone && index < turns_start && later.holds(&who) {
                continue;
            }
            // Where the turn begins: the paragraph's start for its first
            // opener, else the start of the sentence that opens it.
            let boundary = if number == 0 && first_at_start {
                0
            } else {
                if starts.is_empty() {
                    starts.extend(sentence_starts(text));
                }
                let after = starts.partition_point(|&at| at <= opener.at);
                after.checked_sub(1).map_or(0, |i| starts[i])
            };
            // One who briefs: so introduced, or known by a title and no delegation.
            let briefer = opener.briefer
                || (opener.form == Form::TitleOfAddress
                    && who.draft.role.is_some()
                    && opener.affiliation.is_none());
            if in_summary {
                // The summary has ended: briefers' turns first, then the others'.
                narrative = Some(match narrative {
                    Some(Section::Briefings) if briefer => Section::Briefings,
                    Some(_) => Section::Statements,
                    None => narrative_section(briefer),
                });
            }
            let section = match (&narrative, in_summary) {
                (Some(section), true) => section.clone(),
                _ => para.section.clone(),
            };
            let mut draft = who.draft;
            draft.section = section.name().to_owned();
            let speaker = speakers.upsert(draft);
            if let Some(delegation) = who.delegation {
                if opener.named() {
                    by_delegation.insert(delegation, speaker);
                }
            }
            opened.push((speaker, opener.form == Form::Capitals, boundary));
        }
        if in_summary {
            if let Some(section) = &narrative {
                para.section = section.clone();
            }
        }
        if let Some(&(_, capitals, _)) = opened.last() {
            current_in_capitals = capitals;
            para.speaker = Some(opened[0].0);
            for &(speaker, _, _) in &opened {
                let list = &mut speakers.list[speaker].paragraphs;
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
            // Before a turn opened mid-paragraph: the turn running on, or
            // nobody's after a sentence about the meeting.
            let before = match opened[0].2 {
                0 => Some(opened[0].0),
                _ if is_procedural(text) => None,
                _ => carried,
            };
            changes.clear();
            changes.extend(opened.iter().map(|&(s, _, at)| (at, Some(s))));
            current = split(para, before, &mut changes);
            continue;
        }
        if !openers.is_empty() {
            // Its opener names a speaker whose turn comes later: a mention.
            current = None;
            continue;
        }
        if let Some(speaker) = current {
            para.speaker = Some(speaker);
            speakers.list[speaker].paragraphs.push(index);
            changes.clear();
            current = split(para, Some(speaker), &mut changes);
        }
    }
}

/// Sets the paragraph's segments from where it starts (`before`), the
/// turns opened in it (`changes`: offset, speaker) and the sentences about
/// the meeting or the vote in it, which end the turn before them. Returns
/// whose turn runs on after the paragraph: None after such a sentence.
fn split(
    para: &mut Para,
    before: Option<usize>,
    changes: &mut Vec<(usize, Option<usize>)>,
) -> Option<usize> {
    let text = para.text;
    // Sentences about the vote start with one of few words: look no further
    // in the many paragraphs that hold none.
    if may_hold_meeting_sentence(text) {
        changes.extend(
            sentence_starts(text)
                .filter(|&at| ends_a_turn(&text[at..]))
                .map(|at| (at, None)),
        );
    }
    changes.retain(|&(at, _)| at > 0);
    crate::sort::sort_by_key(changes, |&(at, _)| at);
    let last = changes.last().map_or(before, |&(_, s)| s);
    if changes.iter().all(|&(_, s)| s == para.speaker) && before == para.speaker {
        para.segments.clear();
        return last;
    }
    para.segments.clear();
    para.segments.push((0, before));
    para.segments.extend(changes.iter().copied());
    last
}

/// Whether a sentence after the first starts `The `, `Also ` or `By `
/// (after `. ` or `.” `): one pass over the full stops, since most
/// paragraphs of a turn hold no such sentence.
fn may_hold_meeting_sentence(text: &str) -> bool {
    memchr::memchr_iter(b'.', text.as_bytes()).any(|at| {
        let rest = &text[at + 1..];
        let rest = rest.strip_prefix('”').unwrap_or(rest);
        rest.strip_prefix(' ').is_some_and(|r| {
            r.starts_with("The ") || r.starts_with("Also ") || r.starts_with("By ")
        })
    })
}

fn narrative_section(briefer: bool) -> Section {
    if briefer {
        Section::Briefings
    } else {
        Section::Statements
    }
}

/// The speaker an opener denotes.
fn identify(
    read: &Read,
    speakers: &SpeakerList,
    roster: &Roster,
    by_delegation: &HashMap<String, usize, FxBuild>,
    surnames: &mut BySurname,
) -> Who {
    let opener = &read.opener;
    let delegation = read.delegation.clone();
    let mut draft = SpeakerDraft {
        name: opener.name.to_owned(),
        key: read.folded.clone(),
        affiliation: opener.affiliation.clone(),
        role: opener.role.clone(),
        on_behalf_of: opener.on_behalf_of.clone(),
        national_capacity: opener.national_capacity,
        ..SpeakerDraft::default()
    };
    match opener.form {
        Form::Capitals | Form::OrdinaryCase
            if draft.role.is_none() || draft.affiliation.is_none() =>
        {
            if let Some(person) = roster.by_name(opener.name) {
                draft.role = draft.role.or_else(|| person.role.clone());
                draft.affiliation = draft.affiliation.or_else(|| person.affiliation.clone());
            }
        }
        Form::Capitals | Form::OrdinaryCase => {}
        Form::TitleOfAddress => {
            let surname = opener.surname.unwrap_or(opener.name);
            if let Some(person) = roster.by_surname(surname) {
                draft.name = person.name.clone();
                draft.key = fold(&person.name);
                draft.role = draft.role.or_else(|| person.role.clone());
                draft.affiliation = draft.affiliation.or_else(|| person.affiliation.clone());
            } else if let Some(known) = surnames.find(speakers, surname) {
                draft.key = speakers.list[known].key.clone();
                draft.name = speakers.list[known].name.clone();
            }
        }
        Form::Delegation => {
            let named = delegation.as_ref().and_then(|d| by_delegation.get(d));
            match named {
                Some(&named) => {
                    draft.key = speakers.list[named].key.clone();
                    draft.name = speakers.list[named].name.clone();
                }
                None => draft.key = unnamed_key(delegation.as_deref().unwrap_or(&read.folded)),
            }
        }
    }
    Who { draft, delegation }
}

/// Named speakers so far by the last word of their folded name, so that a
/// title of address finds its speaker without reading every name. Built
/// on first use: most releases have no title of address.
#[derive(Default)]
struct BySurname {
    index: HashMap<String, Vec<usize>, FxBuild>,
    /// How many speakers of the list are indexed.
    indexed: usize,
}

impl BySurname {
    /// The one named speaker so far whose name ends with `surname`.
    fn find(&mut self, speakers: &SpeakerList, surname: &str) -> Option<usize> {
        for (speaker, draft) in speakers.list.iter().enumerate().skip(self.indexed) {
            if draft.key.starts_with("delegation of ") {
                continue;
            }
            if let Some((_, last)) = words(&draft.key).last() {
                self.index.entry(last.to_owned()).or_default().push(speaker);
            }
        }
        self.indexed = speakers.list.len();
        let surname = fold(surname);
        let last = words(&surname).last()?.1;
        let suffix = format!(" {surname}");
        let mut matching = self.index.get(last)?.iter().copied().filter(|&s| {
            let key = &speakers.list[s].key;
            *key == surname || key.ends_with(&suffix)
        });
        let first = matching.next()?;
        matching.next().is_none().then_some(first)
    }
}

/// Who has a turn in the turns zone: names, surnames and delegations.
#[derive(Default)]
struct Identities {
    names: HashSet<String, FxBuild>,
    surnames: HashSet<String, FxBuild>,
    delegations: HashSet<String, FxBuild>,
}

impl Identities {
    fn of_turns(openers: &[Option<Read>], roster: &Roster) -> Identities {
        let mut found = Identities::default();
        for read in openers.iter().flatten() {
            let opener = &read.opener;
            if opener.named() {
                let folded = match (opener.form, opener.surname) {
                    (Form::TitleOfAddress, Some(surname)) => fold(
                        roster
                            .by_surname(surname)
                            .map_or(surname, |p| p.name.as_str()),
                    ),
                    _ => read.folded.clone(),
                };
                if let Some((_, last)) = words(&folded).last() {
                    found.surnames.insert(last.to_owned());
                }
                found.names.insert(folded);
            }
            if let Some(delegation) = &read.delegation {
                found.delegations.insert(delegation.clone());
            }
        }
        found
    }

    /// Whether the speaker has a turn in the turns zone.
    fn holds(&self, who: &Who) -> bool {
        let key = &who.draft.key;
        self.names.contains(key)
            || who
                .delegation
                .as_ref()
                .is_some_and(|d| self.delegations.contains(d))
            || words(key).last().is_some_and(|(_, last)| {
                self.surnames.contains(last) && !key.contains("delegation")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn speakers(text: &str) -> Vec<(String, Option<String>, String)> {
        parse(text)
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.affiliation.clone(), s.section.clone()))
            .collect()
    }

    fn row(name: &str, affiliation: &str, section: &str) -> (String, Option<String>, String) {
        (name.into(), Some(affiliation.into()), section.into())
    }

    #[test]
    fn delegations_are_keyed_by_their_country() {
        assert_eq!(
            delegation_key("the United States"),
            delegation_key("United States of America")
        );
        assert_eq!(delegation_key("Russia"), "Russian Federation");
        assert_eq!(
            delegation_key("the Sovereign Order of Malta"),
            "sovereign order of malta"
        );
    }

    /// In a summary before the turns, an opener at a paragraph's start
    /// whose speaker has no turn later opens a turn; one in a later
    /// sentence only describes (Chile's delegate here).
    #[test]
    fn summary_openers_are_turns_only_without_a_later_turn() {
        let text = "5001st Meeting (AM)\nSC/99501\n\nCouncil Debates Water\n\n\
Peru’s delegate said rivers cross borders.  Chile’s delegate agreed.\n\n\
The observer for the Holy See said water is a gift.\n\n\
Statements\n\n\
ANA LUNA (Peru) said her country shares three rivers.\n\n\
For information media. Not an official record.";
        assert_eq!(
            speakers(text),
            [
                row("The observer for the Holy See", "Holy See", "statements"),
                row("ANA LUNA", "Peru", "statements"),
            ]
        );
        let doc = parse(text);
        let luna = doc.speakers.iter().find(|s| s.name == "ANA LUNA").unwrap();
        assert_eq!(luna.mentions.len(), 1);
    }

    #[test]
    fn an_unnamed_delegation_is_its_named_speaker() {
        let text = "5002nd Meeting (AM)\nSC/99502\n\nCouncil Debates Water\n\nStatements\n\n\
ANA LUNA (Peru) said her country shares three rivers.\n\n\
TOMAS REYES (Chile) said the same.\n\n\
Peru’s delegate, taking the floor again, said that data must be shared.\n\n\
The representative of Bolivia said so too.  Bolivia’s delegate added that glaciers were melting.\n\n\
For information media. Not an official record.";
        let doc = parse(text);
        assert_eq!(
            speakers(text),
            [
                row("ANA LUNA", "Peru", "statements"),
                row("TOMAS REYES", "Chile", "statements"),
                row("The representative of Bolivia", "Bolivia", "statements"),
            ]
        );
        assert_eq!(doc.speakers[0].paragraphs.len(), 2);
    }

    #[test]
    fn a_title_of_address_resolves_to_whom_the_summary_introduced() {
        let text = "5004th Meeting (AM)\nSC/99504\n\nCouncil Hears of Drought\n\n\
Rosa Ortega, Special Representative for the Sahel, said that crops had failed.\n\n\
Briefing\n\n\
Ms. ORTEGA said that 3 million people needed food.\n\n\
Statements\n\n\
TOMAS REYES (Chile) said his country would help.\n\n\
For information media. Not an official record.";
        let doc = parse(text);
        assert_eq!(doc.speakers[0].name, "Rosa Ortega");
        assert_eq!(
            doc.speakers[0].role.as_deref(),
            Some("Special Representative for the Sahel")
        );
        assert_eq!(doc.speakers[0].section, "briefings");
        assert_eq!(doc.speakers.len(), 2);
    }

    /// A sentence about the vote ends the turn it follows, inside its
    /// paragraph and for the paragraphs after; a delegation's opener in a
    /// later sentence opens a turn there, and each fact is the turn's
    /// where it stands.
    #[test]
    fn a_turn_ends_mid_paragraph_at_the_vote_or_a_new_speaker() {
        let text = "5005th Meeting (AM)\nSC/99505\n\nCouncil Renews Mission\n\nStatements\n\n\
ANA LUNA (Peru) said 3 bridges were down.  The Council then adopted resolution 9999 (2026) by 15 votes in favour.\n\n\
It renewed the mission for 12 months.\n\n\
Chile’s delegate said 2 ports were open.  The representative of Bolivia said 7 roads were shut.\n\n\
For information media. Not an official record.";
        let doc = parse(text);
        let who = |start: &str| {
            let fact = doc.facts.iter().find(|f| f.text.starts_with(start));
            let fact = fact.unwrap_or_else(|| panic!("no fact {start:?}"));
            fact.speaker.map(|s| doc.speakers[s].name.as_str())
        };
        assert_eq!(who("3"), Some("ANA LUNA"));
        assert_eq!(who("resolution 9999"), None);
        assert_eq!(who("12 months"), None);
        assert_eq!(who("2"), Some("Chile’s delegate"));
        assert_eq!(who("7"), Some("The representative of Bolivia"));
        let texts: Vec<usize> = (0..doc.paragraphs.len())
            .filter(|&i| doc.paragraph_text(i).starts_with("It renewed"))
            .collect();
        assert_eq!(doc.paragraphs[texts[0]].speaker, None);
    }

    #[test]
    fn current_style_turns_begin_the_statements_after_the_briefers() {
        let text = "5003rd Meeting (AM)\nSC/99503\n\nCouncil Hears of Drought\n\n\
The Council heard today of a drought in the Sahel.\n\n\
Briefing the Council, Lena Okafor, Head of the Regional Office, said crops had failed.\n\n\
She added that 3 million people needed food.\n\n\
Chad’s delegate said his Government had opened grain stores.\n\n\
For information media. Not an official record.";
        assert_eq!(
            speakers(text),
            [
                row("Lena Okafor", "Regional Office", "briefings"),
                row("Chad’s delegate", "Chad", "statements"),
            ]
        );
        let sections: Vec<String> = parse(text)
            .paragraphs
            .iter()
            .filter(|p| p.role == crate::document::ParagraphRole::Text)
            .map(|p| p.section.clone())
            .collect();
        assert_eq!(
            sections[..4],
            ["summary", "briefings", "briefings", "statements"]
        );
    }
}
