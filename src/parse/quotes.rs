//! Quotations in a paragraph and who the paragraph says spoke them:
//! `“...,” said NAME, TITLE.`, `“...,” NAME said.`, `“...” says NAME`,
//! `NAME, TITLE, said: “...”`, `“...,” he said.`

use std::ops::Range;

use super::person_phrase::{is_initial_or_abbreviation, read_person, Person};
use super::words::words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the marks (byte range in the paragraph).
    pub inner: Range<usize>,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark; None when the quote runs on
    /// to the next paragraph.
    pub close_end: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Named(Person),
    /// `he said`: whoever the text was last about.
    Pronoun,
}

/// The quotations of a paragraph, curly or straight (mixed pairs too, as
/// pasted text has them). An unclosed quotation runs to the paragraph's end.
pub fn find(paragraph: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (offset, mark length)
    for (at, mark) in quote_marks(paragraph) {
        match (mark, open) {
            (Mark::Opening | Mark::Straight, None) => open = Some((at, mark.len())),
            (Mark::Closing | Mark::Straight, Some((start, open_len))) => {
                let inner = start + open_len..at;
                if !paragraph[inner.clone()].trim().is_empty() {
                    quotes.push(Quote {
                        inner,
                        open: start,
                        close_end: Some(at + mark.len()),
                    });
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, open_len)) = open {
        let inner = start + open_len..paragraph.len();
        if !paragraph[inner.clone()].trim().is_empty() {
            quotes.push(Quote {
                inner,
                open: start,
                close_end: None,
            });
        }
    }
    quotes
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `“`
    Opening,
    /// `”`
    Closing,
    /// `"`
    Straight,
}

impl Mark {
    fn len(self) -> usize {
        match self {
            Mark::Straight => 1,
            Mark::Opening | Mark::Closing => 3,
        }
    }
}

/// Double quotation marks with their byte offsets, found by bytes: `"` is
/// 0x22 and `“` `”` are E2 80 9C and E2 80 9D in UTF-8, so no other
/// character can be mistaken for one.
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, Mark)> + '_ {
    let bytes = s.as_bytes();
    (0..bytes.len()).filter_map(move |at| match bytes[at] {
        b'"' => Some((at, Mark::Straight)),
        0xE2 if bytes.get(at + 1) == Some(&0x80) => match bytes.get(at + 2) {
            Some(0x9C) => Some((at, Mark::Opening)),
            Some(0x9D) => Some((at, Mark::Closing)),
            _ => None,
        },
        _ => None,
    })
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "explained",
    "explains",
    "continued",
    "continues",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "remarked",
    "commented",
    "observed",
    "declared",
    "declares",
    "announced",
    "concluded",
    "urged",
    "warned",
    "warns",
    "told",
    "asked",
    "recalled",
    "underscored",
    "underlined",
    "highlighted",
    "insisted",
    "acknowledged",
    "argued",
    "affirmed",
    "wrote",
    "writes",
    "reflected",
    "shared",
    "pointed",
    "went",
    "cautioned",
    "agreed",
    "replied",
    "responded",
    "answered",
    "mentioned",
    "maintained",
    "recounted",
    "declared",
    "expressed",
];

fn is_verb(word: &str) -> bool {
    VERBS.contains(&word.trim_end_matches([',', '.', ':', ';']))
}

fn is_pronoun(word: &str) -> bool {
    matches!(
        word.trim_end_matches(','),
        "he" | "she" | "they" | "He" | "She" | "They"
    )
}

/// Who the paragraph says spoke `quote`, read from the words right after
/// it, or else from the clause that introduces it.
pub fn attribution(paragraph: &str, quote: &Quote) -> Option<Who> {
    if let Some(end) = quote.close_end {
        if let Some(who) = after_quote(paragraph, end) {
            return Some(who);
        }
    }
    before_quote(paragraph, quote.open)
}

/// `,” said NAME`, `,” NAME said`, `,” he said`.
fn after_quote(paragraph: &str, from: usize) -> Option<Who> {
    let after = &paragraph[from..];
    let list: Vec<(usize, &str)> = words(after).take(3).collect();
    let &(first_at, first) = list.first()?;
    if first_at > 2 {
        return None;
    }
    if is_verb(first) {
        let &(next_at, next) = list.get(1)?;
        if is_pronoun(next) {
            return Some(Who::Pronoun);
        }
        let person = read_person(&after[next_at..])?;
        return Some(Who::Named(person.shifted(from + next_at)));
    }
    if is_pronoun(first) {
        return list
            .get(1)
            .filter(|(_, w)| is_verb(w))
            .map(|_| Who::Pronoun);
    }
    let person = read_person(&after[first_at..])?;
    // The verb must follow within the sentence: `Jane Doe, CEO of Acme, said.`
    let rest = &after[first_at + person.name.end..];
    verb_in_sentence(rest).then(|| Who::Named(person.shifted(from + first_at)))
}

