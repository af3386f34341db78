use std::rc::Rc;

use super::*;
use crate::annotate::{AnnotationSet, NewAnnotation};
use crate::app::state::notice::NoticeKind;
use crate::app::state::view::Target;

const TEXT: &str = "The delegate of Norway said the mission must continue.\n\n\
                    The representative of Chile agreed with the proposal.";

fn workspace(text: &str) -> Rc<Workspace> {
    Rc::new(Workspace::new(text.to_owned(), AnnotationSet::default()))
}

/// `text` with one annotation on `quote`.
fn annotated(text: &str, quote: &str) -> Rc<Workspace> {
    let mut workspace = Workspace::new(text.to_owned(), AnnotationSet::default());
    let start = text[..text.find(quote).unwrap()].chars().count();
    let end = start + quote.chars().count();
    let tag = workspace.session.set().tags()[0].id.clone();
    Rc::make_mut(&mut workspace.session)
        .annotate(
            &workspace.document,
            NewAnnotation {
                id: format!("a-{start}"),
                tag,
                note: String::new(),
                start,
                end,
                now: "2025-01-01T00:00:00.000Z".into(),
            },
        )
        .unwrap();
    Rc::new(workspace)
}

fn first_tag(workspace: &Workspace) -> String {
    workspace.session.set().tags()[0].id.clone()
}

fn reduce(workspace: &Rc<Workspace>, action: WorkspaceAction) -> (Rc<Workspace>, Vec<Event>) {
    let Reduced { workspace, events } = workspace.reduce(action);
    (workspace, events)
}

fn notice_text(events: &[Event]) -> Option<&str> {
    events.iter().find_map(|e| match e {
        Event::Notice(Some(notice)) => Some(notice.text.as_str()),
        _ => None,
    })
}

#[test]
fn typing_changes_the_input_and_nothing_else_until_parsed() {
    let before = workspace(TEXT);
    let (typed, events) = reduce(&before, WorkspaceAction::EditInput(Rc::from("New text.")));
    assert!(events.is_empty());
    assert!(Rc::ptr_eq(&typed.document, &before.document));
    assert_eq!(typed.revision, before.revision);
    assert!(typed.input_differs());

    let (parsed, events) = reduce(&typed, WorkspaceAction::ParseInput);
    assert_eq!(
        events,
        vec![Event::Shown, Event::NewRelease],
        "another release"
    );
    assert_eq!(parsed.document.text, "New text.");
    assert_eq!(parsed.revision, before.revision + 1);
    assert!(!parsed.input_differs());
}

#[test]
fn parsing_the_text_already_shown_changes_nothing() {
    let before = workspace(TEXT);
    let (after, events) = reduce(&before, WorkspaceAction::ParseInput);
    assert!(events.is_empty());
    assert!(Rc::ptr_eq(&before, &after));
}

#[test]
fn a_text_with_crlf_line_ends_is_taken_once_with_lf() {
    // An opened file or a paste with CRLF: the text box, like the
    // document, holds LF, so the text does not differ from its own
    // document and is not parsed again after every pause.
    let before = annotated(TEXT, "mission");
    let crlf = TEXT.replace('\n', "\r\n");
    let (loaded, events) = reduce(&before, WorkspaceAction::LoadText(Rc::from(crlf.as_str())));
    assert!(
        events.is_empty() || events == vec![Event::Notice(None)],
        "{events:?}"
    );
    assert_eq!(&*loaded.input, TEXT);
    assert!(!loaded.input_differs());
    assert_eq!(loaded.session.set().annotations().len(), 1);
    let (again, events) = reduce(&loaded, WorkspaceAction::ParseInput);
    assert!(events.is_empty());
    assert!(Rc::ptr_eq(&again, &loaded));

    let fresh = workspace("Old text.");
    let (loaded, _) = reduce(&fresh, WorkspaceAction::LoadText(Rc::from("A\r\nB\rC")));
    assert_eq!(loaded.document.text, "A\nB\nC");
    assert!(!loaded.input_differs());
}

