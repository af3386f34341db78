use yew::prelude::*;

use crate::annotate::{exported_annotations, text_color_on, ExportedAnnotation, Session};
use crate::app::clock::now_iso;
use crate::app::context::{use_dispatch, Dispatch};
use crate::app::dom::field_value;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit, ViewAction, WorkspaceAction};
use crate::document::Document;

#[derive(Properties, PartialEq)]
pub struct AnnotationsPanelProps {
    pub document: Shared<Document>,
    pub session: Shared<Session>,
    pub selected: Option<AttrValue>,
    pub tag_filter: Option<AttrValue>,
    /// `Some(None)` lists annotations outside any turn.
    pub speaker_choice: Option<Option<usize>>,
}

fn shorten(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Every annotation in reading order with its tag, quote, note and speaker;
/// filter by tag and speaker; choose one to jump to it and edit its note.
/// Annotations that lost their place in the text are listed apart.
#[component(AnnotationsPanel)]
pub fn annotations_panel(props: &AnnotationsPanelProps) -> Html {
    rendered("AnnotationsPanel");
    let doc = &*props.document;
    let dispatch = use_dispatch();
    let set = props.session.set();
    let all = exported_annotations(doc, set);
    let shown: Vec<&ExportedAnnotation> = all
        .iter()
        .filter(|a| {
            props
                .tag_filter
                .as_ref()
                .is_none_or(|tag| a.tag == tag.as_str())
        })
        .filter(|a| {
            props
                .speaker_choice
                .is_none_or(|choice| a.speaker == choice)
        })
        .collect();

    let on_tag_filter = dispatch.reform(|event: Event| {
        let value = field_value(&event);
        ViewAction::SetTagFilter((!value.is_empty()).then_some(value))
    });
    let on_speaker_filter = dispatch.reform(|event: Event| {
        ViewAction::SetSpeakerChoice(match field_value(&event).as_str() {
            "" => None,
            "none" => Some(None),
            index => index.parse().ok().map(Some),
        })
    });
    let tag_options: Html = set
        .tags()
        .iter()
        .map(|t| {
            let chosen = props.tag_filter.as_deref() == Some(t.id.as_str());
            html! { <option value={t.id.clone()} selected={chosen}>{ t.name.clone() }</option> }
        })
        .collect();
    let speaker_options: Html = doc
        .speakers
        .iter()
        .enumerate()
        .filter(|(i, _)| all.iter().any(|a| a.speaker == Some(*i)))
        .map(|(i, s)| {
            let chosen = props.speaker_choice == Some(Some(i));
            html! { <option value={i.to_string()} selected={chosen}>{ s.name.clone() }</option> }
        })
        .collect();

    let items: Html = shown
        .iter()
        .map(|a| annotation_item(doc, props, &dispatch, a))
        .collect();
    let orphans: Html = set
        .orphans()
        .iter()
        .map(|orphan| {
            let id = orphan.annotation.id.clone();
            let delete = dispatch.reform(move |_: MouseEvent| Edit::DeleteOrphan(id.clone()));
            let tag = set
                .tag(&orphan.annotation.tag)
                .map_or("?".to_owned(), |t| t.name.clone());
            html! {
                <li key={orphan.annotation.id.clone()} class="orphan">
                    <span class="tag-name">{ tag }</span>
                    <q>{ shorten(&orphan.quote.exact, 140) }</q>
                    if !orphan.annotation.note.is_empty() {
                        <p class="note-text">{ orphan.annotation.note.clone() }</p>
                    }
                    <button type="button" class="small" onclick={delete}>{ "Delete" }</button>
                </li>
            }
        })
        .collect();

    html! {
        <section class="panel annotations-panel" aria-labelledby="annotations-heading">
            <h2 id="annotations-heading">{ "Annotations" }<span class="count">{ all.len() }</span></h2>
            <div class="filters">
                <select aria-label="Filter annotations by tag" onchange={on_tag_filter}>
                    <option value="" selected={props.tag_filter.is_none()}>{ "All tags" }</option>
                    { tag_options }
                </select>
                <select aria-label="Filter annotations by speaker" onchange={on_speaker_filter}>
                    <option value="" selected={props.speaker_choice.is_none()}>{ "All speakers" }</option>
                    <option value="none" selected={props.speaker_choice == Some(None)}>{ "Outside any turn" }</option>
                    { speaker_options }
                </select>
            </div>
            if all.is_empty() {
                <p class="empty">{ "No annotations yet." }</p>
            } else if shown.is_empty() {
                <p class="empty">{ "No annotations match these filters." }</p>
            }
            <ol class="annotation-list">{ items }</ol>
            if !set.orphans().is_empty() {
                <h3>{ "Not placed" }<span class="count">{ set.orphans().len() }</span></h3>
                <p class="hint">{ "Their text is not in the current document. They are kept, and exported." }</p>
                <ul class="orphan-list">{ orphans }</ul>
            }
        </section>
    }
}

fn annotation_item(
    doc: &Document,
    props: &AnnotationsPanelProps,
    dispatch: &Dispatch,
    annotation: &ExportedAnnotation,
) -> Html {
    let set = props.session.set();
    let tag = set.tag(&annotation.tag);
    let (tag_name, color) = tag.map_or(("?".to_owned(), "#999999".to_owned()), |t| {
        (t.name.clone(), t.color.clone())
    });
    let speaker = annotation
        .speaker
        .and_then(|s| doc.speakers.get(s))
        .map(|s| s.name.clone());
    let selected = props.selected.as_deref() == Some(annotation.id.as_str());
    let id = annotation.id.clone();
    let select = dispatch
        .reform(move |_: MouseEvent| Action::SelectAnnotation((!selected).then(|| id.clone())));
    let style = format!("--tag: {color}; --tag-ink: {};", text_color_on(&color));
    let editor = if selected {
        let id = annotation.id.clone();
        let on_note = {
            let id = id.clone();
            dispatch.reform(move |event: InputEvent| Edit::SetNote {
                id: id.clone(),
                note: field_value(&event),
                now: now_iso(),
            })
        };
        let on_blur = dispatch.reform(|_: FocusEvent| WorkspaceAction::SealNote);
        let on_tag = {
            let id = id.clone();
            dispatch.reform(move |event: Event| Edit::SetAnnotationTag {
                id: id.clone(),
                tag: field_value(&event),
                now: now_iso(),
            })
        };
        let delete = dispatch.reform(move |_: MouseEvent| Action::DeleteAnnotation(id.clone()));
        let options: Html = set
            .tags()
            .iter()
            .map(|t| html! { <option value={t.id.clone()} selected={t.id == annotation.tag}>{ t.name.clone() }</option> })
            .collect();
        html! {
            <div class="annotation-editor">
                <label>
                    { "Note" }
                    <textarea aria-label="Note" value={annotation.note.clone()} oninput={on_note} onblur={on_blur} rows="3" />
                </label>
                <div class="actions">
                    <select aria-label="Tag of this annotation" onchange={on_tag}>{ options }</select>
                    <button type="button" class="small danger" onclick={delete}>{ "Delete annotation" }</button>
                </div>
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <li key={annotation.id.clone()} class={classes!("annotation", selected.then_some("selected"))}>
            <button type="button" class="annotation-summary" aria-expanded={selected.to_string()} onclick={select}>
                <span class="tag-chip" {style}>{ tag_name }</span>
                <q>{ shorten(&annotation.exact, 160) }</q>
                <span class="annotation-meta">
                    { speaker.unwrap_or_else(|| "the release".to_owned()) }
                    if !annotation.note.is_empty() {
                        { " · note: " }{ shorten(&annotation.note, 80) }
                    }
                </span>
            </button>
            { editor }
        </li>
    }
}
