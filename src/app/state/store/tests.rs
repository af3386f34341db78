use std::rc::Rc;

use super::*;
use crate::annotate::AnnotationSet;
use crate::app::state::view::Target;
use crate::app::state::workspace::{MAX_TEXT_BYTES, WORKER_THRESHOLD_BYTES};
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
    assert!(Rc::ptr_eq(&typed.library, &before.library));

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

    // An edit that loses the annotated words asks first.
    let edited = "Opening.\n\nThe representative of Chile agreed with the proposal.";
    let asking = apply(
        &busy,
        [
            WorkspaceAction::EditInput(Rc::from(edited)).into(),
            WorkspaceAction::ParseInput.into(),
        ],
    );
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

mod library {
    use std::rc::Rc;

    use super::*;
    use crate::app::state::library::{LibraryAction, Storage, StoredRelease};
    use crate::app::state::store::{AddedText, Place, Start};
    use crate::library::{corpus::CorpusEntry, corpus_json, import_corpus, Summary, Work};
    use crate::parse::parse;

    const OTHER: &str = "General Assembly\n\nThe Assembly adopted the budget of the Organization after a long debate.\n\n\
                         The delegate of Chile said the budget must fund the mission.";

    fn started(start: Start) -> Rc<Store> {
        store(TEXT).apply(Action::Start(Box::new(start)))
    }

    fn fresh() -> Rc<Store> {
        started(Start {
            storage: Storage::Saved,
            ..Start::default()
        })
    }

    fn paste(store: &Rc<Store>, text: &str) -> Rc<Store> {
        apply(
            store,
            [
                WorkspaceAction::EditInput(Rc::from(text)).into(),
                WorkspaceAction::ParseInput.into(),
            ],
        )
    }

    #[test]
    fn the_first_visit_keeps_the_text_on_show_as_the_first_release() {
        let store = fresh();
        assert_eq!(store.library.releases.len(), 1);
        let release = &store.library.releases[0];
        assert_eq!(store.library.open.as_deref(), Some(release.id.as_str()));
        assert_eq!(release.sha256, store.workspace.document.text_sha256());
        assert_eq!(store.library.tags(), store.workspace.session.set().tags());
        assert_eq!(store.save_state(), SaveState::Saving);
    }

    #[test]
    fn a_pasted_release_joins_the_library_and_the_same_text_is_not_added_twice() {
        let tagged = apply(&fresh(), [select(4, 12), tag("a-1")]);
        let first = tagged.library.open.clone().unwrap();
        let pasted = paste(&tagged, OTHER);
        assert_eq!(pasted.library.releases.len(), 2);
        let second = pasted.library.open.clone().unwrap();
        assert_ne!(first, second);
        assert!(!pasted.workspace.has_annotations());
        assert_eq!(
            pasted
                .library
                .release(&first)
                .unwrap()
                .work
                .annotations
                .len(),
            1,
            "the first keeps its work"
        );

        // The first text again: taken to it, with its annotation, and
        // parsed once (the document just parsed is the release's).
        let parsed_before = crate::parse::parses::so_far();
        let again = paste(&pasted, TEXT);
        assert_eq!(crate::parse::parses::so_far() - parsed_before, 1);
        assert_eq!(again.library.releases.len(), 2);
        assert_eq!(again.library.open.as_deref(), Some(first.as_str()));
        assert_eq!(again.workspace.session.set().annotations().len(), 1);
        assert!(again
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("already in your library"));

        // Files: one new, one known, one empty.
        let files = again.apply(Action::AddTexts(vec![
            AddedText {
                name: "a.txt".into(),
                text: "A third release.\n\nWith its own words.".into(),
            },
            AddedText {
                name: "b.txt".into(),
                text: OTHER.into(),
            },
            AddedText {
                name: "c.txt".into(),
                text: "  ".into(),
            },
        ]));
        assert_eq!(files.library.releases.len(), 3);
        let notice = &files.notice.as_ref().unwrap().text;
        assert!(
            notice.contains("Added 1 release(s) to the library: a.txt."),
            "{notice}"
        );
        assert!(
            notice.contains("Already in the library, not added again: b.txt"),
            "{notice}"
        );
        assert!(notice.contains("No text in: c.txt."), "{notice}");
    }

