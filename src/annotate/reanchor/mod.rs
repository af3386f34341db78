//! Re-anchoring: placing annotations made on one text onto another (the
//! release was edited, re-pasted from another page, or an imported file was
//! made on a different version).
//!
//! Each annotation is looked for by its quote, in this order:
//! 1. its exact text where the recorded prefix and suffix agree in full,
//!    nearest to where it is expected (its old start, shifted by how far the
//!    annotation before it moved);
//! 2. its exact text with the most context agreeing, nearest first, if the
//!    quote is distinctive (16 code points or more) or at least 4 code
//!    points of context agree;
//! 3. the same in a loose view of both texts (whitespace runs, typographic
//!    quotes and dashes, letter case ignored);
//! 4. between its prefix and its suffix, when the quoted words themselves
//!    were edited but what surrounds them was not.
//!
//! What cannot be placed becomes an orphan: kept with its quote and note,
//! never dropped.

mod loose;
mod search;

use crate::document::Document;

use super::annotation::{Annotation, Orphan, Quote};
use super::indexed::Indexed;
use super::set::AnnotationSet;
use super::tags::Tag;
use loose::{loosen, LooseText};
use search::{acceptable, best_hit, between_context, Needle, Occurrences};

/// What happened to one annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Same offsets, same text.
    Unchanged,
    /// Same text, other offsets.
    Moved,
    /// Placed, but the text at its place differs from its old quote (found
    /// loosely or by its context).
    Requoted,
    /// Could not be placed: now an orphan.
    Orphaned,
    /// Was an orphan, and found a place.
    Recovered,
    /// Was an orphan, and still is.
    StillOrphaned,
}

/// How many annotations came out of a placement in each way (serialisable:
/// the exchange worker sends it back with an import).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReanchorReport {
    pub unchanged: usize,
    pub moved: usize,
    pub requoted: usize,
    pub orphaned: usize,
    pub recovered: usize,
    pub still_orphaned: usize,
}

impl ReanchorReport {
    /// Annotations whose offsets changed.
    pub fn moved_total(&self) -> usize {
        self.moved + self.requoted + self.recovered
    }

    fn count(&mut self, outcome: Outcome) {
        let slot = match outcome {
            Outcome::Unchanged => &mut self.unchanged,
            Outcome::Moved => &mut self.moved,
            Outcome::Requoted => &mut self.requoted,
            Outcome::Orphaned => &mut self.orphaned,
            Outcome::Recovered => &mut self.recovered,
            Outcome::StillOrphaned => &mut self.still_orphaned,
        };
        *slot += 1;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub set: AnnotationSet,
    pub report: ReanchorReport,
    /// Each annotation's id and outcome, annotations first, then orphans.
    pub outcomes: Vec<(String, Outcome)>,
}

/// An annotation to place, with the quote it had where it came from.
pub(crate) struct Item {
    pub annotation: Annotation,
    pub quote: Quote,
    pub was_orphan: bool,
}

/// Moves `set` from `old_text` onto `document`'s text.
pub fn reanchor(set: &AnnotationSet, old_text: &str, document: &Document) -> Placement {
    let old = Indexed::new(old_text);
    let placed = set.annotations().iter().map(|a| Item {
        quote: Quote::at(&old, a.start, a.end),
        annotation: a.clone(),
        was_orphan: false,
    });
    let orphans = set.orphans().iter().map(|o| Item {
        annotation: o.annotation.clone(),
        quote: o.quote.clone(),
        was_orphan: true,
    });
    place(
        set.tags().to_vec(),
        placed.chain(orphans).collect(),
        document,
    )
}

/// Places every item on `document`'s text.
pub(crate) fn place(tags: Vec<Tag>, items: Vec<Item>, document: &Document) -> Placement {
    let text = Indexed::of(document);
    let mut finder = Finder {
        text: &text,
        exact: Occurrences::default(),
        loose: None,
    };
    // In text order, so that each annotation is expected where the one
    // before it moved to: a paragraph inserted early shifts all that follow.
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| {
        (items[i].was_orphan, items[i].annotation.start)
    });
    let mut found = vec![None; items.len()];
    let mut drift: i64 = 0;
    for i in order {
        let item = &items[i];
        let old_start = i64::try_from(item.annotation.start).unwrap_or(i64::MAX);
        let expected = usize::try_from(old_start.saturating_add(drift).max(0)).unwrap_or(0);
        found[i] = finder.find(&item.quote, expected.min(text.len_chars()));
        if let (Some((start, _)), false) = (found[i], item.was_orphan) {
            drift = i64::try_from(start).unwrap_or(0) - old_start;
        }
    }

