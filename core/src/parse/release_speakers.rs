//! Speakers of ordinary releases and UN statements: the people quotations
//! are attributed to, and the person whose remarks a statement reproduces
//! (`Following are UN Secretary-General António Guterres’ remarks to ...`).

use super::draft::{Para, SpeakerDraft, SpeakerList};
use super::person_phrase::{read_person, Person};
use super::quotes::Who;
use super::words::{fold, words};
use crate::document::ParagraphRole;
use crate::text::scan::is_capitalized;

/// A quotation found in a paragraph, with who the syntax says spoke it.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    pub para: usize,
    pub quote: super::quotes::Quote,
    pub who: Option<Who>,
    /// Resolved speaker, filled in by `attribution::resolve`.
    pub speaker: Option<usize>,
}

/// Adds a speaker for each person a quotation is attributed to, and returns,
/// per found quote, the speaker its `Named` attribution denotes.
pub fn from_quotes(
    text: &str,
    paras: &[Para],
    quotes: &[FoundQuote],
    speakers: &mut SpeakerList,
) -> Vec<Option<usize>> {
    quotes
        .iter()
        .map(|found| match &found.who {
            Some(Who::Named(person)) => {
                let para = &paras[found.para];
                Some(add_person(text, para, person, speakers))
            }
            _ => None,
        })
        .collect()
}

/// Finds or adds the speaker a person denotes. A surname on its own joins
/// the speaker with that surname, or takes the full name printed elsewhere.
pub fn add_person(text: &str, para: &Para, person: &Person, speakers: &mut SpeakerList) -> usize {
    let printed = &para.text[person.name.clone()];
    if words(printed).count() == 1 {
        let surname = fold(printed);
        if let Some(index) = speakers.first_with_last_word(&surname) {
            return index;
        }
    }
    // The attribution may be short (`Ó Briain said`, `said Attorney General
    // Bonta`) where the text introduced the person in full before.
    let complete = person.role.is_some() && words(printed).count() >= 2;
    let introduced = if complete {
        None
    } else {
        introduction_in(window_before(text, para), printed)
    };
    let (name, role, affiliation) = match introduced {
        Some(full) => (
            full.name,
            person.role.clone().or(full.role),
            person.affiliation.clone().or(full.affiliation),
        ),
        None => (
            printed.to_owned(),
            person.role.clone(),
            person.affiliation.clone(),
        ),
    };
    speakers.upsert(SpeakerDraft {
        key: fold(&name),
        name,
        affiliation,
        role,
        section: para.section.name().to_owned(),
        ..SpeakerDraft::default()
    })
}

/// A fuller introduction of a person printed as `printed`: `California
/// Attorney General Rob Bonta` for `Bonta`, `Calloway Marine President Tomás
/// Ó Briain` for `Ó Briain`. The first occurrence whose capitalised run
/// reads as a longer name, or as the same name with a title, wins.
fn introduction_in(text: &str, printed: &str) -> Option<Introduction> {
    let printed_words = words(printed).count();
    for (at, _) in text.match_indices(printed).take(50) {
        let end = at + printed.len();
        if !super::words::is_whole_word(text, at, printed.len()) {
            continue;
        }
        let start = run_start(text, at);
        let Some(person) = read_person(&text[start..]) else {
            continue;
        };
        let name = &text[start + person.name.start..start + person.name.end];
        let longer = name.ends_with(printed) && words(name).count() > printed_words;
        let titled = name == printed && (person.role.is_some() || person.affiliation.is_some());
        if start + person.name.end == end && (longer || titled) {
            return Some(Introduction {
                name: name.to_owned(),
                role: person.role,
                affiliation: person.affiliation,
            });
        }
    }
    None
}

/// The text a person may have been introduced in: up to the end of the
/// attributing paragraph, at most the 64 KB before it, so that a release
/// with thousands of quoted people is not searched whole for each.
fn window_before<'a>(text: &'a str, para: &Para) -> &'a str {
    let end = para.range.end;
    let mut start = end.saturating_sub(64 * 1024);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

struct Introduction {
    name: String,
    role: Option<String>,
    affiliation: Option<String>,
}

/// Where the run of capitalised words (and name particles) that ends at
/// byte `at` begins, looking back at most eight words within the sentence.
fn run_start(text: &str, at: usize) -> usize {
    let mut start = at;
    for _ in 0..8 {
        let before = text[..start].trim_end_matches([' ', '\u{a0}']);
        if before.len() == start {
            break;
        }
        let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &before[word_start..];
        let particle = matches!(
            word,
            "de" | "da" | "del" | "der" | "van" | "von" | "la" | "le" | "di" | "du" | "bin" | "al"
        );
        if word.is_empty()
            || !(is_capitalized(word) || particle)
            || word.ends_with([',', '.', ':', ';', '”', '"'])
        {
            break;
        }
        start = word_start;
    }
    start
}

