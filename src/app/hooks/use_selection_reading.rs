use gloo::events::EventListener;
use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::dom::{annotation_ids_at, happened_inside, selection_in_ref};
use crate::app::shared::Shared;
use crate::app::state::{edges, snapped, Action, ViewAction};
use crate::document::Document;

/// Reads what the reader did with the mouse in the document (`root`): a
/// selection becomes the target of the next tag, snapped to whole words; a
/// click selects the annotation under the pointer, and the next one beneath
/// it on the next click. A drag that starts in the document and ends outside
/// it is heard on the page, since the region hears no mouseup then. Returns
/// the region's own mouseup handler.
#[hook]
pub fn use_selection_reading(
    root: NodeRef,
    document: Shared<Document>,
    selected: Option<AttrValue>,
) -> Callback<MouseEvent> {
    let dispatch = use_dispatch();
    {
        let dispatch = dispatch.clone();
        let root = root.clone();
        use_effect_with(document.clone(), move |document| {
            let document = document.clone();
            let listener = EventListener::new(&gloo::utils::document(), "mouseup", move |event| {
                if happened_inside(event, &root) {
                    return; // The region's own handler has it.
                }
                if let Some((start, end)) = selection_in_ref(&root, edges(&document)) {
                    dispatch.emit(ViewAction::SetTarget(snapped(&document, start, end)));
                }
            });
            move || drop(listener)
        });
    }
    use_callback(
        (document, selected),
        move |event: MouseEvent, (document, selected)| {
            if let Some((start, end)) = selection_in_ref(&root, edges(document)) {
                dispatch.emit(ViewAction::SetTarget(snapped(document, start, end)));
                return;
            }
            let next = annotation_ids_at(&event).map(|ids| {
                let ids: Vec<&str> = ids.split(' ').collect();
                let next = match selected
                    .as_deref()
                    .and_then(|s| ids.iter().position(|id| *id == s))
                {
                    Some(i) => ids[(i + 1) % ids.len()],
                    None => ids[0],
                };
                next.to_owned()
            });
            dispatch.emit(Action::SelectAnnotation(next));
        },
    )
}
