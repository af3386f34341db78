//! The parser: text in, [`Document`] out, as a chain of small passes over
//! byte spans of one normalised text, turned into code-point offsets only
//! when the document is assembled.
//!
//! 1. `paragraphs`: one paragraph per non-blank line (per wrapped block in
//!    a hard-wrapped text), read in a `view` with spaces made single;
//! 2. `clutter`: web-page furniture pasted along with the release;
//! 3. `header`: meeting line, symbol, date, headline, dateline, kind;
//!    `genre`: meeting coverage recognised by its turns where no header
//!    says so;
//! 4. `sections`: headings, summary, turns zone, contact, boilerplate, footer;
//! 5. `sitting`: when a meeting began and ended;
//! 6. speakers: `turns` in UN coverage (openers in `un_openers`, people
//!    introduced once in `panels`, paragraphs about the meeting in
//!    `procedural`), `release_speakers` from quotations and statement
//!    intros elsewhere;
//! 7. `mentions` and `attribution`: references to speakers and who spoke
//!    each quotation;
//! 8. `also_speaking`.
//!
//! Facts (`crate::facts`) need only the paragraphs' bounds, the kind of
//! document and its date: each paragraph's own facts are scanned beside
//! passes 4 to 8 (on a second thread with [`Threads::Two`]), then finished
//! on the assembled document: each takes its paragraph's speaker, short
//! forms of organisations are linked, quotations' speakers applied.
//!
//! [`outline`] is the first pass alone: the paragraphs of a long text, to
//! show while the whole parse runs in the app's worker.

mod also_speaking;
mod assemble;
mod attribution;
mod clutter;
mod contact;
mod dateline;
mod dates;
mod draft;
mod genre;
mod header;
mod meeting_line;
mod mentions;
mod opener_clauses;
mod opener_delegations;
mod opener_names;
mod opener_tail;
mod outline;
mod panels;
mod paragraphs;
mod person_phrase;
mod procedural;
mod quotes;
mod release_speakers;
mod sections;
mod sitting;
mod symbols;
mod threads;
mod titles;
mod turns;
mod un_openers;
mod view;
mod words;

use std::collections::HashMap;
use std::ops::Range;

use crate::document::{Document, DocumentKind};
use crate::facts;
use crate::text::normalize_line_endings;
use draft::{Para, Section, SpeakerList};
pub use outline::outline;
pub use threads::Threads;

/// Parses pasted text into a document. Never panics, whatever the input.
pub fn parse(input: &str) -> Document {
    parse_on(input, Threads::One)
}

/// [`parse`] with its work spread over `threads`: the same document.
pub fn parse_on(input: &str, threads: Threads) -> Document {
    #[cfg(feature = "count-parses")]
    parses::count();
    let original = normalize_line_endings(input);
    let wraps = paragraphs::wrapped_line_breaks(&original);
    let view = view::View::new(&original, &wraps);
    let text = &view.text;
    let mut paras: Vec<Para> = paragraphs::split(text)
        .into_iter()
        .map(|range| Para::new(text, range))
        .collect();

    clutter::mark(&mut paras);
    let mut header = header::read(&mut paras);
    for para in &mut paras[..header.body_start] {
        para.section = Section::Header;
    }
    let mut kind = header.kind.unwrap_or(DocumentKind::PressRelease);
    if kind == DocumentKind::PressRelease && genre::has_turns(&paras, header.body_start) {
        kind = DocumentKind::UnMeeting;
        header.kind = Some(kind);
    }

    // A paragraph's own facts need only its bounds, the kind of document
    // and its date, so they are scanned while the speakers are read.
    let spans: Vec<Range<usize>> = paras.iter().map(|para| para.range.clone()).collect();
    let date = header.date.clone();
    let ((bounds, scanned), people) = threads.join(
        || {
            let bounds = assemble::Bounds::new(&original, &view, &spans);
            let scanned = facts::scan_paragraphs(
                &original,
                &bounds.ranges,
                &bounds.char_starts,
                kind,
                date.as_deref(),
            );
            (bounds, scanned)
        },
        || read_people(text, &mut paras, &mut header, kind),
    );

    assemble::document(assemble::Parts {
        original: &original,
        view: &view,
        bounds,
        scanned,
        paras: &paras,
        header,
        kind,
        sitting: people.sitting,
        speakers: people.speakers.list,
        also_speaking: people.also_speaking,
        quotes: &people.quotes,
    })
}