#[test]
fn a_text_past_the_limit_is_refused_and_the_document_kept() {
    let before = workspace(TEXT);
    let huge: Rc<str> = Rc::from("x".repeat(MAX_TEXT_BYTES + 1));
    let (after, events) = reduce(&before, WorkspaceAction::LoadText(huge));
    assert!(Rc::ptr_eq(&after.document, &before.document));
    assert_eq!(&*after.input, TEXT);
    assert!(notice_text(&events).unwrap().contains("up to 64 MB"));
    assert!(!events.contains(&Event::Shown));
}

#[test]
fn a_long_text_goes_to_the_worker_and_only_its_latest_answer_counts() {
    let before = workspace(TEXT);
    let long: Rc<str> = Rc::from("A long line of text.\n".repeat(WORKER_THRESHOLD_BYTES / 20));
    let (waiting, events) = reduce(&before, WorkspaceAction::LoadText(long.clone()));
    assert!(events.is_empty());
    let job = waiting.parsing.clone().expect("a worker job");
    assert_eq!(job.percent, 0);
    assert!(job.fresh && job.outline.is_none());
    assert!(Rc::ptr_eq(&waiting.document, &before.document));

    // Its outline is on show until the answer; the view makes way for it.
    // An outline of a superseded job is dropped.
    let outline = Rc::new(crate::parse::outline(&long));
    assert_eq!(outline.paragraphs.len(), WORKER_THRESHOLD_BYTES / 20);
    let (stale, events) = reduce(
        &waiting,
        WorkspaceAction::Outlined {
            id: job.id + 1,
            outline: outline.clone(),
        },
    );
    assert!(Rc::ptr_eq(&stale, &waiting) && events.is_empty());
    let (waiting, events) = reduce(
        &waiting,
        WorkspaceAction::Outlined {
            id: job.id,
            outline: outline.clone(),
        },
    );
    assert_eq!(events, vec![Event::Shown]);
    assert!(waiting.outline().is_some());
    assert!(Rc::ptr_eq(&waiting.document, &before.document));

    // Asking again for the same text (a pause in typing) starts no new job.
    let (again, _) = reduce(&waiting, WorkspaceAction::ParseInput);
    assert!(Rc::ptr_eq(&again, &waiting));

    let (progress, _) = reduce(
        &waiting,
        WorkspaceAction::ParseProgress {
            id: job.id,
            percent: 60,
        },
    );
    assert_eq!(progress.parsing.as_ref().map(|p| p.percent), Some(60));
    let kept = progress.parsing.as_ref().and_then(|p| p.outline.as_ref());
    assert!(kept.is_some_and(|kept| Rc::ptr_eq(kept, &outline)));
    let (stale, _) = reduce(
        &progress,
        WorkspaceAction::ParseProgress {
            id: job.id + 1,
            percent: 70,
        },
    );
    assert!(Rc::ptr_eq(&stale, &progress));

    let document = Rc::new(crate::parse::parse(&long));
    let (superseded, events) = reduce(
        &progress,
        WorkspaceAction::Parsed {
            id: job.id + 1,
            input: long.clone(),
            result: Ok(document.clone()),
        },
    );
    assert!(Rc::ptr_eq(&superseded, &progress));
    assert!(events.is_empty());

    let (shown, events) = reduce(
        &progress,
        WorkspaceAction::Parsed {
            id: job.id,
            input: long,
            result: Ok(document.clone()),
        },
    );
    assert_eq!(events, vec![Event::Shown, Event::NewRelease]);
    assert!(Rc::ptr_eq(&shown.document, &document));
    assert_eq!(shown.parsing, None);
}

