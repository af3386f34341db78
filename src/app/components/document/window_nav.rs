use std::ops::Range;

use yew::prelude::*;

use crate::app::context::Dispatch;
use crate::app::state::{Action, WINDOW};

/// "Paragraphs 1–25,000 of 1,000,000" with buttons to the parts around.
/// A plain function: it is drawn only as part of the document view.
pub fn window_nav(shown: &Range<usize>, total: usize, dispatch: &Dispatch) -> Html {
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
