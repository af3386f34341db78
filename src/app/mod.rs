//! The Yew app: a thin layer over the pure core, modelled on Yew's
//! `function_todomvc`. State lives in [`state`], one small reducer per
//! concern, and changes only through actions; [`context`] hands it to the
//! components; components render it; hooks hold the page-wide listeners,
//! timers and effects. Only `dom`, `storage`, `files`, `parse_worker`,
//! `exchange_worker`, `panic`, `clock`, `renders` and the hooks touch browser APIs
//! (`scripts/check-browser-apis.sh` keeps that true).
//!
//! `state`, `shared` and `exports` (what the Export menu offers) are pure
//! and compiled natively as well, so that they are tested with plain
//! `cargo test`; the rest is `wasm32` only.

pub mod exports;
pub mod heights;
pub mod shared;
pub mod state;

/// The benchmark export; only in builds with the `bench` feature.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod broadcast;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod exchange_worker;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod library_db;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod parse_worker;
#[cfg(target_arch = "wasm32")]
pub mod renders;
#[cfg(target_arch = "wasm32")]
pub mod storage;

/// Mounts the app on the page's body, with the panic hook in place first.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    yew::Renderer::<components::app::App>::new().render();
}
