use yew::prelude::*;

use super::paragraph::Paragraph;
use super::views::ShownParagraphs;
use crate::app::hooks::{use_jump_scroll, use_progressive_mount};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::Jump;
use crate::document::Document;

/// Paragraphs mounted per animation frame while a long document appears.
const MOUNT_CHUNK: usize = 2_000;

#[derive(Properties, PartialEq)]
pub struct ParagraphListProps {
    pub document: Shared<Document>,
    pub paragraphs: ShownParagraphs,
    pub jump: Jump,
    /// A speaker's name at the start of a turn was chosen (paragraph index).
    pub on_turn: Callback<usize>,
}

/// Puts the paragraphs on show into the page, a few thousand per frame so
/// that a long document never blocks the page for long, and brings a jump's
/// paragraph into view (mounting up to it first). The part of the document
/// view that a windowed list (only the paragraphs near the viewport in the
/// page) replaces: it takes the same props.
#[component(ParagraphList)]
pub fn paragraph_list(props: &ParagraphListProps) -> Html {
    rendered("ParagraphList");
    let document = &props.document;
    let shown = &props.paragraphs.range;
    let jump_within = props
        .jump
        .paragraph
        .filter(|p| shown.contains(p))
        .map_or(0, |p| p - shown.start + 1);
    let key = (document.clone(), shown.start);
    let count = use_progressive_mount(key, shown.len(), jump_within, MOUNT_CHUNK);
    use_jump_scroll(props.jump);
    let texts = &props.paragraphs.texts;
    let views = &props.paragraphs.views;
    document.paragraphs[shown.start..shown.start + count]
        .iter()
        .enumerate()
        .map(|(offset, p)| {
            let index = shown.start + offset;
            html! {
                <Paragraph
                    key={index}
                    {index}
                    start={p.start}
                    text={texts.texts[offset].clone()}
                    role={p.role}
                    label={texts.labels[offset].clone()}
                    view={views[offset].clone()}
                    on_turn={props.on_turn.clone()}
                />
            }
        })
        .collect()
}
