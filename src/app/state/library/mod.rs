//! The library: every release the reader added (its summary, its
//! annotations), the one codebook, which release is open, how the list is
//! filtered and sorted, the last deletion (for undo), and where the library
//! is kept (IndexedDB, or memory when the browser refuses).
//!
//! Pure like the other reducers. What waits to be written is marked on each
//! record (`dirty`, with an edit count): the persistence hook writes it and
//! reports back with [`LibraryAction::Written`], carrying the stored
//! revision, so that a write racing another tab's is merged, not lost. Texts
//! are held only once loaded (after the first paint) or added here; the
//! search view folds each once.

mod listing;

use std::collections::HashMap;
use std::rc::Rc;

use crate::annotate::Tag;
use crate::document::Document;
use crate::library::{SearchText, Summary, Work};

pub use listing::{bodies, listed, Listing, Sort};

/// One release as the library holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub id: String,
    pub sha256: String,
    /// ISO-8601; empty until first written (the writer stamps it).
    pub added: String,
    pub modified: String,
    pub summary: Rc<Summary>,
    pub work: Rc<Work>,
    /// The stored revision of the annotations record this state is based on.
    pub revision: u64,
    /// Changes made here, counted; `written` is the count last written.
    pub edits: u64,
    pub written: u64,
    /// The text changed too and must be written with the record.
    pub text_dirty: bool,
}

impl Release {
    pub fn dirty(&self) -> bool {
        self.edits > self.written
    }
}

/// A release as read from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRelease {
    pub id: String,
    pub sha256: String,
    pub added: String,
    pub modified: String,
    pub summary: Summary,
    pub work: Work,
    pub revision: u64,
}

/// The codebook as the library holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Codebook {
    pub tags: Rc<Vec<Tag>>,
    pub revision: u64,
    pub edits: u64,
    pub written: u64,
}

impl Codebook {
    pub fn dirty(&self) -> bool {
        self.edits > self.written
    }
}

/// Where the library is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Storage {
    /// Being opened.
    #[default]
    Opening,
    /// In IndexedDB.
    Saved,
    /// In IndexedDB, but the last write failed (full, for instance); what
    /// was not written stays in memory and is tried again at the next change.
    Failing(String),
    /// In memory only: IndexedDB is unavailable.
    Memory(String),
}

/// A deleted release, kept until the next deletion so that it can come back.
#[derive(Debug, Clone, PartialEq)]
pub struct Trashed {
    pub release: Release,
    pub text: Option<Rc<str>>,
    /// Where it was in the list.
    pub position: usize,
}

/// A release and its text, borrowed from the library.
pub type WithText<'a> = (&'a Rc<Release>, &'a Rc<str>);

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub releases: Rc<Vec<Rc<Release>>>,
    pub codebook: Codebook,
    pub open: Option<String>,
    /// Texts in memory, by release id.
    pub texts: Rc<HashMap<String, Rc<str>>>,
    /// Every text loaded (after the first paint): search may begin.
    pub texts_complete: bool,
    /// Folded texts for search, built when texts arrive.
    pub search: Rc<HashMap<String, Rc<SearchText>>>,
    pub listing: Listing,
    pub trash: Option<Rc<Trashed>>,
    /// Deleted releases whose records wait to be removed from storage.
    pub deletions: Rc<Vec<String>>,
    pub storage: Storage,
    /// Bytes used and available, as the browser estimates them.
    pub estimate: Option<(f64, f64)>,
    /// Whether the browser granted persistent storage.
    pub persisted: Option<bool>,
    /// A release whose text is being read, to open it once read, and where.
    pub opening: Option<String>,
    pub opening_place: Option<crate::app::state::Place>,
    /// The release the old single-document autosave became: once it is
    /// written, the old save is removed.
    pub legacy: Option<String>,
    /// Bumped when what the settings record holds (open release, listing)
    /// changes; `settings_written` is the last written.
    pub settings_edits: u64,
    pub settings_written: u64,
}

