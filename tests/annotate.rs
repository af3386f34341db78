#![cfg(not(target_arch = "wasm32"))]
//! The annotation core end to end, on an invented meeting-coverage release
//! with accented names (precomposed and decomposed), emoji, a ZWJ sequence
//! and a flag. Every offset asserted counts code points.

use rapporteur::annotate::*;
use rapporteur::document::{Document, Meeting, Speaker};
use rapporteur::facts::{Fact, FactKind, FactValue, QuantityValue};
use serde_json::{json, Value};

const RELEASE: &str = include_str!("fixtures/annotate/release.txt");
const SMALL_EXPORT: &str = include_str!("fixtures/annotate/small.annotations.json");
const OTHER_TOOL: &str = include_str!("fixtures/annotate/other-tool.jsonld");
const SPREADSHEET: &str = include_str!("fixtures/annotate/spreadsheet.json");

const NOW: &str = "2025-04-02T15:00:00.000Z";
const LATER: &str = "2025-04-02T15:05:00.000Z";
const LIMIT: u64 = 50 * 1024 * 1024;

// ---- helpers ------------------------------------------------------------

/// What the spec says an annotation's text is: code points start..end.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Code-point offset of the first occurrence of `needle`.
fn at(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..byte].chars().count()
}

/// Code-point span of the first occurrence of `needle`.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let start = at(text, needle);
    (start, start + needle.chars().count())
}

fn find_paragraph(document: &Document, prefix: &str) -> Option<usize> {
    (0..document.paragraphs.len()).find(|&i| document.paragraph_text(i).starts_with(prefix))
}

fn paragraph_starting(document: &Document, prefix: &str) -> usize {
    find_paragraph(document, prefix)
        .unwrap_or_else(|| panic!("no paragraph starts with {prefix:?}"))
}

fn speaker(name: &str, affiliation: &str, paragraphs: Vec<usize>) -> Speaker {
    Speaker {
        name: name.to_owned(),
        affiliation: Some(affiliation.to_owned()),
        role: None,
        on_behalf_of: None,
        national_capacity: false,
        section: "statements".to_owned(),
        paragraphs,
        mentions: Vec::new(),
    }
}

/// The release parsed, with the speakers, meeting and a fact set by hand, so
/// that these tests depend on the annotation core alone and not on what the
/// parser makes of the text. Turns whose opening words an edit removed are
/// left out.
fn release_with(text: &str) -> Document {
    let mut doc = rapporteur::parse(text);
    doc.symbol = Some("SC/99999".to_owned());
    doc.headline = Some(
        "Speakers Urge Faster Funding for Glacier Monitoring as Council Debates Climate and \
         Security 🧊"
            .to_owned(),
    );
    doc.meeting = Some(Meeting {
        title: "9999th Meeting (PM)".to_owned(),
        number: 9999,
        session: Some("PM".to_owned()),
        ..Meeting::default()
    });
    let turns = |prefixes: &[&str]| -> Vec<usize> {
        prefixes
            .iter()
            .filter_map(|p| find_paragraph(&doc, p))
            .collect()
    };
    let zoe = turns(&[
        "ZOË ÅSTRÖM (Sweden) said",
        "She criticized",
        "ZOË ÅSTRÖM (Sweden), taking",
    ]);
    let jose = turns(&["JOSE\u{301}"]);
    let japan = turns(&["The representative of Japan"]);
    for (s, paragraphs) in [&zoe, &jose, &japan].into_iter().enumerate() {
        for &p in paragraphs {
            doc.paragraphs[p].speaker = Some(s);
        }
    }
    doc.speakers = vec![
        speaker("ZOË ÅSTRÖM", "Sweden", zoe),
        speaker("JOSE\u{301} MARI\u{301}A PEN\u{303}A", "Chile", jose),
        speaker("representative of Japan", "Japan", japan),
    ];
    if doc.text.contains("2.4 million") {
        let (start, end) = span(&doc.text, "2.4 million");
        doc.facts = vec![Fact {
            kind: FactKind::Quantity,
            text: "2.4 million".to_owned(),
            start,
            end,
            value: FactValue::Quantity(QuantityValue {
                number: 2_400_000.0,
                upper: None,
                unit: None,
                counts: None,
                qualifier: None,
            }),
            paragraph: doc.paragraph_at(start).unwrap_or(0),
            speaker: Some(0),
        }];
    }
    doc
}

fn release() -> Document {
    release_with(RELEASE)
}

fn new(id: &str, tag: &str, start: usize, end: usize) -> NewAnnotation {
    NewAnnotation {
        id: id.to_owned(),
        tag: tag.to_owned(),
        note: String::new(),
        start,
        end,
        now: NOW.to_owned(),
    }
}

/// Annotates the first occurrence of `quote`.
fn annotate(session: &mut Session, doc: &Document, id: &str, tag: &str, quote: &str) {
    let (start, end) = span(&doc.text, quote);
    session.annotate(doc, new(id, tag, start, end)).unwrap();
}

/// Three annotations, made out of reading order: a-1, a-2, a-17 in the text.
fn annotated(doc: &Document) -> Session {
    let mut session = Session::default();
    annotate(
        &mut session,
        doc,
        "a-2",
        "criticism",
        "slow pace of disbursement",
    );
    annotate(
        &mut session,
        doc,
        "a-1",
        "commitment",
        "double their contribution",
    );
    annotate(&mut session, doc, "a-17", "concern", "mountain communities");
    session
        .set_note("a-1", "Check against last year's pledge.", NOW)
        .unwrap();
    session
}

fn snapped(doc: &Document, start: usize, end: usize) -> Option<String> {
    snap_selection(doc, start, end).map(|s| chars(&doc.text, s.start, s.end))
}

fn export_value(doc: &Document, session: &Session) -> Value {
    serde_json::from_str(&export_json(doc, session.set(), LATER)).unwrap()
}

fn import_value(value: &Value) -> Result<ImportedFile, ImportError> {
    import_annotations(value.to_string().as_bytes(), LIMIT)
}

fn import_message(value: &Value) -> String {
    import_value(value).unwrap_err().to_string()
}

fn sorted(set: &AnnotationSet) -> Vec<Annotation> {
    let mut annotations = set.annotations().to_vec();
    annotations.sort_by(|a, b| a.id.cmp(&b.id));
    annotations
}

/// Every annotation's span holds text, within the document.
fn assert_in_text(doc: &Document, set: &AnnotationSet) {
    let len = doc.text.chars().count();
    for a in set.annotations() {
        assert!(a.start < a.end && a.end <= len, "{a:?}");
    }
}

// ---- snapping -----------------------------------------------------------

mod snapping {
    use super::*;

    #[test]
    fn a_selection_inside_a_word_takes_the_whole_word() {
        let doc = release();
        let s = at(&doc.text, "criticized");
        let got = snap_selection(&doc, s + 3, s + 5).unwrap();
        assert_eq!((got.start, got.end), (s, s + 10));
        assert_eq!(chars(&doc.text, got.start, got.end), "criticized");
    }

    #[test]
    fn a_reversed_selection_snaps_the_same() {
        let doc = release();
        let s = at(&doc.text, "slow pace");
        assert_eq!(
            snap_selection(&doc, s + 7, s + 2),
            snap_selection(&doc, s + 2, s + 7)
        );
        assert_eq!(snapped(&doc, s + 7, s + 2).as_deref(), Some("slow pace"));
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let doc = release();
        let j = at(&doc.text, "JOSE\u{301}");
        // Ends between E and its acute accent: the accent comes along.
        let got = snap_selection(&doc, j + 1, j + 4).unwrap();
        assert_eq!((got.start, got.end), (j, j + 5));
        // Starts on the accent itself.
        assert_eq!(snapped(&doc, j + 4, j + 5).as_deref(), Some("JOSE\u{301}"));
        // A mark inside a word does not split it.
        let m = at(&doc.text, "MARI\u{301}A");
        assert_eq!(snapped(&doc, m + 5, m + 6).as_deref(), Some("MARI\u{301}A"));
        let p = at(&doc.text, "PEN\u{303}A");
        assert_eq!(snapped(&doc, p, p + 3).as_deref(), Some("PEN\u{303}A"));
    }

    #[test]
    fn emoji_sequences_and_flags_are_never_split() {
        let doc = release();
        let scientist = at(&doc.text, "👩\u{200D}🔬");
        for (a, b) in [(1, 2), (2, 3), (0, 1), (1, 3)] {
            let got = snap_selection(&doc, scientist + a, scientist + b).unwrap();
            assert_eq!((got.start, got.end), (scientist, scientist + 3), "{a}..{b}");
        }
        let flag = at(&doc.text, "🇸🇪");
        let got = snap_selection(&doc, flag + 1, flag + 2).unwrap();
        assert_eq!((got.start, got.end), (flag, flag + 2));
        let party = at(&doc.text, "🎉");
        assert_eq!(snapped(&doc, party, party + 1).as_deref(), Some("🎉"));
        assert_eq!(
            snapped(&doc, party - 3, party + 4).as_deref(),
            Some("said 🎉 the")
        );
    }

