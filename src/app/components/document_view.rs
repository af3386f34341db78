use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::facts_panel::kind_class;
use super::paragraph::{LayerView, Paragraph, ParagraphView, SegmentView};
use crate::annotate::speaker_turns;
use crate::app::dom::{scroll_to, selection_in};
use crate::app::shared::Shared;
use crate::app::state::{snapped, Action, Focus, State, Target};
use crate::document::Document;
use crate::facts::FactKind;
use crate::highlight::{marks, ParagraphMarks, Request};

#[derive(Properties, PartialEq)]
pub struct DocumentViewProps {
    pub state: Shared<State>,
    pub dispatch: Callback<Action>,
}

/// What each paragraph shows regardless of highlights: its text and, at the
/// start of a turn, the speaker's name. Built once per document.
struct Static {
    texts: Vec<AttrValue>,
    labels: Vec<Option<AttrValue>>,
}

fn static_parts(doc: &Document) -> Static {
    let texts = (0..doc.paragraphs.len())
        .map(|i| AttrValue::from(doc.paragraph_text(i).to_owned()))
        .collect();
    let labels = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let starts_turn =
                p.speaker.is_some() && (i == 0 || doc.paragraphs[i - 1].speaker != p.speaker);
            p.speaker
                .filter(|_| starts_turn)
                .and_then(|s| doc.speakers.get(s))
                .map(|s| AttrValue::from(s.name.clone()))
        })
        .collect();
    Static { texts, labels }
}

/// What the marks depend on: document, annotation spans, focus spans and
/// the fact kinds hidden.
type MarkInputs = (
    Shared<Document>,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    BTreeSet<FactKind>,
);

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

/// The paragraph a focus or a selected annotation should scroll to.
fn scroll_target(state: &State) -> Option<usize> {
    let doc = &state.document;
    let paragraph_of_fact = |f: usize| doc.facts.get(f).map(|fact| fact.paragraph);
    match &state.focus {
        Some(Focus::Speaker(s)) => {
            return doc
                .speakers
                .get(*s)
                .and_then(|s| s.paragraphs.first().copied())
        }
        Some(Focus::Entity(e)) => {
            return doc
                .entities
                .get(*e)
                .and_then(|e| e.facts.first().copied())
                .and_then(paragraph_of_fact)
        }
        Some(Focus::Fact(f)) => return paragraph_of_fact(*f),
        None => {}
    }
    let id = state.selected_annotation.as_ref()?;
    let annotation = state.session.set().annotation(id)?;
    doc.paragraph_at(annotation.start)
        .or_else(|| doc.paragraph_at(annotation.end.saturating_sub(1)))
}

