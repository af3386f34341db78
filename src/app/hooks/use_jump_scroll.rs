use yew::prelude::*;

use crate::app::dom::scroll_to;
use crate::app::state::Jump;

/// Scrolls the document to the paragraph of each new jump request. Used by
/// the component that mounts the paragraphs, after it has mounted the
/// target, so the paragraph is in the page when its effect runs.
#[hook]
pub fn use_jump_scroll(jump: Jump) {
    use_effect_with(jump.request, move |_| {
        if let Some(paragraph) = jump.paragraph {
            scroll_to(&format!("para-{paragraph}"));
        }
    });
}