/// Nouns after a possessive that introduce a reproduced text.
const REMARKS: &[&str] = &[
    "remarks",
    "message",
    "statement",
    "address",
    "speech",
    "video",
    "opening",
    "closing",
    "keynote",
    "op-ed",
    "article",
    "briefing",
    "lecture",
    "letter",
    "toast",
    "eulogy",
    "press",
];

/// In the first paragraphs of the body, a statement's framing sentence:
/// makes its person the speaker of the rest of the body and returns the
/// framing paragraph's index.
pub fn from_remarks_intro(
    text: &str,
    paras: &mut [Para],
    body_start: usize,
    speakers: &mut SpeakerList,
) -> Option<usize> {
    let intro = (body_start..paras.len().min(body_start + 3))
        .find(|&i| paras[i].is_text() && intro_person(paras[i].text).is_some())?;
    let person = intro_person(paras[intro].text)?;
    let speaker = add_person(text, &paras[intro], &person, speakers);
    for (index, para) in paras.iter_mut().enumerate().skip(intro + 1) {
        if para.role != ParagraphRole::Text || !para.section.is_spoken() {
            continue;
        }
        para.speaker = Some(speaker);
        speakers.list[speaker].paragraphs.push(index);
    }
    Some(intro)
}

/// The person of `Following are UN Secretary-General António Guterres’
/// remarks ...:` or `... was issued today by the Spokesman for UN
/// Secretary-General António Guterres:`.
fn intro_person(paragraph: &str) -> Option<Person> {
    if !paragraph.trim_end().ends_with(':') {
        return None;
    }
    for marker in [
        " by the Spokesman for ",
        " by the Spokesperson for ",
        " by the Spokeswoman for ",
    ] {
        if let Some(at) = paragraph.find(marker) {
            let start = at + marker.len();
            let person = read_person(&paragraph[start..])?;
            return Some(person.shifted(start));
        }
    }
    if !paragraph.starts_with("Following") && !paragraph.starts_with("The following") {
        return None;
    }
    let list: Vec<(usize, &str)> = words(paragraph).collect();
    let noun = list
        .iter()
        .position(|(_, w)| REMARKS.contains(&w.trim_end_matches([',', ':'])))?;
    let owner = noun.checked_sub(1)?;
    let owner_word = list[owner].1;
    if !(owner_word.ends_with("’s")
        || owner_word.ends_with("'s")
        || owner_word.ends_with('’')
        || owner_word.ends_with('\''))
    {
        return None;
    }
    // Back to the start of the capitalised run that ends at the owner.
    let mut start = owner;
    while start > 0
        && is_capitalized(list[start - 1].1)
        && !matches!(list[start - 1].1, "Following" | "The")
    {
        start -= 1;
    }
    let from = list[start].0;
    let person = read_person(&paragraph[from..])?;
    Some(person.shifted(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_intros() {
        let p = "Following are UN Secretary-General António Guterres’ remarks to the Security Council, in New York today:";
        let person = intro_person(p).unwrap();
        assert_eq!(&p[person.name], "António Guterres");
        assert_eq!(person.role.as_deref(), Some("Secretary-General"));
        assert_eq!(person.affiliation.as_deref(), Some("United Nations"));

        let p = "Following is UN Deputy Secretary-General Amina Mohammed’s message to the forum:";
        assert_eq!(&p[intro_person(p).unwrap().name], "Amina Mohammed");

        let p = "The following statement was issued today by the Spokesman for UN Secretary-General António Guterres:";
        assert_eq!(&p[intro_person(p).unwrap().name], "António Guterres");

        assert!(intro_person("Following the vote, the Council adjourned.").is_none());
    }

    #[test]
    fn introductions() {
        let text =
            "California Attorney General Rob Bonta today announced a settlement. Bonta said more.";
        let found = introduction_in(text, "Bonta").unwrap();
        assert_eq!(found.name, "Rob Bonta");
        assert_eq!(found.role.as_deref(), Some("Attorney General"));
        assert_eq!(found.affiliation.as_deref(), Some("California"));

        let text = "Calloway Marine President Tomás Ó Briain said so. “Yes,” Ó Briain said.";
        let found = introduction_in(text, "Ó Briain").unwrap();
        assert_eq!(found.name, "Tomás Ó Briain");
        assert_eq!(found.affiliation.as_deref(), Some("Calloway Marine"));

        assert!(introduction_in("Bonta spoke.", "Bonta").is_none());
    }
}
