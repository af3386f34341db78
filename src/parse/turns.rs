//! Speakers' turns in UN meeting coverage: each opener starts a turn that
//! runs over the following paragraphs until the next opener or heading.

use super::draft::{Para, SpeakerDraft, SpeakerList};
use super::un_openers;
use super::words::fold;
use crate::document::ParagraphRole;

pub fn find(paras: &mut [Para], speakers: &mut SpeakerList, from: usize) {
    let mut current: Option<usize> = None;
    for (index, para) in paras.iter_mut().enumerate().skip(from) {
        match para.role {
            ParagraphRole::Heading => {
                current = None;
                continue;
            }
            ParagraphRole::Text => {}
            _ => continue,
        }
        if !para.section.is_spoken() {
            current = None;
            continue;
        }
        if is_procedural(para.text) {
            current = None;
            continue;
        }
        if let Some(opener) = un_openers::parse(para.text) {
            let key = match (&opener.affiliation, opener.named) {
                (_, true) => fold(opener.name),
                (Some(affiliation), false) => format!("delegation of {}", fold(affiliation)),
                (None, false) => fold(opener.name),
            };
            current = Some(speakers.upsert(SpeakerDraft {
                name: opener.name.to_owned(),
                key,
                affiliation: opener.affiliation,
                role: opener.role,
                on_behalf_of: opener.on_behalf_of,
                national_capacity: opener.national_capacity,
                section: para.section.name().to_owned(),
                ..SpeakerDraft::default()
            }));
        }
        if let Some(speaker) = current {
            para.speaker = Some(speaker);
            speakers.list[speaker].paragraphs.push(index);
        }
    }
}

/// Sentences about the meeting rather than anyone's turn: `Also speaking
/// were ...`, `The meeting began at ...`, `The Committee will reconvene ...`.
fn is_procedural(paragraph: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "Also ",
        "Speaking also ",
        "The meeting ",
        "The Committee will ",
        "The Council will ",
        "The Assembly will ",
        "The General Assembly will ",
        "The Commission will ",
    ];
    OPENINGS
        .iter()
        .any(|opening| paragraph.starts_with(opening))
}
