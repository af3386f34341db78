//! Quotations in a paragraph and who the paragraph says spoke them:
//! `“...,” said NAME, TITLE.`, `“...,” NAME said.`, `“...” says NAME`,
//! `NAME, TITLE, said: “...”`, `“...,” he said.`

use std::ops::Range;

use super::person_phrase::{is_initial_or_abbreviation, read_person, Person};
use super::words::words;
use crate::text::scan::is_word_char;

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
    /// `the Secretary-General said`: a title without a name (byte range of
    /// the title in the paragraph), the speaker who holds it.
    Role(Range<usize>),
    /// Words a speaker quotes from someone else (`Quoting NAME, he said
    /// “…”`, `In the words of …`, `the woman had told her: “…”`): that
    /// person's, if they speak at the meeting, else nobody's.
    Other(Option<Person>),
    /// A title in quotation marks (`the draft resolution “…” (document
    /// A/C.3/80/L.19)`): nobody's words.
    Title,
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
    memchr::memchr2_iter(b'"', 0xE2, bytes).filter_map(move |at| match bytes[at] {
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
///
/// `meeting`: meeting coverage, where a sentence also names its speaker
/// before its first verb of saying wherever the quotation stands in it
/// (`NAME, Title, told the Council that … “…”`, `Later, the
/// Secretary-General said “…”`); elsewhere only a clause that introduces
/// the quotation does.
pub fn attribution(paragraph: &str, quote: &Quote, meeting: bool) -> Option<Who> {
    if is_title(paragraph, quote) {
        return Some(Who::Title);
    }
    // A quotation that ends its sentence (`… twice.”  She asked …`) is not
    // attributed by the next sentence; `“…?” she asked` still is.
    let inner = paragraph[quote.inner.clone()].trim_end();
    let ends_sentence = inner.ends_with('.')
        || inner.ends_with(['?', '!'])
            && quote.close_end.is_some_and(|end| {
                !paragraph[end..]
                    .trim_start()
                    .starts_with(char::is_lowercase)
            });
    if let Some(end) = quote.close_end.filter(|_| !ends_sentence) {
        if let Some(who) = after_quote(paragraph, end) {
            return Some(who);
        }
    }
    before_quote(paragraph, quote.open, meeting)
}

/// `the draft resolution “Rights of older persons” (document …)`, `entitled
/// “…”`: a quoted title, by the word before it or the symbol after it.
fn is_title(paragraph: &str, quote: &Quote) -> bool {
    const BEFORE: &[&str] = &[
        "entitled",
        "titled",
        "resolution",
        "decision",
        "draft",
        "theme",
        "item",
        "report",
        "programme",
        "initiative",
        "campaign",
    ];
    let after = quote
        .close_end
        .map_or("", |end| paragraph[end..].trim_start_matches([' ', ',']));
    if after.starts_with("(document") || after.starts_with("(A/") || after.starts_with("(E/") {
        return true;
    }
    // The word before the mark, within a short window (linear however
    // many quotations a paragraph holds).
    let mut from = quote.open.saturating_sub(40);
    while !paragraph.is_char_boundary(from) {
        from += 1;
    }
    words(&paragraph[from..quote.open])
        .last()
        .is_some_and(|(_, w)| BEFORE.contains(&w.trim_end_matches([',', ':'])))
}

/// `,” said NAME`, `,” NAME said`, `,” he said`, `,” the Secretary-General
/// said`.
fn after_quote(paragraph: &str, from: usize) -> Option<Who> {
    let after = &paragraph[from..];
    let list: Vec<(usize, &str)> = words(after).take(3).collect();
    let &(first_at, first) = list.first()?;
    if first_at > 2 {
        return None;
    }
    if let Some(role) = role_at(after, first_at) {
        let rest = &after[role.end..];
        return verb_in_sentence(rest).then(|| Who::Role(role.start + from..role.end + from));
    }
    if is_verb(first) {
        let &(next_at, next) = list.get(1)?;
        if is_pronoun(next) {
            return Some(Who::Pronoun);
        }
        if let Some(role) = role_at(after, next_at) {
            return Some(Who::Role(role.start + from..role.end + from));
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

/// `NAME, TITLE, said: “`, `He added: “`, `According to NAME, “`, `NAME,
/// TITLE, told the Council that … “`, `…, the Secretary-General said “`,
/// `In his words, “`; someone else's words by `Quoting …`, `In the words
/// of …`, `… had told her: “`.
fn before_quote(paragraph: &str, open: usize, meeting: bool) -> Option<Who> {
    let start = sentence_start(&paragraph[..open]);
    let clause = &paragraph[start..open];
    let list: Vec<(usize, &str)> = words(clause).collect();
    let &(_, last) = list.last()?;
    let (first_at, first) = *list.first()?;
    if let Some(who) = someone_else(clause, start) {
        return Some(who);
    }
    if let Some(rest) = clause.strip_prefix("According to ") {
        let person = read_person(rest)?;
        return Some(Who::Named(person.shifted(start + "According to ".len())));
    }
    let has_verb = list.iter().rev().take(3).any(|(_, w)| is_verb(w));
    let introduces = last.ends_with([':', ',']) || last == "that";
    if !meeting {
        if !(introduces && has_verb) {
            return None;
        }
        if is_pronoun(first) {
            return Some(Who::Pronoun);
        }
        let person = read_person(&clause[first_at..])?;
        return Some(Who::Named(person.shifted(start + first_at)));
    }
    let introduces = introduces || is_verb(last);
    if introduces && has_verb && is_pronoun(first) {
        return Some(Who::Pronoun);
    }
    let verb = list.iter().position(|(_, w)| is_verb(w))?;
    // `Echoing Ms. X, he said that “`: the pronoun is the subject.
    if verb > 0 && is_pronoun(list[verb - 1].1) {
        return Some(Who::Pronoun);
    }
    // The subject right before the sentence's first verb of saying, after
    // any introductory clause: `Later, the Secretary-General said …“`,
    // `Opening the meeting, Secretary-General NAME said …“`, `NAME, Title,
    // told the Council that … “`.
    if verb == 0 {
        return None;
    }
    // `the Special Representative of the Secretary-General for Liberia
    // said`: a title (with what qualifies it) right before the verb.
    let verb_at = list[verb].0;
    for &(the_at, the) in &list[..verb] {
        if !matches!(the, "the" | "The") {
            continue;
        }
        let Some(role) = role_at(clause, the_at + the.len() + 1) else {
            continue;
        };
        if clause[role.end..verb_at]
            .trim_matches([' ', ','])
            .is_empty()
        {
            return Some(Who::Role(role.start + start..role.end + start));
        }
    }
    // A name, not a lone word before a comma (`Later, …`).
    let person = read_person(&clause[first_at..])
        .filter(|p| p.role.is_some() || clause[first_at..][p.name.clone()].contains(' '));
    if let Some(person) = person {
        return Some(Who::Named(person.shifted(start + first_at)));
    }
    // The capitalised run before the verb: `…, Secretary-General NAME said`.
    let run_start = list[..verb]
        .iter()
        .rev()
        .take_while(|(_, w)| w.starts_with(char::is_uppercase))
        .last()?
        .0;
    let person = read_person(&clause[run_start..])?;
    Some(Who::Named(person.shifted(start + run_start)))
}

/// Titles a speaker is referred to by without a name.
const ROLES: &[&str] = &[
    "Secretary-General",
    "Deputy Secretary-General",
    "Under-Secretary-General",
    "Assistant Secretary-General",
    "High Commissioner",
    "Special Envoy",
    "Special Representative",
    "Special Rapporteur",
    "Special Coordinator",
    "Special Adviser",
    "Executive Director",
    "Administrator",
    "Director-General",
    "Prosecutor",
    "Chair",
    "Chairperson",
    "Chairman",
    "President",
    "Moderator",
];

/// The byte range of a title of [`ROLES`] at `at` in `s`, after `the`
/// (`the Secretary-General`), with the words that qualify it in capitals
/// (`the Special Envoy for Yemen` gives `Special Envoy`).
fn role_at(s: &str, at: usize) -> Option<Range<usize>> {
    let rest = s.get(at..)?;
    let rest_at = if let Some(r) = rest.strip_prefix("the ") {
        at + rest.len() - r.len()
    } else if rest.starts_with("The ") {
        at + 4
    } else if at > 4 && s[..at].ends_with("the ") {
        at
    } else {
        return None;
    };
    let rest = &s[rest_at..];
    let role = ROLES
        .iter()
        .filter(|r| rest.starts_with(**r))
        .max_by_key(|r| r.len())?;
    let mut end = rest_at + role.len();
    // A whole word: `President`, not `Presidential`.
    if s[end..].starts_with(is_word_char) {
        return None;
    }
    // What qualifies it: `of the Secretary-General for Liberia`, `of
    // Peru` (then it is only the title of one who holds all of it).
    let base = end;
    for (at, word) in words(&s[base..]) {
        let bare = word.trim_end_matches([',', '.', ':', ';']);
        let joins = matches!(bare, "of" | "for" | "the" | "on" | "and");
        if !(joins || bare.starts_with(char::is_uppercase)) || is_verb(bare) {
            break;
        }
        if !joins {
            end = base + at + bare.len();
        }
        if bare.len() != word.len() {
            break;
        }
    }
    Some(rest_at..end)
}

/// `Quoting NAME, he said: “`, `In the words of one observer: “`, `… the
/// woman had told her: “`: words the sentence gives to someone other than
/// its subject. `In his words, “` is the subject's own.
fn someone_else(clause: &str, start: usize) -> Option<Who> {
    const OWN: &[&str] = &[
        "In his ",
        "In her ",
        "In their ",
        "in his ",
        "in her ",
        "in their ",
    ];
    if OWN
        .iter()
        .any(|own| clause.contains(own) && clause.contains(" words"))
    {
        return Some(Who::Pronoun);
    }
    for cue in [
        "Quoting ",
        "quoting ",
        "In the words of ",
        "in the words of ",
    ] {
        if let Some(at) = clause.find(cue) {
            let named = &clause[at + cue.len()..];
            let person = read_person(named).map(|p| p.shifted(start + at + cue.len()));
            return Some(Who::Other(person));
        }
    }
    let told = ["told her", "told him", "told them", "told me", "told us"];
    told.iter()
        .any(|t| clause.contains(t))
        .then_some(Who::Other(None))
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
pub fn sentence_start(s: &str) -> usize {
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
            .map(|q| match attribution(paragraph, q, true) {
                Some(Who::Named(p)) => Some(paragraph[p.name].to_owned()),
                Some(Who::Pronoun) => Some("(pronoun)".to_owned()),
                Some(Who::Role(r)) => Some(format!("(role) {}", &paragraph[r])),
                Some(Who::Other(Some(p))) => Some(format!("(other) {}", &paragraph[p.name])),
                Some(Who::Other(None)) => Some("(other)".to_owned()),
                Some(Who::Title) => Some("(title)".to_owned()),
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
    fn summaries_name_the_speaker_by_name_title_or_role() {
        assert_eq!(
            who("“We are late,” Ana Ruiz, Special Envoy for the Sahel, told the Council."),
            vec![Some("Ana Ruiz".into())]
        );
        assert_eq!(
            who("Ana Ruiz, Director of the Office, told the Council that roads were shut and “every day counts.”"),
            vec![Some("Ana Ruiz".into())]
        );
        assert_eq!(
            who("Later, the Secretary-General said “we must stay,” and left."),
            vec![Some("(role) Secretary-General".into())]
        );
        assert_eq!(
            who("“We must stay,” the Secretary-General said."),
            vec![Some("(role) Secretary-General".into())]
        );
        assert_eq!(
            who("Briefing, the Special Envoy for the Sahel said that the rains were “late again”."),
            vec![Some("(role) Special Envoy for the Sahel".into())]
        );
        assert_eq!(
            who("Echoing Ms. Ruiz, he said that “the poor are hottest.”"),
            vec![Some("(pronoun)".into())]
        );
        assert_eq!(
            who("In his words, “a process is not protection.”"),
            vec![Some("(pronoun)".into())]
        );
    }

    #[test]
    fn someone_else_s_words_and_titles() {
        assert_eq!(
            who("Quoting a nurse, she said:  “We stitch the same children twice.”  She asked for help."),
            vec![Some("(other)".into())]
        );
        assert_eq!(
            who("Quoting Ana Ruiz, he said: “Roads are life.”"),
            vec![Some("(other) Ana Ruiz".into())]
        );
        assert_eq!(
            who("Recalling a farmer, she said the woman had told her:  “The rain forgets us.”"),
            vec![Some("(other)".into())]
        );
        assert_eq!(
            who("Introducing the draft resolution “Rights of older persons” (document A/C.3/80/L.19), she spoke."),
            vec![Some("(title)".into())]
        );
        assert_eq!(
            who("It approved the text “Oceans and the law of the sea” (A/81/L.23)."),
            vec![Some("(title)".into())]
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