/// `NAME, TITLE, said: “`, `He added: “`, `According to NAME, “`.
fn before_quote(paragraph: &str, open: usize) -> Option<Who> {
    let start = sentence_start(&paragraph[..open]);
    let clause = &paragraph[start..open];
    let list: Vec<(usize, &str)> = words(clause).collect();
    let &(_, last) = list.last()?;
    let (first_at, first) = *list.first()?;
    let introduces = last.ends_with([':', ',']) || last == "that";
    if !introduces {
        return None;
    }
    if let Some(rest) = clause.strip_prefix("According to ") {
        let person = read_person(rest)?;
        return Some(Who::Named(person.shifted(start + "According to ".len())));
    }
    let has_verb = list.iter().rev().take(3).any(|(_, w)| is_verb(w));
    if !has_verb {
        return None;
    }
    if is_pronoun(first) {
        return Some(Who::Pronoun);
    }
    let person = read_person(&clause[first_at..])?;
    Some(Who::Named(person.shifted(start + first_at)))
}

/// Whether a verb of saying comes before the sentence ends.
fn verb_in_sentence(s: &str) -> bool {
    for (_, word) in words(s).take(20) {
        if is_verb(word) {
            return true;
        }
        if word.starts_with(['“', '"'])
            || (word.ends_with('.') && !is_initial_or_abbreviation(word))
        {
            return false;
        }
    }
    false
}

/// How far back an introducing clause is looked for: such clauses are
/// short, and a bound keeps a paragraph with thousands of quotations linear.
const CLAUSE_WINDOW: usize = 600;

/// Byte offset where the sentence holding the end of `s` starts, looking
/// back at most [`CLAUSE_WINDOW`] bytes.
fn sentence_start(s: &str) -> usize {
    let mut window = s.len().saturating_sub(CLAUSE_WINDOW);
    while !s.is_char_boundary(window) {
        window += 1;
    }
    let mut start = window;
    for (at, word) in words(&s[window..]) {
        let at = window + at;
        let ends = (word.ends_with(['.', '!', '?']) && !is_initial_or_abbreviation(word))
            || word.ends_with(['”', '"'])
            || word.ends_with(".”");
        if ends {
            start = at + word.len();
        }
    }
    start + (s.len() - start - s[start..].trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(paragraph: &str) -> Vec<Option<String>> {
        find(paragraph)
            .iter()
            .map(|q| match attribution(paragraph, q) {
                Some(Who::Named(p)) => Some(paragraph[p.name].to_owned()),
                Some(Who::Pronoun) => Some("(pronoun)".to_owned()),
                None => None,
            })
            .collect()
    }

    #[test]
    fn quotes_curly_straight_mixed_and_unclosed() {
        let p = "“One,” he said. \"Two\" and \"Three,” she said. “Four";
        let inner: Vec<&str> = find(p).iter().map(|q| &p[q.inner.clone()]).collect();
        assert_eq!(inner, vec!["One,", "Two", "Three,", "Four"]);
        assert_eq!(find(p)[3].close_end, None);
    }

    #[test]
    fn said_name_title() {
        assert_eq!(
            who("“We build,” said Jane Doe, chief executive of Acme."),
            vec![Some("Jane Doe".into())]
        );
        assert_eq!(
            who("“We build,” said District Attorney Summer Stephan. “More.”"),
            vec![Some("Summer Stephan".into()), None]
        );
    }

    #[test]
    fn name_said_after_quote() {
        assert_eq!(
            who("“We build,” Jane Doe said."),
            vec![Some("Jane Doe".into())]
        );
        assert_eq!(
            who("“We build,” Jane Doe, chief executive of Acme, said."),
            vec![Some("Jane Doe".into())]
        );
        assert_eq!(
            who("“We build” says Jane Doe"),
            vec![Some("Jane Doe".into())]
        );
    }

    #[test]
    fn introducing_clause() {
        assert_eq!(
            who("Jane Doe, chief executive of Acme, said: “We build.”"),
            vec![Some("Jane Doe".into())]
        );
        assert_eq!(
            who("It rained. He added: “We build.”"),
            vec![Some("(pronoun)".into())]
        );
        assert_eq!(
            who("According to Jane Doe, “we build.”"),
            vec![Some("Jane Doe".into())]
        );
    }

    #[test]
    fn pronouns_and_none() {
        assert_eq!(
            who("“We build,” he went on to say."),
            vec![Some("(pronoun)".into())]
        );
        assert_eq!(who("“We build,” the company said."), vec![None]);
        assert_eq!(
            who("He called it a “security belt” around the region."),
            vec![None]
        );
    }
}
