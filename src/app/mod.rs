//! The Yew app: a thin layer over the pure core. State lives in [`state`]
//! and changes only through its `Action`s; components render it; hooks
//! hold the timers and listeners; `dom` and `storage` are the only places
//! that touch browser APIs directly.

pub mod bench;
pub mod clock;
pub mod components;
pub mod dom;
pub mod files;
pub mod hooks;
pub mod panic;
pub mod parse_worker;
pub mod shared;
pub mod state;
pub mod storage;

use components::app::App;

/// Mounts the app on the page's body, with the panic hook in place first.
pub fn start() {
    panic::install();
    yew::Renderer::<App>::new().render();
}
