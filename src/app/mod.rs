//! The Yew app: a thin layer over the pure core. State lives in [`state`] and
//! changes only through its `Action`s; components render it.

pub mod components;
pub mod state;

use components::app::App;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
