//! Short forms joined to the organisation they stand for, so that its
//! entity lists every mention: `the Treaty Organization` after `Collective
//! Security Treaty Organization`, `the Council` in a Security Council
//! release, `the Department` after `Department of Justice`, `the company`
//! in a corporate release.
//!
//! The pass runs once every paragraph has been scanned and reads only the
//! organisation facts found there (their text, name and expansion), so it
//! works with whatever recognised them. A short form becomes a fact of its
//! own, spanning the form without `the`, with its organisation's value, so
//! that entities group it with the full name. Two kinds of form:
//!
//! - a tail of a full name's capitalised words ending in its head word
//!   (`Treaty Organization`), two words or more, with or without `the`;
//! - a lone head word after `the` or `this` (`the Council`), from a closed
//!   list of organisational heads, and `the company`.
//!
//! One pass over the text in order, keeping per form the organisation last
//! named in full: linear in the text, one lookup per capitalised word.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::document::{Document, DocumentKind, ParagraphRole};
use crate::lexicon::organizations as lexicon;
use crate::lexicon::organs;
use crate::lexicon::phrases::{FxBuild, PhraseMatcher};
use crate::text::scan::{
    char_at, char_before, is_all_caps, is_capitalized, is_hyphen, is_space, is_word_char,
    next_word, prev_word,
};

use super::org_forms::is_calendar_word;
use super::value::{FactValue, OrganizationValue};
use super::{Fact, FactKind, Found};

/// Head words that may stand alone for an organisation (`the Council`),
/// sorted. `Organization` is not one: in UN coverage `the Organization` is
/// the United Nations itself, whatever else the release names.
const HEADS: &[&str] = &[
    "Administration",
    "Agency",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Committee",
    "Conference",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Directorate",
    "Federation",
    "Force",
    "Forum",
    "Foundation",
    "Fund",
    "Group",
    "Institute",
    "Ministry",
    "Mission",
    "Observatory",
    "Office",
    "Program",
    "Programme",
    "Secretariat",
    "Service",
    "Tribunal",
    "Union",
    "University",
];

/// Lower-case words after which a name goes on (`Council of Europe`,
/// `Committee on Enforced Disappearances`), sorted.
const CONNECTORS: &[&str] = &["against", "at", "for", "in", "of", "on"];

/// Capitalised words that may stand before a short form without making it
/// part of a longer name (`The Treaty Organization`), sorted.
const DETERMINERS: &[&str] = &[
    "A", "An", "And", "As", "Both", "But", "Each", "For", "Her", "His", "If", "In", "Its", "Our",
    "That", "The", "Their", "This", "When", "While", "With",
];

/// Last words of a company's name: a legal form, or one of these.
fn corporate_ending(word: &str) -> bool {
    super::companies::is_legal_form(word)
        || matches!(
            word.trim_end_matches('.'),
            "Company" | "Corporation" | "Holdings"
        )
}

/// Words that make a name a public or non-profit body, not a company
/// (sorted).
const PUBLIC: &[&str] = &[
    "Administration",
    "Agency",
    "Assembly",
    "Association",
    "Attorney",
    "Authority",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "College",
    "Commission",
    "Committee",
    "Congress",
    "Council",
    "County",
    "Court",
    "Department",
    "Directorate",
    "Exchange",
    "Federation",
    "Force",
    "Forum",
    "Foundation",
    "Fund",
    "Government",
    "Institute",
    "Ministry",
    "Mission",
    "Nations",
    "Observatory",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Police",
    "Programme",
    "School",
    "Secretariat",
    "Senate",
    "Service",
    "Society",
    "Tribunal",
    "Union",
    "University",
];

fn listed(word: &str, sorted: &[&str]) -> bool {
    sorted.binary_search(&word).is_ok()
}

/// An organisation the release names, with the forms that may stand for it.
struct Target {
    value: OrganizationValue,
    /// Its full names as written (an acronym is not one).
    names: Vec<String>,
    /// Indices into [`HEADS`] of its names' head words.
    heads: Vec<usize>,
    /// Ids of its names' tails of two words or more.
    tails: Vec<usize>,
}

/// Every organisation of the release and the forms that may stand for it.
#[derive(Default)]
struct Targets {
    list: Vec<Target>,
    /// Keyed by name and expansion, written into `key`, a reused buffer.
    by_value: HashMap<String, usize, FxBuild>,
    key: String,
    tail_ids: HashMap<String, usize, FxBuild>,
    tails: PhraseMatcher<usize>,
}

