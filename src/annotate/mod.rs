//! Annotations: tagged, noted spans of a document's text, and everything
//! around them that has no browser in it: snapping a selection to words, the
//! tag palette, undo/redo, the two export formats, import with validation,
//! re-anchoring on a changed text, and the autosave format.
//!
//! Offsets are Unicode code points into `Document::text`, end-exclusive, as
//! everywhere in the core. Nothing here reads a clock or draws random numbers:
//! ids and ISO-8601 timestamps come in as arguments from the app.
//!
//! The app holds a [`Session`] (the annotation set plus its history) and calls
//! one method per user action; `docs/ANNOTATIONS.md` maps actions to calls and
//! documents the file formats.

mod annotation;
mod change;
mod clusters;
mod color;
mod error;
mod export;
mod filename;
mod history;
mod import;
mod indexed;
mod merge;
mod ranges;
mod reanchor;
mod saved;
mod session;
mod set;
mod snap;
mod tags;
mod timestamp;
mod web_annotation;

pub use annotation::{Annotation, NewAnnotation, Orphan, Quote, CONTEXT_CHARS};
pub use change::{Change, Placed};
pub use color::{contrast_ratio, normalize_color, text_color_on};
pub use error::EditError;
pub use export::{export_json, exported_annotations, ExportedAnnotation, FORMAT};
pub use filename::{export_file_name, file_stem, slug, web_annotation_file_name};
pub use history::{History, DEFAULT_HISTORY_CAPACITY};
pub(crate) use import::foreign::{assemble, ForeignRelease, ForeignSpan};
pub use import::{
    check_size, import_annotations, import_annotations_str, ImportError, ImportedFile, Problem,
};
pub(crate) use import::{json_error, Problems};
pub use merge::{merge, same_work};
pub use ranges::{fact_range, speaker_turns, turn_range_at, Span};
pub use reanchor::{reanchor, Outcome, Placement, ReanchorReport};
pub use saved::{restore_state, save_state, RestoreError, Restored, SAVED_FORMAT};
pub use session::Session;
pub use set::AnnotationSet;
pub use snap::snap_selection;
pub use tags::{default_tags, Tag, MAX_TAG_NAME_CHARS};
pub use timestamp::is_iso_datetime;
pub use web_annotation::{web_annotation_json, ANNO_CONTEXT};
