//! What crosses between the open document and the library: a parsed text
//! becoming a release (or an edit of the open one), opening, deleting and
//! adding releases, imports, the codebook following tag edits.

use std::rc::Rc;

use crate::annotate::{same_work, AnnotationSet, Tag};
use crate::document::Document;
use crate::library::{merge_codebook, ImportedCorpus, Work};
use crate::parse::parse;

use super::super::library::{listed, merge_work, LibraryAction, Storage, StoredRelease};
use super::super::notice::Notice;
use super::super::view::{Target, ViewAction};
use super::super::workspace::{WorkspaceAction, WORKER_THRESHOLD_BYTES};
use super::Store;

/// Where to open a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Paragraph(usize),
    /// A span (code points): a search hit.
    Span {
        start: usize,
        end: usize,
    },
    Annotation(String),
}

/// A text read from a file, to add to the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedText {
    pub name: String,
    pub text: String,
}

/// What storage held when the app started.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    pub releases: Vec<StoredRelease>,
    pub codebook: Option<(Vec<Tag>, u64)>,
    /// The release open last time, with its text.
    pub open: Option<(String, Rc<str>)>,
    pub storage: Storage,
    /// The work of the old single-document autosave, to migrate.
    pub legacy: Option<(String, AnnotationSet)>,
    /// A sentence about the start (an old save that was damaged).
    pub message: Option<String>,
}

impl Store {
    /// Opens the library: what storage held, the old autosave migrated
    /// into it, the sample on a first visit; the release open last time.
    pub(super) fn start(&mut self, start: Start) {
        let Start {
            releases,
            codebook,
            open,
            storage,
            legacy,
            message,
        } = start;
        let mut library = (*self.library).clone();
        library.reduce(LibraryAction::Loaded {
            releases,
            codebook,
            open: open.as_ref().map(|(id, _)| id.clone()),
            storage,
        });
        if let Some((id, text)) = open {
            library.reduce(LibraryAction::Texts(vec![(id, text)]));
        }
        if library.tags().is_empty() {
            library.set_tags(self.workspace.session.set().tags());
        }
        self.library = Rc::new(library);
        if let Some(message) = message {
            self.notice = Some(Notice::error(message));
        }
        if let Some((text, set)) = legacy {
            let id = self.take_release(&text, &set, None);
            let library = Rc::make_mut(&mut self.library);
            library.legacy = id.clone();
            library.set_open(id);
        }
        if self.library.releases.is_empty() {
            // A first visit: the sample on show becomes the first release.
            let document = self.workspace.document.clone();
            let library = Rc::make_mut(&mut self.library);
            let id = library.new_id(document.text_sha256());
            library.add(id.clone(), &document, Work::default());
            library.set_open(Some(id));
        }
        let open = self.library.open.clone().or_else(|| {
            listed(&self.library.releases, &self.library.listing)
                .first()
                .map(|r| r.id.clone())
        });
        if let Some(id) = open {
            Rc::make_mut(&mut self.library).open = None;
            self.open_release(id, None);
        }
        self.synced = self.workspace.revision;
    }

    pub(super) fn library_action(&mut self, action: LibraryAction) {
        let open = self.library.open.clone();
        let before = open
            .as_deref()
            .and_then(|id| self.library.release(id))
            .map(|r| r.work.clone());
        let codebook = self.library.codebook.tags.clone();
        Rc::make_mut(&mut self.library).reduce(action);
        // Another tab (or a merge on write) changed what is on show.
        if let Some(id) = open.as_deref() {
            match self.library.release(id).map(|r| r.work.clone()) {
                None if before.is_some() => {
                    self.notice = Some(Notice::info(
                        "Another tab deleted the release that was open here.",
                    ));
                    self.open_next();
                }
                Some(work) if before.as_ref().is_some_and(|b| !Rc::ptr_eq(b, &work)) => {
                    let tags = self.library.tags().to_vec();
                    let set = work.with_tags(&tags);
                    if !same_work(&set, self.workspace.session.set()) {
                        self.replace_open_work(set);
                    }
                }
                _ => {}
            }
        }
        if !Rc::ptr_eq(&codebook, &self.library.codebook.tags) {
            self.follow_codebook();
        }
        if let Some(id) = self.library.opening.clone() {
            if self.library.texts.contains_key(&id) {
                let place = self.library.opening_place.clone();
                self.open_release(id, place);
            }
        }
    }

