use yew::prelude::*;

use crate::app::state::Jump;

/// Hands the paragraph of each new jump request to `reveal`, which mounts
/// it (the document is windowed) and scrolls it into view.
#[hook]
pub fn use_jump_scroll(jump: Jump, reveal: Callback<usize>) {
    use_effect_with(jump.request, move |_| {
        if let Some(paragraph) = jump.paragraph {
            reveal.emit(paragraph);
        }
    });
}
