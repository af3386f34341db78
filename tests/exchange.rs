#![cfg(not(target_arch = "wasm32"))]
//! Exchange formats: each export exact on a small document, imports of
//! hand-written foreign files (good and malformed), round trips through
//! every format on a release with emoji, combining accents, Arabic and
//! Hebrew and CRLF line ends, library exports, and a property test over
//! random texts. Every offset asserted counts code points unless it says
//! UTF-16.

mod support;

use std::io::{Cursor, Read};

use rapporteur::annotate::*;
use rapporteur::exchange::*;
use rapporteur::Document;
use serde_json::{json, Value};
use support::{annotate_spans, Generator};

const RELEASE: &str = include_str!("fixtures/exchange/release-crlf.txt");
const NOW: &str = "2026-03-12T09:00:00.000Z";
const LIMIT: u64 = 50 * 1024 * 1024;

// ---- helpers --------------------------------------------------------------

/// A session with the default tags, `Press freedom` and `Préoccupation`,
/// and one annotation per (tag id, needle, note).
fn annotated(document: &Document, spans: &[(&str, &str, &str)]) -> AnnotationSet {
    let mut session = Session::new(AnnotationSet::default());
    session
        .add_tag("press", "Press freedom", "#88ccee")
        .unwrap();
    session
        .add_tag("concern-fr", "Préoccupation", "#ddcc77")
        .unwrap();
    annotate_spans(&mut session, document, spans, NOW);
    session.set().clone()
}

/// (tag name, start, end, note) of each annotation, sorted.
fn rows(set: &AnnotationSet) -> Vec<(String, usize, usize, String)> {
    let mut out: Vec<_> = set
        .annotations()
        .iter()
        .map(|a| {
            let name = set.tag(&a.tag).map(|t| t.name.clone()).unwrap_or_default();
            (name, a.start, a.end, a.note.clone())
        })
        .collect();
    out.sort();
    out
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().into_owned(), text)
        })
        .collect()
}

fn member<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                files.iter().map(|f| &f.0).collect::<Vec<_>>()
            )
        })
        .1
}

fn import(files: &[(&str, &[u8])]) -> Result<ForeignImport, ImportError> {
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    import_foreign(&inputs, &default_tags(), NOW, LIMIT)
}

fn problems(error: ImportError) -> String {
    error.to_string()
}

/// Exports one release in `format`, imports the file, places it on the
/// same document: the annotations must come back as they went.
fn round_trip(format: Format, document: &Document, set: &AnnotationSet) -> ForeignImport {
    let file = export_releases(
        format,
        &[(document, set)],
        ExportOptions { predictions: true },
    )
    .unwrap();
    let imported = import(&[(&file.name, &file.bytes)]).unwrap();
    assert_eq!(imported.format, format);
    assert_eq!(imported.releases.len(), 1);
    let release = &imported.releases[0];
    assert!(release.file.same_text_as(document), "{format:?}: same text");
    let placement = release.file.place(document);
    assert_eq!(rows(&placement.set), rows(set), "{format:?} round trip");
    assert!(placement.set.orphans().is_empty());
    imported
}

fn small() -> (Document, AnnotationSet) {
    let document =
        rapporteur::parse("Zoë said 🎉 «مرحبا» and e\u{301}lan.\r\nShalom שלום here.\r\n");
    let set = annotated(
        &document,
        &[
            ("claim", "🎉 «مرحبا»", "après 🎉"),
            ("press", "e\u{301}lan.\nShalom", "two\nlines"),
        ],
    );
    (document, set)
}

// ---- exports, exact ------------------------------------------------------