#[test]
fn a_worker_failure_keeps_the_document_and_says_so() {
    let long: Rc<str> = Rc::from("word ".repeat(WORKER_THRESHOLD_BYTES / 4));
    let (waiting, _) = reduce(&workspace(TEXT), WorkspaceAction::LoadText(long.clone()));
    let id = waiting.parsing.as_ref().unwrap().id;
    let (after, events) = reduce(
        &waiting,
        WorkspaceAction::Parsed {
            id,
            input: long,
            result: Err("parsing failed: out of memory".into()),
        },
    );
    assert_eq!(after.parsing, None);
    assert_eq!(after.document.text, TEXT);
    let text = notice_text(&events).unwrap();
    assert!(
        text.contains("out of memory") && text.contains("was kept"),
        "{text}"
    );
}

#[test]
fn an_edited_text_carries_its_annotations_along() {
    let before = annotated(TEXT, "representative of Chile");
    let edited = format!("Opening line added.\n\n{TEXT}");
    let (typed, _) = reduce(
        &before,
        WorkspaceAction::EditInput(Rc::from(edited.as_str())),
    );
    let (after, events) = reduce(&typed, WorkspaceAction::ParseInput);
    assert!(events.contains(&Event::Shown));
    assert!(notice_text(&events)
        .unwrap()
        .contains("1 annotation(s) moved"));
    let annotation = &after.session.set().annotations()[0];
    assert_eq!(
        after.document.slice(annotation.start, annotation.end),
        "representative of Chile"
    );
}

#[test]
fn a_text_that_would_orphan_most_annotations_waits_for_a_yes() {
    let before = annotated(TEXT, "mission must continue");
    // An edit (the text's end kept) that loses the annotated paragraph.
    let other: Rc<str> =
        Rc::from("Opening.\n\nThe representative of Chile agreed with the proposal.");
    let (typed, _) = reduce(&before, WorkspaceAction::EditInput(other.clone()));
    let (asking, events) = reduce(&typed, WorkspaceAction::ParseInput);
    assert!(
        events.is_empty(),
        "nothing is shown before the reader answers: {events:?}"
    );
    let pending = asking.pending.clone().expect("a question");
    assert!(pending
        .question
        .contains("1 of 1 annotations cannot be placed"));
    assert!(Rc::ptr_eq(&asking.document, &before.document));

    let (cancelled, _) = reduce(&asking, WorkspaceAction::CancelPending);
    assert_eq!(cancelled.pending.as_ref().map(|_| ()), None);
    assert_eq!(&*cancelled.input, TEXT);
    assert_eq!(cancelled.session.set().annotations().len(), 1);

    let (replaced, events) = reduce(&asking, WorkspaceAction::ConfirmPending);
    assert_eq!(events, vec![Event::Shown]);
    assert_eq!(replaced.document.text, *other);
    assert_eq!(replaced.session.set().annotations().len(), 0);
    assert_eq!(replaced.session.set().orphans().len(), 1);
}

#[test]
fn annotating_a_target_reports_the_new_id_and_bumps_the_revision() {
    let before = workspace(TEXT);
    let tag = before.session.set().tags()[1].id.clone();
    let (after, events) = reduce(
        &before,
        Edit::Annotate {
            target: Target::Range { start: 4, end: 12 },
            tag,
            id: "a-new".into(),
            now: "2025-04-02T15:00:00.000Z".into(),
        }
        .into(),
    );
    assert_eq!(events, vec![Event::Annotated("a-new".into())]);
    assert_eq!(after.revision, before.revision + 1);
    let annotation = after.session.set().annotation("a-new").unwrap();
    assert_eq!(
        after.document.slice(annotation.start, annotation.end),
        "delegate"
    );
}

#[test]
fn a_refused_edit_changes_nothing_and_says_why() {
    let before = workspace(TEXT);
    let (after, events) = reduce(&before, Edit::DeleteAnnotation("a-missing".into()).into());
    assert!(Rc::ptr_eq(&before, &after));
    let [Event::Notice(Some(notice))] = events.as_slice() else {
        panic!("{events:?}");
    };
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.text.ends_with('.'));
    assert!(notice.text.starts_with(|c: char| c.is_uppercase()));
}

