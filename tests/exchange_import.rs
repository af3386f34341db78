#![cfg(not(target_arch = "wasm32"))]
//! "Import annotations" for the open release (`import_for_release`): our
//! own JSON keeps our import's messages; other tools' files are recognised
//! from one file or several; from a file of several releases the one whose
//! text is the open release's is taken (by digest, else by how well its
//! annotations re-anchor) and the others are named; a file none of whose
//! releases fits is refused.

mod support;

use rapporteur::annotate::*;
use rapporteur::exchange::*;
use rapporteur::Document;
use serde_json::{json, Value};
use support::{annotate_spans, span_of};

const NOW: &str = "2026-03-12T09:00:00.000Z";
const LIMIT: u64 = 50 * 1024 * 1024;

const OPEN: &str =
    "Council Told to Act Now on Water\n\nZOË ÅSTRÖM (Sweden) said the Council must act now 🙏 and that \
Rene\u{301}e Dubois had pledged $12 million.\n\nAMAL HADDAD (Lebanon) quoted «مرحبا بالسلام» before \
saying the Council should fund the wells.\n";
const OTHER: &str = "Harbours Report Released\n\nA different release about harbours, with nothing \
in common.\n";
const THIRD: &str = "Budget Debate Runs Late\n\nDelegates debated the budget 🧾 until late.\n";

fn annotated(document: &Document, spans: &[(&str, &str, &str)]) -> AnnotationSet {
    let mut session = Session::new(AnnotationSet::default());
    annotate_spans(&mut session, document, spans, NOW);
    session.set().clone()
}

