//! What the app holds: the annotation set and its undo history, with one
//! method per user action. Each method checks, applies and records, or
//! changes nothing and returns why.

use crate::document::Document;

use super::annotation::NewAnnotation;
use super::change::Change;
use super::error::EditError;
use super::history::History;
use super::ranges::{fact_range, turn_range_at, Span};
use super::reanchor::{reanchor, ReanchorReport};
use super::set::AnnotationSet;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    set: AnnotationSet,
    history: History,
}

impl Session {
    /// A session on `set` with an empty history.
    pub fn new(set: AnnotationSet) -> Self {
        Session {
            set,
            history: History::default(),
        }
    }

    pub fn with_history(set: AnnotationSet, history: History) -> Self {
        Session { set, history }
    }

    pub fn set(&self) -> &AnnotationSet {
        &self.set
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Applies and records a change built by an [`AnnotationSet`] method.
    pub fn apply(&mut self, change: Change) -> Result<(), EditError> {
        self.commit(change, false)
    }

    fn commit(&mut self, change: Change, mergeable: bool) -> Result<(), EditError> {
        change.apply(&mut self.set)?;
        self.history.record(change, mergeable);
        Ok(())
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.history.undo(&mut self.set)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.history.redo(&mut self.set)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Ends a run of note edits: call when the note field loses focus, so
    /// the next edit is an undo step of its own.
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    // ---- annotations -------------------------------------------------

    /// Annotates a span; snap a raw selection with
    /// [`super::snap_selection`] first.
    pub fn annotate(&mut self, document: &Document, new: NewAnnotation) -> Result<(), EditError> {
        let change = self.set.add_annotation(document, new)?;
        self.apply(change)
    }

    /// Annotates fact `fact` whole; `new.start`/`new.end` are ignored.
    pub fn annotate_fact(
        &mut self,
        document: &Document,
        fact: usize,
        new: NewAnnotation,
    ) -> Result<(), EditError> {
        let span = fact_range(document, fact)?;
        self.annotate_span(document, span, new)
    }

    /// Annotates the whole speaker's turn that paragraph `paragraph` is
    /// part of; `new.start`/`new.end` are ignored.
    pub fn annotate_turn(
        &mut self,
        document: &Document,
        paragraph: usize,
        new: NewAnnotation,
    ) -> Result<(), EditError> {
        let span = turn_range_at(document, paragraph)?;
        self.annotate_span(document, span, new)
    }

    /// Annotates `span`, whatever `new.start`/`new.end` say.
    fn annotate_span(
        &mut self,
        document: &Document,
        span: Span,
        new: NewAnnotation,
    ) -> Result<(), EditError> {
        self.annotate(
            document,
            NewAnnotation {
                start: span.start,
                end: span.end,
                ..new
            },
        )
    }

    pub fn delete_annotation(&mut self, id: &str) -> Result<(), EditError> {
        let change = self.set.delete_annotation(id)?;
        self.apply(change)
    }

    /// Sets a note. Consecutive calls on the same annotation merge into one
    /// undo step until [`Self::seal_history`] or another action.
    pub fn set_note(&mut self, id: &str, note: &str, now: &str) -> Result<(), EditError> {
        let change = self.set.set_note(id, note, now)?;
        self.commit(change, true)
    }

    pub fn set_annotation_tag(&mut self, id: &str, tag: &str, now: &str) -> Result<(), EditError> {
        let change = self.set.set_annotation_tag(id, tag, now)?;
        self.apply(change)
    }

    pub fn set_span(
        &mut self,
        document: &Document,
        id: &str,
        start: usize,
        end: usize,
        now: &str,
    ) -> Result<(), EditError> {
        let change = self.set.set_span(document, id, start, end, now)?;
        self.apply(change)
    }

    pub fn reattach_orphan(
        &mut self,
        document: &Document,
        id: &str,
        start: usize,
        end: usize,
        now: &str,
    ) -> Result<(), EditError> {
        let change = self.set.reattach_orphan(document, id, start, end, now)?;
        self.apply(change)
    }

    pub fn delete_orphan(&mut self, id: &str) -> Result<(), EditError> {
        let change = self.set.delete_orphan(id)?;
        self.apply(change)
    }

    // ---- tags --------------------------------------------------------

    pub fn add_tag(&mut self, id: &str, name: &str, color: &str) -> Result<(), EditError> {
        let change = self.set.add_tag(id, name, color)?;
        self.apply(change)
    }

    pub fn rename_tag(&mut self, id: &str, name: &str) -> Result<(), EditError> {
        let change = self.set.rename_tag(id, name)?;
        self.apply(change)
    }

    pub fn recolor_tag(&mut self, id: &str, color: &str) -> Result<(), EditError> {
        let change = self.set.recolor_tag(id, color)?;
        self.apply(change)
    }

    pub fn describe_tag(&mut self, id: &str, description: &str) -> Result<(), EditError> {
        let change = self.set.describe_tag(id, description)?;
        self.apply(change)
    }

    pub fn move_tag(&mut self, id: &str, position: usize) -> Result<(), EditError> {
        let change = self.set.move_tag(id, position)?;
        self.apply(change)
    }

    /// Refuses with [`EditError::TagInUse`] while annotations use the tag.
    pub fn delete_tag(&mut self, id: &str) -> Result<(), EditError> {
        let change = self.set.delete_tag(id)?;
        self.apply(change)
    }

    pub fn delete_tag_with_annotations(&mut self, id: &str) -> Result<(), EditError> {
        let change = self.set.delete_tag_with_annotations(id)?;
        self.apply(change)
    }

    // ---- whole-set actions -------------------------------------------

    /// Replaces annotations and tags with an imported set, as one undo step.
    pub fn replace_all(&mut self, set: AnnotationSet) -> Result<(), EditError> {
        let change = self.set.replace_with(set);
        self.apply(change)
    }

    /// Moves every annotation onto a changed text (the user edited or
    /// re-pasted the release), by its quote in `old_text`; orphans are tried
    /// again too. The history is cleared: its offsets belong to the old
    /// text, and undoing into them would misplace annotations. An unchanged
    /// text changes nothing, history included.
    pub fn follow_text_change(&mut self, old_text: &str, document: &Document) -> ReanchorReport {
        if old_text == document.text {
            return ReanchorReport {
                unchanged: self.set.annotations().len(),
                still_orphaned: self.set.orphans().len(),
                ..ReanchorReport::default()
            };
        }
        let placement = reanchor(&self.set, old_text, document);
        self.set = placement.set;
        self.history.clear();
        placement.report
    }
}