    #[test]
    fn tags_made_in_one_release_are_the_codebook_of_all_and_annotations_stay_with_their_release() {
        let a = apply(&fresh(), [select(4, 12), tag("a-1")]);
        let first = a.library.open.clone().unwrap();
        let a = a.apply(
            Edit::AddTag {
                id: "t-risk".into(),
                name: "Risk".into(),
                color: "#123456".into(),
            }
            .into(),
        );
        let b = paste(&a, OTHER);
        let second = b.library.open.clone().unwrap();
        assert!(
            b.workspace.session.set().tag("t-risk").is_some(),
            "the new release has the codebook"
        );
        let b = apply(&b, [select(4, 12), tag("b-1")]);
        let back = b.apply(Action::OpenRelease {
            id: first.clone(),
            place: None,
        });
        assert_eq!(back.workspace.document.text, TEXT);
        let ids: Vec<&str> = back
            .workspace
            .session
            .set()
            .annotations()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a-1"]);
        assert_eq!(
            back.library.release(&second).unwrap().work.annotations[0].id,
            "b-1"
        );

        // A tag used in the other release cannot simply be deleted here.
        let refused = back.apply(Edit::DeleteTag("claim".into()).into());
        assert!(refused.workspace.session.set().tag("claim").is_some());
        assert!(refused
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("other release"));
        let gone = back.apply(Edit::DeleteTagWithAnnotations("claim".into()).into());
        assert!(gone.workspace.session.set().tag("claim").is_none());
        assert!(gone
            .library
            .release(&second)
            .unwrap()
            .work
            .annotations
            .is_empty());
        assert!(gone.library.tags().iter().all(|t| t.id != "claim"));
    }

    #[test]
    fn opening_a_release_at_a_place_marks_it() {
        let store = paste(&fresh(), OTHER);
        let first = store.library.releases[0].id.clone();
        let opened = store.apply(Action::OpenRelease {
            id: first,
            place: Some(Place::Span { start: 4, end: 12 }),
        });
        assert_eq!(opened.workspace.document.text, TEXT);
        assert!(opened.view.jump.mark);
        assert_eq!(opened.view.jump.paragraph, Some(0));
        assert_eq!(
            opened.view.target,
            Some(Target::Range { start: 4, end: 12 })
        );
    }

    /// What the parse worker hands back for the job on show.
    fn worker_answers(store: &Rc<Store>, text: &str) -> Rc<Store> {
        let job = store.workspace.parsing.as_ref().expect("a worker job").id;
        store.apply(
            WorkspaceAction::Parsed {
                id: job,
                input: store.workspace.input.clone(),
                result: Ok(Rc::new(parse(text))),
            }
            .into(),
        )
    }

    #[test]
    fn a_long_release_opens_through_the_worker_with_its_annotations_at_its_place() {
        let long = OTHER.repeat(WORKER_THRESHOLD_BYTES / OTHER.len() + 1);
        let store = fresh();
        let first = store.library.open.clone().unwrap();
        let loading = store.apply(WorkspaceAction::LoadText(Rc::from(long.as_str())).into());
        let added = worker_answers(&loading, &long);
        let long_id = added.library.open.clone().unwrap();
        assert_ne!(long_id, first);
        let tagged = apply(&added, [select(4, 12), tag("l-1")]);
        let back = tagged.apply(Action::OpenRelease {
            id: first,
            place: None,
        });
        assert_eq!(back.workspace.document.text, TEXT);

        // Handed to the worker, its text shared with the library's, not
        // parsed here.
        let opening = back.apply(Action::OpenRelease {
            id: long_id.clone(),
            place: Some(Place::Span { start: 4, end: 12 }),
        });
        assert!(opening.workspace.parsing.as_ref().is_some_and(|p| p.fresh));
        assert_eq!(opening.workspace.document.text, TEXT);
        assert!(Rc::ptr_eq(
            &opening.workspace.input,
            &opening.library.texts[&long_id]
        ));

        // Back from the worker: that release, with its annotation, at the
        // place asked for, and no word of adding it again.
        let opened = worker_answers(&opening, &long);
        assert_eq!(opened.library.open.as_deref(), Some(long_id.as_str()));
        assert_eq!(opened.library.releases.len(), 2);
        assert_eq!(opened.workspace.session.set().annotations()[0].id, "l-1");
        assert_eq!(
            opened.view.target,
            Some(Target::Range { start: 4, end: 12 })
        );
        assert_eq!(opened.notice, None);
        assert!(Rc::ptr_eq(
            &opened.workspace.input,
            &opened.library.texts[&long_id]
        ));
    }