#[test]
fn brat_export_is_exact() {
    let (document, set) = small();
    let file =
        export_releases(Format::Brat, &[(&document, &set)], ExportOptions::default()).unwrap();
    assert_eq!(
        file.name,
        "zoe-said-shalom-here.brat.zip".replace("zoe-said-shalom-here", &file_stem(&document))
    );
    assert_eq!(file.mime, "application/zip");
    let files = unzip(&file.bytes);
    let stem = file_stem(&document);
    assert_eq!(member(&files, &format!("{stem}.txt")), document.text);
    // 🎉 is one code point: "Zoë said " is 9, the span is 9..18.
    assert_eq!(
        member(&files, &format!("{stem}.ann")),
        "T1\tClaim 9 18\t🎉 «مرحبا»\n#1\tAnnotatorNotes T1\taprès 🎉\n\
         T2\tPress_freedom 23 29;30 36\te\u{301}lan. Shalom\n\
         #2\tAnnotatorNotes T2\ttwo\n#3\tAnnotatorNotes T2\tlines\n"
    );
    let conf = member(&files, "annotation.conf");
    assert!(conf.contains("[entities]\nClaim\nCommitment\nConcern\nCriticism\nProposal\nEvidence\nPress_freedom\nPreoccupation\n"), "{conf}");
    let visual = member(&files, "visual.conf");
    assert!(
        visual.contains("Press_freedom | Press freedom\n"),
        "{visual}"
    );
    assert!(
        visual.contains("Preoccupation\tbgColor:#ddcc77\n"),
        "{visual}"
    );
}

#[test]
fn doccano_export_is_exact() {
    let (document, set) = small();
    let file = export_releases(
        Format::Doccano,
        &[(&document, &set)],
        ExportOptions::default(),
    )
    .unwrap();
    assert!(file.name.ends_with(".doccano.jsonl"));
    let text = String::from_utf8(file.bytes).unwrap();
    assert_eq!(text.lines().count(), 1);
    let line: Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(line["text"], document.text.as_str());
    assert_eq!(
        line["label"],
        json!([[9, 18, "Claim"], [23, 36, "Press freedom"]])
    );
    assert_eq!(
        line["notes"],
        json!([
            {"start": 9, "end": 18, "label": "Claim", "note": "après 🎉"},
            {"start": 23, "end": 36, "label": "Press freedom", "note": "two\nlines"}
        ])
    );
    assert_eq!(line["text_sha256"], document.text_sha256());
    assert_eq!(line["label_colors"]["Préoccupation"], "#ddcc77");
}

#[test]
fn label_studio_tasks_and_config_are_exact() {
    let (document, set) = small();
    let file = export_releases(
        Format::LabelStudio,
        &[(&document, &set)],
        ExportOptions::default(),
    )
    .unwrap();
    let tasks: Value = serde_json::from_slice(&file.bytes).unwrap();
    assert_eq!(tasks.as_array().unwrap().len(), 1);
    assert_eq!(tasks[0]["data"]["text"], document.text.as_str());
    assert!(tasks[0].get("predictions").is_none());
    assert_eq!(
        tasks[0]["annotations"][0]["result"],
        json!([
            {"id": "a-1", "from_name": "tag", "to_name": "text", "type": "labels",
             "value": {"start": 9, "end": 18, "text": "🎉 «مرحبا»", "labels": ["Claim"]}},
            {"id": "a-1", "from_name": "note", "to_name": "text", "type": "textarea",
             "value": {"start": 9, "end": 18, "text": ["après 🎉"]}},
            {"id": "a-2", "from_name": "tag", "to_name": "text", "type": "labels",
             "value": {"start": 23, "end": 36, "text": "e\u{301}lan.\nShalom", "labels": ["Press freedom"]}},
            {"id": "a-2", "from_name": "note", "to_name": "text", "type": "textarea",
             "value": {"start": 23, "end": 36, "text": ["two\nlines"]}}
        ])
    );
    let config = export_releases(
        Format::LabelStudioConfig,
        &[(&document, &set)],
        ExportOptions::default(),
    )
    .unwrap();
    assert!(config.name.ends_with(".label-studio-config.xml"));
    let xml = String::from_utf8(config.bytes).unwrap();
    assert!(xml.starts_with("<View>\n  <Labels name=\"tag\" toName=\"text\">\n    <Label value=\"Claim\" background=\"#56b4e9\"/>\n"), "{xml}");
    assert!(xml.contains("<Label value=\"Préoccupation\" background=\"#ddcc77\"/>"));
    assert!(xml.contains("<Text name=\"text\" value=\"$text\"/>"));
    assert!(xml.contains("<TextArea name=\"note\" toName=\"text\" perRegion=\"true\""));
    assert!(!xml.contains("extracted"));
}

