//! Rapporteur's pure core: the parser (`parse`), the facts it finds
//! (`facts`) with their word lists (`lexicon`), the document it builds
//! (`document`), text offsets and scanning (`text`), the sample release and
//! one small sort.
//!
//! No browser API: it is built and tested natively with `cargo test`, and
//! shared by the web app, its parse worker and `rapporteur-cli` through the
//! `rapporteur` crate, which re-exports these modules under the same paths.
//! It is a crate of its own so that the workspace's profiles can build it
//! for speed in the wasm while the app around it is built for size.

mod check;
pub mod document;
pub mod facts;
pub mod lexicon;
pub mod parse;
pub mod sample;
pub mod sort;
pub mod text;

pub use document::Document;
pub use parse::parse;
