//! The annotations of one document with their tag palette, and the pure
//! operations on them. Each operation checks its input against the set and
//! returns the [`Change`] that carries it out, without applying it: the
//! [`super::Session`] applies and records it, and a caller without history
//! can apply it with [`Change::apply`].

use crate::document::Document;

use super::annotation::{Annotation, NewAnnotation, Orphan};
use super::change::{Change, Placed};
use super::error::EditError;
use super::tags::{
    check_id, clean_color, clean_description, clean_tag_name, default_tags, same_name, Tag,
};
use super::timestamp::is_iso_datetime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationSet {
    tags: Vec<Tag>,
    /// In the order they were made; the app sorts for display.
    annotations: Vec<Annotation>,
    /// Annotations whose quote is not in the current text.
    orphans: Vec<Orphan>,
}

impl Default for AnnotationSet {
    /// No annotations, the default palette.
    fn default() -> Self {
        AnnotationSet::with_tags(default_tags())
    }
}

impl AnnotationSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_tags(tags: Vec<Tag>) -> Self {
        AnnotationSet {
            tags,
            annotations: Vec::new(),
            orphans: Vec::new(),
        }
    }

    /// Assembles a set whose parts were validated by the caller (import,
    /// restore, re-anchoring).
    pub(crate) fn from_parts(
        tags: Vec<Tag>,
        annotations: Vec<Annotation>,
        orphans: Vec<Orphan>,
    ) -> Self {
        AnnotationSet {
            tags,
            annotations,
            orphans,
        }
    }

    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    pub(crate) fn tags_mut(&mut self) -> &mut Vec<Tag> {
        &mut self.tags
    }

    pub(crate) fn annotations_mut(&mut self) -> &mut Vec<Annotation> {
        &mut self.annotations
    }

    pub(crate) fn orphans_mut(&mut self) -> &mut Vec<Orphan> {
        &mut self.orphans
    }

    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == id)
    }

    /// The tag that digit key `digit` (1–9) picks: the first nine in order.
    pub fn tag_for_digit(&self, digit: u32) -> Option<&Tag> {
        let index = usize::try_from(digit).ok()?.checked_sub(1)?;
        (index < 9).then(|| self.tags.get(index)).flatten()
    }

    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    pub fn orphan(&self, id: &str) -> Option<&Orphan> {
        self.orphans.iter().find(|o| o.annotation.id == id)
    }

    /// The annotations covering code point `at`, innermost (shortest) first,
    /// for a click on overlapping highlights.
    pub fn annotations_at(&self, at: usize) -> Vec<&Annotation> {
        let mut found: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.start <= at && at < a.end)
            .collect();
        crate::sort::sort_by_key(&mut found, |a| (a.end - a.start, a.start));
        found
    }

    /// The annotations in reading order: by start, longer first on ties.
    pub fn in_reading_order(&self) -> Vec<&Annotation> {
        let mut sorted: Vec<&Annotation> = self.annotations.iter().collect();
        crate::sort::sort_by(&mut sorted, |a, b| {
            a.start.cmp(&b.start).then(b.end.cmp(&a.end))
        });
        sorted
    }

    /// How many annotations and orphans use the tag.
    pub fn tag_usage(&self, tag_id: &str) -> usize {
        let placed = self.annotations.iter().filter(|a| a.tag == tag_id).count();
        let orphaned = self
            .orphans
            .iter()
            .filter(|o| o.annotation.tag == tag_id)
            .count();
        placed + orphaned
    }

    fn annotation_index(&self, id: &str) -> Result<usize, EditError> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| EditError::UnknownAnnotation(id.to_owned()))
    }

    fn tag_index(&self, id: &str) -> Result<usize, EditError> {
        self.tags
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| EditError::UnknownTag(id.to_owned()))
    }

    fn id_in_use(&self, id: &str) -> bool {
        self.annotation(id).is_some() || self.orphan(id).is_some()
    }

    // ---- annotations -------------------------------------------------

    pub fn add_annotation(
        &self,
        document: &Document,
        new: NewAnnotation,
    ) -> Result<Change, EditError> {
        check_id(&new.id)?;
        if self.id_in_use(&new.id) {
            return Err(EditError::DuplicateId(new.id));
        }
        self.tag_index(&new.tag)?;
        check_span(document, new.start, new.end)?;
        check_time(&new.now)?;
        Ok(Change::Annotation {
            before: None,
            after: Some(Placed {
                index: self.annotations.len(),
                item: Annotation::from_new(new),
            }),
        })
    }

    pub fn delete_annotation(&self, id: &str) -> Result<Change, EditError> {
        let index = self.annotation_index(id)?;
        Ok(Change::Annotation {
            before: Some(Placed {
                index,
                item: self.annotations[index].clone(),
            }),
            after: None,
        })
    }

    pub fn set_note(&self, id: &str, note: &str, now: &str) -> Result<Change, EditError> {
        self.edit_annotation(id, now, |a| a.note = note.to_owned())
    }

    pub fn set_annotation_tag(&self, id: &str, tag: &str, now: &str) -> Result<Change, EditError> {
        self.tag_index(tag)?;
        self.edit_annotation(id, now, |a| a.tag = tag.to_owned())
    }

    /// Moves an annotation to another span (dragging its ends).
    pub fn set_span(
        &self,
        document: &Document,
        id: &str,
        start: usize,
        end: usize,
        now: &str,
    ) -> Result<Change, EditError> {
        check_span(document, start, end)?;
        self.edit_annotation(id, now, |a| {
            a.start = start;
            a.end = end;
        })
    }

    fn edit_annotation(
        &self,
        id: &str,
        now: &str,
        edit: impl FnOnce(&mut Annotation),
    ) -> Result<Change, EditError> {
        check_time(now)?;
        let index = self.annotation_index(id)?;
        let before = self.annotations[index].clone();
        let mut after = before.clone();
        edit(&mut after);
        after.modified = now.to_owned();
        Ok(Change::Annotation {
            before: Some(Placed {
                index,
                item: before,
            }),
            after: Some(Placed { index, item: after }),
        })
    }

    // ---- orphans -----------------------------------------------------

    /// Gives an orphan a new span in the current text: it becomes an
    /// ordinary annotation again, with its id, tag, note and creation time.
    pub fn reattach_orphan(
        &self,
        document: &Document,
        id: &str,
        start: usize,
        end: usize,
        now: &str,
    ) -> Result<Change, EditError> {
        check_span(document, start, end)?;
        check_time(now)?;
        let index = self
            .orphans
            .iter()
            .position(|o| o.annotation.id == id)
            .ok_or_else(|| EditError::UnknownOrphan(id.to_owned()))?;
        let orphan = self.orphans[index].clone();
        let mut annotation = orphan.annotation.clone();
        annotation.start = start;
        annotation.end = end;
        annotation.modified = now.to_owned();
        Ok(Change::Batch(vec![
            Change::Orphan {
                before: Some(Placed {
                    index,
                    item: orphan,
                }),
                after: None,
            },
            Change::Annotation {
                before: None,
                after: Some(Placed {
                    index: self.annotations.len(),
                    item: annotation,
                }),
            },
        ]))
    }

    pub fn delete_orphan(&self, id: &str) -> Result<Change, EditError> {
        let index = self
            .orphans
            .iter()
            .position(|o| o.annotation.id == id)
            .ok_or_else(|| EditError::UnknownOrphan(id.to_owned()))?;
        Ok(Change::Orphan {
            before: Some(Placed {
                index,
                item: self.orphans[index].clone(),
            }),
            after: None,
        })
    }

    // ---- tags --------------------------------------------------------

    /// Adds a tag at the end of the palette.
    pub fn add_tag(&self, id: &str, name: &str, color: &str) -> Result<Change, EditError> {
        check_id(id)?;
        if self.tag(id).is_some() {
            return Err(EditError::DuplicateId(id.to_owned()));
        }
        let name = self.free_name(name, None)?;
        let color = clean_color(color)?;
        Ok(Change::Tag {
            before: None,
            after: Some(Placed {
                index: self.tags.len(),
                item: Tag {
                    id: id.to_owned(),
                    name,
                    color,
                    description: String::new(),
                },
            }),
        })
    }

    /// Renames a tag; its annotations keep it, since they refer to its id.
    pub fn rename_tag(&self, id: &str, name: &str) -> Result<Change, EditError> {
        let name = self.free_name(name, Some(id))?;
        self.edit_tag(id, |t| t.name = name)
    }

    pub fn recolor_tag(&self, id: &str, color: &str) -> Result<Change, EditError> {
        let color = clean_color(color)?;
        self.edit_tag(id, |t| t.color = color)
    }

    /// Sets what a tag means, for the people sharing the codebook.
    pub fn describe_tag(&self, id: &str, description: &str) -> Result<Change, EditError> {
        let description = clean_description(description)?;
        self.edit_tag(id, |t| t.description = description)
    }

    /// Moves a tag to `position` in the palette (which changes its digit key).
    pub fn move_tag(&self, id: &str, position: usize) -> Result<Change, EditError> {
        let index = self.tag_index(id)?;
        if position >= self.tags.len() {
            return Err(EditError::BadPosition {
                position,
                len: self.tags.len(),
            });
        }
        let tag = self.tags[index].clone();
        Ok(Change::Tag {
            before: Some(Placed {
                index,
                item: tag.clone(),
            }),
            after: Some(Placed {
                index: position,
                item: tag,
            }),
        })
    }

    /// Deletes an unused tag. A tag in use is refused with
    /// [`EditError::TagInUse`], naming how many annotations use it, so that
    /// no annotation is lost to a slip: the app then offers
    /// [`Self::delete_tag_with_annotations`] or retagging them.
    pub fn delete_tag(&self, id: &str) -> Result<Change, EditError> {
        let index = self.tag_index(id)?;
        let count = self.tag_usage(id);
        if count > 0 {
            return Err(EditError::TagInUse {
                name: self.tags[index].name.clone(),
                count,
            });
        }
        Ok(self.tag_removal(index))
    }

    /// Deletes a tag and every annotation and orphan that uses it, as one
    /// step that one undo brings back entirely.
    pub fn delete_tag_with_annotations(&self, id: &str) -> Result<Change, EditError> {
        let index = self.tag_index(id)?;
        let mut steps = Vec::new();
        // From the back, so that each recorded index is right when applied.
        for (i, a) in self.annotations.iter().enumerate().rev() {
            if a.tag == id {
                steps.push(Change::Annotation {
                    before: Some(Placed {
                        index: i,
                        item: a.clone(),
                    }),
                    after: None,
                });
            }
        }
        for (i, o) in self.orphans.iter().enumerate().rev() {
            if o.annotation.tag == id {
                steps.push(Change::Orphan {
                    before: Some(Placed {
                        index: i,
                        item: o.clone(),
                    }),
                    after: None,
                });
            }
        }
        steps.push(self.tag_removal(index));
        Ok(Change::Batch(steps))
    }

    fn tag_removal(&self, index: usize) -> Change {
        Change::Tag {
            before: Some(Placed {
                index,
                item: self.tags[index].clone(),
            }),
            after: None,
        }
    }

    fn edit_tag(&self, id: &str, edit: impl FnOnce(&mut Tag)) -> Result<Change, EditError> {
        let index = self.tag_index(id)?;
        let before = self.tags[index].clone();
        let mut after = before.clone();
        edit(&mut after);
        Ok(Change::Tag {
            before: Some(Placed {
                index,
                item: before,
            }),
            after: Some(Placed { index, item: after }),
        })
    }

    /// A clean name no other tag has (`except` may keep its own name, so a
    /// rename that only changes case is allowed).
    fn free_name(&self, name: &str, except: Option<&str>) -> Result<String, EditError> {
        let name = clean_tag_name(name)?;
        let taken = self
            .tags
            .iter()
            .any(|t| Some(t.id.as_str()) != except && same_name(&t.name, &name));
        if taken {
            return Err(EditError::DuplicateTagName(name));
        }
        Ok(name)
    }

    /// Replaces everything (an import), as one undoable step.
    pub fn replace_with(&self, other: AnnotationSet) -> Change {
        Change::Replace {
            before: Box::new(self.clone()),
            after: Box::new(other),
        }
    }
}

/// A span must lie in the text and hold something other than whitespace.
fn check_span(document: &Document, start: usize, end: usize) -> Result<(), EditError> {
    let len = document.char_index().len_chars();
    if start > end || end > len {
        return Err(EditError::OutOfRange { start, end, len });
    }
    if document.slice(start, end).trim().is_empty() {
        return Err(EditError::EmptyRange { start, end });
    }
    Ok(())
}

fn check_time(now: &str) -> Result<(), EditError> {
    if is_iso_datetime(now) {
        Ok(())
    } else {
        Err(EditError::BadTimestamp(now.to_owned()))
    }
}