pub enum LibraryAction {
    /// What storage held at start (or nothing, in memory).
    Loaded {
        releases: Vec<StoredRelease>,
        codebook: Option<(Vec<Tag>, u64)>,
        open: Option<String>,
        storage: Storage,
    },
    /// Texts read from storage.
    Texts(Vec<(String, Rc<str>)>),
    /// Every text is loaded.
    TextsComplete,
    /// Texts folded for search.
    Indexed(Vec<(String, Rc<SearchText>)>),
    /// A release record was written at `revision` (with the stamps the
    /// writer gave it); `merged` is the work written when another tab had
    /// written in between and both were merged.
    Written {
        id: String,
        edits: u64,
        revision: u64,
        added: String,
        modified: String,
        merged: Option<Work>,
    },
    CodebookWritten {
        edits: u64,
        revision: u64,
        merged: Option<Vec<Tag>>,
    },
    SettingsWritten(u64),
    DeletionsWritten(Vec<String>),
    /// A write failed; the reason, for the reader.
    WriteFailed(String),
    /// Another tab wrote a release (or deleted it: `None`).
    External {
        id: String,
        release: Option<Box<StoredRelease>>,
        text: Option<Rc<str>>,
    },
    /// Another tab wrote only the annotations of a release (its text and
    /// summary as they were).
    ExternalWork {
        id: String,
        work: Work,
        revision: u64,
        modified: String,
    },
    ExternalCodebook {
        tags: Vec<Tag>,
        revision: u64,
    },
    SetFilter(String),
    SetBody(Option<String>),
    SetSort(Sort),
    Estimate {
        usage: f64,
        quota: f64,
        persisted: Option<bool>,
    },
}

impl Library {
    pub fn release(&self, id: &str) -> Option<&Rc<Release>> {
        self.releases.iter().find(|r| r.id == id)
    }

    pub fn by_sha(&self, sha256: &str) -> Option<&Rc<Release>> {
        self.releases.iter().find(|r| r.sha256 == sha256)
    }

    pub fn loaded(&self) -> bool {
        self.storage != Storage::Opening
    }

    pub fn tags(&self) -> &[Tag] {
        &self.codebook.tags
    }

