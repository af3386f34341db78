use std::rc::Rc;

use super::*;
use crate::annotate::AnnotationSet;
use crate::app::state::view::Target;
use crate::app::state::workspace::MAX_TEXT_BYTES;
use crate::app::state::NoticeKind;
use crate::facts::FactKind;

const TEXT: &str = "The delegate of Norway said the mission must continue.\n\n\
                    The representative of Chile agreed with the proposal.";

fn store(text: &str) -> Rc<Store> {
    Rc::new(Store::new(
        Workspace::new(text.to_owned(), AnnotationSet::default()),
        None,
    ))
}

fn apply(store: &Rc<Store>, actions: impl IntoIterator<Item = Action>) -> Rc<Store> {
    actions
        .into_iter()
        .fold(store.clone(), |store, action| store.apply(action))
}

fn tag(id: &str) -> Action {
    Action::Tag {
        tag: "claim".into(),
        id: id.into(),
        now: "2025-04-02T15:00:00.000Z".into(),
    }
}

fn select(start: usize, end: usize) -> Action {
    ViewAction::SetTarget(Some(Target::Range { start, end })).into()
}

#[test]
fn typing_changes_only_the_workspace_and_selecting_only_the_view() {
    let before = store(TEXT);
    let typed = before.apply(WorkspaceAction::EditInput(Rc::from("Typed.")).into());
    assert!(!Rc::ptr_eq(&typed.workspace, &before.workspace));
    assert!(Rc::ptr_eq(&typed.view, &before.view));
    assert!(Rc::ptr_eq(&typed.sync, &before.sync));

    let selected = before.apply(select(4, 12));
    assert!(Rc::ptr_eq(&selected.workspace, &before.workspace));
    assert!(!Rc::ptr_eq(&selected.view, &before.view));
    // The same selection again changes nothing at all.
    assert!(Rc::ptr_eq(&selected.apply(select(4, 12)), &selected));
}

#[test]
fn a_tag_with_no_target_only_explains() {
    let before = store(TEXT);
    let after = before.apply(tag("a-1"));
    assert!(Rc::ptr_eq(&after.workspace, &before.workspace));
    let notice = after.notice.as_ref().unwrap();
    assert_eq!(notice.kind, NoticeKind::Info);
    assert!(notice.text.starts_with("Select a passage"));
}

#[test]
fn tagging_the_target_selects_the_new_annotation_and_clears_the_message() {
    let after = apply(&store(TEXT), [tag("a-0"), select(4, 12), tag("a-1")]);
    let annotation = after.workspace.session.set().annotation("a-1").unwrap();
    assert_eq!((annotation.start, annotation.end), (4, 12));
    assert_eq!(after.view.selected_annotation.as_deref(), Some("a-1"));
    assert_eq!(after.view.target, None);
    assert_eq!(after.notice, None);
}

#[test]
fn digit_keys_use_the_tag_in_that_place_and_ignore_digits_without_one() {
    let targeted = apply(&store(TEXT), [select(4, 12)]);
    let unknown = targeted.apply(Action::TagDigit {
        digit: 9,
        id: "a-9".into(),
        now: "2025-04-02T15:00:00.000Z".into(),
    });
    assert!(Rc::ptr_eq(&unknown, &targeted));
    let tagged = targeted.apply(Action::TagDigit {
        digit: 2,
        id: "a-2".into(),
        now: "2025-04-02T15:00:00.000Z".into(),
    });
    let set = tagged.workspace.session.set();
    assert_eq!(set.annotation("a-2").unwrap().tag, set.tags()[1].id);
}

#[test]
fn deleting_the_selected_annotation_deselects_it() {
    let tagged = apply(&store(TEXT), [select(4, 12), tag("a-1")]);
    let deleted = tagged.apply(Action::DeleteSelectedAnnotation);
    assert!(deleted.workspace.session.set().annotations().is_empty());
    assert_eq!(deleted.view.selected_annotation, None);
    // With nothing selected, Delete does nothing.
    assert!(Rc::ptr_eq(
        &deleted.apply(Action::DeleteSelectedAnnotation),
        &deleted
    ));
}

#[test]
fn a_new_document_resets_the_view_but_a_refused_or_pending_one_does_not() {
    let busy = apply(
        &store(TEXT),
        [
            select(4, 12),
            tag("a-1"),
            Action::SetFocus(Some(Focus::Speaker(0))),
            ViewAction::ToggleFactKind(FactKind::Country).into(),
        ],
    );
    let huge: Rc<str> = Rc::from("x".repeat(MAX_TEXT_BYTES + 1));
    let refused = busy.apply(WorkspaceAction::LoadText(huge).into());
    assert!(Rc::ptr_eq(&refused.view, &busy.view));
    assert_eq!(refused.notice.as_ref().unwrap().kind, NoticeKind::Error);

    let asking = busy.apply(WorkspaceAction::LoadText(Rc::from("Something else.")).into());
    assert!(asking.workspace.pending.is_some());
    assert!(Rc::ptr_eq(&asking.view, &busy.view));

    let replaced = asking.apply(WorkspaceAction::ConfirmPending.into());
    assert_eq!(replaced.view.selected_annotation, None);
    assert_eq!(replaced.view.focus, None);
    assert!(replaced.view.hidden_fact_kinds.contains(&FactKind::Country));
}