    #[test]
    fn whitespace_is_trimmed_and_blank_selections_are_nothing() {
        let doc = release();
        let gap = at(&doc.text, "  “We");
        assert_eq!(snap_selection(&doc, gap, gap + 2), None);
        assert_eq!(snapped(&doc, gap, gap + 5).as_deref(), Some("“We"));
        let paragraph_break = at(&doc.text, "\n\nShe");
        assert_eq!(
            snap_selection(&doc, paragraph_break, paragraph_break + 2),
            None
        );
        assert_eq!(snap_selection(&doc, 10, 10), None);
        let s = at(&doc.text, "she said");
        assert_eq!(snapped(&doc, s - 1, s + 4).as_deref(), Some("she"));
    }

    #[test]
    fn punctuation_is_kept_where_it_ends_a_phrase_and_dropped_where_it_dangles() {
        let doc = release();
        let flood = at(&doc.text, "flood,”");
        assert_eq!(snapped(&doc, flood, flood + 6).as_deref(), Some("flood"));
        assert_eq!(
            snapped(&doc, flood, flood + 11).as_deref(),
            Some("flood,” she")
        );
        assert_eq!(snapped(&doc, flood + 5, flood + 11).as_deref(), Some("she"));
        assert_eq!(snapped(&doc, flood + 5, flood + 8), None);
        let year = at(&doc.text, "(2017)");
        assert_eq!(snapped(&doc, year, year + 6).as_deref(), Some("(2017)"));
        let dot = at(&doc.text, "2026.");
        assert_eq!(snapped(&doc, dot + 1, dot + 5).as_deref(), Some("2026."));
    }

    #[test]
    fn apostrophes_hyphens_and_decimal_points_join_words() {
        let doc = release();
        let japan = at(&doc.text, "Japan’s");
        assert_eq!(snapped(&doc, japan, japan + 2).as_deref(), Some("Japan’s"));
        let warn = at(&doc.text, "warning");
        assert_eq!(
            snapped(&doc, warn, warn + 2).as_deref(),
            Some("early-warning")
        );
        let number = at(&doc.text, "2.4 million");
        assert_eq!(
            snapped(&doc, number + 2, number + 3).as_deref(),
            Some("2.4")
        );
        let degrees = at(&doc.text, "1.8°C");
        assert_eq!(snapped(&doc, degrees, degrees + 1).as_deref(), Some("1.8"));
    }

    #[test]
    fn out_of_range_selections_are_clamped() {
        let doc = release();
        let len = doc.text.chars().count();
        assert_eq!(
            snapped(&doc, len - 3, 1_000_000).as_deref(),
            Some("debate.")
        );
        assert_eq!(
            snapped(&doc, usize::MAX, len - 3).as_deref(),
            Some("debate.")
        );
        assert_eq!(snap_selection(&doc, len + 5, len + 50), None);
        assert_eq!(snap_selection(&doc, usize::MAX, usize::MAX), None);
        let empty = rapporteur::parse("");
        assert_eq!(snap_selection(&empty, 0, 10), None);
    }

    #[test]
    fn every_selection_snaps_to_trimmed_whole_words_and_is_stable() {
        let doc = rapporteur::parse("ZOË ÅSTRÖM said 🎉 “no,” e\u{301}lan 👩\u{200D}🔬 🇸🇪 — 2.4%.");
        let len = doc.text.chars().count();
        for a in 0..=len + 1 {
            for b in 0..=len + 1 {
                let Some(got) = snap_selection(&doc, a, b) else {
                    continue;
                };
                let text = chars(&doc.text, got.start, got.end);
                assert_eq!(text.trim(), text, "{a}..{b}");
                assert!(got.start < got.end && got.end <= len);
                assert_eq!(
                    snap_selection(&doc, got.start, got.end),
                    Some(got),
                    "{a}..{b}"
                );
                // Never starts on a mark, a joiner or the second half of a flag.
                let first = doc.text.chars().nth(got.start).unwrap();
                assert!(
                    !matches!(first, '\u{301}' | '\u{200D}' | '🔬' | '🇪'),
                    "{a}..{b}"
                );
            }
        }
    }
}

// ---- tags ---------------------------------------------------------------

mod tags {
    use super::*;

    #[test]
    fn the_default_palette_and_digit_keys() {
        let set = AnnotationSet::new();
        let names: Vec<&str> = set.tags().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Claim",
                "Commitment",
                "Concern",
                "Criticism",
                "Proposal",
                "Evidence"
            ]
        );
        assert_eq!(set.tag_for_digit(1).unwrap().name, "Claim");
        assert_eq!(set.tag_for_digit(6).unwrap().name, "Evidence");
        assert_eq!(set.tag_for_digit(7), None);
        assert_eq!(set.tag_for_digit(0), None);
        for tag in set.tags() {
            assert!(contrast_ratio(&tag.color, text_color_on(&tag.color)).unwrap() >= 4.5);
        }
    }

    #[test]
    fn digit_keys_reach_only_the_first_nine() {
        let mut session = Session::default();
        for n in 7..=11 {
            session
                .add_tag(&format!("t{n}"), &format!("Tag {n}"), "#123456")
                .unwrap();
        }
        assert_eq!(session.set().tag_for_digit(7).unwrap().id, "t7");
        assert_eq!(session.set().tag_for_digit(9).unwrap().id, "t9");
        assert_eq!(session.set().tag_for_digit(10), None);
        session.move_tag("t11", 0).unwrap();
        assert_eq!(session.set().tag_for_digit(1).unwrap().id, "t11");
        assert_eq!(session.set().tag_for_digit(2).unwrap().name, "Claim");
    }

    #[test]
    fn renaming_keeps_annotations_and_shows_in_exports() {
        let doc = release();
        let mut session = annotated(&doc);
        session.rename_tag("concern", "  Worry ").unwrap();
        assert_eq!(session.set().tag("concern").unwrap().name, "Worry");
        assert_eq!(session.set().annotation("a-17").unwrap().tag, "concern");
        let export = export_value(&doc, &session);
        let a17 = &export["annotations"][2];
        assert_eq!(a17["id"], "a-17");
        assert_eq!(a17["tag"], "concern");
        assert_eq!(a17["tag_name"], "Worry");
        // Only a change of case on its own name is fine; another tag's name is not.
        session.rename_tag("concern", "WORRY").unwrap();
        assert_eq!(
            session.rename_tag("claim", "worry"),
            Err(EditError::DuplicateTagName("worry".to_owned()))
        );
        assert_eq!(
            session.rename_tag("claim", " "),
            Err(EditError::EmptyTagName)
        );
        assert_eq!(
            session.rename_tag("nope", "X"),
            Err(EditError::UnknownTag("nope".to_owned()))
        );
    }

    #[test]
    fn recolouring_normalises_and_refuses_non_colours() {
        let mut session = Session::default();
        session.recolor_tag("claim", "#ABC").unwrap();
        assert_eq!(session.set().tag("claim").unwrap().color, "#aabbcc");
        let error = session.recolor_tag("claim", "blue").unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"blue\" is not a colour: use #rrggbb, e.g. #e69f00"
        );
        session.undo().unwrap();
        assert_eq!(session.set().tag("claim").unwrap().color, "#56b4e9");
    }

    #[test]
    fn adding_tags_checks_ids_names_and_colours() {
        let mut session = Session::default();
        session.add_tag("t-1", "Promise kept", "#0072B2").unwrap();
        assert_eq!(session.set().tags().last().unwrap().color, "#0072b2");
        assert_eq!(
            session.add_tag("t-1", "Other", "#000"),
            Err(EditError::DuplicateId("t-1".to_owned()))
        );
        assert_eq!(
            session.add_tag("t-2", "CLAIM", "#000"),
            Err(EditError::DuplicateTagName("CLAIM".to_owned()))
        );
        assert!(session.add_tag("", "Empty id", "#000").is_err());
        assert!(matches!(
            session.add_tag("t-3", &"x".repeat(41), "#000"),
            Err(EditError::TagNameTooLong { length: 41 })
        ));
        assert_eq!(session.set().tags().len(), 7);
    }

    #[test]
    fn deleting_a_tag_in_use_is_refused_with_the_reason() {
        let doc = release();
        let mut session = annotated(&doc);
        let error = session.delete_tag("criticism").unwrap_err();
        assert_eq!(
            error,
            EditError::TagInUse {
                name: "Criticism".to_owned(),
                count: 1
            }
        );
        assert_eq!(
            error.to_string(),
            "the tag \"Criticism\" is used by 1 annotation; delete those too, or move them \
             to another tag first"
        );
        assert!(session.set().tag("criticism").is_some());
        // Unused tags go at once.
        session.delete_tag("proposal").unwrap();
        assert!(session.set().tag("proposal").is_none());
    }

    #[test]
    fn deleting_a_tag_with_its_annotations_is_one_undoable_step() {
        let doc = release();
        let mut session = annotated(&doc);
        annotate(&mut session, &doc, "a-5", "criticism", "only 17 per cent");
        let before = session.set().clone();
        session.delete_tag_with_annotations("criticism").unwrap();
        assert!(session.set().tag("criticism").is_none());
        let ids: Vec<&str> = session
            .set()
            .annotations()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a-1", "a-17"]);
        assert!(session.undo().unwrap());
        assert_eq!(session.set(), &before);
        assert!(session.redo().unwrap());
        assert_eq!(session.set().annotations().len(), 2);
    }

    #[test]
    fn retagging_then_deleting() {
        let doc = release();
        let mut session = annotated(&doc);
        session.set_annotation_tag("a-2", "concern", LATER).unwrap();
        let a2 = session.set().annotation("a-2").unwrap();
        assert_eq!(
            (a2.tag.as_str(), a2.created.as_str(), a2.modified.as_str()),
            ("concern", NOW, LATER)
        );
        session.delete_tag("criticism").unwrap();
        assert_eq!(session.set().tag_usage("concern"), 2);
    }
}

