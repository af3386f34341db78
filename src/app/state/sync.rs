//! Keeping the work: what autosave last wrote, a lasting storage problem,
//! and a save by another tab that waits for the reader to settle it.

use std::rc::Rc;

use crate::annotate::AnnotationSet;

/// What another tab saved while this one was open.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherTab {
    pub text: String,
    pub set: AnnotationSet,
}

/// How the reader settles a save from another tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// Both tabs' annotations, when both have the same text.
    Merge,
    /// The other tab's text and annotations.
    TakeTheirs,
    /// This tab's; the next autosave overwrites the other's.
    KeepMine,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncStatus {
    /// The workspace revision autosave last wrote (or tried to write).
    pub saved_revision: u64,
    /// Kept apart from notices so that an autosave failure stays visible.
    pub storage_problem: Option<String>,
    /// Set when another tab saved; autosave waits until the reader settles it.
    pub other_tab: Option<Rc<OtherTab>>,
}

pub enum SyncAction {
    /// Autosave wrote `revision`, or failed to with the problem given.
    Saved {
        revision: u64,
        problem: Option<String>,
    },
    /// Another tab saved work that differs from this tab's.
    OtherTabSaved(OtherTab),
    /// The reader settled the other tab's save.
    Settled,
}

/// What the header says about saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed,
}

impl SyncStatus {
    pub fn reduce(self: &Rc<Self>, action: SyncAction) -> Rc<Self> {
        match action {
            SyncAction::Saved { revision, problem } => {
                if revision == self.saved_revision && problem == self.storage_problem {
                    return Rc::clone(self);
                }
                Rc::new(SyncStatus {
                    saved_revision: revision,
                    storage_problem: problem,
                    other_tab: self.other_tab.clone(),
                })
            }
            SyncAction::OtherTabSaved(other) => Rc::new(SyncStatus {
                other_tab: Some(Rc::new(other)),
                ..(**self).clone()
            }),
            SyncAction::Settled if self.other_tab.is_none() => Rc::clone(self),
            SyncAction::Settled => Rc::new(SyncStatus {
                other_tab: None,
                ..(**self).clone()
            }),
        }
    }

    /// Whether the workspace at `revision` is saved, being saved, or cannot be.
    pub fn save_state(&self, revision: u64) -> SaveState {
        if self.storage_problem.is_some() {
            SaveState::Failed
        } else if self.saved_revision < revision {
            SaveState::Saving
        } else {
            SaveState::Saved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_moves_the_status_from_saving_to_saved() {
        let status = Rc::new(SyncStatus::default());
        assert_eq!(status.save_state(1), SaveState::Saving);
        let saved = status.reduce(SyncAction::Saved {
            revision: 1,
            problem: None,
        });
        assert_eq!(saved.save_state(1), SaveState::Saved);
        assert_eq!(saved.save_state(2), SaveState::Saving);
        // The same report again changes nothing.
        let again = saved.reduce(SyncAction::Saved {
            revision: 1,
            problem: None,
        });
        assert!(Rc::ptr_eq(&saved, &again));
    }

    #[test]
    fn a_failed_save_stays_failed_until_a_save_succeeds() {
        let failed = Rc::new(SyncStatus::default()).reduce(SyncAction::Saved {
            revision: 3,
            problem: Some("Autosave failed: local storage is full.".into()),
        });
        assert_eq!(failed.save_state(3), SaveState::Failed);
        assert_eq!(failed.save_state(4), SaveState::Failed);
        let recovered = failed.reduce(SyncAction::Saved {
            revision: 4,
            problem: None,
        });
        assert_eq!(recovered.save_state(4), SaveState::Saved);
        assert_eq!(recovered.storage_problem, None);
    }

    #[test]
    fn another_tabs_save_waits_until_settled() {
        let status = Rc::new(SyncStatus::default());
        let settled_early = status.reduce(SyncAction::Settled);
        assert!(Rc::ptr_eq(&status, &settled_early));
        let waiting = status.reduce(SyncAction::OtherTabSaved(OtherTab {
            text: "Other text.".into(),
            set: AnnotationSet::default(),
        }));
        assert_eq!(
            waiting.other_tab.as_ref().map(|o| o.text.as_str()),
            Some("Other text.")
        );
        // A save report does not drop the other tab's work.
        let saved = waiting.reduce(SyncAction::Saved {
            revision: 2,
            problem: None,
        });
        assert!(saved.other_tab.is_some());
        assert_eq!(saved.reduce(SyncAction::Settled).other_tab, None);
    }
}
