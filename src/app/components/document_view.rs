use std::rc::Rc;

use yew::prelude::*;

use crate::document::Document;

#[derive(Properties, PartialEq)]
pub struct DocumentViewProps {
    pub document: Rc<Document>,
}

/// The parsed text, one `<p>` per paragraph. Text goes into the DOM as text
/// nodes only, so pasted markup shows literally.
#[component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let document = &props.document;
    let body = if document.paragraphs.is_empty() {
        html! { <p class="empty">{ "Paste a press release or load the sample to begin." }</p> }
    } else {
        (0..document.paragraphs.len())
            .map(|index| html! { <p key={index}>{ document.paragraph_text(index).to_owned() }</p> })
            .collect::<Html>()
    };
    html! {
        <section class="document" role="region" aria-label="Document">
            { body }
        </section>
    }
}