#[test]
fn undo_with_nothing_to_undo_changes_nothing() {
    let before = workspace(TEXT);
    let (after, events) = reduce(&before, Edit::Undo.into());
    assert!(Rc::ptr_eq(&before, &after));
    assert!(events.is_empty());
    let (after, _) = reduce(&before, Edit::Redo.into());
    assert!(Rc::ptr_eq(&before, &after));
}

#[test]
fn a_note_is_one_undo_step_until_sealed() {
    let before = annotated(TEXT, "mission");
    let id = before.session.set().annotations()[0].id.clone();
    let note = |workspace: &Rc<Workspace>, text: &str| {
        reduce(
            workspace,
            Edit::SetNote {
                id: id.clone(),
                note: text.into(),
                now: "2025-04-02T15:00:00.000Z".into(),
            }
            .into(),
        )
        .0
    };
    let typed = note(&note(&before, "a"), "ab");
    let (sealed, _) = reduce(&typed, WorkspaceAction::SealNote);
    assert!(!Rc::ptr_eq(&sealed, &typed));
    // Leaving the note field again seals nothing more.
    let (again, _) = reduce(&sealed, WorkspaceAction::SealNote);
    assert!(Rc::ptr_eq(&again, &sealed));
    let typed_again = note(&sealed, "abc");
    let (undone, _) = reduce(&typed_again, Edit::Undo.into());
    assert_eq!(undone.session.set().annotations()[0].note, "ab");
    let (undone, _) = reduce(&undone, Edit::Undo.into());
    assert_eq!(undone.session.set().annotations()[0].note, "");
}

#[test]
fn an_import_replaces_the_annotations_and_reports_what_it_could_not_place() {
    let before = annotated(TEXT, "mission");
    let report = crate::annotate::ReanchorReport {
        orphaned: 2,
        ..Default::default()
    };
    let (after, events) = reduce(
        &before,
        WorkspaceAction::Import {
            set: AnnotationSet::default(),
            report,
            file_name: "norway.annotations.json".into(),
            widened: 1,
            notices: Vec::new(),
        },
    );
    assert!(after.session.set().annotations().is_empty());
    assert!(events.contains(&Event::Replaced));
    let text = notice_text(&events).unwrap();
    assert!(text
        .contains("Imported 0 annotation(s) from norway.annotations.json; 2 could not be placed"));
    assert!(text.contains("1 started or ended inside a character"));
}

#[test]
fn a_foreign_import_says_what_the_file_held_that_has_no_place_here() {
    let before = annotated(TEXT, "mission");
    let set = before.session.set().clone();
    let (after, events) = reduce(
        &before,
        WorkspaceAction::Import {
            set,
            report: crate::annotate::ReanchorReport::default(),
            file_name: "project.json (Label Studio tasks, task 2)".into(),
            widened: 0,
            notices: vec![
                "Task 2: its 4 prediction(s) were not imported.".into(),
                "The file holds 3 releases; task 2 was imported.".into(),
            ],
        },
    );
    assert_eq!(after.session.set().annotations().len(), 1);
    assert!(after.session.can_undo(), "one undo step");
    assert_eq!(
        notice_text(&events).unwrap(),
        "Imported 1 annotation(s) from project.json (Label Studio tasks, task 2). \
         Task 2: its 4 prediction(s) were not imported. The file holds 3 releases; task 2 was imported."
    );
}

#[test]
fn a_replacement_is_one_undo_step_and_the_same_set_changes_nothing() {
    let mine = annotated(TEXT, "mission");
    let theirs = annotated(TEXT, "Chile");
    let (replaced, _) = reduce(
        &mine,
        WorkspaceAction::Replace(theirs.session.set().clone()),
    );
    assert_eq!(replaced.session.set(), theirs.session.set());
    assert!(replaced.session.can_undo());
    let (again, _) = reduce(
        &replaced,
        WorkspaceAction::Replace(theirs.session.set().clone()),
    );
    assert!(Rc::ptr_eq(&again, &replaced));
}

