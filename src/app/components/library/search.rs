use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::people::refs;
use crate::app::context::use_dispatch;
use crate::app::dom::field_value;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Place, Release};
use crate::library::{search, SearchText};

/// Hits shown with their context; the rest are counted.
const SHOWN_HITS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct SearchViewProps {
    pub releases: Shared<Vec<Rc<Release>>>,
    /// Folded texts, by release id.
    pub texts: Shared<HashMap<String, Rc<SearchText>>>,
    /// Every text is loaded.
    pub complete: bool,
}

/// "Search": a phrase across every release, whatever its case and
/// accents; each hit opens its release at its place, selected.
#[component(SearchView)]
pub fn search_view(props: &SearchViewProps) -> Html {
    rendered("SearchView");
    let dispatch = use_dispatch();
    let query = use_state(String::new);
    let results = use_memo(
        (
            props.releases.clone(),
            props.texts.clone(),
            (*query).clone(),
        ),
        |(releases, texts, query)| {
            let pairs: Vec<_> = refs(releases)
                .into_iter()
                .filter_map(|r| texts.get(r.id).map(|t| (r, &**t)))
                .collect();
            search(&pairs, query, SHOWN_HITS)
        },
    );
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| query.set(field_value(&event)))
    };
    let status = if query.trim().is_empty() {
        String::new()
    } else if results.total == 0 {
        format!("No match for “{}”.", query.trim())
    } else {
        let shown = if results.total > results.hits.len() {
            format!(" (the first {} shown)", results.hits.len())
        } else {
            String::new()
        };
        format!(
            "{} match(es) in {} release(s){shown}.",
            results.total, results.releases
        )
    };
    let loading = (!props.complete)
        .then(|| html! { <p class="loading">{ "Reading the library's texts…" }</p> });
    let hits: Html = results
        .hits
        .iter()
        .map(|hit| {
            let open = {
                let (id, start, end) = (hit.release.clone(), hit.start, hit.end);
                dispatch.reform(move |_: MouseEvent| Action::OpenRelease {
                    id: id.clone(),
                    place: Some(Place::Span { start, end }),
                })
            };
            html! {
                <li>
                    <button type="button" class="kwic" onclick={open}>
                        <span class="kwic-release">{ hit.release_label.clone() }</span>
                        <span class="kwic-speaker">{ hit.speaker.clone().unwrap_or_default() }</span>
                        <span class="kwic-text">
                            { hit.before.clone() }<mark>{ hit.matched.clone() }</mark>{ hit.after.clone() }
                        </span>
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="panel corpus-view search-view" aria-labelledby="search-heading">
            <h2 id="search-heading">{ "Search" }</h2>
            <input type="search" class="library-search" aria-label="Search the library"
                placeholder="A word or phrase, in every release" value={(*query).clone()} {oninput} />
            { for loading }
            <p class="search-status" role="status">{ status }</p>
            <ul class="kwic-list" aria-label="Search results">{ hits }</ul>
        </section>
    }
}
