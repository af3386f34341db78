//! What each paragraph on show draws, worked out from the document, the
//! annotations, the focus, the hidden fact kinds and the selected
//! annotation, and memoised so that a change recomputes only what depends
//! on it. The paragraphs compare what they draw, so only those whose
//! highlights changed re-render.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::paragraph::{LayerView, ParagraphView, SegmentView};
use crate::annotate::{speaker_turns, AnnotationSet};
use crate::app::components::facts_panel::fact_class;
use crate::app::shared::Shared;
use crate::app::state::Focus;
use crate::document::Document;
use crate::facts::FactKind;
use crate::highlight::{marks, ParagraphMarks, Request};

/// What the document view draws of the annotations: the span, colour and
/// tag name of each, in the session's order. A note changes none of it.
#[derive(Debug, PartialEq, Default)]
pub struct Layers {
    pub spans: Vec<(usize, usize)>,
    pub views: Vec<LayerView>,
}

pub fn layers_of(set: &AnnotationSet) -> Layers {
    let tags: HashMap<&str, (&str, &str)> = set
        .tags()
        .iter()
        .map(|t| (t.id.as_str(), (t.color.as_str(), t.name.as_str())))
        .collect();
    let annotations = set.annotations();
    Layers {
        spans: annotations.iter().map(|a| (a.start, a.end)).collect(),
        views: annotations
            .iter()
            .map(|a| {
                let (color, name) = tags
                    .get(a.tag.as_str())
                    .copied()
                    .unwrap_or(("#999999", "?"));
                LayerView {
                    id: AttrValue::from(a.id.clone()),
                    color: AttrValue::from(color.to_owned()),
                    tag: AttrValue::from(name.to_owned()),
                }
            })
            .collect(),
    }
}

/// What each paragraph on show displays whatever the highlights: its text
/// and, at the start of a turn, the speaker's name. Built once per document
/// and window.
pub struct ParagraphTexts {
    pub texts: Vec<AttrValue>,
    pub labels: Vec<Option<AttrValue>>,
}

fn paragraph_texts(doc: &Document, shown: Range<usize>) -> ParagraphTexts {
    let texts = shown
        .clone()
        .map(|i| AttrValue::from(doc.paragraph_text(i).to_owned()))
        .collect();
    let labels = shown
        .map(|i| (i, &doc.paragraphs[i]))
        .map(|(i, p)| {
            let starts_turn =
                p.speaker.is_some() && (i == 0 || doc.paragraphs[i - 1].speaker != p.speaker);
            p.speaker
                .filter(|_| starts_turn)
                .and_then(|s| doc.speakers.get(s))
                .map(|s| AttrValue::from(s.name.clone()))
        })
        .collect();
    ParagraphTexts { texts, labels }
}

/// The paragraphs on show: their range in the document, texts and views
/// (index `i` of each list is paragraph `range.start + i`).
#[derive(Clone, PartialEq)]
pub struct ShownParagraphs {
    pub range: Range<usize>,
    pub texts: Shared<ParagraphTexts>,
    pub views: Shared<Vec<Rc<ParagraphView>>>,
}

/// What the paragraphs draw besides their text: the annotations, the
/// focus, the fact kinds hidden, the selected annotation and the find
/// box's match.
#[derive(Clone, PartialEq)]
pub struct Marked {
    pub layers: Shared<Layers>,
    pub focus: Option<Focus>,
    pub hidden: BTreeSet<FactKind>,
    pub selected: Option<AttrValue>,
    pub found: Option<(usize, usize)>,
}

/// What the marks depend on: document, annotations, focus, the fact kinds
/// hidden, the find box's match and the paragraphs on show.
type MarkInputs = (
    Shared<Document>,
    Shared<Layers>,
    Option<Focus>,
    BTreeSet<FactKind>,
    Option<(usize, usize)>,
    Range<usize>,
);

