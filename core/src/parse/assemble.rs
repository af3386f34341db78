//! The last step: the passes' byte spans become the public model's
//! code-point offsets, and the facts scanned beside the speakers are
//! finished on the document.

use std::ops::Range;

use super::draft::{Para, SpeakerDraft};
use super::header::Header;
use super::release_speakers::FoundQuote;
use super::sitting::Sitting;
use super::view::View;
use crate::document::{Document, DocumentKind, Fact, FactKind, Paragraph, Span, Speaker};
use crate::facts;
use crate::facts::times::hh_mm;
use crate::text::CharIndex;

/// Each paragraph's place in the document's text: what the facts scan
/// and what the document's offsets count from.
pub struct Bounds {
    /// Code-point offsets of `original`.
    pub index: CharIndex,
    /// Each paragraph's byte range in `original`.
    pub ranges: Vec<Range<usize>>,
    /// The code-point offset where each paragraph starts.
    pub char_starts: Vec<usize>,
}

impl Bounds {
    /// `spans`: each paragraph's byte range in the view.
    pub fn new(original: &str, view: &View, spans: &[Range<usize>]) -> Bounds {
        let index = CharIndex::new(original);
        let ranges: Vec<Range<usize>> = spans
            .iter()
            .map(|span| view.to_original(span.start)..view.to_original(span.end))
            .collect();
        let char_starts = ranges
            .iter()
            .map(|range| index.char_of_byte(original, range.start))
            .collect();
        Bounds {
            index,
            ranges,
            char_starts,
        }
    }
}

pub struct Parts<'a> {
    /// The document's text, which offsets count into.
    pub original: &'a str,
    /// What the passes read; their byte spans are in it.
    pub view: &'a View,
    pub bounds: Bounds,
    /// Each paragraph's own facts.
    pub scanned: facts::Scanned,
    pub paras: &'a [Para<'a>],
    pub header: Header,
    pub kind: DocumentKind,
    pub sitting: Sitting,
    pub speakers: Vec<SpeakerDraft>,
    pub also_speaking: Vec<String>,
    pub quotes: &'a [FoundQuote],
}

pub fn document(parts: Parts) -> Document {
    let text = parts.original;
    let Bounds {
        index,
        ranges,
        char_starts,
    } = parts.bounds;
    let view = parts.view;
    let span = |range: &Range<usize>| Span {
        start: index.char_of_byte(text, view.to_original(range.start)),
        end: index.char_of_byte(text, view.to_original(range.end)),
    };

    let mut document = Document::empty(text.to_owned());
    document.kind = parts.kind;
    let header = parts.header;
    document.meeting = header.meeting;
    document.symbol = header.symbol;
    document.body = header.body;
    document.date = header.date;
    document.dateline = header.dateline;
    document.headline = header.headline;
    document.subheadlines = header.subheadlines;
    document.began = parts.sitting.began.map(hh_mm);
    document.ended = parts.sitting.ended.map(hh_mm);
    document.suspensions = parts.sitting.suspensions();
    document.duration_minutes = parts.sitting.duration_minutes();
    document.also_speaking = parts.also_speaking;

    document.paragraphs = parts
        .paras
        .iter()
        .zip(&ranges)
        .zip(&char_starts)
        .map(|((para, range), &start)| Paragraph {
            start,
            end: index.char_of_byte(text, range.end),
            section: para.section.name().to_owned(),
            role: para.role,
            speaker: para.speaker,
        })
        .collect();

    document.speakers = parts
        .speakers
        .into_iter()
        .map(|draft| {
            let mut mentions: Vec<Span> = draft.mentions.iter().map(span).collect();
            crate::sort::sort(&mut mentions);
            mentions.dedup();
            Speaker {
                name: draft.name,
                affiliation: draft.affiliation,
                role: draft.role,
                on_behalf_of: draft.on_behalf_of,
                national_capacity: draft.national_capacity,
                section: draft.section,
                paragraphs: draft.paragraphs,
                mentions,
            }
        })
        .collect();

    let quoted: Vec<(Span, Option<usize>)> = parts
        .quotes
        .iter()
        .map(|found| {
            let para = &parts.paras[found.para];
            let inner = para.range.start + found.quote.inner.start
                ..para.range.start + found.quote.inner.end;
            (span(&inner), found.speaker)
        })
        .collect();
    // Where the speaker changes inside a paragraph: (paragraph, code point
    // where the change starts, speaker from there on), in text order.
    let changes: Vec<(usize, usize, Option<usize>)> = parts
        .paras
        .iter()
        .enumerate()
        .flat_map(|(number, para)| {
            para.segments.iter().map(move |&(at, speaker)| {
                let at = para.range.start + at;
                (number, at, speaker)
            })
        })
        .map(|(number, at, speaker)| (number, span(&(at..at)).start, speaker))
        .collect();
    let (mut facts, entities) = facts::finish(&document, &ranges, &char_starts, parts.scanned);
    document.set_char_index(index);
    attribute_by_position(&mut facts, &changes);
    attribute_quoted_facts(&mut facts, &quoted);
    document.facts = facts;
    document.entities = entities;
    document
}

/// In a paragraph where the speaker changes (a turn opened mid-paragraph,
/// a sentence about the vote), each fact belongs to the turn where it
/// stands. `changes` and the facts are in text order.
fn attribute_by_position(facts: &mut [Fact], changes: &[(usize, usize, Option<usize>)]) {
    if changes.is_empty() {
        return;
    }
    for fact in facts.iter_mut() {
        let after =
            changes.partition_point(|&(para, at, _)| (para, at) <= (fact.paragraph, fact.start));
        if let Some(&(para, _, speaker)) = after.checked_sub(1).and_then(|i| changes.get(i)) {
            if para == fact.paragraph {
                fact.speaker = speaker;
            }
        }
    }
}

/// Each quotation gives its speaker to the quote fact over it, and to
/// every fact inside that quote fact, whoever's turn the paragraph is; a
/// quotation of nobody who speaks (a draft's title, a treaty, a person a
/// speaker quotes) gives none. `quoted` is in text order, as are the
/// facts.
fn attribute_quoted_facts(facts: &mut [Fact], quoted: &[(Span, Option<usize>)]) {
    let speaker_of = |start: usize, end: usize| {
        let after = quoted.partition_point(|(span, _)| span.start <= start);
        let &(span, speaker) = quoted.get(after.checked_sub(1)?)?;
        (end <= span.end + 1).then_some(speaker)
    };
    let mut quotes: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for fact in facts.iter_mut().filter(|f| f.kind == FactKind::Quote) {
        if let Some(speaker) = speaker_of(fact.start, fact.end) {
            fact.speaker = speaker;
            quotes.push((fact.start, fact.end, speaker));
        }
    }
    for fact in facts.iter_mut().filter(|f| f.kind != FactKind::Quote) {
        let after = quotes.partition_point(|&(start, _, _)| start <= fact.start);
        if let Some(&(_, end, speaker)) = after.checked_sub(1).and_then(|i| quotes.get(i)) {
            if fact.end <= end {
                fact.speaker = speaker;
            }
        }
    }
}