    /// Puts the library's work for the open release in the session (it
    /// came from another tab, or from a merge with it).
    fn replace_open_work(&mut self, set: AnnotationSet) {
        self.workspace(WorkspaceAction::Adopt(set));
    }

    /// The library takes in what changed in the workspace: the codebook's
    /// tags, the open release's text and annotations.
    pub(super) fn take_in_workspace(&mut self) {
        if self.workspace.revision == self.synced {
            return;
        }
        self.synced = self.workspace.revision;
        if !self.library.loaded() {
            return;
        }
        let workspace = self.workspace.clone();
        let set = workspace.session.set();
        Rc::make_mut(&mut self.library).set_tags(set.tags());
        let document = &workspace.document;
        let Some(open) = self.library.open.clone() else {
            // While a release is being read, what is on show is not a
            // release of its own: the worker's answer replaces it.
            let reading = self.opening_parsed.is_some() && self.workspace.parsing.is_some();
            if !reading {
                self.new_release();
            }
            return;
        };
        if document.text.trim().is_empty() {
            return;
        }
        let sha = document.text_sha256();
        if let Some(other) = self.library.by_sha(sha).filter(|r| r.id != open) {
            let id = other.id.clone();
            self.notice = Some(Notice::info(format!(
                "This text is already in your library as “{}”: it is open now; “{}” keeps its text.",
                other.summary.label(),
                self.library.release(&open).map_or("", |r| r.summary.label()),
            )));
            Rc::make_mut(&mut self.library).open = None;
            self.open_release(id, None);
            return;
        }
        Rc::make_mut(&mut self.library).edit_open(document, Work::of(set));
    }

    /// The text on show is a release of its own: added to the library, or,
    /// when the library has it already, that release is opened.
    pub(super) fn new_release(&mut self) {
        if !self.library.loaded() {
            return;
        }
        let document = self.workspace.document.clone();
        if document.text.trim().is_empty() {
            Rc::make_mut(&mut self.library).set_open(None);
            return;
        }
        let being_opened = self.opening_parsed.as_ref().is_some_and(|(id, _)| {
            self.library
                .release(id)
                .is_some_and(|r| r.sha256 == document.text_sha256())
        });
        if let Some((id, place)) = self.opening_parsed.take_if(|_| being_opened) {
            // The release being opened, back from the worker.
            Rc::make_mut(&mut self.library).open = None;
            self.synced = self.workspace.revision;
            return self.open_release_parsed(id, place, Some(document));
        }
        if let Some(existing) = self.library.by_sha(document.text_sha256()) {
            let id = existing.id.clone();
            self.notice = Some(Notice::info(format!(
                "“{}” is already in your library: it is open now.",
                existing.summary.label()
            )));
            Rc::make_mut(&mut self.library).open = None;
            self.synced = self.workspace.revision;
            // The same text (same SHA-256), just parsed: not parsed again.
            self.open_release_parsed(id, None, Some(document));
            return;
        }
        let text = self.text_of(&document);
        let library = Rc::make_mut(&mut self.library);
        let id = library.new_id(document.text_sha256());
        library.add_with_text(
            id.clone(),
            &document,
            text,
            Work::of(self.workspace.session.set()),
        );
        library.set_open(Some(id));
        self.synced = self.workspace.revision;
    }

    /// `document`'s text to keep: the text box's, which holds it already
    /// unless it was edited since (comparing reads both once, where a copy
    /// would write 50 MB anew).
    fn text_of(&self, document: &Document) -> Rc<str> {
        let input = &self.workspace.input;
        match **input == *document.text {
            true => input.clone(),
            false => Rc::from(document.text.as_str()),
        }
    }

