use std::ops::Range;

use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::renders::rendered;
use crate::app::state::{Action, WINDOW};

#[derive(Properties, PartialEq)]
pub struct WindowNavProps {
    pub shown: Range<usize>,
    pub total: usize,
}

/// "Paragraphs 1–25,000 of 1,000,000" with buttons to the parts around.
#[component(WindowNav)]
pub fn window_nav(props: &WindowNavProps) -> Html {
    rendered("WindowNav");
    let dispatch = use_dispatch();
    let shown = &props.shown;
    let previous = shown.start.checked_sub(WINDOW);
    let next = (shown.end < props.total).then_some(shown.end);
    let go = |start: Option<usize>| {
        start.map(|start| dispatch.reform(move |_: MouseEvent| Action::ShowWindow(start)))
    };
    html! {
        <nav class="window-nav" aria-label="Parts of the document">
            <button type="button" class="small" disabled={previous.is_none()} onclick={go(previous)}>{ "Previous part" }</button>
            <span>{ format!("Paragraphs {}–{} of {}", shown.start + 1, shown.end, props.total) }</span>
            <button type="button" class="small" disabled={next.is_none()} onclick={go(next)}>{ "Next part" }</button>
        </nav>
    }
}