/// (tag name, quote, note) of each placed annotation, sorted.
fn quotes(document: &Document, set: &AnnotationSet) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = set
        .annotations()
        .iter()
        .map(|a| {
            let name = set.tag(&a.tag).map(|t| t.name.clone()).unwrap_or_default();
            (
                name,
                document.slice(a.start, a.end).to_owned(),
                a.note.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn import_into(document: &Document, files: &[(&str, &[u8])]) -> Result<ReleaseImport, ImportError> {
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    import_for_release(document, &inputs, &default_tags(), NOW, LIMIT)
}

fn open() -> (Document, AnnotationSet) {
    let document = rapporteur::parse(OPEN);
    let set = annotated(
        &document,
        &[
            ("claim", "the Council must act now 🙏", "Strong 💪"),
            (
                "commitment",
                "Rene\u{301}e Dubois had pledged $12 million",
                "",
            ),
            ("proposal", "«مرحبا بالسلام»", "greeting"),
        ],
    );
    (document, set)
}

fn expected() -> Vec<(String, String, String)> {
    let (document, set) = open();
    quotes(&document, &set)
}

#[test]
fn our_own_json_is_read_by_our_import_with_its_messages() {
    let (document, set) = open();
    let json = export_json(&document, &set, NOW);
    let imported = import_into(&document, &[("SC.annotations.json", json.as_bytes())]).unwrap();
    assert_eq!(imported.format, None);
    assert_eq!(imported.source, "SC.annotations.json");
    assert!(imported.notices.is_empty());
    assert_eq!(quotes(&document, &imported.placement.set), expected());

    // Files that are not ours and not another tool's keep our messages.
    for (name, content, message) in [
        ("list.json", "[1, 2, 3]", "the file holds a list of 3 items"),
        ("nothing.json", "[]", "the file holds a list of 0 items"),
        (
            "figures.json",
            r#"{"title": "Quarterly figures", "rows": [[1, 2]]}"#,
            "it has no \"format\" field",
        ),
        (
            "cut.annotations.json",
            &json[..json.len() / 2],
            "the file ends too early",
        ),
        ("empty.json", "", "the file is empty"),
        (
            "future.json",
            r#"{"format": "rapporteur-annotations/9", "text": "x"}"#,
            "from another version of Rapporteur",
        ),
    ] {
        let error = import_into(&document, &[(name, content.as_bytes())])
            .unwrap_err()
            .to_string();
        assert!(error.contains(message), "{name}: {error}");
    }
}

#[test]
fn each_tool_export_is_recognised_and_placed_on_the_open_release() {
    let (document, set) = open();
    for format in [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::UimaXmi,
    ] {
        let file = export_releases(format, &[(&document, &set)], ExportOptions::default()).unwrap();
        let imported = import_into(&document, &[(&file.name, &file.bytes)]).unwrap();
        assert_eq!(imported.format, Some(format));
        assert_eq!(
            imported.source,
            format!("{} ({})", file.name, format.name()),
            "{format:?}"
        );
        assert_eq!(
            quotes(&document, &imported.placement.set),
            expected(),
            "{format:?}"
        );
        assert!(imported.placement.set.orphans().is_empty());
    }
}

#[test]
fn one_doccano_line_or_label_studio_task_in_a_json_file_is_foreign() {
    let (document, _) = open();
    let (start, end) = span_of(&document, "the Council must act now 🙏");
    let line = json!({"text": document.text, "label": [[start, end, "Claim"]]}).to_string();
    let imported = import_into(&document, &[("line.json", line.as_bytes())]).unwrap();
    assert_eq!(imported.format, Some(Format::Doccano));
    let task = json!({"data": {"text": document.text}, "annotations": [{"result": [{
        "id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
        "value": {"start": start, "end": end, "text": "the Council must act now 🙏", "labels": ["Urgent"]}
    }]}]})
    .to_string();
    let imported = import_into(&document, &[("task.json", task.as_bytes())]).unwrap();
    assert_eq!(imported.format, Some(Format::LabelStudio));
    let set = &imported.placement.set;
    assert_eq!(
        quotes(&document, set),
        vec![(
            "Urgent".to_owned(),
            "the Council must act now 🙏".to_owned(),
            String::new()
        )]
    );
    // The user's tags are kept whole; the new label is added.
    assert!(default_tags()
        .iter()
        .all(|tag| set.tags().iter().any(|t| t.id == tag.id)));
}

#[test]
fn brat_ann_and_txt_picked_together_are_one_import() {
    let (document, _) = open();
    let (start, end) = span_of(&document, "the Council must act now 🙏");
    let ann = format!(
        "T1\tClaim {start} {end}\tthe Council must act now 🙏\n#1\tAnnotatorNotes T1\tStrong 💪\n"
    );
    let imported = import_into(
        &document,
        &[
            ("sc.ann", ann.as_bytes()),
            ("sc.txt", document.text.as_bytes()),
        ],
    )
    .unwrap();
    assert_eq!(imported.format, Some(Format::Brat));
    assert_eq!(imported.source, "sc.ann, sc.txt (brat standoff)");
    assert_eq!(
        quotes(&document, &imported.placement.set),
        vec![(
            "Claim".to_owned(),
            "the Council must act now 🙏".to_owned(),
            "Strong 💪".to_owned()
        )]
    );
}

fn library() -> (Document, AnnotationSet, Vec<(Document, AnnotationSet)>) {
    let (document, set) = open();
    let other = rapporteur::parse(OTHER);
    let other_set = annotated(&other, &[("concern", "harbours", "")]);
    let third = rapporteur::parse(THIRD);
    let third_set = annotated(&third, &[("evidence", "budget 🧾", "")]);
    (document, set, vec![(other, other_set), (third, third_set)])
}

#[test]
fn from_several_releases_the_open_one_is_taken_and_the_rest_named() {
    let (document, set, others) = library();
    let releases = [
        (&others[0].0, &others[0].1),
        (&document, &set),
        (&others[1].0, &others[1].1),
    ];
    for format in [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::UimaXmi,
    ] {
        let file = export_releases(format, &releases, ExportOptions::default()).unwrap();
        let imported = import_into(&document, &[(&file.name, &file.bytes)]).unwrap();
        assert_eq!(
            quotes(&document, &imported.placement.set),
            expected(),
            "{format:?}"
        );
        let notice = imported.notices.last().unwrap();
        assert!(
            notice.starts_with("The file holds 3 releases; "),
            "{notice}"
        );
        assert!(
            notice.contains("was imported (its text is the open release's)"),
            "{notice}"
        );
        assert!(notice.contains("Left out: "), "{notice}");
        assert!(
            notice.contains("open each of those releases and import the file again"),
            "{notice}"
        );
    }
    // Named by where they are in the file.
    let file = export_releases(Format::LabelStudio, &releases, ExportOptions::default()).unwrap();
    let imported = import_into(&document, &[(&file.name, &file.bytes)]).unwrap();
    assert_eq!(
        imported.source,
        "library-3.label-studio.json (Label Studio tasks, task 2)"
    );
    let notice = imported.notices.last().unwrap();
    assert!(
        notice.contains("task 2 (Council Told to Act Now on Water) was imported"),
        "{notice}"
    );
    assert!(
        notice.contains(
            "Left out: task 1 (Harbours Report Released), task 3 (Budget Debate Runs Late)."
        ),
        "{notice}"
    );
}

#[test]
fn without_the_same_text_the_release_whose_annotations_fit_best_is_taken() {
    let (document, set, others) = library();
    // The team worked on an edited copy of the release (another first
    // line): no digest matches, but its passages are all here.
    let edited = rapporteur::parse(&OPEN.replace(
        "Council Told to Act Now on Water",
        "Council Told to Act Now on Water, Resumed",
    ));
    let moved = reanchor(&set, &document.text, &edited).set;
    let mut tasks: Vec<Value> = Vec::new();
    for (doc, s) in [
        (&others[0].0, &others[0].1),
        (&edited, &moved),
        (&others[1].0, &others[1].1),
    ] {
        let file = export_releases(Format::LabelStudio, &[(doc, s)], Default::default()).unwrap();
        let list: Vec<Value> = serde_json::from_slice(&file.bytes).unwrap();
        tasks.extend(list);
    }
    let bytes = serde_json::to_vec(&tasks).unwrap();
    let imported = import_into(&document, &[("project-1.json", &bytes)]).unwrap();
    assert_eq!(quotes(&document, &imported.placement.set), expected());
    let notice = imported.notices.last().unwrap();
    assert!(
        notice.contains(
            "task 2 (Council Told to Act Now on Water, Resumed) was imported (its annotations fit the open release best)"
        ),
        "{notice}"
    );
}

#[test]
fn a_file_none_of_whose_releases_is_the_open_one_is_refused() {
    let (document, _, others) = library();
    let releases: Vec<(&Document, &AnnotationSet)> = others.iter().map(|(d, s)| (d, s)).collect();
    let file = export_releases(Format::Doccano, &releases, ExportOptions::default()).unwrap();
    let error = import_into(&document, &[(&file.name, &file.bytes)])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("the file holds 2 releases, and none of them is the open one"),
        "{error}"
    );
    assert!(
        error.contains("(line 1 (Harbours Report Released), line 2 (Budget Debate Runs Late))"),
        "{error}"
    );
    assert!(
        error.contains("open the release the annotations belong to"),
        "{error}"
    );

    // One release of another text is placed as our own import places it:
    // what cannot be found is "Not placed".
    let one = export_releases(Format::Doccano, &releases[..1], ExportOptions::default()).unwrap();
    let imported = import_into(&document, &[(&one.name, &one.bytes)]).unwrap();
    assert!(imported.placement.set.annotations().is_empty());
    assert_eq!(imported.placement.set.orphans().len(), 1);
}

#[test]
fn many_left_out_releases_are_counted_past_five() {
    let (document, set) = open();
    let extra: Vec<Document> = (1..=7)
        .map(|n| rapporteur::parse(&format!("Release number {n} says nothing.\n")))
        .collect();
    let empty = AnnotationSet::default();
    let mut releases: Vec<(&Document, &AnnotationSet)> =
        extra.iter().map(|d| (d, &empty)).collect();
    releases.push((&document, &set));
    let file = export_releases(Format::Doccano, &releases, ExportOptions::default()).unwrap();
    let imported = import_into(&document, &[(&file.name, &file.bytes)]).unwrap();
    let notice = imported.notices.last().unwrap();
    assert!(
        notice.contains(
            "The file holds 8 releases; line 8 (Council Told to Act Now on Water) was imported"
        ),
        "{notice}"
    );
    assert!(
        notice.contains("Left out: line 1, line 2, line 3, line 4, line 5, 2 more."),
        "{notice}"
    );
}

#[test]
fn the_tools_notices_become_sentences() {
    let (document, set) = open();
    let file = export_releases(
        Format::LabelStudio,
        &[(&document, &set)],
        ExportOptions { predictions: true },
    )
    .unwrap();
    let imported = import_into(&document, &[(&file.name, &file.bytes)]).unwrap();
    let notice = imported
        .notices
        .iter()
        .find(|n| n.contains("prediction"))
        .unwrap();
    assert!(notice.starts_with("Task 1: its "), "{notice}");
    assert!(notice.ends_with('.'), "{notice}");
}

#[test]
fn malformed_foreign_files_are_refused_with_their_problems() {
    let (document, _) = open();
    let line =
        json!({"text": document.text, "label": [[5, 2, "Claim"], [0, 99999, "Claim"]]}).to_string();
    let error = import_into(&document, &[("bad.jsonl", line.as_bytes())])
        .unwrap_err()
        .to_string();
    assert!(error.contains("the file has 2 problems"), "{error}");
    let error = import_into(&document, &[("lonely.ann", b"T1\tClaim 0 4\tSecu\n")])
        .unwrap_err()
        .to_string();
    assert!(error.contains(".txt"), "{error}");
    let error = import_into(&document, &[("sc.txt", document.text.as_bytes())])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("sc.txt is plain text, not a brat, doccano, Label Studio or UIMA CAS XMI export: a brat .txt is read together with the .ann file of the same name"),
        "{error}"
    );
    let error = import_into(&document, &[("broken.zip", b"PK\x03\x04 not really")])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("is a zip archive that cannot be read"),
        "{error}"
    );
}