    /// Opens release `id`; reads its text first if it is not in memory.
    pub(super) fn open_release(&mut self, id: String, place: Option<Place>) {
        self.open_release_parsed(id, place, None);
    }

    /// [`Self::open_release`], given its text's document when it is at hand.
    fn open_release_parsed(
        &mut self,
        id: String,
        place: Option<Place>,
        parsed: Option<Rc<Document>>,
    ) {
        let Some(release) = self.library.release(&id).cloned() else {
            return;
        };
        if self.library.open.as_deref() != Some(id.as_str()) {
            self.opening_parsed = None;
            let (document, text) = match (parsed, self.library.texts.get(&id).cloned()) {
                (Some(document), Some(text)) => (document, text),
                (Some(document), None) => {
                    let text = self.text_of(&document);
                    (document, text)
                }
                (None, None) => {
                    let library = Rc::make_mut(&mut self.library);
                    library.opening = Some(id);
                    library.opening_place = place;
                    return;
                }
                (None, Some(text)) if *text == *self.workspace.document.text => {
                    (self.workspace.document.clone(), text)
                }
                (None, Some(text)) if text.len() > WORKER_THRESHOLD_BYTES => {
                    // Parsed in the worker, as a file this long is, not here
                    // where it would hold the page for seconds; the text is
                    // on show meanwhile. `new_release` opens it when back.
                    self.opening_parsed = Some((id, place));
                    Rc::make_mut(&mut self.library).opening = None;
                    return self.workspace(WorkspaceAction::LoadText(text));
                }
                (None, Some(text)) => (Rc::new(parse(&text)), text),
            };
            let set = release.work.with_tags(self.library.tags());
            // Open first, so that the workspace's change reads as this
            // release shown, not as a text to add.
            Rc::make_mut(&mut self.library).set_open(Some(id));
            self.workspace(WorkspaceAction::Open {
                document,
                text,
                set,
            });
            self.synced = self.workspace.revision;
        } else {
            Rc::make_mut(&mut self.library).opening = None;
            if self.opening_parsed.take().is_some() {
                // Back to the release on show while a long one was being
                // read: its own text again, which drops the worker's job.
                let shown = &self.workspace.document.text;
                let text = match self.library.texts.get(&id) {
                    Some(text) if **text == **shown => text.clone(),
                    _ => Rc::from(shown.as_str()),
                };
                self.workspace(WorkspaceAction::LoadText(text));
            }
        }
        if let Some(place) = place {
            self.go_to(place);
        }
    }

    fn go_to(&mut self, place: Place) {
        let document = self.workspace.document.clone();
        match place {
            Place::Paragraph(paragraph) if paragraph < document.paragraphs.len() => {
                let target = document
                    .paragraphs
                    .get(paragraph)
                    .and_then(|p| p.speaker)
                    .map(|_| Target::Turn(paragraph));
                self.view(ViewAction::Mark { paragraph, target });
            }
            Place::Paragraph(_) => {}
            Place::Span { start, end } => {
                if let Some(paragraph) = document.paragraph_at(start) {
                    let end = end.min(document.char_index().len_chars());
                    self.view(ViewAction::Mark {
                        paragraph,
                        target: Some(Target::Range { start, end }),
                    });
                }
            }
            Place::Annotation(id) => {
                let paragraph = self.jump_target(None, Some(&id));
                self.view(ViewAction::Select {
                    id: Some(id),
                    paragraph,
                });
                if let Some(paragraph) = paragraph {
                    self.view(ViewAction::Mark {
                        paragraph,
                        target: None,
                    });
                }
            }
        }
    }

    /// Opens the first release of the list, or an empty document.
    fn open_next(&mut self) {
        let next = listed(&self.library.releases, &self.library.listing)
            .first()
            .map(|r| r.id.clone());
        Rc::make_mut(&mut self.library).open = None;
        match next {
            Some(id) => self.open_release(id, None),
            None => {
                let set = AnnotationSet::with_tags(self.library.tags().to_vec());
                self.workspace(WorkspaceAction::Open {
                    document: Rc::new(parse("")),
                    text: Rc::from(""),
                    set,
                });
                Rc::make_mut(&mut self.library).set_open(None);
                self.synced = self.workspace.revision;
            }
        }
    }