#[test]
fn another_release_pasted_over_starts_fresh_and_an_edit_keeps_the_annotations() {
    let mine = annotated(TEXT, "mission");
    let other =
        "General Assembly\n\nDelegates debated the budget of the Organization for a whole day.";
    let (fresh, events) = reduce(&mine, WorkspaceAction::EditInput(Rc::from(other)));
    assert!(events.is_empty());
    let (fresh, events) = reduce(&fresh, WorkspaceAction::ParseInput);
    assert!(events.contains(&Event::NewRelease));
    assert!(!fresh.has_annotations());
    assert_eq!(
        fresh.session.set().tags(),
        mine.session.set().tags(),
        "the codebook stays"
    );
    assert!(
        fresh.pending.is_none(),
        "nothing to ask: the annotated release stays in the library"
    );

    let edited = TEXT.replace("must continue", "must go on");
    let (edited, _) = reduce(&mine, WorkspaceAction::EditInput(Rc::from(edited.as_str())));
    let (edited, events) = reduce(&edited, WorkspaceAction::ParseInput);
    assert!(!events.contains(&Event::NewRelease));
    assert_eq!(edited.session.set().annotations().len(), 1);
}

#[test]
fn while_an_outline_is_on_show_annotations_wait_and_the_codebook_does_not() {
    let before = workspace(TEXT);
    let (tagged, _) = reduce(
        &before,
        Edit::Annotate {
            target: Target::Range { start: 0, end: 8 },
            tag: first_tag(&before),
            id: "a1".into(),
            now: "2026-12-03T10:00:00Z".into(),
        }
        .into(),
    );
    let long: Rc<str> =
        Rc::from("Another release, line by line.\n".repeat(WORKER_THRESHOLD_BYTES / 30));
    let (reading, _) = reduce(&tagged, WorkspaceAction::LoadText(long.clone()));
    let id = reading.parsing.as_ref().unwrap().id;
    let (reading, _) = reduce(
        &reading,
        WorkspaceAction::Outlined {
            id,
            outline: Rc::new(crate::parse::outline(&long)),
        },
    );
    assert!(reading.outline().is_some());
    for edit in [
        Edit::Annotate {
            target: Target::Range { start: 0, end: 7 },
            tag: first_tag(&before),
            id: "a2".into(),
            now: "2026-12-03T10:01:00Z".into(),
        },
        Edit::DeleteAnnotation("a1".into()),
        Edit::Undo,
    ] {
        let (after, events) = reduce(&reading, edit.into());
        assert!(Rc::ptr_eq(&after.session, &reading.session));
        let text = notice_text(&events).expect("a message");
        assert!(text.contains("still being read"), "{text}");
    }
    // A tag added to the codebook goes along into the new release.
    let (added, events) = reduce(
        &reading,
        Edit::AddTag {
            id: "t-new".into(),
            name: "Pledge".into(),
            color: "#336699".into(),
        }
        .into(),
    );
    assert_eq!(notice_text(&events), None);
    let (shown, _) = reduce(
        &added,
        WorkspaceAction::Parsed {
            id,
            input: long.clone(),
            result: Ok(Rc::new(crate::parse::parse(&long))),
        },
    );
    assert!(shown.outline().is_none());
    assert!(shown.session.set().annotations().is_empty());
    assert!(shown
        .session
        .set()
        .tags()
        .iter()
        .any(|t| t.name == "Pledge"));
    // Now tagging works on the new text.
    let (tagged, _) = reduce(
        &shown,
        Edit::Annotate {
            target: Target::Range { start: 0, end: 7 },
            tag: first_tag(&before),
            id: "a3".into(),
            now: "2026-12-03T10:02:00Z".into(),
        }
        .into(),
    );
    assert_eq!(tagged.session.set().annotations().len(), 1);
}

