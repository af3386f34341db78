use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::facts_panel::fact_class;
use super::paragraph::{LayerView, Paragraph, ParagraphView, SegmentView};
use crate::annotate::speaker_turns;
use crate::app::dom::{scroll_to, selection_in};
use crate::app::shared::Shared;
use crate::app::state::{snapped, Action, Focus, State, Target, WINDOW};
use crate::document::Document;
use crate::facts::FactKind;
use crate::highlight::{marks, ParagraphMarks, Request};

#[derive(Properties, PartialEq)]
pub struct DocumentViewProps {
    pub state: Shared<State>,
    pub dispatch: Callback<Action>,
}

/// Paragraphs mounted per animation frame while a long document appears.
const MOUNT_CHUNK: usize = 2_000;

/// What each paragraph on show displays regardless of highlights: its text
/// and, at the start of a turn, the speaker's name. Built once per document
/// and part.
struct Static {
    texts: Vec<AttrValue>,
    labels: Vec<Option<AttrValue>>,
}

fn static_parts(doc: &Document, shown: std::ops::Range<usize>) -> Static {
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
    Static { texts, labels }
}

/// What the marks depend on: document, annotation spans, focus spans, the
/// fact kinds hidden and the paragraphs on show.
type MarkInputs = (
    Shared<Document>,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    BTreeSet<FactKind>,
    std::ops::Range<usize>,
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

/// The document: every paragraph as a keyed component with its fact
/// highlights, annotations and focus. Selecting text makes it the target
/// of the next tag; clicking a highlight selects the annotation under it
/// (and the next one under it on a second click).
#[component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let state = &props.state;
    let doc = Shared::new(state.document.clone());
    let root = use_node_ref();

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
    let total = doc.paragraphs.len();
    let shown = state.window_start.min(total)..(state.window_start + WINDOW).min(total);
    let parts = use_memo((doc.clone(), shown.clone()), |(doc, shown)| {
        static_parts(doc, shown.clone())
    });
    let all_marks: Rc<Vec<ParagraphMarks>> = use_memo(
        (doc.clone(), spans, focus, hidden, shown.clone()),
        |(doc, spans, focus, hidden, shown): &MarkInputs| {
            let show = |kind: FactKind| !hidden.contains(&kind);
            marks(
                doc,
                &Request {
                    paragraphs: shown.clone(),
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
            if let Some(paragraph) = state.jump_target() {
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
    // A drag that starts in the document and ends outside it: the region
    // hears no mouseup, the page does.
    {
        let dispatch = props.dispatch.clone();
        let root = root.clone();
        use_effect_with(doc.clone(), move |doc| {
            let doc = doc.clone();
            let listener = EventListener::new(&gloo::utils::document(), "mouseup", move |event| {
                let Some(root) = root.cast::<Element>() else {
                    return;
                };
                let inside = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|node| root.contains(Some(&node)));
                if inside {
                    return; // The region's own handler has it.
                }
                if let Some((start, end)) = selection_in(&root) {
                    dispatch.emit(Action::SetTarget(snapped(&doc, start, end)));
                }
            });
            move || drop(listener)
        });
    }
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

    // Paragraphs are mounted a few thousand per frame, so that showing a long
    // document never blocks the page for long; a jump mounts up to its target.
    let key = (Rc::as_ptr(&doc.0) as usize, shown.start);
    let mounted = use_state(|| (key, MOUNT_CHUNK));
    let mut count = if mounted.0 == key {
        mounted.1
    } else {
        MOUNT_CHUNK
    };
    if let Some(target) = state.jump_target().filter(|t| shown.contains(t)) {
        count = count.max(target - shown.start + 1);
    }
    let count = count.min(shown.len());
    {
        let mounted = mounted.clone();
        let remaining = count < shown.len();
        use_effect_with((key, count, remaining), move |&(key, count, remaining)| {
            let frame = remaining.then(|| {
                gloo::render::request_animation_frame(move |_| {
                    mounted.set((key, count + MOUNT_CHUNK))
                })
            });
            move || drop(frame)
        });
    }
    let shown_now = shown.start..shown.start + count;
    let body = if doc.paragraphs.is_empty() {
        html! { <p class="empty">{ "Paste a press release or load the sample to begin." }</p> }
    } else {
        doc.paragraphs[shown_now.clone()]
            .iter()
            .zip(shown_now)
            .map(|(p, index)| {
                html! {
                    <Paragraph
                        key={index}
                        {index}
                        start={p.start}
                        text={parts.texts[index - shown.start].clone()}
                        role={p.role}
                        label={parts.labels[index - shown.start].clone()}
                        view={views[index - shown.start].clone()}
                        on_turn={on_turn.clone()}
                    />
                }
            })
            .collect::<Html>()
    };
    let navigation = (total > WINDOW).then(|| window_navigation(&shown, total, &props.dispatch));
    let progress = state.parsing.as_ref().map(|parsing| {
        let megabytes = state.input.len() as f64 / 1_048_576.0;
        let value = (parsing.percent > 0).then(|| parsing.percent.to_string());
        html! {
            <div class="parsing" role="status">
                <progress max="100" value={value} aria-label="Reading the text"></progress>
                { format!("Reading {megabytes:.1} MB of text in the background; the page stays usable.") }
            </div>
        }
    });
    html! {
        <section class="document" role="region" aria-label="Document" ref={root} {onmouseup}>
            { for progress }
            { for navigation.clone() }
            { body }
            { for navigation }
        </section>
    }
}

/// "Paragraphs 1–25,000 of 1,000,000" with buttons to the parts around.
fn window_navigation(
    shown: &std::ops::Range<usize>,
    total: usize,
    dispatch: &Callback<Action>,
) -> Html {
    let previous = shown.start.checked_sub(WINDOW);
    let next = (shown.end < total).then_some(shown.end);
    let go = |start: Option<usize>| {
        start.map(|start| dispatch.reform(move |_: MouseEvent| Action::ShowWindow(start)))
    };
    html! {
        <nav class="window-nav" aria-label="Parts of the document">
            <button type="button" class="small" disabled={previous.is_none()} onclick={go(previous)}>{ "Previous part" }</button>
            <span>{ format!("Paragraphs {}–{} of {}", shown.start + 1, shown.end, total) }</span>
            <button type="button" class="small" disabled={next.is_none()} onclick={go(next)}>{ "Next part" }</button>
        </nav>
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
