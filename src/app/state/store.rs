//! The coordinator: one [`Action`] type for the whole app, routed to the
//! reducer of its concern. Most actions belong to one reducer; those that
//! cross concerns are spelled out here: tagging the view's target, a new
//! document resetting the view, and everything between the open document
//! and the library (a parsed text becoming a release or an edit of the
//! open one, opening a release, the codebook following tag edits, imports
//! and deletions). Each reducer returns the same `Rc` when nothing changed,
//! so a component handed one part re-renders only when that part changes.

mod library;

use std::rc::Rc;

use crate::annotate::{AnnotationSet, Tag};
use crate::library::ImportedCorpus;

use super::library::{Library, LibraryAction, Storage};
use super::notice::Notice;
use super::view::{jump_target, Focus, View, ViewAction};
use super::workspace::{Edit, Event, Reduced, Workspace, WorkspaceAction};

pub use library::{AddedText, Place, Start};

#[derive(Debug, Clone)]
pub struct Store {
    pub workspace: Rc<Workspace>,
    pub view: Rc<View>,
    pub library: Rc<Library>,
    /// The latest message for the reader.
    pub notice: Option<Notice>,
    /// The workspace revision the library last took in.
    synced: u64,
    /// A long release being opened: its text is parsed in the worker, as
    /// any text of that size; when the worker's document comes back as a
    /// release of its own, this one opens with it, at this place.
    opening_parsed: Option<(String, Option<Place>)>,
}

pub enum Action {
    Workspace(WorkspaceAction),
    View(ViewAction),
    Library(LibraryAction),
    /// What storage held at start; opens the library.
    Start(Box<Start>),
    /// Tags the view's target with a tag id.
    Tag {
        tag: String,
        id: String,
        now: String,
    },
    /// Tags the view's target with the tag on digit key 1-9.
    TagDigit {
        digit: u32,
        id: String,
        now: String,
    },
    DeleteAnnotation(String),
    DeleteSelectedAnnotation,
    /// Highlights a speaker, entity or fact and scrolls to it.
    SetFocus(Option<Focus>),
    /// Selects an annotation and scrolls to it.
    SelectAnnotation(Option<String>),
    /// Opens a release of the library, at a place if given.
    OpenRelease {
        id: String,
        place: Option<Place>,
    },
    DeleteRelease(String),
    UndoDelete,
    /// Texts from files ("Open files", dropped on the page).
    AddTexts(Vec<AddedText>),
    ImportCorpus {
        corpus: ImportedCorpus,
        file_name: String,
    },
    ImportCodebook {
        tags: Vec<Tag>,
        file_name: String,
    },
    Notify(Notice),
    DismissNotice,
}

impl From<WorkspaceAction> for Action {
    fn from(action: WorkspaceAction) -> Self {
        Action::Workspace(action)
    }
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Self {
        Action::Workspace(WorkspaceAction::Edit(edit))
    }
}

impl From<ViewAction> for Action {
    fn from(action: ViewAction) -> Self {
        Action::View(action)
    }
}

impl From<LibraryAction> for Action {
    fn from(action: LibraryAction) -> Self {
        Action::Library(action)
    }
}

/// What the header says about saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed,
}

impl Store {
    pub fn new(workspace: Workspace, notice: Option<Notice>) -> Self {
        Store {
            synced: workspace.revision,
            opening_parsed: None,
            workspace: Rc::new(workspace),
            view: Rc::new(View::default()),
            library: Rc::new(Library::default()),
            notice,
        }
    }

    /// The store after `action`; the same `Rc` when nothing changed.
    pub fn apply(self: &Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (**self).clone();
        next.route(action);
        if next.same_as(self) {
            Rc::clone(self)
        } else {
            Rc::new(next)
        }
    }

