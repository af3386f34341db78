use std::rc::Rc;

use yew::prelude::*;

use crate::app::context::{use_dispatch, use_latest_library};
use crate::app::dom::field_value;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Place, Release};
use crate::library::{people, turns_of, Person, ReleaseRef, Summary, Who, Work};
use crate::text::fold;

/// Rows shown of each list until the reader asks for all.
const SHOWN_ROWS: usize = 60;

/// The releases' summaries, by id: what the people view shows, unchanged
/// by tagging (so that tagging does not re-render it).
pub type Summaries = Vec<(String, Rc<Summary>)>;

pub fn summaries_of(releases: &[Rc<Release>]) -> Summaries {
    releases
        .iter()
        .map(|r| (r.id.clone(), r.summary.clone()))
        .collect()
}

pub fn refs(releases: &[Rc<Release>]) -> Vec<ReleaseRef<'_>> {
    releases
        .iter()
        .map(|r| ReleaseRef {
            id: &r.id,
            summary: &r.summary,
            work: &r.work,
        })
        .collect()
}

fn summary_refs<'a>(summaries: &'a Summaries, empty: &'a Work) -> Vec<ReleaseRef<'a>> {
    summaries
        .iter()
        .map(|(id, summary)| ReleaseRef {
            id,
            summary,
            work: empty,
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct PeopleViewProps {
    pub summaries: Shared<Summaries>,
}

/// "People and delegations": everyone who spoke across the library, the
/// same delegation under all its printed forms; find one, choose one for
/// their turns, each opening the release at that paragraph.
#[component(PeopleView)]
pub fn people_view(props: &PeopleViewProps) -> Html {
    rendered("PeopleView");
    let dispatch = use_dispatch();
    // The texts, for the turns' words: read when the turns are drawn, not
    // a prop, so that texts arriving do not redraw the lists.
    let library = use_latest_library();
    let chosen = use_state(|| None::<Who>);
    let filter = use_state(String::new);
    let all_shown = use_state(|| false);
    let empty = Work::default();
    let all = use_memo(props.summaries.clone(), |summaries| {
        people(&summary_refs(summaries, &Work::default()))
    });
    let needle = fold(filter.trim());
    let matches = |person: &&Person| {
        needle.is_empty()
            || fold(&person.label).contains(&needle)
            || person.detail.iter().any(|d| fold(d).contains(&needle))
    };
    let row = |person: &Person| {
        let who = person.who.clone();
        let pressed = chosen.as_ref() == Some(&who);
        let choose = {
            let chosen = chosen.clone();
            Callback::from(move |_: MouseEvent| {
                chosen.set(if pressed { None } else { Some(who.clone()) })
            })
        };
        let meetings = person.releases.len();
        html! {
            <li>
                <button type="button" class="person" aria-pressed={pressed.to_string()} onclick={choose}>
                    <span class="person-name">{ person.label.clone() }</span>
                    <span class="person-detail">{ person.detail.join("; ") }</span>
                    <span class="person-counts">{ format!("{} turn(s) in {meetings} meeting(s)", person.turns) }</span>
                </button>
            </li>
        }
    };
    let list = |people: &[Person], label: &str| {
        let found: Vec<&Person> = people.iter().filter(matches).collect();
        let limit = if *all_shown { found.len() } else { SHOWN_ROWS };
        let more = found.len().saturating_sub(limit);
        html! {
            <div>
                <h3>{ format!("{label} ({})", found.len()) }</h3>
                <ul class="people-list" aria-label={label.to_owned()}>
                    { for found.iter().take(limit).map(|p| row(p)) }
                </ul>
                if more > 0 {
                    <p class="more">{ format!("{more} more; find them by name, or show all.") }</p>
                }
            </div>
        }
    };
    let turns = chosen.as_ref().map(|who| {
        let texts = library.get().texts.clone();
        let lines = turns_of(&summary_refs(&props.summaries, &empty), who, |id| {
            texts.get(id).map(|t| &**t)
        });
        let items: Html = lines
            .into_iter()
            .map(|line| {
                let open = {
                    let (id, paragraph) = (line.release.clone(), line.paragraph);
                    dispatch.reform(move |_: MouseEvent| Action::OpenRelease {
                        id: id.clone(),
                        place: Some(Place::Paragraph(paragraph)),
                    })
                };
                html! {
                    <li>
                        <button type="button" class="kwic" onclick={open}>
                            <span class="kwic-release">{ line.release_label }</span>
                            <span class="kwic-speaker">{ line.speaker }</span>
                            <span class="kwic-text">{ line.excerpt.unwrap_or_else(|| "…".to_owned()) }</span>
                        </button>
                    </li>
                }
            })
            .collect();
        let label = match who {
            Who::Delegation(name) => format!("Turns of {name}"),
            Who::Speaker { .. } => "Turns of the speaker".to_owned(),
        };
        html! {
            <div class="turns">
                <h3>{ label.clone() }</h3>
                <ul class="kwic-list" aria-label={label}>{ items }</ul>
            </div>
        }
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| filter.set(field_value(&event)))
    };
    let toggle = {
        let all_shown = all_shown.clone();
        Callback::from(move |_: MouseEvent| all_shown.set(!*all_shown))
    };
    html! {
        <section class="panel corpus-view people-view" aria-labelledby="people-heading">
            <h2 id="people-heading">{ "People and delegations" }</h2>
            <div class="people-controls">
                <input type="search" aria-label="Find a person or delegation" placeholder="Find a person or delegation"
                    value={(*filter).clone()} oninput={on_filter} />
                <button type="button" class="small" aria-pressed={all_shown.to_string()} onclick={toggle}>{ "Show all" }</button>
            </div>
            <div class="people-columns">
                { list(&all.delegations, "Delegations") }
                { list(&all.speakers, "Speakers") }
            </div>
            { for turns }
        </section>
    }
}