/// What the speaker passes find.
struct People {
    sitting: sitting::Sitting,
    speakers: SpeakerList,
    also_speaking: Vec<String>,
    quotes: Vec<release_speakers::FoundQuote>,
}

/// Passes 4 to 8 before facts: sections, the sitting, speakers, references
/// to them and quotations' speakers; each paragraph's section, role and
/// speaker are set in `paras`.
fn read_people(
    text: &str,
    paras: &mut [Para],
    header: &mut header::Header,
    kind: DocumentKind,
) -> People {
    if kind == DocumentKind::UnMeeting && header.body.is_none() {
        let first_text = paras[header.body_start..].iter().find(|p| p.is_text());
        let texts = header
            .headline
            .as_deref()
            .into_iter()
            .chain(first_text.map(|p| p.text));
        header.body = genre::organ_named_in(texts).map(str::to_owned);
    }
    let turns_start = sections::assign(paras, kind, header.body_start);
    let sitting = match kind {
        DocumentKind::UnMeeting => sitting::find(paras),
        _ => sitting::Sitting::default(),
    };

    let mut speakers = SpeakerList::default();
    let mut quotes = attribution::collect(paras, kind == DocumentKind::UnMeeting);
    let named = match kind {
        DocumentKind::UnMeeting => {
            turns::find(
                paras,
                &mut speakers,
                header.body_start,
                turns_start,
                &quotes,
            );
            let mut by_word = None;
            let mut by_title = HashMap::new();
            let mut roles = None;
            quotes
                .iter()
                .map(|found| match &found.who {
                    Some(quotes::Who::Named(person) | quotes::Who::Other(Some(person))) => {
                        known_speaker(
                            &speakers,
                            &mut by_word,
                            &paras[found.para].text[person.name.clone()],
                        )
                    }
                    Some(quotes::Who::Role(title)) => {
                        let title = words::fold(&paras[found.para].text[title.clone()]);
                        *by_title.entry(title).or_insert_with_key(|title| {
                            let roles = roles.get_or_insert_with(|| Roles::of(&speakers));
                            roles.holder(title)
                        })
                    }
                    _ => None,
                })
                .collect()
        }
        _ => {
            release_speakers::from_remarks_intro(text, paras, header.body_start, &mut speakers);
            release_speakers::from_quotes(text, paras, &quotes, &mut speakers)
        }
    };

    let options = mentions::Options {
        surnames: kind != DocumentKind::UnMeeting,
        delegations: kind == DocumentKind::UnMeeting,
    };
    let references = mentions::scan(paras, &speakers.list, &options);
    attribution::resolve(
        paras,
        &mut quotes,
        &named,
        &references,
        kind == DocumentKind::UnMeeting,
    );
    if kind != DocumentKind::UnMeeting {
        assign_quoted_paragraphs(paras, &quotes, &mut speakers);
    }
    add_mentions(&references, &mut speakers);

    let also_speaking = match kind {
        DocumentKind::PressRelease => Vec::new(),
        _ => also_speaking::find(paras),
    };
    People {
        sitting,
        speakers,
        also_speaking,
        quotes,
    }
}

