//! What the reader is looking at in the open document: the target of the
//! next tag, the focus, the selected annotation, the filters, the match of
//! the find box and the last request to scroll. The reducer
//! holds no document: where a jump lands is worked out by the coordinator
//! ([`super::store`]) and arrives with the action.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::annotate::{snap_selection, AnnotationSet};
use crate::document::Document;
use crate::facts::FactKind;

/// What the next tag applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A selection in the document, snapped to words (code points).
    Range { start: usize, end: usize },
    /// A fact, by index.
    Fact(usize),
    /// The whole turn holding a paragraph.
    Turn(usize),
}

/// What the reader asked to see highlighted in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Speaker(usize),
    Entity(usize),
    /// One fact's span, e.g. a mention picked in the Facts panel.
    Fact(usize),
}

/// A request to bring a paragraph into view. `request` grows with every
/// request, so that asking again for the same place scrolls again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Jump {
    pub request: u64,
    pub paragraph: Option<usize>,
    /// Mark the paragraph too (a place opened from a view of the library).
    pub mark: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    pub target: Option<Target>,
    pub focus: Option<Focus>,
    pub selected_annotation: Option<String>,
    pub jump: Jump,
    /// The match of the find box on show (code points), drawn in the
    /// document; it is also the target until another one is chosen.
    pub found: Option<(usize, usize)>,
    pub hidden_fact_kinds: BTreeSet<FactKind>,
    pub speaker_filter: String,
    pub tag_filter: Option<String>,
    /// `Some(None)` filters to text outside any turn.
    pub speaker_choice: Option<Option<usize>>,
}

/// A match of the find box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

pub enum ViewAction {
    SetTarget(Option<Target>),
    /// Highlights what the reader chose and jumps to `paragraph`, where it
    /// is. Components send `Action::SetFocus`, and the store works out the
    /// paragraph.
    SetFocus {
        focus: Option<Focus>,
        paragraph: Option<usize>,
    },
    /// Selects an annotation and jumps to `paragraph`, where it is (sent by
    /// the store for `Action::SelectAnnotation`).
    Select {
        id: Option<String>,
        paragraph: Option<usize>,
    },
    /// Brings a paragraph into view and marks it (a turn, search hit or
    /// passage opened from a view of the library); `target` is what the
    /// next tag would annotate there.
    Mark {
        paragraph: usize,
        target: Option<Target>,
    },
    /// A match of the find box, in `paragraph`: it becomes the target and
    /// is brought into view. `None` when the find box closes or finds
    /// nothing: the match is no longer drawn (the target stays).
    Found(Option<Found>),
    ToggleFactKind(FactKind),
    SetSpeakerFilter(String),
    SetTagFilter(Option<String>),
    SetSpeakerChoice(Option<Option<usize>>),
    /// A new annotation: it is selected, and the target has done its job.
    Annotated(String),
    /// An annotation is gone: no longer selected, if it was.
    Forget(String),
    /// The annotations were replaced wholesale: none stays selected.
    ForgetAll,
    /// Escape: no target, no focus, no selected annotation.
    Clear,
    /// Another document is on show: what pointed into the old one goes;
    /// the filters stay.
    NewDocument,
}

impl View {
    /// The view after `action`; the same `Rc` when nothing changed, so that
    /// components comparing by address do not re-render.
    pub fn reduce(self: &Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut next = (**self).clone();
        match action {
            ViewAction::SetTarget(target) => {
                if target.is_some() {
                    next.found = None;
                }
                next.target = target;
            }
            ViewAction::SetFocus { focus, paragraph } => {
                next.focus = focus;
                next.jump_to(paragraph);
            }
            ViewAction::Select { id, paragraph } => {
                next.selected_annotation = id;
                next.jump_to(paragraph);
            }
            ViewAction::Found(Some(Found {
                start,
                end,
                paragraph,
            })) => {
                next.found = Some((start, end));
                next.target = Some(Target::Range { start, end });
                next.jump_to(Some(paragraph));
            }
            ViewAction::Mark { paragraph, target } => {
                if target.is_some() {
                    next.found = None;
                }
                next.target = target;
                next.jump_to(Some(paragraph));
                next.jump.mark = true;
            }
            ViewAction::Found(None) => next.found = None,
            ViewAction::ToggleFactKind(kind) => {
                if !next.hidden_fact_kinds.remove(&kind) {
                    next.hidden_fact_kinds.insert(kind);
                }
            }
            ViewAction::SetSpeakerFilter(filter) => next.speaker_filter = filter,
            ViewAction::SetTagFilter(tag) => next.tag_filter = tag,
            ViewAction::SetSpeakerChoice(choice) => next.speaker_choice = choice,
            ViewAction::Annotated(id) => {
                next.selected_annotation = Some(id);
                next.target = None;
                next.found = None;
            }
            ViewAction::Forget(id) => {
                if next.selected_annotation.as_deref() == Some(id.as_str()) {
                    next.selected_annotation = None;
                }
            }
            ViewAction::ForgetAll => next.selected_annotation = None,
            ViewAction::Clear => {
                next.target = None;
                next.found = None;
                next.focus = None;
                next.selected_annotation = None;
            }
            ViewAction::NewDocument => {
                next.target = None;
                next.focus = None;
                next.selected_annotation = None;
                next.found = None;
                next.jump.paragraph = None;
            }
        }
        if next == **self {
            Rc::clone(self)
        } else {
            Rc::new(next)
        }
    }

