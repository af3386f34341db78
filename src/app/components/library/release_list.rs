use std::rc::Rc;

use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::dom::field_value;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{bodies, listed, Action, LibraryAction, Listing, Release, Sort};

#[derive(Properties, PartialEq)]
pub struct ReleaseListProps {
    pub releases: Shared<Vec<Rc<Release>>>,
    pub open: Option<AttrValue>,
    pub listing: Listing,
    pub trash: Option<AttrValue>,
}

/// The releases, filtered and sorted as asked; choose one to open it.
#[component(ReleaseList)]
pub fn release_list(props: &ReleaseListProps) -> Html {
    rendered("ReleaseList");
    let dispatch = use_dispatch();
    let shown = listed(&props.releases, &props.listing);
    let all_bodies = bodies(&props.releases);
    let on_filter =
        dispatch.reform(|event: InputEvent| LibraryAction::SetFilter(field_value(&event)));
    let on_body = dispatch.reform(|event: Event| {
        let value = field_value(&event);
        LibraryAction::SetBody((!value.is_empty()).then_some(value))
    });
    let on_sort = dispatch.reform(|event: Event| {
        LibraryAction::SetSort(if field_value(&event) == "title" {
            Sort::Title
        } else {
            Sort::Date
        })
    });
    let rows: Html = shown
        .iter()
        .map(|release| {
            let summary = &release.summary;
            let current = props.open.as_deref() == Some(release.id.as_str());
            let open = {
                let id = release.id.clone();
                dispatch.reform(move |_: MouseEvent| Action::OpenRelease { id: id.clone(), place: None })
            };
            let delete = {
                let id = release.id.clone();
                dispatch.reform(move |_: MouseEvent| Action::DeleteRelease(id.clone()))
            };
            let speakers = summary.speakers.len();
            let annotations = release.work.count();
            let meta: Vec<String> = [
                summary.symbol.clone(),
                summary.body.clone(),
                summary.date.clone(),
                summary.meeting.clone(),
            ]
            .into_iter()
            .flatten()
            .collect();
            html! {
                <li key={release.id.clone()} class={classes!("release", current.then_some("open"))}
                    data-release={release.id.clone()}>
                    <button type="button" class="release-open" onclick={open}
                        aria-current={current.then_some("true")}>
                        <span class="release-title">{ summary.title.clone() }</span>
                        <span class="release-meta">{ meta.join(" · ") }</span>
                        <span class="release-counts">
                            { format!("{speakers} speaker(s) · {annotations} annotation(s)") }
                        </span>
                    </button>
                    <button type="button" class="small danger" onclick={delete}
                        aria-label={format!("Delete {} from the library", summary.label())}>{ "Delete" }</button>
                </li>
            }
        })
        .collect();
    let undo = props.trash.as_ref().map(|label| {
        let undo = dispatch.reform(|_: MouseEvent| Action::UndoDelete);
        html! {
            <p class="trash">
                { format!("“{label}” was deleted. ") }
                <button type="button" class="small" onclick={undo}>{ "Undo delete" }</button>
            </p>
        }
    });
    let body_options: Html = all_bodies
        .iter()
        .map(|body| {
            let selected = props.listing.body.as_deref() == Some(body.as_str());
            html! { <option value={body.clone()} {selected}>{ body.clone() }</option> }
        })
        .collect();
    let count = if shown.len() == props.releases.len() {
        format!("{} release(s)", shown.len())
    } else {
        format!("{} of {} release(s)", shown.len(), props.releases.len())
    };
    html! {
        <div class="release-list">
            <div class="library-filters">
                <input type="search" placeholder="Filter by title, symbol, speaker…" aria-label="Filter releases"
                    value={props.listing.filter.clone()} oninput={on_filter} />
                <select aria-label="Body" onchange={on_body}>
                    <option value="" selected={props.listing.body.is_none()}>{ "All bodies" }</option>
                    { body_options }
                </select>
                <select aria-label="Sort by" onchange={on_sort}>
                    <option value="date" selected={props.listing.sort == Sort::Date}>{ "Newest first" }</option>
                    <option value="title" selected={props.listing.sort == Sort::Title}>{ "Title" }</option>
                </select>
                <span class="count" aria-live="polite">{ count }</span>
            </div>
            { for undo }
            <ul class="releases" aria-label="Releases">{ rows }</ul>
        </div>
    }
}
