use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::heat_map::HeatMap;
use super::people::refs;
use crate::annotate::Tag;
use crate::app::context::{use_dispatch, use_latest_library};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Place, Release};
use crate::library::{code_matrix_top, passages, RowKind};

/// Rows drawn at most: the fullest; the table and the note say the rest.
const MAX_ROWS: usize = 80;
use crate::text::CharIndex;

#[derive(Properties, PartialEq)]
pub struct CodesViewProps {
    pub releases: Shared<Vec<Rc<Release>>>,
    pub tags: Shared<Vec<Tag>>,
}

/// The text of a passage, if the release's text is in memory.
fn quote(
    texts: &HashMap<String, Rc<str>>,
    release: &str,
    start: usize,
    end: usize,
) -> Option<String> {
    let text = texts.get(release)?;
    let index = CharIndex::new(text);
    let from = index.byte_of_char(text, start);
    let to = index.byte_of_char(text, end);
    Some(
        text.get(from..to)?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "Codes by delegation": the heat map of delegations (or speakers) by
/// tags, with a table of the same counts for screen readers (shown on
/// request); choose a cell for its passages, each opening at its place.
#[component(CodesView)]
pub fn codes_view(props: &CodesViewProps) -> Html {
    rendered("CodesView");
    let dispatch = use_dispatch();
    // The texts, for the passages' words: read when the passages are
    // drawn, not a prop, so that texts arriving do not redraw the map.
    let library = use_latest_library();
    let kind = use_state(RowKind::default);
    let chosen = use_state(|| None::<(String, String)>);
    let table_shown = use_state(|| false);
    let matrix = use_memo(
        (props.releases.clone(), props.tags.clone(), *kind),
        |(releases, tags, kind)| code_matrix_top(&refs(releases), tags, *kind, MAX_ROWS),
    );
    let rows_are = if *kind == RowKind::Delegations {
        "delegation"
    } else {
        "speaker"
    };
    let chosen_cell = chosen.as_ref().and_then(|(row, tag)| {
        let r = matrix.rows.iter().position(|x| x == row)?;
        let c = matrix.tags.iter().position(|(id, _)| id == tag)?;
        Some((r, c))
    });
    let on_choose = {
        let chosen = chosen.clone();
        use_callback(matrix.clone(), move |(row, col): (usize, usize), matrix| {
            chosen.set(Some((matrix.rows[row].clone(), matrix.tags[col].0.clone())))
        })
    };
    let switch = |to: RowKind, label: &'static str| {
        let (kind, chosen) = (kind.clone(), chosen.clone());
        let pressed = *kind == to;
        let onclick = Callback::from(move |_: MouseEvent| {
            kind.set(to);
            chosen.set(None);
        });
        html! { <button type="button" class="small" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
    };
    let toggle_table = {
        let table_shown = table_shown.clone();
        Callback::from(move |_: MouseEvent| table_shown.set(!*table_shown))
    };
    let list = chosen.as_ref().map(|(row, tag)| {
        let found = passages(&refs(&props.releases), *kind, row, tag);
        let texts = library.get().texts.clone();
        let tag_name = props
            .tags
            .iter()
            .find(|t| &t.id == tag)
            .map_or(tag.clone(), |t| t.name.clone());
        let items: Html = found
            .into_iter()
            .map(|p| {
                let text =
                    quote(&texts, &p.release, p.start, p.end).unwrap_or_else(|| "…".to_owned());
                let open = {
                    let (id, annotation) = (p.release.clone(), p.annotation.clone());
                    dispatch.reform(move |_: MouseEvent| Action::OpenRelease {
                        id: id.clone(),
                        place: Some(Place::Annotation(annotation.clone())),
                    })
                };
                html! {
                    <li>
                        <button type="button" class="kwic" onclick={open}>
                            <span class="kwic-release">{ p.release_label }</span>
                            <span class="kwic-speaker">{ p.speaker.unwrap_or_default() }</span>
                            <q class="kwic-text">{ text }</q>
                            if !p.note.is_empty() {
                                <span class="kwic-note">{ format!("note: {}", p.note) }</span>
                            }
                        </button>
                    </li>
                }
            })
            .collect();
        let label = format!("{tag_name} for {row}");
        html! {
            <div class="passages">
                <h3>{ label.clone() }</h3>
                <ul class="kwic-list" aria-label={format!("Passages: {label}")}>{ items }</ul>
            </div>
        }
    });
    let header: Html = matrix
        .tags
        .iter()
        .map(|(_, name)| html! { <th scope="col">{ name.clone() }</th> })
        .collect();
    let body: Html = matrix
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            html! {
                <tr>
                    <th scope="row">{ row.clone() }</th>
                    { for matrix.counts[r].iter().map(|c| html! { <td>{ c.to_string() }</td> }) }
                    <td>{ matrix.totals[r].to_string() }</td>
                </tr>
            }
        })
        .collect();
    let empty = matrix.rows.is_empty();
    html! {
        <section class="panel corpus-view codes-view" aria-labelledby="codes-heading">
            <h2 id="codes-heading">{ "Codes by delegation" }</h2>
            <div class="codes-controls" role="group" aria-label="Rows">
                { switch(RowKind::Delegations, "Delegations") }
                { switch(RowKind::Speakers, "Speakers") }
                <button type="button" class="small" aria-pressed={table_shown.to_string()} onclick={toggle_table}>
                    { "Show as a table" }
                </button>
            </div>
            if empty {
                <p class="empty">{ "No annotations yet. Tag passages in the releases, and the counts appear here by delegation and tag." }</p>
            } else {
                <div class="heat-map-scroll">
                    <HeatMap matrix={matrix.clone()} chosen={chosen_cell} {on_choose} rows_are={rows_are} />
                </div>
            }
            if matrix.hidden_rows > 0 {
                <p class="more">{ format!("The {} {rows_are}s with the most annotations are shown; {} more have fewer.", matrix.rows.len(), matrix.hidden_rows) }</p>
            }
            <table class={classes!("codes-table", (!*table_shown).then_some("visually-hidden"))}>
                <caption>{ format!("Annotations by {rows_are} and tag, across the library") }</caption>
                <thead><tr><th scope="col">{ if *kind == RowKind::Delegations { "Delegation" } else { "Speaker" } }</th>{ header }<th scope="col">{ "Total" }</th></tr></thead>
                <tbody>{ body }</tbody>
            </table>
            { for list }
        </section>
    }
}
