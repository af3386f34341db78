use yew::prelude::*;

use crate::annotate::Tag;
use crate::app::clock::new_id;
use crate::app::context::use_dispatch;
use crate::app::dom::{field_value, reset_field};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::Edit;

#[derive(Properties, PartialEq)]
pub struct TagEditorProps {
    pub tags: Shared<Vec<Tag>>,
}

/// Colours offered for a new tag, in turn.
const NEW_TAG_COLORS: &[&str] = &[
    "#88ccee", "#44aa99", "#ddcc77", "#cc6677", "#aa4499", "#999933", "#117733",
];

/// Add, rename, recolour and delete tags, behind a disclosure.
#[component(TagEditor)]
pub fn tag_editor(props: &TagEditorProps) -> Html {
    rendered("TagEditor");
    let dispatch = use_dispatch();
    let new_name = use_state(String::new);
    let rows: Html = props
        .tags
        .iter()
        .map(|tag| {
            let id = tag.id.clone();
            let rename = {
                let id = id.clone();
                let current = tag.name.clone();
                dispatch.reform(move |event: Event| {
                    let name = field_value(&event);
                    // The field shows the tag's name until the rename is
                    // applied: a refused name (taken, empty) must not stay in
                    // it as if accepted. An accepted one re-renders the field.
                    reset_field(&event, &current);
                    Edit::RenameTag { id: id.clone(), name }
                })
            };
            let recolor = {
                let id = id.clone();
                dispatch.reform(move |event: Event| Edit::RecolorTag { id: id.clone(), color: field_value(&event) })
            };
            let delete = {
                let id = id.clone();
                dispatch.reform(move |_: MouseEvent| Edit::DeleteTag(id.clone()))
            };
            let delete_all = dispatch.reform(move |_: MouseEvent| Edit::DeleteTagWithAnnotations(id.clone()));
            html! {
                <li key={tag.id.clone()} class="tag-row">
                    <input type="color" value={tag.color.clone()} onchange={recolor}
                        aria-label={format!("Colour of {}", tag.name)} />
                    <input type="text" value={tag.name.clone()} onchange={rename}
                        aria-label={format!("Name of {}", tag.name)} maxlength="40" />
                    <button type="button" class="small" onclick={delete} aria-label={format!("Delete tag {}", tag.name)}>{ "Delete" }</button>
                    <button type="button" class="small danger" onclick={delete_all}
                        aria-label={format!("Delete tag {} and its annotations", tag.name)}>{ "Delete with annotations" }</button>
                </li>
            }
        })
        .collect();
    let oninput = {
        let new_name = new_name.clone();
        Callback::from(move |event: InputEvent| new_name.set(field_value(&event)))
    };
    let add = {
        let new_name = new_name.clone();
        let dispatch = dispatch.clone();
        let color = NEW_TAG_COLORS[props.tags.len() % NEW_TAG_COLORS.len()].to_owned();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = (*new_name).trim().to_owned();
            if name.is_empty() {
                return;
            }
            dispatch.emit(Edit::AddTag {
                id: new_id("t"),
                name,
                color: color.clone(),
            });
            new_name.set(String::new());
        })
    };
    html! {
        <details class="tag-editor">
            <summary>{ "Edit tags" }</summary>
            <ul>{ rows }</ul>
            <form class="add-tag" onsubmit={add}>
                <input type="text" placeholder="New tag name" aria-label="New tag name" maxlength="40"
                    value={(*new_name).clone()} {oninput} />
                <button type="submit">{ "Add tag" }</button>
            </form>
        </details>
    }
}
