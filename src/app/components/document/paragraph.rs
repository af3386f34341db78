use std::rc::Rc;

use yew::prelude::*;

use crate::app::renders::rendered_paragraph;
use crate::document::ParagraphRole;

/// An annotation as one segment draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerView {
    pub id: AttrValue,
    pub color: AttrValue,
    pub tag: AttrValue,
}

/// A run of text and what is drawn over it.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentView {
    /// Code points into the document text.
    pub start: usize,
    pub end: usize,
    pub fact_classes: Vec<&'static str>,
    /// Innermost first.
    pub layers: Vec<LayerView>,
    pub selected: bool,
    pub focus: bool,
}

/// Everything one paragraph draws; compared to decide whether it re-renders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParagraphView {
    pub segments: Vec<SegmentView>,
}

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub index: usize,
    /// Code-point offset of the paragraph in the document text.
    pub start: usize,
    pub text: AttrValue,
    pub role: ParagraphRole,
    /// The speaker's name, on the first paragraph of a turn.
    pub label: Option<AttrValue>,
    pub view: Rc<ParagraphView>,
    /// The place a view of the library opened (a turn, a search hit, a
    /// coded passage): marked until the next jump.
    #[prop_or_default]
    pub marked: bool,
    pub on_turn: Callback<usize>,
}

/// One paragraph of the document as text nodes (never markup), cut into
/// segments that carry their code-point offset for the selection code.
/// Keyed and compared by props, so tagging re-renders only the paragraphs
/// whose highlights changed.
#[component(Paragraph)]
pub fn paragraph(props: &ParagraphProps) -> Html {
    rendered_paragraph(props.index);
    let text = props.text.as_str();
    // Byte offset of every code point, plus the end.
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let byte =
        |offset: usize| boundaries[offset.saturating_sub(props.start).min(boundaries.len() - 1)];
    let segments: Html = props
        .view
        .segments
        .iter()
        .map(|segment| {
            let slice = &text[byte(segment.start)..byte(segment.end)];
            render_segment(segment, slice)
        })
        .collect();
    let label = props.label.as_ref().map(|name| {
        let index = props.index;
        let onclick = props.on_turn.reform(move |_: MouseEvent| index);
        html! {
            <button type="button" class="turn-label" title="Select this turn, then choose a tag to annotate it" {onclick}>
                { name.clone() }
            </button>
        }
    });
    let id = format!("para-{}", props.index);
    let class = classes!(
        "para",
        role_class(props.role),
        props.marked.then_some("marked")
    );
    match props.role {
        ParagraphRole::Heading => html! { <h3 {id} {class}>{ segments }</h3> },
        ParagraphRole::Headline => html! { <h2 {id} {class}>{ segments }</h2> },
        _ => html! { <p {id} {class}>{ label }{ segments }</p> },
    }
}

fn render_segment(segment: &SegmentView, text: &str) -> Html {
    let plain = segment.layers.is_empty() && segment.fact_classes.is_empty() && !segment.focus;
    if plain {
        return html! { <span data-start={segment.start.to_string()}>{ text.to_owned() }</span> };
    }
    let mut class = classes!(segment.fact_classes.clone());
    if !segment.fact_classes.is_empty() {
        class.push("fact");
    }
    if segment.focus {
        class.push("focus");
    }
    if segment.selected {
        class.push("selected");
    }
    let (style, ids, title) = match segment.layers.split_first() {
        Some((inner, outer)) => {
            class.push("annotated");
            // The innermost annotation tints the text; each enclosing one
            // adds a bar underneath, so overlaps stay visible.
            let bars: Vec<String> = outer
                .iter()
                .enumerate()
                .map(|(depth, layer)| format!("inset 0 -{}px 0 {}", 3 * (depth + 1), layer.color))
                .collect();
            let mut style = format!("--tag: {};", inner.color);
            if !bars.is_empty() {
                style.push_str(&format!(" box-shadow: {};", bars.join(", ")));
                style.push_str(&format!(" padding-bottom: {}px;", 3 * bars.len()));
            }
            let ids = segment
                .layers
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let title = segment
                .layers
                .iter()
                .map(|l| l.tag.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            (Some(style), Some(ids), Some(title))
        }
        None => (None, None, None),
    };
    html! {
        <span data-start={segment.start.to_string()} {class} {style} data-annotations={ids} {title}>
            { text.to_owned() }
        </span>
    }
}

fn role_class(role: ParagraphRole) -> &'static str {
    match role {
        ParagraphRole::Text => "text",
        ParagraphRole::Headline => "headline",
        ParagraphRole::Subheadline => "subheadline",
        ParagraphRole::Heading => "heading",
        ParagraphRole::Meta => "meta",
        ParagraphRole::Clutter => "clutter",
    }
}