/// The document: every paragraph as a keyed component with its fact
/// highlights, annotations and focus. Selecting text makes it the target
/// of the next tag; clicking a highlight selects the annotation under it
/// (and the next one under it on a second click).
#[component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let state = &props.state;
    let doc = Shared::new(state.document.clone());
    let root = use_node_ref();

    let parts = use_memo(doc.clone(), |doc| static_parts(doc));

    // What the core needs to cut paragraphs into segments.
    let spans: Vec<(usize, usize)> = state
        .session
        .set()
        .annotations()
        .iter()
        .map(|a| (a.start, a.end))
        .collect();
    let focus = focus_spans(&doc, &state.focus);
    let hidden = state.hidden_fact_kinds.clone();
    let all_marks: Rc<Vec<ParagraphMarks>> = use_memo(
        (doc.clone(), spans, focus, hidden),
        |(doc, spans, focus, hidden): &MarkInputs| {
            let show = |kind: FactKind| !hidden.contains(&kind);
            marks(
                doc,
                &Request {
                    annotations: spans,
                    focus,
                    show_fact: &show,
                },
            )
        },
    );

    // Segment views with colours and ids, one shared value per paragraph.
    let layers: Vec<LayerView> = {
        let set = state.session.set();
        let tags: HashMap<&str, (&str, &str)> = set
            .tags()
            .iter()
            .map(|t| (t.id.as_str(), (t.color.as_str(), t.name.as_str())))
            .collect();
        set.annotations()
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
            .collect()
    };
    let views: Rc<Vec<Rc<ParagraphView>>> = use_memo(
        (
            Shared::new(all_marks.clone()),
            layers,
            state.selected_annotation.clone(),
            doc.clone(),
        ),
        |(all_marks, layers, selected, doc)| {
            all_marks
                .iter()
                .map(|m| Rc::new(paragraph_view(doc, m, layers, selected.as_deref())))
                .collect()
        },
    );

    // Scroll to what the reader asked for.
    {
        let state = state.clone();
        use_effect_with(state.scroll_request, move |_| {
            if let Some(paragraph) = scroll_target(&state) {
                scroll_to(&format!("para-{paragraph}"));
            }
        });
    }

    let on_turn = {
        let dispatch = props.dispatch.clone();
        use_callback((), move |paragraph: usize, _| {
            dispatch.emit(Action::SetTarget(Some(Target::Turn(paragraph))))
        })
    };
    let on_pointer_up = {
        let dispatch = props.dispatch.clone();
        let doc = doc.clone();
        let root = root.clone();
        let selected = state.selected_annotation.clone();
        move |target: Option<web_sys::EventTarget>| {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            if let Some((start, end)) = selection_in(&root) {
                dispatch.emit(Action::SetTarget(snapped(&doc, start, end)));
                return;
            }
            // A click: select the annotation under the pointer, cycling
            // through nested ones on repeated clicks.
            let ids = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("[data-annotations]").ok().flatten())
                .and_then(|e| e.get_attribute("data-annotations"));
            match ids {
                Some(ids) => {
                    let ids: Vec<&str> = ids.split(' ').collect();
                    let next = match selected
                        .as_deref()
                        .and_then(|s| ids.iter().position(|id| *id == s))
                    {
                        Some(i) => ids[(i + 1) % ids.len()],
                        None => ids[0],
                    };
                    dispatch.emit(Action::SelectAnnotation(Some(next.to_owned())));
                }
                None => dispatch.emit(Action::SelectAnnotation(None)),
            }
        }
    };
    let onmouseup = {
        let handle = on_pointer_up.clone();
        Callback::from(move |event: MouseEvent| handle(event.target()))
    };
    // A selection made or changed with the keyboard (Shift+arrows after a
    // double click, Ctrl+A, …). Selecting text does not move the focus into
    // the document, so its keys go to the page: listen there. Only keys that
    // can change a selection count, so that the key that tagged a selection
    // does not make the same text the target again.
    {
        let dispatch = props.dispatch.clone();
        let root = root.clone();
        use_effect_with(doc.clone(), move |doc| {
            let doc = doc.clone();
            let listener = EventListener::new(&gloo::utils::document(), "keyup", move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if !changes_selection(event) {
                    return;
                }
                if let Some((start, end)) = root.cast::<Element>().and_then(|r| selection_in(&r)) {
                    dispatch.emit(Action::SetTarget(snapped(&doc, start, end)));
                }
            });
            move || drop(listener)
        });
    }

    let body = if doc.paragraphs.is_empty() {
        html! { <p class="empty">{ "Paste a press release or load the sample to begin." }</p> }
    } else {
        doc.paragraphs
            .iter()
            .enumerate()
            .map(|(index, p)| {
                html! {
                    <Paragraph
                        key={index}
                        {index}
                        start={p.start}
                        text={parts.texts[index].clone()}
                        role={p.role}
                        label={parts.labels[index].clone()}
                        view={views[index].clone()}
                        on_turn={on_turn.clone()}
                    />
                }
            })
            .collect::<Html>()
    };
    html! {
        <section class="document" role="region" aria-label="Document" ref={root} {onmouseup}>
            { body }
        </section>
    }
}

/// Whether a key can change the text selection: Shift with a movement key,
/// or Ctrl/Cmd+A.
fn changes_selection(event: &KeyboardEvent) -> bool {
    let key = event.key();
    let movement = matches!(
        key.as_str(),
        "ArrowLeft"
            | "ArrowRight"
            | "ArrowUp"
            | "ArrowDown"
            | "Home"
            | "End"
            | "PageUp"
            | "PageDown"
    );
    let select_all = (event.ctrl_key() || event.meta_key()) && key.eq_ignore_ascii_case("a");
    // The Shift key itself, released last, ends a Shift+arrow selection.
    (event.shift_key() && movement) || key == "Shift" || select_all
}

fn paragraph_view(
    doc: &Document,
    marks: &ParagraphMarks,
    layers: &[LayerView],
    selected: Option<&str>,
) -> ParagraphView {
    ParagraphView {
        segments: marks
            .segments
            .iter()
            .map(|segment| {
                let mut fact_classes: Vec<&'static str> = segment
                    .facts
                    .iter()
                    .filter_map(|&f| doc.facts.get(f))
                    .map(|fact| kind_class(fact.kind))
                    .collect();
                fact_classes.sort_unstable();
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
            .collect(),
    }
}
