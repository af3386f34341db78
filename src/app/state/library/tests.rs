use std::rc::Rc;

use super::*;
use crate::annotate::{default_tags, Annotation};
use crate::parse::parse;

fn work(ids: &[&str]) -> Work {
    Work {
        annotations: ids
            .iter()
            .enumerate()
            .map(|(i, id)| Annotation {
                id: (*id).into(),
                tag: "claim".into(),
                note: String::new(),
                start: i,
                end: i + 1,
                created: "2026-12-01T00:00:00.000Z".into(),
                modified: "2026-12-01T00:00:00.000Z".into(),
            })
            .collect(),
        orphans: Vec::new(),
    }
}

fn annotation_ids(release: &Release) -> Vec<&str> {
    release
        .work
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect()
}

fn stored(id: &str, text: &str, work: Work, revision: u64) -> StoredRelease {
    let document = parse(text);
    StoredRelease {
        id: id.into(),
        sha256: document.text_sha256().into(),
        added: "2026-12-01T00:00:00.000Z".into(),
        modified: "2026-12-01T00:00:00.000Z".into(),
        summary: Summary::of(&document),
        work,
        revision,
    }
}

fn loaded(releases: Vec<StoredRelease>) -> Library {
    let mut library = Library::default();
    library.reduce(LibraryAction::Loaded {
        releases,
        codebook: Some((default_tags(), 1)),
        open: None,
        storage: Storage::Saved,
    });
    library
}

#[test]
fn a_write_clears_what_it_wrote_and_not_what_came_after() {
    let mut library = loaded(vec![stored("r1", "Text one.", work(&["a"]), 3)]);
    assert!(!library.unsaved());
    library.update("r1", |r| {
        r.work = Rc::new(work(&["a", "b"]));
        r.edits += 1;
    });
    assert!(library.unsaved());
    let edits = library.release("r1").unwrap().edits;
    // Another edit while the write is under way.
    library.update("r1", |r| r.edits += 1);
    library.reduce(LibraryAction::Written {
        id: "r1".into(),
        edits,
        revision: 4,
        added: "2026-12-01T00:00:00.000Z".into(),
        modified: "2026-12-02T00:00:00.000Z".into(),
        merged: None,
    });
    let release = library.release("r1").unwrap();
    assert_eq!(release.revision, 4);
    assert!(release.dirty(), "the later edit still waits");
    assert_eq!(release.modified, "2026-12-02T00:00:00.000Z");
}

#[test]
fn another_tabs_write_is_taken_when_nothing_here_waits_and_merged_when_something_does() {
    let mut library = loaded(vec![stored("r1", "Text one.", work(&["a"]), 3)]);
    library.reduce(LibraryAction::External {
        id: "r1".into(),
        release: Some(Box::new(stored("r1", "Text one.", work(&["b"]), 4))),
        text: None,
    });
    assert_eq!(
        library.release("r1").unwrap().work.annotations[0].id,
        "b",
        "a deletion there is a deletion here"
    );

    library.update("r1", |r| {
        r.work = Rc::new(work(&["b", "mine"]));
        r.edits += 1;
    });
    library.reduce(LibraryAction::External {
        id: "r1".into(),
        release: Some(Box::new(stored(
            "r1",
            "Text one.",
            work(&["b", "theirs"]),
            5,
        ))),
        text: None,
    });
    let release = library.release("r1").unwrap();
    assert_eq!(annotation_ids(release), ["b", "mine", "theirs"]);
    assert_eq!(
        release.revision, 5,
        "the next write builds on their revision"
    );
    assert!(release.dirty());

    // An older revision is nothing new.
    let before = library.release("r1").unwrap().clone();
    library.reduce(LibraryAction::External {
        id: "r1".into(),
        release: Some(Box::new(stored("r1", "Text one.", work(&[]), 2))),
        text: None,
    });
    assert_eq!(**library.release("r1").unwrap(), *before);

    library.reduce(LibraryAction::External {
        id: "r1".into(),
        release: None,
        text: None,
    });
    assert!(library.release("r1").is_none());
}

