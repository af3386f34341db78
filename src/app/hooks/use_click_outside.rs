use gloo::events::EventListener;
use yew::prelude::*;

use crate::app::dom::happened_inside;

/// While `active`, calls `on_outside` when the mouse is pressed anywhere on
/// the page outside the element `inside` refers to (a menu closes so).
/// The listener exists only while `active`, so a closed menu costs nothing.
#[hook]
pub fn use_click_outside(inside: NodeRef, active: bool, on_outside: Callback<()>) {
    use_effect_with(active, move |active| {
        let listener = active.then(|| {
            EventListener::new(&gloo::utils::document(), "pointerdown", move |event| {
                if !happened_inside(event, &inside) {
                    on_outside.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