    pub(super) fn delete_release(&mut self, id: String) {
        let Some(release) = self.library.release(&id).cloned() else {
            return;
        };
        Rc::make_mut(&mut self.library).delete(&id);
        let count = release.work.count();
        self.notice = Some(Notice::info(format!(
            "Deleted “{}” and its {count} annotation(s) from the library. Undo brings them back.",
            release.summary.label()
        )));
        if self.library.open.as_deref() == Some(id.as_str()) {
            self.open_next();
        }
    }

    pub(super) fn undo_delete(&mut self) {
        if let Some(id) = Rc::make_mut(&mut self.library).restore() {
            self.notice = None;
            Rc::make_mut(&mut self.library).open = None;
            self.open_release(id, None);
        }
    }

    /// Adds a text with its annotations (tags merged into the codebook by
    /// name), or merges them into the release that has this text. Returns
    /// the release's id; `None` for an empty text.
    fn take_release(
        &mut self,
        text: &str,
        set: &AnnotationSet,
        added: Option<&str>,
    ) -> Option<String> {
        if text.trim().is_empty() {
            return None;
        }
        let (tags, _, ids) = merge_codebook(self.library.tags(), set.tags());
        let mut work = Work::of(set);
        for a in &mut work.annotations {
            if let Some(id) = ids.get(&a.tag) {
                a.tag = id.clone();
            }
        }
        for o in &mut work.orphans {
            if let Some(id) = ids.get(&o.annotation.tag) {
                o.annotation.tag = id.clone();
            }
        }
        let document: Document = parse(text);
        let library = Rc::make_mut(&mut self.library);
        library.set_tags(&tags);
        if let Some(existing) = library.by_sha(document.text_sha256()).cloned() {
            let merged = merge_work(&existing.work, &work);
            if merged != *existing.work {
                library.update(&existing.id, |r| {
                    r.work = Rc::new(merged);
                    r.edits += 1;
                });
            }
            return Some(existing.id.clone());
        }
        let id = library.new_id(document.text_sha256());
        library.add(id.clone(), &document, work);
        if let Some(added) = added {
            library.update(&id, |r| r.added = added.to_owned());
        }
        Some(id)
    }

    pub(super) fn add_texts(&mut self, texts: Vec<crate::app::state::AddedText>) {
        let mut added = Vec::new();
        let mut known = Vec::new();
        let mut empty = Vec::new();
        let mut last = None;
        for AddedText { name, text } in texts {
            let document = parse(&text);
            if document.text.trim().is_empty() {
                empty.push(name);
                continue;
            }
            if let Some(existing) = self.library.by_sha(document.text_sha256()) {
                known.push(format!("{name} (as “{}”)", existing.summary.label()));
                last = Some(existing.id.clone());
                continue;
            }
            let library = Rc::make_mut(&mut self.library);
            let id = library.new_id(document.text_sha256());
            library.add(id.clone(), &document, Work::default());
            added.push(name);
            last = Some(id);
        }
        let mut sentences = Vec::new();
        if !added.is_empty() {
            sentences.push(format!(
                "Added {} release(s) to the library: {}.",
                added.len(),
                added.join(", ")
            ));
        }
        if !known.is_empty() {
            sentences.push(format!(
                "Already in the library, not added again: {}.",
                known.join(", ")
            ));
        }
        if !empty.is_empty() {
            sentences.push(format!("No text in: {}.", empty.join(", ")));
        }
        let message = sentences.join(" ");
        if let Some(id) = last {
            Rc::make_mut(&mut self.library).open =
                self.library.open.clone().filter(|open| *open != id);
            self.open_release(id, None);
        }
        if !message.is_empty() {
            self.notice = Some(if added.is_empty() && known.is_empty() {
                Notice::error(message)
            } else {
                Notice::info(message)
            });
        }
    }