#[test]
fn another_tabs_annotations_alone_are_taken_merged_or_left_as_a_whole_write_would_be() {
    let mut library = loaded(vec![
        stored("r1", "Text one.", work(&["a"]), 3),
        stored("r2", "Text two.", work(&[]), 1),
    ]);
    let summary = library.release("r1").unwrap().summary.clone();
    let theirs = |ids: &[&str], revision: u64| LibraryAction::ExternalWork {
        id: "r1".into(),
        work: work(ids),
        revision,
        modified: format!("2026-12-02T00:00:0{revision}.000Z"),
    };
    // Nothing waits here: theirs, with its time; the summary is the one held.
    library.reduce(theirs(&["b"], 4));
    let release = library.release("r1").unwrap();
    assert_eq!(release.work.annotations[0].id, "b");
    assert_eq!(release.revision, 4);
    assert_eq!(release.modified, "2026-12-02T00:00:04.000Z");
    assert!(Rc::ptr_eq(&release.summary, &summary));
    assert!(!release.dirty());

    // An older or the same revision is nothing new; an unknown release is
    // not made up from its annotations alone.
    let before = library.clone();
    library.reduce(theirs(&[], 4));
    library.reduce(LibraryAction::ExternalWork {
        id: "r9".into(),
        work: work(&["x"]),
        revision: 9,
        modified: String::new(),
    });
    assert_eq!(library.releases, before.releases);

    // Our own annotations wait: both kept, built on their revision.
    library.update("r1", |r| {
        r.work = Rc::new(work(&["b", "mine"]));
        r.edits += 1;
    });
    library.reduce(theirs(&["b", "theirs"], 5));
    let release = library.release("r1").unwrap();
    assert_eq!(annotation_ids(release), ["b", "mine", "theirs"]);
    assert_eq!(release.revision, 5);
    assert!(release.dirty());

    // Our text changed since: theirs were made on the text before; ours stand.
    library.update("r1", |r| r.text_dirty = true);
    library.reduce(theirs(&["late"], 6));
    let release = library.release("r1").unwrap();
    assert_eq!(annotation_ids(release), ["b", "mine", "theirs"]);
    assert_eq!(release.revision, 6);
}

#[test]
fn deleted_releases_come_back_whole() {
    let mut library = loaded(vec![
        stored("r1", "Text one.", work(&["a"]), 1),
        stored("r2", "Text two.", work(&[]), 1),
    ]);
    library.reduce(LibraryAction::Texts(vec![(
        "r1".into(),
        Rc::from("Text one."),
    )]));
    assert_eq!(library.delete("r1"), Some(0));
    assert!(library.release("r1").is_none());
    assert_eq!(*library.deletions, vec!["r1".to_owned()]);
    assert_eq!(library.restore().as_deref(), Some("r1"));
    let back = library.release("r1").unwrap();
    assert_eq!(back.work.annotations.len(), 1);
    assert!(back.dirty() && back.text_dirty, "written again in full");
    assert_eq!(library.releases[0].id, "r1", "at its place");
    assert!(library.deletions.is_empty());
    assert!(library.texts.contains_key("r1"));
}

#[test]
fn the_list_filters_by_text_and_body_and_sorts() {
    let mut library = loaded(vec![
        stored(
            "r1",
            "SC/1\n\nSecurity Council\n\n1 May 2024\n\nZebra headline",
            work(&[]),
            1,
        ),
        stored("r2", "Alpha release about Côte d’Ivoire.", work(&[]), 1),
    ]);
    library.listing.sort = Sort::Title;
    let titles: Vec<String> = listed(&library.releases, &library.listing)
        .iter()
        .map(|r| r.summary.title.clone())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| crate::text::fold(t));
    assert_eq!(titles, sorted);
    library.reduce(LibraryAction::SetFilter("COTE".into()));
    let shown = listed(&library.releases, &library.listing);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].id, "r2");
    library.reduce(LibraryAction::SetFilter(String::new()));
    library.reduce(LibraryAction::SetBody(Some("Nobody".into())));
    assert!(listed(&library.releases, &library.listing).is_empty());
}

#[test]
fn failing_writes_are_said_and_a_good_write_ends_them() {
    let mut library = loaded(vec![stored("r1", "Text one.", work(&[]), 1)]);
    library.reduce(LibraryAction::WriteFailed(
        "the browser's storage for this site is full".into(),
    ));
    assert!(matches!(library.storage, Storage::Failing(_)));
    library.reduce(LibraryAction::DeletionsWritten(vec![]));
    assert_eq!(library.storage, Storage::Saved);
    let mut memory = Library::default();
    memory.reduce(LibraryAction::Loaded {
        releases: vec![],
        codebook: None,
        open: None,
        storage: Storage::Memory("IndexedDB is not available".into()),
    });
    memory.reduce(LibraryAction::WriteFailed("x".into()));
    assert!(
        matches!(memory.storage, Storage::Memory(_)),
        "memory stays memory"
    );
}
