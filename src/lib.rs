//! Rapporteur: read and annotate press releases.
//!
//! Everything outside `app` is the pure core: no web-sys, built and tested
//! natively with `cargo test`, and shared by the web app and `rapporteur-cli`.
//! The parser, facts, lexicons, document model and text offsets live in the
//! `rapporteur-core` crate (`core/`), re-exported here under the same paths
//! (`rapporteur::parse`, `crate::text`, …); the rest of the core (annotations,
//! exchange formats, the library) is here.
//! The Yew app is compiled only for `wasm32`, apart from its state (the
//! reducers in `app::state`), which is pure and tested natively too.

pub mod annotate;
pub mod bench_corpus;
pub mod exchange;
pub mod find;
pub mod highlight;
pub mod library;
pub mod transfer;

pub mod app;

// `parse` brings both the module and the function `parse::parse`.
pub use rapporteur_core::{document, facts, lexicon, parse, sample, sort, text};

pub use rapporteur_core::Document;