impl Targets {
    fn of(&mut self, value: &OrganizationValue) -> usize {
        self.key.clear();
        self.key.push_str(&value.name);
        self.key.push('\u{1}');
        self.key
            .push_str(value.expansion.as_deref().unwrap_or_default());
        if let Some(&t) = self.by_value.get(self.key.as_str()) {
            return t;
        }
        self.list.push(Target {
            value: value.clone(),
            names: Vec::new(),
            heads: Vec::new(),
            tails: Vec::new(),
        });
        let t = self.list.len() - 1;
        self.by_value.insert(self.key.clone(), t);
        if let Some(expansion) = &value.expansion {
            self.add_name(t, expansion);
        } else if !is_all_caps(&value.name) {
            self.add_name(t, &value.name);
        }
        t
    }

    /// Records a full name of `t` and the forms it gives.
    fn add_name(&mut self, t: usize, name: &str) {
        if is_all_caps(name) || self.list[t].names.iter().any(|n| n == name) {
            return;
        }
        self.list[t].names.push(name.to_owned());
        let Some(shape) = Shape::of(name) else {
            return;
        };
        if let Ok(h) = HEADS.binary_search(&shape.head) {
            if !self.list[t].heads.contains(&h) {
                self.list[t].heads.push(h);
            }
        }
        for tail in shape.tails {
            // A tail that is itself a built-in name is found as that name.
            if lexicon::by_name(&tail).is_some() {
                continue;
            }
            self.add_tail(t, tail);
        }
    }

    /// Records a form that stands for `t` once `t` was named in full.
    fn add_tail(&mut self, t: usize, tail: String) {
        let next = self.tail_ids.len();
        let id = *self.tail_ids.entry(tail).or_insert_with_key(|tail| {
            self.tails.insert(tail, next);
            next
        });
        if !self.list[t].tails.contains(&id) {
            self.list[t].tails.push(id);
        }
    }

    /// The organisation of the release written `name` (any spelling), if any.
    fn named(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|t| {
            t.value.name == name || t.names.iter().any(|n| lexicon::same_name(n, name))
        })
    }
}

/// A full name's head word and its tails: `Collective Security Treaty
/// Organization` → `Organization`; `Treaty Organization`, `Security Treaty
/// Organization`. The head is the word before the first connector
/// (`Department of Justice` → `Department`), else the last word.
#[derive(Debug, PartialEq)]
struct Shape<'a> {
    head: &'a str,
    tails: Vec<String>,
}

impl<'a> Shape<'a> {
    fn of(name: &'a str) -> Option<Self> {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let cut = words
            .iter()
            .skip(1)
            .position(|w| listed(w, CONNECTORS))
            .map_or(words.len(), |k| k + 1);
        let head_at = cut.checked_sub(1)?;
        let head = words[head_at].trim_end_matches([',', '.']);
        if !is_capitalized(head) {
            return None;
        }
        let mut first = head_at;
        while first > 0 && is_capitalized(words[first - 1]) {
            first -= 1;
        }
        // Tails only of a name capitalised throughout up to its head: no
        // one calls the Economic and Social Council `the Social Council`.
        let whole = cut == words.len();
        let tails = if first == 0 {
            (1..head_at)
                .chain((!whole && head_at > 0).then_some(0))
                .map(|from| words[from..=head_at].join(" "))
                .collect()
        } else {
            Vec::new()
        };
        Some(Shape { head, tails })
    }
}

/// What a short form in the text is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    /// A tail of a full name, by id.
    Tail(usize),
    /// A lone head word, by index into [`HEADS`].
    Head(usize),
    /// `the company`.
    Company,
}

