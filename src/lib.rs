//! Rapporteur: read and annotate press releases.
//!
//! Everything outside `app` is the pure core: no web-sys, built and tested
//! natively with `cargo test`, and shared by the web app and `rapporteur-cli`.
//! The Yew app is compiled only for `wasm32`, apart from its state (the
//! reducers in `app::state`), which is pure and tested natively too.

pub mod annotate;
pub mod bench_corpus;
mod check;
pub mod document;
pub mod exchange;
pub mod facts;
pub mod find;
pub mod highlight;
pub mod lexicon;
pub mod library;
pub mod parse;
pub mod sample;
pub mod sort;
pub mod text;
pub mod transfer;

pub mod app;

pub use document::Document;
pub use parse::parse;