    #[test]
    fn another_release_opened_while_a_long_one_is_read_wins() {
        let long = OTHER.repeat(WORKER_THRESHOLD_BYTES / OTHER.len() + 1);
        let store = fresh();
        let first = store.library.open.clone().unwrap();
        let added = worker_answers(
            &store.apply(WorkspaceAction::LoadText(Rc::from(long.as_str())).into()),
            &long,
        );
        let long_id = added.library.open.clone().unwrap();
        let back = added.apply(Action::OpenRelease {
            id: first.clone(),
            place: None,
        });
        let opening = back.apply(Action::OpenRelease {
            id: long_id,
            place: None,
        });
        let job = opening.workspace.parsing.as_ref().unwrap().id;
        let other = opening.apply(Action::OpenRelease {
            id: first.clone(),
            place: None,
        });
        // The worker's late answer is dropped: the first release stays.
        let late = other.apply(
            WorkspaceAction::Parsed {
                id: job,
                input: Rc::from(long.as_str()),
                result: Ok(Rc::new(parse(&long))),
            }
            .into(),
        );
        assert_eq!(late.library.open.as_deref(), Some(first.as_str()));
        assert_eq!(late.workspace.document.text, TEXT);
        assert!(late.workspace.parsing.is_none());
    }

    #[test]
    fn deleting_the_open_release_opens_another_and_undo_brings_it_back() {
        let store = apply(&paste(&fresh(), OTHER), [select(4, 12), tag("b-1")]);
        let open = store.library.open.clone().unwrap();
        let deleted = store.apply(Action::DeleteRelease(open.clone()));
        assert_eq!(deleted.library.releases.len(), 1);
        assert_ne!(deleted.library.open.as_deref(), Some(open.as_str()));
        assert_eq!(deleted.workspace.document.text, TEXT);
        assert!(deleted
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("its 1 annotation(s)"));
        let back = deleted.apply(Action::UndoDelete);
        assert_eq!(back.library.open.as_deref(), Some(open.as_str()));
        assert_eq!(back.workspace.session.set().annotations()[0].id, "b-1");
    }

    #[test]
    fn the_old_autosave_is_migrated_with_its_tags_and_orphans() {
        let document = parse(OTHER);
        let mut session = crate::annotate::Session::new(AnnotationSet::default());
        session.add_tag("t-old", "Old code", "#aabbcc").unwrap();
        session
            .annotate(
                &document,
                crate::annotate::NewAnnotation {
                    id: "old-1".into(),
                    tag: "t-old".into(),
                    note: "kept".into(),
                    start: 4,
                    end: 12,
                    now: "2025-01-01T00:00:00.000Z".into(),
                },
            )
            .unwrap();
        let store = started(Start {
            storage: Storage::Saved,
            legacy: Some((OTHER.into(), session.set().clone())),
            ..Start::default()
        });
        assert_eq!(
            store.library.releases.len(),
            1,
            "no sample when there is saved work"
        );
        assert_eq!(store.workspace.document.text, OTHER);
        assert_eq!(store.workspace.session.set().annotations()[0].note, "kept");
        assert!(store.library.tags().iter().any(|t| t.name == "Old code"));
        let id = store.library.open.clone().unwrap();
        assert_eq!(store.library.legacy.as_deref(), Some(id.as_str()));
        let written = store.apply(
            LibraryAction::Written {
                id,
                edits: 1,
                revision: 1,
                added: "2026-12-02T00:00:00.000Z".into(),
                modified: "2026-12-02T00:00:00.000Z".into(),
                merged: None,
            }
            .into(),
        );
        assert_eq!(written.library.legacy, None);
    }

    /// Release `id` of `document` as the library stored it, at revision 2.
    fn stored(id: &str, document: &crate::document::Document, work: Work) -> StoredRelease {
        StoredRelease {
            id: id.into(),
            sha256: document.text_sha256().into(),
            added: String::new(),
            modified: String::new(),
            summary: Summary::of(document),
            work,
            revision: 2,
        }
    }

    #[test]
    fn a_restart_opens_the_release_open_last_time() {
        let release = stored("r-other", &parse(OTHER), Work::default());
        let store = started(Start {
            releases: vec![release],
            open: Some(("r-other".into(), Rc::from(OTHER))),
            codebook: Some((crate::annotate::default_tags(), 1)),
            storage: Storage::Saved,
            ..Start::default()
        });
        assert_eq!(store.workspace.document.text, OTHER);
        assert_eq!(store.library.open.as_deref(), Some("r-other"));
        assert_eq!(store.save_state(), SaveState::Saved);
    }

