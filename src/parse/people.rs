//! Speakers of ordinary releases and UN statements: the people quotations
//! are attributed to, and the person whose remarks a statement reproduces
//! (`Following are UN Secretary-General António Guterres’ remarks to ...`).

use super::draft::{Para, SpeakerDraft, SpeakerList};
use super::persons::{read_person, Person};
use super::quotes::Who;
use super::words::{fold, is_capitalized, words};
use crate::document::ParagraphRole;

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
    let mut name = printed.to_owned();
    if words(printed).count() == 1 {
        let surname = fold(printed);
        let known = speakers.list.iter().position(|s| {
            words(&s.name)
                .last()
                .is_some_and(|(_, last)| fold(last) == surname)
        });
        if let Some(index) = known {
            return index;
        }
        if let Some(full) = full_name_in(text, printed) {
            name = full;
        }
    }
    speakers.upsert(SpeakerDraft {
        key: fold(&name),
        name,
        affiliation: person.affiliation.clone(),
        role: person.role.clone(),
        section: para.section.name().to_owned(),
        ..SpeakerDraft::default()
    })
}

/// `Rob Bonta` for `Bonta`: the first place the surname follows a
/// capitalised given name (not a title word).
fn full_name_in(text: &str, surname: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = text[from..].find(surname) {
        let at = from + found;
        from = at + surname.len();
        let before = text[..at].trim_end();
        if before.len() == at {
            continue;
        }
        let given = before.rsplit(char::is_whitespace).next()?;
        let is_given = is_capitalized(given)
            && given
                .chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-')
            && !is_title_word(given);
        if is_given && given.chars().count() >= 2 {
            return Some(format!("{given} {surname}"));
        }
    }
    None
}

fn is_title_word(word: &str) -> bool {
    matches!(
        word,
        "General"
            | "Attorney"
            | "President"
            | "Director"
            | "Chief"
            | "Mayor"
            | "Governor"
            | "Sheriff"
            | "Minister"
            | "Secretary"
            | "Senator"
            | "Judge"
            | "The"
            | "Mr."
            | "Ms."
            | "Mrs."
            | "Dr."
    )
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
            return Some(shift(person, start));
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
    Some(shift(person, from))
}

fn shift(person: Person, by: usize) -> Person {
    Person {
        name: person.name.start + by..person.name.end + by,
        ..person
    }
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
    fn full_names_from_surnames() {
        let text = "Attorney General Rob Bonta today announced a settlement. Bonta said more.";
        assert_eq!(full_name_in(text, "Bonta").as_deref(), Some("Rob Bonta"));
        assert_eq!(full_name_in("Attorney General Bonta spoke.", "Bonta"), None);
    }
}
