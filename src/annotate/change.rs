//! A change to an [`AnnotationSet`], recorded so that it can be undone.
//!
//! Each change names the item it removes and the item it puts in, with their
//! positions, so that its inverse is the same change read backwards. That
//! keeps the history small (one changed item, not a copy of every
//! annotation, per step) and makes undo exact, order included.

use super::annotation::{Annotation, Orphan};
use super::error::EditError;
use super::set::AnnotationSet;
use super::tags::Tag;

/// An item and its position in its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed<T> {
    pub index: usize,
    pub item: T,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `before` only: a deletion; `after` only: an insertion; both: an edit
    /// (or a move, if the indices differ).
    Annotation {
        before: Option<Placed<Annotation>>,
        after: Option<Placed<Annotation>>,
    },
    Orphan {
        before: Option<Placed<Orphan>>,
        after: Option<Placed<Orphan>>,
    },
    Tag {
        before: Option<Placed<Tag>>,
        after: Option<Placed<Tag>>,
    },
    /// Several changes as one step, applied in order.
    Batch(Vec<Change>),
    /// Everything at once: an import or a restore.
    Replace {
        before: Box<AnnotationSet>,
        after: Box<AnnotationSet>,
    },
}

impl Change {
    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        match self {
            Change::Annotation { before, after } => Change::Annotation {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Orphan { before, after } => Change::Orphan {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Tag { before, after } => Change::Tag {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Batch(changes) => {
                Change::Batch(changes.iter().rev().map(Change::inverse).collect())
            }
            Change::Replace { before, after } => Change::Replace {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Applies the change, or changes nothing and says why it does not fit.
    pub fn apply(&self, set: &mut AnnotationSet) -> Result<(), EditError> {
        match self {
            Change::Annotation { before, after } => {
                replace_item(set.annotations_mut(), before.as_ref(), after.as_ref())
            }
            Change::Orphan { before, after } => {
                replace_item(set.orphans_mut(), before.as_ref(), after.as_ref())
            }
            Change::Tag { before, after } => {
                replace_item(set.tags_mut(), before.as_ref(), after.as_ref())
            }
            Change::Batch(changes) => {
                // On a copy, so that a step that does not fit leaves the set
                // as it was. Batches are rare (deleting a tag with its
                // annotations, re-attaching an orphan).
                let mut copy = set.clone();
                for change in changes {
                    change.apply(&mut copy)?;
                }
                *set = copy;
                Ok(())
            }
            Change::Replace { before, after } => {
                if **before != *set {
                    return Err(EditError::Stale("the annotations changed under a replace"));
                }
                *set = (**after).clone();
                Ok(())
            }
        }
    }

    /// Joins an edit of an annotation with the edit that follows it, when
    /// both change the same annotation in place (typing a note, one call per
    /// keystroke, becomes one undo step).
    pub(crate) fn merge_edit(&self, next: &Change) -> Option<Change> {
        let (
            Change::Annotation {
                before: Some(first),
                after: Some(middle),
            },
            Change::Annotation {
                before: Some(middle_again),
                after: Some(last),
            },
        ) = (self, next)
        else {
            return None;
        };
        let in_place = first.index == middle.index && middle.index == last.index;
        (in_place && middle == middle_again).then(|| Change::Annotation {
            before: Some(first.clone()),
            after: Some(last.clone()),
        })
    }
}

/// Items with an id that must be unique in their list.
pub(crate) trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Annotation {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Orphan {
    fn id(&self) -> &str {
        &self.annotation.id
    }
}

impl Identified for Tag {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Removes `before` from its position and inserts `after` at its own, after
/// checking that both fit, so that a failed change mutates nothing.
fn replace_item<T: Clone + PartialEq + Identified>(
    list: &mut Vec<T>,
    before: Option<&Placed<T>>,
    after: Option<&Placed<T>>,
) -> Result<(), EditError> {
    if let Some(old) = before {
        if list.get(old.index) != Some(&old.item) {
            return Err(EditError::Stale(
                "an item is not where the change expects it",
            ));
        }
    }
    let len_between = list.len() - usize::from(before.is_some());
    if let Some(new) = after {
        if new.index > len_between {
            return Err(EditError::Stale("a change inserts past the end of a list"));
        }
        let removed = before.map(|old| old.index);
        let clash = list
            .iter()
            .enumerate()
            .any(|(i, item)| Some(i) != removed && item.id() == new.item.id());
        if clash {
            return Err(EditError::Stale(
                "a change inserts an id that is already there",
            ));
        }
    }
    if let Some(old) = before {
        list.remove(old.index);
    }
    if let Some(new) = after {
        list.insert(new.index, new.item.clone());
    }
    Ok(())
}
