//! Undo and redo over [`Change`]s: every change to annotations and tags goes
//! through here, so every change can be undone.

use std::collections::VecDeque;

use super::change::Change;
use super::error::EditError;
use super::set::AnnotationSet;

/// Steps kept by [`History::default`]. Each step holds only the items it
/// changed, so a few hundred cost little even with many annotations.
pub const DEFAULT_HISTORY_CAPACITY: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// Oldest first; the newest step is undone first.
    undo: VecDeque<Change>,
    /// The step redone next is last.
    redo: Vec<Change>,
    capacity: usize,
    /// While false, an edit of the same annotation as the last step merges
    /// into it (typing a note). The app seals on leaving the note field.
    sealed: bool,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_HISTORY_CAPACITY)
    }
}

impl History {
    /// A history keeping at most `capacity` undo steps (at least one).
    pub fn new(capacity: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            capacity: capacity.max(1),
            sealed: true,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Records a change that was just applied. A new change clears redo;
    /// past the capacity the oldest step is forgotten.
    pub fn record(&mut self, change: Change, mergeable: bool) {
        self.redo.clear();
        if mergeable && !self.sealed {
            if let Some(merged) = self.undo.back().and_then(|last| last.merge_edit(&change)) {
                if let Some(last) = self.undo.back_mut() {
                    *last = merged;
                }
                return;
            }
        }
        self.undo.push_back(change);
        while self.undo.len() > self.capacity {
            self.undo.pop_front();
        }
        self.sealed = !mergeable;
    }

    /// Whether the next edit is a step of its own whatever it is.
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// Ends merging: the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.sealed = true;
    }

    /// Undoes the newest step on `set`. `Ok(false)` when there is nothing to
    /// undo; on error the set and the history are left as they were.
    pub fn undo(&mut self, set: &mut AnnotationSet) -> Result<bool, EditError> {
        let Some(change) = self.undo.pop_back() else {
            return Ok(false);
        };
        if let Err(error) = change.inverse().apply(set) {
            self.undo.push_back(change);
            return Err(error);
        }
        self.redo.push(change);
        self.sealed = true;
        Ok(true)
    }

    /// Redoes the step undone last. `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, set: &mut AnnotationSet) -> Result<bool, EditError> {
        let Some(change) = self.redo.pop() else {
            return Ok(false);
        };
        if let Err(error) = change.apply(set) {
            self.redo.push(change);
            return Err(error);
        }
        self.undo.push_back(change);
        self.sealed = true;
        Ok(true)
    }
}
