//! Changes to the annotations and tags, through the session: each is
//! applied and becomes an undo step, or is refused with a message for the
//! reader and changes nothing. Ids and timestamps arrive with the edit.

use std::rc::Rc;

use crate::annotate::{AnnotationSet, EditError, NewAnnotation, ReanchorReport, Session};
use crate::app::state::notice::Notice;
use crate::app::state::view::Target;
use crate::document::Document;

use super::{Event, Workspace};

pub enum Edit {
    /// Tags `target` with the tag `tag`, as a new annotation `id`.
    Annotate {
        target: Target,
        tag: String,
        id: String,
        now: String,
    },
    DeleteAnnotation(String),
    SetNote {
        id: String,
        note: String,
        now: String,
    },
    SetAnnotationTag {
        id: String,
        tag: String,
        now: String,
    },
    DeleteOrphan(String),
    AddTag {
        id: String,
        name: String,
        color: String,
    },
    RenameTag {
        id: String,
        name: String,
    },
    RecolorTag {
        id: String,
        color: String,
    },
    DescribeTag {
        id: String,
        description: String,
    },
    DeleteTag(String),
    DeleteTagWithAnnotations(String),
    Undo,
    Redo,
}

impl Edit {
    /// Whether the edit places, changes or removes annotations in the text
    /// on show (not only the codebook's tags, which a new release keeps).
    pub fn touches_annotations(&self) -> bool {
        !matches!(
            self,
            Edit::AddTag { .. }
                | Edit::RenameTag { .. }
                | Edit::RecolorTag { .. }
                | Edit::DescribeTag { .. }
                | Edit::DeleteTag(_)
        )
    }
}

impl Workspace {
    pub(super) fn apply_edit(self, edit: Edit, events: &mut Vec<Event>) -> Self {
        match edit {
            Edit::Annotate {
                target,
                tag,
                id,
                now,
            } => {
                let new = NewAnnotation {
                    id: id.clone(),
                    tag,
                    note: String::new(),
                    start: 0,
                    end: 0,
                    now,
                };
                let next = self.edit(events, |session, document| match target {
                    Target::Range { start, end } => {
                        session.annotate(document, NewAnnotation { start, end, ..new })
                    }
                    Target::Fact(index) => session.annotate_fact(document, index, new),
                    Target::Turn(paragraph) => session.annotate_turn(document, paragraph, new),
                });
                if next.session.set().annotation(&id).is_some() {
                    events.push(Event::Annotated(id));
                }
                next
            }
            Edit::DeleteAnnotation(id) => self.edit(events, |s, _| s.delete_annotation(&id)),
            Edit::SetNote { id, note, now } => {
                self.edit(events, |s, _| s.set_note(&id, &note, &now))
            }
            Edit::SetAnnotationTag { id, tag, now } => {
                self.edit(events, |s, _| s.set_annotation_tag(&id, &tag, &now))
            }
            Edit::DeleteOrphan(id) => self.edit(events, |s, _| s.delete_orphan(&id)),
            Edit::AddTag { id, name, color } => {
                self.edit(events, |s, _| s.add_tag(&id, &name, &color))
            }
            Edit::RenameTag { id, name } => self.edit(events, |s, _| s.rename_tag(&id, &name)),
            Edit::RecolorTag { id, color } => self.edit(events, |s, _| s.recolor_tag(&id, &color)),
            Edit::DescribeTag { id, description } => {
                self.edit(events, |s, _| s.describe_tag(&id, &description))
            }
            Edit::DeleteTag(id) => self.edit(events, |s, _| s.delete_tag(&id)),
            Edit::DeleteTagWithAnnotations(id) => {
                self.edit(events, |s, _| s.delete_tag_with_annotations(&id))
            }
            Edit::Undo if !self.session.can_undo() => self,
            Edit::Undo => self.edit(events, |s, _| s.undo().map(|_| ())),
            Edit::Redo if !self.session.can_redo() => self,
            Edit::Redo => self.edit(events, |s, _| s.redo().map(|_| ())),
        }
    }

    /// Applies an edit of the session; a refusal becomes a message.
    fn edit(
        mut self,
        events: &mut Vec<Event>,
        edit: impl FnOnce(&mut Session, &Document) -> Result<(), EditError>,
    ) -> Self {
        let mut session = (*self.session).clone();
        match edit(&mut session, &self.document) {
            Ok(()) => {
                self.session = Rc::new(session);
                self.changed()
            }
            Err(error) => {
                events.push(Event::Notice(Some(Notice::error(capitalise(
                    &error.to_string(),
                )))));
                self
            }
        }
    }

    /// Puts imported annotations in place of these, as one undo step.
    pub(super) fn import(
        self,
        set: AnnotationSet,
        report: &ReanchorReport,
        file_name: &str,
        widened: usize,
        notices: &[String],
        events: &mut Vec<Event>,
    ) -> Self {
        let count = set.annotations().len();
        let refused = events.len();
        let next = self.edit(events, |session, _| session.replace_all(set));
        if events.len() > refused {
            return next;
        }
        let lost = report.orphaned + report.still_orphaned;
        let mut text = if lost == 0 {
            format!("Imported {count} annotation(s) from {file_name}.")
        } else {
            format!(
                "Imported {count} annotation(s) from {file_name}; {lost} could not be placed in this text and are listed under \"Not placed\"."
            )
        };
        if widened > 0 {
            text.push_str(&format!(
                " {widened} started or ended inside a character (between a letter and its accent, or inside an emoji) and now cover(s) the whole character."
            ));
        }
        for notice in notices {
            text.push(' ');
            text.push_str(notice);
        }
        events.push(Event::Notice(Some(Notice::info(text))));
        events.push(Event::Replaced);
        next
    }

    /// Puts `set` in place of the annotations, as one undo step.
    pub(super) fn replace(self, set: AnnotationSet, events: &mut Vec<Event>) -> Self {
        self.edit(events, |session, _| session.replace_all(set))
    }
}

fn capitalise(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}
