//! The library: many releases, one codebook, questions across meetings.
//! Pure like the rest of the core; the app keeps the library in IndexedDB
//! and shows it (`app::state::library`, `app::library_db`).
//!
//! - [`summary`]: what the library list and the cross-library views need of
//!   a parsed release (title, symbol, speakers, turns as paragraph ranges),
//!   stored beside its text so that opening the library parses nothing;
//! - [`delegation`]: one name for a delegation under the forms releases give;
//! - [`codebook`]: the tag set shared by the library, and its file format
//!   `rapporteur-codebook/1`;
//! - [`people`], [`codes`], [`search`]: the views across the library;
//! - [`corpus`] and [`csv_export`]: the whole library as one
//!   `rapporteur-corpus/1` JSON, and every annotation as a CSV row;
//! - [`similar`]: whether a new text is an edit of the open release or a
//!   release of its own.

pub mod codebook;
pub mod codes;
pub mod corpus;
pub mod csv_export;
pub mod delegation;
pub mod people;
pub mod search;
pub mod similar;
pub mod summary;

use serde::{Deserialize, Serialize};

use crate::annotate::{Annotation, AnnotationSet, Orphan, Tag};

pub use codebook::{
    codebook_json, import_codebook, merge_codebook, CodebookReport, CODEBOOK_FORMAT,
};
pub use codes::{code_matrix, code_matrix_top, passages, CodeMatrix, Passage, RowKind};
pub use corpus::{corpus_json, import_corpus, ImportedCorpus, CORPUS_FORMAT};
pub use csv_export::{csv_file_name, library_csv, CSV_COLUMNS};
pub use delegation::delegation_name;
pub use people::{people, turns_of, People, Person, TurnLine, Who};
pub use search::{search, SearchHit, SearchResults, SearchText, SearchTextBuilder};
pub use similar::is_edit_of;
pub use summary::{ParagraphRef, SpeakerSummary, Summary, TurnSummary};

/// A release's annotations as the library stores them: the tags live in
/// the codebook, so a record holds only what is its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Work {
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Orphan>,
}

impl Work {
    pub fn of(set: &AnnotationSet) -> Self {
        Work {
            annotations: set.annotations().to_vec(),
            orphans: set.orphans().to_vec(),
        }
    }

    /// The annotation set of this work under the codebook's tags.
    pub fn with_tags(&self, tags: &[Tag]) -> AnnotationSet {
        AnnotationSet::from_parts(
            tags.to_vec(),
            self.annotations.clone(),
            self.orphans.clone(),
        )
    }

    pub fn count(&self) -> usize {
        self.annotations.len() + self.orphans.len()
    }
}

/// One release of the library as the views read it.
#[derive(Debug, Clone, Copy)]
pub struct ReleaseRef<'a> {
    pub id: &'a str,
    pub summary: &'a Summary,
    pub work: &'a Work,
}