    pub(super) fn import_corpus(&mut self, corpus: ImportedCorpus, file_name: &str) {
        let (tags, report, _) = merge_codebook(self.library.tags(), &corpus.tags);
        Rc::make_mut(&mut self.library).set_tags(&tags);
        let (mut added, mut merged, mut annotations) = (0, 0, 0);
        for release in &corpus.releases {
            let file = &release.file;
            let document = parse(&file.text);
            let placement = file.place(&document);
            let existed = self
                .library
                .by_sha(document.text_sha256())
                .map(|r| r.work.count());
            let id = self.take_release(&file.text, &placement.set, release.added.as_deref());
            annotations += placement.set.annotations().len() + placement.set.orphans().len();
            match (existed, id) {
                (Some(_), Some(_)) => merged += 1,
                (None, Some(_)) => added += 1,
                _ => {}
            }
        }
        self.follow_codebook();
        // The open release may have gained annotations.
        if let Some(open) = self.library.open.clone() {
            if let Some(release) = self.library.release(&open) {
                let set = release.work.with_tags(self.library.tags());
                if !same_work(&set, self.workspace.session.set()) {
                    self.workspace(WorkspaceAction::Replace(set));
                }
            }
        }
        if self.library.open.is_none() {
            self.open_next();
        }
        self.notice = Some(Notice::info(format!(
            "Imported {file_name}: {added} release(s) added, {merged} already in the library merged \
             ({annotations} annotation(s) in the file, matched by id). Codebook: {}",
            report.sentence()
        )));
    }

    pub(super) fn import_codebook(&mut self, tags: Vec<Tag>, file_name: &str) {
        let (merged, report, _) = merge_codebook(self.library.tags(), &tags);
        Rc::make_mut(&mut self.library).set_tags(&merged);
        self.follow_codebook();
        self.notice = Some(Notice::info(format!(
            "Codebook {file_name} imported: {}",
            report.sentence()
        )));
    }

    /// Deleting a tag deletes it from the codebook: refused while other
    /// releases use it, unless their annotations go too.
    pub(super) fn delete_tag(&mut self, id: String, with_annotations: bool) {
        let open = self.library.open.clone();
        let elsewhere: Vec<(String, usize)> = self
            .library
            .releases
            .iter()
            .filter(|r| Some(&r.id) != open.as_ref())
            .map(|r| {
                let used = r.work.annotations.iter().filter(|a| a.tag == id).count()
                    + r.work
                        .orphans
                        .iter()
                        .filter(|o| o.annotation.tag == id)
                        .count();
                (r.id.clone(), used)
            })
            .filter(|(_, used)| *used > 0)
            .collect();
        let name = self
            .library
            .tags()
            .iter()
            .find(|t| t.id == id)
            .map_or(id.clone(), |t| t.name.clone());
        let total: usize = elsewhere.iter().map(|(_, n)| n).sum();
        if !with_annotations {
            if total > 0 {
                self.notice = Some(Notice::error(format!(
                    "The tag “{name}” is used by {total} annotation(s) in {} other release(s) of the library; \
                     delete it with its annotations, or move them to another tag first.",
                    elsewhere.len()
                )));
                return;
            }
            self.workspace(WorkspaceAction::Edit(super::Edit::DeleteTag(id)));
            return;
        }
        self.workspace(WorkspaceAction::Edit(
            super::Edit::DeleteTagWithAnnotations(id.clone()),
        ));
        if self.workspace.session.set().tag(&id).is_some() {
            return; // Refused; the message says why.
        }
        let library = Rc::make_mut(&mut self.library);
        for (release, _) in &elsewhere {
            library.update(release, |r| {
                let mut work = (*r.work).clone();
                work.annotations.retain(|a| a.tag != id);
                work.orphans.retain(|o| o.annotation.tag != id);
                r.work = Rc::new(work);
                r.edits += 1;
            });
        }
        if total > 0 {
            self.notice = Some(Notice::info(format!(
                "Deleted the tag “{name}” with its annotations here and {total} in {} other release(s) \
                 (Undo brings back those of this release).",
                elsewhere.len()
            )));
        }
    }
}