    fn same_as(&self, other: &Store) -> bool {
        Rc::ptr_eq(&self.workspace, &other.workspace)
            && Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.library, &other.library)
            && self.notice == other.notice
    }

    /// Whether the work is saved, being saved, or cannot be.
    pub fn save_state(&self) -> SaveState {
        match self.library.storage {
            Storage::Memory(_) | Storage::Failing(_) => SaveState::Failed,
            _ if self.library.unsaved() => SaveState::Saving,
            _ => SaveState::Saved,
        }
    }

    fn route(&mut self, action: Action) {
        match action {
            Action::Workspace(WorkspaceAction::Edit(Edit::DeleteTag(id))) => {
                self.delete_tag(id, false)
            }
            Action::Workspace(WorkspaceAction::Edit(Edit::DeleteTagWithAnnotations(id))) => {
                self.delete_tag(id, true)
            }
            Action::Workspace(action) => self.workspace(action),
            Action::View(action) => self.view(action),
            Action::Library(action) => self.library_action(action),
            Action::Start(start) => self.start(*start),
            Action::Tag { tag, id, now } => self.tag(tag, id, now),
            Action::TagDigit { digit, id, now } => {
                let tag = self.workspace.session.set().tag_for_digit(digit);
                if let Some(tag) = tag.map(|t| t.id.clone()) {
                    self.tag(tag, id, now);
                }
            }
            Action::DeleteAnnotation(id) => self.delete_annotation(id),
            Action::DeleteSelectedAnnotation => {
                if let Some(id) = self.view.selected_annotation.clone() {
                    self.delete_annotation(id);
                }
            }
            Action::SetFocus(focus) => {
                let paragraph = self.jump_target(focus.as_ref(), self.selected());
                self.view(ViewAction::SetFocus { focus, paragraph });
            }
            Action::SelectAnnotation(id) => {
                let paragraph = self.jump_target(self.view.focus.as_ref(), id.as_deref());
                self.view(ViewAction::Select { id, paragraph });
            }
            Action::OpenRelease { id, place } => self.open_release(id, place),
            Action::DeleteRelease(id) => self.delete_release(id),
            Action::UndoDelete => self.undo_delete(),
            Action::AddTexts(texts) => self.add_texts(texts),
            Action::ImportCorpus { corpus, file_name } => self.import_corpus(corpus, &file_name),
            Action::ImportCodebook { tags, file_name } => self.import_codebook(tags, &file_name),
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
        }
    }

    /// Reduces the workspace, passes on what the change means, and lets
    /// the library take in the open release's new state.
    fn workspace(&mut self, action: WorkspaceAction) {
        let Reduced { workspace, events } = self.workspace.reduce(action);
        self.workspace = workspace;
        for event in events {
            match event {
                Event::Shown => self.view(ViewAction::NewDocument),
                Event::NewRelease => self.new_release(),
                Event::Notice(notice) => self.notice = notice,
                Event::Annotated(id) => {
                    self.view(ViewAction::Annotated(id));
                    self.notice = None;
                }
                Event::Replaced => self.view(ViewAction::ForgetAll),
            }
        }
        self.take_in_workspace();
    }

    fn view(&mut self, action: ViewAction) {
        self.view = self.view.reduce(action);
    }

    fn tag(&mut self, tag: String, id: String, now: String) {
        match self.view.target {
            Some(target) => self.workspace(WorkspaceAction::Edit(Edit::Annotate {
                target,
                tag,
                id,
                now,
            })),
            None => {
                self.notice = Some(Notice::info(
                    "Select a passage in the document first (or pick a fact or a speaker's turn), then choose a tag.",
                ))
            }
        }
    }

    fn delete_annotation(&mut self, id: String) {
        self.workspace(WorkspaceAction::Edit(Edit::DeleteAnnotation(id.clone())));
        self.view(ViewAction::Forget(id));
    }

    fn selected(&self) -> Option<&str> {
        self.view.selected_annotation.as_deref()
    }

    fn jump_target(&self, focus: Option<&Focus>, selected: Option<&str>) -> Option<usize> {
        let workspace = &self.workspace;
        jump_target(
            &workspace.document,
            workspace.session.set(),
            focus,
            selected,
        )
    }

    /// The open release's annotations with the codebook's tags, as an
    /// undoable step when they differ from the session's.
    fn follow_codebook(&mut self) {
        let tags = self.library.tags().to_vec();
        if self.workspace.session.set().tags() == tags.as_slice() {
            return;
        }
        let set = self.workspace.session.set();
        let set =
            AnnotationSet::from_parts(tags, set.annotations().to_vec(), set.orphans().to_vec());
        self.workspace(WorkspaceAction::Replace(set));
    }
}

#[cfg(test)]
mod tests;