/// Links the short forms of the release's organisations: adds a fact for
/// each to `facts` (sorted, as they come), before entities are grouped.
pub(crate) fn link(
    document: &Document,
    ranges: &[Range<usize>],
    char_starts: &[usize],
    capitals: &[Vec<usize>],
    facts: &mut Vec<Fact>,
) {
    let mut targets = Targets::default();
    // The organisation of each organisation fact, in text order.
    let mut mentions: Vec<(usize, usize)> = Vec::new();
    for (k, fact) in facts.iter().enumerate() {
        if let FactValue::Organization(value) = &fact.value {
            let t = targets.of(value);
            if !is_all_caps(&fact.text) {
                targets.add_name(t, &fact.text);
            }
            mentions.push((k, t));
        }
    }
    let principal = match document.kind {
        DocumentKind::UnMeeting => principal_organ(document, &mut targets),
        _ => None,
    };
    let companies = match document.kind {
        DocumentKind::PressRelease => {
            Companies::of(document, ranges, &mut targets, &mentions, facts)
        }
        _ => Companies::default(),
    };
    if document.kind == DocumentKind::PressRelease {
        add_company_stems(document.text.as_str(), &mut targets);
    }
    if targets.tail_ids.is_empty()
        && targets.list.iter().all(|t| t.heads.is_empty())
        && companies.is_empty()
    {
        return;
    }
    let mut speakers = SpeakerOrgs::new(document, &targets);

    let text = document.text.as_str();
    let mut state = State {
        tails: vec![None; targets.tail_ids.len()],
        heads: [None; HEADS.len()],
    };
    let mut added: Vec<Fact> = Vec::new();
    let mut next_mention = 0;
    for (p, range) in ranges.iter().enumerate() {
        let paragraph = &text[range.clone()];
        let found = short_forms(paragraph, &capitals[p], &targets.tails, companies.wanted());
        let speaker = document.paragraphs[p].speaker;
        let mut byte_cursor = 0;
        let mut char_cursor = char_starts[p];
        for (span, form) in found {
            char_cursor += paragraph[byte_cursor..span.start].chars().count();
            byte_cursor = span.start;
            let start = char_cursor;
            let form_text = &paragraph[span.clone()];
            let end = start + form_text.chars().count();
            // Full names before the form update what each form stands for;
            // a form over an organisation fact is that fact.
            let mut overlaps = false;
            while let Some(&(k, t)) = mentions.get(next_mention) {
                let fact = &facts[k];
                if fact.paragraph > p || (fact.paragraph == p && fact.start >= end) {
                    break;
                }
                overlaps |= fact.paragraph == p && fact.end > start;
                state.mention(t, &targets.list[t], fact);
                next_mention += 1;
            }
            if overlaps {
                continue;
            }
            let resolved = match form {
                Form::Tail(id) => state.tails[id]
                    .or_else(|| principal.filter(|&t| targets.list[t].tails.contains(&id))),
                Form::Head(h) => {
                    let last = state.heads[h];
                    let own = speaker.and_then(|s| speakers.with_head(s, h, &targets));
                    let organ = principal.filter(|&t| targets.list[t].heads.contains(&h));
                    // `the Human Rights Council …, and the Council’s
                    // resolution` in a Security Council release: either.
                    let rival_in_sentence = organ.is_some()
                        && last.is_some_and(|l| {
                            l.paragraph == p
                                && Some(l.target) != organ
                                && !sentence_ends_within(paragraph, span.start, start - l.start)
                        });
                    own.or(match organ {
                        Some(_) if rival_in_sentence => None,
                        Some(t) => Some(t),
                        None => last.map(|l| l.target),
                    })
                }
                Form::Company => companies.of_paragraph(p),
            };
            let Some(t) = resolved else {
                continue;
            };
            added.push(Fact {
                kind: FactKind::Organization,
                text: form_text.to_owned(),
                start,
                end,
                value: FactValue::Organization(targets.list[t].value.clone()),
                paragraph: p,
                speaker,
            });
        }
    }
    if !added.is_empty() {
        merge(facts, added);
    }
}

/// The capitalised word starts of a paragraph that lie outside its facts
/// (quotations aside, which hold every other kind): no short form starts
/// inside `United Nations` or `Russian Federation`, and most capitals of a
/// UN release are in such names. Both lists are sorted by start.
pub(crate) fn outside_facts(mut capitals: Vec<usize>, found: &[Found]) -> Vec<usize> {
    let mut spans = found
        .iter()
        .filter(|f| f.kind != FactKind::Quote)
        .map(|f| f.span.clone())
        .peekable();
    let mut covered_to = 0;
    capitals.retain(|&at| {
        while let Some(span) = spans.next_if(|s| s.start <= at) {
            covered_to = covered_to.max(span.end);
        }
        at >= covered_to
    });
    capitals
}

/// What each form stands for so far: the organisation last named in full.
struct State {
    tails: Vec<Option<usize>>,
    heads: [Option<Named>; HEADS.len()],
}

/// Where an organisation was last named.
#[derive(Debug, Clone, Copy)]
struct Named {
    target: usize,
    paragraph: usize,
    /// Code point offset in the document.
    start: usize,
}