#[test]
fn an_edit_of_the_text_on_show_keeps_it_on_show_while_the_worker_reads() {
    let long = "A long line of text.\n".repeat(WORKER_THRESHOLD_BYTES / 20);
    let before = workspace(&long);
    let edited: Rc<str> = Rc::from(format!("{long}One more line.\n"));
    let (waiting, events) = reduce(&before, WorkspaceAction::EditInput(edited));
    assert!(events.is_empty());
    let (waiting, events) = reduce(&waiting, WorkspaceAction::ParseInput);
    assert!(events.is_empty());
    let job = waiting.parsing.as_ref().expect("a worker job");
    assert!(!job.fresh && job.outline.is_none());
    assert!(Rc::ptr_eq(&waiting.document, &before.document));
    // Not outlined: the document on show and its annotations stay.
    let id = job.id;
    let (after, events) = reduce(
        &waiting,
        WorkspaceAction::Outlined {
            id,
            outline: Rc::new(crate::parse::outline(&long)),
        },
    );
    assert!(Rc::ptr_eq(&after, &waiting) && events.is_empty());
}

#[test]
fn a_second_long_release_keeps_the_first_outline_on_show_until_its_own() {
    let before = workspace(TEXT);
    let first: Rc<str> = Rc::from("The first long release.\n".repeat(WORKER_THRESHOLD_BYTES / 20));
    let second: Rc<str> =
        Rc::from("The second long release.\n".repeat(WORKER_THRESHOLD_BYTES / 20));
    let (reading, _) = reduce(&before, WorkspaceAction::LoadText(first.clone()));
    let first_id = reading.parsing.as_ref().expect("a worker job").id;
    let first_outline = Rc::new(crate::parse::outline(&first));
    let (reading, _) = reduce(
        &reading,
        WorkspaceAction::Outlined {
            id: first_id,
            outline: first_outline.clone(),
        },
    );

    // The second file: a new job, the first text still on show (not the
    // document parsed before both), edits still refused.
    let (next, events) = reduce(&reading, WorkspaceAction::LoadText(second.clone()));
    assert!(events.is_empty());
    let job = next.parsing.clone().expect("a worker job");
    assert!(job.id > first_id && job.fresh);
    assert!(next
        .outline()
        .is_some_and(|o| Rc::ptr_eq(o, &first_outline)));
    assert!(Rc::ptr_eq(&next.document, &before.document));
    let (refused, events) = reduce(&next, Edit::Undo.into());
    assert!(Rc::ptr_eq(&refused.session, &next.session));
    assert!(notice_text(&events).is_some_and(|n| n.contains("still being read")));

    // The first job's late answers no longer count; the second's outline
    // takes the view, then its parse.
    let (late, _) = reduce(
        &next,
        WorkspaceAction::Parsed {
            id: first_id,
            input: first.clone(),
            result: Ok(Rc::new(crate::parse::parse(&first))),
        },
    );
    assert!(Rc::ptr_eq(&late, &next));
    let second_outline = Rc::new(crate::parse::outline(&second));
    let (outlined, events) = reduce(
        &next,
        WorkspaceAction::Outlined {
            id: job.id,
            outline: second_outline.clone(),
        },
    );
    assert_eq!(events, vec![Event::Shown]);
    assert!(outlined
        .outline()
        .is_some_and(|o| Rc::ptr_eq(o, &second_outline)));
    let (parsed, _) = reduce(
        &outlined,
        WorkspaceAction::Parsed {
            id: job.id,
            input: second.clone(),
            result: Ok(Rc::new(crate::parse::parse(&second))),
        },
    );
    assert!(parsed.outline().is_none() && parsed.parsing.is_none());
    assert_eq!(*parsed.document.text, *second);
}
