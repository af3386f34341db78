use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::dom::{field_value, focus, focus_and_select};
use crate::app::hooks::{use_debounce, use_find_shortcut};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Found, ViewAction};
use crate::document::Document;
use crate::find::{find_all, Matches};

/// Matches counted at most; past it the count says "10000+".
const MAX_MATCHES: usize = 10_000;

#[derive(Properties, PartialEq)]
pub struct FindBoxProps {
    pub document: Shared<Document>,
    /// Where the keyboard goes when the box closes.
    pub return_to: NodeRef,
}

/// Find in the document, opened with Ctrl+F (Cmd+F): the browser's own find
/// cannot see the paragraphs of a long document that are not in the page,
/// this one searches the whole text. Each match in turn is drawn, brought
/// into view and made the target of the next tag; Enter and Shift+Enter
/// (or the buttons) go to the next and previous one, Escape closes the box
/// and leaves the match as the target.
#[component(FindBox)]
pub fn find_box(props: &FindBoxProps) -> Html {
    rendered("FindBox");
    let dispatch = use_dispatch();
    let input = use_node_ref();
    // Bumped by every Ctrl+F; zero while closed.
    let opened = use_state(|| 0u32);
    let typed = use_state(String::new);
    let query = use_state(String::new);
    let current = use_state(|| 0usize);
    use_find_shortcut({
        let opened = opened.clone();
        Callback::from(move |_| opened.set(*opened + 1))
    });
    {
        let input = input.clone();
        use_effect_with(*opened, move |opened| {
            if *opened > 0 {
                focus_and_select(&input);
            }
        });
    }
    let delay = if props.document.text.len() > 1_000_000 {
        200
    } else {
        50
    };
    use_debounce((*typed).clone(), delay, {
        let (typed, query, current) = (typed.clone(), query.clone(), current.clone());
        Callback::from(move |_| {
            if *query != *typed {
                current.set(0);
                query.set((*typed).clone());
            }
        })
    });
    let matches = use_memo(
        (props.document.clone(), (*query).clone()),
        |(document, query)| find_all(&document.text, query, MAX_MATCHES),
    );
    let open = *opened > 0;
    {
        let (dispatch, document) = (dispatch.clone(), props.document.clone());
        use_effect_with(
            (Shared::new(matches.clone()), *current, open),
            move |(matches, current, open)| {
                let found = matches
                    .spans
                    .get(*current)
                    .filter(|_| *open)
                    .map(|&(start, end)| Found {
                        start,
                        end,
                        paragraph: document.paragraph_at(start).unwrap_or(0),
                    });
                dispatch.emit(ViewAction::Found(found));
            },
        );
    }
    if !open {
        return html! {};
    }
    let count = matches.spans.len();
    let step = |forward: bool| {
        let current = current.clone();
        move || {
            if count > 0 {
                current.set(if forward {
                    (*current + 1) % count
                } else {
                    (*current + count - 1) % count
                });
            }
        }
    };
    let close = {
        let (opened, return_to) = (opened.clone(), props.return_to.clone());
        move || {
            opened.set(0);
            focus(&return_to);
        }
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| typed.set(field_value(&event)))
    };
    let onkeydown = {
        let (next, previous, close) = (step(true), step(false), close.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                if event.shift_key() {
                    previous()
                } else {
                    next()
                }
            }
            "Escape" => {
                event.prevent_default();
                close()
            }
            _ => {}
        })
    };
    let next = {
        let next = step(true);
        Callback::from(move |_: MouseEvent| next())
    };
    let previous = {
        let previous = step(false);
        Callback::from(move |_: MouseEvent| previous())
    };
    let on_close = Callback::from(move |_: MouseEvent| close());
    let status = status(&matches, *current, query.is_empty());
    html! {
        <div class="find-box" role="search" aria-label="Find in document">
            <input
                ref={input}
                type="search"
                aria-label="Find in document"
                placeholder="Find in document"
                value={(*typed).clone()}
                {oninput}
                {onkeydown}
            />
            <span class="find-count" role="status" aria-live="polite">{ status }</span>
            <button type="button" class="small" title="Previous match (Shift+Enter)" disabled={count == 0} onclick={previous}>{ "Previous" }</button>
            <button type="button" class="small" title="Next match (Enter)" disabled={count == 0} onclick={next}>{ "Next" }</button>
            <button type="button" class="small" title="Close (Escape)" aria-label="Close find" onclick={on_close}>{ "×" }</button>
        </div>
    }
}

/// "3 of 17", "1 of 10000+", "No matches", or nothing before a query.
fn status(matches: &Matches, current: usize, blank: bool) -> String {
    match matches.spans.len() {
        _ if blank => String::new(),
        0 => "No matches".to_owned(),
        count => format!(
            "{} of {count}{}",
            current + 1,
            if matches.capped { "+" } else { "" }
        ),
    }
}
