//! What the document view draws over each paragraph: fact highlights, the
//! user's annotations (which may overlap and nest), and the current focus
//! (a speaker's turns, an entity's mentions, a jump target). Pure, so that
//! it is tested natively; the app renders the segments it returns.
//!
//! Offsets are code points into the document text, as everywhere.

use std::collections::BTreeSet;

use crate::document::{Document, FactKind};

/// A span to draw and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layer {
    pub start: usize,
    pub end: usize,
    pub kind: LayerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// A fact, by index into `document.facts`.
    Fact(usize),
    /// An annotation, by index into the list the caller passed.
    Annotation(usize),
    /// Part of what the reader asked to see (a turn, a mention).
    Focus,
}

/// A run of a paragraph's text under the same layers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Facts covering the run.
    pub facts: Vec<usize>,
    /// Annotations covering the run, innermost (shortest) first.
    pub annotations: Vec<usize>,
    pub focus: bool,
}

/// Everything drawn over one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParagraphMarks {
    pub segments: Vec<Segment>,
}

/// What the view wants drawn.
pub struct Request<'a> {
    /// The paragraphs on show; marks are computed for these only.
    pub paragraphs: std::ops::Range<usize>,
    /// Annotation spans, in the caller's order (their index is reported).
    pub annotations: &'a [(usize, usize)],
    /// Spans to focus.
    pub focus: &'a [(usize, usize)],
    /// Which fact kinds are shown.
    pub show_fact: &'a dyn Fn(FactKind) -> bool,
}

/// The marks of the paragraphs on show, in paragraph order (the first is
/// paragraph `request.paragraphs.start`). Work is linear in paragraphs plus
/// layers; a span over several paragraphs is cut at each.
pub fn marks(document: &Document, request: &Request) -> Vec<ParagraphMarks> {
    let count = document.paragraphs.len();
    let range = request.paragraphs.start.min(count)..request.paragraphs.end.min(count);
    let shown = &document.paragraphs[range];
    let (Some(first_shown), Some(last_shown)) = (shown.first(), shown.last()) else {
        return Vec::new();
    };
    let (from_offset, to_offset) = (first_shown.start, last_shown.end);
    let mut per_paragraph: Vec<Vec<Layer>> = vec![Vec::new(); shown.len()];
    let mut place = |start: usize, end: usize, kind: LayerKind| {
        if start >= end || end <= from_offset || start >= to_offset {
            return;
        }
        let first = shown.partition_point(|p| p.end <= start);
        for (index, paragraph) in shown.iter().enumerate().skip(first) {
            if paragraph.start >= end {
                break;
            }
            let (from, to) = (start.max(paragraph.start), end.min(paragraph.end));
            if from < to {
                per_paragraph[index].push(Layer {
                    start: from,
                    end: to,
                    kind,
                });
            }
        }
    };
    for (index, fact) in document.facts.iter().enumerate() {
        if (request.show_fact)(fact.kind) {
            place(fact.start, fact.end, LayerKind::Fact(index));
        }
    }
    for (index, &(start, end)) in request.annotations.iter().enumerate() {
        place(start, end, LayerKind::Annotation(index));
    }
    for &(start, end) in request.focus {
        place(start, end, LayerKind::Focus);
    }
    shown
        .iter()
        .zip(per_paragraph)
        .map(|(paragraph, layers)| ParagraphMarks {
            segments: segments(paragraph.start, paragraph.end, &layers, request.annotations),
        })
        .collect()
}

