//! Sections: headings, the UN summary before the first turn, contact
//! blocks, "About X" boilerplate and the footer.

use super::contact::is_contact_detail;
use super::draft::{Para, Section};
use super::un_openers;
use super::words::{ends_like_sentence, fold, words};
use crate::document::{DocumentKind, ParagraphRole};

/// Assigns each paragraph after the header its section, marks headings and
/// footers, and returns the index where UN speakers' turns begin (or the
/// number of paragraphs when there are none).
pub fn assign(paras: &mut [Para], kind: DocumentKind, body_start: usize) -> usize {
    let un_meeting = kind == DocumentKind::UnMeeting;
    let mut section = if un_meeting {
        Section::Summary
    } else {
        Section::Body
    };
    let mut turns_start = paras.len();
    let mut in_footer = false;

    for at in body_start..paras.len() {
        let next_is_text = paras[at + 1..]
            .iter()
            .find(|p| p.role != ParagraphRole::Clutter)
            .is_some_and(|p| !is_footer_marker(p.text));
        let para = &mut paras[at];
        if in_footer {
            para.section = Section::Footer;
            if para.role == ParagraphRole::Text && un_meeting && !ends_like_sentence(para.text) {
                para.role = ParagraphRole::Clutter;
            }
            continue;
        }
        if para.role == ParagraphRole::Clutter {
            para.section = section.clone();
            continue;
        }
        if is_footer_marker(para.text) {
            para.role = ParagraphRole::Meta;
            para.section = Section::Footer;
            in_footer = true;
            continue;
        }
        if is_separator(para.text) {
            para.role = ParagraphRole::Meta;
            para.section = section.clone();
            continue;
        }
        let in_summary = section == Section::Summary;
        if in_summary && un_openers::starts_strong(para.text) {
            section = Section::Statements;
            turns_start = turns_start.min(at);
        }
        // In a contact block, names and job titles look like headings; only
        // a heading that opens another kind of block ends it.
        let heading = (next_is_text && is_heading(para.text))
            .then(|| heading_section(para.text))
            .filter(|next| {
                section != Section::Contact
                    || matches!(next, Section::Boilerplate | Section::Contact)
            });
        if let Some(next) = heading {
            section = next;
            para.role = ParagraphRole::Heading;
            para.section = section.clone();
            if un_meeting && section != Section::Contact && section != Section::Boilerplate {
                turns_start = turns_start.min(at);
            }
            continue;
        }
        if section == Section::Body && para.text.len() <= 160 && is_contact_detail(para.text) {
            section = Section::Contact;
        }
        para.section = section.clone();
    }
    turns_start
}

/// `For information media. Not an official record.`, `###`, `-30-`.
pub fn is_footer_marker(line: &str) -> bool {
    const UN_FOOTER: &str = "for information media";
    if line
        .get(..UN_FOOTER.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(UN_FOOTER))
    {
        return true;
    }
    // The other markers are a few characters long.
    if line.len() > 16 {
        return false;
    }
    let folded = fold(line);
    matches!(
        folded.as_str(),
        "###"
            | "# # #"
            | "-30-"
            | "- 30 -"
            | "-###-"
            | "ends"
            | "- ends -"
            | "end"
            | "-end-"
            | "— ends —"
    )
}

/// A line of dashes or bullets between blocks.
fn is_separator(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
}

/// A heading: a short title-like line that is not a sentence.
fn is_heading(line: &str) -> bool {
    if line.len() > 400 || ends_like_sentence(line.trim_end_matches(':')) {
        return false;
    }
    let count = words(line).count();
    if count == 0 || count > 12 || line.chars().count() > 100 {
        return false;
    }
    if line.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return false;
    }
    if !line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    // Title case: words in lower case are the small ones (`of`, `and`),
    // with at most one exception in a longer heading.
    let lower = words(line)
        .filter(|(_, w)| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase)
        })
        .filter(|(_, w)| !SMALL_WORDS.contains(&w.trim_end_matches(',')))
        .count();
    lower == 0 || (lower == 1 && count >= 3)
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "vs.", "&",
];

fn heading_section(heading: &str) -> Section {
    let folded = fold(heading);
    let folded = folded.trim_end_matches(':');
    match folded {
        "briefing" | "briefings" | "briefers" => return Section::Briefings,
        "statement" | "statements" | "speakers" => return Section::Statements,
        _ => {}
    }
    let contact = [
        "contact",
        "media contact",
        "press contact",
        "investor contact",
        "media inquiries",
        "media relations",
        "for more information",
    ];
    if contact.iter().any(|c| folded.starts_with(c)) {
        return Section::Contact;
    }
    let boilerplate = [
        "about ",
        "forward-looking statement",
        "forward looking statement",
        "safe harbor",
        "cautionary",
        "note to editor",
        "notes to editor",
        "editor's note",
    ];
    if boilerplate.iter().any(|b| folded.starts_with(b)) {
        return Section::Boilerplate;
    }
    Section::Heading(heading.trim_end_matches(':').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_heading("Briefings"));
        assert!(is_heading(
            "A Focus on Land Revitalization & Community Engagement"
        ));
        assert!(is_heading("About Acme Corp."[..14].trim()));
        assert!(!is_heading("Thank you"));
        assert!(!is_heading(
            "The meeting began at 10 a.m. and ended at noon."
        ));
        assert!(!is_heading("“We are ready”"));
    }

    #[test]
    fn heading_sections() {
        assert_eq!(heading_section("Statements"), Section::Statements);
        assert_eq!(heading_section("About Acme"), Section::Boilerplate);
        assert_eq!(heading_section("Media Contact:"), Section::Contact);
        assert_eq!(
            heading_section("Forward-Looking Statements"),
            Section::Boilerplate
        );
        assert_eq!(
            heading_section("Action on Draft"),
            Section::Heading("Action on Draft".into())
        );
    }
}
