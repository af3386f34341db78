//! What the Export menu offers: our own JSON, the W3C form, and each other
//! tool's format, with the name a menu item shows and the file it makes.
//!
//! Our own formats are made on the page (their code is in the app's wasm
//! anyway, for autosave and the panic overlay). The other tools' formats,
//! and reading their files, run in the exchange worker: a second wasm
//! module (`src/bin/rapporteur-exchange.rs`, started by
//! `assets/exchange-worker.js`) that the page loads only when it is first
//! used, so the zip, XML and format code does not weigh on every page
//! load. Releases cross to it in the autosave format, which holds the text
//! and every annotation, tag and orphan; the worker parses the text again
//! (the parse is deterministic). Everything here is pure and tested
//! natively.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::annotate::{
    export_file_name, export_json, restore_state, save_state, web_annotation_file_name,
    web_annotation_json, AnnotationSet, ReanchorReport,
};
use crate::app::state::Library;
use crate::document::Document;
use crate::exchange::{
    export_releases, import_for_release, ExportOptions, ExportedFile, Format, InputFile, Release,
};

/// One entry of the Export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Our own `rapporteur-annotations/1` JSON (one release).
    Json,
    /// The W3C Web Annotation JSON-LD form (one release).
    WebAnnotations,
    /// Another tool's format; `predictions` adds the extracted speakers,
    /// turns and facts (Label Studio tasks).
    Tool { format: Format, predictions: bool },
}

/// The entries for the open release, in menu order: our own two formats,
/// then every other tool's (the library's entries below).
pub const RELEASE_EXPORTS: &[Export] = &[
    Export::Json,
    Export::WebAnnotations,
    Export::Tool {
        format: Format::Brat,
        predictions: false,
    },
    Export::Tool {
        format: Format::Doccano,
        predictions: false,
    },
    Export::Tool {
        format: Format::LabelStudio,
        predictions: false,
    },
    Export::Tool {
        format: Format::LabelStudio,
        predictions: true,
    },
    Export::Tool {
        format: Format::LabelStudioConfig,
        predictions: false,
    },
    Export::Tool {
        format: Format::UimaXmi,
        predictions: false,
    },
];

/// The entries for the whole library, in menu order: every other tool's
/// format, each file holding every release. (Our own JSON of the whole
/// library is the corpus file, "Export corpus" in the Library.)
pub const LIBRARY_EXPORTS: &[Export] = RELEASE_EXPORTS.split_at(2).1;

/// A release an export is made of, read when an entry is chosen.
#[derive(Debug, Clone)]
pub enum Outgoing {
    /// Parsed on the page (the open release): our own formats need the
    /// document.
    Parsed(Rc<Document>, AnnotationSet),
    /// A release of the library as stored, its text not parsed here: the
    /// exchange worker parses what it exports.
    Text(Rc<str>, AnnotationSet),
}

impl Outgoing {
    pub fn text(&self) -> &str {
        match self {
            Outgoing::Parsed(document, _) => &document.text,
            Outgoing::Text(text, _) => text,
        }
    }

    pub fn set(&self) -> &AnnotationSet {
        match self {
            Outgoing::Parsed(_, set) | Outgoing::Text(_, set) => set,
        }
    }

    /// As the exchange worker takes it (see [`saved_release`]).
    pub fn saved(&self) -> String {
        saved_release(self.text(), self.set())
    }
}

/// Every release of the library, in its order, with its annotations under
/// the codebook's tags; or why not yet (texts still being read).
pub fn library_releases(library: &Library) -> Result<Vec<Outgoing>, String> {
    if library.releases.is_empty() {
        return Err("the library holds no release".to_owned());
    }
    Ok(library
        .with_texts()?
        .into_iter()
        .map(|(release, text)| Outgoing::Text(text.clone(), release.work.with_tags(library.tags())))
        .collect())
}

impl Export {
    /// The menu item's text and accessible name: "Export JSON", "Export
    /// doccano JSONL".
    pub fn label(self) -> String {
        match self {
            Export::Json => "Export JSON".to_owned(),
            Export::WebAnnotations => "Export Web Annotations".to_owned(),
            Export::Tool {
                format,
                predictions: true,
            } => format!("Export {} with predictions", format.label()),
            Export::Tool { format, .. } => format!("Export {}", format.label()),
        }
    }