    /// Every release with its text, in the library's order (what the
    /// library's exports are made of); or, while texts are still being read
    /// from storage after the first paint, a sentence saying so.
    pub fn with_texts(&self) -> Result<Vec<WithText<'_>>, String> {
        let pairs: Vec<_> = self
            .releases
            .iter()
            .filter_map(|r| Some((r, self.texts.get(&r.id)?)))
            .collect();
        match self.releases.len() - pairs.len() {
            0 => Ok(pairs),
            missing => Err(format!(
                "the texts of {missing} release(s) are still being read from the browser's storage; try again in a moment"
            )),
        }
    }

    /// Anything waiting to be written.
    pub fn unsaved(&self) -> bool {
        self.releases.iter().any(|r| r.dirty())
            || self.codebook.dirty()
            || !self.deletions.is_empty()
    }

    /// An id for a new release: from its text's digest, so that the
    /// reducer needs no randomness; made unique if an edited release took it.
    pub fn new_id(&self, sha256: &str) -> String {
        let base = format!("r-{}", &sha256[..16.min(sha256.len())]);
        let mut id = base.clone();
        let mut n = 2;
        while self.release(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    pub fn reduce(&mut self, action: LibraryAction) {
        match action {
            LibraryAction::Loaded {
                releases,
                codebook,
                open,
                storage,
            } => {
                self.releases = Rc::new(
                    releases
                        .into_iter()
                        .map(|r| {
                            Rc::new(Release {
                                id: r.id,
                                sha256: r.sha256,
                                added: r.added,
                                modified: r.modified,
                                summary: Rc::new(r.summary),
                                work: Rc::new(r.work),
                                revision: r.revision,
                                edits: 0,
                                written: 0,
                                text_dirty: false,
                            })
                        })
                        .collect(),
                );
                if let Some((tags, revision)) = codebook {
                    self.codebook = Codebook {
                        tags: Rc::new(tags),
                        revision,
                        edits: 0,
                        written: 0,
                    };
                }
                self.open = open.filter(|id| self.release(id).is_some());
                self.storage = storage;
            }
            LibraryAction::Texts(texts) => self.add_texts(texts),
            LibraryAction::TextsComplete => self.texts_complete = true,
            LibraryAction::Indexed(indexed) => {
                let search = Rc::make_mut(&mut self.search);
                for (id, folded) in indexed {
                    // A text replaced meanwhile is folded again.
                    if self
                        .texts
                        .get(&id)
                        .is_some_and(|t| Rc::ptr_eq(t, &folded.text))
                    {
                        search.insert(id, folded);
                    }
                }
            }
            LibraryAction::Written {
                id,
                edits,
                revision,
                added,
                modified,
                merged,
            } => {
                self.recover();
                if self.legacy.as_deref() == Some(id.as_str()) {
                    self.legacy = None;
                }
                self.update(&id, |r| {
                    r.revision = revision;
                    r.written = r.written.max(edits);
                    if r.written >= r.edits {
                        r.text_dirty = false;
                    }
                    r.added = added;
                    r.modified = modified;
                    if let Some(work) = merged {
                        // Edits made here since the write stay on top.
                        r.work = if r.edits > edits {
                            Rc::new(merge_work(&r.work, &work))
                        } else {
                            Rc::new(work)
                        };
                    }
                });
            }
            LibraryAction::CodebookWritten {
                edits,
                revision,
                merged,
            } => {
                self.recover();
                self.codebook.revision = revision;
                self.codebook.written = self.codebook.written.max(edits);
                if let Some(tags) = merged {
                    self.codebook.tags = Rc::new(tags);
                }
            }
            LibraryAction::SettingsWritten(edits) => {
                self.settings_written = self.settings_written.max(edits)
            }
            LibraryAction::DeletionsWritten(ids) => {
                self.recover();
                let left: Vec<String> = self
                    .deletions
                    .iter()
                    .filter(|id| !ids.contains(id))
                    .cloned()
                    .collect();
                self.deletions = Rc::new(left);
            }
            LibraryAction::WriteFailed(reason) => {
                if !matches!(self.storage, Storage::Memory(_)) {
                    self.storage = Storage::Failing(reason);
                }
            }
            LibraryAction::External { id, release, text } => {
                self.external(id, release.map(|r| *r), text)
            }
            LibraryAction::ExternalWork {
                id,
                work,
                revision,
                modified,
            } => self.external_work(&id, work, revision, modified),
            LibraryAction::ExternalCodebook { tags, revision } => {
                if revision > self.codebook.revision {
                    self.codebook.revision = revision;
                    if !self.codebook.dirty() {
                        self.codebook.tags = Rc::new(tags);
                    } else {
                        let (merged, _, _) =
                            crate::library::merge_codebook(&self.codebook.tags, &tags);
                        self.codebook.tags = Rc::new(merged);
                    }
                }
            }
            LibraryAction::SetFilter(filter) => self.listing.filter = filter,
            LibraryAction::SetBody(body) => {
                self.listing.body = body;
                self.settings_edits += 1;
            }
            LibraryAction::SetSort(sort) => {
                self.listing.sort = sort;
                self.settings_edits += 1;
            }
            LibraryAction::Estimate {
                usage,
                quota,
                persisted,
            } => {
                self.estimate = Some((usage, quota));
                if persisted.is_some() {
                    self.persisted = persisted;
                }
            }
        }
    }

    /// A successful write ends a failing state.
    fn recover(&mut self) {
        if matches!(self.storage, Storage::Failing(_)) {
            self.storage = Storage::Saved;
        }
    }

    /// Texts in memory; their folded forms for search are built apart
    /// (`LibraryAction::Indexed`), a few at a time, off the reducer.
    fn add_texts(&mut self, texts: Vec<(String, Rc<str>)>) {
        if texts.is_empty() {
            return;
        }
        let map = Rc::make_mut(&mut self.texts);
        for (id, text) in texts {
            if self.search.contains_key(&id) {
                Rc::make_mut(&mut self.search).remove(&id);
            }
            map.insert(id, text);
        }
    }

    /// Texts in memory not yet folded for search (with their summaries).
    pub fn unindexed(&self) -> Vec<(String, Rc<str>, Rc<Summary>)> {
        self.releases
            .iter()
            .filter(|r| !self.search.contains_key(&r.id))
            .filter_map(|r| {
                let text = self.texts.get(&r.id)?;
                Some((r.id.clone(), text.clone(), r.summary.clone()))
            })
            .collect()
    }

    /// Every release is in memory and folded: search sees the whole library.
    pub fn search_ready(&self) -> bool {
        self.texts_complete
            && self
                .releases
                .iter()
                .all(|r| self.search.contains_key(&r.id))
    }

    /// Changes release `id` in place (a new `Rc`), if it is there.
    pub fn update(&mut self, id: &str, change: impl FnOnce(&mut Release)) {
        let releases = Rc::make_mut(&mut self.releases);
        if let Some(slot) = releases.iter_mut().find(|r| r.id == id) {
            change(Rc::make_mut(slot));
        }
    }

    /// Adds a release parsed here (pasted, opened, imported); its text and
    /// record wait to be written.
    pub fn add(&mut self, id: String, document: &Document, work: Work) {
        self.add_with_text(id, document, Rc::from(document.text.as_str()), work);
    }

    /// [`add`](Self::add), with the document's text already at hand as
    /// `text` (the text box's, when it is the same): no second copy, which
    /// for a 50 MB text would hold the page for a visible time.
    pub fn add_with_text(&mut self, id: String, document: &Document, text: Rc<str>, work: Work) {
        debug_assert!(*text == *document.text);
        let summary = Summary::of(document);
        let release = Release {
            id: id.clone(),
            sha256: document.text_sha256().to_owned(),
            added: String::new(),
            modified: String::new(),
            summary: Rc::new(summary),
            work: Rc::new(work),
            revision: 0,
            edits: 1,
            written: 0,
            text_dirty: true,
        };
        Rc::make_mut(&mut self.releases).push(Rc::new(release));
        self.add_texts(vec![(id, text)]);
    }

    /// The open release's text or annotations changed in the workspace.
    pub fn edit_open(&mut self, document: &Document, work: Work) {
        let Some(id) = self.open.clone() else {
            return;
        };
        let sha = document.text_sha256();
        let text_changed = self.release(&id).is_some_and(|r| r.sha256 != sha);
        let work_changed = self.release(&id).is_some_and(|r| *r.work != work);
        if !text_changed && !work_changed {
            return;
        }
        self.update(&id, |r| {
            if text_changed {
                r.sha256 = sha.to_owned();
                r.summary = Rc::new(Summary::of(document));
                r.text_dirty = true;
            }
            if work_changed {
                r.work = Rc::new(work);
            }
            r.edits += 1;
        });
        if text_changed {
            self.add_texts(vec![(id, Rc::from(document.text.as_str()))]);
        }
    }

    /// Sets the codebook's tags (from the open release's session).
    pub fn set_tags(&mut self, tags: &[Tag]) {
        if *self.codebook.tags != tags {
            self.codebook.tags = Rc::new(tags.to_vec());
            self.codebook.edits += 1;
        }
    }

    pub fn set_open(&mut self, id: Option<String>) {
        if self.open != id {
            self.open = id;
            self.settings_edits += 1;
        }
        self.opening = None;
    }

    /// Deletes a release (kept in the trash for undo); returns where it was.
    pub fn delete(&mut self, id: &str) -> Option<usize> {
        let position = self.releases.iter().position(|r| r.id == id)?;
        let release = Rc::make_mut(&mut self.releases).remove(position);
        let text = Rc::make_mut(&mut self.texts).remove(id);
        Rc::make_mut(&mut self.search).remove(id);
        self.trash = Some(Rc::new(Trashed {
            release: (*release).clone(),
            text,
            position,
        }));
        Rc::make_mut(&mut self.deletions).push(id.to_owned());
        Some(position)
    }

    /// Brings back the last deleted release, whole.
    pub fn restore(&mut self) -> Option<String> {
        let trashed = self.trash.take()?;
        let mut release = trashed.release.clone();
        let id = release.id.clone();
        Rc::make_mut(&mut self.deletions).retain(|d| *d != id);
        // Written again in full: the deletion may have reached storage.
        release.edits = release.written + 1;
        release.text_dirty = true;
        release.revision = 0;
        let position = trashed.position.min(self.releases.len());
        Rc::make_mut(&mut self.releases).insert(position, Rc::new(release));
        if let Some(text) = trashed.text.clone() {
            self.add_texts(vec![(id.clone(), text)]);
        }
        Some(id)
    }

    /// Another tab wrote release `id` (or deleted it).
    fn external(&mut self, id: String, stored: Option<StoredRelease>, text: Option<Rc<str>>) {
        let Some(stored) = stored else {
            if self.release(&id).is_some() {
                Rc::make_mut(&mut self.releases).retain(|r| r.id != id);
                Rc::make_mut(&mut self.texts).remove(&id);
                Rc::make_mut(&mut self.search).remove(&id);
            }
            return;
        };
        match self.release(&id).cloned() {
            None => {
                let release = Release {
                    id: stored.id.clone(),
                    sha256: stored.sha256,
                    added: stored.added,
                    modified: stored.modified,
                    summary: Rc::new(stored.summary),
                    work: Rc::new(stored.work),
                    revision: stored.revision,
                    edits: 0,
                    written: 0,
                    text_dirty: false,
                };
                Rc::make_mut(&mut self.releases).push(Rc::new(release));
            }
            Some(ours) if stored.revision <= ours.revision => return,
            Some(ours) => {
                let same_text = ours.sha256 == stored.sha256;
                self.update(&id, |r| {
                    r.revision = stored.revision;
                    if !r.dirty() || !same_text {
                        // Nothing of ours waits (or texts differ and the
                        // later writer's text stands): take theirs.
                        if !r.dirty() {
                            r.sha256 = stored.sha256.clone();
                            r.summary = Rc::new(stored.summary.clone());
                            r.work = Rc::new(stored.work.clone());
                            r.modified = stored.modified.clone();
                        }
                    } else {
                        r.work = Rc::new(merge_work(&r.work, &stored.work));
                    }
                });
            }
        }
        if let Some(text) = text {
            if self.release(&id).is_some_and(|r| !r.dirty()) {
                self.add_texts(vec![(id, text)]);
            }
        }
    }

    /// Another tab wrote the annotations of release `id` and nothing else,
    /// as [`Library::external`] takes a write on the same text: theirs if
    /// nothing of ours waits, else both merged; ours alone if our text
    /// changed since (theirs were made on the text before).
    fn external_work(&mut self, id: &str, work: Work, revision: u64, modified: String) {
        if self.release(id).is_none_or(|r| revision <= r.revision) {
            return;
        }
        self.update(id, |r| {
            r.revision = revision;
            if !r.dirty() {
                r.work = Rc::new(work);
                r.modified = modified;
            } else if !r.text_dirty {
                r.work = Rc::new(merge_work(&r.work, &work));
            }
        });
    }
}

/// Ours plus what theirs has that ours lacks, by annotation id (the tags
/// are the codebook's, shared).
pub fn merge_work(ours: &Work, theirs: &Work) -> Work {
    let set = crate::annotate::merge(&ours.with_tags(&[]), &theirs.with_tags(&[]));
    Work::of(&set)
}

#[cfg(test)]
mod tests;
