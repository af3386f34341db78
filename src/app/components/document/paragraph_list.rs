use yew::prelude::*;

use super::paragraph::Paragraph;
use super::views::{use_shown_paragraphs, Marked, ShownParagraphs};
use crate::app::hooks::{use_jump_scroll, use_window};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::Jump;
use crate::document::Document;

#[derive(Properties, PartialEq)]
pub struct ParagraphListProps {
    pub document: Shared<Document>,
    /// What the paragraphs draw besides their text.
    pub marked: Marked,
    pub jump: Jump,
    /// The element that scrolls the document.
    pub scroller: NodeRef,
    /// A speaker's name at the start of a turn was chosen (paragraph index).
    pub on_turn: Callback<usize>,
}

/// The paragraphs of the document, windowed: only those near the view (and
/// the one holding a selection's anchor) are in the page, between blank
/// blocks as high as the paragraphs they stand for, so that the scroll
/// height stays that of the whole document. Scrolling re-renders this list
/// and mounts the paragraphs that come into range; the paragraphs already
/// there keep their elements (and any selection in them). A jump mounts its
/// paragraph and brings it into the middle of the view.
///
/// For screen readers the list is a plain document structure: headings
/// stay headings, paragraphs paragraphs, and the blank blocks are hidden.
#[component(ParagraphList)]
pub fn paragraph_list(props: &ParagraphListProps) -> Html {
    rendered("ParagraphList");
    let document = &props.document;
    let window = use_window(props.scroller.clone(), document.clone());
    use_jump_scroll(props.jump, window.reveal.clone());
    let blocks = &window.layout.blocks;
    let range = |i: usize| blocks.get(i).map_or(0..0, |b| b.paragraphs.clone());
    // At most two blocks: the window, and a pinned paragraph away from it.
    let first = use_shown_paragraphs(document.clone(), props.marked.clone(), range(0));
    let second = use_shown_paragraphs(document.clone(), props.marked.clone(), range(1));
    let gap = |key: String, height: f64| {
        html! {
            <div {key} class="gap" aria-hidden="true" style={format!("height: {height:.0}px")}></div>
        }
    };
    // A place opened from a view of the library is marked, wherever the
    // window puts it (so it is drawn, not set on an element that may not
    // be mounted yet).
    let marked = props.jump.mark.then_some(props.jump.paragraph).flatten();
    let mut children: Vec<Html> = Vec::new();
    for (block, shown) in blocks.iter().zip([&first, &second]) {
        children.push(gap(format!("gap-{}", block.paragraphs.start), block.gap));
        children.extend(paragraphs(document, shown, marked, &props.on_turn));
    }
    children.push(gap("tail".to_owned(), window.layout.tail));
    html! {
        <div class="paragraphs" ref={window.list}>{ for children }</div>
    }
}

fn paragraphs<'a>(
    document: &'a Document,
    shown: &'a ShownParagraphs,
    marked: Option<usize>,
    on_turn: &'a Callback<usize>,
) -> impl Iterator<Item = Html> + 'a {
    document.paragraphs[shown.range.clone()]
        .iter()
        .enumerate()
        .map(move |(offset, p)| {
            let index = shown.range.start + offset;
            html! {
                <Paragraph
                    key={index}
                    {index}
                    start={p.start}
                    text={shown.texts.texts[offset].clone()}
                    role={p.role}
                    label={shown.texts.labels[offset].clone()}
                    view={shown.views[offset].clone()}
                    marked={marked == Some(index)}
                    on_turn={on_turn.clone()}
                />
            }
        })
}