// ---- annotations ----------------------------------------------------------

mod annotations {
    use super::*;

    #[test]
    fn annotating_a_snapped_selection() {
        let doc = release();
        let mut session = Session::default();
        let s = at(&doc.text, "glacial lakes");
        let snapped = snap_selection(&doc, s + 2, s + 10).unwrap();
        let mut fresh = new("a-9", "evidence", snapped.start, snapped.end);
        fresh.note = "Source?".to_owned();
        session.annotate(&doc, fresh).unwrap();
        let a = session.set().annotation("a-9").unwrap();
        assert_eq!(chars(&doc.text, a.start, a.end), "glacial lakes");
        assert_eq!((a.start, a.end), (s, s + 13));
        assert_eq!(
            (a.note.as_str(), a.created.as_str(), a.modified.as_str()),
            ("Source?", NOW, NOW)
        );
    }

    #[test]
    fn a_fact_in_one_action() {
        let doc = release();
        let mut session = Session::default();
        let span = fact_range(&doc, 0).unwrap();
        assert_eq!(chars(&doc.text, span.start, span.end), "2.4 million");
        session
            .annotate_fact(&doc, 0, new("f-1", "evidence", 0, 0))
            .unwrap();
        let a = session.set().annotation("f-1").unwrap();
        assert_eq!((a.start, a.end), (span.start, span.end));
        assert_eq!(
            session.annotate_fact(&doc, 7, new("f-2", "evidence", 0, 0)),
            Err(EditError::NoSuchFact(7))
        );
    }

    #[test]
    fn a_whole_speaker_turn_in_one_action() {
        let doc = release();
        let first = paragraph_starting(&doc, "ZOË ÅSTRÖM (Sweden) said");
        let second = paragraph_starting(&doc, "She criticized");
        let last = paragraph_starting(&doc, "ZOË ÅSTRÖM (Sweden), taking");
        let turns = speaker_turns(&doc, 0);
        assert_eq!(turns.len(), 2, "Zoë spoke twice");
        assert_eq!(
            (turns[0].start, turns[0].end),
            (doc.paragraphs[first].start, doc.paragraphs[second].end)
        );
        assert_eq!(
            (turns[1].start, turns[1].end),
            (doc.paragraphs[last].start, doc.paragraphs[last].end)
        );

        let turn = turn_range_at(&doc, second).unwrap();
        assert_eq!(turn, turns[0]);
        let text = chars(&doc.text, turn.start, turn.end);
        assert!(text.starts_with("ZOË ÅSTRÖM (Sweden) said 🎉"));
        assert!(text.ends_with("the Council must do better."));

        let mut session = Session::default();
        session
            .annotate_turn(&doc, second, new("t-1", "claim", 0, 0))
            .unwrap();
        assert_eq!(session.set().annotation("t-1").unwrap().start, turn.start);
        assert_eq!(turn_range_at(&doc, 0), Err(EditError::NotInATurn(0)));
        assert_eq!(turn_range_at(&doc, 99), Err(EditError::NoSuchParagraph(99)));
        assert!(speaker_turns(&doc, 9).is_empty());
    }

    #[test]
    fn overlapping_and_nested_annotations_are_allowed() {
        let doc = release();
        let mut session = Session::default();
        annotate(
            &mut session,
            &doc,
            "outer",
            "claim",
            "double their contribution to early-warning systems",
        );
        annotate(
            &mut session,
            &doc,
            "inner",
            "commitment",
            "double their contribution",
        );
        annotate(
            &mut session,
            &doc,
            "across",
            "evidence",
            "early-warning systems by 2026",
        );
        let s = at(&doc.text, "contribution");
        let ids: Vec<&str> = session
            .set()
            .annotations_at(s)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["inner", "outer"]);
        let e = at(&doc.text, "systems");
        let ids: Vec<&str> = session
            .set()
            .annotations_at(e)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["across", "outer"]);
        let order: Vec<&str> = session
            .set()
            .in_reading_order()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(order, ["outer", "inner", "across"]);
    }

    #[test]
    fn bad_annotations_are_refused_and_change_nothing() {
        let doc = release();
        let mut session = annotated(&doc);
        let before = session.clone();
        let len = doc.text.chars().count();
        assert_eq!(
            session.annotate(&doc, new("a-1", "claim", 0, 4)),
            Err(EditError::DuplicateId("a-1".to_owned()))
        );
        assert_eq!(
            session.annotate(&doc, new("x", "nope", 0, 4)),
            Err(EditError::UnknownTag("nope".to_owned()))
        );
        assert_eq!(
            session.annotate(&doc, new("x", "claim", 10, len + 1)),
            Err(EditError::OutOfRange {
                start: 10,
                end: len + 1,
                len
            })
        );
        assert_eq!(
            session.annotate(&doc, new("x", "claim", 9, 3)),
            Err(EditError::OutOfRange {
                start: 9,
                end: 3,
                len
            })
        );
        let gap = at(&doc.text, "\n\nShe");
        assert_eq!(
            session.annotate(&doc, new("x", "claim", gap, gap + 2)),
            Err(EditError::EmptyRange {
                start: gap,
                end: gap + 2
            })
        );
        let mut bad_time = new("x", "claim", 0, 4);
        bad_time.now = "now".to_owned();
        assert_eq!(
            session.annotate(&doc, bad_time),
            Err(EditError::BadTimestamp("now".to_owned()))
        );
        assert_eq!(
            session.set_note("ghost", "x", NOW),
            Err(EditError::UnknownAnnotation("ghost".to_owned()))
        );
        assert_eq!(session, before);
    }

    #[test]
    fn editing_notes_and_spans_updates_modified_only() {
        let doc = release();
        let mut session = annotated(&doc);
        session
            .set_note("a-17", "Which communities?", LATER)
            .unwrap();
        let (s, e) = span(&doc.text, "mountain communities 👩\u{200D}🔬 lack data");
        session.set_span(&doc, "a-17", s, e, LATER).unwrap();
        let a = session.set().annotation("a-17").unwrap();
        assert_eq!(
            chars(&doc.text, a.start, a.end),
            "mountain communities 👩\u{200D}🔬 lack data"
        );
        assert_eq!((a.created.as_str(), a.modified.as_str()), (NOW, LATER));
        assert_eq!(a.note, "Which communities?");
        session.delete_annotation("a-17").unwrap();
        assert!(session.set().annotation("a-17").is_none());
    }
}

// ---- undo and redo --------------------------------------------------------

mod history {
    use super::*;

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let doc = release();
        let mut session = Session::default();
        let empty = session.set().clone();
        annotate(
            &mut session,
            &doc,
            "a",
            "claim",
            "double their contribution",
        );
        let one = session.set().clone();
        annotate(&mut session, &doc, "b", "concern", "mountain communities");
        let two = session.set().clone();
        session.seal_history();
        session.set_note("a", "pledge", LATER).unwrap();
        let three = session.set().clone();

        assert!(session.undo().unwrap());
        assert_eq!(session.set(), &two);
        assert!(session.undo().unwrap());
        assert_eq!(session.set(), &one);
        assert!(session.redo().unwrap());
        assert_eq!(session.set(), &two);
        assert!(session.redo().unwrap());
        assert_eq!(session.set(), &three);
        assert!(!session.redo().unwrap(), "nothing left to redo");
        for _ in 0..3 {
            assert!(session.undo().unwrap());
        }
        assert_eq!(session.set(), &empty);
        assert!(!session.undo().unwrap(), "nothing left to undo");
        assert!(!session.can_undo());
        assert!(session.can_redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let doc = release();
        let mut session = annotated(&doc);
        session.undo().unwrap();
        assert!(session.can_redo());
        session.rename_tag("claim", "Assertion").unwrap();
        assert!(!session.can_redo());
        assert!(!session.redo().unwrap());
    }

