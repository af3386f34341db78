//! Facts: quantities, money, percentages, dates, times, resolutions, UN
//! documents, organisations, countries and quotes, with who asserted each.
//!
//! Every scanner works on one paragraph at a time, on byte offsets into the
//! paragraph's text, so that no fact can cross a paragraph boundary; the
//! offsets become code points of the document only at the end. Each scanner
//! is a single left-to-right pass, so extraction stays linear in the text.
//! `docs/FORMAT.md` (section "Facts and entities") documents the JSON.

mod companies;
mod countries;
mod dates;
mod entities;
mod money;
mod names;
mod numbers;
mod org_forms;
mod org_links;
mod organizations;
mod percent;
mod quantity;
mod quotes;
mod ranges;
mod resolutions;
mod scan;
mod symbols;
pub(crate) mod times;

use std::ops::Range;

use crate::document::fact_value as value;
use crate::document::{Document, DocumentKind};

// The model's types, re-exported where the facts are found.
pub use crate::document::fact_value::{
    CountryValue, DateValue, DocumentValue, FactValue, MoneyValue, OrganizationValue, PercentValue,
    QuantityValue, QuoteValue, ResolutionValue, TimeValue,
};
pub use crate::document::{Entity, Fact, FactKind};

/// A fact found in one paragraph: byte offsets into the paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub kind: FactKind,
    pub span: Range<usize>,
    pub value: FactValue,
}

impl Found {
    fn new(kind: FactKind, span: Range<usize>, value: FactValue) -> Self {
        Found { kind, span, value }
    }
}

/// What every paragraph scan may need from the whole document.
pub(crate) struct Context {
    /// The year of the document's own date, for dates printed without one.
    pub year: Option<i32>,
    pub acronyms: organizations::Acronyms,
}

/// Finds the facts of a parsed document and groups them into entities.
pub fn extract(document: &Document) -> (Vec<Fact>, Vec<Entity>) {
    let text = document.text.as_str();
    let index = document.char_index();
    let mut ranges = Vec::with_capacity(document.paragraphs.len());
    let mut starts = Vec::with_capacity(document.paragraphs.len());
    for p in &document.paragraphs {
        let start = index.byte_of_char(text, p.start);
        let end = index.byte_of_char(text, p.end.max(p.start));
        ranges.push(start..end);
        starts.push(index.char_of_byte(text, start));
    }
    let scanned = scan_paragraphs(
        text,
        &ranges,
        &starts,
        document.kind,
        document.date.as_deref(),
    );
    finish(document, &ranges, &starts, scanned)
}

/// The facts each paragraph holds by itself, before the document's
/// speakers are known: what [`scan_paragraphs`] finds and [`finish`]
/// completes.
pub(crate) struct Scanned {
    /// In text order, each with its paragraph and no speaker yet.
    facts: Vec<Fact>,
    /// Each paragraph's capitalised words outside its facts.
    capitals: Vec<Vec<usize>>,
}

/// The first half of extraction: every paragraph's own facts. It needs
/// only the text, the paragraphs' bounds, the kind of document and its
/// date (ISO, for the year of dates printed without one), so the parser
/// can run it while it reads turns and speakers.
pub(crate) fn scan_paragraphs(
    text: &str,
    ranges: &[Range<usize>],
    char_starts: &[usize],
    kind: DocumentKind,
    date: Option<&str>,
) -> Scanned {
    // Each paragraph's word starts are found once, for the whole-document
    // pass over names and for the paragraph's own scan.
    let texts: Vec<scan::Text> = ranges
        .iter()
        .map(|r| scan::Text::new(&text[r.clone()]))
        .collect();
    let context = Context {
        year: date.and_then(dates::year_of_iso),
        acronyms: organizations::Acronyms::collect(&texts, kind != DocumentKind::UnMeeting),
    };

    let mut facts = Vec::new();
    let mut capitals = Vec::with_capacity(ranges.len());
    // One list of found facts and one of claimed spans serve every
    // paragraph in turn.
    let mut found_here = Vec::new();
    let mut claimed = Claimed::default();
    for (number, mut paragraph_text) in texts.into_iter().enumerate() {
        let paragraph = paragraph_text.s;
        // Code points are counted forward from the paragraph's start, since
        // the facts come sorted by start: linear in the paragraph.
        let mut byte_cursor = 0;
        let mut char_cursor = char_starts[number];
        scan_found(&paragraph_text, &context, &mut claimed, &mut found_here);
        capitals.push(org_links::outside_facts(
            std::mem::take(&mut paragraph_text.capitals),
            &found_here,
        ));
        for found in found_here.drain(..) {
            char_cursor += paragraph[byte_cursor..found.span.start].chars().count();
            byte_cursor = found.span.start;
            let fact_text = &paragraph[found.span.clone()];
            facts.push(Fact {
                kind: found.kind,
                text: fact_text.to_owned(),
                start: char_cursor,
                end: char_cursor + fact_text.chars().count(),
                value: found.value,
                paragraph: number,
                speaker: None,
            });
        }
    }
    Scanned { facts, capitals }
}

