//! Paragraphs about the meeting rather than anyone's turn, which end the
//! turn before them: lists of those who spoke (`Also speaking were …`,
//! `Speaking were …`, `… took the floor.`), the meeting's own times and
//! programme (`The meeting began at …`, `The Committee will reconvene …`),
//! and sentences whose subject is many speakers (`Council members
//! condemned …`, `In the ensuing debate, delegations stressed …`).

use super::words::words;

/// Sentences about the meeting rather than anyone's turn: `Also speaking
/// were ...`, `The meeting began at ...`, `The Committee will reconvene
/// ...`, `Speakers welcomed ...`, `In the interactive dialogue, speakers
/// ...`.
pub fn is_procedural(paragraph: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "Also ",
        "Speaking also ",
        "Speaking were ",
        "Taking the floor were ",
        "The following ",
        "The meeting ",
        "The Committee will ",
        "The Council will ",
        "The Assembly will ",
        "The General Assembly will ",
        "The Commission will ",
        "The Committee then ",
        "The Council then ",
        "The Assembly then ",
        "The Commission then ",
        "Speakers ",
        "Several speakers ",
        "Many speakers ",
        "Some speakers ",
        "Other speakers ",
        "Delegates ",
        "Several delegates ",
        "Many delegates ",
        "In the interactive dialogue, speakers ",
        "In the ensuing dialogue, speakers ",
        "In the ensuing debate, speakers ",
        "In the ensuing discussion, speakers ",
        "In the general debate, ",
        "By a recorded vote ",
        "By a vote of ",
        "By consensus, the ",
        "By acclamation, the ",
        "Without a vote, the ",
        "Acting without a vote",
        "Action on ",
    ];
    // The first byte rules out most openings before any comparison.
    let first = paragraph.as_bytes().first().copied();
    OPENINGS.iter().any(|opening| {
        opening.as_bytes().first().copied() == first && paragraph.starts_with(opening)
    }) || ends_a_turn(paragraph)
        || collective_subject(paragraph)
        || paragraph.ends_with(" took the floor.")
        || is_about_the_sitting(paragraph)
        || several_delegations(paragraph)
}

/// A sentence about the meeting or the vote, which ends the turn before it
/// even where it follows a speaker's words in one paragraph: an organ or
/// its presiding officer doing something (`The Council then adopted …`,
/// `The Third Committee approved …`, `The President then announced …`), a
/// text put to the vote (`The draft was adopted by a recorded vote of …`),
/// or the meeting's own times (`The meeting was suspended at …`).
pub fn ends_a_turn(sentence: &str) -> bool {
    sentence.starts_with("The ")
        && (organ_acts(sentence) || text_put_to_vote(sentence) || is_about_the_sitting(sentence))
        || sentence.starts_with("Also speaking were ")
        || sentence.starts_with("By a recorded vote ")
}

/// `The Council then adopted`, `The General Assembly elected`, `The Fifth
/// Committee approved`, `The President then announced`: an organ or its
/// presiding officer, an adverb or none, and a verb of procedure.
fn organ_acts(sentence: &str) -> bool {
    const ORGANS: &[&str] = &[
        "Council",
        "Assembly",
        "Committee",
        "Commission",
        "Board",
        "Conference",
        "Forum",
        "President",
        "Chair",
        "Chairperson",
        "Chairman",
        "Vice-Chair",
        "Vice-President",
    ];
    const QUALIFIERS: &[&str] = &[
        "Security",
        "General",
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Special",
        "Acting",
        "Executive",
    ];
    const ADVERBS: &[&str] = &[
        "then",
        "also",
        "next",
        "subsequently",
        "thereafter",
        "further",
        "later",
        "again",
        "unanimously",
        "today",
        "formally",
    ];
    const VERBS: &[&str] = &[
        "adopted",
        "approved",
        "elected",
        "appointed",
        "decided",
        "took",
        "turned",
        "concluded",
        "began",
        "resumed",
        "heard",
        "observed",
        "proceeded",
        "announced",
        "recommended",
        "rejected",
        "deferred",
        "postponed",
        "reconvened",
        "suspended",
        "adjourned",
        "acted",
        "voted",
        "endorsed",
        "extended",
        "renewed",
        "closed",
        "opened",
        "considered",
        "confirmed",
        "acclaimed",
        "held",
    ];
    let mut list = words(sentence).skip(1).map(|(_, w)| w);
    let Some(mut word) = list.next() else {
        return false;
    };
    if QUALIFIERS.contains(&word) {
        let Some(next) = list.next() else {
            return false;
        };
        word = next;
    }
    if !ORGANS.contains(&word) {
        return false;
    }
    let Some(mut word) = list.next() else {
        return false;
    };
    if ADVERBS.contains(&word.trim_end_matches(',')) {
        let Some(next) = list.next() else {
            return false;
        };
        word = next;
    }
    VERBS.contains(&word.trim_end_matches([',', '.']))
}

