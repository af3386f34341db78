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
    ];
    OPENINGS
        .iter()
        .any(|opening| paragraph.starts_with(opening))
        || collective_subject(paragraph)
        || paragraph.ends_with(" took the floor.")
        || is_about_the_sitting(paragraph)
        || several_delegations(paragraph)
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
        ] {
            assert!(!is_procedural(p), "{p}");
        }
    }
}