    #[test]
    fn a_restart_on_a_long_release_reads_it_in_the_worker_and_then_opens_it() {
        let long = OTHER.repeat(WORKER_THRESHOLD_BYTES / OTHER.len() + 1);
        let document = parse(&long);
        let annotated = crate::annotate::Annotation {
            id: "l-1".into(),
            tag: "claim".into(),
            start: 4,
            end: 12,
            note: String::new(),
            created: String::new(),
            modified: String::new(),
        };
        let work = Work {
            annotations: vec![annotated],
            ..Work::default()
        };
        let release = stored("r-long", &document, work);
        let store = started(Start {
            releases: vec![release],
            open: Some(("r-long".into(), Rc::from(long.as_str()))),
            codebook: Some((crate::annotate::default_tags(), 1)),
            storage: Storage::Saved,
            ..Start::default()
        });
        // Not parsed at start: handed to the worker.
        assert!(store.workspace.parsing.as_ref().is_some_and(|p| p.fresh));
        assert_eq!(store.workspace.document.text, TEXT);
        // A tag made meanwhile is the codebook's; what is on show does not
        // become a release of its own.
        let tagged = store.apply(
            Edit::AddTag {
                id: "t-new".into(),
                name: "New code".into(),
                color: "#336699".into(),
            }
            .into(),
        );
        assert_eq!(tagged.library.releases.len(), 1);
        assert!(tagged.library.tags().iter().any(|t| t.id == "t-new"));
        let opened = worker_answers(&tagged, &long);
        assert_eq!(opened.library.open.as_deref(), Some("r-long"));
        assert_eq!(opened.library.releases.len(), 1);
        assert_eq!(opened.workspace.session.set().annotations()[0].id, "l-1");
        assert_eq!(opened.notice, None);
    }

    #[test]
    fn a_corpus_restores_a_fresh_library_and_merges_into_one_that_has_its_releases() {
        let source = apply(
            &paste(&apply(&fresh(), [select(4, 12), tag("a-1")]), OTHER),
            [select(4, 12), tag("b-1")],
        );
        let texts: Vec<(crate::document::Document, AnnotationSet)> = source
            .library
            .releases
            .iter()
            .map(|r| {
                let text = source.library.texts[&r.id].clone();
                (parse(&text), r.work.with_tags(source.library.tags()))
            })
            .collect();
        let entries: Vec<CorpusEntry> = texts
            .iter()
            .map(|(document, set)| CorpusEntry {
                document,
                set,
                added: None,
            })
            .collect();
        let json = corpus_json(&entries, source.library.tags(), "2026-12-02T00:00:00.000Z");
        let corpus = import_corpus(json.as_bytes()).unwrap();

        let empty = started(Start {
            storage: Storage::Saved,
            ..Start::default()
        });
        let restored = empty.apply(Action::ImportCorpus {
            corpus: corpus.clone(),
            file_name: "c.json".into(),
        });
        assert_eq!(
            restored.library.releases.len(),
            2,
            "the sample's text is the first release: merged"
        );
        let all: usize = restored
            .library
            .releases
            .iter()
            .map(|r| r.work.count())
            .sum();
        assert_eq!(all, 2);
        // Importing again adds nothing.
        let again = restored.apply(Action::ImportCorpus {
            corpus,
            file_name: "c.json".into(),
        });
        let all: usize = again.library.releases.iter().map(|r| r.work.count()).sum();
        assert_eq!(all, 2);
        assert_eq!(again.library.releases.len(), 2);
        assert!(again
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("0 release(s) added, 2 already in the library merged"));
    }

    #[test]
    fn another_tab_changing_the_open_release_shows_here() {
        let store = apply(&fresh(), [select(4, 12), tag("a-1")]);
        let id = store.library.open.clone().unwrap();
        let release = store.library.release(&id).unwrap();
        let edits = release.edits;
        let store = store.apply(
            LibraryAction::Written {
                id: id.clone(),
                edits,
                revision: 1,
                added: String::new(),
                modified: String::new(),
                merged: None,
            }
            .into(),
        );
        let mut theirs = (*store.library.release(&id).unwrap().work).clone();
        let mut extra = theirs.annotations[0].clone();
        extra.id = "theirs".into();
        extra.start = 13;
        extra.end = 20;
        theirs.annotations.push(extra);
        let document = parse(TEXT);
        let updated = store.apply(
            LibraryAction::External {
                id: id.clone(),
                release: Some(Box::new(stored(&id, &document, theirs))),
                text: None,
            }
            .into(),
        );
        assert_eq!(updated.workspace.session.set().annotations().len(), 2);
        assert!(
            !updated.library.release(&id).unwrap().dirty(),
            "their work is not ours to write again"
        );
    }
}