    #[test]
    fn typing_a_note_is_one_step_until_sealed() {
        let doc = release();
        let mut session = Session::default();
        annotate(
            &mut session,
            &doc,
            "a",
            "claim",
            "double their contribution",
        );
        let steps = session.history().undo_len();
        for note in ["P", "Pl", "Ple", "Pledge"] {
            session.set_note("a", note, LATER).unwrap();
        }
        assert_eq!(session.history().undo_len(), steps + 1);
        assert!(!session.history().is_sealed());
        session.seal_history();
        assert!(session.history().is_sealed());
        session.set_note("a", "Pledge?", LATER).unwrap();
        assert_eq!(session.history().undo_len(), steps + 2);
        session.undo().unwrap();
        assert_eq!(session.set().annotation("a").unwrap().note, "Pledge");
        session.undo().unwrap();
        assert_eq!(session.set().annotation("a").unwrap().note, "");
        // Notes on two annotations never merge.
        annotate(&mut session, &doc, "b", "claim", "mountain communities");
        session.set_note("a", "x", LATER).unwrap();
        session.set_note("b", "y", LATER).unwrap();
        session.undo().unwrap();
        assert_eq!(session.set().annotation("a").unwrap().note, "x");
        assert_eq!(session.set().annotation("b").unwrap().note, "");
    }

    #[test]
    fn the_history_is_bounded() {
        let doc = release();
        let mut session = Session::with_history(AnnotationSet::new(), History::new(3));
        let words = ["Nordic", "countries", "double", "contribution", "systems"];
        for (i, word) in words.iter().enumerate() {
            annotate(&mut session, &doc, &format!("a{i}"), "claim", word);
        }
        let mut undone = 0;
        while session.undo().unwrap() {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(session.set().annotations().len(), 2);
        assert_eq!(History::default().undo_len(), 0);
        assert_eq!(DEFAULT_HISTORY_CAPACITY, 200);
    }

    #[test]
    fn every_kind_of_change_undoes_exactly() {
        let doc = release();
        let mut session = annotated(&doc);
        let original = session.set().clone();
        session.add_tag("t-x", "Follow up", "#0072b2").unwrap();
        session.rename_tag("claim", "Assertion").unwrap();
        session.recolor_tag("evidence", "#000000").unwrap();
        session.move_tag("evidence", 0).unwrap();
        session.set_annotation_tag("a-1", "t-x", LATER).unwrap();
        session.delete_annotation("a-2").unwrap();
        session.delete_tag("proposal").unwrap();
        session.delete_tag_with_annotations("concern").unwrap();
        session.replace_all(AnnotationSet::new()).unwrap();
        let last = session.set().clone();
        while session.undo().unwrap() {}
        assert_eq!(
            session.set(),
            &AnnotationSet::new(),
            "back to before the first annotation"
        );
        while session.redo().unwrap() {}
        assert_eq!(session.set(), &last);
        for _ in 0..9 {
            session.undo().unwrap();
        }
        assert_eq!(session.set(), &original);
    }

    #[test]
    fn changes_can_be_applied_without_a_session() {
        let doc = release();
        let mut set = AnnotationSet::new();
        let (s, e) = span(&doc.text, "glacial lakes");
        let change = set.add_annotation(&doc, new("a", "claim", s, e)).unwrap();
        change.apply(&mut set).unwrap();
        assert_eq!(set.annotations().len(), 1);
        // A change that no longer fits is refused, not half-applied.
        assert!(change.apply(&mut set).is_err());
        change.inverse().apply(&mut set).unwrap();
        assert!(set.annotations().is_empty());
        assert!(change.inverse().apply(&mut set).is_err());
    }
}

// ---- exports ------------------------------------------------------------

mod export {
    use super::*;

    #[test]
    fn our_json_carries_text_tags_and_derived_fields() {
        let doc = release();
        let session = annotated(&doc);
        let v = export_value(&doc, &session);
        assert_eq!(v["format"], "rapporteur-annotations/1");
        assert_eq!(v["exported"], LATER);
        assert_eq!(v["document"]["text"], doc.text.as_str());
        assert_eq!(v["document"]["text_sha256"], doc.text_sha256());
        assert_eq!(v["document"]["text_length"], doc.text.chars().count());
        assert_eq!(v["document"]["symbol"], "SC/99999");
        assert_eq!(v["document"]["meeting"]["number"], 9999);
        assert_eq!(v["document"]["speakers"][0]["name"], "ZOË ÅSTRÖM");
        assert_eq!(
            v["tags"][0],
            json!({"id": "claim", "name": "Claim", "color": "#56b4e9"})
        );
        assert_eq!(v["orphans"], json!([]));

        let annotations = v["annotations"].as_array().unwrap();
        let ids: Vec<&str> = annotations
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["a-1", "a-2", "a-17"], "reading order");
        let zoe_paragraph = paragraph_starting(&doc, "ZOË ÅSTRÖM (Sweden) said");
        let a1 = &annotations[0];
        let (s, e) = span(&doc.text, "double their contribution");
        assert_eq!(
            (a1["start"].as_u64(), a1["end"].as_u64()),
            (Some(s as u64), Some(e as u64))
        );
        assert_eq!(a1["exact"], "double their contribution");
        assert_eq!(a1["prefix"], chars(&doc.text, s - 32, s).as_str());
        assert_eq!(a1["suffix"], chars(&doc.text, e, e + 32).as_str());
        assert_eq!(a1["prefix"], "aid 🎉 the Nordic countries will ");
        assert_eq!(a1["speaker"], 0);
        assert_eq!(a1["paragraph"], zoe_paragraph);
        assert_eq!(a1["tag"], "commitment");
        assert_eq!(a1["tag_name"], "Commitment");
        assert_eq!(a1["note"], "Check against last year's pledge.");
        assert_eq!(a1["created"], NOW);
        assert_eq!(annotations[2]["speaker"], 1, "José's turn");
        for a in annotations {
            let (s, e) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(a["exact"], chars(&doc.text, s, e).as_str());
        }
    }

    #[test]
    fn context_is_shorter_at_the_edges_of_the_text() {
        let doc = release();
        let mut session = Session::default();
        annotate(&mut session, &doc, "first", "claim", "9999th Meeting");
        annotate(&mut session, &doc, "last", "claim", "closed the debate");
        let v = export_value(&doc, &session);
        assert_eq!(v["annotations"][0]["prefix"], "");
        assert_eq!(v["annotations"][0]["speaker"], Value::Null);
        assert_eq!(v["annotations"][0]["paragraph"], 0);
        assert_eq!(v["annotations"][1]["suffix"], ".\n");
        assert_eq!(v["annotations"][1]["speaker"], 0);
    }

    #[test]
    fn file_names_are_safe_slugs() {
        let doc = release();
        assert_eq!(export_file_name(&doc), "SC-99999.annotations.json");
        assert_eq!(
            web_annotation_file_name(&doc),
            "SC-99999.annotations.jsonld"
        );
        let mut untitled = doc.clone();
        untitled.symbol = None;
        assert_eq!(
            export_file_name(&untitled),
            "speakers-urge-faster-funding-for-glacier-monitoring-as.annotations.json"
        );
        untitled.headline = Some("Zoë Åström: “Ça suffit!” 🎉".to_owned());
        assert_eq!(
            export_file_name(&untitled),
            "zoe-astrom-ca-suffit.annotations.json"
        );
        untitled.headline = Some("🎉 🎉".to_owned());
        assert_eq!(export_file_name(&untitled), "document.annotations.json");
        untitled.headline = None;
        untitled.symbol = Some("/".to_owned());
        assert_eq!(export_file_name(&untitled), "document.annotations.json");
        untitled.symbol = Some("CON".to_owned());
        assert_eq!(export_file_name(&untitled), "CON-document.annotations.json");
    }

