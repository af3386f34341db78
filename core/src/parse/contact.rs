//! Media contact blocks in a release's header or body: a run of short
//! lines with a telephone number or an e-mail address among them.

use super::draft::{Para, Section};
use super::header::{is_release_marker, meta_date};
use super::symbols::is_un_anchor;
use super::words::{ends_like_sentence, fold, words};
use crate::document::ParagraphRole;
use crate::text::scan::is_word_char;

/// A run of short lines with a telephone number or an e-mail address among
/// them is a media contact (`Jane Doe` / `Director of Communications` /
/// `+1 212 555 0100` / `press@example.org`).
pub fn mark_contact_blocks(paras: &mut [Para]) {
    let mut run_start = 0;
    for at in 0..=paras.len() {
        let short = paras.get(at).is_some_and(|p| {
            p.text.chars().count() <= 60 && !ends_like_sentence(p.text) && !is_un_anchor(p.text)
        });
        if short {
            continue;
        }
        let run = &mut paras[run_start..at];
        if run.iter().any(|p| is_contact_detail(p.text)) && run.len() <= 8 {
            // The run may begin with release markers or a date; those stay meta.
            let first = run
                .iter()
                .position(|p| !is_release_marker(p.text) && meta_date(p.text).is_none())
                .unwrap_or(run.len());
            for para in &mut run[first..] {
                para.role = ParagraphRole::Meta;
                para.section = Section::Contact;
            }
        }
        run_start = at + 1;
    }
}

/// An e-mail address, a telephone number or a contact label.
pub fn is_contact_detail(line: &str) -> bool {
    // Each kind needs an `@`, a `:` or seven digits: most short paragraphs
    // (every one is asked) have none, and are ruled out in one pass.
    let bytes = line.as_bytes();
    let may_be = memchr::memchr2(b'@', b':', bytes).is_some()
        || bytes.iter().filter(|b| b.is_ascii_digit()).count() >= 7;
    if !may_be {
        return false;
    }
    // `14/07/2004` has the digits of a telephone number.
    if meta_date(line).is_some() {
        return false;
    }
    const LABELS: &[&str] = &[
        "contact",
        "media contact",
        "press contact",
        "phone",
        "tel",
        "office",
        "cell",
        "mobile",
        "email",
        "e-mail",
    ];
    let labelled = line
        .split_once(':')
        .is_some_and(|(label, _)| label.len() <= 16 && LABELS.contains(&fold(label).as_str()));
    labelled || words(line).any(|(_, w)| is_email(w) || is_phone(w)) || looks_like_phone_line(line)
}

fn is_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !is_word_char(c));
    match word.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.contains('@'),
        None => false,
    }
}

/// `714-347-8405`, `+1.212.555.0100`.
fn is_phone(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let others_ok = word
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '+' | '(' | ')' | ','));
    others_ok && digits >= 7 && word.chars().filter(|c| matches!(c, '-' | '.')).count() >= 2
}

/// `+1 212 555 0100`, `(800) 510-2020`: mostly digits, few letters.
fn looks_like_phone_line(line: &str) -> bool {
    let digits = line.chars().filter(char::is_ascii_digit).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    digits >= 7 && letters <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details() {
        assert!(is_contact_detail("press@example.org"));
        assert!(is_contact_detail("Office: 555-010-0199"));
        assert!(is_contact_detail("+1 212 555 0100"));
        assert!(!is_contact_detail("Director of Communications"));
        assert!(!is_contact_detail("In 2021, 3,800 troops"));
        // A date has as many digits as a telephone number.
        assert!(!is_contact_detail("14/07/2004"));
        // Seven digits with the separators of a number, or none at all.
        assert!(is_contact_detail("Call 714-347-8405"));
        assert!(!is_contact_detail("Paragraph 12345 of a long record."));
        assert!(!is_contact_detail("Room 1234567"));
    }
}