    /// Our JSON or the W3C form of `releases`, made here; `None` for
    /// another tool's format (the exchange worker makes those). Our
    /// formats hold one release; asked for several they say so.
    pub fn own_file(self, releases: &[Release], now: &str) -> Option<Result<ExportedFile, String>> {
        if matches!(self, Export::Tool { .. }) {
            return None;
        }
        let [(document, set)] = releases else {
            return Some(Err(format!(
                "{} holds one release, and {} were chosen",
                self.label(),
                releases.len()
            )));
        };
        Some(Ok(if self == Export::Json {
            ExportedFile {
                name: export_file_name(document),
                mime: "application/json",
                bytes: export_json(document, set, now).into_bytes(),
            }
        } else {
            ExportedFile {
                name: web_annotation_file_name(document),
                mime: "application/ld+json",
                bytes: web_annotation_json(document, set).into_bytes(),
            }
        }))
    }
}

/// A release as it crosses to the exchange worker: its text and
/// annotations in the autosave format.
pub fn saved_release(text: &str, set: &AnnotationSet) -> String {
    save_state(text, set, "")
}

/// In the worker: another tool's file for `releases` (each from
/// [`saved_release`]), named `<symbol-or-headline>.<format>.<ext>`
/// (`library-<n>.…` for several).
pub fn tool_file(
    format: Format,
    predictions: bool,
    releases: &[String],
) -> Result<ExportedFile, String> {
    let mut restored = Vec::new();
    for saved in releases {
        let release =
            restore_state(saved).map_err(|e| format!("a release could not be read: {e}"))?;
        restored.push((crate::parse(&release.text), release.set));
    }
    let pairs: Vec<Release> = restored.iter().map(|(d, s)| (d, s)).collect();
    // The labelling config always has the extracted labels, so that it
    // fits the tasks with predictions as well as those without (a label
    // nobody uses costs nothing there).
    let predictions = predictions || format == Format::LabelStudioConfig;
    export_releases(format, &pairs, ExportOptions { predictions }).map_err(|e| e.to_string())
}

/// What the exchange worker answers to an import: the annotations placed
/// on the open release's text, ready for `Session::replace_all`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReply {
    /// The open release's text and the placed annotations, in the autosave
    /// format.
    pub placed: String,
    pub report: ReanchorReport,
    pub widened: usize,
    pub source: String,
    pub notices: Vec<String>,
}

/// In the worker: reads `files` for the open release (`open`, from
/// [`saved_release`]: its tags are the palette a foreign file's labels are
/// matched to) and answers with an [`ImportReply`] as JSON, or the
/// message of what is wrong with the files.
pub fn import_reply(
    files: &[InputFile],
    open: &str,
    now: &str,
    limit: u64,
) -> Result<String, String> {
    let open =
        restore_state(open).map_err(|e| format!("the open release could not be read: {e}"))?;
    let document = crate::parse(&open.text);
    let imported = import_for_release(&document, files, open.set.tags(), now, limit)
        .map_err(|e| e.to_string())?;
    let reply = ImportReply {
        placed: saved_release(&document.text, &imported.placement.set),
        report: imported.placement.report,
        widened: imported.widened,
        source: imported.source,
        notices: imported.notices,
    };
    serde_json::to_string(&reply).map_err(|e| e.to_string())
}