/// Cuts `start..end` at every layer boundary. Runs without any layer are
/// returned too, so that the segments cover the paragraph exactly.
pub fn segments(
    start: usize,
    end: usize,
    layers: &[Layer],
    annotations: &[(usize, usize)],
) -> Vec<Segment> {
    if layers.is_empty() {
        return vec![Segment {
            start,
            end,
            facts: Vec::new(),
            annotations: Vec::new(),
            focus: false,
        }];
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(layers.len() * 2 + 2);
    cuts.push(start);
    cuts.push(end);
    for layer in layers {
        cuts.push(layer.start.clamp(start, end));
        cuts.push(layer.end.clamp(start, end));
    }
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let length = |i: usize| annotations.get(i).map_or(usize::MAX, |(s, e)| e - s);
    // A sweep over the cuts: the layers covering a run are those started at
    // or before it and not yet ended, kept in their given order. (Filtering
    // every layer for every run was quadratic: a 5 MB line with 250,000
    // facts took minutes.)
    let by = |edge: fn(&Layer) -> usize| {
        let mut order: Vec<(usize, usize)> = layers
            .iter()
            .enumerate()
            .filter(|(_, l)| l.start <= l.end)
            .map(|(i, l)| (edge(l).clamp(start, end), i))
            .collect();
        // Pairs are distinct (each layer once), so the crate's stable sort
        // orders them as an unstable one would, without its code in the wasm.
        crate::sort::sort(&mut order);
        order
    };
    let (starts, ends) = (by(|l| l.start), by(|l| l.end));
    let (mut next_start, mut next_end) = (0, 0);
    let mut active: BTreeSet<usize> = BTreeSet::new();
    cuts.windows(2)
        .map(|pair| {
            let (from, to) = (pair[0], pair[1]);
            while let Some(&(_, i)) = starts.get(next_start).filter(|(at, _)| *at <= from) {
                active.insert(i);
                next_start += 1;
            }
            while let Some(&(_, i)) = ends.get(next_end).filter(|(at, _)| *at <= from) {
                active.remove(&i);
                next_end += 1;
            }
            let covering = active.iter().map(|&i| &layers[i]);
            let mut segment = Segment {
                start: from,
                end: to,
                facts: Vec::new(),
                annotations: Vec::new(),
                focus: false,
            };
            for layer in covering {
                match layer.kind {
                    LayerKind::Fact(i) => segment.facts.push(i),
                    LayerKind::Annotation(i) => segment.annotations.push(i),
                    LayerKind::Focus => segment.focus = true,
                }
            }
            crate::sort::sort_by_key(&mut segment.annotations, |&i| (length(i), i));
            segment
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn overlapping_and_nested_annotations_cut_into_runs() {
        let annotations = [(0, 10), (5, 15), (6, 8)];
        let layers: Vec<Layer> = annotations
            .iter()
            .enumerate()
            .map(|(i, &(start, end))| Layer {
                start,
                end,
                kind: LayerKind::Annotation(i),
            })
            .collect();
        let got: Vec<(usize, usize, Vec<usize>)> = segments(0, 20, &layers, &annotations)
            .into_iter()
            .map(|s| (s.start, s.end, s.annotations))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 5, vec![0]),
                (5, 6, vec![0, 1]),
                (6, 8, vec![2, 0, 1]),
                (8, 10, vec![0, 1]),
                (10, 15, vec![1]),
                (15, 20, vec![]),
            ]
        );
    }

    #[test]
    fn spans_over_paragraphs_are_cut_at_each() {
        let doc = parse("First paragraph here.\nSecond one.\nThird.");
        let annotations = [(6, 30)];
        let show = |_: FactKind| false;
        let request = Request {
            paragraphs: 0..doc.paragraphs.len(),
            annotations: &annotations,
            focus: &[],
            show_fact: &show,
        };
        let all = marks(&doc, &request);
        let window = marks(
            &doc,
            &Request {
                paragraphs: 1..2,
                ..request
            },
        );
        assert_eq!(window, all[1..2]);
        assert_eq!(all.len(), 3);
        let covered: Vec<Vec<(usize, usize)>> = all
            .iter()
            .map(|m| {
                m.segments
                    .iter()
                    .filter(|s| !s.annotations.is_empty())
                    .map(|s| (s.start, s.end))
                    .collect()
            })
            .collect();
        assert_eq!(covered, vec![vec![(6, 21)], vec![(22, 30)], vec![]]);
        // Segments cover each paragraph exactly.
        for (mark, p) in all.iter().zip(&doc.paragraphs) {
            assert_eq!(mark.segments.first().unwrap().start, p.start);
            assert_eq!(mark.segments.last().unwrap().end, p.end);
        }
    }
}