#[test]
fn focusing_far_down_a_long_document_jumps_to_its_paragraph() {
    let text: String = (0..25_050)
        .map(|i| format!("Item {i} cost $5 million.\n"))
        .collect();
    let mut workspace = Workspace::new(text, AnnotationSet::default());
    let fact = workspace
        .document
        .facts
        .iter()
        .position(|f| f.paragraph > 25_000)
        .expect("a fact far down");
    let paragraph = workspace.document.facts[fact].paragraph;
    workspace.input = Rc::from(workspace.document.text.as_str());
    let store = Rc::new(Store::new(workspace, None));

    let focused = store.apply(Action::SetFocus(Some(Focus::Fact(fact))));
    assert_eq!(focused.view.jump.paragraph, Some(paragraph));
}

#[test]
fn selecting_an_annotation_jumps_to_its_paragraph() {
    let tagged = apply(&store(TEXT), [select(60, 74), tag("a-1")]);
    let paragraph = tagged.workspace.document.paragraph_at(60);
    let selected = apply(
        &tagged,
        [
            Action::SelectAnnotation(None),
            Action::SelectAnnotation(Some("a-1".into())),
        ],
    );
    assert_eq!(selected.view.jump.paragraph, paragraph);
    assert!(selected.view.jump.request > tagged.view.jump.request);
}

#[test]
fn the_same_work_from_another_tab_is_nothing_to_settle() {
    let tagged = apply(&store(TEXT), [select(4, 12), tag("a-1")]);
    let same = tagged.apply(Action::OtherTabSaved {
        text: TEXT.into(),
        set: tagged.workspace.session.set().clone(),
    });
    assert!(Rc::ptr_eq(&same, &tagged));
}

#[test]
fn keeping_mine_makes_autosave_write_again() {
    let tagged = apply(&store(TEXT), [select(4, 12), tag("a-1")]);
    let waiting = tagged.apply(Action::OtherTabSaved {
        text: TEXT.into(),
        set: AnnotationSet::default(),
    });
    assert!(waiting.sync.other_tab.is_some());
    let kept = waiting.apply(Action::SettleOtherTab(Settle::KeepMine));
    assert_eq!(kept.sync.other_tab, None);
    assert_eq!(kept.workspace.revision, waiting.workspace.revision + 1);
    assert_eq!(kept.workspace.session.set().annotations().len(), 1);
}

#[test]
fn taking_another_tabs_different_document_shows_it_with_a_fresh_view() {
    let tagged = apply(&store(TEXT), [select(4, 12), tag("a-1")]);
    let waiting = tagged.apply(Action::OtherTabSaved {
        text: "Their release.".into(),
        set: AnnotationSet::default(),
    });
    let taken = waiting.apply(Action::SettleOtherTab(Settle::TakeTheirs));
    assert_eq!(taken.workspace.document.text, "Their release.");
    assert_eq!(taken.view.selected_annotation, None);
    assert_eq!(taken.sync.other_tab, None);
    // Settling twice does nothing more.
    let again = taken.apply(Action::SettleOtherTab(Settle::TakeTheirs));
    assert!(Rc::ptr_eq(&again, &taken));
}

#[test]
fn notices_are_set_and_dismissed() {
    let told = store(TEXT).apply(Action::Notify(Notice::error(
        "The export could not be saved.",
    )));
    assert_eq!(told.notice.as_ref().unwrap().kind, NoticeKind::Error);
    let dismissed = told.apply(Action::DismissNotice);
    assert_eq!(dismissed.notice, None);
    assert!(Rc::ptr_eq(
        &dismissed.apply(Action::DismissNotice),
        &dismissed
    ));
}

#[test]
fn a_save_report_changes_only_the_sync_status() {
    let before = store(TEXT);
    let saved = before.apply(
        SyncAction::Saved {
            revision: 0,
            problem: Some("Autosave failed: local storage is full.".into()),
        }
        .into(),
    );
    assert!(Rc::ptr_eq(&saved.workspace, &before.workspace));
    assert!(Rc::ptr_eq(&saved.view, &before.view));
    assert!(saved.sync.storage_problem.is_some());
}
