use yew::prelude::*;

use super::tag_editor::TagEditor;
use crate::annotate::{text_color_on, Tag};
use crate::app::clock::{new_id, now_iso};
use crate::app::context::use_dispatch;
use crate::app::dom::clear_selection;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Target};
use crate::document::Document;

#[derive(Properties, PartialEq)]
pub struct TagPaletteProps {
    pub document: Shared<Document>,
    pub tags: Shared<Vec<Tag>>,
    pub target: Option<Target>,
}

/// What the next tag will annotate, in words.
fn describe_target(doc: &Document, target: Option<Target>) -> String {
    let quote = |start: usize, end: usize| {
        let text = doc.slice(start, end);
        let short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            format!("“{short}…”")
        } else {
            format!("“{short}”")
        }
    };
    match target {
        None => "Select text in the document, or pick a fact or a speaker's name, then choose a tag (or press its number).".to_owned(),
        Some(Target::Range { start, end }) => format!("Selection: {}", quote(start, end)),
        Some(Target::Fact(f)) => match doc.facts.get(f) {
            Some(fact) => format!("Fact: {}", quote(fact.start, fact.end)),
            None => String::new(),
        },
        Some(Target::Turn(p)) => {
            let name = doc.paragraphs.get(p).and_then(|p| p.speaker).and_then(|s| doc.speakers.get(s));
            match name {
                Some(speaker) => format!("Turn of {}", speaker.name),
                None => String::new(),
            }
        }
    }
}

/// The tags as buttons named by the tag (digits 1-9 as shortcuts), what a
/// tag would apply to, and the tag editor.
#[component(TagPalette)]
pub fn tag_palette(props: &TagPaletteProps) -> Html {
    rendered("TagPalette");
    let dispatch = use_dispatch();
    let buttons: Html = props
        .tags
        .iter()
        .enumerate()
        .map(|(position, tag)| {
            let id = tag.id.clone();
            let dispatch = dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Tag {
                    tag: id.clone(),
                    id: new_id("a"),
                    now: now_iso(),
                });
                // Tagged: the selection has done its job.
                clear_selection();
            });
            let digit = position + 1;
            let shortcut = (digit <= 9).then(|| digit.to_string());
            let style = format!("--tag: {}; --tag-ink: {};", tag.color, text_color_on(&tag.color));
            html! {
                <li key={tag.id.clone()}>
                    <button type="button" class="tag-button" {style} aria-keyshortcuts={shortcut.clone()} {onclick}>
                        { tag.name.clone() }
                        if let Some(key) = shortcut {
                            <kbd aria-hidden="true">{ key }</kbd>
                        }
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="panel tag-palette" aria-labelledby="tags-heading">
            <h2 id="tags-heading">{ "Tags" }</h2>
            <p class="target" aria-live="polite">{ describe_target(&props.document, props.target) }</p>
            <ul class="tag-buttons">{ buttons }</ul>
            <TagEditor tags={props.tags.clone()} />
        </section>
    }
}