/// `The draft resolution … was adopted by a recorded vote of …`, `The
/// amendments were rejected by …`: a text put to the vote, said so in its
/// first sentence with how it was decided (so that a speaker's own `The
/// resolution was adopted in 2015` is not taken for one).
fn text_put_to_vote(sentence: &str) -> bool {
    const TEXTS: &[&str] = &[
        "The draft",
        "The text",
        "The resolution",
        "The decision",
        "The amendment",
        "The oral amendment",
        "The proposal",
        "The motion",
        "The report",
    ];
    const OUTCOMES: &[&str] = &[
        " was adopted",
        " were adopted",
        " was approved",
        " were approved",
        " was rejected",
        " were rejected",
        " was withdrawn",
    ];
    const HOW: &[&str] = &[
        "vote",
        "consensus",
        "acclamation",
        "unanimously",
        "in favour",
        "as orally",
        "as amended",
        "as revised",
        "without objection",
    ];
    if !TEXTS.iter().any(|t| sentence.starts_with(t)) {
        return false;
    }
    let first = first_sentence(sentence);
    OUTCOMES.iter().any(|o| first.contains(o)) && HOW.iter().any(|h| first.contains(h))
}

/// The first sentence of `text`, or its first 400 bytes or so.
fn first_sentence(text: &str) -> &str {
    let head = head(text, 400);
    let end = head
        .match_indices(". ")
        .map(|(at, _)| at)
        .find(|&at| {
            let word_start = head[..at].rfind(' ').map_or(0, |k| k + 1);
            !super::person_phrase::is_initial_or_abbreviation(&head[word_start..=at])
        })
        .unwrap_or(head.len());
    &head[..end]
}

/// `Council members condemned …`, `In the ensuing debate, delegations
/// stressed …`: a sentence whose subject is many speakers at once.
fn collective_subject(paragraph: &str) -> bool {
    // After a short introductory clause, if any.
    let subject = match head(paragraph, 80).find(", ") {
        Some(comma) if comma < 80 && paragraph.starts_with(['I', 'D', 'A', 'F', 'O']) => {
            &paragraph[comma + 2..]
        }
        _ => paragraph,
    };
    const COLLECTIVE: &[&str] = &[
        "Council members ",
        "council members ",
        "Members of the Council ",
        "members of the Council ",
        "Committee members ",
        "delegations ",
        "Delegations ",
        "Several delegations ",
        "several delegations ",
        "Many delegations ",
        "many delegations ",
        "speakers ",
        "several speakers ",
        "many speakers ",
        "delegates ",
        "participants ",
        "Participants ",
        "panellists ",
        "Panellists ",
        "panelists ",
        "Panelists ",
        "Experts ",
        "experts ",
        "Committee Experts ",
        "Committee experts ",
        "A Committee Expert ",
        "Another Committee Expert ",
        "A Committee member ",
        "Another Committee member ",
        "An Expert ",
        "Another Expert ",
        "One Expert ",
        "A member of the delegation ",
        "The delegation ",
        "the delegation ",
        "Members ",
    ];
    COLLECTIVE.iter().any(|c| subject.starts_with(c))
}

/// `In the ensuing dialogue, the representatives of Kenya, Peru and Chile
/// asked …`: a paragraph about several delegations at once.
fn several_delegations(paragraph: &str) -> bool {
    let head = head(paragraph, 160);
    head.starts_with("The representatives of ") || head.contains(", the representatives of ")
}

/// The first `bytes` bytes of `paragraph` or so, on a character boundary.
fn head(paragraph: &str, bytes: usize) -> &str {
    let mut end = paragraph.len().min(bytes);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    &paragraph[..end]
}

/// `The morning meeting began at …`, `The afternoon session was suspended
/// at …`: the meeting's own times.
fn is_about_the_sitting(paragraph: &str) -> bool {
    paragraph.starts_with("The ")
        && words(paragraph)
            .take(4)
            .any(|(_, w)| matches!(w, "meeting" | "meetings" | "session" | "sitting"))
        && words(paragraph).any(|(_, w)| {
            matches!(
                w.trim_end_matches([',', '.']),
                "began" | "ended" | "adjourned" | "suspended" | "order" | "opened"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_about_the_meeting() {
        for p in [
            "Also speaking were representatives of Chad and Peru.",
            "Speaking were Chad on behalf of the African Group, and Peru.",
            "The meeting began at 10 a.m. and ended at noon.",
            "The afternoon meeting was suspended at 4:10 p.m.",
            "The Committee will reconvene at 10 a.m. on Monday.",
            "Council members condemned the attack.",
            "In the ensuing debate, delegations stressed the need for funding.",
            "Another Committee Expert asked about data.",
            "The World Food Programme also took the floor.",
            "In the ensuing dialogue, the representatives of Kenya, Peru and Chile asked about funding.",
            "The Council then adopted resolution 2817 (2026) by 15 votes in favour.",
            "The Third Committee approved without a vote the draft on rural women.",
            "The President then announced that the Assembly would meet on 3 December.",
            "The General Assembly elected Peru to the Council.",
            "The draft resolution on seabed mining (document A/81/L.24) was adopted by a recorded vote of 112 in favour to 9 against.",
            "The amendments were rejected by a recorded vote of 40 in favour to 80 against.",
            "Action on Draft Resolution",
            "Acting without a vote, the Assembly adopted the text.",
        ] {
            assert!(is_procedural(p), "{p}");
        }
    }

    #[test]
    fn a_speaker_s_own_paragraphs() {
        for p in [
            "He added that the Council must act.",
            "The Council must act now, she said.",
            "In her view, members of civil society must be heard.",
            "The meetings she attended were productive.",
            "The Council must act now, before the rains.",
            "The resolution was adopted in 2015 amid high hopes.",
            "The President of Peru visited the camps in May.",
            "The Committee’s work was never more needed.",
        ] {
            assert!(!is_procedural(p), "{p}");
        }
    }
}