/// The texts and views of the paragraphs `shown`, each recomputed only when
/// what it depends on changes: scrolling recomputes the window's, tagging
/// its marks (each paragraph then compares what it draws).
#[hook]
pub fn use_shown_paragraphs(
    doc: Shared<Document>,
    marked: Marked,
    shown: Range<usize>,
) -> ShownParagraphs {
    let Marked {
        layers,
        focus,
        hidden,
        selected,
        found,
    } = marked;
    let texts = use_memo((doc.clone(), shown.clone()), |(doc, shown)| {
        paragraph_texts(doc, shown.clone())
    });
    let all_marks: Rc<Vec<ParagraphMarks>> = use_memo(
        (
            doc.clone(),
            layers.clone(),
            focus,
            hidden,
            found,
            shown.clone(),
        ),
        |(doc, layers, focus, hidden, found, shown): &MarkInputs| {
            let show = |kind: FactKind| !hidden.contains(&kind);
            // The find box's match is drawn as what the reader asked to see.
            let mut focus = focus_spans(doc, focus);
            focus.extend(*found);
            marks(
                doc,
                &Request {
                    paragraphs: shown.clone(),
                    annotations: &layers.spans,
                    focus: &focus,
                    show_fact: &show,
                },
            )
        },
    );
    let views = use_memo(
        (Shared::new(all_marks), layers, selected, doc),
        |(all_marks, layers, selected, doc)| {
            all_marks
                .iter()
                .map(|m| Rc::new(paragraph_view(doc, m, &layers.views, selected.as_deref())))
                .collect::<Vec<_>>()
        },
    );
    ShownParagraphs {
        range: shown,
        texts: Shared::new(texts),
        views: Shared::new(views),
    }
}

/// The spans the current focus points at.
fn focus_spans(doc: &Document, focus: &Option<Focus>) -> Vec<(usize, usize)> {
    let fact_span = |f: usize| doc.facts.get(f).map(|fact| (fact.start, fact.end));
    match focus {
        Some(Focus::Speaker(s)) => speaker_turns(doc, *s)
            .iter()
            .map(|span| (span.start, span.end))
            .collect(),
        Some(Focus::Entity(e)) => doc
            .entities
            .get(*e)
            .map(|entity| entity.facts.iter().filter_map(|&f| fact_span(f)).collect())
            .unwrap_or_default(),
        Some(Focus::Fact(f)) => fact_span(*f).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Segments past which a paragraph draws no fact highlights: a single line
/// of megabytes holds hundreds of thousands of facts, and as many elements
/// in one paragraph would freeze the page. Annotations and focus are still
/// drawn; the Facts panel still lists every fact.
const MAX_FACT_SEGMENTS: usize = 2_000;

fn paragraph_view(
    doc: &Document,
    marks: &ParagraphMarks,
    layers: &[LayerView],
    selected: Option<&str>,
) -> ParagraphView {
    let draw_facts = marks.segments.len() <= MAX_FACT_SEGMENTS;
    let segments: Vec<SegmentView> = marks
        .segments
        .iter()
        .map(|segment| {
            let mut fact_classes: Vec<&'static str> = if draw_facts {
                segment
                    .facts
                    .iter()
                    .filter_map(|&f| doc.facts.get(f))
                    .map(|fact| fact_class(fact.kind))
                    .collect()
            } else {
                Vec::new()
            };
            crate::sort::sort(&mut fact_classes);
            fact_classes.dedup();
            let segment_layers: Vec<LayerView> = segment
                .annotations
                .iter()
                .filter_map(|&i| layers.get(i).cloned())
                .collect();
            let selected = selected.is_some_and(|id| segment_layers.iter().any(|l| l.id == id));
            SegmentView {
                start: segment.start,
                end: segment.end,
                fact_classes,
                layers: segment_layers,
                selected,
                focus: segment.focus,
            }
        })
        .collect();
    if draw_facts {
        return ParagraphView { segments };
    }
    // Runs that now look alike are drawn as one.
    let mut merged: Vec<SegmentView> = Vec::new();
    for segment in segments {
        match merged.last_mut() {
            Some(last)
                if last.end == segment.start
                    && last.layers == segment.layers
                    && last.focus == segment.focus
                    && last.selected == segment.selected =>
            {
                last.end = segment.end;
            }
            _ => merged.push(segment),
        }
    }
    ParagraphView { segments: merged }
}
