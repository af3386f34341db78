//! The coordinator: one [`Action`] type for the whole app, routed to the
//! reducer of its concern. Most actions belong to one reducer; the few that
//! cross concerns (tagging the view's target, a new document resetting the
//! view, settling another tab's save) are spelled out here, and so is what
//! a workspace [`Event`] means for the others. Each reducer returns the same
//! `Rc` when nothing changed, so a component handed one part re-renders
//! only when that part changes.

use std::rc::Rc;

use crate::annotate::{same_work, AnnotationSet};

use super::notice::Notice;
use super::sync::{OtherTab, Settle, SyncAction, SyncStatus};
use super::view::{jump_target, Focus, View, ViewAction};
use super::workspace::{Edit, Event, Reduced, Workspace, WorkspaceAction};

#[derive(Debug, Clone)]
pub struct Store {
    pub workspace: Rc<Workspace>,
    pub view: Rc<View>,
    pub sync: Rc<SyncStatus>,
    /// The latest message for the reader.
    pub notice: Option<Notice>,
}

pub enum Action {
    Workspace(WorkspaceAction),
    View(ViewAction),
    Sync(SyncAction),
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
    /// Another tab saved this text and these annotations.
    OtherTabSaved {
        text: String,
        set: AnnotationSet,
    },
    SettleOtherTab(Settle),
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

impl From<SyncAction> for Action {
    fn from(action: SyncAction) -> Self {
        Action::Sync(action)
    }
}

impl Store {
    pub fn new(workspace: Workspace, notice: Option<Notice>) -> Self {
        Store {
            workspace: Rc::new(workspace),
            view: Rc::new(View::default()),
            sync: Rc::new(SyncStatus::default()),
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
            && Rc::ptr_eq(&self.sync, &other.sync)
            && self.notice == other.notice
    }

    fn route(&mut self, action: Action) {
        match action {
            Action::Workspace(action) => self.workspace(action),
            Action::View(action) => self.view(action),
            Action::Sync(action) => self.sync = self.sync.reduce(action),
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
            Action::OtherTabSaved { text, set } => {
                // The same work in another order (both tabs merged) is
                // nothing to settle.
                let workspace = &self.workspace;
                if text == workspace.document.text && same_work(&set, workspace.session.set()) {
                    return;
                }
                self.sync = self
                    .sync
                    .reduce(SyncAction::OtherTabSaved(OtherTab { text, set }));
            }
            Action::SettleOtherTab(settle) => {
                let Some(other) = self.sync.other_tab.clone() else {
                    return;
                };
                self.sync = self.sync.reduce(SyncAction::Settled);
                let (text, set) = (other.text.clone(), other.set.clone());
                self.workspace(match settle {
                    Settle::KeepMine => WorkspaceAction::Touch,
                    Settle::Merge => WorkspaceAction::TakeOther {
                        text,
                        set,
                        merge: true,
                    },
                    Settle::TakeTheirs => WorkspaceAction::TakeOther {
                        text,
                        set,
                        merge: false,
                    },
                });
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
        }
    }

    /// Reduces the workspace and passes on what the change means.
    fn workspace(&mut self, action: WorkspaceAction) {
        let Reduced { workspace, events } = self.workspace.reduce(action);
        self.workspace = workspace;
        for event in events {
            match event {
                Event::Shown => self.view(ViewAction::NewDocument),
                Event::Notice(notice) => self.notice = notice,
                Event::Annotated(id) => {
                    self.view(ViewAction::Annotated(id));
                    self.notice = None;
                }
                Event::Replaced => self.view(ViewAction::ForgetAll),
            }
        }
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
}

#[cfg(test)]
mod tests;
