//! The Document region, in small parts: the region itself (this file), which
//! reads selections and clicks through hooks; [`views`], what each paragraph
//! draws; [`paragraph_list`], which puts the paragraphs into the page (the
//! part a windowed list replaces); [`paragraph`], one paragraph as text
//! nodes; [`window_nav`] (the parts of a long document) and [`progress`]
//! (a long text read in the worker).

mod paragraph;
mod paragraph_list;
mod progress;
mod views;
mod window_nav;

use std::collections::BTreeSet;

use yew::prelude::*;

pub use paragraph::{LayerView, ParagraphView, SegmentView};
use paragraph_list::ParagraphList;
use progress::parse_progress;
pub use progress::Progress;
use views::use_shown_paragraphs;
pub use views::{layers_of, Layers};
use window_nav::window_nav;

use crate::app::context::use_dispatch;
use crate::app::hooks::{use_keyboard_selection, use_selection_reading};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Focus, Jump, Target, ViewAction, WINDOW};
use crate::document::Document;
use crate::facts::FactKind;

#[derive(Properties, PartialEq)]
pub struct DocumentViewProps {
    pub document: Shared<Document>,
    pub layers: Shared<Layers>,
    pub focus: Option<Focus>,
    pub selected: Option<AttrValue>,
    pub hidden: BTreeSet<FactKind>,
    /// First paragraph of the part on show.
    pub window_start: usize,
    pub jump: Jump,
    pub progress: Option<Progress>,
}

/// The document: every paragraph with its fact highlights, annotations and
/// focus. Selecting text makes it the target of the next tag; clicking a
/// highlight selects the annotation under it (and the next one under it on
/// a second click); a speaker's name at the start of a turn targets the
/// turn.
#[component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    rendered("DocumentView");
    let document = props.document.clone();
    let dispatch = use_dispatch();
    let root = use_node_ref();
    let total = document.paragraphs.len();
    let shown = props.window_start.min(total)..(props.window_start + WINDOW).min(total);
    let paragraphs = use_shown_paragraphs(
        document.clone(),
        props.layers.clone(),
        props.focus.clone(),
        props.hidden.clone(),
        props.selected.clone(),
        shown.clone(),
    );
    let onmouseup = use_selection_reading(root.clone(), document.clone(), props.selected.clone());
    use_keyboard_selection(root.clone(), document.clone());
    let on_turn = {
        let dispatch = dispatch.clone();
        use_callback((), move |paragraph: usize, _| {
            dispatch.emit(ViewAction::SetTarget(Some(Target::Turn(paragraph))))
        })
    };

    let navigation = (total > WINDOW).then(|| window_nav(&shown, total, &dispatch));
    html! {
        <section class="document" role="region" aria-label="Document" ref={root} {onmouseup}>
            { for props.progress.map(parse_progress) }
            { for navigation.clone() }
            if total == 0 {
                <p class="empty">{ "Paste a press release or load the sample to begin." }</p>
            } else {
                <ParagraphList {document} {paragraphs} jump={props.jump} {on_turn} />
            }
            { for navigation }
        </section>
    }
}