    let mut report = ReanchorReport::default();
    let mut outcomes = Vec::with_capacity(items.len());
    let mut annotations = Vec::new();
    let (mut kept_orphans, mut new_orphans) = (Vec::new(), Vec::new());
    for (item, spot) in items.into_iter().zip(found) {
        let outcome = match spot {
            Some((start, end)) => {
                let same_text = text.slice(start, end) == item.quote.exact;
                let outcome = if item.was_orphan {
                    Outcome::Recovered
                } else if !same_text {
                    Outcome::Requoted
                } else if (start, end) == (item.annotation.start, item.annotation.end) {
                    Outcome::Unchanged
                } else {
                    Outcome::Moved
                };
                annotations.push(Annotation {
                    start,
                    end,
                    ..item.annotation.clone()
                });
                outcome
            }
            None => {
                let orphan = Orphan {
                    annotation: item.annotation.clone(),
                    quote: item.quote,
                };
                if item.was_orphan {
                    kept_orphans.push(orphan);
                    Outcome::StillOrphaned
                } else {
                    new_orphans.push(orphan);
                    Outcome::Orphaned
                }
            }
        };
        report.count(outcome);
        outcomes.push((item.annotation.id, outcome));
    }
    kept_orphans.extend(new_orphans);
    Placement {
        set: AnnotationSet::from_parts(tags, annotations, kept_orphans),
        report,
        outcomes,
    }
}

struct Finder<'t> {
    text: &'t Indexed<'t>,
    exact: Occurrences,
    /// Built on the first quote that needs it.
    loose: Option<(LooseText, Occurrences)>,
}

impl Finder<'_> {
    /// The code-point span of the quote in the text, if it can be placed.
    fn find(&mut self, quote: &Quote, expected: usize) -> Option<(usize, usize)> {
        if quote.exact.trim().is_empty() {
            return None;
        }
        let text = self.text;
        let needle = Needle {
            exact: &quote.exact,
            prefix: &quote.prefix,
            suffix: &quote.suffix,
        };
        let expected_byte = text.byte(expected);
        if let Some(hit) = best_hit(text.text, &needle, expected_byte, &mut self.exact) {
            if acceptable(&hit, &needle) {
                return Some((text.char(hit.start), text.char(hit.end)));
            }
        }
        if let Some(span) = self.find_loosely(quote, expected) {
            return Some(span);
        }
        let (start, end) = between_context(text.text, &needle, expected_byte, &mut self.exact)?;
        Some((text.char(start), text.char(end)))
    }

    fn find_loosely(&mut self, quote: &Quote, expected: usize) -> Option<(usize, usize)> {
        let exact = loosen(&quote.exact);
        let exact = exact.trim();
        if exact.is_empty() {
            return None;
        }
        let (prefix, suffix) = (loosen(&quote.prefix), loosen(&quote.suffix));
        let needle = Needle {
            exact,
            prefix: &prefix,
            suffix: &suffix,
        };
        let (loose, cache) = self
            .loose
            .get_or_insert_with(|| (LooseText::new(self.text.text), Occurrences::default()));
        let expected_byte = loose.byte_of_original(expected);
        let hit = best_hit(&loose.text, &needle, expected_byte, cache)?;
        if !acceptable(&hit, &needle) {
            return None;
        }
        loose.original_span(hit.start, hit.end)
    }
}
