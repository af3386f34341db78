use std::rc::Rc;

use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Place, Release};
use crate::library::{people, turns_of, Person, ReleaseRef, Who};

#[derive(Properties, PartialEq)]
pub struct PeopleViewProps {
    pub releases: Shared<Vec<Rc<Release>>>,
    /// The library's texts in memory, for the turns' words.
    pub texts: Shared<std::collections::HashMap<String, Rc<str>>>,
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

/// "People and delegations": everyone who spoke across the library, the
/// same delegation under all its printed forms; choose one for their turns,
/// each opening the release at that paragraph.
#[component(PeopleView)]
pub fn people_view(props: &PeopleViewProps) -> Html {
    rendered("PeopleView");
    let dispatch = use_dispatch();
    let chosen = use_state(|| None::<Who>);
    let all = use_memo(props.releases.clone(), |releases| people(&refs(releases)));
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
    let turns = chosen.as_ref().map(|who| {
        let lines = turns_of(&refs(&props.releases), who, |id| props.texts.get(id).map(|t| &**t));
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
    html! {
        <section class="panel corpus-view people-view" aria-labelledby="people-heading">
            <h2 id="people-heading">{ "People and delegations" }</h2>
            <div class="people-columns">
                <div>
                    <h3>{ format!("Delegations ({})", all.delegations.len()) }</h3>
                    <ul class="people-list" aria-label="Delegations">{ for all.delegations.iter().map(row) }</ul>
                </div>
                <div>
                    <h3>{ format!("Speakers ({})", all.speakers.len()) }</h3>
                    <ul class="people-list" aria-label="Speakers across the library">{ for all.speakers.iter().map(row) }</ul>
                </div>
            </div>
            { for turns }
        </section>
    }
}