/// The second half: each fact takes its paragraph's speaker, short forms
/// (`the Council`) join the organisation they stand for, and the facts are
/// grouped into entities. `document` has its paragraphs and speakers.
pub(crate) fn finish(
    document: &Document,
    ranges: &[Range<usize>],
    char_starts: &[usize],
    scanned: Scanned,
) -> (Vec<Fact>, Vec<Entity>) {
    let Scanned {
        mut facts,
        capitals,
    } = scanned;
    for fact in &mut facts {
        fact.speaker = document.paragraphs[fact.paragraph].speaker;
    }
    org_links::link(document, ranges, char_starts, &capitals, &mut facts);
    let entities = entities::group(&facts);
    (facts, entities)
}

/// All facts of one paragraph (its word starts found) into `all` (empty),
/// sorted by position, no two of a kind overlapping. The starts of its
/// capitalised words outside these facts are where short forms of
/// organisations are looked for later (`org_links::outside_facts`).
fn scan_found(text: &scan::Text, context: &Context, claimed: &mut Claimed, all: &mut Vec<Found>) {
    // URLs and e-mail addresses hold digits and capitals that are not facts.
    claimed.reset(scan::masked_spans(text));

    // Numbers belong to the most specific reading first: a symbol or a
    // resolution number is not a quantity, nor is the year of a date. The
    // same goes for names: an acronym inside a document symbol or a unit is
    // not an organisation, and a country inside an organisation's name
    // (`United Nations Interim Force in Lebanon`) is part of that name.
    // Each scanner appends its candidates; `admit` keeps those it may.
    let admit = |claimed: &mut Claimed, all: &mut Vec<Found>, scan: &dyn Fn(&mut Vec<Found>)| {
        let from = all.len();
        scan(all);
        claimed.admit(all, from);
    };
    admit(claimed, all, &|out| symbols::scan(text, out));
    admit(claimed, all, &|out| resolutions::scan(text, out));
    admit(claimed, all, &|out| money::scan(text, out));
    admit(claimed, all, &|out| percent::scan(text, out));
    admit(claimed, all, &|out| times::scan(text, out));
    admit(claimed, all, &|out| dates::scan(text, context.year, out));
    admit(claimed, all, &|out| quantity::scan(text, out));
    admit(claimed, all, &|out| {
        names::scan(text, &context.acronyms, out)
    });
    // Quotes contain the other facts, so they claim nothing.
    claimed.reset(Vec::new());
    admit(claimed, all, &|out| quotes::scan(text, out));
    crate::sort::sort_by_key(all, |f| (f.span.start, f.kind, f.span.end));
}

/// Sorted, disjoint byte spans already taken by earlier scanners.
#[derive(Default)]
struct Claimed {
    spans: Vec<Range<usize>>,
    /// Reused by each merge, so that admitting allocates little.
    scratch: Vec<Range<usize>>,
}

impl Claimed {
    /// Claims `spans` alone, forgetting what was claimed before.
    fn reset(&mut self, mut spans: Vec<Range<usize>>) {
        crate::sort::sort_by_key(&mut spans, |s| (s.start, s.end));
        self.spans.clear();
        for span in spans {
            match self.spans.last_mut() {
                Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                _ => self.spans.push(span),
            }
        }
    }

    /// Of the candidates `found[from..]`, keeps those that overlap neither
    /// a claimed span nor an earlier kept candidate, and claims them.
    /// Linear: one merge pass.
    fn admit(&mut self, found: &mut Vec<Found>, from: usize) {
        if found.len() == from {
            return;
        }
        crate::sort::sort_by_key(&mut found[from..], |f| (f.span.start, f.span.end));
        let mut j = 0;
        let mut kept_end: Option<usize> = None;
        let mut kept = from;
        for k in from..found.len() {
            let span = found[k].span.clone();
            if span.is_empty() {
                continue;
            }
            while j < self.spans.len() && self.spans[j].end <= span.start {
                j += 1;
            }
            let hits_claimed = j < self.spans.len() && self.spans[j].start < span.end;
            let hits_kept = kept_end.is_some_and(|end| span.start < end);
            if !hits_claimed && !hits_kept {
                kept_end = Some(span.end);
                found.swap(kept, k);
                kept += 1;
            }
        }
        found.truncate(kept);
        let kept = &found[from..];
        let merged = &mut self.scratch;
        merged.clear();
        merged.reserve(self.spans.len() + kept.len());
        let (mut a, mut b) = (0, 0);
        while a < self.spans.len() || b < kept.len() {
            let take_old = b == kept.len()
                || (a < self.spans.len() && self.spans[a].start <= kept[b].span.start);
            if take_old {
                merged.push(self.spans[a].clone());
                a += 1;
            } else {
                merged.push(kept[b].span.clone());
                b += 1;
            }
        }
        std::mem::swap(&mut self.spans, &mut self.scratch);
    }
}