/// On the page: the worker's answer, with the placed annotations read back
/// and the text they were placed on.
pub fn read_import_reply(json: &str) -> Result<(ImportReply, String, AnnotationSet), String> {
    let reply: ImportReply = serde_json::from_str(json)
        .map_err(|e| format!("the exchange worker answered oddly: {e}"))?;
    let placed = restore_state(&reply.placed)
        .map_err(|e| format!("the exchange worker answered oddly: {e}"))?;
    Ok((reply, placed.text, placed.set))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::NewAnnotation;
    use crate::annotate::{AnnotationSet, Session};

    const NOW: &str = "2026-03-12T09:00:00.000Z";
    const TEXT: &str = "Security Council\n9999th Meeting (AM)\nSC/99001\n12 March 2026\n\n\
                        ZOË ÅSTRÖM (Sweden) said the Council must act now 🙏.\n";

    fn release() -> (crate::Document, AnnotationSet) {
        let document = crate::parse(TEXT);
        let mut session = Session::new(AnnotationSet::default());
        let quote = "the Council must act now 🙏";
        let byte = document.text.find(quote).unwrap();
        let start = document.text[..byte].chars().count();
        session
            .annotate(
                &document,
                NewAnnotation {
                    id: "a-1".into(),
                    tag: "claim".into(),
                    note: "Urgent".into(),
                    start,
                    end: start + quote.chars().count(),
                    now: NOW.into(),
                },
            )
            .unwrap();
        (document, session.set().clone())
    }

    #[test]
    fn labels_name_the_format() {
        let labels: Vec<String> = RELEASE_EXPORTS.iter().map(|e| e.label()).collect();
        assert_eq!(
            labels,
            [
                "Export JSON",
                "Export Web Annotations",
                "Export brat standoff (.zip)",
                "Export doccano JSONL",
                "Export Label Studio tasks",
                "Export Label Studio tasks with predictions",
                "Export Label Studio labelling config",
                "Export INCEpTION UIMA CAS XMI (.zip)",
            ]
        );
    }

    #[test]
    fn each_entry_makes_its_file_named_after_the_release() {
        let (document, set) = release();
        let saved = [saved_release(&document.text, &set)];
        let file = |export: Export| match export {
            Export::Tool {
                format,
                predictions,
            } => tool_file(format, predictions, &saved).unwrap(),
            own => own.own_file(&[(&document, &set)], NOW).unwrap().unwrap(),
        };
        let names: Vec<String> = RELEASE_EXPORTS.iter().map(|&e| file(e).name).collect();
        assert_eq!(
            names,
            [
                "SC-99001.annotations.json",
                "SC-99001.annotations.jsonld",
                "SC-99001.brat.zip",
                "SC-99001.doccano.jsonl",
                "SC-99001.label-studio.json",
                "SC-99001.label-studio.json",
                "SC-99001.label-studio-config.xml",
                "SC-99001.inception.zip",
            ]
        );
        let text = |export: Export| String::from_utf8(file(export).bytes).unwrap();
        let tool = |format, predictions| Export::Tool {
            format,
            predictions,
        };
        assert!(!text(tool(Format::LabelStudio, false)).contains("\"predictions\""));
        assert!(text(tool(Format::LabelStudio, true)).contains("\"predictions\""));
        assert!(text(tool(Format::LabelStudioConfig, false)).contains("name=\"extracted\""));
        assert!(text(Export::Json).contains(NOW));
        // What crosses to the worker is the release whole: the same bytes
        // as an export made from the document and set directly.
        let direct = export_releases(Format::UimaXmi, &[(&document, &set)], Default::default());
        assert_eq!(file(tool(Format::UimaXmi, false)), direct.unwrap());
    }

    #[test]
    fn our_json_holds_one_release_and_an_empty_list_is_refused() {
        let (document, set) = release();
        let two = [(&document, &set), (&document, &set)];
        assert_eq!(
            Export::Json.own_file(&two, NOW).unwrap().unwrap_err(),
            "Export JSON holds one release, and 2 were chosen"
        );
        let doccano = Export::Tool {
            format: Format::Doccano,
            predictions: false,
        };
        assert!(doccano.own_file(&two, NOW).is_none(), "made in the worker");
        let saved = saved_release(&document.text, &set);
        let library = tool_file(Format::Doccano, false, &[saved.clone(), saved]).unwrap();
        assert_eq!(library.name, "library-2.doccano.jsonl");
        assert_eq!(
            tool_file(Format::Doccano, false, &[]).unwrap_err(),
            "there is no release to export"
        );
    }

    /// A library of the release above and a second one, the second text
    /// not yet read from storage unless `read`.
    fn library(read: bool) -> Library {
        use crate::app::state::LibraryAction;
        use crate::library::Work;
        let (document, set) = release();
        let other = crate::parse("Lisbon, 9 October 2025\n\nThe port will open a terminal.");
        let mut library = Library::default();
        library.reduce(LibraryAction::Loaded {
            releases: Vec::new(),
            codebook: None,
            open: None,
            storage: crate::app::state::Storage::Saved,
        });
        library.set_tags(set.tags());
        library.add("r-1".into(), &document, Work::of(&set));
        library.add("r-2".into(), &other, Work::default());
        if !read {
            Rc::make_mut(&mut library.texts).remove("r-2");
        }
        library
    }

    #[test]
    fn the_whole_library_is_every_release_with_its_work_under_the_codebook() {
        let (document, set) = release();
        let releases = library_releases(&library(true)).unwrap();
        let texts: Vec<&str> = releases.iter().map(Outgoing::text).collect();
        assert_eq!(
            texts,
            [
                document.text.as_str(),
                "Lisbon, 9 October 2025\n\nThe port will open a terminal."
            ]
        );
        assert_eq!(
            releases[0].set(),
            &set,
            "annotations and the codebook's tags"
        );
        assert!(releases[1].set().annotations().is_empty());
        assert_eq!(releases[1].set().tags(), set.tags());
        // Each tool's file holds both releases.
        let saved: Vec<String> = releases.iter().map(Outgoing::saved).collect();
        for &export in LIBRARY_EXPORTS {
            let Export::Tool {
                format,
                predictions,
            } = export
            else {
                panic!("{export:?} is not another tool's format");
            };
            let file = tool_file(format, predictions, &saved).unwrap();
            let direct = export_releases(
                format,
                &[
                    (&document, &set),
                    (&crate::parse(texts[1]), releases[1].set()),
                ],
                ExportOptions {
                    predictions: predictions || format == Format::LabelStudioConfig,
                },
            )
            .unwrap();
            assert_eq!(file, direct, "{}", export.label());
        }
        let labels: Vec<String> = LIBRARY_EXPORTS.iter().map(|e| e.label()).collect();
        assert_eq!(
            labels,
            RELEASE_EXPORTS[2..]
                .iter()
                .map(|e| e.label())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_whole_library_waits_for_its_texts() {
        assert_eq!(
            library_releases(&library(false)).unwrap_err(),
            "the texts of 1 release(s) are still being read from the browser's storage; try again in a moment"
        );
        assert_eq!(
            library_releases(&Library::default()).unwrap_err(),
            "the library holds no release"
        );
    }

    #[test]
    fn an_import_crosses_back_placed_on_the_open_text() {
        let (document, set) = release();
        let (start, end) = (set.annotations()[0].start, set.annotations()[0].end);
        let line = format!(
            "{{\"text\": {:?}, \"label\": [[{start}, {end}, \"Urgent\"]], \"Comments\": [\"x\"]}}\n",
            document.text
        );
        let open = saved_release(&document.text, &set);
        let files = [InputFile {
            name: "team.jsonl",
            bytes: line.as_bytes(),
        }];
        let json = import_reply(&files, &open, NOW, 1 << 20).unwrap();
        let (reply, text, placed) = read_import_reply(&json).unwrap();
        assert_eq!(text, document.text);
        assert_eq!(reply.source, "team.jsonl (doccano JSONL)");
        assert_eq!(reply.report.unchanged, 1);
        assert_eq!(reply.notices.len(), 1, "{:?}", reply.notices);
        let a = &placed.annotations()[0];
        assert_eq!((a.start, a.end), (start, end));
        assert_eq!(placed.tag(&a.tag).unwrap().name, "Urgent");
        // The user's tags are kept whole.
        assert!(set.tags().iter().all(|t| placed.tag(&t.id).is_some()));

        let broken = [InputFile {
            name: "broken.jsonl",
            bytes: b"{\"text\": \"x\", \"label\": [[0, 9, \"A\"]]}\n",
        }];
        let error = import_reply(&broken, &open, NOW, 1 << 20).unwrap_err();
        assert!(error.contains("past the end of the text"), "{error}");
        assert!(read_import_reply("{").is_err());
    }
}
