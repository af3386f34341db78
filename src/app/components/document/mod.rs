//! The Document region, in small parts: the region itself (this file), which
//! reads selections and clicks through hooks; [`views`], what each paragraph
//! draws; [`paragraph_list`], the windowed list that puts the paragraphs
//! near the view into the page; [`paragraph`], one paragraph as text nodes;
//! [`find_box`], the app's find in the document (Ctrl+F); [`progress`] (a
//! long text read in the worker).

mod find_box;
mod paragraph;
mod paragraph_list;
mod progress;
mod views;

use std::collections::BTreeSet;

use yew::prelude::*;

use find_box::FindBox;
pub use paragraph::{LayerView, ParagraphView, SegmentView};
use paragraph_list::ParagraphList;
use progress::parse_progress;
pub use progress::Progress;
use views::Marked;
pub use views::{layers_of, Layers};

use crate::app::context::use_dispatch;
use crate::app::hooks::{use_keyboard_selection, use_selection_reading};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Focus, Jump, Target, ViewAction};
use crate::document::Document;
use crate::facts::FactKind;

#[derive(Properties, PartialEq)]
pub struct DocumentViewProps {
    pub document: Shared<Document>,
    pub layers: Shared<Layers>,
    pub focus: Option<Focus>,
    pub selected: Option<AttrValue>,
    pub hidden: BTreeSet<FactKind>,
    /// The find box's match, drawn like a focus.
    pub found: Option<(usize, usize)>,
    pub jump: Jump,
    pub progress: Option<Progress>,
}

/// The document: its paragraphs (those near the view in the page) with
/// their fact highlights, annotations and focus, and the find box above.
/// Selecting text makes it the target of the next tag; clicking a highlight
/// selects the annotation under it (and the next one under it on a second
/// click); a speaker's name at the start of a turn targets the turn.
#[component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    rendered("DocumentView");
    let document = props.document.clone();
    let dispatch = use_dispatch();
    let root = use_node_ref();
    let total = document.paragraphs.len();
    let onmouseup = use_selection_reading(root.clone(), document.clone(), props.selected.clone());
    use_keyboard_selection(root.clone(), document.clone());
    let on_turn = {
        let dispatch = dispatch.clone();
        use_callback((), move |paragraph: usize, _| {
            dispatch.emit(ViewAction::SetTarget(Some(Target::Turn(paragraph))))
        })
    };
    let marked = Marked {
        layers: props.layers.clone(),
        focus: props.focus.clone(),
        hidden: props.hidden.clone(),
        selected: props.selected.clone(),
        found: props.found,
    };
    html! {
        <>
            <FindBox document={document.clone()} return_to={root.clone()} />
            <section class="document" role="region" aria-label="Document" tabindex="-1" ref={root.clone()} {onmouseup}>
                { for props.progress.map(parse_progress) }
                if total == 0 {
                    <p class="empty">{ "Paste a press release or load the sample to begin." }</p>
                } else {
                    <ParagraphList {document} {marked} jump={props.jump} scroller={root} {on_turn} />
                }
            </section>
        </>
    }
}
