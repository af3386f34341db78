use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::dom::field_value;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Focus, ViewAction};
use crate::document::{Document, Speaker};

#[derive(Properties, PartialEq)]
pub struct SpeakersPanelProps {
    pub document: Shared<Document>,
    pub filter: AttrValue,
    /// The speaker whose turns are highlighted.
    pub chosen: Option<usize>,
    /// The document is a long text's outline, still being read.
    #[prop_or_default]
    pub reading: bool,
}

/// Speakers listed until the reader asks for all (or filters).
const SPEAKERS_SHOWN: usize = 200;

fn matches(speaker: &Speaker, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || [
            Some(&speaker.name),
            speaker.affiliation.as_ref(),
            speaker.role.as_ref(),
            speaker.on_behalf_of.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(&filter))
}

/// Who spoke, in order. Choosing a speaker highlights their turns in the
/// document and scrolls to the first.
#[component(SpeakersPanel)]
pub fn speakers_panel(props: &SpeakersPanelProps) -> Html {
    rendered("SpeakersPanel");
    let doc = &*props.document;
    let dispatch = use_dispatch();
    let oninput =
        dispatch.reform(|event: InputEvent| ViewAction::SetSpeakerFilter(field_value(&event)));
    let show_all = use_state(|| false);
    let matching = doc
        .speakers
        .iter()
        .filter(|speaker| matches(speaker, &props.filter))
        .count();
    let limit = if *show_all {
        usize::MAX
    } else {
        SPEAKERS_SHOWN
    };
    let items: Html = doc
        .speakers
        .iter()
        .enumerate()
        .filter(|(_, speaker)| matches(speaker, &props.filter))
        .take(limit)
        .map(|(index, speaker)| {
            let chosen = props.chosen == Some(index);
            let onclick = dispatch
                .reform(move |_: MouseEvent| Action::SetFocus((!chosen).then_some(Focus::Speaker(index))));
            let mut details: Vec<String> = Vec::new();
            if let Some(role) = &speaker.role {
                details.push(role.clone());
            }
            if let Some(group) = &speaker.on_behalf_of {
                details.push(format!("for {group}"));
            }
            if speaker.national_capacity {
                details.push("national capacity".to_owned());
            }
            let count = speaker.paragraphs.len();
            html! {
                <li key={index}>
                    <button type="button" class="speaker" aria-pressed={chosen.to_string()} {onclick}>
                        <span class="speaker-name">{ speaker.name.clone() }</span>
                        if let Some(affiliation) = &speaker.affiliation {
                            <span class="speaker-affiliation">{ affiliation.clone() }</span>
                        }
                        if !details.is_empty() {
                            <span class="speaker-role">{ details.join(" · ") }</span>
                        }
                        <span class="speaker-meta">
                            { format!("{} · {} paragraph{}", speaker.section, count, if count == 1 { "" } else { "s" }) }
                        </span>
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="panel speakers-panel" aria-labelledby="speakers-heading">
            <h2 id="speakers-heading">{ "Speakers" }<span class="count">{ doc.speakers.len() }</span></h2>
            if doc.speakers.len() > 3 {
                <input type="search" class="filter" placeholder="Filter by name, delegation, role"
                    aria-label="Filter speakers" value={props.filter.clone()} {oninput} />
            }
            if props.reading {
                <p class="empty">{ "Finding the speakers while the text is read…" }</p>
            } else if doc.speakers.is_empty() {
                <p class="empty">{ "No speakers found." }</p>
            } else {
                <ul class="speaker-list">{ items }</ul>
            }
            if matching > limit {
                <button type="button" class="small" onclick={
                    let show_all = show_all.clone();
                    Callback::from(move |_: MouseEvent| show_all.set(true))
                }>{ format!("Show all {matching}") }</button>
            }
            if !doc.also_speaking.is_empty() {
                <p class="also-speaking">
                    <strong>{ "Also spoke: " }</strong>{ doc.also_speaking.join(", ") }
                </p>
            }
        </section>
    }
}