    #[test]
    fn web_annotation_collection_follows_the_w3c_model() {
        let doc = release();
        let mut session = annotated(&doc);
        session.set_note("a-2", "", NOW).unwrap();
        let v: Value = serde_json::from_str(&web_annotation_json(&doc, session.set())).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["total"], 3);
        assert_eq!(v["label"], "Annotations on SC/99999");
        assert_eq!(v["first"]["type"], "AnnotationPage");
        assert_eq!(v["first"]["startIndex"], 0);
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        let source = items[0]["target"]["source"].as_str().unwrap();
        assert!(source.starts_with("ni:///sha-256;"), "{source}");
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert!(item["id"].as_str().unwrap().starts_with("urn:rapporteur:"));
            assert!(
                item.get("@context").is_none(),
                "the collection holds the context"
            );
            let selectors = item["target"]["selector"].as_array().unwrap();
            assert_eq!(selectors[0]["type"], "TextQuoteSelector");
            assert_eq!(selectors[1]["type"], "TextPositionSelector");
            let (s, e) = (
                selectors[1]["start"].as_u64().unwrap() as usize,
                selectors[1]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(selectors[0]["exact"], chars(&doc.text, s, e).as_str());
            assert_eq!(item["body"][0]["purpose"], "tagging");
            assert_eq!(item["body"][0]["type"], "TextualBody");
            assert_eq!(item["created"], NOW);
        }
        assert_eq!(items[0]["body"][0]["value"], "Commitment");
        assert_eq!(items[0]["body"][1]["purpose"], "commenting");
        assert_eq!(
            items[0]["body"][1]["value"],
            "Check against last year's pledge."
        );
        assert_eq!(
            items[1]["body"].as_array().unwrap().len(),
            1,
            "no empty comment body"
        );
        assert!(items[0]["target"]["selector"][0].get("prefix").is_some());
    }

    #[test]
    fn round_trip_through_our_json() {
        let doc = release();
        let mut session = annotated(&doc);
        session.add_tag("t-x", "Follow up ⚑", "#0072b2").unwrap();
        annotate(
            &mut session,
            &doc,
            "a-x",
            "t-x",
            "JOSE\u{301} MARI\u{301}A PEN\u{303}A",
        );
        annotate(&mut session, &doc, "a-e", "evidence", "👩\u{200D}🔬");
        let file = export_json(&doc, session.set(), LATER);
        let imported = import_annotations(file.as_bytes(), LIMIT).unwrap();
        assert!(imported.same_text_as(&doc));
        assert_eq!(imported.exported.as_deref(), Some(LATER));
        assert_eq!(imported.symbol.as_deref(), Some("SC/99999"));
        let placement = imported.place(&doc);
        assert_eq!(placement.report.unchanged, 5);
        assert_eq!(placement.report.moved_total(), 0);
        assert_eq!(placement.set.tags(), session.set().tags());
        assert_eq!(sorted(&placement.set), sorted(session.set()));
        // And again: the second export is the first.
        let again = export_json(&doc, &placement.set, LATER);
        assert_eq!(again, file);
    }

    #[test]
    fn a_stored_export_still_imports() {
        let imported = import_annotations(SMALL_EXPORT.as_bytes(), LIMIT).unwrap();
        assert_eq!(
            imported.text,
            "Zoë said 🎉 we will act.\nThe Council agreed."
        );
        assert_eq!(imported.tags[1].name, "Urgent ⚠");
        assert_eq!(imported.tags[1].color, "#cc79a7", "normalised");
        assert_eq!(imported.annotations.len(), 2);
        assert_eq!(imported.orphans.len(), 1);
        let doc = rapporteur::parse(&imported.text);
        let placement = imported.place(&doc);
        let a1 = placement.set.annotation("a-1").unwrap();
        assert_eq!((a1.start, a1.end), (11, 22));
        assert_eq!(chars(&doc.text, 11, 22), "we will act");
        assert_eq!(placement.report.unchanged, 2);
        assert_eq!(placement.report.still_orphaned, 1);
        assert_eq!(
            placement.set.orphan("a-0").unwrap().annotation.note,
            "From an older version"
        );
    }
}

// ---- import errors ---------------------------------------------------------

mod import_errors {
    use super::*;

    fn good() -> (Document, Value) {
        let doc = release();
        let v = export_value(&doc, &annotated(&doc));
        (doc, v)
    }