#[test]
fn label_studio_predictions_carry_turns_speakers_and_facts() {
    let document = rapporteur::parse(RELEASE);
    let set = AnnotationSet::default();
    let options = ExportOptions { predictions: true };
    let file = export_releases(Format::LabelStudio, &[(&document, &set)], options).unwrap();
    let tasks: Value = serde_json::from_slice(&file.bytes).unwrap();
    assert!(tasks[0].get("annotations").is_none(), "no empty annotation");
    let prediction = &tasks[0]["predictions"][0];
    assert_eq!(prediction["model_version"], "rapporteur-parser");
    let labels: Vec<(&str, u64, u64)> = prediction["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "labels")
        .map(|r| {
            (
                r["value"]["labels"][0].as_str().unwrap(),
                r["value"]["start"].as_u64().unwrap(),
                r["value"]["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels.iter().filter(|l| l.0 == "Turn").count(),
        document.speakers.len()
    );
    for fact in &document.facts {
        assert!(labels
            .iter()
            .any(|&(_, s, e)| (s as usize, e as usize) == (fact.start, fact.end)));
    }
    let turn = prediction["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "textarea" && r["id"].as_str().unwrap().starts_with("turn"))
        .unwrap();
    assert_eq!(turn["value"]["text"][0], "ZOË ÅSTRÖM-NUÑEZ (Sweden)");
    let config = export_releases(Format::LabelStudioConfig, &[(&document, &set)], options).unwrap();
    let xml = String::from_utf8(config.bytes).unwrap();
    assert!(xml.contains("<Labels name=\"extracted\" toName=\"text\">"));
    assert!(xml.contains("<Label value=\"Money\""));
}

#[test]
fn uima_xmi_counts_utf16_and_escapes() {
    let (document, set) = small();
    let xmi = uima_xmi((&document, &set));
    // 🎉 is two UTF-16 units: the span 9..18 in code points is 9..19.
    assert!(
        xmi.contains("<custom:RapporteurTag xmi:id=\"3\" sofa=\"1\" begin=\"9\" end=\"19\" label=\"Claim\" note=\"après 🎉\" identifier=\"a-1\"/>"),
        "{xmi}"
    );
    assert!(
        xmi.contains("begin=\"24\" end=\"37\" label=\"Press freedom\" note=\"two&#10;lines\""),
        "{xmi}"
    );
    assert!(xmi.contains(
        "sofaString=\"Zoë said 🎉 «مرحبا» and e\u{301}lan.&#10;Shalom שלום here.&#10;\""
    ));
    let members = xmi.lines().find(|l| l.contains("<cas:View")).unwrap();
    assert!(members.contains("members=\"2 3 4"), "{members}");
    let ts = uima_type_system();
    for name in [
        "RapporteurTag",
        "RapporteurTurn",
        "RapporteurSpeaker",
        "RapporteurFact",
    ] {
        assert!(ts.contains(&format!("<name>webanno.custom.{name}</name>")));
    }
    let file = export_releases(
        Format::UimaXmi,
        &[(&document, &set)],
        ExportOptions::default(),
    )
    .unwrap();
    assert!(file.name.ends_with(".inception.zip"));
    let files = unzip(&file.bytes);
    assert_eq!(member(&files, "TypeSystem.xml"), ts);
    assert_eq!(
        member(&files, &format!("{}.xmi", file_stem(&document))),
        xmi
    );
}

#[test]
fn exports_are_deterministic_and_named_after_the_release() {
    let document = rapporteur::parse(RELEASE);
    let set = AnnotationSet::default();
    for format in Format::ALL {
        let a = export_releases(format, &[(&document, &set)], ExportOptions::default()).unwrap();
        let b = export_releases(format, &[(&document, &set)], ExportOptions::default()).unwrap();
        assert_eq!(a, b, "{format:?}");
        assert_eq!(a.name, exchange_file_name(&document, format));
        assert!(a.name.starts_with("SC-99001."), "{}", a.name);
        assert_eq!(Format::from_id(format.id()), Some(format));
    }
    assert_eq!(
        export_releases(Format::Brat, &[], ExportOptions::default()).unwrap_err(),
        ExportError::NoReleases
    );
}

// ---- round trips -----------------------------------------------------------

fn fixture_set(document: &Document) -> AnnotationSet {
    annotated(
        document,
        &[
            ("claim", "the Council must act now 🙏", "Strong wording 💪"),
            (
                "commitment",
                "Rene\u{301} Dubois of the relief fund had pledged $12 million",
                "René, decomposed",
            ),
            ("commitment", "$12 million", ""),
            (
                "concern-fr",
                "40 per cent of the basin’s wells had run dry 💧",
                "Line one\nline two",
            ),
            ("evidence", "«مرحبا بالسلام»", "Arabic, right to left"),
            ("evidence", "“שלום עכשיו”", "Hebrew"),
            ("press", "👩\u{200d}🔬 hydrologists 🇸🇪", ""),
            (
                "claim",
                "the Council should fund the wells.\n\nJOSE\u{301} MARTI\u{301}NEZ (Spain) said",
                "Crosses a paragraph",
            ),
            ("concern", "The situation is dire", "Overlaps"),
            (
                "press",
                "dire, and the pledges must be honoured",
                "Quotes \"…\" & <markup>",
            ),
        ],
    )
}

#[test]
fn every_format_round_trips_the_release() {
    let document = rapporteur::parse(RELEASE);
    assert!(RELEASE.contains("\r\n") && !document.text.contains('\r'));
    let set = fixture_set(&document);
    for format in [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::UimaXmi,
    ] {
        let imported = round_trip(format, &document, &set);
        // Tags: the palette kept, the file's labels matched to it by name.
        let release = &imported.releases[0];
        assert!(release.file.tags.iter().any(|t| t.name == "Press freedom"));
        assert!(release
            .file
            .tags
            .iter()
            .any(|t| t.name == "Claim" && t.id == "claim"));
    }
}

#[test]
fn library_exports_hold_every_release_in_order() {
    let first = rapporteur::parse(RELEASE);
    let first_set = fixture_set(&first);
    let (second, second_set) = small();
    let untitled = rapporteur::parse("Just a line of text.");
    let untitled_set = AnnotationSet::default();
    let releases = [
        (&first, &first_set),
        (&second, &second_set),
        (&untitled, &untitled_set),
    ];
    for format in [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::UimaXmi,
    ] {
        let file = export_releases(format, &releases, ExportOptions::default()).unwrap();
        assert!(file.name.starts_with("library-3."), "{}", file.name);
        let imported = import(&[(&file.name, &file.bytes)]).unwrap();
        assert_eq!(imported.releases.len(), 3, "{format:?}");
        let mut by_text: Vec<&ImportedRelease> = imported.releases.iter().collect();
        by_text.sort_by_key(|r| releases.iter().position(|(d, _)| d.text == r.file.text));
        for ((document, set), release) in releases.iter().zip(by_text) {
            assert!(
                release.file.same_text_as(document),
                "{format:?} {}",
                release.name
            );
            assert_eq!(
                rows(&release.file.place(document).set),
                rows(set),
                "{format:?}"
            );
        }
    }
}

// ---- imports of foreign files --------------------------------------------

const TEXT: &str = "Zoë said 🎉 «مرحبا» and e\u{301}lan.\nShalom שלום here.\n";

#[test]
fn brat_files_with_conf_notes_and_pieces() {
    let ann = "T1\tPress_freedom 9 18\t🎉 «مرحبا»\n#1\tAnnotatorNotes T1\tfirst\n#2\tAnnotatorNotes T1\tsecond\n\
               T2\tPerson 23 29;30 36\te\u{301}lan. Shalom\nR1\tRelated Arg1:T1 Arg2:T2\nA1\tNegated T1\n\
               T3\tPerson 0 3\tZoë\n";
    let visual =
        "[labels]\nPress_freedom | Press freedom\n[drawing]\nPress_freedom\tbgColor:#123456\n";
    let imported = import(&[
        ("doc.txt", TEXT.as_bytes()),
        ("doc.ann", ann.as_bytes()),
        ("visual.conf", visual.as_bytes()),
    ])
    .unwrap();
    assert_eq!(imported.format, Format::Brat);
    let release = &imported.releases[0];
    assert_eq!(release.name, "doc.ann");
    let file = &release.file;
    let press = file
        .tags
        .iter()
        .find(|t| t.name == "Press freedom")
        .unwrap();
    assert_eq!(press.color, "#123456");
    assert!(
        file.tags.iter().any(|t| t.name == "Person"),
        "a new tag for a new label"
    );
    let notes: Vec<(usize, usize, &str)> = file
        .annotations
        .iter()
        .map(|(a, _)| (a.start, a.end, a.note.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![(9, 18, "first\nsecond"), (23, 36, ""), (0, 3, "")]
    );
    assert!(
        release
            .notices
            .iter()
            .any(|n| n.contains("1 relation line")),
        "{:?}",
        release.notices
    );
    assert!(release
        .notices
        .iter()
        .any(|n| n.contains("1 attribute line")));
}

#[test]
fn brat_with_javascript_offsets_is_converted_and_said() {
    // A tool that counts UTF-16 units puts «مرحبا» at 12..19, not 11..18.
    let ann = "T1\tClaim 12 19\t«مرحبا»\n";
    let imported = import(&[("d.txt", TEXT.as_bytes()), ("d.ann", ann.as_bytes())]).unwrap();
    let release = &imported.releases[0];
    let (a, quote) = &release.file.annotations[0];
    assert_eq!((a.start, a.end, quote.exact.as_str()), (11, 18, "«مرحبا»"));
    assert!(
        release.notices.iter().any(|n| n.contains("UTF-16")),
        "{:?}",
        release.notices
    );
}

#[test]
fn malformed_brat_is_refused_whole_with_every_problem() {
    let ann = "T1\tClaim 0 3\tZoë\nT2\tClaim 4 8\tsays\nT3\tClaim 5 999\tx\nT4 Claim 1 2 x\n#1\tAnnotatorNotes T9\tlost\nT5\tClaim 9\t🎉\n";
    let error = import(&[("d.txt", TEXT.as_bytes()), ("d.ann", ann.as_bytes())]).unwrap_err();
    let message = problems(error);
    assert!(message.starts_with("the file has 5 problems:"), "{message}");
    assert!(message.contains("T2 (d.ann line 2): its text \"says\" does not match the text at 4–8, which reads \"said\""), "{message}");
    assert!(
        message.contains("T3 (d.ann line 3): end 999 is past the end of the text (48 code points)"),
        "{message}"
    );
    assert!(
        message.contains("d.ann line 4: a span line must read T<N><TAB>Type start end<TAB>text"),
        "{message}"
    );
    assert!(
        message.contains("d.ann line 5: the note is on T9, which is not in the file"),
        "{message}"
    );
    assert!(
        message.contains("d.ann line 6: \"9\" is not a pair of offsets"),
        "{message}"
    );

    let error = import(&[("lonely.ann", b"T1\tClaim 0 1\tZ\n")]).unwrap_err();
    assert!(problems(error).contains("lonely.ann: there is no lonely.txt beside it"));
}

#[test]
fn doccano_lines_with_notes_comments_and_relations_form() {
    let lines = [
        json!({"id": 7, "text": TEXT, "label": [[9, 18, "Claim"], [0, 3, "Person"], [0, 3, "Claim"]],
               "notes": [{"start": 9, "end": 18, "label": "Claim", "note": "kept"},
                         {"start": 1, "end": 2, "label": "Claim", "note": "span gone"}],
               "Comments": ["a comment on the whole text"], "source": "SC/1"}),
        json!({"id": 8, "text": "Second text.", "entities": [
               {"id": 1, "label": "Claim", "start_offset": 0, "end_offset": 6}], "relations": []}),
    ];
    let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let imported = import(&[("export.jsonl", jsonl.as_bytes())]).unwrap();
    assert_eq!(imported.format, Format::Doccano);
    assert_eq!(imported.releases.len(), 2);
    let first = &imported.releases[0];
    assert_eq!(first.file.symbol.as_deref(), Some("SC/1"));
    let spans: Vec<(usize, usize, &str)> = first
        .file
        .annotations
        .iter()
        .map(|(a, _)| (a.start, a.end, a.note.as_str()))
        .collect();
    assert_eq!(
        spans,
        vec![(9, 18, "kept"), (0, 3, ""), (0, 3, "")],
        "overlapping spans are kept"
    );
    assert!(
        first.notices.iter().any(|n| n.contains("span gone")),
        "{:?}",
        first.notices
    );
    assert!(first
        .notices
        .iter()
        .any(|n| n.contains("a comment on the whole text")));
    assert_eq!(imported.releases[1].file.annotations[0].1.exact, "Second");
}

#[test]
fn malformed_doccano_names_lines_and_fields() {
    let jsonl = format!(
        "{}\nnot json\n{}\n{}\n{}\n",
        json!({"text": TEXT, "label": [[9, 18]]}),
        json!({"label": []}),
        json!({"text": TEXT, "label": [[40, 99, "Claim"], [5, 2, "Claim"], [-1, 2, "Claim"]]}),
        json!({"text": TEXT, "label": [[0, 3, "   "]]}),
    );
    let message = problems(import(&[("d.jsonl", jsonl.as_bytes())]).unwrap_err());
    for expected in [
        "line 1, label 1: it is [9,18], not [start, end, label]",
        "line 2: not valid JSON at column 2: expected ident",
        "line 3: \"text\" is missing",
        "line 4, label 1: end 99 is past the end of the text (48 code points)",
        "line 4, label 2: start 5 is after end 2",
        "line 4, label 3: start is -1, not a whole number ≥ 0",
        "line 5, label 1: label \"   \": a tag needs a name",
    ] {
        assert!(message.contains(expected), "{expected:?} in\n{message}");
    }
    let empty = import(&[("d.jsonl", b"\n\n")]).unwrap_err();
    assert!(problems(empty).contains("no doccano examples"));
}

#[test]
fn label_studio_export_with_annotators_cancelled_and_old_offsets() {
    let tasks = json!([{
        "id": 3,
        "data": {"text": TEXT, "source": "SC/2"},
        "annotations": [
            {"id": 1, "result": [
                {"id": "r1", "from_name": "tag", "to_name": "text", "type": "labels",
                 "value": {"start": 9, "end": 18, "text": "🎉 «مرحبا»", "labels": ["Claim", "Quote"]}},
                {"id": "r1", "from_name": "note", "to_name": "text", "type": "textarea",
                 "value": {"start": 9, "end": 18, "text": ["line 1", "line 2"]}},
                {"id": "c1", "from_name": "sentiment", "to_name": "text", "type": "choices",
                 "value": {"choices": ["Positive"]}}
            ]},
            {"id": 2, "result": [
                {"id": "x", "from_name": "tag", "to_name": "text", "type": "labels",
                 "value": {"start": 9, "end": 18, "text": "🎉 «مرحبا»", "labels": ["Claim"]}},
                // Offsets of an older front end, in UTF-16 code units.
                {"id": "y", "from_name": "tag", "to_name": "text", "type": "labels",
                 "value": {"start": 12, "end": 19, "text": "«مرحبا»", "labels": ["Claim"]}}
            ]},
            {"id": 4, "was_cancelled": true, "result": [
                {"id": "z", "from_name": "tag", "to_name": "text", "type": "labels",
                 "value": {"start": 0, "end": 3, "text": "Zoë", "labels": ["Claim"]}}
            ]}
        ],
        "predictions": [{"result": []}]
    }]);
    let bytes = serde_json::to_vec(&tasks).unwrap();
    let imported = import(&[("project-1.json", &bytes)]).unwrap();
    assert_eq!(imported.format, Format::LabelStudio);
    let release = &imported.releases[0];
    assert_eq!(release.name, "task 1 (id 3)");
    let spans: Vec<(String, usize, usize, &str)> = release
        .file
        .annotations
        .iter()
        .map(|(a, _)| {
            let tag = release
                .file
                .tags
                .iter()
                .find(|t| t.id == a.tag)
                .unwrap()
                .name
                .clone();
            (tag, a.start, a.end, a.note.as_str())
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            ("Claim".to_owned(), 9, 18, "line 1\nline 2"),
            ("Quote".to_owned(), 9, 18, "line 1\nline 2"),
            ("Claim".to_owned(), 9, 18, ""),
            ("Claim".to_owned(), 11, 18, ""),
        ]
    );
    let said = release.notices.join("\n");
    assert!(
        said.contains("1 span(s) counted UTF-16 code units"),
        "{said}"
    );
    assert!(
        said.contains("1 \"choices\" result(s) were not imported"),
        "{said}"
    );
    assert!(said.contains("prediction(s) were not imported"), "{said}");
}

#[test]
fn malformed_label_studio_is_refused() {
    let tasks = json!([
        {"data": {"text": TEXT}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "value": {"start": 9, "end": 18, "text": "something else", "labels": ["Claim"]}},
            {"id": "b", "type": "labels", "value": {"start": "9", "end": 18, "labels": ["Claim"]}},
            {"id": "c", "type": "labels", "value": {"start": 0, "end": 3, "text": "Zoë", "labels": []}}
        ]}]},
        {"annotations": []}
    ]);
    let message =
        problems(import(&[("p.json", &serde_json::to_vec(&tasks).unwrap())]).unwrap_err());
    for expected in [
        "task 1, annotation 1, result 1: its text \"something else\" does not match the text at 9–18, which reads \"🎉 «مرحبا»\"",
        "task 1, annotation 1, result 2: \"value.start\" is \"9\", not a whole number ≥ 0",
        "task 1, annotation 1, result 3: \"value.labels\" is missing or empty",
        "task 2: \"data\" is missing",
    ] {
        assert!(message.contains(expected), "{expected:?} in\n{message}");
    }
    let config = import(&[(
        "config.xml",
        b"<View><Text name=\"t\" value=\"$text\"/></View>",
    )])
    .unwrap_err();
    assert!(problems(config).contains("labelling config, which holds no annotations"));
}

fn xmi(sofa: &str, annotations: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" \
         xmlns:cas=\"http:///uima/cas.ecore\" xmlns:custom=\"http:///webanno/custom.ecore\" \
         xmlns:type=\"http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore\" \
         xmlns:type2=\"http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore\" xmi:version=\"2.0\">\
         <cas:NULL xmi:id=\"0\"/>{annotations}\
         <cas:Sofa xmi:id=\"1\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text\" sofaString=\"{sofa}\"/>\
         </xmi:XMI>"
    )
}

#[test]
fn xmi_from_inception_with_named_entities_and_other_layers() {
    // UTF-16: 🎉 is 9..11, «مرحبا» 12..19.
    let sofa = "Zoë said 🎉 «مرحبا» and e&#769;lan.&#10;Shalom שלום here.&#10;";
    let body = "<custom:RapporteurTag xmi:id=\"5\" sofa=\"1\" begin=\"12\" end=\"19\" label=\"Quote\" note=\"a&#10;b &amp; c\"/>\
                <type:NamedEntity xmi:id=\"6\" sofa=\"1\" begin=\"0\" end=\"3\" value=\"PER\"/>\
                <type2:Token xmi:id=\"7\" sofa=\"1\" begin=\"0\" end=\"3\"/>\
                <type2:Token xmi:id=\"8\" sofa=\"1\" begin=\"4\" end=\"8\"/>";
    let imported = import(&[("doc.xmi", xmi(sofa, body).as_bytes())]).unwrap();
    assert_eq!(imported.format, Format::UimaXmi);
    let release = &imported.releases[0];
    assert_eq!(release.file.text, TEXT);
    let spans: Vec<(usize, usize, &str, &str)> = release
        .file
        .annotations
        .iter()
        .map(|(a, q)| (a.start, a.end, q.exact.as_str(), a.note.as_str()))
        .collect();
    assert_eq!(
        spans,
        vec![(11, 18, "«مرحبا»", "a\nb & c"), (0, 3, "Zoë", "")]
    );
    assert!(release.file.tags.iter().any(|t| t.name == "PER"));
    assert!(
        release.notices.iter().any(|n| n.contains("2 Token")),
        "{:?}",
        release.notices
    );
}

#[test]
fn xmi_offsets_inside_an_emoji_or_without_text_are_refused() {
    let sofa = "Zoë said 🎉 ok";
    let inside =
        "<custom:RapporteurTag xmi:id=\"5\" sofa=\"1\" begin=\"10\" end=\"13\" label=\"Claim\"/>";
    let message = problems(import(&[("a.xmi", xmi(sofa, inside).as_bytes())]).unwrap_err());
    assert!(
        message.contains("begin 10 or end 13 falls inside a character"),
        "{message}"
    );
    let no_label = "<custom:RapporteurTag xmi:id=\"5\" sofa=\"1\" begin=\"0\" end=\"3\"/>";
    let message = problems(import(&[("a.xmi", xmi(sofa, no_label).as_bytes())]).unwrap_err());
    assert!(message.contains("it has no label"), "{message}");
    let no_sofa = "<?xml version=\"1.0\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"></xmi:XMI>";
    let message = problems(import(&[("b.xmi", no_sofa.as_bytes())]).unwrap_err());
    assert!(message.contains("b.xmi: it has no text"), "{message}");
    let broken = "<?xml version=\"1.0\"?><xmi:XMI><a b=\"1\" b=\"2\"/></xmi:XMI>";
    let message = problems(import(&[("c.xmi", broken.as_bytes())]).unwrap_err());
    assert!(message.contains("c.xmi:"), "{message}");
}

#[test]
fn unknown_empty_and_oversized_inputs_get_clear_messages() {
    assert_eq!(import(&[]).unwrap_err(), ImportError::Empty);
    let message = problems(import(&[("notes.txt", b"just some words")]).unwrap_err());
    assert!(
        message.contains("notes.txt is plain text, not a brat, doccano, Label Studio or UIMA CAS XMI export: a brat .txt is read together with the .ann file of the same name"),
        "{message}"
    );
    let message = problems(import(&[("notes.md", b"just some words")]).unwrap_err());
    assert!(
        message.contains("not a brat, doccano, Label Studio or UIMA CAS XMI export"),
        "{message}"
    );
    let ours = export_json(&small().0, &small().1, NOW);
    let message = problems(import(&[("x.annotations.json", ours.as_bytes())]).unwrap_err());
    assert!(message.contains("use Import annotations"), "{message}");
    let message = problems(import(&[("t.xml", uima_type_system().as_bytes())]).unwrap_err());
    assert!(message.contains("a UIMA type system alone"), "{message}");
    let message = problems(import(&[("x.zip", b"PK\x03\x04 broken")]).unwrap_err());
    assert!(
        message.contains("x.zip is a zip archive that cannot be read"),
        "{message}"
    );
    let message = problems(import(&[("d.jsonl", b"\xff\xfe{")]).unwrap_err());
    assert!(message.contains("UTF-16"), "{message}");

    // A zip whose content unpacks past the limit is refused while reading.
    let (document, set) = small();
    let big =
        export_releases(Format::Brat, &[(&document, &set)], ExportOptions::default()).unwrap();
    let inputs = [InputFile {
        name: "b.zip",
        bytes: &big.bytes,
    }];
    let error = import_foreign(&inputs, &default_tags(), NOW, 200).unwrap_err();
    assert!(
        matches!(error, ImportError::TooLarge { limit: 200, .. }),
        "{error:?}"
    );
}

// ---- property test ---------------------------------------------------------

/// Random texts mixing ASCII words, accented letters (precomposed and with
/// combining marks), emoji (astral, ZWJ sequences, flags), Arabic and Hebrew,
/// and CRLF/LF line ends.
fn arbitrary_text(rng: &mut Generator) -> String {
    const PIECES: &[&str] = &[
        "the",
        "Council",
        "said",
        "Zoë",
        "e\u{301}",
        "A\u{30a}",
        "🎉",
        "👩\u{200d}🔬",
        "🇸🇪",
        "مرحبا",
        "بالسلام",
        "שלום",
        "עכשיו",
        "“quoted”",
        "$12",
        "2024.",
        "«",
        "»",
        "\u{10FFFF}",
        "東京",
        "x",
        "&",
        "<b>",
    ];
    let mut out = String::new();
    for _ in 0..(5 + rng.below(60)) {
        out.push_str(rng.pick(PIECES));
        out.push_str(rng.pick(&[" ", " ", " ", "\r\n", "\n", "\r\n\r\n", ", "]));
    }
    out
}

#[test]
fn random_texts_round_trip_through_every_format() {
    let mut rng = Generator(0x5eed_cafe_f00d);
    let tags = default_tags();
    for round in 0..60 {
        let document = rapporteur::parse(&arbitrary_text(&mut rng));
        let len = document.char_index().len_chars();
        let mut session = Session::new(AnnotationSet::default());
        let mut seen = Vec::new();
        for n in 0..rng.below(8) {
            let (a, b) = (rng.below(len + 1), rng.below(len + 1));
            let Some(span) = snap_selection(&document, a, b) else {
                continue;
            };
            let tag = tags[rng.below(tags.len())].id.clone();
            let note = ["", "note 🎉", "e\u{301} مرحبا\nשלום", "x & <y>"][rng.below(4)].to_owned();
            if seen.contains(&(span.start, span.end, tag.clone(), note.clone())) {
                continue;
            }
            seen.push((span.start, span.end, tag.clone(), note.clone()));
            session
                .annotate(
                    &document,
                    NewAnnotation {
                        id: format!("r{round}-{n}"),
                        tag,
                        note,
                        start: span.start,
                        end: span.end,
                        now: NOW.to_owned(),
                    },
                )
                .unwrap();
        }
        for format in [
            Format::Brat,
            Format::Doccano,
            Format::LabelStudio,
            Format::UimaXmi,
        ] {
            round_trip(format, &document, session.set());
        }
    }
}