impl State {
    /// A mention of `target`: in full, it takes its forms; by acronym, only
    /// the forms nothing took yet (an organisation introduced as `North
    /// Atlantic Treaty Organization (NATO)` is called `NATO` afterwards,
    /// and `the Treaty Organization` keeps meaning the one it meant).
    fn mention(&mut self, t: usize, target: &Target, fact: &Fact) {
        let in_full = !is_all_caps(&fact.text);
        for &h in &target.heads {
            self.heads[h] = Some(Named {
                target: t,
                paragraph: fact.paragraph,
                start: fact.start,
            });
        }
        for &id in &target.tails {
            if in_full || self.tails[id].is_none() {
                self.tails[id] = Some(t);
            }
        }
    }
}

/// Every short form of one paragraph, in order, as (span, form), looked
/// for at the starts of its capitalised words (`capitals`, from the facts'
/// scan) and at each `company`. A form is not part of a longer capitalised
/// name: no capitalised word right before a tail (other than `The` and its
/// like), none right after either form, and no connector with a name after
/// it (`the Council of Europe`).
fn short_forms(
    paragraph: &str,
    capitals: &[usize],
    tails: &PhraseMatcher<usize>,
    company: bool,
) -> Vec<(Range<usize>, Form)> {
    let mut out = Vec::new();
    let b = paragraph.as_bytes();
    let mut resume = 0;
    let mut lower_company = company.then(|| paragraph.match_indices("company").peekable());
    let mut capitals = capitals.iter().copied().peekable();
    loop {
        // The next word start: a capital, or a `company` before it.
        let next_capital = capitals.peek().copied();
        let next_company = lower_company
            .as_mut()
            .and_then(|m| m.peek().map(|(k, _)| *k));
        let at = match (next_capital, next_company) {
            (Some(c), Some(l)) if l < c => {
                lower_company.as_mut().and_then(Iterator::next);
                l
            }
            (Some(c), _) => {
                capitals.next();
                c
            }
            (None, Some(l)) => {
                lower_company.as_mut().and_then(Iterator::next);
                l
            }
            (None, None) => break,
        };
        if at < resume || char_before(paragraph, at).is_some_and(is_word_char) {
            continue;
        }
        let after_the = after_the(b, at);
        let tail_may_start = b[at].is_ascii_uppercase()
            && !tails.is_empty()
            && (after_the || free_before(paragraph, at));
        if tail_may_start {
            if let Some((end, id)) = tails.match_at(paragraph, at) {
                if !goes_on(paragraph, end) {
                    out.push((at..end, Form::Tail(id)));
                    resume = end;
                    continue;
                }
            }
        }
        if !after_the {
            continue;
        }
        // The ASCII letters and digits of the word: `Council` of
        // `Council’s`; a word going on in other letters is another word.
        let run = at
            + b[at..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
        if run == at || char_at(paragraph, run).is_some_and(is_word_char) {
            continue;
        }
        let lone = &paragraph[at..run];
        let form = if lone == "company" || lone == "Company" {
            company.then_some(Form::Company)
        } else {
            HEADS.binary_search(&lone).ok().map(Form::Head)
        };
        if let Some(form) = form {
            if !goes_on(paragraph, run) {
                out.push((at..run, form));
                resume = run;
            }
        }
    }
    out
}

/// `the ` or `this ` (any case of the first letter) right before `i`.
fn after_the(b: &[u8], i: usize) -> bool {
    let mut end = i;
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    if end == i {
        return false;
    }
    let word_at =
        |len: usize| end >= len && (end == len || !b[end - len - 1].is_ascii_alphanumeric());
    let is = |word: &[u8]| {
        word_at(word.len())
            && b[end - word.len()].eq_ignore_ascii_case(&word[0])
            && b[end - word.len() + 1..end] == word[1..]
    };
    is(b"the") || is(b"this")
}

/// A full stop, question or exclamation mark and a space within the
/// `chars` code points before `end`: a sentence ends there. Walks back no
/// further than the nearest such end, and no further than any sentence
/// runs: farther back than that is another sentence.
fn sentence_ends_within(s: &str, end: usize, chars: usize) -> bool {
    const LONGEST_SENTENCE: usize = 600;
    let b = s.as_bytes();
    chars > LONGEST_SENTENCE
        || s[..end]
            .char_indices()
            .rev()
            .take(chars)
            .any(|(k, c)| matches!(c, '.' | '?' | '!') && b.get(k + 1) == Some(&b' '))
}

/// Nothing before `i` makes a longer name of what starts there: the word
/// before, across spaces only, is not capitalised or is `The` and its like.
fn free_before(s: &str, i: usize) -> bool {
    // The common case on bytes: ASCII spaces after an ASCII word.
    let b = s.as_bytes();
    let mut end = i;
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && b[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    let ascii_word = end < i && start < end && (start == 0 || b[start - 1] < 0x80);
    let word = if ascii_word {
        &s[start..end]
    } else {
        match char_before(s, i) {
            Some(c) if is_space(c) => match prev_word(s, i) {
                Some(w) => &s[w],
                None => return true,
            },
            _ => return true,
        }
    };
    !is_capitalized(word) || listed(word, DETERMINERS)
}

/// A name goes on after `end`: a hyphen, a capitalised word, or a
/// connector and a name or number (`of Europe`, `on the Rights of the
/// Child`, `of 20`, but not `on Monday`).
fn goes_on(s: &str, end: usize) -> bool {
    if char_at(s, end).is_some_and(is_hyphen) {
        return true;
    }
    let Some(next) = next_word(s, end) else {
        return false;
    };
    let word = &s[next.clone()];
    if is_capitalized(word) {
        return true;
    }
    if !listed(word, CONNECTORS) {
        return false;
    }
    let mut after = next_word(s, next.end);
    if let Some(w) = after.clone().filter(|w| &s[w.clone()] == "the") {
        after = next_word(s, w.end);
    }
    after.is_some_and(|w| {
        let word = &s[w];
        let number = word.starts_with(|c: char| c.is_ascii_digit());
        number || (is_capitalized(word) && !is_calendar_word(word))
    })
}

/// Adds `added` (in text order) to `facts` (in text order), keeping the
/// order facts are in: by paragraph, start, kind, end; a fact already
/// there goes before an added one with the same key. The two are merged
/// in place from the back, so a release's facts are neither copied nor
/// held twice at once (a copy made this pass the parse's peak in memory).
fn merge(facts: &mut Vec<Fact>, mut added: Vec<Fact>) {
    let key = |f: &Fact| (f.paragraph, f.start, f.kind, f.end);
    let mut old_end = facts.len();
    facts.resize_with(old_end + added.len(), vacant);
    let mut write = facts.len();
    while let Some(last_added) = added.last() {
        write -= 1;
        if old_end > 0 && key(&facts[old_end - 1]) > key(last_added) {
            old_end -= 1;
            facts.swap(old_end, write);
        } else if let Some(fact) = added.pop() {
            facts[write] = fact;
        }
    }
}

/// A fact that holds a place in [`merge`] until a real one is moved in.
fn vacant() -> Fact {
    Fact {
        kind: FactKind::Time,
        text: String::new(),
        start: 0,
        end: 0,
        value: FactValue::Time(super::value::TimeValue {
            time: String::new(),
        }),
        paragraph: 0,
        speaker: None,
    }
}

/// The organ whose meeting a UN release covers (`Security Council` for
/// `SC/14794`, `Third Committee` for `GA/SHC/…`): there, `the Council` or
/// `the Committee` means it unless the speaker's own body has that head.
/// Its value is that of the release's own mentions of it when there are
/// any, else the built-in list's, else its shortest printed name.
fn principal_organ(document: &Document, targets: &mut Targets) -> Option<usize> {
    let organ = document
        .body
        .as_deref()
        .and_then(organs::printed)
        .or_else(|| document.symbol.as_deref().and_then(organs::of_symbol))?;
    let names = || std::iter::once(organ.name).chain(organ.printed.iter().copied());
    if let Some(t) = names().find_map(|n| targets.named(n)) {
        return Some(t);
    }
    let value = match names().find_map(lexicon::by_name) {
        Some(org) => {
            if let Some(t) = targets.named(org.short()) {
                return Some(t);
            }
            OrganizationValue {
                name: Cow::Borrowed(org.short()),
                expansion: org.acronym.map(|_| Cow::Borrowed(org.name)),
            }
        }
        None => OrganizationValue {
            name: Cow::Borrowed(
                names()
                    .filter(|n| Shape::of(n).is_some_and(|s| listed(s.head, HEADS)))
                    .min_by_key(|n| n.len())?,
            ),
            expansion: None,
        },
    };
    Some(targets.of(&value))
}

/// The organisations each speaker speaks for, from their affiliation and
/// role (`Chair of the Committee against Torture`): in their turn, `the
/// Committee` is theirs. Read on first need, for one speaker and head word
/// at a time, among the organisations with that head.
struct SpeakerOrgs<'d> {
    speakers: &'d [crate::document::Speaker],
    /// The organisations with each head word.
    with_head: Vec<Vec<usize>>,
    found: HashMap<(usize, usize), Option<usize>, FxBuild>,
}

impl<'d> SpeakerOrgs<'d> {
    fn new(document: &'d Document, targets: &Targets) -> Self {
        let mut with_head = vec![Vec::new(); HEADS.len()];
        for (t, target) in targets.list.iter().enumerate() {
            for &h in &target.heads {
                with_head[h].push(t);
            }
        }
        SpeakerOrgs {
            speakers: &document.speakers,
            with_head,
            found: HashMap::default(),
        }
    }

    fn with_head(&mut self, speaker: usize, head: usize, targets: &Targets) -> Option<usize> {
        let who = self.speakers.get(speaker)?;
        let candidates = &self.with_head[head];
        *self.found.entry((speaker, head)).or_insert_with(|| {
            candidates.iter().copied().find(|&t| {
                let target = &targets.list[t];
                let names = std::iter::once(target.value.name.as_ref())
                    .chain(target.names.iter().map(String::as_str));
                [&who.affiliation, &who.role]
                    .into_iter()
                    .flatten()
                    .any(|field| names.clone().any(|name| holds_name(field, name)))
            })
        })
    }
}

/// `name` stands in `text` as whole words.
fn holds_name(text: &str, name: &str) -> bool {
    // Fields and names are short and compared often: a plain search on
    // the first byte beats setting up a substring searcher for each pair.
    let (t, n) = (text.as_bytes(), name.as_bytes());
    let Some(&first) = n.first() else {
        return false;
    };
    (0..(t.len() + 1).saturating_sub(n.len())).any(|k| {
        t[k] == first
            && t[k..].starts_with(n)
            && !char_before(text, k).is_some_and(is_word_char)
            && !char_at(text, k + n.len()).is_some_and(is_word_char)
    })
}

/// Which company `the company` is in a corporate release: in an `About X`
/// section, X; elsewhere the release's own company, the one of the first
/// `About` heading that the headline or lead paragraph names, else of the
/// first `About` heading, else the first company the headline or lead
/// names. None without any of these.
#[derive(Default)]
struct Companies {
    principal: Option<usize>,
    /// Paragraphs of each `About X` section (sorted), with X.
    sections: Vec<(Range<usize>, usize)>,
}

impl Companies {
    fn of(
        document: &Document,
        ranges: &[Range<usize>],
        targets: &mut Targets,
        mentions: &[(usize, usize)],
        facts: &[Fact],
    ) -> Self {
        let text = document.text.as_str();
        let paragraphs = &document.paragraphs;
        let mut by_key: HashMap<String, usize, FxBuild> = HashMap::default();
        for (t, target) in targets.list.iter().enumerate() {
            let names = std::iter::once(target.value.name.as_ref())
                .chain(target.names.iter().map(String::as_str));
            for name in names {
                by_key.entry(company_key(name)).or_insert(t);
            }
        }
        let mut sections: Vec<(Range<usize>, usize)> = Vec::new();
        for (p, paragraph) in paragraphs.iter().enumerate() {
            if paragraph.role != ParagraphRole::Heading {
                continue;
            }
            if let Some(last) = sections.last_mut().filter(|s| s.0.end == usize::MAX) {
                last.0.end = p;
            }
            let Some(name) = about(&text[ranges[p].clone()]) else {
                continue;
            };
            let t = match by_key.get(&company_key(name)) {
                Some(&t) => t,
                None => targets.of(&OrganizationValue {
                    name: Cow::Owned(name.to_owned()),
                    expansion: None,
                }),
            };
            sections.push((p + 1..usize::MAX, t));
        }
        if let Some(last) = sections.last_mut().filter(|s| s.0.end == usize::MAX) {
            last.0.end = paragraphs.len();
        }
        let lead = paragraphs
            .iter()
            .position(|p| p.role == ParagraphRole::Text);
        let named_first: Vec<usize> = mentions
            .iter()
            .filter(|&&(k, t)| {
                let p = facts[k].paragraph;
                let role = paragraphs[p].role;
                let up_front = matches!(role, ParagraphRole::Headline | ParagraphRole::Subheadline)
                    || Some(p) == lead;
                up_front && company_like(&targets.list[t])
            })
            .map(|&(_, t)| t)
            .collect();
        let principal = sections
            .iter()
            .map(|s| s.1)
            .find(|t| named_first.contains(t))
            .or(sections.first().map(|s| s.1))
            .or(named_first.first().copied());
        Companies {
            principal,
            sections,
        }
    }

    fn is_empty(&self) -> bool {
        self.principal.is_none()
    }

    fn wanted(&self) -> bool {
        !self.is_empty()
    }

    fn of_paragraph(&self, p: usize) -> Option<usize> {
        let after = self.sections.partition_point(|s| s.0.start <= p);
        after
            .checked_sub(1)
            .map(|k| &self.sections[k])
            .filter(|s| s.0.contains(&p))
            .map(|s| s.1)
            .or(self.principal)
    }
}

/// X of a heading `About X` (`About Acme Robotics:`), when X looks like a
/// name.
fn about(heading: &str) -> Option<&str> {
    let name = heading
        .trim()
        .strip_prefix("About ")?
        .trim()
        .trim_end_matches(':')
        .trim();
    let words = name.split_whitespace().count();
    (is_capitalized(name) && (1..=8).contains(&words)).then_some(name)
}

/// A name compared as companies are: letters and digits in lower case,
/// without a final `Inc.`, `Ltd.` and the like (`OPC Energy Ltd.` is `OPC
/// Energy`).
fn company_key(name: &str) -> String {
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && corporate_ending(words[words.len() - 1]) {
        words.pop();
    }
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Northwind` for `Northwind Robotics`: the first word of a company's
/// name, as a release shortens it (`Northwind said`, `Northwind’s
/// plant`), is a form of that company when the word says nothing else: not
/// a word the release also writes in lower case (`First Solar`, `Global
/// Payments`), a place, a title, a head word or a determiner, and not the
/// first word of two companies.
fn add_company_stems(text: &str, targets: &mut Targets) {
    let mut stems: Vec<(&str, usize)> = Vec::new();
    for (t, target) in targets.list.iter().enumerate() {
        if !company_like(target) {
            continue;
        }
        let Some(name) = target.names.first() else {
            continue;
        };
        let mut words = name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if stem_says_nothing_else(text, first) {
                stems.push((first, t));
            }
        }
    }
    let lone: Vec<(String, usize)> = stems
        .iter()
        .filter(|&&(stem, _)| {
            let shared = stems.iter().filter(|(s, _)| *s == stem).count() > 1;
            let a_name_itself = targets
                .list
                .iter()
                .any(|t| t.value.name == stem || t.names.iter().any(|n| n == stem));
            !shared && !a_name_itself
        })
        .map(|&(stem, t)| (stem.to_owned(), t))
        .collect();
    for (stem, t) in lone {
        targets.add_tail(t, stem);
    }
}

/// See [`add_company_stems`].
fn stem_says_nothing_else(text: &str, word: &str) -> bool {
    let shaped = word.len() >= 3
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_alphanumeric());
    if !shaped
        || super::org_forms::is_stop_word(word)
        || super::org_forms::is_title(word)
        || super::org_forms::head(word, None).is_some()
        || is_calendar_word(word)
        || listed(word, DETERMINERS)
        || listed(word, PUBLIC)
        || crate::lexicon::countries::canonical(word).is_some()
        || lexicon::by_name(word).is_some()
    {
        return false;
    }
    let lower = word.to_lowercase();
    !text.match_indices(lower.as_str()).any(|(k, _)| {
        !char_before(text, k).is_some_and(is_word_char)
            && !char_at(text, k + lower.len()).is_some_and(is_word_char)
    })
}