/// The speaker of UN coverage a printed name denotes (`António Guterres` for
/// `ANTÓNIO GUTERRES`, or a surname alone), without adding any. `by_word`
/// is built on first need: each word of a named speaker's key, with the one
/// speaker whose key holds it (`None` where several do).
fn known_speaker<'s>(
    speakers: &'s SpeakerList,
    by_word: &mut Option<HashMap<&'s str, Option<usize>>>,
    printed: &str,
) -> Option<usize> {
    let key = words::fold(printed);
    speakers.find(&key).or_else(|| {
        let by_word = by_word.get_or_insert_with(|| {
            let mut index: HashMap<&str, Option<usize>> = HashMap::new();
            for (i, s) in speakers.list.iter().enumerate() {
                if s.key.starts_with("delegation of ") {
                    continue;
                }
                for (_, word) in words::words(&s.key) {
                    index
                        .entry(word)
                        .and_modify(|one| {
                            if *one != Some(i) {
                                *one = None;
                            }
                        })
                        .or_insert(Some(i));
                }
            }
            index
        });
        by_word.get(key.as_str()).copied().flatten()
    })
}

/// Speakers' roles folded, without a leading organ (`Council President
/// for June` gives `president for june`), sorted: a title finds its
/// holders by a binary search, however many speakers there are.
struct Roles(Vec<(String, usize)>);

impl Roles {
    fn of(speakers: &SpeakerList) -> Roles {
        let mut list: Vec<(String, usize)> = speakers
            .list
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let role = words::fold(s.role.as_deref()?);
                let bare = ["council ", "assembly ", "committee "]
                    .iter()
                    .find_map(|organ| role.strip_prefix(organ))
                    .map(str::to_owned);
                Some((bare.unwrap_or(role), i))
            })
            .collect();
        list.sort();
        Roles(list)
    }

    /// The one speaker whose role starts with `title` (folded) as whole
    /// words; None when nobody or several do.
    fn holder(&self, title: &str) -> Option<usize> {
        let from = self.0.partition_point(|(role, _)| role.as_str() < title);
        let mut holders = self.0[from..]
            .iter()
            .take_while(|(role, _)| role.starts_with(title))
            .filter(|(role, _)| {
                let rest = &role[title.len()..];
                rest.is_empty() || rest.starts_with([' ', ','])
            })
            .map(|&(_, speaker)| speaker);
        let first = holders.next()?;
        holders.all(|other| other == first).then_some(first)
    }
}

/// In ordinary releases, a paragraph that quotes someone at length is that
/// person's paragraph. Short (scare) quotations do not count.
fn assign_quoted_paragraphs(
    paras: &mut [Para],
    quotes: &[release_speakers::FoundQuote],
    speakers: &mut SpeakerList,
) {
    for found in quotes {
        let Some(speaker) = found.speaker else {
            continue;
        };
        let para = &mut paras[found.para];
        let quoted = &para.text[found.quote.inner.clone()];
        if para.speaker.is_some() || words::words(quoted).count() <= 3 {
            continue;
        }
        para.speaker = Some(speaker);
        speakers.list[speaker].paragraphs.push(found.para);
    }
}

/// References outside a speaker's own turns are that speaker's mentions.
fn add_mentions(references: &[mentions::Reference], speakers: &mut SpeakerList) {
    for reference in references {
        let speaker = &mut speakers.list[reference.speaker];
        if speaker.paragraphs.binary_search(&reference.para).is_err() {
            speaker.mentions.push(reference.range.clone());
        }
    }
}

/// How many times this thread has parsed, for tests of the app's state that
/// a long text is not parsed twice (the `rapporteur` crate's tests turn the
/// feature on; no build that ships has it).
#[cfg(feature = "count-parses")]
pub mod parses {
    use std::cell::Cell;

    thread_local! {
        static PARSES: Cell<usize> = const { Cell::new(0) };
    }

    pub fn count() {
        PARSES.with(|n| n.set(n.get() + 1));
    }

    pub fn so_far() -> usize {
        PARSES.with(Cell::get)
    }
}