    /// Asks for `paragraph` to be scrolled to. Nowhere to go is no
    /// request: the view stays where it is.
    fn jump_to(&mut self, paragraph: Option<usize>) {
        let Some(paragraph) = paragraph else {
            return;
        };
        self.jump = Jump {
            request: self.jump.request + 1,
            paragraph: Some(paragraph),
            mark: false,
        };
    }
}

/// The paragraph to bring into view for a focus, or else for the selected
/// annotation.
pub fn jump_target(
    document: &Document,
    set: &AnnotationSet,
    focus: Option<&Focus>,
    selected: Option<&str>,
) -> Option<usize> {
    let paragraph_of_fact = |f: usize| document.facts.get(f).map(|fact| fact.paragraph);
    match focus {
        Some(Focus::Speaker(s)) => {
            return document
                .speakers
                .get(*s)
                .and_then(|s| s.paragraphs.first().copied())
        }
        Some(Focus::Entity(e)) => {
            return document
                .entities
                .get(*e)
                .and_then(|e| e.facts.first().copied())
                .and_then(paragraph_of_fact)
        }
        Some(Focus::Fact(f)) => return paragraph_of_fact(*f),
        None => {}
    }
    let annotation = set.annotation(selected?)?;
    document
        .paragraph_at(annotation.start)
        .or_else(|| document.paragraph_at(annotation.end.saturating_sub(1)))
}

/// Where the document's paragraphs begin and end (code points): the ends
/// of a selection that runs out of the document region.
pub fn edges(document: &Document) -> (usize, usize) {
    let paragraphs = &document.paragraphs;
    match (paragraphs.first(), paragraphs.last()) {
        (Some(first), Some(last)) => (first.start, last.end),
        _ => (0, 0),
    }
}