/// A company rather than a public body: a corporate ending (`Inc.`), or a
/// written name that is neither built in nor holds a public body's word.
/// An acronym alone says nothing.
fn company_like(target: &Target) -> bool {
    let Some(name) = target.names.first() else {
        return false;
    };
    if lexicon::by_acronym(&target.value.name).is_some() || lexicon::by_name(name).is_some() {
        return false;
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches([',', '.', '(', ')']))
        .collect();
    if words.last().is_some_and(|w| corporate_ending(w)) {
        return true;
    }
    !words.iter().any(|w| listed(w, PUBLIC))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_searched_by_bisection_are_sorted() {
        for list in [HEADS, CONNECTORS, DETERMINERS, PUBLIC] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    /// The in-place merge against a stable sort of both lists together,
    /// with equal keys on both sides and either list empty.
    #[test]
    fn merge_keeps_text_order_and_puts_old_facts_first_on_ties() {
        let fact = |paragraph, start, tag: &str| Fact {
            paragraph,
            start,
            end: start + 1,
            text: tag.to_owned(),
            ..vacant()
        };
        let old = |n: usize| -> Vec<Fact> {
            (0..n)
                .map(|k| fact(k / 3, k % 3 * 2, &format!("old{k}")))
                .collect()
        };
        let new = |n: usize| -> Vec<Fact> {
            (0..n)
                .map(|k| fact(k / 2, k % 2 * 3, &format!("new{k}")))
                .collect()
        };
        for (a, b) in [(0, 0), (0, 4), (5, 0), (9, 7), (1, 12), (12, 1)] {
            let mut merged = old(a);
            merge(&mut merged, new(b));
            let mut expected: Vec<Fact> = old(a).into_iter().chain(new(b)).collect();
            expected.sort_by_key(|f| (f.paragraph, f.start, f.kind, f.end));
            let texts = |facts: &[Fact]| facts.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
            assert_eq!(texts(&merged), texts(&expected), "{a} old, {b} added");
        }
    }

    fn shape(name: &str) -> (String, Vec<String>) {
        let s = Shape::of(name).expect(name);
        (s.head.to_owned(), s.tails)
    }

    #[test]
    fn heads_and_tails_of_full_names() {
        assert_eq!(
            shape("Collective Security Treaty Organization"),
            (
                "Organization".into(),
                vec![
                    "Security Treaty Organization".into(),
                    "Treaty Organization".into()
                ]
            )
        );
        assert_eq!(
            shape("Department of Justice"),
            ("Department".into(), vec![])
        );
        assert_eq!(
            shape("Advisory Committee on Administrative and Budgetary Questions"),
            ("Committee".into(), vec!["Advisory Committee".into()])
        );
        // Not capitalised throughout: no tails.
        assert_eq!(
            shape("Economic and Social Council"),
            ("Council".into(), vec![])
        );
        assert_eq!(
            shape("Consumer\u{202f}Justice Bureau").1,
            ["Justice Bureau"]
        );
        assert_eq!(Shape::of("internally displaced persons"), None);
    }

    fn forms(text: &str) -> Vec<(&str, Form)> {
        let mut tails = PhraseMatcher::new();
        tails.insert("Treaty Organization", 0);
        let capitals = super::super::scan::Text::new(text).capitals;
        short_forms(text, &capitals, &tails, true)
            .into_iter()
            .map(|(span, form)| (&text[span], form))
            .collect()
    }

    fn head(word: &str) -> Form {
        Form::Head(HEADS.binary_search(&word).unwrap())
    }

    #[test]
    fn short_forms_standing_alone() {
        assert_eq!(
            forms("The Treaty Organization’s troops and a Treaty Organization force; the United Nations-Treaty Organization partnership."),
            [
                ("Treaty Organization", Form::Tail(0)),
                ("Treaty Organization", Form::Tail(0)),
                ("Treaty Organization", Form::Tail(0)),
            ]
        );
        assert_eq!(
            forms("He briefed the Council on Monday; this Committee, the Council’s work, the company’s plant and The Company."),
            [
                ("Council", head("Council")),
                ("Committee", head("Committee")),
                ("Council", head("Council")),
                ("company", Form::Company),
                ("Company", Form::Company),
            ]
        );
    }

    #[test]
    fn no_short_form_inside_a_longer_name() {
        let none: Vec<(&str, Form)> = Vec::new();
        for text in [
            "the North Atlantic Treaty Organization",
            "the Council of Europe and the Committee on the Rights of the Child",
            "the Group of 20 met",
            "the Council President spoke",
            "Council members spoke; a Council-mandated force",
            "Department officials and the department said",
            "the Treaty Organization-led force",
            "a committee, the Committees, the companies, his company",
        ] {
            assert_eq!(forms(text), none, "{text}");
        }
    }

    #[test]
    fn companies_compared_without_their_legal_form() {
        assert_eq!(company_key("OPC Energy Ltd."), "opcenergy");
        assert_eq!(
            company_key("Northwind Analytics, Inc."),
            "northwindanalytics"
        );
        assert_eq!(company_key("Acme"), "acme");
        assert_eq!(
            about("About Northwind Analytics:"),
            Some("Northwind Analytics")
        );
        assert_eq!(
            about("About the authors of this report and what they do here"),
            None
        );
        assert_eq!(about("Background"), None);
    }
}