    #[test]
    fn offsets_past_the_end_name_the_annotation() {
        let (doc, mut v) = good();
        v["annotations"][2]["end"] = json!(5021);
        let len = doc.text.chars().count();
        assert_eq!(
            import_message(&v),
            format!(
                "the file has 1 problem:\n- annotation 3 (\"a-17\"): end 5021 is past the end \
                 of the text ({len} code points)"
            )
        );
        match import_value(&v) {
            Err(ImportError::Invalid { problems, more: 0 }) => {
                assert_eq!(problems[0].location, "annotation 3 (\"a-17\")");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn start_after_end_and_empty_spans() {
        let (_, mut v) = good();
        v["annotations"][0]["start"] = json!(400);
        v["annotations"][0]["end"] = json!(300);
        v["annotations"][1]["end"] = v["annotations"][1]["start"].clone();
        let message = import_message(&v);
        assert!(
            message.contains("annotation 1 (\"a-1\"): start 400 is after end 300"),
            "{message}"
        );
        assert!(
            message.contains("annotation 2 (\"a-2\"): it is empty (start and end are both"),
            "{message}"
        );
        assert!(message.starts_with("the file has 2 problems:"), "{message}");
    }

    #[test]
    fn exact_must_match_the_text() {
        let (_, mut v) = good();
        v["annotations"][1]["exact"] = json!("fast pace of disbursement");
        let (s, e) = (
            v["annotations"][1]["start"].clone(),
            v["annotations"][1]["end"].clone(),
        );
        assert!(import_message(&v).contains(&format!(
            "annotation 2 (\"a-2\"): \"exact\" \"fast pace of disbursement\" does not match the \
             text at {s}–{e}, which reads \"slow pace of disbursement\""
        )));
        let (_, mut v) = good();
        v["annotations"][1]["prefix"] = json!("something else ");
        assert!(import_message(&v)
            .contains("\"prefix\" \"something else \" is not the text just before"));
    }

    #[test]
    fn missing_fields_and_wrong_types() {
        let (_, mut v) = good();
        v["annotations"][0].as_object_mut().unwrap().remove("end");
        v["annotations"][1]["start"] = json!("12");
        v["annotations"][2]["start"] = json!(-3);
        v["tags"][0]["color"] = json!(12);
        v["tags"][1].as_object_mut().unwrap().remove("name");
        let message = import_message(&v);
        for expected in [
            "annotation 1 (\"a-1\"): \"end\" is missing",
            "annotation 2 (\"a-2\"): \"start\" is \"12\" (text), not a whole number ≥ 0",
            "annotation 3 (\"a-17\"): \"start\" is -3, not a whole number ≥ 0",
            "tag 1 (\"claim\"): \"color\" is 12, not text",
            "tag 2 (\"commitment\"): \"name\" is missing",
        ] {
            assert!(message.contains(expected), "{expected}\n in\n{message}");
        }
        let (_, mut v) = good();
        v["annotations"][0]["created"] = json!("last Tuesday");
        v["annotations"][1]["start"] = json!(1.5);
        v["annotations"][2] = json!("a-17");
        let message = import_message(&v);
        assert!(
            message.contains("\"created\" is \"last Tuesday\", not an ISO-8601 date-time"),
            "{message}"
        );
        assert!(
            message.contains("\"start\" is 1.5, not a whole number"),
            "{message}"
        );
        assert!(
            message.contains("annotation 3: it is \"a-17\" (text), not an object"),
            "{message}"
        );
        let (_, mut v) = good();
        v.as_object_mut().unwrap().remove("annotations");
        v["document"].as_object_mut().unwrap().remove("text");
        let message = import_message(&v);
        assert!(
            message.contains("document: \"text\" is missing"),
            "{message}"
        );
        assert!(
            message.contains("file: \"annotations\" is missing"),
            "{message}"
        );
        let (_, mut v) = good();
        v["tags"] = json!({"claim": "#fff"});
        assert!(import_message(&v).contains("file: \"tags\" is an object, not a list"));
    }

    #[test]
    fn duplicate_ids_and_unknown_tags() {
        let (_, mut v) = good();
        v["annotations"][2]["id"] = json!("a-1");
        v["tags"][3]["id"] = json!("claim");
        v["annotations"][1]["tag"] = json!("t-7");
        let message = import_message(&v);
        assert!(
            message.contains(
                "annotation 3 (\"a-1\"): id \"a-1\" is also used by annotation 1 (\"a-1\")"
            ),
            "{message}"
        );
        assert!(
            message.contains("tag 4 (\"claim\"): id \"claim\" is also used by tag 1"),
            "{message}"
        );
        assert!(message.contains(
            "annotation 2 (\"a-2\"): tag \"t-7\" is not one of the file's tags (the file's tags \
             are claim, commitment, concern, proposal, evidence)"
        ), "{message}");
    }

    #[test]
    fn a_changed_text_or_a_miscounted_length_is_caught() {
        let (_, mut v) = good();
        v["document"]["text"] = json!(v["document"]["text"]
            .as_str()
            .unwrap()
            .replace("Chile", "Peru"));
        assert!(import_message(&v).contains("\"text_sha256\" does not match \"text\""));
        let (_, mut v) = good();
        v["document"]["text_length"] = json!(12);
        assert!(import_message(&v).contains("\"text_length\" is 12, but \"text\" has"));
    }

    #[test]
    fn many_problems_are_listed_then_counted() {
        let (_, mut v) = good();
        let template = v["annotations"][0].clone();
        let list: Vec<Value> = (0..60)
            .map(|i| {
                let mut a = template.clone();
                a["id"] = json!(format!("x{i}"));
                a["end"] = json!(1_000_000);
                a
            })
            .collect();
        v["annotations"] = json!(list);
        match import_value(&v) {
            Err(ImportError::Invalid { problems, more }) => {
                assert_eq!((problems.len(), more), (50, 10));
                let message = import_value(&v).unwrap_err().to_string();
                assert!(message.starts_with("the file has 60 problems:"));
                assert!(message.ends_with("- … and 10 more"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_or_missing_format_says_what_the_file_looks_like() {
        let (doc, mut v) = good();
        v["format"] = json!("rapporteur-annotations/2");
        assert_eq!(
            import_message(&v),
            "the file is in format \"rapporteur-annotations/2\", from another version of \
             Rapporteur; this version reads rapporteur-annotations/1"
        );
        v["format"] = json!("hypothesis/1");
        assert!(import_message(&v).contains("made by another tool"));
        v.as_object_mut().unwrap().remove("format");
        assert!(import_message(&v).contains(
            "no \"format\" field (its fields are: annotations, document, exported, orphans, tags)"
        ));

        let web = web_annotation_json(&doc, annotated(&doc).set());
        let message = import_annotations_str(&web, LIMIT).unwrap_err().to_string();
        assert!(message.contains("W3C Web Annotation JSON-LD"), "{message}");
        let message = import_annotations_str(OTHER_TOOL, LIMIT)
            .unwrap_err()
            .to_string();
        assert!(message.contains("W3C Web Annotation JSON-LD"), "{message}");

        let message = import_annotations_str(SPREADSHEET, LIMIT)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "the file is JSON but not a Rapporteur annotations export: it has no \"format\" \
             field (its fields are: author, rows, title)"
        );
        let parsed = serde_json::to_string(&doc).unwrap();
        let message = import_annotations_str(&parsed, LIMIT)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("a parsed Rapporteur document"),
            "{message}"
        );
        let saved = save_state(&doc.text, &AnnotationSet::new(), NOW);
        let message = import_annotations_str(&saved, LIMIT)
            .unwrap_err()
            .to_string();
        assert!(message.contains("autosave data"), "{message}");
        let message = import_annotations_str("[1, 2, 3]", LIMIT)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("the file holds a list of 3 items, not"),
            "{message}"
        );
        let message = import_annotations_str("\"hello\"", LIMIT)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("the file holds \"hello\" (text), not"),
            "{message}"
        );
        let message = import_annotations_str("{}", LIMIT).unwrap_err().to_string();
        assert!(message.contains("an empty JSON object"), "{message}");
    }

    #[test]
    fn truncated_and_malformed_json_report_line_and_column() {
        let (doc, _) = good();
        let file = export_json(&doc, annotated(&doc).set(), LATER);
        let cut = &file[..file.len() / 2];
        match import_annotations_str(cut, LIMIT) {
            Err(ImportError::Truncated { line, column }) => {
                assert_eq!(line, cut.lines().count());
                assert!(column >= 1);
            }
            other => panic!("{other:?}"),
        }
        assert!(import_annotations_str(cut, LIMIT)
            .unwrap_err()
            .to_string()
            .starts_with("the file ends too early (line"));
        // Columns count characters, not bytes: two emoji before the fault.
        assert_eq!(
            import_annotations_str("{\"format\": \"🎉🎉\", oops}", LIMIT).unwrap_err(),
            ImportError::Syntax {
                line: 1,
                column: 18,
                message: "key must be a string".to_owned()
            }
        );
        assert_eq!(
            import_annotations_str("{\n  \"a\": [1,],\n}", LIMIT)
                .unwrap_err()
                .to_string(),
            "the file is not valid JSON at line 2, column 11: trailing comma"
        );
    }

    #[test]
    fn empty_large_binary_and_non_utf8_files() {
        assert_eq!(
            import_annotations(b"", LIMIT).unwrap_err(),
            ImportError::Empty
        );
        assert_eq!(
            import_annotations(b"\n  \n", LIMIT)
                .unwrap_err()
                .to_string(),
            "the file is empty"
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            import_annotations(png, LIMIT).unwrap_err().to_string(),
            "the file is a PNG image, not an annotations export (JSON text)"
        );
        let junk: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        assert_eq!(
            import_annotations(&junk, LIMIT).unwrap_err().to_string(),
            "the file is binary, not an annotations export (JSON text)"
        );
        let latin1 = b"{\"format\": \"rapporteur-annotations/1\",\n \"note\": \"Z\xF6e\"}";
        assert_eq!(
            import_annotations(latin1, LIMIT).unwrap_err().to_string(),
            "the file is not UTF-8 text: byte 50 (line 2) is not valid UTF-8; save it as UTF-8"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            import_annotations(&utf16, LIMIT).unwrap_err(),
            ImportError::Utf16
        );
        // Too large: refused before reading (by size) and when handed bytes.
        assert_eq!(
            check_size(61 * 1024 * 1024, LIMIT).unwrap_err().to_string(),
            "the file is 61.0 MB, larger than the 50.0 MB an import may be"
        );
        assert!(check_size(LIMIT, LIMIT).is_ok());
        assert_eq!(
            import_annotations(SMALL_EXPORT.as_bytes(), 100).unwrap_err(),
            ImportError::TooLarge {
                size: SMALL_EXPORT.len() as u64,
                limit: 100
            }
        );
        // A UTF-8 byte-order mark is fine.
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), SMALL_EXPORT.as_bytes()].concat();
        assert!(import_annotations(&with_bom, LIMIT).is_ok());
    }

    /// A hand-made export of `text` with one tag and these annotations
    /// (start, end, exact).
    fn export_of(text: &str, spans: &[(usize, usize, &str)]) -> Value {
        let annotations: Vec<Value> = spans
            .iter()
            .enumerate()
            .map(|(i, (start, end, exact))| {
                json!({"id": format!("a-{}", i + 1), "tag": "claim", "start": start, "end": end,
                       "exact": exact, "created": NOW, "modified": NOW})
            })
            .collect();
        json!({"format": "rapporteur-annotations/1", "document": {"text": text},
               "tags": [{"id": "claim", "name": "Claim", "color": "#cc3333"}],
               "annotations": annotations})
    }

    #[test]
    fn offsets_inside_a_character_are_widened_to_whole_characters() {
        // Between a letter and its combining accent, inside a ZWJ emoji
        // sequence, between the two halves of a flag: the annotation is kept
        // and covers the whole character; the count lets the app say so.
        let text = "JOSE\u{301} said 👩\u{200d}🔬 and 🇸🇪 agreed.";
        let v = export_of(
            text,
            &[
                (0, 4, "JOSE"),
                (11, 12, "👩"),
                (12, 14, "\u{200d}🔬"),
                (19, 20, "\u{1f1f8}"),
                (6, 10, "said"),
            ],
        );
        let file = import_value(&v).expect("imported");
        assert_eq!(file.widened, 4);
        let spans: Vec<(usize, usize, &str)> = file
            .annotations
            .iter()
            .map(|(a, q)| (a.start, a.end, q.exact.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (0, 5, "JOSE\u{301}"),
                (11, 14, "👩\u{200d}🔬"),
                (11, 14, "👩\u{200d}🔬"),
                (19, 21, "🇸🇪"),
                (6, 10, "said"),
            ]
        );
        let doc = rapporteur::parse(text);
        let placed = file.place(&doc).set;
        assert_eq!(placed.annotations().len(), 5);
        assert_eq!(
            placed.annotation("a-1").map(|a| (a.start, a.end)),
            Some((0, 5))
        );
        // A file without such offsets widens nothing.
        let (_, good) = good();
        assert_eq!(import_value(&good).unwrap().widened, 0);
    }

    #[test]
    fn utf16_offsets_are_refused_with_a_hint() {
        // Another tool counted UTF-16 code units: the emoji counts two, so
        // "the" is at 3..6 for it and at 2..5 in code points.
        let text = "🎉 the fund";
        let message = import_message(&export_of(text, &[(3, 6, "the")]));
        assert!(
            message.contains(
                "\"exact\" \"the\" does not match the text at 3–6, which reads \"he \"; the \
                 offsets count UTF-16 code units"
            ),
            "{message}"
        );
        // An offset that would split a surrogate pair in UTF-16 is just a
        // wrong offset here: refused, no hint, no panic.
        let message = import_message(&export_of(text, &[(1, 2, "\u{fffd}")]));
        assert!(
            message.contains("does not match the text at 1–2"),
            "{message}"
        );
        assert!(!message.contains("UTF-16"), "{message}");
        // And the code-point offsets import.
        assert!(import_value(&export_of(text, &[(2, 5, "the")])).is_ok());
    }

    #[test]
    fn overlapping_ids_across_annotations_and_orphans() {
        let mut v = export_of("one two three", &[(0, 3, "one"), (4, 7, "two")]);
        v["annotations"][1]["id"] = json!("a-1");
        v["orphans"] = json!([{"id": "a-1", "tag": "claim", "exact": "four",
                                "created": NOW, "modified": NOW}]);
        let message = import_message(&v);
        assert!(message.starts_with("the file has 2 problems:"), "{message}");
        assert!(
            message.contains("annotation 2 (\"a-1\"): id \"a-1\" is also used by annotation 1"),
            "{message}"
        );
        assert!(
            message.contains(
                "unplaced annotation 1 (\"a-1\"): id \"a-1\" is also used by annotation 1"
            ),
            "{message}"
        );
    }

    #[test]
    fn a_hundred_megabyte_file_is_refused_by_size() {
        let size = 100 * 1024 * 1024;
        assert_eq!(
            check_size(size, LIMIT).unwrap_err().to_string(),
            "the file is 100.0 MB, larger than the 50.0 MB an import may be"
        );
        // Also when the bytes reach the importer (the check is repeated).
        let bytes = vec![b' '; size as usize];
        assert!(matches!(
            import_annotations(&bytes, LIMIT),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_failed_import_changes_nothing() {
        let (doc, mut v) = good();
        let mut session = annotated(&doc);
        let before = session.clone();
        v["annotations"][0]["end"] = json!(1_000_000);
        if let Ok(file) = import_value(&v) {
            session.replace_all(file.place(&doc).set).unwrap();
        }
        assert_eq!(session, before);
    }

    #[test]
    fn no_input_makes_import_panic() {
        let bytes = SMALL_EXPORT.as_bytes();
        for cut in 0..bytes.len() {
            let result = import_annotations(&bytes[..cut], LIMIT);
            assert!(result.is_err(), "a cut file imported at {cut}");
        }
        // Deterministic byte damage: flips, deletions and insertions.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let mut damaged = bytes.to_vec();
            for _ in 0..1 + next() % 3 {
                let at = (next() as usize) % damaged.len();
                match next() % 3 {
                    0 => damaged[at] = next() as u8,
                    1 => {
                        damaged.remove(at);
                    }
                    _ => damaged.insert(at, b"{}[]\",:0\\\x80"[(next() % 10) as usize]),
                }
            }
            if let Ok(file) = import_annotations(&damaged, LIMIT) {
                let doc = rapporteur::parse(&file.text);
                let placement = file.place(&doc);
                assert_in_text(&doc, &placement.set);
            }
        }
    }
}

// ---- re-anchoring -----------------------------------------------------------

mod reanchoring {
    use super::*;

    fn edited(replace: &str, with: &str) -> Document {
        assert!(RELEASE.contains(replace), "{replace:?}");
        release_with(&RELEASE.replacen(replace, with, 1))
    }

    fn assert_quotes_kept(
        doc: &Document,
        before: &Document,
        session_before: &Session,
        set: &AnnotationSet,
    ) {
        for a in set.annotations() {
            let old = session_before.set().annotation(&a.id).unwrap();
            assert_eq!(
                chars(&doc.text, a.start, a.end),
                chars(&before.text, old.start, old.end),
                "{}",
                a.id
            );
        }
    }

    #[test]
    fn text_inserted_before_moves_every_annotation() {
        let doc = release();
        let session = annotated(&doc);
        let inserted = "CORRECTED VERSION — 🎉 Zoë’s figures updated.\n\n";
        let new_doc = release_with(&format!("{inserted}{RELEASE}"));
        let mut moved = session.clone();
        let report = moved.follow_text_change(&doc.text, &new_doc);
        assert_eq!(
            report,
            ReanchorReport {
                moved: 3,
                ..ReanchorReport::default()
            }
        );
        assert_eq!(report.moved_total(), 3);
        let shift = inserted.chars().count();
        for a in moved.set().annotations() {
            let old = session.set().annotation(&a.id).unwrap();
            assert_eq!((a.start, a.end), (old.start + shift, old.end + shift));
            assert_eq!(a.modified, old.modified, "moving is not an edit");
        }
        assert_quotes_kept(&new_doc, &doc, &session, moved.set());
        assert!(
            !moved.can_undo(),
            "offsets of the old text are not undoable into the new"
        );
        // Following a "change" to the same text keeps everything, history too.
        let mut same = session.clone();
        let report = same.follow_text_change(&doc.text, &doc);
        assert_eq!(
            report,
            ReanchorReport {
                unchanged: 3,
                ..ReanchorReport::default()
            }
        );
        assert_eq!(same, session);
    }

    #[test]
    fn text_changed_around_a_quote() {
        let doc = release();
        let session = annotated(&doc);
        let new_doc = edited(
            "She criticized the slow pace of disbursement: only 17",
            "She again sharply criticized the slow pace of disbursement; merely 17",
        );
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        assert_eq!(placement.report.orphaned, 0);
        assert_eq!(placement.report.unchanged, 1, "a-1 precedes the edit");
        assert_eq!(placement.report.moved, 2);
        assert_quotes_kept(&new_doc, &doc, &session, &placement.set);
        let outcome = placement
            .outcomes
            .iter()
            .find(|(id, _)| id == "a-2")
            .unwrap();
        assert_eq!(outcome.1, Outcome::Moved);
    }

    #[test]
    fn a_deleted_quote_becomes_an_orphan_that_is_kept() {
        let doc = release();
        let mut session = annotated(&doc);
        session
            .set_note("a-17", "Which communities?", LATER)
            .unwrap();
        let new_doc = edited(" that mountain communities 👩\u{200D}🔬 lack data", "");
        let report = session.follow_text_change(&doc.text, &new_doc);
        assert_eq!(report.orphaned, 1);
        assert_eq!(report.unchanged, 2, "a-1 and a-2 come before the cut");
        assert_eq!(session.set().annotations().len(), 2);
        let orphan = session.set().orphan("a-17").unwrap();
        assert_eq!(orphan.quote.exact, "mountain communities");
        assert_eq!(orphan.annotation.note, "Which communities?");
        assert_eq!(
            session.set().tag_usage("concern"),
            1,
            "an orphan still uses its tag"
        );

        // Exports keep it.
        let v = export_value(&new_doc, &session);
        assert_eq!(v["orphans"][0]["id"], "a-17");
        assert_eq!(v["orphans"][0]["exact"], "mountain communities");
        let web: Value =
            serde_json::from_str(&web_annotation_json(&new_doc, session.set())).unwrap();
        let last = &web["first"]["items"][2];
        assert_eq!(last["target"]["selector"].as_array().unwrap().len(), 1);
        assert_eq!(
            last["target"]["selector"][0]["exact"],
            "mountain communities"
        );

        // It can be attached to a new selection, and that is undoable.
        let (s, e) = span(&new_doc.text, "regional observatory");
        session
            .reattach_orphan(&new_doc, "a-17", s, e, LATER)
            .unwrap();
        let a = session.set().annotation("a-17").unwrap();
        assert_eq!(
            (a.start, a.end, a.note.as_str()),
            (s, e, "Which communities?")
        );
        assert!(session.set().orphans().is_empty());
        session.undo().unwrap();
        assert!(session.set().orphan("a-17").is_some());
        session.delete_orphan("a-17").unwrap();
        assert!(session.set().orphans().is_empty());
    }

    #[test]
    fn an_orphan_finds_its_place_when_its_text_returns() {
        let doc = release();
        let mut session = annotated(&doc);
        let cut = edited(" that mountain communities 👩\u{200D}🔬 lack data", "");
        session.follow_text_change(&doc.text, &cut);
        let report = session.follow_text_change(&cut.text, &doc);
        assert_eq!(report.recovered, 1);
        assert_eq!(report.still_orphaned, 0);
        assert_eq!(sorted(session.set()), sorted(annotated(&doc).set()));
    }

    #[test]
    fn a_repeated_quote_keeps_its_own_occurrence() {
        let doc = release();
        let mut session = Session::default();
        let phrase = "the Council must do better";
        let first = at(&doc.text, phrase);
        let second = doc.text[doc.text.find(phrase).unwrap() + 1..]
            .find(phrase)
            .map(|b| {
                doc.text[..doc.text.find(phrase).unwrap() + 1 + b]
                    .chars()
                    .count()
            })
            .unwrap();
        let n = phrase.chars().count();
        session
            .annotate(&doc, new("second", "criticism", second, second + n))
            .unwrap();
        session
            .annotate(&doc, new("first", "criticism", first, first + n))
            .unwrap();
        // A paragraph that also contains the phrase is inserted before both.
        let new_doc = release_with(&RELEASE.replacen(
            "She criticized",
            "Several said the Council must do better.\n\nShe criticized",
            1,
        ));
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        let shift = "Several said the Council must do better.\n\n"
            .chars()
            .count();
        assert_eq!(
            placement.set.annotation("first").unwrap().start,
            first + shift
        );
        assert_eq!(
            placement.set.annotation("second").unwrap().start,
            second + shift
        );
    }

    #[test]
    fn rewrapped_whitespace_and_typography_are_found_loosely() {
        let doc = release();
        let mut session = Session::default();
        annotate(
            &mut session,
            &doc,
            "w",
            "claim",
            "by 2026.  “We cannot wait",
        );
        let new_doc = edited("2026.  “We cannot wait", "2026.\n\"We cannot\twait");
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        assert_eq!(placement.report.requoted, 1);
        let a = placement.set.annotation("w").unwrap();
        assert_eq!(
            chars(&new_doc.text, a.start, a.end),
            "by 2026.\n\"We cannot\twait"
        );
    }

    #[test]
    fn edited_quoted_words_are_found_between_their_context() {
        let doc = release();
        let mut session = Session::default();
        annotate(
            &mut session,
            &doc,
            "c",
            "commitment",
            "double their contribution to early-warning systems",
        );
        let new_doc = edited(
            "double their contribution to early-warning",
            "triple their contributions to early warning",
        );
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        assert_eq!(placement.report.requoted, 1);
        let a = placement.set.annotation("c").unwrap();
        assert_eq!(
            chars(&new_doc.text, a.start, a.end),
            "triple their contributions to early warning systems"
        );
    }

    #[test]
    fn a_short_quote_without_its_context_is_not_guessed() {
        let doc = release();
        let mut session = Session::default();
        // "Chile" appears once; rewrite its whole sentence but leave the word
        // in another place with other context.
        annotate(&mut session, &doc, "c", "claim", "Chile");
        let new_doc = edited(
            "JOSE\u{301} MARI\u{301}A PEN\u{303}A (Chile) expressed",
            "A delegate expressed",
        );
        let new_doc = release_with(&format!("{}\nSee also: Chile.\n", new_doc.text));
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        assert_eq!(
            placement.report.orphaned,
            1,
            "{:?}",
            placement.set.annotations()
        );
    }

    #[test]
    fn importing_onto_an_edited_text_reanchors() {
        let doc = release();
        let session = annotated(&doc);
        let file = export_json(&doc, session.set(), LATER);
        let new_doc = release_with(&format!("Updated.\n\n{RELEASE}"));
        let imported = import_annotations(file.as_bytes(), LIMIT).unwrap();
        assert!(!imported.same_text_as(&new_doc));
        let placement = imported.place(&new_doc);
        assert_eq!(placement.report.moved, 3);
        assert_quotes_kept(&new_doc, &doc, &session, &placement.set);
        let mut target = Session::default();
        target.replace_all(placement.set).unwrap();
        assert_eq!(target.set().annotations().len(), 3);
        target.undo().unwrap();
        assert_eq!(target.set(), &AnnotationSet::new());
    }

    #[test]
    fn a_megabyte_with_a_thousand_annotations_reanchors_quickly() {
        // 1 MB of varied paragraphs, a thousand annotations on distinct
        // phrases, then an insertion near the start and an edit mid-way.
        let mut text = String::new();
        let mut n = 0u64;
        while text.len() < 1_000_000 {
            n += 1;
            text.push_str(&format!(
                "Paragraph {n}: ZOË ÅSTRÖM said 🎉 item {n} costs {} euros, and délégué {} agreed.\n\n",
                n * 37 % 1000,
                n * 7919 % 10007
            ));
        }
        let doc = rapporteur::parse(&text);
        let mut session = Session::default();
        for i in 0..1000u64 {
            let phrase = format!("item {} costs", i * 3 + 1);
            let (s, e) = span(&doc.text, &format!("{phrase} "));
            session
                .annotate(&doc, new(&format!("a{i}"), "claim", s, e - 1))
                .unwrap();
        }
        let edited_text = format!(
            "Preface 🎉\n\n{}",
            text.replacen("item 1501 costs", "item 1501 now costs", 1)
        );
        let new_doc = rapporteur::parse(&edited_text);
        let started = std::time::Instant::now();
        let placement = reanchor(session.set(), &doc.text, &new_doc);
        let took = started.elapsed();
        assert_eq!(
            placement.report.moved + placement.report.requoted,
            1000,
            "{:?}",
            placement.report
        );
        assert_eq!(placement.report.orphaned, 0);
        assert!(took.as_secs() < 20, "took {took:?}");
    }
}

// ---- autosave -----------------------------------------------------------

mod autosave {
    use super::*;

    fn saved_session() -> (Document, Session, String) {
        let doc = release();
        let mut session = annotated(&doc);
        session.add_tag("t-x", "Follow up", "#0072b2").unwrap();
        annotate(&mut session, &doc, "a-x", "t-x", "👩\u{200D}🔬");
        let cut = edited_without_communities();
        session.follow_text_change(&doc.text, &cut);
        let raw = save_state(&cut.text, session.set(), NOW);
        (cut, session, raw)
    }

    fn edited_without_communities() -> Document {
        release_with(&RELEASE.replacen(" that mountain communities", "", 1))
    }

    #[test]
    fn a_save_restores_exactly() {
        let (doc, session, raw) = saved_session();
        assert_eq!(session.set().orphans().len(), 1);
        let restored = restore_state(&raw).unwrap();
        assert!(restored.is_complete(), "{:?}", restored.losses);
        assert_eq!(restored.text, doc.text);
        assert_eq!(restored.saved.as_deref(), Some(NOW));
        assert_eq!(&restored.set, session.set());
        let v: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(v["format"], SAVED_FORMAT);
    }

    #[test]
    fn one_broken_annotation_loses_only_itself() {
        let (_, session, raw) = saved_session();
        let mut v: Value = serde_json::from_str(&raw).unwrap();
        v["annotations"][1]["end"] = json!(99_999);
        v["annotations"][2] = json!(null);
        let restored = restore_state(&v.to_string()).unwrap();
        assert_eq!(
            restored.set.annotations().len(),
            session.set().annotations().len() - 2
        );
        assert_eq!(restored.losses.len(), 2, "{:?}", restored.losses);
        assert!(restored.losses[0].starts_with("annotation 2 was lost: end 99999 is past the end"));
        assert_eq!(
            restored.losses[1],
            "annotation 3 was lost: it is null, not an object"
        );
        assert_eq!(restored.set.orphans().len(), 1);
    }

    #[test]
    fn a_lost_tag_list_keeps_the_annotations_under_stand_in_tags() {
        let (_, session, raw) = saved_session();
        let mut v: Value = serde_json::from_str(&raw).unwrap();
        v["tags"] = json!("garbage");
        let restored = restore_state(&v.to_string()).unwrap();
        assert_eq!(
            restored.set.annotations().len(),
            session.set().annotations().len()
        );
        let stand_in = restored.set.tag("t-x").unwrap();
        assert_eq!(
            (stand_in.name.as_str(), stand_in.color.as_str()),
            ("Recovered 1", "#bbbbbb")
        );
        assert_eq!(
            restored.set.tag("claim").unwrap().name,
            "Claim",
            "defaults stand in"
        );
        assert!(restored
            .losses
            .iter()
            .any(|l| l.contains("the tag list could not be read")));
        assert!(restored
            .losses
            .iter()
            .any(|l| l.contains("\"t-x\" was lost; a grey tag named \"Recovered 1\"")));
    }

    #[test]
    fn a_cut_off_save_keeps_its_text_and_what_came_before_the_cut() {
        let (doc, session, raw) = saved_session();
        // Cut in the middle of the third annotation.
        let third = raw.find("\"id\":\"a-x\"").unwrap();
        let restored = restore_state(&raw[..third + 20]).unwrap();
        assert_eq!(restored.text, doc.text);
        assert_eq!(restored.set.tags(), session.set().tags());
        let ids: Vec<&str> = restored
            .set
            .annotations()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a-2", "a-1"]);
        // The annotation cut in two is reported lost along with the rest.
        assert_eq!(
            restored.losses,
            [
                "the saved work was cut off; what came after the cut was lost",
                "annotation 3 was lost: \"tag\" is missing"
            ]
        );
    }

    #[test]
    fn damage_in_the_middle_keeps_what_came_before() {
        let (doc, _, raw) = saved_session();
        let at = raw.find("\"annotations\"").unwrap();
        let damaged = format!(
            "{}\"annotations\":[{{\"id\": ###{}",
            &raw[..at],
            &raw[at + 20..]
        );
        let restored = restore_state(&damaged).unwrap();
        assert_eq!(restored.text, doc.text);
        assert!(restored.set.annotations().is_empty());
        assert!(restored.losses[0].starts_with("the saved work was damaged at line 1"));
    }

    #[test]
    fn every_cut_restores_or_explains_and_never_panics() {
        let (doc, _, raw) = saved_session();
        let text_end = raw.find("\",\"tags\"").unwrap();
        for (cut, _) in raw.char_indices() {
            match restore_state(&raw[..cut]) {
                Ok(restored) => {
                    assert_eq!(restored.text, doc.text, "cut at {cut}");
                    assert!(cut > text_end);
                    assert_in_text(&doc, &restored.set);
                }
                Err(error) => assert!(cut <= text_end + 1, "cut at {cut}: {error}"),
            }
        }
    }

    #[test]
    fn unrecoverable_saves_say_why() {
        assert_eq!(restore_state("").unwrap_err(), RestoreError::Empty);
        assert_eq!(
            restore_state("  ").unwrap_err().to_string(),
            "nothing was saved"
        );
        let newer = json!({"format": "rapporteur-saved/2", "text": "x"}).to_string();
        assert_eq!(
            restore_state(&newer).unwrap_err().to_string(),
            "the saved work is in format \"rapporteur-saved/2\", from a newer version of Rapporteur"
        );
        let no_text = json!({"format": SAVED_FORMAT, "tags": []}).to_string();
        assert_eq!(
            restore_state(&no_text).unwrap_err().to_string(),
            "the saved work cannot be read: its text is missing, so its annotations cannot be placed"
        );
        assert!(matches!(
            restore_state("not json"),
            Err(RestoreError::Unreadable(_))
        ));
        assert!(matches!(
            restore_state("[1,2]"),
            Err(RestoreError::Unreadable(_))
        ));
    }

    #[test]
    fn a_save_without_a_format_mark_is_read_with_a_note() {
        let raw = json!({"text": "Zoë 🎉", "tags": [], "annotations": []}).to_string();
        let restored = restore_state(&raw).unwrap();
        assert_eq!(restored.text, "Zoë 🎉");
        assert_eq!(restored.losses.len(), 1);
    }
}