/// Snaps a raw selection (code points) to the words around it.
pub fn snapped(document: &Document, start: usize, end: usize) -> Option<Target> {
    snap_selection(document, start, end).map(|span| Target::Range {
        start: span.start,
        end: span.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{default_tags, NewAnnotation, Session};
    use crate::parse::parse;

    fn view() -> Rc<View> {
        Rc::new(View::default())
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_rc() {
        let before = view();
        let after = before.reduce(ViewAction::SetTarget(None));
        assert!(Rc::ptr_eq(&before, &after));
        let after = before.reduce(ViewAction::Forget("a-1".into()));
        assert!(Rc::ptr_eq(&before, &after));
        let changed = before.reduce(ViewAction::SetSpeakerFilter("chin".into()));
        assert!(!Rc::ptr_eq(&before, &changed));
        assert_eq!(changed.speaker_filter, "chin");
    }

    #[test]
    fn every_jump_is_a_new_request() {
        let first = view().reduce(ViewAction::SetFocus {
            focus: Some(Focus::Speaker(2)),
            paragraph: Some(25_007),
        });
        assert_eq!(first.jump.paragraph, Some(25_007));
        // The same focus again still scrolls: the reader may have moved away.
        let again = first.reduce(ViewAction::SetFocus {
            focus: Some(Focus::Speaker(2)),
            paragraph: Some(25_007),
        });
        assert_eq!(again.jump.request, first.jump.request + 1);
        // A jump to nowhere is no jump: the view stays where it is.
        let nowhere = again.reduce(ViewAction::SetFocus {
            focus: None,
            paragraph: None,
        });
        assert_eq!(nowhere.jump.paragraph, Some(25_007));
        assert_eq!(nowhere.jump, again.jump);
        // Deselecting what is not selected changes nothing at all.
        let same = nowhere.reduce(ViewAction::Select {
            id: None,
            paragraph: None,
        });
        assert!(Rc::ptr_eq(&same, &nowhere));
    }

    #[test]
    fn a_match_of_the_find_box_is_the_target_and_a_jump_until_another_target() {
        let found = view().reduce(ViewAction::Found(Some(Found {
            start: 10,
            end: 17,
            paragraph: 4,
        })));
        assert_eq!(found.found, Some((10, 17)));
        assert_eq!(found.target, Some(Target::Range { start: 10, end: 17 }));
        assert_eq!(found.jump.paragraph, Some(4));
        // Closing the find box stops drawing the match; the target stays.
        let closed = found.reduce(ViewAction::Found(None));
        assert_eq!(closed.found, None);
        assert_eq!(closed.target, found.target);
        // A selection made by hand replaces both.
        let selected = found.reduce(ViewAction::SetTarget(Some(Target::Turn(2))));
        assert_eq!(selected.found, None);
        assert_eq!(selected.target, Some(Target::Turn(2)));
        // Tagging it uses it up.
        let tagged = found.reduce(ViewAction::Annotated("a-1".into()));
        assert_eq!(tagged.found, None);
    }

    #[test]
    fn toggling_a_fact_kind_twice_shows_it_again() {
        let hidden = view().reduce(ViewAction::ToggleFactKind(FactKind::Money));
        assert!(hidden.hidden_fact_kinds.contains(&FactKind::Money));
        let shown = hidden.reduce(ViewAction::ToggleFactKind(FactKind::Money));
        assert!(shown.hidden_fact_kinds.is_empty());
    }

    #[test]
    fn a_new_annotation_is_selected_and_uses_up_the_target() {
        let targeted = view().reduce(ViewAction::SetTarget(Some(Target::Fact(3))));
        let tagged = targeted.reduce(ViewAction::Annotated("a-1".into()));
        assert_eq!(tagged.selected_annotation.as_deref(), Some("a-1"));
        assert_eq!(tagged.target, None);
        // Forgetting another annotation keeps the selection; this one drops it.
        let kept = tagged.reduce(ViewAction::Forget("a-2".into()));
        assert!(Rc::ptr_eq(&kept, &tagged));
        let dropped = tagged.reduce(ViewAction::Forget("a-1".into()));
        assert_eq!(dropped.selected_annotation, None);
    }

    #[test]
    fn a_new_document_resets_what_pointed_into_the_old_one_and_keeps_filters() {
        let busy = view()
            .reduce(ViewAction::SetTarget(Some(Target::Turn(4))))
            .reduce(ViewAction::SetFocus {
                focus: Some(Focus::Entity(1)),
                paragraph: Some(25_001),
            })
            .reduce(ViewAction::Annotated("a-9".into()))
            .reduce(ViewAction::SetTagFilter(Some("t-1".into())))
            .reduce(ViewAction::ToggleFactKind(FactKind::Date));
        let fresh = busy.reduce(ViewAction::NewDocument);
        assert_eq!(fresh.target, None);
        assert_eq!(fresh.focus, None);
        assert_eq!(fresh.selected_annotation, None);
        assert_eq!(fresh.found, None);
        assert_eq!(fresh.jump.paragraph, None);
        assert_eq!(fresh.tag_filter.as_deref(), Some("t-1"));
        assert!(fresh.hidden_fact_kinds.contains(&FactKind::Date));
    }

    #[test]
    fn clear_drops_target_focus_and_selection_without_scrolling() {
        let busy = view()
            .reduce(ViewAction::SetTarget(Some(Target::Fact(0))))
            .reduce(ViewAction::Select {
                id: Some("a-1".into()),
                paragraph: Some(2),
            });
        let cleared = busy.reduce(ViewAction::Clear);
        assert_eq!(cleared.target, None);
        assert_eq!(cleared.selected_annotation, None);
        assert_eq!(cleared.jump, busy.jump);
    }

    #[test]
    fn jump_target_prefers_the_focus_then_the_selected_annotation() {
        let document = parse(crate::sample::UN_MEETING);
        let mut session = Session::new(AnnotationSet::with_tags(default_tags()));
        let speaker = document.speakers.len() - 1;
        let last_turn = document.speakers[speaker].paragraphs[0];
        let start = document.paragraphs[last_turn].start;
        session
            .annotate(
                &document,
                NewAnnotation {
                    id: "a-1".into(),
                    tag: session.set().tags()[0].id.clone(),
                    note: String::new(),
                    start,
                    end: start + 4,
                    now: "2025-01-01T00:00:00.000Z".into(),
                },
            )
            .unwrap();
        let set = session.set();
        assert_eq!(
            jump_target(&document, set, Some(&Focus::Speaker(speaker)), None),
            Some(last_turn)
        );
        assert_eq!(
            jump_target(&document, set, None, Some("a-1")),
            Some(last_turn)
        );
        let fact = &document.facts[0];
        assert_eq!(
            jump_target(&document, set, Some(&Focus::Fact(0)), Some("a-1")),
            Some(fact.paragraph)
        );
        assert_eq!(jump_target(&document, set, None, Some("gone")), None);
        assert_eq!(
            jump_target(&document, set, Some(&Focus::Speaker(10_000)), None),
            None
        );
    }
}
